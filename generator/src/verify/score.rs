//! Score the merged v1.0 types and enums against the metadata: property
//! precision/recall, type agreement, enum member precision/recall, and every
//! disagreement with the docs location it is about.

use super::cause::{self, Cause};
use super::csdl::{simple_name, MetaEnum, MetaProperty, MetaType, Metadata, MAIN_NAMESPACE};
use crate::ir::model::{Api, EnumDef, Property, Source, TypeDef, Version};
use serde::Serialize;

/// The version the metadata describes.
pub const SCORED_VERSION: Version = Version::V1_0;

/// `hits` out of `total`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Ratio {
    pub hits: usize,
    pub total: usize,
}

impl Ratio {
    /// Percentage, `None` when nothing was counted.
    pub fn percent(self) -> Option<f64> {
        if self.total == 0 {
            None
        } else {
            Some(self.hits as f64 * 100.0 / self.total as f64)
        }
    }

    fn count(&mut self, hit: bool) {
        self.total += 1;
        if hit {
            self.hits += 1;
        }
    }
}

/// The five figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Scores {
    /// Extracted properties whose name exists on the metadata type or a base.
    pub precision: Ratio,
    /// Declared metadata properties found on the merged type.
    pub recall: Ratio,
    /// Matched properties with the same type name and collection flag.
    pub type_agreement: Ratio,
    /// Extracted enum members that the metadata enum has.
    pub enum_precision: Ratio,
    /// Metadata enum members the merged enum has.
    pub enum_recall: Ratio,
}

/// What a disagreement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A docs property the metadata type (and its bases) does not have.
    MissingInMetadata,
    /// A declared metadata property the docs type lacks.
    MissingInDocs,
    /// Same property, different type name or collection flag.
    TypeMismatch,
    /// A docs enum member the metadata enum does not have.
    EnumMemberMissingInMetadata,
    /// A metadata enum member the docs enum lacks.
    EnumMemberMissingInDocs,
    /// A resource-page type with no metadata type of that name (not scored).
    TypeNotInMetadata,
}

impl Kind {
    /// The heading of this group in the text report.
    pub fn heading(self) -> &'static str {
        match self {
            Kind::MissingInMetadata => "properties missing in metadata",
            Kind::MissingInDocs => "properties missing in docs",
            Kind::TypeMismatch => "property type mismatches",
            Kind::EnumMemberMissingInMetadata => "enum members missing in metadata",
            Kind::EnumMemberMissingInDocs => "enum members missing in docs",
            Kind::TypeNotInMetadata => "resource-page types not in metadata (not scored)",
        }
    }

    pub const ALL: [Kind; 6] = [
        Kind::MissingInMetadata,
        Kind::MissingInDocs,
        Kind::TypeMismatch,
        Kind::EnumMemberMissingInMetadata,
        Kind::EnumMemberMissingInDocs,
        Kind::TypeNotInMetadata,
    ];
}

/// One disagreement, located in the docs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Disagreement {
    pub kind: Kind,
    pub file: String,
    pub line: u32,
    /// `type.property`, `enum.member` or `type`.
    pub item: String,
    /// `missing in metadata`, `type docs X vs metadata Y`, ...
    pub detail: String,
    /// The class of a property disagreement (`None` for enums and types).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
}

impl std::fmt::Display for Disagreement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.item, self.detail
        )
    }
}

/// Per-enum member figures averaged over the scored enums (each enum counts
/// once, whatever its size), beside the micro figures of [`Scores`] which
/// one enum with hundreds of members can dominate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MacroScores {
    /// Mean over scored enums with at least one docs member of the share of
    /// their docs members the metadata has.
    pub enum_precision: Option<f64>,
    /// Mean over scored enums with at least one metadata member of the share
    /// of their metadata members the docs have.
    pub enum_recall: Option<f64>,
}

/// An enum whose docs list members its metadata enum lacks.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DocsAhead {
    /// Docs-only members, the sort key (most first).
    pub docs_only: usize,
    pub item: String,
    pub file: String,
    pub line: u32,
    pub docs_members: usize,
    pub metadata_members: usize,
}

