//! The client on the real pipeline: `Config` generates one crate from the
//! pages of `docs-input/` (the five seeds and the fixtures: parser → merge →
//! models + client + runtime). The emitted code is checked here; then the
//! crate is written under `target/emit-tests/` with the tests of
//! `tests/client_crate/tests/`, which send each seed page's example request
//! through the generated client to a server on 127.0.0.1 and get the page's
//! response example back as the typed value (plus path injection, retries,
//! paging), and is built with `-D warnings` and clippy. The generated crates
//! of all tests share one target dir (`target/emit-tests/target`).

use graph_docgen::config::{Config, Generated};
use graph_docgen::diag::Severity;
use graph_docgen::ir::model::{Api, Operation, Response, TypeDef, TypeKind, Version};
use std::path::{Path, PathBuf};
use std::process::Command;

const CRATE: &str = "graph-client-check";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn docs_input() -> PathBuf {
    repo_root().join("docs-input")
}

fn config(executor: bool) -> Config {
    let mut config = Config::new();
    config
        .input(docs_input())
        .crate_name(CRATE)
        .standalone(true)
        .executor(executor);
    config
}

fn file<'g>(g: &'g Generated, path: &str) -> &'g str {
    g.files
        .get(Path::new(path))
        .map(String::as_str)
        .unwrap_or_else(|| panic!("{path} not generated; have {:?}", g.files.keys()))
}

/// Code without whitespace or the trailing commas line breaks add, so
/// assertions do not depend on how prettyplease wraps lines.
fn compact(code: &str) -> String {
    let no_ws: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    no_ws.replace(",>", ">").replace(",)", ")")
}

fn assert_has(code: &str, wanted: &str) {
    assert!(
        compact(code).contains(&compact(wanted)),
        "missing `{wanted}` in:\n{code}"
    );
}

#[test]
fn seed_operations_become_functions_typed_with_the_models() {
    let g = config(true).generate();
    let errors: Vec<_> = g
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let beta = file(&g, "src/beta/client.rs");
    let v1 = file(&g, "src/v1_0/client.rs");
    // Seed 000: path parameters, the Update type for PATCH, the model type back.
    assert_has(
        beta,
        "pub fn update_device_compliance_user_status(device_compliance_policy_id: &str, user_status_id: &str, body: &crate::beta::models::DeviceComplianceUserStatusUpdate) -> crate::runtime::ApiRequest<crate::beta::models::DeviceComplianceUserStatus>",
    );
    // Seed 001: six paths, one enum variant each; casts stay in the path.
    let variants = beta
        .lines()
        .skip_while(|l| !l.contains("pub enum UpdateDeviceConfigurationUserStatusPath"))
        .take_while(|l| !l.starts_with('}'))
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_uppercase()))
        .count();
    assert_eq!(variants, 6, "{beta}");
    assert_has(
        beta,
        r#".literal("/microsoft.graph.iosScepCertificateProfile/rootCertificate/userStatuses/")"#,
    );
    // Seeds 002 and 004: the same operation name on two pages, both kept.
    assert_has(
        v1,
        "body: &crate::v1_0::models::DeviceComplianceUserStatusUpdate) -> crate::runtime::ApiRequest<crate::v1_0::models::DeviceComplianceUserStatus>",
    );
    assert_has(
        v1,
        "pub fn update_user_statuses2(managed_device_mobile_app_configuration_id: &str, body: &crate::v1_0::models::ManagedDeviceMobileAppConfigurationUserStatusUpdate)",
    );
    // Seed 003.
    assert_has(
        beta,
        "-> crate::runtime::ApiRequest<crate::beta::models::DeviceComplianceDeviceStatus>",
    );
    // Fixtures: a list returns pages of the model, a delete returns (), an
    // action sends its parameters struct, a function quotes its argument.
    assert_has(
        v1,
        "pub fn list_widgets(dashboard_id: &str, query: &ListWidgetsQuery) -> crate::runtime::ApiRequest<crate::runtime::Page<crate::v1_0::models::Widget>>",
    );
    assert_has(
        v1,
        "pub fn delete_widget(dashboard_id: &str, widget_id: &str) -> crate::runtime::ApiRequest<()>",
    );
    assert_has(v1, "pub struct MessageForwardBody");
    assert_has(
        beta,
        r#".literal("/getScopesForUser(userid=").quoted_arg(userid)"#,
    );
    // The executor's async methods.
    assert_has(
        beta,
        "pub async fn update_device_compliance_user_status(&self,",
    );
    assert_has(v1, "pub async fn list_widgets(&self,");
}

