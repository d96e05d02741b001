//! Graph type names of bodies, responses and parameters → Rust types, through
//! the model emitter's [`TypeIndex`], so the client names exactly what the
//! `models` module defines: renamed collisions, `Any<Type>` dispatch enums
//! for types with derived types, `<Type>Update` PATCH bodies, flag enums.

use crate::emit::typeref::{ResolvedKind, TypeIndex};
use crate::ir::model::Version;
use proc_macro2::TokenStream;
use quote::quote;

/// A type the index knows.
pub(crate) struct Resolved {
    pub kind: ResolvedKind,
    /// The Rust type of one value (no `Vec`).
    pub ty: TokenStream,
}

/// One version's view of the index.
pub(crate) struct TypeContext<'a> {
    index: &'a TypeIndex,
    version: Version,
}

impl<'a> TypeContext<'a> {
    pub fn new(index: &'a TypeIndex, version: Version) -> TypeContext<'a> {
        TypeContext { index, version }
    }

    /// Resolve `graph_name`; `None` when it is neither a primitive nor a type
    /// or enum of this version (the caller reports it and uses a JSON value).
    pub fn resolve(&self, graph_name: &str) -> Option<Resolved> {
        let r = self.index.resolve(self.version, graph_name);
        match r.kind {
            ResolvedKind::Unknown => None,
            kind => Some(Resolved { kind, ty: r.tokens }),
        }
    }

    /// `models::<T>Update`, the PATCH body of a structured type, when emitted.
    pub fn update_type(&self, graph_name: &str) -> Option<TokenStream> {
        self.index.update_type(self.version, graph_name)
    }
}

/// The JSON value type used where a type cannot be resolved.
pub(crate) fn json_value() -> TokenStream {
    quote!(::serde_json::Value)
}
