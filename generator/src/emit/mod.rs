//! IR → Rust tokens, one small function per emitted construct. Never reads markdown.
//!
//! [`emit`] turns an [`Api`] into an [`EmittedCrate`]: a module tree
//! (`primitives`, one module per API version with its `models` and
//! `client`, the client `runtime`, the round-trip modules) and the crate's
//! other files. `crate::write` formats and lays it out as files. To add a
//! module to every version, add one line to [`version_modules`]; a
//! crate-level one, one line to [`crate_modules`].
//!
//! Models and clients share one [`TypeIndex`] (built by [`index::build`]), so
//! an operation's body and response name exactly the types `models` defines.

pub mod client;
pub mod docs;
pub mod enums;
pub mod examples;
pub mod fields;
pub mod index;
pub mod layout;
pub mod model;
pub mod poly;
pub mod roundtrip;
pub mod typeref;
pub mod update;

use crate::diag::Diagnostic;
use crate::ir::model::{Api, Version};
use index::VersionModel;
use layout::{Body, CrateSettings, EmittedCrate, Layout, ModuleNode};
use model::Ctx;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeMap;
use std::path::PathBuf;
use typeref::{NamedKind, TypeIndex};

/// Source of the generated `primitives` module.
pub const PRIMITIVES_RS: &str = include_str!("support/primitives.rs");
/// Source of the generated `examples` module (the round-trip harness).
pub const EXAMPLES_RS: &str = include_str!("support/examples.rs");

/// What to emit.
#[derive(Debug, Clone)]
pub struct EmitOptions {
    pub layout: Layout,
    /// Package name of the generated crate.
    pub crate_name: String,
    /// One cargo feature per API version (crate layout only).
    pub version_features: bool,
    /// The documentation-examples round trip (crate layout only; feature `roundtrip`).
    pub roundtrip: bool,
    /// Add `[workspace]` to the generated Cargo.toml.
    pub standalone: bool,
    /// Emit the reqwest executor of the client (see [`client::ClientOptions`]).
    pub executor: bool,
}

impl EmitOptions {
    /// The client emitter's options.
    pub fn client(&self) -> client::ClientOptions {
        client::ClientOptions {
            executor: self.executor,
        }
    }
}

impl Default for EmitOptions {
    fn default() -> Self {
        EmitOptions {
            layout: Layout::Crate,
            crate_name: "graph-api".to_string(),
            version_features: true,
            roundtrip: true,
            standalone: false,
            executor: true,
        }
    }
}

/// Why `name` cannot be the generated package's name, if it cannot: Cargo's
/// rules (ASCII letters, digits, `-`, `_`; no leading digit or `-`), and its
/// `_` form names the crate in `tests/roundtrip.rs`, so no keyword.
pub fn crate_name_problem(name: &str) -> Option<String> {
    let ident = name.replace('-', "_");
    let problem = if name.is_empty() {
        "is empty"
    } else if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        "may only hold ASCII letters, digits, `-` and `_`"
    } else if !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
        "must start with a letter or `_`"
    } else if ident == "_" || crate::ir::naming::is_keyword(&ident) {
        "is a Rust keyword"
    } else {
        return None;
    };
    Some(format!("crate name `{name}` {problem}"))
}

/// The crate name to emit: `name`, or the default with an error diagnostic
/// when it is not a valid package name (it goes into Cargo.toml and an
/// identifier; an invalid one panicked in `format_ident!`).
fn checked_crate_name<'a>(name: &'a str, diags: &mut Vec<Diagnostic>) -> &'a str {
    match crate_name_problem(name) {
        None => name,
        Some(problem) => {
            diags.push(Diagnostic::error(
                "crate-name-invalid",
                "",
                0,
                format!("{problem}; used `graph-api`"),
            ));
            "graph-api"
        }
    }
}

