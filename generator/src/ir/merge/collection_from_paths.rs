//! Whether a navigation property is a collection, where its table and the
//! documented paths disagree. Tables often drop the word "collection"
//! (`chatMessage.replies` is typed `[chatMessage](chatmessage.md)`) while the
//! API pages index it with a key (`/chats/{id}/messages/{id}/replies/{id}`)
//! or list it (`GET .../replies` returns a collection): a generated model
//! reading one object where the service sends an array fails on every reply.
//!
//! A property `seg`, typed by an entity type of the API that has an `id`, of a type that a path `P`
//! addresses as a single entity (see [`PathIndex::single_entity`]) is a
//! collection when a documented path continues `P/seg` with a key: only a
//! collection is indexed. Paths of the generated doc stubs do not count. The change is a note at the property naming the
//! path. (A GET on `P/seg` returning a collection or one entity is weaker
//! evidence: "List" pages also list the paths of what their items expand
//! to, `/me/insights/trending/{id}/resource`, so it is not used.)

use super::authority::Authority;
use super::paths::{PathIndex, KEY};
use super::type_index::TypeIndex;
use crate::diag::Diagnostic;
use crate::ir::model::{Operation, PageEra, Source, TypeDef, TypeKind};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Make collections of the properties documented paths index with a key.
pub fn collections_from_paths(
    types: &mut [TypeDef],
    ops: &[Operation],
    authority: &Authority,
    index: &TypeIndex,
    paths: &PathIndex,
    diags: &mut Vec<Diagnostic>,
) {
    for ((t, pos), at) in indexed_properties(types, ops, authority, index, paths) {
        let Some(ty) = types.get_mut(t) else { continue };
        let type_name = ty.name.clone();
        let Some(p) = ty.properties.get_mut(pos) else {
            continue;
        };
        if p.collection {
            continue;
        }
        p.collection = true;
        diags.push(Diagnostic::note(
            "property-collection-from-path",
            &p.source.file,
            p.source.line,
            format!(
                "`{type_name}.{}` is typed `{}` here, but the path at {at} indexes it with a key; made a collection",
                p.name, p.type_name
            ),
        ));
    }
}

/// (type, property position) → the first path (by source) indexing it.
fn indexed_properties(
    types: &[TypeDef],
    ops: &[Operation],
    authority: &Authority,
    index: &TypeIndex,
    paths: &PathIndex,
) -> BTreeMap<(usize, usize), Source> {
    // The operations are read on the pool; each piece keeps the first
    // path per property, and so does joining them (the minimum does not
    // depend on the pieces).
    ops.par_iter()
        .enumerate()
        .fold(BTreeMap::new, |mut out, (op_i, op)| {
            add_indexed(&mut out, (op_i, op), authority, types, index, paths);
            out
        })
        .reduce(BTreeMap::new, |mut a, b| {
            for (k, at) in b {
                keep_first(&mut a, k, &at);
            }
            a
        })
}

/// The first of the sources for a property.
fn keep_first(out: &mut BTreeMap<(usize, usize), Source>, k: (usize, usize), at: &Source) {
    out.entry(k)
        .and_modify(|first| {
            if at < first {
                first.clone_from(at);
            }
        })
        .or_insert_with(|| at.clone());
}

/// The properties the paths of operation `op_i` index with a key.
fn add_indexed(
    out: &mut BTreeMap<(usize, usize), Source>,
    (op_i, op): (usize, &Operation),
    authority: &Authority,
    types: &[TypeDef],
    index: &TypeIndex,
    paths: &PathIndex,
) {
    // The doc stubs were generated with a delete page for every navigation
    // property, `.../installSummary/{id}` for a single summary too.
    if authority.era_of(&op.source) == PageEra::Stub {
        return;
    }
    let Some(v) = op.version else { return };
    for (path_i, path) in op.paths.iter().enumerate() {
        let Some(key) = paths.leading_key(op_i, path_i) else {
            continue;
        };
        for i in 1..key.len() {
            let (Some(prefix), Some(&seg)) = (key.get(..i), key.get(i)) else {
                continue;
            };
            // Only a literal followed by a key (`.../allowedGroups/{id}/$ref`
            // too) says anything; the cheap test goes first, the entity
            // lookups below run for those segments alone.
            if seg == KEY || key.get(i + 1).is_none_or(|&k| k != KEY) {
                continue;
            }
            let Some(owner) = paths.single_entity(v, prefix, types, index) else {
                continue;
            };
            let Some((declaring, pos)) = index.declaring(types, owner, paths.name(seg)) else {
                continue;
            };
            let Some(t) = types.get(declaring) else {
                continue;
            };
            // Only entities with an `id` are indexed by key; a
            // placeholder after another property names one of its
            // properties (`apiConnectorConfiguration/{step}/$ref`).
            let of_entities = t.properties.get(pos).is_some_and(|p| {
                index
                    .resolve(v, t.namespace.as_deref(), &p.type_name)
                    .is_some_and(|target| {
                        types
                            .get(target)
                            .is_some_and(|t| t.kind == TypeKind::Entity)
                            && index.declaring(types, target, "id").is_some()
                    })
            });
            if !of_entities {
                continue;
            }
            keep_first(out, (declaring, pos), &path.source);
        }
    }
}
