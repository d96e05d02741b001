//! Merge all pages' IR into one [`Api`]: one type per (version, name), enum
//! members united, conflicts reported as diagnostics.

use crate::ir::model::{Api, PageIr};

/// Merge page IRs (any order: the result is sorted and deterministic).
pub fn merge(pages: Vec<PageIr>) -> Api {
    // Placeholder until the merge lands: concatenates.
    let mut api = Api::default();
    for p in pages {
        api.types.extend(p.types);
        api.enums.extend(p.enums);
        api.operations.extend(p.operations);
        api.diagnostics.extend(p.diagnostics);
    }
    api
}