#[test]
fn crate_holds_models_clients_and_runtime() {
    let g = config(true).generate();
    for path in [
        "src/runtime/mod.rs",
        "src/runtime/executor.rs",
        "src/v1_0/models.rs",
        "src/v1_0/client.rs",
        "src/beta/models.rs",
        "src/beta/client.rs",
    ] {
        file(&g, path);
    }
    let lib = file(&g, "src/lib.rs");
    assert_has(lib, "pub mod runtime;");
    assert_has(file(&g, "src/v1_0/mod.rs"), "pub mod client;");
    // The runtime's parts are private; mod.rs re-exports what callers use.
    assert_has(file(&g, "src/runtime/mod.rs"), "mod executor;");
    assert!(!file(&g, "src/runtime/mod.rs").contains("pub mod executor"));
    let toml = file(&g, "Cargo.toml");
    for dep in [
        "http = ",
        "reqwest = ",
        "tokio = ",
        "serde = ",
        "serde_json = ",
    ] {
        assert!(toml.contains(dep), "{dep} missing:\n{toml}");
    }
}

#[test]
fn without_executor_there_is_no_reqwest() {
    let g = config(false).generate();
    let toml = file(&g, "Cargo.toml");
    assert!(toml.contains("http = "), "{toml}");
    for dep in ["reqwest", "tokio", "futures-util"] {
        assert!(!toml.contains(dep), "{dep} in:\n{toml}");
    }
    assert!(!g.files.contains_key(Path::new("src/runtime/executor.rs")));
    for (path, text) in &g.files {
        assert!(!text.contains("reqwest::"), "{}", path.display());
    }
    let beta = file(&g, "src/beta/client.rs");
    assert!(!beta.contains("pub struct Client"));
    assert!(!beta.contains("async fn"));
    assert_has(beta, "pub fn update_device_compliance_user_status(");
}

/// A derived type of the seed's type, a name that collides with the seed's
/// `Update` type, and a response type nobody defines.
fn api_with_derived_and_unknown_types() -> Api {
    let mut api = graph_docgen::read_api(&[docs_input()]);
    let base = api
        .types
        .iter()
        .find(|t| t.name == "deviceComplianceUserStatus" && t.version == Some(Version::Beta))
        .cloned()
        .expect("seed 000 defines deviceComplianceUserStatus");
    api.types.push(TypeDef {
        name: "deviceComplianceUserStatusDetail".to_string(),
        base: Some(base.name.clone()),
        properties: Vec::new(),
        ..base.clone()
    });
    api.types.push(TypeDef {
        name: "deviceComplianceUserStatusUpdate".to_string(),
        kind: TypeKind::Complex,
        base: None,
        ..base.clone()
    });
    let mut op: Operation = api
        .operations
        .iter()
        .find(|o| o.name == "delete_widget")
        .cloned()
        .expect("fixture delete_widget");
    op.name = "get_gadget".to_string();
    op.method = "GET".to_string();
    op.response = Response {
        status: Some(200),
        type_name: Some("gadget".to_string()),
        ..op.response.clone()
    };
    api.operations.push(op);
    api
}

