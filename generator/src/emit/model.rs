//! One struct per entity and complex type: every property (inherited ones
//! flattened in, so each struct is complete), all `Option` (a response may
//! leave any property out: `$select`), non-collection struct values boxed
//! (recursive types stay finite and structs small), `@odata.type` kept, and
//! unknown properties kept in `additional` so a read-modify-write loses nothing.

use crate::diag::Diagnostic;
use crate::emit::docs;
use crate::emit::fields::{self, ADDITIONAL, ODATA_TYPE};
use crate::emit::index::VersionModel;
use crate::emit::typeref::{collection_of, lookup_key, ResolvedKind, TypeIndex};
use crate::ir::model::{Property, TypeDef, TypeKind, Version};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// What the type emitters of one version share.
pub struct Ctx<'a, 'd> {
    pub version: Version,
    pub model: &'a VersionModel<'a>,
    pub index: &'a TypeIndex,
    pub diags: &'d mut Vec<Diagnostic>,
}

impl Ctx<'_, '_> {
    /// The Rust type of a property's value (no `Option`): resolved, boxed
    /// when a single struct value, in a `Vec` when a collection. An unknown
    /// type becomes `serde_json::Value`, reported once per property source.
    pub fn value_type(&mut self, p: &Property) -> TokenStream {
        let resolved = self.index.resolve(self.version, &p.type_name);
        let inner = match resolved.kind {
            ResolvedKind::Struct if !p.collection => {
                let t = resolved.tokens;
                quote!(::std::boxed::Box<#t>)
            }
            ResolvedKind::Unknown => {
                self.diags.push(Diagnostic::warning(
                    "emit-unknown-type",
                    &p.source.file,
                    p.source.line,
                    format!(
                        "type `{}` of property `{}` is not a primitive, enum or type of {}; emitted as serde_json::Value",
                        p.type_name, p.name, self.version
                    ),
                ));
                resolved.tokens
            }
            _ => resolved.tokens,
        };
        collection_of(inner, p.collection)
    }

    /// The Rust identifier of a named type.
    pub fn ident_of(&self, t: &TypeDef) -> proc_macro2::Ident {
        let ident = self
            .index
            .get(self.version, &t.name)
            .map(|n| n.ident.clone())
            .unwrap_or_else(|| crate::ir::naming::type_name(&t.name));
        format_ident!("{}", ident)
    }
}

/// The `#[serde(rename = ..)]` attribute when the camelCase rule does not
/// give the wire name.
pub fn rename_attr(ident: &str, wire: &str) -> Option<TokenStream> {
    fields::needs_rename(ident, wire).then(|| quote!(rename = #wire,))
}

/// Parse an identifier text (`r#type`, `name`) into an `Ident`.
pub fn ident(text: &str) -> proc_macro2::Ident {
    match text.strip_prefix("r#") {
        Some(raw) => format_ident!("r#{}", raw),
        None => format_ident!("{}", text),
    }
}

/// The struct for one type.
pub fn emit_struct(ctx: &mut Ctx<'_, '_>, t: &TypeDef) -> TokenStream {
    let TypeDef {
        name,
        kind,
        base,
        is_abstract,
        description,
        source,
        ..
    } = t;
    let props = ctx.model.properties(&lookup_key(name));
    let (fields_ts, additional) = struct_fields(ctx, name, &props, source, property_field);

    let mut extra = vec![type_summary(*kind, base.as_deref(), *is_abstract, name)];
    if ctx.index.get(ctx.version, name).is_some_and(has_any) {
        extra.push(format!("Where a `{name}` is expected, the `Any` enum of this type reads the derived type the `@odata.type` annotation names."));
    }
    let doc = docs::doc_attrs(description.as_deref(), &extra, Some(source));
    let ty = ctx.ident_of(t);
    let allow = fields::camel_allow([ty.to_string().as_str()]);
    quote! {
        #doc
        #allow
        #[derive(Debug, Clone, PartialEq, Default, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(default, rename_all = "camelCase")]
        pub struct #ty {
            #(#fields_ts)*
            /// Properties not described by the documentation, kept as received.
            #[serde(flatten)]
            pub #additional: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }
    }
}

fn has_any(n: &crate::emit::typeref::Named) -> bool {
    matches!(
        &n.kind,
        crate::emit::typeref::NamedKind::Struct {
            any_ident: Some(_),
            ..
        }
    )
}

fn type_summary(kind: TypeKind, base: Option<&str>, is_abstract: bool, name: &str) -> String {
    let what = match kind {
        TypeKind::Entity => "Entity type",
        TypeKind::Complex => "Complex type",
    };
    let mut s = format!("{what} `{name}`");
    if let Some(b) = base {
        s.push_str(&format!(
            ", derived from `{b}` (its properties are included)"
        ));
    }
    if is_abstract {
        s.push_str("; abstract: payloads carry a derived type");
    }
    s.push('.');
    s
}

/// The fields of a struct named `struct_name` that carries `props`: the
/// `@odata.type` field, one field per property (made by `field`), and the
/// catch-all of the keys no field reads, with identifiers unique together.
pub fn struct_fields(
    ctx: &mut Ctx<'_, '_>,
    struct_name: &str,
    props: &[&Property],
    source: &crate::ir::model::Source,
    field: fn(&mut Ctx<'_, '_>, &Property, &str) -> TokenStream,
) -> (Vec<TokenStream>, proc_macro2::Ident) {
    let mut wire: Vec<&str> = vec![ODATA_TYPE];
    wire.extend(props.iter().map(|p| p.name.as_str()));
    wire.push(ADDITIONAL);
    let idents = fields::field_idents(struct_name, &wire, source, ctx.diags);

    let mut fields_ts = Vec::with_capacity(props.len() + 2);
    fields_ts.push(odata_type_field(
        idents.first().map(String::as_str).unwrap_or("odata_type"),
    ));
    for (p, id) in props.iter().zip(idents.iter().skip(1)) {
        fields_ts.push(field(ctx, p, id));
    }
    let additional = ident(idents.last().map(String::as_str).unwrap_or(ADDITIONAL));
    (fields_ts, additional)
}

/// The `@odata.type` field: first, kept so derived payloads and requests
/// that must name their type round-trip.
pub fn odata_type_field(id: &str) -> TokenStream {
    let id = ident(id);
    quote! {
        /// The `@odata.type` annotation (`#microsoft.graph.x`), when present.
        #[serde(rename = "@odata.type", skip_serializing_if = "::std::option::Option::is_none")]
        pub #id: ::std::option::Option<::std::string::String>,
    }
}

/// Doc lines of a property: description, then the flags the prose gave.
pub fn property_doc(p: &Property) -> TokenStream {
    let mut flags = Vec::new();
    if p.read_only {
        flags.push("read-only".to_string());
    }
    match p.nullable {
        Some(true) => flags.push("nullable".to_string()),
        Some(false) => flags.push("not nullable".to_string()),
        None => {}
    }
    if p.required {
        flags.push("required".to_string());
    }
    if p.navigation {
        flags.push("relationship (navigation property)".to_string());
    }
    if p.select_only {
        flags.push("returned only on `$select`".to_string());
    }
    if !p.supports.is_empty() {
        let list: Vec<String> = p
            .supports
            .iter()
            .map(|s| format!("`{}`", s.replace('`', "")))
            .collect();
        flags.push(format!("supports {}", list.join(", ")));
    }
    let mut extra = Vec::new();
    if !flags.is_empty() {
        extra.push(format!(
            "Wire name `{}`; {}.",
            p.name.replace('`', ""),
            flags.join("; ")
        ));
    }
    docs::doc_attrs(p.description.as_deref(), &extra, Some(&p.source))
}

fn property_field(ctx: &mut Ctx<'_, '_>, p: &Property, id: &str) -> TokenStream {
    let ty = ctx.value_type(p);
    let doc = property_doc(p);
    let rename = rename_attr(id, &p.name);
    let id = ident(id);
    quote! {
        #doc
        #[serde(#rename skip_serializing_if = "::std::option::Option::is_none")]
        pub #id: ::std::option::Option<#ty>,
    }
}
