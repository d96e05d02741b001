//! Diagnostics: what was wrong with an input, where, and what was done about it.
//!
//! Nothing derived from a page's content may panic; every problem becomes a
//! [`Diagnostic`] and processing continues with the rest of the page and the
//! other pages. Diagnostics print as `file:line: warning[code]: message`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: a repair the parser made that loses nothing.
    Note,
    /// Something was wrong or ambiguous; the parser guessed or skipped it.
    Warning,
    /// Something could not be used at all (for example a garbage request line).
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding about one input location.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A short stable kebab-case code, e.g. `table-short-row`, `version-from-folder`.
    pub code: String,
    /// The input file as given on the command line (relative paths stay relative).
    pub file: String,
    /// 1-based line in the original bytes (before CR normalisation). 0 when not tied to a line.
    pub line: u32,
    /// What was wrong and what was done about it.
    pub message: String,
}

impl Diagnostic {
    pub fn new(
        severity: Severity,
        code: &str,
        file: &str,
        line: u32,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity,
            code: code.to_string(),
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    pub fn warning(code: &str, file: &str, line: u32, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, file, line, message)
    }

    pub fn note(code: &str, file: &str, line: u32, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, code, file, line, message)
    }

    pub fn error(code: &str, file: &str, line: u32, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, file, line, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}[{}]: {}",
            self.file, self.line, self.severity, self.code, self.message
        )
    }
}

/// Counts per severity, for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub notes: usize,
    pub warnings: usize,
    pub errors: usize,
}

impl Counts {
    pub fn of(diags: &[Diagnostic]) -> Counts {
        let mut c = Counts::default();
        for d in diags {
            match d.severity {
                Severity::Note => c.notes += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Error => c.errors += 1,
            }
        }
        c
    }
}