#[test]
fn types_resolve_through_the_model_index() {
    let api = api_with_derived_and_unknown_types();
    let g = config(true).generate_from_api(&api);
    let beta = file(&g, "src/beta/client.rs");
    let models = file(&g, "src/beta/models.rs");
    // The response may be the derived type: the `Any` dispatch enum.
    assert_has(
        beta,
        "-> crate::runtime::ApiRequest<crate::beta::models::AnyDeviceComplianceUserStatus>",
    );
    // The PATCH body is the update type as the index renamed it: the
    // complex type `deviceComplianceUserStatusUpdate` keeps the plain name.
    assert!(models.contains("pub struct DeviceComplianceUserStatusUpdate {"));
    assert!(models.contains("pub struct DeviceComplianceUserStatusUpdate2 {"));
    assert_has(
        beta,
        "user_status_id: &str, body: &crate::beta::models::DeviceComplianceUserStatusUpdate2)",
    );
    // An unknown response type: a JSON value and a diagnostic, not a broken build.
    let v1 = file(&g, "src/v1_0/client.rs");
    assert_has(
        v1,
        "pub fn get_gadget(dashboard_id: &str, widget_id: &str) -> crate::runtime::ApiRequest<::serde_json::Value>",
    );
    assert!(g
        .diagnostics
        .iter()
        .any(|d| d.code == "client-unknown-response-type" && d.message.contains("gadget")));
}

/// The client modules do not depend on the order of the operations (the
/// merge sorts them, but the emitter does not rely on it).
#[test]
fn client_output_does_not_depend_on_operation_order() {
    let api = graph_docgen::read_api(&[docs_input()]);
    let mut shuffled = api.clone();
    shuffled.operations.reverse();
    let a = config(true).generate_from_api(&api);
    let b = config(true).generate_from_api(&shuffled);
    for path in ["src/v1_0/client.rs", "src/beta/client.rs"] {
        assert_eq!(file(&a, path), file(&b, path), "{path} differs");
    }
}

// ---- the generated crate, built and tested -------------------------------

fn work_dir() -> PathBuf {
    repo_root().join("target/emit-tests")
}

fn write_if_changed(path: &Path, contents: &str) {
    graph_docgen::write::write_if_changed(path, contents).expect("write test crate file");
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("template dir") {
        let path = entry.expect("dir entry").path();
        let Some(name) = path.file_name() else {
            continue;
        };
        if path.is_dir() {
            copy_dir(&path, &to.join(name));
        } else {
            let text = std::fs::read_to_string(&path).expect("template file");
            write_if_changed(&to.join(name), &text);
        }
    }
}

/// Generate the crate into `target/emit-tests/<dir>`; with the executor, add
/// the server tests, their dev-dependencies and the IR of the pages (the
/// tests read each operation's documented examples from it).
fn write_crate(dir: &str, executor: bool) -> PathBuf {
    let dir = work_dir().join(dir);
    let generated = config(executor).generate();
    let mut files = generated.files.clone();
    if executor {
        let toml = files.entry(PathBuf::from("Cargo.toml")).or_default();
        toml.push_str(
            "\n[dev-dependencies]\naxum = { version = \"0.8\", default-features = false, features = [\"tokio\", \"http1\"] }\n\
             futures-util = \"0.3\"\ntokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\", \"net\", \"time\"] }\n",
        );
        let api = graph_docgen::read_api(&[docs_input()]);
        let ops = serde_json::to_string_pretty(&api.operations).expect("IR serializes");
        files.insert(PathBuf::from("fixtures/operations.json"), ops);
    }
    for (path, text) in &files {
        write_if_changed(&dir.join(path), text);
    }
    if executor {
        let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/client_crate/tests");
        copy_dir(&tests, &dir.join("tests"));
    }
    dir
}

fn cargo(dir: &Path, args: &[&str]) {
    let out = Command::new(env!("CARGO"))
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", work_dir().join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("run cargo");
    assert!(
        out.status.success(),
        "cargo {args:?} failed in {}:\n{}\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// With the executor: the seed examples through a local server, transport
/// behaviour, the runtime's unit tests and the examples round trip; clippy clean.
#[test]
fn generated_crate_passes_its_tests_and_clippy() {
    let dir = write_crate("graph-client-check", true);
    cargo(&dir, &["test", "--all-features", "--quiet"]);
    cargo(
        &dir,
        &[
            "clippy",
            "--quiet",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ],
    );
}

/// Without the executor: the sans-I/O runtime's own tests, clippy clean.
#[test]
fn generated_sans_io_crate_builds_clean() {
    let dir = write_crate("graph-client-check-sans-io", false);
    cargo(&dir, &["test", "--quiet", "--lib"]);
    cargo(
        &dir,
        &["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"],
    );
}
