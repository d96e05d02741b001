//! The round-trip dispatch emitted into a generated crate (feature
//! `roundtrip`): `crate::roundtrip::roundtrip(version, type_name, json)` and
//! `roundtrip_update(..)` deserialize `json` as the named type (its `Any` enum
//! when it has derived types; its `<Type>Update` for the update form) and
//! serialize it back. One match arm per type, per version module.

use crate::emit::typeref::{NamedKind, TypeIndex};
use crate::ir::model::Version;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `<version>::roundtrip`: `model` and `update` dispatch over the version's types.
pub fn version_dispatch(index: &TypeIndex, version: Version) -> TokenStream {
    let mut model_arms = Vec::new();
    let mut update_arms = Vec::new();
    for named in index
        .versions
        .get(&version)
        .into_iter()
        .flat_map(|m| m.values())
    {
        let NamedKind::Struct {
            any_ident,
            update_ident,
        } = &named.kind
        else {
            continue;
        };
        let name = named.graph_name.as_str();
        let model = format_ident!("{}", any_ident.as_deref().unwrap_or(&named.ident));
        model_arms.push(quote!(#name => roundtrip_as::<super::models::#model>(json),));
        if let Some(u) = update_ident {
            let u = format_ident!("{}", u);
            update_arms.push(quote!(#name => roundtrip_as::<super::models::#u>(json),));
        }
    }
    let model_fn = dispatch_fn(quote!(model), "model", &model_arms);
    let update_fn = dispatch_fn(quote!(update), "update (PATCH body)", &update_arms);
    quote! {
        #model_fn
        #update_fn
    }
}

fn dispatch_fn(name: TokenStream, what: &str, arms: &[TokenStream]) -> TokenStream {
    let doc = format!(
        " Round-trip `json` through the {what} type of the Graph type `type_name`; `None` when there is none."
    );
    let body = if arms.is_empty() {
        quote! {
            let _ = (type_name, json);
            ::std::option::Option::None
        }
    } else {
        quote! {
            use crate::primitives::roundtrip_as;
            ::std::option::Option::Some(match type_name {
                #(#arms)*
                _ => return ::std::option::Option::None,
            })
        }
    };
    quote! {
        #[doc = #doc]
        pub fn #name(type_name: &str, json: &str) -> ::std::option::Option<::std::result::Result<::serde_json::Value, ::std::string::String>> {
            #body
        }
    }
}

/// `crate::roundtrip`: the version-level dispatch. `features` puts each
/// version's arm behind its cargo feature.
pub fn crate_dispatch(versions: &[Version], features: bool) -> TokenStream {
    let arms = |func: TokenStream| -> Vec<TokenStream> {
        versions
            .iter()
            .map(|v| {
                let wire = v.as_str();
                let module = format_ident!("{}", v.module_name());
                let feature = v.module_name();
                let cfg = features.then(|| quote!(#[cfg(feature = #feature)]));
                quote!(#cfg #wire => crate::#module::roundtrip::#func(type_name, json),)
            })
            .collect()
    };
    let model_arms = arms(quote!(model));
    let update_arms = arms(quote!(update));
    quote! {
        /// Deserialize `json` as the model of Graph type `type_name` in
        /// `version` (`v1.0`, `beta`) and serialize it back.
        pub fn roundtrip(version: &str, type_name: &str, json: &str) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
            let found = match version {
                #(#model_arms)*
                _ => ::std::option::Option::None,
            };
            found.unwrap_or_else(|| ::std::result::Result::Err(format!("no type `{type_name}` in version `{version}` (or its feature is off)")))
        }

        /// Deserialize `json` as the update (PATCH) body of Graph type
        /// `type_name` in `version` and serialize it back.
        pub fn roundtrip_update(version: &str, type_name: &str, json: &str) -> ::std::result::Result<::serde_json::Value, ::std::string::String> {
            let found = match version {
                #(#update_arms)*
                _ => ::std::option::Option::None,
            };
            found.unwrap_or_else(|| ::std::result::Result::Err(format!("no update type for `{type_name}` in version `{version}` (or its feature is off)")))
        }
    }
}
