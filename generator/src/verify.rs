//! Score extracted types and enums against OData CSDL service metadata.
//!
//! `csdl` reads the metadata, `score` compares the merged v1.0 API with it
//! (property precision/recall, type agreement, enum member precision/recall,
//! every disagreement located in the docs), `report` prints it and checks the
//! thresholds CI sets.

pub mod cause;
pub mod csdl;
pub mod report;
pub mod score;

pub use report::{render_text, Thresholds};
pub use score::{score, Report};

use std::path::{Path, PathBuf};

/// Read the metadata file and the pages, merge, and score.
pub fn verify_paths(csdl_file: &Path, inputs: &[PathBuf]) -> Result<Report, String> {
    let xml = std::fs::read_to_string(csdl_file)
        .map_err(|e| format!("cannot read {}: {e}", csdl_file.display()))?;
    let meta = csdl::parse(&xml).map_err(|e| format!("{}: {e}", csdl_file.display()))?;
    let api = crate::read_api(inputs);
    Ok(score(&api, &meta))
}
