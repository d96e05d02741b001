//! JSON representations often show a type's inherited properties too
//! (`teleconferenceDeviceAudioQuality` lists every property of its base
//! `teleconferenceDeviceMediaQuality`). A property known only from the JSON
//! (`from_json`) that a base type has is the base's: it is dropped from the
//! derived type, with a note.

use super::namespace::Namespaces;
use crate::diag::Diagnostic;
use crate::ir::model::{TypeDef, Version};
use std::collections::{BTreeMap, BTreeSet};

/// Drop JSON-only properties that a base type (transitively) has.
pub fn drop_inherited_json_properties(types: &mut [TypeDef], diags: &mut Vec<Diagnostic>) {
    let index = TypeIndex::new(types);
    let mut drops: Vec<(usize, BTreeMap<String, String>)> = Vec::new();
    for (i, t) in types.iter().enumerate() {
        if !t.properties.iter().any(|p| p.from_json) {
            continue;
        }
        let inherited = index.inherited_properties(types, i);
        let dropped: BTreeMap<String, String> = t
            .properties
            .iter()
            .filter(|p| p.from_json)
            .filter_map(|p| {
                inherited
                    .get(&p.name.to_lowercase())
                    .map(|owner| (p.name.clone(), owner.clone()))
            })
            .collect();
        if !dropped.is_empty() {
            drops.push((i, dropped));
        }
    }
    for (i, dropped) in drops {
        let Some(t) = types.get_mut(i) else { continue };
        let type_name = t.name.clone();
        t.properties.retain(|p| {
            let Some(owner) = dropped.get(&p.name).filter(|_| p.from_json) else {
                return true;
            };
            diags.push(Diagnostic::note(
                "property-from-json-inherited",
                &p.source.file,
                p.source.line,
                format!(
                    "`{type_name}.{}` of the JSON representation is inherited from `{owner}`; not added to `{type_name}`",
                    p.name
                ),
            ));
            false
        });
    }
}

/// The merged types by (version, namespace, name), to follow base types.
struct TypeIndex {
    by_key: BTreeMap<(Version, String, String), usize>,
    namespaces: Namespaces,
}

impl TypeIndex {
    fn new(types: &[TypeDef]) -> TypeIndex {
        let mut by_key = BTreeMap::new();
        let mut namespaces = Namespaces::default();
        for (i, t) in types.iter().enumerate() {
            let (Some(v), Some(ns)) = (t.version, t.namespace.as_deref()) else {
                continue;
            };
            namespaces.add(v, ns, &t.name);
            by_key.insert((v, ns.to_string(), t.name.clone()), i);
        }
        TypeIndex { by_key, namespaces }
    }

    /// The base type of `types[i]`, resolved from its namespace.
    fn base_of(&self, types: &[TypeDef], i: usize) -> Option<usize> {
        let t = types.get(i)?;
        let base = t.base.as_deref()?;
        let v = t.version?;
        let ns = self.namespaces.resolve(v, t.namespace.as_deref(), base);
        self.by_key.get(&(v, ns, base.to_string())).copied()
    }

    /// Lower-case names of every property of the bases of `types[i]`, each
    /// with the base that has it (the nearest). Stops at a cycle.
    fn inherited_properties(&self, types: &[TypeDef], i: usize) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let mut seen = BTreeSet::from([i]);
        let mut next = self.base_of(types, i);
        while let Some(b) = next {
            if !seen.insert(b) {
                break;
            }
            let Some(base) = types.get(b) else { break };
            for p in &base.properties {
                out.entry(p.name.to_lowercase())
                    .or_insert_with(|| base.name.clone());
            }
            next = self.base_of(types, b);
        }
        out
    }
}
