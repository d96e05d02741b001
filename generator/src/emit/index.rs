//! The emitter's view of an [`Api`]: per version, the types and enums by
//! lookup key, the inheritance tree, and the [`TypeIndex`] of Rust names.
//!
//! Names are decided here, once, in sorted order: primary names (structs and
//! enums) first, then the derived names (`Any<Type>`, `<Type>Update`), so a
//! collision renames the later name (`2`, `3`...) and is reported.

use crate::diag::Diagnostic;
use crate::emit::typeref::{lookup_key, Named, NamedKind, TypeIndex};
use crate::ir::model::{Api, EnumDef, Property, TypeDef, TypeKind, Version};
use crate::ir::naming;
use std::collections::{BTreeMap, BTreeSet};

/// One version's types, enums and inheritance, by lookup key.
#[derive(Debug, Default)]
pub struct VersionModel<'a> {
    pub version: Option<Version>,
    pub types: BTreeMap<String, &'a TypeDef>,
    pub enums: BTreeMap<String, &'a EnumDef>,
    /// Key of a type → keys of the types whose base it is.
    pub children: BTreeMap<String, Vec<String>>,
}

impl<'a> VersionModel<'a> {
    /// The type and its bases, root first. A missing base ends the chain; a
    /// cycle is cut where it closes (both reported by [`build`]).
    pub fn chain(&self, key: &str) -> Vec<&'a TypeDef> {
        let mut chain = Vec::new();
        let mut seen = BTreeSet::new();
        let mut next = self.types.get(key).copied();
        while let Some(t) = next {
            if !seen.insert(lookup_key(&t.name)) {
                break;
            }
            chain.push(t);
            next = t
                .base
                .as_deref()
                .and_then(|b| self.types.get(&lookup_key(b)).copied());
        }
        chain.reverse();
        chain
    }

    /// Every property of the type, inherited ones first (root base first),
    /// one per wire name (the first definition wins).
    pub fn properties(&self, key: &str) -> Vec<&'a Property> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for t in self.chain(key) {
            for p in &t.properties {
                if p.name != "@odata.type" && seen.insert(p.name.clone()) {
                    out.push(p);
                }
            }
        }
        out
    }

    /// All types derived from `key`, directly or not, sorted by key.
    pub fn descendants(&self, key: &str) -> Vec<&'a TypeDef> {
        let mut found = BTreeSet::new();
        let mut stack = vec![key.to_string()];
        while let Some(k) = stack.pop() {
            for child in self.children.get(&k).into_iter().flatten() {
                if child != key && found.insert(child.clone()) {
                    stack.push(child.clone());
                }
            }
        }
        found
            .iter()
            .filter_map(|k| self.types.get(k).copied())
            .collect()
    }
}

/// Build the per-version models and the name index; duplicate definitions,
/// missing bases, inheritance cycles and renamed identifiers are reported.
pub fn build<'a>(
    api: &'a Api,
    diags: &mut Vec<Diagnostic>,
) -> (TypeIndex, BTreeMap<Version, VersionModel<'a>>) {
    let mut models: BTreeMap<Version, VersionModel<'a>> = BTreeMap::new();
    for t in &api.types {
        let Some(version) = versioned(t.version, &t.name, &t.source, diags) else {
            continue;
        };
        let model = models.entry(version).or_default();
        model.version = Some(version);
        insert_unique(&mut model.types, t, &t.name, &t.source, diags);
    }
    for e in &api.enums {
        let Some(version) = versioned(e.version, &e.name, &e.source, diags) else {
            continue;
        };
        let model = models.entry(version).or_default();
        model.version = Some(version);
        if model.types.contains_key(&lookup_key(&e.name)) {
            diags.push(Diagnostic::warning(
                "emit-duplicate-name",
                &e.source.file,
                e.source.line,
                format!("enum `{}` has the name of a type of {version}; the type is emitted, the enum skipped", e.name),
            ));
            continue;
        }
        insert_unique(&mut model.enums, e, &e.name, &e.source, diags);
    }
    let mut index = TypeIndex::default();
    for (version, model) in &mut models {
        link_bases(model, diags);
        let patched = patched_types(api, *version);
        index
            .versions
            .insert(*version, name_version(model, &patched, diags));
    }
    (index, models)
}

fn versioned(
    version: Option<Version>,
    name: &str,
    source: &crate::ir::model::Source,
    diags: &mut Vec<Diagnostic>,
) -> Option<Version> {
    if version.is_none() {
        diags.push(Diagnostic::warning(
            "emit-no-version",
            &source.file,
            source.line,
            format!("`{name}` has no API version; not emitted"),
        ));
    }
    version
}

