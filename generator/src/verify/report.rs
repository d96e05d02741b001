//! The `verify` report as text (figures, then every disagreement grouped by
//! kind) and the threshold check CI uses.

use super::cause::Cause;
use super::score::{Disagreement, Kind, MacroScores, Ratio, Report, Scores};
use std::collections::BTreeMap;
use std::fmt::Write;

/// A figure as `95.12% (1234/1297)`, or `n/a (0/0)` when nothing was counted.
pub fn figure(r: Ratio) -> String {
    match r.percent() {
        Some(p) => format!("{p:.2}% ({}/{})", r.hits, r.total),
        None => format!("n/a ({}/{})", r.hits, r.total),
    }
}

/// A mean percentage as `95.12%`, or `n/a`.
fn mean_figure(p: Option<f64>) -> String {
    p.map_or_else(|| "n/a".to_string(), |p| format!("{p:.2}%"))
}

/// The five figures with their labels, in report order.
fn labelled(s: &Scores) -> [(&'static str, Ratio); 5] {
    [
        ("property precision", s.precision),
        ("property recall", s.recall),
        ("type agreement", s.type_agreement),
        ("enum member precision", s.enum_precision),
        ("enum member recall", s.enum_recall),
    ]
}

/// The human-readable report.
pub fn render_text(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "verify {}: {} resource-page types scored ({} not in metadata), {} enums scored",
        r.version, r.types_scored, r.types_not_in_metadata, r.enums_scored
    );
    for (label, ratio) in labelled(&r.scores) {
        let _ = writeln!(out, "  {label:<22} {}", figure(ratio));
    }
    let _ = writeln!(
        out,
        "  per-enum mean (each enum once): member precision {}, member recall {}",
        mean_figure(r.macro_scores.enum_precision),
        mean_figure(r.macro_scores.enum_recall)
    );
    if !r.enums_docs_ahead.is_empty() {
        let _ = writeln!(
            out,
            "\nenums where the docs list members the metadata lacks ({}):",
            r.enums_docs_ahead.len()
        );
        for a in &r.enums_docs_ahead {
            let _ = writeln!(
                out,
                "{}:{}: {}: {} of {} docs members not in metadata (metadata has {})",
                a.file, a.line, a.item, a.docs_only, a.docs_members, a.metadata_members
            );
        }
    }
    for kind in Kind::ALL {
        let lines: Vec<_> = r.disagreements.iter().filter(|d| d.kind == kind).collect();
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{} ({}):", kind.heading(), lines.len());
        if let Some(classes) = by_cause(&lines) {
            let _ = writeln!(out, "  by class: {classes}");
        }
        for d in lines {
            let _ = writeln!(out, "{d}");
        }
    }
    out
}

/// `4 case-only spelling, 7 near a name of the other side, ...`: the
/// disagreements of one kind counted by class, most first; `None` when the
/// kind has no classes.
fn by_cause(lines: &[&Disagreement]) -> Option<String> {
    let mut counts: BTreeMap<Cause, usize> = BTreeMap::new();
    for c in lines.iter().filter_map(|d| d.cause) {
        *counts.entry(c).or_default() += 1;
    }
    let mut counts: Vec<(Cause, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let parts: Vec<String> = counts
        .iter()
        .map(|(c, n)| format!("{n} {}", c.label()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Minimum percentages; `None` means not checked.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Thresholds {
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub type_agreement: Option<f64>,
    pub enum_precision: Option<f64>,
    pub enum_recall: Option<f64>,
    /// Minimum of the per-enum mean member precision (each enum counted once,
    /// so one enum listing hundreds of members the metadata lacks cannot hide
    /// how the others fare; both figures are always printed).
    pub enum_precision_mean: Option<f64>,
    /// Minimum of the per-enum mean member recall.
    pub enum_recall_mean: Option<f64>,
}

impl Thresholds {
    /// One message per figure below its threshold. A figure with nothing
    /// counted cannot show it meets a threshold, so it fails it.
    /// Failures of the per-enum mean thresholds.
    pub fn mean_failures(&self, m: &MacroScores) -> Vec<String> {
        let checks = [
            (
                "per-enum mean member precision",
                "--min-enum-precision-mean",
                self.enum_precision_mean,
                m.enum_precision,
            ),
            (
                "per-enum mean member recall",
                "--min-enum-recall-mean",
                self.enum_recall_mean,
                m.enum_recall,
            ),
        ];
        let mut out = Vec::new();
        for (label, flag, min, value) in checks {
            let Some(min) = min else { continue };
            match value {
                Some(p) if p >= min => {}
                Some(p) => out.push(format!("{label} {p:.2}% is below {flag} {min:.2}")),
                None => out.push(format!(
                    "{label} has nothing to measure; {flag} {min:.2} not met"
                )),
            }
        }
        out
    }

    pub fn failures(&self, s: &Scores) -> Vec<String> {
        let checks = [
            ("--min-precision", self.precision),
            ("--min-recall", self.recall),
            ("--min-type-agreement", self.type_agreement),
            ("--min-enum-precision", self.enum_precision),
            ("--min-enum-recall", self.enum_recall),
        ];
        let mut out = Vec::new();
        for ((label, ratio), (flag, min)) in labelled(s).into_iter().zip(checks) {
            let Some(min) = min else { continue };
            match ratio.percent() {
                Some(p) if p >= min => {}
                Some(_) => out.push(format!(
                    "{label} {} is below {flag} {min:.2}",
                    figure(ratio)
                )),
                None => out.push(format!(
                    "{label} has nothing to measure (0/0); {flag} {min:.2} not met"
                )),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_round_to_two_decimals() {
        assert_eq!(figure(Ratio { hits: 2, total: 3 }), "66.67% (2/3)");
        assert_eq!(figure(Ratio { hits: 0, total: 0 }), "n/a (0/0)");
    }

    #[test]
    fn thresholds_fail_below_and_on_empty() {
        let s = Scores {
            precision: Ratio { hits: 9, total: 10 },
            recall: Ratio {
                hits: 10,
                total: 10,
            },
            ..Scores::default()
        };
        let t = Thresholds {
            precision: Some(90.0),
            recall: Some(99.5),
            enum_recall: Some(1.0),
            ..Thresholds::default()
        };
        assert_eq!(t.failures(&s).len(), 1, "{:?}", t.failures(&s));
        let t = Thresholds {
            precision: Some(90.01),
            ..Thresholds::default()
        };
        assert_eq!(t.failures(&s).len(), 1);
        let t = Thresholds {
            enum_precision: Some(0.0),
            ..Thresholds::default()
        };
        assert!(t.failures(&s)[0].contains("nothing to measure"));
    }
}
