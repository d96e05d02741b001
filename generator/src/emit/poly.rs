//! `@odata.type` dispatch. For a type with derived types, `Any<Type>` has
//! one variant per concrete derived type (directly or indirectly derived)
//! plus the type itself. Deserialize reads the payload once into a JSON value
//! and picks the variant the `@odata.type` annotation names (compared without
//! `#microsoft.graph.` and ignoring case); a payload without the annotation,
//! naming the type itself or naming a type the docs do not describe becomes
//! the base variant, whose `additional` map keeps the properties it does not
//! know, so nothing is lost. Serialize writes the variant's struct unchanged.
//! Variants are boxed so the enum stays small in collections.

use crate::emit::docs;
use crate::emit::model::Ctx;
use crate::emit::typeref::lookup_key;
use crate::ir::model::TypeDef;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The `Any<Type>` enum and its impls for `base`, named `any_ident`.
pub fn emit_any(ctx: &mut Ctx<'_, '_>, base: &TypeDef, any_ident: &str) -> TokenStream {
    let derived: Vec<&TypeDef> = ctx
        .model
        .descendants(&lookup_key(&base.name))
        .into_iter()
        .filter(|t| !t.is_abstract)
        .collect();
    let base_ident = ctx.ident_of(base);
    let variants: Vec<proc_macro2::Ident> = derived.iter().map(|t| ctx.ident_of(t)).collect();
    let keys: Vec<String> = derived.iter().map(|t| lookup_key(&t.name)).collect();
    let names: Vec<&str> = derived.iter().map(|t| t.name.as_str()).collect();
    let base_name = base.name.as_str();
    let all_idents: Vec<String> = variants
        .iter()
        .map(|v| v.to_string())
        .chain([base_ident.to_string(), any_ident.to_string()])
        .collect();
    let allow = crate::emit::fields::camel_allow(all_idents.iter().map(String::as_str));
    let ty = format_ident!("{}", any_ident);
    let intro = format!(
        "A `{base_name}` or any of its {} derived types, chosen by `@odata.type` when deserializing; an unknown or missing `@odata.type` gives the `{base_ident}` variant, with nothing lost.",
        derived.len()
    );
    let doc = docs::doc_attrs(None, &[intro], Some(&base.source));
    quote! {
        #doc
        #allow
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum #ty {
            #base_ident(::std::boxed::Box<#base_ident>),
            #(#variants(::std::boxed::Box<#variants>),)*
        }

        impl #ty {
            /// The Graph name of the variant's type.
            pub fn type_name(&self) -> &'static str {
                match self {
                    Self::#base_ident(_) => #base_name,
                    #(Self::#variants(_) => #names,)*
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                match crate::primitives::odata_type_key(&value).as_deref() {
                    #(::std::option::Option::Some(#keys) => crate::primitives::dispatch_variant(value).map(Self::#variants),)*
                    _ => crate::primitives::dispatch_variant(value).map(Self::#base_ident),
                }
            }
        }
    }
}