fn insert_unique<'a, T>(
    map: &mut BTreeMap<String, &'a T>,
    item: &'a T,
    name: &str,
    source: &crate::ir::model::Source,
    diags: &mut Vec<Diagnostic>,
) {
    let key = lookup_key(name);
    if map.contains_key(&key) {
        diags.push(Diagnostic::warning(
            "emit-duplicate-name",
            &source.file,
            source.line,
            format!("`{name}` is defined twice (names compared ignoring case); the first definition is emitted"),
        ));
        return;
    }
    map.insert(key, item);
}

/// Fill `children`; report bases that are not defined and inheritance cycles.
fn link_bases(model: &mut VersionModel<'_>, diags: &mut Vec<Diagnostic>) {
    let version = model.version.map(|v| v.as_str()).unwrap_or("?");
    for (key, t) in &model.types {
        let Some(base) = t.base.as_deref() else {
            continue;
        };
        let base_key = lookup_key(base);
        if !model.types.contains_key(&base_key) {
            diags.push(Diagnostic::warning(
                "emit-missing-base",
                &t.source.file,
                t.source.line,
                format!("base type `{base}` of `{}` is not defined in {version}; its inherited properties are missing", t.name),
            ));
            continue;
        }
        model
            .children
            .entry(base_key)
            .or_default()
            .push(key.clone());
    }
    for (key, t) in &model.types {
        let chain = model.chain(key);
        let ends_at_root = chain.first().is_some_and(|root| {
            root.base
                .as_deref()
                .is_none_or(|b| !model.types.contains_key(&lookup_key(b)))
        });
        if !ends_at_root {
            diags.push(Diagnostic::warning(
                "emit-inheritance-cycle",
                &t.source.file,
                t.source.line,
                format!(
                    "the base types of `{}` form a cycle; the cycle is cut",
                    t.name
                ),
            ));
        }
    }
}

/// Lookup keys of the types named as the body of a PATCH operation.
fn patched_types(api: &Api, version: Version) -> BTreeSet<String> {
    api.operations
        .iter()
        .filter(|op| op.version == Some(version) && op.method.eq_ignore_ascii_case("PATCH"))
        .filter_map(|op| op.request.type_name.as_deref())
        .map(lookup_key)
        .collect()
}

/// Decide the Rust names of one version's types and enums.
fn name_version(
    model: &VersionModel<'_>,
    patched: &BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Named> {
    // Primary names, sorted by key (types and enums interleaved).
    let mut primaries: Vec<(String, String, &crate::ir::model::Source)> = Vec::new();
    for (key, t) in &model.types {
        primaries.push((key.clone(), t.name.clone(), &t.source));
    }
    for (key, e) in &model.enums {
        primaries.push((key.clone(), e.name.clone(), &e.source));
    }
    primaries.sort_by(|a, b| a.0.cmp(&b.0));

    // Derived names follow all primary names so primaries keep theirs.
    let mut wanted: Vec<String> = primaries.iter().map(|p| naming::type_name(&p.1)).collect();
    let mut derived: Vec<(usize, &'static str)> = Vec::new();
    for (i, (key, _, _)) in primaries.iter().enumerate() {
        let Some(t) = model.types.get(key) else {
            continue;
        };
        let base = wanted[i].clone();
        if !model.descendants(key).is_empty() {
            derived.push((i, "any"));
            wanted.push(format!("Any{base}"));
        }
        if t.kind == TypeKind::Entity || patched.contains(key) {
            derived.push((i, "update"));
            wanted.push(format!("{base}Update"));
        }
    }
    let (resolved, renamed) = naming::uniquify(&wanted);
    for (i, old, new) in renamed {
        let owner = if i < primaries.len() {
            i
        } else {
            derived[i - primaries.len()].0
        };
        let source = primaries[owner].2;
        diags.push(Diagnostic::note(
            "emit-name-collision",
            &source.file,
            source.line,
            format!(
                "Rust name `{old}` is already taken; `{}` is emitted as `{new}`",
                primaries[owner].1
            ),
        ));
    }

    let mut out = BTreeMap::new();
    for (i, (key, graph_name, _)) in primaries.iter().enumerate() {
        let kind = match model.enums.get(key) {
            Some(e) if !model.types.contains_key(key) => NamedKind::Enum { flags: e.flags },
            _ => NamedKind::Struct {
                any_ident: None,
                update_ident: None,
            },
        };
        out.insert(
            key.clone(),
            Named {
                graph_name: graph_name.clone(),
                ident: resolved[i].clone(),
                kind,
            },
        );
    }
    for (j, (owner, what)) in derived.iter().enumerate() {
        let name = resolved[primaries.len() + j].clone();
        let Some(Named {
            kind:
                NamedKind::Struct {
                    any_ident,
                    update_ident,
                },
            ..
        }) = out.get_mut(&primaries[*owner].0)
        else {
            continue;
        };
        match *what {
            "any" => *any_ident = Some(name),
            _ => *update_ident = Some(name),
        }
    }
    out
}
