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
mod groups;
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
use crate::ir::model::{Api, EnumDef, Operation, PageIr, PageKind, Summary, TypeDef, Version};
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Merge page IRs (any order: the result is sorted and deterministic).
///
/// Versions are independent APIs: once every page has its version, each
/// version's items are merged on a thread of their own, and the results are
/// joined in version order (the order every step sorts by first).
pub fn merge(mut pages: Vec<PageIr>) -> Api {
    sort_pages(&mut pages);
    let mut diags = Vec::new();
    // The authority reads only files and eras: it is built while the
    // versions are decided.
    let (authority, decided) = rayon::join(
        || authority::Authority::of_pages(&pages),
        || version::decide_versions(&pages),
    );
    let item_versions = version::assign_versions(&mut pages, decided, &mut diags);
    let mut summary = page_counts(&pages);
    let by_version = split_by_version(pages, item_versions, &mut diags);
    // Versions are merged side by side; collected in version order.
    let merged: Vec<Merged> = by_version
        .into_values()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|pages| merge_version(pages, &authority))
        .collect();
    let (mut types, mut enums, mut operations) = (
        Vec::with_capacity(merged.iter().map(|m| m.types.len()).sum()),
        Vec::with_capacity(merged.iter().map(|m| m.enums.len()).sum()),
        Vec::with_capacity(merged.iter().map(|m| m.operations.len()).sum()),
    );
    for m in merged {
        types.extend(m.types);
        enums.extend(m.enums);
        operations.extend(m.operations);
        diags.extend(m.diagnostics);
    }
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

/// What merging one version gives.
struct Merged {
    types: Vec<TypeDef>,
    enums: Vec<EnumDef>,
    operations: Vec<Operation>,
    diagnostics: Vec<Diagnostic>,
}

/// The pages' items grouped by version (pages keep their order; a page with
/// items of several versions is split), their diagnostics moved to `diags`.
fn split_by_version(
    pages: Vec<PageIr>,
    item_versions: Vec<Vec<Option<Version>>>,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<Option<Version>, Vec<PageIr>> {
    // Sized up front (by the pages' own versions, which nearly every item
    // shares): growing vectors of large pages copies them and faults in
    // fresh memory.
    let mut sizes: BTreeMap<Option<Version>, usize> = BTreeMap::new();
    for p in &pages {
        *sizes.entry(p.version).or_default() += 1;
    }
    let mut out: BTreeMap<Option<Version>, Vec<PageIr>> = BTreeMap::new();
    diags.reserve(pages.iter().map(|p| p.diagnostics.len()).sum());
    for (mut p, versions) in pages.into_iter().zip(item_versions) {
        diags.append(&mut p.diagnostics);
        if versions.len() == 1 {
            if let Some(&v) = versions.first() {
                part(&mut out, &sizes, v).push(p);
            }
            continue;
        }
        for v in versions {
            // Only what the per-version steps read: the items and the
            // page's namespace (the context of items that state none).
            let split = PageIr {
                file: p.file.clone(),
                kind: p.kind,
                version: p.version,
                title: p.title.clone(),
                era: p.era,
                has_http: p.has_http,
                http_garbage_only: p.http_garbage_only,
                namespace: p.namespace.clone(),
                types: p.types.iter().filter(|t| t.version == v).cloned().collect(),
                enums: p.enums.iter().filter(|e| e.version == v).cloned().collect(),
                operations: p
                    .operations
                    .iter()
                    .filter(|o| o.version == v)
                    .cloned()
                    .collect(),
                diagnostics: Vec::new(),
            };
            part(&mut out, &sizes, v).push(split);
        }
    }
    out
}

/// The pages of version `v`, made with room for `sizes[v]` pages.
fn part<'a>(
    out: &'a mut BTreeMap<Option<Version>, Vec<PageIr>>,
    sizes: &BTreeMap<Option<Version>, usize>,
    v: Option<Version>,
) -> &'a mut Vec<PageIr> {
    out.entry(v)
        .or_insert_with(|| Vec::with_capacity(sizes.get(&v).copied().unwrap_or(0)))
}

