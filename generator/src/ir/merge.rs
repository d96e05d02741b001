//! Merge all pages' IR into one [`Api`]: every item gets a version, one type
//! per (version, name) with properties united across the resource page and
//! request-body fragments, enum members united, operation names made unique;
//! conflicts become diagnostics.
//!
//! Steps, each in its own module:
//! 1. `version`: pages without a version take their folder's majority.
//! 2. `spelling`: case-only variants of a type/enum name fold into one spelling.
//! 3. `namespace`: items without a namespace get the one they resolve to.
//! 4. `types`, `enums`, `operations`: the per-item merges, pages ranked by
//!    `authority` (newest template era first); before the types,
//!    `enum_fold` folds enums the pre-2018 pages synthesized into the enum
//!    newer pages type the same property with; `inherited`
//!    drops JSON-representation-only properties a base type has; `retype`
//!    types `String` properties whose possible values are a declared enum's.
//! 5. what the documented paths say (`paths`, over `type_index`):
//!    `property_spelling` renames properties the docs mostly spell another
//!    way (tables, JSON, paths, examples); `collection_from_paths` makes
//!    collections of navigation properties that paths index with a key; `nav_from_paths` adds navigation properties that paths
//!    navigate through but no resource page lists.
//! 6. the summary counts.
//!
//! The result does not depend on the order of the input pages: pages are
//! sorted by file first and every later step orders by source.

mod authority;
mod collection_from_paths;
mod enum_fold;
mod enums;
mod inherited;
pub mod namespace;
mod nav_from_paths;
mod operations;
mod paths;
mod property_spelling;
mod retype;
mod spelling;
mod type_index;
mod types;
mod version;

use crate::diag::{Counts, Diagnostic};
use crate::ir::model::{Api, PageIr, PageKind, Summary};
use std::cmp::Ordering;

/// Merge page IRs (any order: the result is sorted and deterministic).
pub fn merge(mut pages: Vec<PageIr>) -> Api {
    sort_pages(&mut pages);
    let mut diags = Vec::new();
    version::assign_versions(&mut pages, &mut diags);
    spelling::unify(&mut pages, &mut diags);
    namespace::assign_namespaces(&mut pages);
    let mut summary = page_counts(&pages);
    let authority = authority::Authority::of_pages(&pages);

    let mut type_parts = Vec::new();
    let mut enum_parts = Vec::new();
    let mut ops = Vec::new();
    for p in pages {
        type_parts.extend(p.types);
        enum_parts.extend(p.enums);
        ops.extend(p.operations);
        diags.extend(p.diagnostics);
    }
    let enum_eras = enum_fold::newest_eras(&enum_parts, &authority);
    let mut enums = enums::merge_enums(enum_parts, &mut diags);
    enum_fold::fold_synthesized_enums(
        &mut enums,
        &enum_eras,
        &mut type_parts,
        &mut ops,
        &authority,
        &mut diags,
    );
    let spelling_evidence = property_spelling::Evidence::of_fragments(&type_parts);
    let mut types = types::merge_types(type_parts, &authority, &mut diags);
    inherited::drop_inherited_json_properties(&mut types, &mut diags);
    let operations = operations::merge_operations(ops, &mut diags);
    retype::retype_string_enums(&mut types, &enums, &mut diags);
    let index = type_index::TypeIndex::new(&types);
    let path_index = paths::PathIndex::build(&operations, &types, &index);
    property_spelling::choose_spellings(
        &mut types,
        &operations,
        &index,
        &path_index,
        spelling_evidence,
        &mut diags,
    );
    collection_from_paths::collections_from_paths(
        &mut types,
        &operations,
        &authority,
        &index,
        &path_index,
        &mut diags,
    );
    nav_from_paths::infer_navigation(&mut types, &operations, &index, &path_index, &mut diags);
    enums::add_possible_values(&mut enums, &types, &operations, &mut diags);

    summary.types = types.len();
    summary.enums = enums.len();
    summary.operations = operations.len();
    let mut api = Api {
        types,
        enums,
        operations,
        diagnostics: Vec::new(),
        summary,
    };
    add_diagnostics(&mut api, diags);
    api
}

/// Add diagnostics found outside the pages (e.g. unreadable files) to a merged
/// API, keeping the list sorted and the summary's counts right.
pub fn add_diagnostics(api: &mut Api, more: Vec<Diagnostic>) {
    api.diagnostics.extend(more);
    api.diagnostics.sort();
    let c = Counts::of(&api.diagnostics);
    api.summary.notes = c.notes;
    api.summary.warnings = c.warnings;
    api.summary.errors = c.errors;
}

/// Sort by file; pages with the same label (a file given twice) are ordered
/// by their whole content so even they cannot depend on input order.
fn sort_pages(pages: &mut [PageIr]) {
    pages.sort_by(|a, b| match a.file.cmp(&b.file) {
        Ordering::Equal => serde_json::to_string(a)
            .unwrap_or_default()
            .cmp(&serde_json::to_string(b).unwrap_or_default()),
        other => other,
    });
}

/// The page-level counts of the summary (item and diagnostic counts are
/// filled in after the merge).
fn page_counts(pages: &[PageIr]) -> Summary {
    let mut s = Summary {
        pages: pages.len(),
        ..Summary::default()
    };
    for p in pages {
        match p.kind {
            PageKind::Api => s.api_pages += 1,
            PageKind::Resource => {
                s.resource_pages += 1;
                if p.types.iter().any(|t| t.from_resource_page) {
                    s.resource_pages_with_type += 1;
                }
            }
            PageKind::Enum => s.enum_pages += 1,
            PageKind::Other => {}
        }
        if p.http_garbage_only {
            s.api_pages_http_garbage_only += 1;
        }
        if p.has_http {
            s.api_pages_with_http += 1;
            if !p.operations.is_empty() {
                s.api_pages_with_operation += 1;
            }
        }
    }
    s
}
