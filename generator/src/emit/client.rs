//! Client emitter: one typed function per documented operation.
//!
//! For each operation of a version, `crate::<version>::client` gets
//! - `pub fn <operation>(path params / path enum, required query params,
//!   required headers, body, query options) -> crate::runtime::ApiRequest<R>`:
//!   a sans-I/O description of the call (see `emit/runtime/request.rs`);
//! - the types it needs: `<Op>Path` (alternative paths), `<Op>Body` (action
//!   parameters), `<Op>Query` (documented OData query options);
//! - with the executor, a method of the version's `Client` that sends it.
//!
//! Types are named through the model emitter's [`TypeIndex`], so bodies and
//! responses use the `models` module's own names; a type the index does not
//! know becomes `serde_json::Value` with a diagnostic.
//!
//! The runtime (`crate::runtime`) is Rust source kept in `emit/runtime/` and
//! written verbatim into the generated crate ([`runtime_files`],
//! [`runtime_module`]). `emit::emit` puts the client of each version at
//! `crate::<version>::client` and the runtime at `crate::runtime`.

mod body;
mod docs;
mod path;
mod query;
mod response;
mod types;

use crate::diag::Diagnostic;
use crate::emit::layout::{Body, ModuleNode};
use crate::emit::typeref::TypeIndex;
use crate::ir::model::{Api, Operation, Version};
use crate::ir::naming;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeSet;

/// Options of the client emitter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientOptions {
    /// Emit the reqwest executor (`crate::runtime::GraphClient` and a `Client`
    /// per version with one async method per operation). Without it the crate
    /// depends on neither reqwest nor tokio; callers send `ApiRequest`s with
    /// their own HTTP stack.
    pub executor: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions { executor: true }
    }
}

/// One argument of an operation function.
pub(crate) struct Arg {
    pub ident: syn::Ident,
    pub ty: TokenStream,
}

/// What one operation contributes to the client module.
struct EmittedOperation {
    /// Supporting types and the request function.
    items: TokenStream,
    /// The executor method, when emitted.
    method: Option<TokenStream>,
}

/// The `crate::<version>::client` module body for every operation of `version`.
pub fn client_module(
    api: &Api,
    version: Version,
    index: &TypeIndex,
    opts: &ClientOptions,
) -> (TokenStream, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let ctx = types::TypeContext::new(index, version);
    let mut ops: Vec<&Operation> = api
        .operations
        .iter()
        .filter(|op| op.version == Some(version))
        .collect();
    ops.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.source.cmp(&b.source)));

    // Function names are unique per version by contract; make sure anyway so
    // the module always compiles.
    let wanted: Vec<String> = ops.iter().map(|op| naming::fn_ident(&op.name)).collect();
    let (fn_names, renamed) = naming::uniquify(&wanted);
    for (i, old, new) in renamed {
        if let Some(op) = ops.get(i) {
            diags.push(Diagnostic::warning(
                "client-duplicate-operation",
                &op.source.file,
                op.source.line,
                format!("operation function `{old}` already exists; this one is named `{new}`"),
            ));
        }
    }
    let mut type_names = BTreeSet::new();
    let mut items = Vec::new();
    let mut methods = Vec::new();
    for (op, fn_name) in ops.iter().zip(fn_names.iter()) {
        let emitted = operation(
            op,
            fn_name,
            version,
            &ctx,
            opts,
            &mut type_names,
            &mut diags,
        );
        items.push(emitted.items);
        methods.extend(emitted.method);
    }
    let client = if opts.executor {
        executor_client(version, &methods)
    } else {
        TokenStream::new()
    };
    let tokens = quote! {
        #(#items)*
        #client
    };
    (tokens, diags)
}

