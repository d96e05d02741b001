//! Navigation properties the documented URL structure states but no
//! resource page lists. Resource pages often leave out relationships the API
//! pages document as paths: `GET /users/{id}/joinedTeams` returns a `group`
//! collection, so `user` has a collection-valued navigation property
//! `joinedTeams`.
//!
//! A GET operation titled "List x" or "Get x" whose response is a type of
//! the API, on a path `P/seg` or `P/seg/{key}` (literals and keys only, no
//! query), states that `seg` is a navigation property of `T` of the
//! response's type when `P` addresses a single entity of type `T` (see
//! [`PathIndex::single_entity`]). It is a collection when the response is,
//! when the path indexes it, or when any documented path does. It is added
//! to `T` only when neither `T`, its bases nor its derived types have a
//! property of that name (ignoring case), and when `seg` is not a function
//! written without parentheses. Each addition is a note at the path's line;
//! the property is marked `inferred_from_path`. When `T` has one table row
//! of the same type that misspells the name (`timeoffrequest` for the paths'
//! `timeOffRequests`), that row takes the paths' spelling instead.

use super::paths::{majority, PathIndex, KEY};
use super::type_index::TypeIndex;
use crate::diag::Diagnostic;
use crate::ir::model::{OpPath, Operation, ParamLocation, Property, Source, TypeDef, Version};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Verbs that begin the names of Graph functions; a literal that starts with
/// one followed by an upper-case letter or digit (`getEffectivePermissions`,
/// `findMeetingTimes`), or that is the verb alone (`delta`), is a function
/// the docs wrote without parentheses, not a navigation property.
const FUNCTION_VERBS: &[&str] = &[
    "get", "list", "create", "assign", "delta", "check", "find", "validate", "query", "search",
    "compute", "retrieve", "download", "generate", "evaluate", "preview", "lookup", "is", "has",
    "verify",
];

/// Add the navigation properties paths state to the merged types.
pub fn infer_navigation(
    types: &mut [TypeDef],
    ops: &[Operation],
    index: &TypeIndex,
    paths: &PathIndex,
    diags: &mut Vec<Diagnostic>,
) {
    let functions = function_names(ops);
    // The operations are read on the pool; what each piece finds is
    // united (sets and an "any": the same whatever the pieces).
    let found: BTreeMap<(usize, String), Found> = ops
        .par_iter()
        .enumerate()
        .filter(|(_, op)| is_candidate(op))
        .fold(BTreeMap::new, |mut found, (op_i, op)| {
            let Some(v) = op.version else { return found };
            let ctx = Context {
                version: v,
                types,
                index,
                paths,
                functions: &functions,
            };
            add_found(&mut found, &ctx, (op_i, op));
            found
        })
        .reduce(BTreeMap::new, |mut a, b| {
            for (k, f) in b {
                a.entry(k).or_default().unite(f);
            }
            a
        });
    let mut additions = Vec::new();
    for ((owner, _), f) in found {
        if let Some(a) = f.addition(owner, types, index, diags) {
            additions.push(a);
        }
    }
    for (owner, prop, why) in additions {
        let Some(t) = types.get_mut(owner) else {
            continue;
        };
        if respell_table_row(t, &prop, diags) {
            continue;
        }
        diags.push(Diagnostic::note(
            "property-from-path",
            &prop.source.file,
            prop.source.line,
            format!(
                "`{}.{}` is in no property table; {why}; added as a navigation property `{}{}`",
                t.name,
                prop.name,
                prop.type_name,
                if prop.collection { " collection" } else { "" }
            ),
        ));
        add_contributor(t, &prop.source);
        t.properties.push(prop);
    }
}

/// What the paths of operation `op_i` say about navigation properties.
fn add_found(
    found: &mut BTreeMap<(usize, String), Found>,
    ctx: &Context<'_>,
    (op_i, op): (usize, &Operation),
) {
    let Some(r) = super::paths::returned(op, ctx.version, ctx.index) else {
        return;
    };
    for (path_i, path) in op.paths.iter().enumerate() {
        let Some((owner, written, collection)) = ctx.navigation_of(op, (op_i, path_i), path) else {
            continue;
        };
        let f = found
            .entry((owner, crate::ir::naming::lower(&written)))
            .or_default();
        f.spellings
            .entry(written)
            .or_default()
            .insert(path.source.clone());
        f.returns
            .entry(r.type_id)
            .or_default()
            .insert(op.source.file.clone());
        f.collection |= collection || r.collection;
    }
}