/// The whole result of `verify`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    pub version: String,
    /// Resource-page types matched to a metadata type (the scope of the
    /// property figures).
    pub types_scored: usize,
    /// Resource-page types of the version with no metadata type.
    pub types_not_in_metadata: usize,
    pub enums_scored: usize,
    pub scores: Scores,
    pub macro_scores: MacroScores,
    /// Enums whose docs list members the metadata lacks, most such members
    /// first (the members themselves are among the disagreements).
    pub enums_docs_ahead: Vec<DocsAhead>,
    /// Sorted by kind, then location.
    pub disagreements: Vec<Disagreement>,
}

/// Score every v1.0 resource-page type and every v1.0 enum that the metadata knows.
pub fn score(api: &Api, meta: &Metadata) -> Report {
    let mut report = Report {
        version: SCORED_VERSION.to_string(),
        ..Report::default()
    };
    for t in api
        .types
        .iter()
        .filter(|t| t.version == Some(SCORED_VERSION) && t.from_resource_page)
    {
        match meta.find_type_in(t.namespace.as_deref(), &t.name) {
            Some(m) => {
                report.types_scored += 1;
                score_type(t, m, meta, &mut report);
            }
            None => {
                report.types_not_in_metadata += 1;
                report.disagreements.push(disagree(
                    Kind::TypeNotInMetadata,
                    &t.source,
                    display_name(t.namespace.as_deref(), &t.name),
                    "not in metadata".to_string(),
                ));
            }
        }
    }
    let mut per_enum = Vec::new();
    for e in api
        .enums
        .iter()
        .filter(|e| e.version == Some(SCORED_VERSION))
    {
        if let Some(m) = meta.find_enum_in(e.namespace.as_deref(), &e.name) {
            report.enums_scored += 1;
            per_enum.push(score_enum(e, m, &mut report));
        }
    }
    report.macro_scores = MacroScores {
        enum_precision: mean(per_enum.iter().filter_map(|s| s.precision.percent())),
        enum_recall: mean(per_enum.iter().filter_map(|s| s.recall.percent())),
    };
    report.disagreements.sort();
    report.enums_docs_ahead.sort_by(|a, b| {
        b.docs_only
            .cmp(&a.docs_only)
            .then_with(|| a.item.cmp(&b.item))
    });
    report
}

/// The mean of some percentages; `None` for none.
fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// A type or enum as the report names it: the simple name, prefixed with the
/// namespace's last segment outside `microsoft.graph`
/// (`callRecords.mediaStream`).
fn display_name(namespace: Option<&str>, name: &str) -> String {
    match namespace {
        Some(ns) if ns != MAIN_NAMESPACE => {
            format!("{}.{name}", ns.rsplit('.').next().unwrap_or(ns))
        }
        _ => name.to_string(),
    }
}

fn disagree(kind: Kind, at: &Source, item: String, detail: String) -> Disagreement {
    Disagreement {
        kind,
        file: at.file.to_string(),
        line: at.line,
        item,
        detail,
        cause: None,
    }
}

/// A property disagreement of class `cause`.
fn classified(kind: Kind, at: &Source, item: String, detail: String, cause: Cause) -> Disagreement {
    Disagreement {
        cause: Some(cause),
        ..disagree(kind, at, item, detail)
    }
}

/// Where the docs state a property, when not in a table: the readings
/// `verify` should let a reader tell apart from the tables.
fn origin(p: &Property) -> &'static str {
    if p.inferred_from_path {
        ", inferred from a documented path"
    } else if p.from_json {
        ", only in the JSON representation"
    } else {
        ""
    }
}

/// A type as a report writes it: `String`, `Collection(String)`.
fn type_text(name: &str, collection: bool) -> String {
    if collection {
        format!("Collection({name})")
    } else {
        name.to_string()
    }
}

/// Docs and metadata name the same type: namespace and `Edm.` stripped, case ignored.
fn same_type(docs: &Property, meta: &MetaProperty) -> bool {
    simple_name(docs.type_name.trim()).eq_ignore_ascii_case(&meta.type_name)
        && docs.collection == meta.collection
}

