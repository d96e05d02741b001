//! Resolving Graph type names of bodies, responses and parameters against the
//! types and enums the model emitter generates for the same version.

use crate::emit::typeref;
use crate::ir::model::{Api, TypeKind, Version};
use crate::ir::naming;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// What a Graph type name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An EDM primitive (`String`, `Int32`, `DateTimeOffset`...).
    Primitive,
    /// An entity or complex type: `models::<T>` and `models::<T>Update` exist.
    Struct,
    Enum,
}

/// A resolved type reference.
pub(crate) struct Resolved {
    pub kind: Kind,
    /// The Rust type of one value (no `Vec`).
    pub ty: TokenStream,
    /// The Graph name as the model emitter names it (for `<T>Update`).
    pub graph_name: String,
}

/// The types and enums of one version, by Rust type name (the model emitter
/// names `deviceComplianceUserStatus` and `DeviceComplianceUserStatus` alike).
pub(crate) struct TypeContext {
    version: Version,
    named: BTreeMap<String, (Kind, String)>,
}

impl TypeContext {
    pub fn new(api: &Api, version: Version) -> TypeContext {
        let mut named = BTreeMap::new();
        for t in api.types.iter().filter(|t| t.version == Some(version)) {
            let kind = match t.kind {
                TypeKind::Entity | TypeKind::Complex => Kind::Struct,
            };
            named.insert(naming::type_name(&t.name), (kind, t.name.clone()));
        }
        for e in api.enums.iter().filter(|e| e.version == Some(version)) {
            named
                .entry(naming::type_name(&e.name))
                .or_insert((Kind::Enum, e.name.clone()));
        }
        TypeContext { version, named }
    }

    /// Resolve `graph_name` (namespace and `Edm.` prefixes dropped); `None`
    /// when it is neither a primitive nor a type of this version.
    pub fn resolve(&self, graph_name: &str) -> Option<Resolved> {
        let name = strip_namespace(graph_name);
        if let Some(ty) = typeref::primitive(name) {
            return Some(Resolved {
                kind: Kind::Primitive,
                ty,
                graph_name: name.to_string(),
            });
        }
        let (kind, graph) = self.named.get(&naming::type_name(name))?;
        Some(Resolved {
            kind: *kind,
            ty: typeref::named(self.version, graph),
            graph_name: graph.clone(),
        })
    }

    /// `models::<T>Update`, the PATCH body of a structured type.
    pub fn update_type(&self, graph_name: &str) -> TokenStream {
        typeref::named(self.version, &format!("{graph_name}Update"))
    }
}

/// `microsoft.graph.user` → `user`, `Edm.String` → `String`.
pub(crate) fn strip_namespace(name: &str) -> &str {
    let name = name.trim();
    name.rsplit('.').next().unwrap_or(name)
}

/// The JSON value type used where a type cannot be resolved.
pub(crate) fn json_value() -> TokenStream {
    quote!(::serde_json::Value)
}