/// A table row that misspells the navigation property the paths state
/// (`schedule.md` lists `timeoffrequest`, ten paths navigate through
/// `timeOffRequests`, both `timeOffRequest` collections) is that property:
/// the row takes the paths' spelling, the URL the service answers to, instead
/// of a second property being added. Only one such row, of the same type and
/// collection flag, qualifies.
fn respell_table_row(t: &mut TypeDef, inferred: &Property, diags: &mut Vec<Diagnostic>) -> bool {
    let mut rows = t.properties.iter_mut().filter(|p| {
        !p.inferred_from_path
            && p.type_name == inferred.type_name
            && p.collection == inferred.collection
            && crate::ir::near_name::misspelt(&p.name, &inferred.name)
    });
    let (Some(row), None) = (rows.next(), rows.next()) else {
        return false;
    };
    diags.push(Diagnostic::note(
        "property-spelling-from-paths",
        &row.source.file,
        row.source.line,
        format!(
            "`{}.{}`: documented paths navigate through `{}` to the same type `{}`{} ({}); read as a misspelling of it, using `{}`",
            t.name,
            row.name,
            inferred.name,
            inferred.type_name,
            if inferred.collection { " collection" } else { "" },
            inferred.source,
            inferred.name
        ),
    ));
    row.name = inferred.name.clone();
    true
}

/// GET "List x" / "Get x" pages that read what a path addresses: not
/// functions (function parameters) and not actions (parameter tables).
fn is_candidate(op: &Operation) -> bool {
    let first = op.title.split_whitespace().next().unwrap_or("");
    op.method == "GET"
        && !op.bound_call
        && (first.eq_ignore_ascii_case("list") || first.eq_ignore_ascii_case("get"))
        && !op.request.is_parameters
        && !op
            .parameters
            .iter()
            .any(|p| p.location == ParamLocation::Function)
}

/// (version, lower-case name) of every function segment (`delta()`,
/// `range(address='A1')`) of any path: the same name written elsewhere
/// without parentheses is that function too.
fn function_names(ops: &[Operation]) -> BTreeSet<(Version, String)> {
    let mut out = BTreeSet::new();
    for op in ops {
        let Some(v) = op.version else { continue };
        for path in &op.paths {
            for s in &path.segments {
                if let crate::ir::model::Segment::Function { name, .. } = s {
                    out.insert((v, crate::ir::naming::lower(name)));
                }
            }
        }
    }
    out
}

/// Whether a literal segment is a function written without parentheses.
fn looks_like_function(name: &str, version: Version, known: &BTreeSet<(Version, String)>) -> bool {
    if known.contains(&(version, crate::ir::naming::lower(name))) {
        return true;
    }
    FUNCTION_VERBS.iter().any(|verb| {
        name.strip_prefix(verb).is_some_and(|rest| {
            rest.chars()
                .next()
                .is_none_or(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        })
    })
}

/// What one version's documents know, for reading one path.
struct Context<'a> {
    version: Version,
    types: &'a [TypeDef],
    index: &'a TypeIndex,
    paths: &'a PathIndex,
    functions: &'a BTreeSet<(Version, String)>,
}

impl Context<'_> {
    /// The type a path adds a navigation property to, the property's name
    /// as written and whether the path itself shows it is a collection.
    fn navigation_of(
        &self,
        op: &Operation,
        (op_i, path_i): (usize, usize),
        path: &OpPath,
    ) -> Option<(usize, String, bool)> {
        if path.query.is_some() {
            return None;
        }
        let key = self.paths.whole_key(op_i, path_i, path)?;
        let indexed = key.last() == Some(&KEY);
        let body_len = if indexed { key.len() - 1 } else { key.len() };
        let body = key.get(..body_len)?;
        let (&seg, parent) = body.split_last()?;
        if seg == KEY || parent.is_empty() {
            return None;
        }
        let written = match path.segments.get(body_len - 1)? {
            crate::ir::model::Segment::Literal { name } => name.clone(),
            _ => return None,
        };
        if looks_like_function(&written, self.version, self.functions) {
            return None;
        }
        let owner = self
            .paths
            .single_entity(self.version, parent, self.types, self.index)?;
        let seg = self.paths.name(seg);
        if self.known_in_family(owner, seg) || self.page_names_other_owner(op, owner, seg) {
            return None;
        }
        let collection = indexed || self.paths.is_keyed(self.version, body);
        Some((owner, written, collection))
    }

    /// `owner`, a base or a derived type already has a property of that name.
    fn known_in_family(&self, owner: usize, name: &str) -> bool {
        self.index.declaring(self.types, owner, name).is_some()
            || self.index.any_descendant(owner, |d| {
                self.types.get(d).is_some_and(|t| {
                    t.properties
                        .iter()
                        .any(|p| crate::ir::naming::eq_ignore_ascii_case(&p.name, name))
                })
            })
    }

    /// The page is named after another type that has the property
    /// (`userscopeteamsappinstallation-get-chat.md` documents
    /// `userScopeTeamsAppInstallation.chat` on a path whose GET returns the
    /// base `teamsAppInstallation`): the path belongs to that type.
    fn page_names_other_owner(&self, op: &Operation, owner: usize, name: &str) -> bool {
        let file = op.source.file.rsplit(['/', '\\']).next().unwrap_or("");
        let Some((prefix, _)) = file.split_once('-') else {
            return false;
        };
        let lineage = self.index.lineage(owner);
        self.index
            .named_ignoring_case(self.version, prefix)
            .into_iter()
            .filter(|t| !lineage.contains(t))
            .any(|t| self.index.declaring(self.types, t, name).is_some())
    }
}

