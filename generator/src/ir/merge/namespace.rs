//! Namespaces: Graph has types of one name in several namespaces
//! (`microsoft.graph.endpoint` and `microsoft.graph.callRecords.endpoint`), so
//! the merge keeps one type per (version, name, namespace). Items whose page
//! states no namespace, and type references (which are written without one),
//! resolve the way OData resolves them in the docs: a type of the referring
//! context's namespace if there is one of that name, else `microsoft.graph`,
//! else the only namespace that has it.

use crate::ir::model::{PageIr, Version, MAIN_NAMESPACE};
use crate::ir::naming::FastHash;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Which namespaces define each (version, name).
#[derive(Debug, Default)]
pub struct Namespaces {
    /// Version → name → the namespaces defining it (nested so lookups
    /// borrow; hashed: every type and enum of every page is added, and
    /// nothing reads the names in order).
    defined: BTreeMap<Version, HashMap<String, BTreeSet<String>, FastHash>>,
}

impl Namespaces {
    /// Record that `namespace` defines `name` in `version`.
    pub fn add(&mut self, version: Version, namespace: &str, name: &str) {
        let by_name = self.defined.entry(version).or_default();
        let set = match by_name.get_mut(name) {
            Some(set) => set,
            None => by_name.entry(name.to_string()).or_default(),
        };
        if !set.contains(namespace) {
            set.insert(namespace.to_string());
        }
    }

    /// The namespace a reference to `name` from `context` means (see the
    /// module doc). A name nothing defines belongs to the context, else to
    /// `microsoft.graph`.
    pub fn resolve(&self, version: Version, context: Option<&str>, name: &str) -> String {
        self.resolve_ref(version, context, name).to_string()
    }

    /// [`Namespaces::resolve`], borrowed (lookups in hot loops allocate nothing).
    pub fn resolve_ref<'a>(
        &'a self,
        version: Version,
        context: Option<&'a str>,
        name: &str,
    ) -> &'a str {
        let fallback = context.unwrap_or(MAIN_NAMESPACE);
        let Some(set) = self.defined.get(&version).and_then(|m| m.get(name)) else {
            return fallback;
        };
        if let Some(c) = context.filter(|c| set.contains(*c)) {
            return c;
        }
        if set.contains(MAIN_NAMESPACE) {
            return MAIN_NAMESPACE;
        }
        match set.iter().next() {
            Some(only) if set.len() == 1 => only,
            _ => fallback,
        }
    }
}

/// Give every type and enum of every page a namespace: its own if the page
/// stated one, else resolved from the page's namespace among the namespaces
/// in which items that state theirs define that name. Versions must be assigned.
pub fn assign_namespaces(pages: &mut [PageIr]) {
    let mut types = Namespaces::default();
    let mut enums = Namespaces::default();
    for p in pages.iter() {
        for t in &p.types {
            if let (Some(v), Some(ns)) = (t.version, &t.namespace) {
                types.add(v, ns, &t.name);
            }
        }
        for e in &p.enums {
            if let (Some(v), Some(ns)) = (e.version, &e.namespace) {
                enums.add(v, ns, &e.name);
            }
        }
    }
    // Pages are independent once the definitions are known.
    pages.par_iter_mut().for_each(|p| {
        let context = p.namespace.as_deref();
        for t in p.types.iter_mut().filter(|t| t.namespace.is_none()) {
            if let Some(v) = t.version {
                t.namespace = Some(types.resolve(v, context, &t.name));
            }
        }
        for e in p.enums.iter_mut().filter(|e| e.namespace.is_none()) {
            if let Some(v) = e.version {
                e.namespace = Some(enums.resolve(v, context, &e.name));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_resolve_to_their_context_first() {
        let mut ns = Namespaces::default();
        let cr = "microsoft.graph.callRecords";
        ns.add(Version::V1_0, MAIN_NAMESPACE, "endpoint");
        ns.add(Version::V1_0, cr, "endpoint");
        ns.add(Version::V1_0, cr, "userAgent");
        let v = Version::V1_0;
        assert_eq!(ns.resolve(v, Some(cr), "endpoint"), cr);
        assert_eq!(ns.resolve(v, None, "endpoint"), MAIN_NAMESPACE);
        assert_eq!(
            ns.resolve(v, Some("microsoft.graph.other"), "endpoint"),
            MAIN_NAMESPACE
        );
        assert_eq!(ns.resolve(v, None, "userAgent"), cr, "the only one");
        assert_eq!(ns.resolve(v, Some(cr), "nothing"), cr);
        assert_eq!(ns.resolve(Version::Beta, None, "endpoint"), MAIN_NAMESPACE);
    }
}
