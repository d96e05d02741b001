//! Request bodies: the model type for create (POST/PUT), the `Update` type for
//! PATCH, or a generated parameters struct for actions.

use super::types::{json_value, TypeContext};
use crate::diag::Diagnostic;
use crate::emit::typeref::{self, ResolvedKind};
use crate::ir::model::{Operation, Property, Version};
use crate::ir::naming;
use proc_macro2::TokenStream;
use quote::quote;

/// What an operation sends.
pub(crate) enum Body {
    /// A type of the models module (or `serde_json::Value`), passed by reference.
    Type(TokenStream),
    /// Action parameters: a struct generated next to the function.
    Params(Vec<ParamField>),
}

/// One field of a parameters struct.
pub(crate) struct ParamField {
    wire: String,
    ident: syn::Ident,
    ty: TokenStream,
    required: bool,
    /// The type has a `Default` (decides whether the struct derives it).
    has_default: bool,
    description: Option<String>,
}

/// The body of `op`, if it sends one.
pub(crate) fn plan(
    op: &Operation,
    version: Version,
    ctx: &TypeContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Body> {
    let method = op.method.trim().to_ascii_uppercase();
    if matches!(method.as_str(), "GET" | "DELETE" | "HEAD" | "OPTIONS") {
        return None;
    }
    let request = &op.request;
    if request.is_parameters && !request.properties.is_empty() {
        return Some(Body::Params(fields(
            op,
            &request.properties,
            version,
            ctx,
            diags,
        )));
    }
    if let Some(type_name) = &request.type_name {
        let ty = match ctx.resolve(type_name) {
            // A PATCH sends only what was set: the `<Type>Update` body.
            Some(r) if r.kind == ResolvedKind::Struct && method == "PATCH" => {
                ctx.update_type(type_name).unwrap_or(r.ty)
            }
            Some(r) => r.ty,
            None => {
                diags.push(Diagnostic::warning(
                    "client-unknown-body-type",
                    &op.source.file,
                    op.source.line,
                    format!("request body type `{type_name}` is not a {version} type; the body is a `serde_json::Value`"),
                ));
                json_value()
            }
        };
        // A slice, not `&Vec` (clippy::ptr_arg).
        let ty = if request.collection {
            quote!([#ty])
        } else {
            ty
        };
        return Some(Body::Type(ty));
    }
    if !request.properties.is_empty() {
        diags.push(Diagnostic::note(
            "client-untyped-body",
            &op.source.file,
            op.source.line,
            "the request body table names no type; its rows become a parameters struct",
        ));
        return Some(Body::Params(fields(
            op,
            &request.properties,
            version,
            ctx,
            diags,
        )));
    }
    let has_example_body = op
        .examples
        .iter()
        .any(|e| e.request.as_ref().is_some_and(|r| r.json.is_some()));
    if has_example_body {
        diags.push(Diagnostic::note(
            "client-json-body",
            &op.source.file,
            op.source.line,
            "the example request has a JSON body but the page documents no body type; the body is a `serde_json::Value`",
        ));
        return Some(Body::Type(json_value()));
    }
    None
}

fn fields(
    op: &Operation,
    props: &[Property],
    version: Version,
    ctx: &TypeContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ParamField> {
    let mut seen: Vec<&str> = Vec::new();
    let mut kept: Vec<&Property> = Vec::new();
    for p in props {
        if seen.contains(&p.name.as_str()) {
            diags.push(Diagnostic::warning(
                "client-duplicate-parameter",
                &p.source.file,
                p.source.line,
                format!(
                    "body parameter `{}` is listed twice; the first row is used",
                    p.name
                ),
            ));
        } else {
            seen.push(&p.name);
            kept.push(p);
        }
    }
    let wanted: Vec<String> = kept.iter().map(|p| naming::snake_name(&p.name)).collect();
    let (names, _) = naming::uniquify(&wanted);
    kept.iter()
        .zip(names)
        .map(|(p, name)| {
            let (one, has_default) = match ctx.resolve(&p.type_name) {
                Some(r) => {
                    // The crate's own primitives (dates, GUIDs) have no `Default`.
                    let std_default =
                        r.kind == ResolvedKind::Primitive && !r.ty.to_string().contains("crate");
                    (r.ty, std_default)
                }
                None => {
                    diags.push(Diagnostic::warning(
                        "client-unknown-parameter-type",
                        &p.source.file,
                        p.source.line,
                        format!(
                            "parameter `{}` of `{}` has type `{}`, not a {version} type; it is a `serde_json::Value`",
                            p.name, op.name, p.type_name
                        ),
                    ));
                    (json_value(), true)
                }
            };
            ParamField {
                wire: p.name.clone(),
                ident: super::syn_ident(&naming::escape_snake(&name)),
                ty: typeref::collection_of(one, p.collection),
                required: p.required,
                has_default: has_default || p.collection,
                description: p.description.clone(),
            }
        })
        .collect()
}

/// `pub struct <Op>Body { .. }`: optional parameters are left out when `None`.
pub(crate) fn params_struct(
    ident: &syn::Ident,
    fields: &[ParamField],
    op: &Operation,
) -> TokenStream {
    let derive_default = fields.iter().all(|f| !f.required || f.has_default);
    let derives = if derive_default {
        quote!(#[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)])
    } else {
        quote!(#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)])
    };
    let fields = fields.iter().map(|f| {
        let ident = &f.ident;
        let ty = &f.ty;
        let wire = &f.wire;
        let rename = if ident.to_string().trim_start_matches("r#") == wire {
            TokenStream::new()
        } else {
            quote!(#[serde(rename = #wire)])
        };
        let doc = f
            .description
            .as_deref()
            .map(|d| {
                let d = format!(" {}", super::docs::plain_text(d));
                quote!(#[doc = #d])
            })
            .unwrap_or_default();
        if f.required {
            quote! { #doc #rename pub #ident: #ty }
        } else {
            quote! {
                #doc
                #rename
                #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
                pub #ident: ::std::option::Option<#ty>
            }
        }
    });
    let doc = format!(" The parameters of [`{}()`].", naming::fn_ident(&op.name));
    quote! {
        #[doc = #doc]
        #derives
        pub struct #ident {
            #(#fields,)*
        }
    }
}
