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

/// Path of a named (structured or enum) type of `version`.
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
