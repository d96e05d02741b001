//! Page → page IR: operations, property tables, enum values, responses,
//! permissions, examples. Reads only what `source` produced.

use crate::ir::model::{PageIr, PageKind};

/// Extract everything one page says. Never panics; problems become diagnostics
/// in the returned IR.
pub fn extract_page(file: &str, bytes: &[u8]) -> PageIr {
    let _ = bytes;
    PageIr {
        file: file.to_string(),
        kind: PageKind::Other,
        version: None,
        title: None,
        has_http: false,
        types: Vec::new(),
        enums: Vec::new(),
        operations: Vec::new(),
        diagnostics: Vec::new(),
    }
}
