//! Responses: the Rust result type of an operation and the runtime decoder
//! that reads it from a success body.

use super::types::{json_value, TypeContext};
use crate::diag::Diagnostic;
use crate::emit::typeref::ResolvedKind;
use crate::ir::model::{Operation, Segment, Version};
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) struct ResponsePlan {
    /// The `T` of `ApiRequest<T>`.
    pub ty: TokenStream,
    /// A `crate::runtime::Decoder<T>` expression.
    pub decoder: TokenStream,
}

fn plan_of(ty: TokenStream, decoder: TokenStream) -> ResponsePlan {
    ResponsePlan { ty, decoder }
}

/// The last `$x` segment of the first path, if the path ends with one.
fn trailing_dollar(op: &Operation) -> Option<&str> {
    match op.paths.first()?.segments.last()? {
        Segment::Dollar { name } => Some(name),
        _ => None,
    }
}

pub(crate) fn plan(
    op: &Operation,
    version: Version,
    ctx: &TypeContext<'_>,
    diags: &mut Vec<Diagnostic>,
) -> ResponsePlan {
    let method = op.method.trim().to_ascii_uppercase();
    let response = &op.response;
    if method == "GET" {
        match trailing_dollar(op) {
            Some("value") => {
                return plan_of(
                    quote!(::std::vec::Vec<u8>),
                    quote!(crate::runtime::decode_bytes),
                )
            }
            Some("count") => return plan_of(quote!(i64), quote!(crate::runtime::decode_count)),
            _ => {}
        }
    }
    if response.status == Some(204) {
        return plan_of(quote!(()), quote!(crate::runtime::decode_none));
    }
    let Some(type_name) = &response.type_name else {
        return if matches!(response.status, Some(200 | 201)) {
            diags.push(Diagnostic::note(
                "client-untyped-response",
                &op.source.file,
                op.source.line,
                "the response has a body but the page names no type; the result is a `serde_json::Value`",
            ));
            plan_of(json_value(), quote!(crate::runtime::decode_json_or_null))
        } else {
            plan_of(quote!(()), quote!(crate::runtime::decode_none))
        };
    };
    let Some(resolved) = ctx.resolve(type_name) else {
        diags.push(Diagnostic::warning(
            "client-unknown-response-type",
            &op.source.file,
            op.source.line,
            format!("response type `{type_name}` is not a {version} type; the result is a `serde_json::Value`"),
        ));
        return plan_of(json_value(), quote!(crate::runtime::decode_json_or_null));
    };
    let one = resolved.ty;
    if !response.collection && matches!(type_name.to_ascii_lowercase().as_str(), "json" | "untyped")
    {
        return plan_of(json_value(), quote!(crate::runtime::decode_json_or_null));
    }
    if response.collection {
        let ty = quote!(crate::runtime::Page<#one>);
        return plan_of(ty.clone(), quote!(crate::runtime::decode_json::<#ty>));
    }
    match resolved.kind {
        // OData wraps single primitive and enum results as `{"value": ...}`.
        ResolvedKind::Primitive | ResolvedKind::Enum => {
            plan_of(one.clone(), quote!(crate::runtime::decode_value::<#one>))
        }
        ResolvedKind::Struct | ResolvedKind::Unknown => {
            plan_of(one.clone(), quote!(crate::runtime::decode_json::<#one>))
        }
    }
}
