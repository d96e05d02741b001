//! Graph type name → Rust type tokens, shared by the model and client emitters.
//!
//! Layout of a generated crate (fixed so models and clients agree):
//! - `crate::primitives::*`: date/time, duration, base64 and tri-state support types;
//! - `crate::<version module>::models::<TypeName>`: structs and enums
//!   (`<TypeName>Update` for PATCH bodies);
//! - `crate::<version module>::client`: operations; `crate::runtime`: the client core.

use crate::ir::model::Version;
use crate::ir::naming;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The Rust type of an EDM primitive (name without `Edm.`, case-insensitive),
/// or `None` when `name` is not a primitive.
pub fn primitive(name: &str) -> Option<TokenStream> {
    let t = match name.to_ascii_lowercase().as_str() {
        "string" => quote!(::std::string::String),
        "boolean" => quote!(bool),
        "int32" => quote!(i32),
        "int64" => quote!(i64),
        "int16" => quote!(i16),
        "byte" => quote!(u8),
        "sbyte" => quote!(i8),
        "double" | "decimal" => quote!(f64),
        "single" => quote!(f32),
        "datetimeoffset" => quote!(crate::primitives::DateTimeOffset),
        "date" => quote!(crate::primitives::Date),
        "timeofday" => quote!(crate::primitives::TimeOfDay),
        "duration" => quote!(crate::primitives::Duration),
        "guid" => quote!(crate::primitives::Guid),
        "binary" => quote!(crate::primitives::Base64),
        "stream" => quote!(crate::primitives::Base64),
        "json" | "untyped" => quote!(::serde_json::Value),
        _ => return None,
    };
    Some(t)
}

/// Path of a named (structured or enum) type of `version`, from its Graph
/// name alone. It does not know about renamed collisions, `Any<Type>`
/// dispatch enums or flag enums: emitters should use [`TypeIndex::resolve`].
pub fn named(version: Version, graph_name: &str) -> TokenStream {
    let module = format_ident!("{}", version.module_name());
    let ty = format_ident!("{}", naming::type_name(graph_name));
    quote!(crate::#module::models::#ty)
}

/// Wrap in `Vec` when `collection`.
pub fn collection_of(inner: TokenStream, collection: bool) -> TokenStream {
    if collection {
        quote!(::std::vec::Vec<#inner>)
    } else {
        inner
    }
}

/// What a Graph type name resolves to in one version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolvedKind {
    /// An EDM primitive (or `Json`).
    Primitive,
    /// A generated enum (flag enums resolve to `Flags<Enum>`).
    Enum,
    /// A generated struct, or its `Any<Type>` dispatch enum when it has derived types.
    Struct,
    /// Not known: mapped to `serde_json::Value` (the caller reports a diagnostic).
    Unknown,
}

/// A resolved type reference: the Rust type (without `Option`/`Vec`/`Box`).
#[derive(Debug, Clone)]
pub struct Resolved {
    pub tokens: TokenStream,
    pub kind: ResolvedKind,
}

/// How a named Graph type is emitted in a version's `models` module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NamedKind {
    Struct {
        /// `Any<Type>`: the `@odata.type` dispatch enum, when the type has derived types.
        any_ident: Option<String>,
        /// `<Type>Update`: the PATCH body type, for entity types.
        update_ident: Option<String>,
    },
    Enum {
        flags: bool,
    },
}

/// One named type of a version after naming and collision resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    /// The Graph name as defined (`deviceConfiguration`).
    pub graph_name: String,
    /// The Rust identifier text of the struct or enum.
    pub ident: String,
    pub kind: NamedKind,
}

/// Every named type of every version, keyed by lower-cased Graph name (the
/// docs spell references in varying case), with the Rust identifiers decided
/// once (sorted, collisions resolved deterministically) so the model and
/// client emitters agree. Built by `emit::index::build`.
#[derive(Debug, Clone, Default)]
pub struct TypeIndex {
    pub versions: std::collections::BTreeMap<Version, std::collections::BTreeMap<String, Named>>,
}

/// The lookup key of a Graph type reference: lower case, without `#`,
/// `microsoft.graph.` and `Edm.` prefixes.
pub fn lookup_key(graph_name: &str) -> String {
    let lower = graph_name
        .trim()
        .trim_start_matches('#')
        .to_ascii_lowercase();
    let lower = lower.strip_prefix("microsoft.graph.").unwrap_or(&lower);
    lower.strip_prefix("edm.").unwrap_or(lower).to_string()
}

impl TypeIndex {
    /// The named type `graph_name` of `version`, if generated.
    pub fn get(&self, version: Version, graph_name: &str) -> Option<&Named> {
        self.versions.get(&version)?.get(&lookup_key(graph_name))
    }

    /// The Rust type for a value of Graph type `graph_name` in `version`: a
    /// primitive, an enum (`Flags<E>` for flag enums), a struct, or the
    /// struct's `Any<Type>` enum when it has derived types (so a payload of a
    /// derived type keeps its properties); `serde_json::Value` when unknown.
    pub fn resolve(&self, version: Version, graph_name: &str) -> Resolved {
        if let Some(tokens) = primitive(&lookup_key(graph_name)) {
            return Resolved {
                tokens,
                kind: ResolvedKind::Primitive,
            };
        }
        let module = format_ident!("{}", version.module_name());
        match self.get(version, graph_name) {
            Some(Named {
                ident,
                kind: NamedKind::Enum { flags },
                ..
            }) => {
                let ty = format_ident!("{}", ident);
                let tokens = if *flags {
                    quote!(crate::primitives::Flags<crate::#module::models::#ty>)
                } else {
                    quote!(crate::#module::models::#ty)
                };
                Resolved {
                    tokens,
                    kind: ResolvedKind::Enum,
                }
            }
            Some(Named {
                ident,
                kind: NamedKind::Struct { any_ident, .. },
                ..
            }) => {
                let ty = format_ident!("{}", any_ident.as_deref().unwrap_or(ident));
                Resolved {
                    tokens: quote!(crate::#module::models::#ty),
                    kind: ResolvedKind::Struct,
                }
            }
            None => Resolved {
                tokens: quote!(::serde_json::Value),
                kind: ResolvedKind::Unknown,
            },
        }
    }

    /// The PATCH body type `<Type>Update` of a struct type, if emitted.
    pub fn update_type(&self, version: Version, graph_name: &str) -> Option<TokenStream> {
        match self.get(version, graph_name) {
            Some(Named {
                kind:
                    NamedKind::Struct {
                        update_ident: Some(u),
                        ..
                    },
                ..
            }) => {
                let module = format_ident!("{}", version.module_name());
                let ty = format_ident!("{}", u);
                Some(quote!(crate::#module::models::#ty))
            }
            _ => None,
        }
    }
}