/// Emit the crate for `api`; problems (unknown types, collisions) are
/// returned as diagnostics, never panics.
pub fn emit(api: &Api, opts: &EmitOptions) -> (EmittedCrate, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let (index, mut models) = index::build(api, &mut diags);
    // A version with operations but no types still gets its client.
    for op in &api.operations {
        if let Some(version) = op.version {
            models.entry(version).or_default().version = Some(version);
        }
    }
    let versions: Vec<Version> = models.keys().copied().collect();
    let client_opts = opts.client();
    let is_crate = opts.layout == Layout::Crate;
    let features = is_crate && opts.version_features;
    let roundtrip = is_crate && opts.roundtrip && !versions.is_empty();
    let crate_name = checked_crate_name(&opts.crate_name, &mut diags);

    let mut children = vec![ModuleNode::new(
        "primitives",
        "",
        Body::Text(PRIMITIVES_RS.to_string()),
    )];
    for (version, model) in &models {
        let mut node = ModuleNode::new(
            version.module_name(),
            &version_doc(*version),
            Body::Tokens(TokenStream::new()),
        );
        node.children = version_modules(api, model, &index, &client_opts, roundtrip, &mut diags);
        if features {
            let feature = version.module_name();
            node = node.attr(quote!(#[cfg(feature = #feature)]));
        }
        children.push(node);
    }
    children.extend(crate_modules(&versions, &client_opts, features, roundtrip));
    let root = ModuleNode {
        name: String::new(),
        attrs: Vec::new(),
        public: true,
        doc: is_crate.then(|| CRATE_DOC.to_string()),
        body: Body::Tokens(TokenStream::new()),
        children,
    };

    let mut rust_files = BTreeMap::new();
    let mut text_files = BTreeMap::new();
    if is_crate {
        let dependencies = if versions.is_empty() {
            Vec::new()
        } else {
            client::cargo_dependencies(&client_opts)
        };
        let settings = CrateSettings {
            name: crate_name,
            versions: &versions,
            version_features: features,
            roundtrip,
            standalone: opts.standalone,
            dependencies: &dependencies,
        };
        text_files.insert(PathBuf::from("Cargo.toml"), layout::cargo_toml(&settings));
    }
    if roundtrip {
        let cases = examples::collect(api, &index, &models);
        let json = serde_json::to_string_pretty(&cases).unwrap_or_else(|_| "[]".to_string());
        text_files.insert(PathBuf::from("tests/examples.json"), json + "\n");
        rust_files.insert(
            PathBuf::from("tests/roundtrip.rs"),
            roundtrip_test(crate_name),
        );
    }
    diags.sort();
    diags.dedup();
    (
        EmittedCrate {
            layout: opts.layout,
            root,
            rust_files,
            text_files,
        },
        diags,
    )
}

/// The modules of one version, in declaration order. One line per module.
fn version_modules(
    api: &Api,
    model: &VersionModel<'_>,
    index: &TypeIndex,
    client_opts: &client::ClientOptions,
    roundtrip: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ModuleNode> {
    let Some(version) = model.version else {
        return Vec::new();
    };
    let mut ctx = Ctx {
        version,
        model,
        index,
        diags,
    };
    let mut out = vec![models_module(&mut ctx)];
    out.push(client_module(api, version, index, client_opts, diags));
    if roundtrip {
        out.push(
            ModuleNode::new(
                "roundtrip",
                "Round trip of JSON through this version's types (feature `roundtrip`).",
                Body::Tokens(roundtrip::version_dispatch(index, version)),
            )
            .attr(quote!(#[cfg(feature = "roundtrip")])),
        );
    }
    out
}

/// `client`: one function per operation of `version` (and the executor's `Client`).
fn client_module(
    api: &Api,
    version: Version,
    index: &TypeIndex,
    opts: &client::ClientOptions,
    diags: &mut Vec<Diagnostic>,
) -> ModuleNode {
    let (tokens, client_diags) = client::client_module(api, version, index, opts);
    diags.extend(client_diags);
    let doc = format!(
        "The operations of Microsoft Graph {version}: one function per documented operation, returning a `crate::runtime::ApiRequest` (sans I/O){}.",
        if opts.executor {
            ", and `Client`, which sends them"
        } else {
            ""
        }
    );
    ModuleNode::new("client", &doc, Body::Tokens(tokens))
}

/// Crate-level modules after the versions. One line per module.
fn crate_modules(
    versions: &[Version],
    client_opts: &client::ClientOptions,
    features: bool,
    roundtrip: bool,
) -> Vec<ModuleNode> {
    let mut out = Vec::new();
    if !versions.is_empty() {
        out.push(client::runtime_module(client_opts));
    }
    if roundtrip {
        let cfg = quote!(#[cfg(feature = "roundtrip")]);
        out.push(
            ModuleNode::new(
                "roundtrip",
                "Round trip of JSON through the generated types, by version and Graph type name.",
                Body::Tokens(roundtrip::crate_dispatch(versions, features)),
            )
            .attr(cfg.clone()),
        );
        out.push(
            ModuleNode {
                doc: None,
                ..ModuleNode::new("examples", "", Body::Text(EXAMPLES_RS.to_string()))
            }
            .attr(cfg),
        );
    }
    out
}

/// `models`: for each type (sorted by name) its struct, `Any` enum and
/// update type; for each enum its enum.
fn models_module(ctx: &mut Ctx<'_, '_>) -> ModuleNode {
    let mut items = TokenStream::new();
    let names: Vec<(String, typeref::Named)> = ctx
        .index
        .versions
        .get(&ctx.version)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    for (key, named) in &names {
        match &named.kind {
            NamedKind::Struct {
                any_ident,
                update_ident,
            } => {
                let Some(t) = ctx.model.types.get(key).copied() else {
                    continue;
                };
                items.extend(model::emit_struct(ctx, t));
                if let Some(any) = any_ident {
                    items.extend(poly::emit_any(ctx, t, any));
                }
                if let Some(update) = update_ident {
                    items.extend(update::emit_update(ctx, t, update));
                }
            }
            NamedKind::Enum { .. } => {
                let Some(e) = ctx.model.enums.get(key).copied() else {
                    continue;
                };
                items.extend(enums::emit_enum(ctx, e, &named.ident));
            }
        }
    }
    let doc = format!(
        "Entity and complex types, enums and update (PATCH) bodies of Microsoft Graph {}.",
        ctx.version
    );
    ModuleNode::new("models", &doc, Body::Tokens(items))
}

fn version_doc(version: Version) -> String {
    format!(
        "Microsoft Graph `{}`: `https://graph.microsoft.com/{}`.",
        version, version
    )
}

/// The generated crate's test that runs the examples fixture.
fn roundtrip_test(crate_name: &str) -> TokenStream {
    let krate = format_ident!("{}", crate_name.replace('-', "_"));
    quote! {
        //! The documentation's JSON examples round-trip through the generated types.

        /// Every tried example must pass, or, with
        /// `GRAPH_DOCGEN_ROUNDTRIP_MIN_V1_RESPONSE=<percent>` set, that share
        /// of the `v1.0` response examples.
        #[test]
        #[rustfmt::skip]
        fn documentation_examples_round_trip() {
            use #krate::examples::{run_examples, Criterion};
            let criterion = Criterion::from_env().unwrap_or_else(|e| panic!("{e}"));
            let fixture = include_str!("examples.json");
            let report = run_examples(fixture).unwrap_or_else(|e| panic!("{e}"));
            println!("{report}");
            match report.check(&criterion) {
                Ok(verdict) => println!("{verdict}"),
                Err(verdict) => panic!("{verdict}"),
            }
        }
    }
}

/// The generated crate's root documentation: what is where and the design.
const CRATE_DOC: &str = r#"Microsoft Graph models and clients generated from the documentation by graph-docgen.

# Layout

- `primitives`: `DateTimeOffset`, `Date`, `TimeOfDay`, `Duration`, `Guid`, `Base64`
  (exact text round trip), `Patch` (tri-state update fields), `Flags` (flag enums).
- `v1_0`, `beta` (one cargo feature each): `models` with one struct per entity and
  complex type, `Any<Type>` dispatch enums, `<Type>Update` PATCH bodies, enums;
  `client` with one function per documented operation, returning an
  `ApiRequest<T>` typed with those models (and, with the executor, `Client`, whose
  async methods send them).
- `runtime`: the client core, which does no I/O (`ApiRequest::to_http` builds an
  `http::Request`, `ApiRequest::parse` reads an `http::Response`), path encoding,
  `Page` (`@odata.nextLink`), the OData error, `RetryPolicy`; with the executor,
  `GraphClient` (reqwest: bearer token, retries honouring `Retry-After`, paging).
- `roundtrip`, `examples` (feature `roundtrip`): the documentation's JSON examples,
  deserialized and serialized back (`tests/roundtrip.rs`, run with
  `cargo test --features roundtrip --test roundtrip -- --nocapture`). The report counts the examples
  tried, passed, failed and skipped as placeholders by version and origin (response,
  request, resource JSON) and lists each failure with its page `file:line`, type and
  reason. Every tried example must pass; with `GRAPH_DOCGEN_ROUNDTRIP_MIN_V1_RESPONSE=95`
  set, at least 95% of the `v1.0` response examples must pass instead (for a crate
  generated from documentation some of whose examples are wrong).

# Design

- **Structs** hold every property, inherited ones included, as `Option` (a response may
  leave any property out); a single struct value is boxed. Unknown JSON properties are
  kept in `additional`, so a read-modify-write loses nothing; `@odata.type` is kept.
- **Derived types**: where a property or response has a type with derived types, its
  Rust type is `Any<Type>`: one variant per concrete derived type plus the type itself.
  Deserializing reads `@odata.type` (`#microsoft.graph.x`, any case) and picks the
  variant; a missing or unknown `@odata.type` gives the base variant, whose
  `additional` map keeps the derived properties.
- **Enums** have a variant per documented member and `Unrecognized(String)` for any
  other value, written back unchanged. Members after `unknownFutureValue` are sent by
  the service only with `Prefer: include-unknown-enum-members`.
- **Updates**: `<Type>Update` leaves out read-only properties, relationships and the
  key; a field is `Patch::Absent` (not sent), `Patch::Null` (sent as null, clears the
  value) or `Patch::Value`; properties documented as not nullable are plain `Option`s.
  Only what was set is serialized.
- **Dates** keep their text form: `2017-01-01T00:00:17.7769392-08:00` is written back
  with its 7 fractional digits and its offset.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn widget_api() -> Api {
        let page = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../docs-input/fixtures/v1.0/widget.md"
        );
        crate::read_api(&[PathBuf::from(page)])
    }

    /// An invalid `--crate-name` panicked in `format_ident!` (found by
    /// tests/cli_robustness.rs); now it is an error and the default name.
    #[test]
    fn an_invalid_crate_name_is_an_error_and_the_default_is_used() {
        let api = widget_api();
        for bad in ["1 x", "a\"b", "type", "-x", "", "_", "ü"] {
            let opts = EmitOptions {
                crate_name: bad.to_string(),
                ..EmitOptions::default()
            };
            let (emitted, diags) = emit(&api, &opts);
            assert!(
                diags.iter().any(|d| d.code == "crate-name-invalid"),
                "{bad:?}: {diags:?}"
            );
            let toml = &emitted.text_files[&PathBuf::from("Cargo.toml")];
            assert!(toml.contains("name = \"graph-api\""), "{bad:?}");
            assert!(emitted
                .rust_files
                .contains_key(&PathBuf::from("tests/roundtrip.rs")));
        }
        let opts = EmitOptions {
            crate_name: "my-graph_2".to_string(),
            ..EmitOptions::default()
        };
        let (emitted, diags) = emit(&api, &opts);
        assert!(!diags.iter().any(|d| d.code == "crate-name-invalid"));
        assert!(emitted.text_files[&PathBuf::from("Cargo.toml")].contains("name = \"my-graph_2\""));
    }
}
