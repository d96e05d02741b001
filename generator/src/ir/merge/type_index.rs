//! The merged types by (version, namespace, name), to resolve references,
//! follow base types and find the type that declares a property. The index
//! holds positions into the slice it was built from: it stays valid while
//! properties are added or renamed, as long as no type is added or removed.

use crate::ir::model::{TypeDef, Version, MAIN_NAMESPACE};
use crate::ir::naming::{eq_ignore_ascii_case, FastHash};
use std::collections::{BTreeMap, HashMap};

/// Name → the namespaces defining it, each with the item's position (the
/// enum index uses it too).
pub(super) type ByName = HashMap<String, Vec<(String, usize)>, FastHash>;

/// Record that item `i` of version `v` is `name` in namespace `ns`. One item
/// per (version, name, namespace); were there two, the last would be found.
pub(super) fn add_by_name(
    by_name: &mut BTreeMap<Version, ByName>,
    v: Version,
    name: &str,
    ns: &str,
    i: usize,
) {
    let by_ns = by_name
        .entry(v)
        .or_default()
        .entry(name.to_string())
        .or_default();
    match by_ns.iter_mut().find(|(n, _)| n == ns) {
        Some(slot) => slot.1 = i,
        None => by_ns.push((ns.to_string(), i)),
    }
}

pub struct TypeIndex {
    /// Version → name → the namespaces defining it, each with the type's
    /// position (hashed, lookups borrow the name: every type reference the
    /// later steps follow is resolved here).
    by_name: BTreeMap<Version, ByName>,
    /// (version, lower-case name) → the types of that name in any namespace.
    by_lower: BTreeMap<(Version, String), Vec<usize>>,
    /// Direct derived types of each type.
    derived: BTreeMap<usize, Vec<usize>>,
    /// Each type and its bases, nearest first (see [`TypeIndex::lineage`]).
    lineages: Vec<Vec<usize>>,
}

impl TypeIndex {
    pub fn new(types: &[TypeDef]) -> TypeIndex {
        let mut by_name: BTreeMap<Version, ByName> = BTreeMap::new();
        let mut by_lower: BTreeMap<(Version, String), Vec<usize>> = BTreeMap::new();
        for (i, t) in types.iter().enumerate() {
            let (Some(v), Some(ns)) = (t.version, t.namespace.as_deref()) else {
                continue;
            };
            add_by_name(&mut by_name, v, &t.name, ns, i);
            by_lower
                .entry((v, crate::ir::naming::lower(&t.name)))
                .or_default()
                .push(i);
        }
        let mut index = TypeIndex {
            by_name,
            by_lower,
            derived: BTreeMap::new(),
            lineages: Vec::new(),
        };
        let bases: Vec<Option<usize>> = (0..types.len()).map(|i| index.base_of(types, i)).collect();
        for (i, b) in bases.iter().enumerate() {
            if let Some(b) = b {
                index.derived.entry(*b).or_default().push(i);
            }
        }
        index.lineages = (0..types.len()).map(|i| lineage_of(&bases, i)).collect();
        index
    }

    /// The type a reference to `name` from `context` (a namespace) means:
    /// the one of the context's namespace, else of `microsoft.graph`, else
    /// the only one (see `namespace::Namespaces::resolve_ref`).
    pub fn resolve(&self, version: Version, context: Option<&str>, name: &str) -> Option<usize> {
        let by_ns = self.by_name.get(&version)?.get(name)?;
        let find = |ns: &str| by_ns.iter().find(|(n, _)| n == ns).map(|(_, i)| *i);
        if let Some(i) = context.and_then(find) {
            return Some(i);
        }
        if let Some(i) = find(MAIN_NAMESPACE) {
            return Some(i);
        }
        match by_ns.as_slice() {
            [(_, only)] => Some(*only),
            _ => None,
        }
    }

    /// The base type of `types[i]`, resolved from its namespace.
    pub fn base_of(&self, types: &[TypeDef], i: usize) -> Option<usize> {
        let t = types.get(i)?;
        let base = t.base.as_deref()?;
        self.resolve(t.version?, t.namespace.as_deref(), base)
    }

    /// `i` and its bases, nearest first. Stops at a cycle. (Computed once:
    /// type names and bases do not change while the index is in use.)
    pub fn lineage(&self, i: usize) -> &[usize] {
        self.lineages.get(i).map_or(&[], Vec::as_slice)
    }

    /// Whether a type derived from `i`, directly or not (not `i` itself),
    /// satisfies `pred`. Each type has one base, so no type is reached
    /// twice and the only cycle a walk from `i` can meet leads back to `i`:
    /// no set of the types seen is needed.
    pub fn any_descendant(&self, i: usize, mut pred: impl FnMut(usize) -> bool) -> bool {
        let mut todo: Vec<usize> = self.derived.get(&i).cloned().unwrap_or_default();
        while let Some(d) = todo.pop() {
            if d == i {
                continue;
            }
            if pred(d) {
                return true;
            }
            todo.extend(self.derived.get(&d).into_iter().flatten());
        }
        false
    }

    /// The type of the lineage of `i` that declares a property named
    /// `name` ignoring case (nearest first), with the property's position.
    pub fn declaring(&self, types: &[TypeDef], i: usize, name: &str) -> Option<(usize, usize)> {
        self.lineage(i).iter().find_map(|&t| {
            let props = &types.get(t)?.properties;
            let p = props
                .iter()
                .position(|p| eq_ignore_ascii_case(&p.name, name))?;
            Some((t, p))
        })
    }

    /// Lower-case names of every property of the bases of `types[i]` (not
    /// its own), each with the base that has it (the nearest).
    pub fn inherited_properties(&self, types: &[TypeDef], i: usize) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for &b in self.lineage(i).iter().skip(1) {
            let Some(base) = types.get(b) else { break };
            for p in &base.properties {
                out.entry(crate::ir::naming::lower(&p.name))
                    .or_insert_with(|| base.name.clone());
            }
        }
        out
    }

    /// Every type of `version` named `name` ignoring case, in any namespace.
    pub fn named_ignoring_case(&self, version: Version, name: &str) -> Vec<usize> {
        self.by_lower
            .get(&(version, crate::ir::naming::lower(name)))
            .cloned()
            .unwrap_or_default()
    }
}

/// `i` and its bases (from `bases`, each type's base), nearest first,
/// stopping at a cycle.
fn lineage_of(bases: &[Option<usize>], i: usize) -> Vec<usize> {
    let mut out = vec![i];
    let mut next = bases.get(i).copied().flatten();
    while let Some(b) = next {
        if out.contains(&b) {
            break;
        }
        out.push(b);
        next = bases.get(b).copied().flatten();
    }
    out
}
