//! Query string and headers: the OData query options a page documents become a
//! `<Op>Query` struct; required query parameters and required headers become
//! function arguments.

use crate::diag::Diagnostic;
use crate::ir::model::{Operation, ParamLocation};
use crate::ir::naming;
use proc_macro2::TokenStream;
use quote::quote;

/// How a query field is typed and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldKind {
    /// `$select=a,b`: `Vec<String>`, left out when empty.
    List,
    /// `Option<String>`.
    Text,
    /// `Option<u32>` (`$top`, `$skip`).
    Number,
    /// `Option<bool>` (`$count`).
    Flag,
}

/// One field of the query struct.
#[derive(Debug, Clone, PartialEq, Eq)]
struct QueryField {
    /// The name in the URL (`$select`, `startDateTime`).
    wire: String,
    /// snake_case field name before uniquifying.
    name: String,
    kind: FieldKind,
    doc: String,
}

/// A required query parameter (a function argument).
pub(crate) struct RequiredQuery {
    pub name: String,
}

/// A header the page marks as required (a function argument).
pub(crate) struct RequiredHeader {
    pub name: String,
    /// The value cell as documented, for the doc comment.
    pub documented: String,
}

pub(crate) struct QueryPlan {
    fields: Vec<QueryField>,
    pub required: Vec<RequiredQuery>,
}

/// The OData system query options this client knows, by lower-case name without `$`.
fn system_option(name: &str) -> Option<(&'static str, &'static str, FieldKind, &'static str)> {
    let o = match name {
        "select" => (
            "$select",
            "select",
            FieldKind::List,
            "Properties to return (`$select`).",
        ),
        "expand" => (
            "$expand",
            "expand",
            FieldKind::List,
            "Relationships to expand (`$expand`).",
        ),
        "orderby" => (
            "$orderby",
            "orderby",
            FieldKind::List,
            "Sort order (`$orderby`), e.g. `displayName desc`.",
        ),
        "filter" => (
            "$filter",
            "filter",
            FieldKind::Text,
            "Filter expression (`$filter`).",
        ),
        "search" => (
            "$search",
            "search",
            FieldKind::Text,
            "Search expression (`$search`).",
        ),
        "top" => ("$top", "top", FieldKind::Number, "Page size (`$top`)."),
        "skip" => (
            "$skip",
            "skip",
            FieldKind::Number,
            "Items to skip (`$skip`).",
        ),
        "count" => (
            "$count",
            "count",
            FieldKind::Flag,
            "Ask for `@odata.count` (`$count`).",
        ),
        "skiptoken" => (
            "$skiptoken",
            "skip_token",
            FieldKind::Text,
            "Paging token (`$skiptoken`).",
        ),
        _ => return None,
    };
    Some(o)
}

/// The query of `op`: documented system options plus its query parameters.
pub(crate) fn plan(op: &Operation, diags: &mut Vec<Diagnostic>) -> QueryPlan {
    let mut fields: Vec<QueryField> = Vec::new();
    let mut required = Vec::new();
    let add_option = |raw: &str, fields: &mut Vec<QueryField>, diags: &mut Vec<Diagnostic>| {
        let key = raw.trim().trim_start_matches('$').to_ascii_lowercase();
        match system_option(&key) {
            Some((wire, name, kind, doc)) => {
                if !fields.iter().any(|f| f.wire == wire) {
                    fields.push(QueryField {
                        wire: wire.to_string(),
                        name: name.to_string(),
                        kind,
                        doc: doc.to_string(),
                    });
                }
            }
            None => diags.push(Diagnostic::note(
                "client-query-option",
                &op.source.file,
                op.source.line,
                format!("query option `{raw}` is not one the client sends; left out"),
            )),
        }
    };
    for option in &op.query_options {
        add_option(option, &mut fields, diags);
    }
    for p in op
        .parameters
        .iter()
        .filter(|p| p.location == ParamLocation::Query)
    {
        if p.name.trim_start().starts_with('$') {
            add_option(&p.name, &mut fields, diags);
        } else if p.required {
            required.push(RequiredQuery {
                name: p.name.clone(),
            });
        } else if !fields.iter().any(|f| f.wire == p.name) {
            fields.push(QueryField {
                wire: p.name.clone(),
                name: naming::snake_name(&p.name),
                kind: FieldKind::Text,
                doc: p
                    .description
                    .as_deref()
                    .map(super::docs::plain_text)
                    .unwrap_or_else(|| format!("The `{}` query parameter.", p.name)),
            });
        }
    }
    QueryPlan { fields, required }
}

impl QueryPlan {
    pub fn has_struct(&self) -> bool {
        !self.fields.is_empty()
    }

    /// `pub struct <Op>Query { .. }` and its `apply`.
    pub fn query_struct(&self, ident: &syn::Ident, op: &Operation) -> TokenStream {
        let wanted: Vec<String> = self.fields.iter().map(|f| f.name.clone()).collect();
        let (names, _) = naming::uniquify(&wanted);
        let mut decls = Vec::new();
        let mut applies = Vec::new();
        for (f, name) in self.fields.iter().zip(names) {
            let field = super::syn_ident(&naming::escape_snake(&name));
            let wire = &f.wire;
            let doc = format!(" {}", f.doc);
            let (ty, apply) = match f.kind {
                FieldKind::List => (
                    quote!(::std::vec::Vec<::std::string::String>),
                    quote!(.query_list(#wire, &self.#field)),
                ),
                FieldKind::Text => (
                    quote!(::std::option::Option<::std::string::String>),
                    quote!(.query_opt(#wire, self.#field.as_deref())),
                ),
                FieldKind::Number => (
                    quote!(::std::option::Option<u32>),
                    quote!(.query_opt(#wire, self.#field)),
                ),
                FieldKind::Flag => (
                    quote!(::std::option::Option<bool>),
                    quote!(.query_opt(#wire, self.#field)),
                ),
            };
            decls.push(quote!(#[doc = #doc] pub #field: #ty));
            applies.push(apply);
        }
        let doc = format!(
            " The query options documented for [`{}()`].",
            naming::fn_ident(&op.name)
        );
        quote! {
            #[doc = #doc]
            #[derive(Debug, Clone, Default, PartialEq, Eq)]
            pub struct #ident {
                #(#decls,)*
            }

            impl #ident {
                /// Add the options that are set to `request`.
                pub fn apply<T>(&self, request: crate::runtime::ApiRequest<T>) -> crate::runtime::ApiRequest<T> {
                    request #(#applies)*
                }
            }
        }
    }
}

/// Headers the caller must supply: the ones the page marks required, except
/// those the runtime sets itself (authorization, content type, accept).
pub(crate) fn required_headers(op: &Operation, diags: &mut Vec<Diagnostic>) -> Vec<RequiredHeader> {
    let mut out: Vec<RequiredHeader> = Vec::new();
    for h in op.request.headers.iter().filter(|h| h.required) {
        let name = h.name.trim();
        let lower = name.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "authorization" | "content-type" | "content-length" | "accept" | "host"
        ) {
            continue;
        }
        let valid = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !valid {
            diags.push(Diagnostic::warning(
                "client-header-name",
                &h.source.file,
                h.source.line,
                format!("required header `{name}` is not a valid header name; left out"),
            ));
            continue;
        }
        if out.iter().any(|o| o.name.eq_ignore_ascii_case(name)) {
            continue;
        }
        out.push(RequiredHeader {
            name: name.to_string(),
            documented: h.value.clone(),
        });
    }
    out
}