fn score_type(t: &TypeDef, m: &MetaType, meta: &Metadata, report: &mut Report) {
    let type_name = display_name(t.namespace.as_deref(), &t.name);
    for p in &t.properties {
        let item = format!("{type_name}.{}", p.name);
        match meta.find_property(m, &p.name) {
            Some(mp) => {
                report.scores.precision.count(true);
                let agree = same_type(p, mp);
                report.scores.type_agreement.count(agree);
                if !agree {
                    let cause = cause::type_cause(
                        meta,
                        (&p.type_name, p.collection),
                        (&mp.type_name, mp.collection),
                    );
                    report.disagreements.push(classified(
                        Kind::TypeMismatch,
                        &p.source,
                        item,
                        format!(
                            "type docs {} vs metadata {}",
                            type_text(simple_name(p.type_name.trim()), p.collection),
                            type_text(&mp.type_name, mp.collection)
                        ),
                        cause,
                    ));
                }
            }
            None => {
                report.scores.precision.count(false);
                let (cause, hint) = missing_in_metadata(meta, m, p);
                report.disagreements.push(classified(
                    Kind::MissingInMetadata,
                    &p.source,
                    item,
                    format!("missing in metadata ({hint}{})", origin(p)),
                    cause,
                ));
            }
        }
    }
    for mp in &m.properties {
        let found = t.properties.iter().any(|p| p.name == mp.name);
        report.scores.recall.count(found);
        if !found {
            let what = if mp.navigation {
                "navigation property"
            } else {
                "property"
            };
            let docs_names = t.properties.iter().map(|p| p.name.as_str());
            let (cause, hint) = match cause::closest(&mp.name, docs_names) {
                Some((c, near)) => (c, format!("; {}: docs `{near}`", c.label())),
                None => (Cause::Unmatched, String::new()),
            };
            report.disagreements.push(classified(
                Kind::MissingInDocs,
                &t.source,
                format!("{type_name}.{}", mp.name),
                format!(
                    "missing in docs ({what} of type {}{hint})",
                    type_text(&mp.type_name, mp.collection)
                ),
                cause,
            ));
        }
    }
}

/// The class of a docs property the metadata type lacks, and the words
/// that say it: the close metadata name, else the related types that have
/// it, else that nothing does.
fn missing_in_metadata(meta: &Metadata, m: &MetaType, p: &Property) -> (Cause, String) {
    let name = p.name.as_str();
    let chain = meta.chain(m);
    let names = chain
        .iter()
        .flat_map(|c| c.properties.iter().map(|p| p.name.as_str()));
    if let Some((cause, near)) = cause::closest(name, names) {
        return (cause, format!("{}: metadata `{near}`", cause.label()));
    }
    let related = cause::related_declaring(meta, m, name, simple_name(p.type_name.trim()));
    if !related.is_empty() {
        return (
            Cause::OnRelatedType,
            format!("{}: {}", Cause::OnRelatedType.label(), related.join(", ")),
        );
    }
    (Cause::Unmatched, Cause::Unmatched.label().to_string())
}

/// Score one enum; its own figures are returned for the macro average.
fn score_enum(e: &EnumDef, m: &MetaEnum, report: &mut Report) -> EnumScores {
    let enum_name = display_name(e.namespace.as_deref(), &e.name);
    let mut own = EnumScores::default();
    for member in &e.members {
        let found = m.members.iter().any(|(n, _)| n == &member.name);
        report.scores.enum_precision.count(found);
        own.precision.count(found);
        if !found {
            report.disagreements.push(disagree(
                Kind::EnumMemberMissingInMetadata,
                &member.source,
                format!("{enum_name}.{}", member.name),
                format!("missing in metadata{}", spelled(m, &member.name)),
            ));
        }
    }
    for (name, value) in &m.members {
        let found = e.members.iter().any(|member| &member.name == name);
        report.scores.enum_recall.count(found);
        own.recall.count(found);
        if !found {
            let value = value.map(|v| format!(" (value {v})")).unwrap_or_default();
            report.disagreements.push(disagree(
                Kind::EnumMemberMissingInDocs,
                &e.source,
                format!("{enum_name}.{name}"),
                format!("missing in docs{value}"),
            ));
        }
    }
    let docs_only = own.precision.total - own.precision.hits;
    if docs_only > 0 {
        report.enums_docs_ahead.push(DocsAhead {
            docs_only,
            item: enum_name,
            file: e.source.file.to_string(),
            line: e.source.line,
            docs_members: e.members.len(),
            metadata_members: m.members.len(),
        });
    }
    own
}

/// One enum's precision and recall.
#[derive(Debug, Default)]
struct EnumScores {
    precision: Ratio,
    recall: Ratio,
}

/// ` (metadata spells it `x`)` when the metadata has the member in other case.
fn spelled(m: &MetaEnum, name: &str) -> String {
    m.members
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(n, _)| format!(" (metadata spells it `{n}`)"))
        .unwrap_or_default()
}