/// Merge the items of one version (see the module doc for the steps).
///
/// The big steps run in parallel pieces on rayon's pool (pages, type
/// groups, chunks of operations), so a core that finishes the smaller
/// version takes pieces of the bigger one. Every piece's result is put back
/// in input order (or is a multiset whose order nothing reads), so the
/// merge does not depend on which core ran what.
fn merge_version(mut pages: Vec<PageIr>, authority: &authority::Authority) -> Merged {
    let mut diags = Vec::new();
    spelling::unify(&mut pages, &mut diags);
    namespace::assign_namespaces(&mut pages);
    // Sized up front: the beta parts are tens of thousands of large items.
    let mut type_parts = Vec::with_capacity(pages.iter().map(|p| p.types.len()).sum());
    let mut enum_parts = Vec::with_capacity(pages.iter().map(|p| p.enums.len()).sum());
    let mut ops = Vec::with_capacity(pages.iter().map(|p| p.operations.len()).sum());
    for p in pages {
        type_parts.extend(p.types);
        enum_parts.extend(p.enums);
        ops.extend(p.operations);
    }
    // Enums first: the fold re-points the type fragments and operations
    // that name a synthesized enum before they are merged.
    let enum_eras = enum_fold::newest_eras(&enum_parts, authority);
    let mut enums = enums::merge_enums(enum_parts, &mut diags);
    enum_fold::fold_synthesized_enums(
        &mut enums,
        &enum_eras,
        &mut type_parts,
        &mut ops,
        authority,
        &mut diags,
    );
    // Operations do not need the types: they are merged while the types
    // are. Each group of type fragments records its spellings (evidence
    // for `property_spelling`) as it is merged: they are gone after.
    let ((types, mut type_diags), ((operations, path_keys), mut op_diags)) = rayon::join(
        || {
            let mut diags = Vec::new();
            let (mut types, mut evidence) = types::merge_types(type_parts, authority, &mut diags);
            inherited::drop_inherited_json_properties(&mut types, &mut evidence, &mut diags);
            ((types, evidence), diags)
        },
        || {
            let mut diags = Vec::new();
            let operations = operations::merge_operations(ops, &mut diags);
            // What the paths say without the types: read here, where the
            // operations are merged while the (longer) types merge runs.
            let path_keys = paths::PathKeys::read(&operations);
            ((operations, path_keys), diags)
        },
    );
    let (mut types, fragment_votes) = types;
    diags.append(&mut type_diags);
    diags.append(&mut op_diags);
    retype::retype_string_enums(&mut types, &enums, &mut diags);
    let index = type_index::TypeIndex::new(&types);
    let path_index = paths::PathIndex::build(&operations, &index, path_keys);
    property_spelling::choose_spellings(
        &mut types,
        &operations,
        &index,
        &path_index,
        fragment_votes,
        &mut diags,
    );
    collection_from_paths::collections_from_paths(
        &mut types,
        &operations,
        authority,
        &index,
        &path_index,
        &mut diags,
    );
    nav_from_paths::infer_navigation(&mut types, &operations, &index, &path_index, &mut diags);
    enums::add_possible_values(&mut enums, &types, &operations, &mut diags);
    Merged {
        types,
        enums,
        operations,
        diagnostics: diags,
    }
}

/// Add diagnostics found outside the pages (e.g. unreadable files) to a merged
/// API, keeping the list sorted and the summary's counts right.
pub fn add_diagnostics(api: &mut Api, more: Vec<Diagnostic>) {
    api.diagnostics.extend(more);
    // Diagnostics are ordered by every field: an unstable sort gives the
    // one order there is.
    api.diagnostics.par_sort_unstable();
    let c = Counts::of(&api.diagnostics);
    api.summary.notes = c.notes;
    api.summary.warnings = c.warnings;
    api.summary.errors = c.errors;
}

/// Sort by file; pages with the same label (a file given twice) are ordered
/// by their whole content so even they cannot depend on input order.
fn sort_pages(pages: &mut [PageIr]) {
    // The loader hands pages over nearly always in file order already;
    // checking costs one comparison per page, sorting allocates a scratch
    // copy of them all.
    if pages.is_sorted_by(|a, b| a.file < b.file) {
        return;
    }
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