/// What the paths say about one (owner, property name).
#[derive(Default)]
struct Found {
    /// Each spelling with the path lines that write it.
    spellings: BTreeMap<String, BTreeSet<Source>>,
    /// Each returned type with the pages that say so.
    returns: BTreeMap<usize, BTreeSet<Arc<str>>>,
    collection: bool,
}

impl Found {
    /// Add what another piece of the operations found.
    fn unite(&mut self, other: Found) {
        for (spelling, sources) in other.spellings {
            self.spellings.entry(spelling).or_default().extend(sources);
        }
        for (t, pages) in other.returns {
            self.returns.entry(t).or_default().extend(pages);
        }
        self.collection |= other.collection;
    }

    /// The property to add, with why, or `None` (with a warning) when the
    /// pages disagree on its type.
    fn addition(
        self,
        owner: usize,
        types: &[TypeDef],
        index: &TypeIndex,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<(usize, Property, String)> {
        let (name, sources) = self.spelling()?;
        let source = sources.first()?.clone();
        let owner_name = &types.get(owner)?.name;
        let Some(type_id) = self.return_type(index) else {
            let names: Vec<String> = self
                .returns
                .keys()
                .filter_map(|&t| types.get(t).map(|t| format!("`{}`", t.name)))
                .collect();
            diags.push(Diagnostic::warning(
                "property-from-path-ambiguous",
                &source.file,
                source.line,
                format!(
                    "paths navigate through `{owner_name}.{name}` but their pages return {}; not added",
                    names.join(", ")
                ),
            ));
            return None;
        };
        let type_name = types.get(type_id)?.name.clone();
        let others = sources.len() - 1;
        let why = format!(
            "the documented path at this line returns `{type_name}`{}{}",
            if self.collection { " collection" } else { "" },
            match others {
                0 => String::new(),
                1 => " (and 1 other path)".to_string(),
                n => format!(" (and {n} other paths)"),
            }
        );
        let prop = Property {
            name,
            type_name,
            collection: self.collection,
            navigation: true,
            inferred_from_path: true,
            source,
            ..Property::default()
        };
        Some((owner, prop, why))
    }

    /// The spelling written on the most pages; on a tie the one written
    /// first (by file and line).
    fn spelling(&self) -> Option<(String, Vec<Source>)> {
        let pages =
            |s: &BTreeSet<Source>| s.iter().map(|s| &*s.file).collect::<BTreeSet<_>>().len();
        let (name, sources) = self.spellings.iter().max_by(|a, b| {
            pages(a.1)
                .cmp(&pages(b.1))
                .then_with(|| b.1.first().cmp(&a.1.first()))
        })?;
        Some((name.clone(), sources.iter().cloned().collect()))
    }

    /// The returned type: the one base of all the answers, else the answer
    /// of more than half of the pages.
    fn return_type(&self, index: &TypeIndex) -> Option<usize> {
        let base_of_all = self
            .returns
            .keys()
            .find(|&&c| self.returns.keys().all(|&d| index.lineage(d).contains(&c)));
        if let Some(&c) = base_of_all {
            return Some(c);
        }
        majority(self.returns.iter().map(|(&t, pages)| (t, pages.len())))
    }
}

/// Record a page that contributed a property; the defining source stays first.
fn add_contributor(t: &mut TypeDef, source: &Source) {
    let file_known =
        t.source.file == source.file || t.contributors.iter().any(|c| c.file == source.file);
    if file_known {
        return;
    }
    if t.contributors.is_empty() {
        t.contributors.push(t.source.clone());
    }
    t.contributors.push(source.clone());
    if let Some((_, rest)) = t.contributors.split_first_mut() {
        rest.sort();
    }
}