/// Everything emitted for one operation.
fn operation(
    op: &Operation,
    fn_name: &str,
    version: Version,
    ctx: &types::TypeContext<'_>,
    opts: &ClientOptions,
    type_names: &mut BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> EmittedOperation {
    let base = naming::type_name(fn_name.trim_start_matches("r#"));
    let mut type_name = |suffix: &str| -> syn::Ident {
        let mut name = format!("{base}{suffix}");
        let mut k = 2;
        while type_names.contains(&name) {
            name = format!("{base}{suffix}{k}");
            k += 1;
        }
        type_names.insert(name.clone());
        format_ident!("{}", name)
    };

    let paths = path::plan_paths(op, diags);
    let response = response::plan(op, version, ctx, diags);
    let body = body::plan(op, version, ctx, diags);
    let query = query::plan(op, diags);
    let headers = query::required_headers(op, diags);

    // Argument names: path values first, then required query values, headers,
    // the body and the query options, made unique in that order.
    let mut wanted: Vec<String> = Vec::new();
    let single_path_params = match &paths {
        path::Paths::Single(p) => p.params(),
        path::Paths::Alternatives(_) => Vec::new(),
    };
    if matches!(paths, path::Paths::Alternatives(_)) {
        wanted.push("path".to_string());
    }
    wanted.extend(single_path_params.iter().map(|p| naming::snake_name(p)));
    wanted.extend(query.required.iter().map(|p| naming::snake_name(&p.name)));
    wanted.extend(headers.iter().map(|h| naming::snake_name(&h.name)));
    if body.is_some() {
        wanted.push("body".to_string());
    }
    if query.has_struct() {
        wanted.push("query".to_string());
    }
    let (arg_names, _) = naming::uniquify(&wanted);
    let mut arg_names = arg_names
        .into_iter()
        .map(|n| syn_ident(&naming::escape_snake(&n)));

    let mut args: Vec<Arg> = Vec::new();
    let mut extra_items = TokenStream::new();
    let path_expr = match &paths {
        path::Paths::Single(p) => {
            let mut idents = std::collections::BTreeMap::new();
            for name in &single_path_params {
                let ident = arg_names.next().unwrap_or_else(|| syn_ident("unnamed"));
                idents.insert(name.clone(), ident.clone());
                args.push(Arg {
                    ident,
                    ty: quote!(&str),
                });
            }
            p.builder_expr(&|name| idents.get(name).map(|i| quote!(#i)))
        }
        path::Paths::Alternatives(alts) => {
            let enum_ident = type_name("Path");
            let ident = arg_names.next().unwrap_or_else(|| syn_ident("path"));
            extra_items.extend(path::path_enum(&enum_ident, alts, fn_name));
            args.push(Arg {
                ident: ident.clone(),
                ty: quote!(&#enum_ident),
            });
            quote!(#ident.builder())
        }
    };
    let mut chain = TokenStream::new();
    for param in &query.required {
        let ident = arg_names.next().unwrap_or_else(|| syn_ident("unnamed"));
        let wire = &param.name;
        chain.extend(quote!(.query(#wire, #ident)));
        args.push(Arg {
            ident,
            ty: quote!(&str),
        });
    }
    for header in &headers {
        let ident = arg_names.next().unwrap_or_else(|| syn_ident("unnamed"));
        let wire = &header.name;
        chain.extend(quote!(.header(#wire, #ident)));
        args.push(Arg {
            ident,
            ty: quote!(&str),
        });
    }
    if let Some(body) = &body {
        let ident = arg_names.next().unwrap_or_else(|| syn_ident("body"));
        let ty = match body {
            body::Body::Type(ty) => ty.clone(),
            body::Body::Params(fields) => {
                let struct_ident = type_name("Body");
                extra_items.extend(body::params_struct(&struct_ident, fields, op));
                quote!(#struct_ident)
            }
        };
        chain.extend(quote!(.json_body(#ident)));
        args.push(Arg {
            ident,
            ty: quote!(&#ty),
        });
    }
    let mut request_expr = {
        let method = format_ident!("{}", method_const(&op.method));
        let version_str = version.as_str();
        let decoder = &response.decoder;
        quote! {
            crate::runtime::ApiRequest::new(
                crate::runtime::Method::#method, #version_str, #path_expr, #decoder,
            ) #chain
        }
    };
    if query.has_struct() {
        let struct_ident = type_name("Query");
        let ident = arg_names.next().unwrap_or_else(|| syn_ident("query"));
        extra_items.extend(query.query_struct(&struct_ident, op));
        request_expr = quote!(#ident.apply(#request_expr));
        args.push(Arg {
            ident,
            ty: quote!(&#struct_ident),
        });
    }

    let fn_ident = syn_ident(fn_name);
    let result_ty = &response.ty;
    let doc = docs::operation_doc(op, &headers);
    let params: Vec<TokenStream> = args
        .iter()
        .map(|a| {
            let (i, t) = (&a.ident, &a.ty);
            quote!(#i: #t)
        })
        .collect();
    let allow_many = if args.len() > 7 {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        TokenStream::new()
    };
    let items = quote! {
        #extra_items
        #doc
        #allow_many
        pub fn #fn_ident(#(#params),*) -> crate::runtime::ApiRequest<#result_ty> {
            #request_expr
        }
    };

    let method = if opts.executor {
        executor_method(op, &fn_ident, &args, result_ty, diags)
    } else {
        None
    };
    EmittedOperation { items, method }
}

/// `Method::PATCH` etc.; an unusual method is still sent as written.
fn method_const(method: &str) -> String {
    let upper = method.trim().to_ascii_uppercase();
    match upper.as_str() {
        "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" => upper,
        _ => "GET".to_string(),
    }
}

/// The executor method of one operation: sends the request function's result.
fn executor_method(
    op: &Operation,
    fn_ident: &syn::Ident,
    args: &[Arg],
    result_ty: &TokenStream,
    diags: &mut Vec<Diagnostic>,
) -> Option<TokenStream> {
    // `new` and `graph` are the Client's own methods.
    if matches!(fn_ident.to_string().as_str(), "new" | "graph") {
        diags.push(Diagnostic::warning(
            "client-method-name-taken",
            &op.source.file,
            op.source.line,
            format!("operation `{fn_ident}` has no executor method (the name is taken); send its request with `GraphClient::send`"),
        ));
        return None;
    }
    let params: Vec<TokenStream> = args
        .iter()
        .map(|a| {
            let (i, t) = (&a.ident, &a.ty);
            quote!(#i: #t)
        })
        .collect();
    let names: Vec<&syn::Ident> = args.iter().map(|a| &a.ident).collect();
    let allow_many = if args.len() + 1 > 7 {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        TokenStream::new()
    };
    let doc = format!(" Send [`{fn_ident}()`] and return its typed result.");
    Some(quote! {
        #[doc = #doc]
        #allow_many
        pub async fn #fn_ident(&self, #(#params),*) -> ::std::result::Result<#result_ty, crate::runtime::Error> {
            self.graph.send(&#fn_ident(#(#names),*)).await
        }
    })
}

/// The version's `Client`: the executor with one method per operation.
fn executor_client(version: Version, methods: &[TokenStream]) -> TokenStream {
    let doc = format!(
        " The {} operations sent with [`crate::runtime::GraphClient`].",
        version.as_str()
    );
    quote! {
        #[doc = #doc]
        #[derive(Clone)]
        pub struct Client {
            graph: crate::runtime::GraphClient,
        }

        impl Client {
            pub fn new(graph: crate::runtime::GraphClient) -> Self {
                Client { graph }
            }

            /// The executor this client sends with.
            pub fn graph(&self) -> &crate::runtime::GraphClient {
                &self.graph
            }

            #(#methods)*
        }
    }
}

/// An identifier from already-escaped text (`r#type` stays raw).
pub(crate) fn syn_ident(text: &str) -> syn::Ident {
    match text.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(text, proc_macro2::Span::call_site()),
    }
}

/// The runtime's source files, as `(path under src/, contents)`.
pub fn runtime_files(opts: &ClientOptions) -> Vec<(String, String)> {
    let mut module = include_str!("runtime/mod.rs").to_string();
    if opts.executor {
        module.push('\n');
        module.push_str(include_str!("runtime/mod_executor.rs"));
    }
    let mut files = vec![
        ("runtime/mod.rs".to_string(), module),
        (
            "runtime/encode.rs".to_string(),
            include_str!("runtime/encode.rs").to_string(),
        ),
        (
            "runtime/error.rs".to_string(),
            include_str!("runtime/error.rs").to_string(),
        ),
        (
            "runtime/page.rs".to_string(),
            include_str!("runtime/page.rs").to_string(),
        ),
        (
            "runtime/request.rs".to_string(),
            include_str!("runtime/request.rs").to_string(),
        ),
        (
            "runtime/retry.rs".to_string(),
            include_str!("runtime/retry.rs").to_string(),
        ),
    ];
    if opts.executor {
        files.push((
            "runtime/executor.rs".to_string(),
            include_str!("runtime/executor.rs").to_string(),
        ));
    }
    files
}

/// The `crate::runtime` module: `runtime/mod.rs` with the other runtime
/// files as private submodules (its text re-exports what callers use).
pub fn runtime_module(opts: &ClientOptions) -> ModuleNode {
    let mut root = None;
    let mut children = Vec::new();
    for (path, text) in runtime_files(opts) {
        let name = path
            .trim_start_matches("runtime/")
            .trim_end_matches(".rs")
            .to_string();
        if name == "mod" {
            root = Some(text);
        } else {
            children.push(
                ModuleNode {
                    doc: None,
                    ..ModuleNode::new(&name, "", Body::Text(text))
                }
                .private(),
            );
        }
    }
    ModuleNode {
        doc: None,
        children,
        ..ModuleNode::new("runtime", "", Body::Text(root.unwrap_or_default()))
    }
}

/// The generated crate's dependencies the client needs, as `(name, TOML spec)`.
pub fn cargo_dependencies(opts: &ClientOptions) -> Vec<(String, String)> {
    let mut deps = vec![
        ("http".to_string(), r#""1""#.to_string()),
        (
            "serde".to_string(),
            r#"{ version = "1", features = ["derive"] }"#.to_string(),
        ),
        ("serde_json".to_string(), r#""1""#.to_string()),
    ];
    if opts.executor {
        deps.push((
            "futures-util".to_string(),
            r#"{ version = "0.3", default-features = false }"#.to_string(),
        ));
        // rustls instead of the default native TLS: no OpenSSL to link.
        deps.push((
            "reqwest".to_string(),
            r#"{ version = "0.12", default-features = false, features = ["rustls-tls"] }"#
                .to_string(),
        ));
        deps.push((
            "tokio".to_string(),
            r#"{ version = "1", features = ["rt", "time"] }"#.to_string(),
        ));
    }
    deps.sort();
    deps
}

/// Format a client module's tokens as a file (prettyplease).
pub fn format_module(tokens: TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens)?;
    Ok(prettyplease::unparse(&file))
}
