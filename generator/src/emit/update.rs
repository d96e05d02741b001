//! `<Type>Update`: the body of a PATCH. Read-only properties, relationships
//! and the key are left out; every field is absent by default and serializing
//! sends only what was set. A property the docs do not call "not nullable"
//! is tri-state (`Patch::Absent` / `Patch::Null` / `Patch::Value`), so
//! "clear this field" and "leave it alone" differ; a not-nullable one is an
//! `Option` (absent or value: null would be rejected by the service).

use crate::emit::docs;
use crate::emit::fields;
use crate::emit::model::{ident, property_doc, rename_attr, struct_fields, Ctx};
use crate::emit::typeref::lookup_key;
use crate::ir::model::{Property, TypeDef, TypeKind};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// Whether a property belongs in the update body.
pub fn is_updatable(t: &TypeDef, p: &Property) -> bool {
    let is_key = match &t.key {
        Some(k) => k == &p.name,
        None => t.kind == TypeKind::Entity && p.name == "id",
    };
    !p.read_only && !p.navigation && !is_key
}

/// The update struct of `t`, named `update_ident`.
pub fn emit_update(ctx: &mut Ctx<'_, '_>, t: &TypeDef, update_ident: &str) -> TokenStream {
    let TypeDef { name, source, .. } = t;
    let props: Vec<&Property> = ctx
        .model
        .properties(&lookup_key(name))
        .into_iter()
        .filter(|p| is_updatable(t, p))
        .collect();
    let (fields_ts, additional) = struct_fields(ctx, update_ident, &props, source, update_field);
    let model = ctx.ident_of(t);
    let intro = format!(
        "The body of an update (PATCH) of a [`{model}`]: read-only properties, relationships and the key left out; only the fields that are set are sent."
    );
    let doc = docs::doc_attrs(None, &[intro], Some(source));
    let ty = format_ident!("{}", update_ident);
    let allow = fields::camel_allow([update_ident]);
    quote! {
        #doc
        #allow
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(default, rename_all = "camelCase")]
        pub struct #ty {
            #(#fields_ts)*
            /// Further properties to send, as JSON values.
            #[serde(flatten)]
            pub #additional: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }
    }
}

fn update_field(ctx: &mut Ctx<'_, '_>, p: &Property, id: &str) -> TokenStream {
    let ty = ctx.value_type(p);
    let doc = property_doc(p);
    let rename = rename_attr(id, &p.name);
    let id = ident(id);
    if p.nullable == Some(false) {
        quote! {
            #doc
            #[serde(#rename skip_serializing_if = "::std::option::Option::is_none")]
            pub #id: ::std::option::Option<#ty>,
        }
    } else {
        quote! {
            #doc
            #[serde(#rename skip_serializing_if = "crate::primitives::Patch::is_absent")]
            pub #id: crate::primitives::Patch<#ty>,
        }
    }
}
