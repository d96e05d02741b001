//! The client emitter on the seed operations: emitted code, and a generated
//! crate (client + runtime + hand-written models) whose own tests run the
//! client against a local HTTP server (`tests/client_crate/`).

mod client_support;

use graph_docgen::emit::client::{
    cargo_dependencies, client_module, format_module, runtime_files, ClientOptions,
};
use graph_docgen::ir::model::{Api, Version};
use std::path::{Path, PathBuf};
use std::process::Command;

fn emit(api: &Api, version: Version, opts: &ClientOptions) -> String {
    let (tokens, diags) = client_module(api, version, opts);
    assert!(diags.is_empty(), "unexpected diagnostics: {diags:#?}");
    format_module(tokens).expect("emitted client module parses")
}

/// Code without whitespace or the trailing commas line breaks add, so
/// assertions do not depend on how prettyplease wraps lines.
fn compact(code: &str) -> String {
    let no_ws: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    no_ws.replace(",>", ">").replace(",)", ")")
}

#[test]
fn seed_operations_become_typed_functions() {
    let api = client_support::seed_api();
    let beta = emit(&api, Version::Beta, &ClientOptions::default());
    let v1 = emit(&api, Version::V1_0, &ClientOptions::default());
    for f in [
        "pub fn update_device_compliance_user_status(",
        "pub fn update_device_configuration_user_status(",
        "pub fn update_device_compliance_device_status(",
        "pub fn list_device_compliance_user_statuses(",
        "pub fn delete_device_compliance_user_status(",
        "pub fn schedule_actions_for_rules(",
        "pub async fn update_device_compliance_user_status(",
    ] {
        assert!(beta.contains(f), "beta lacks {f}\n{beta}");
    }
    for f in [
        "pub fn update_user_statuses(",
        "pub fn update_user_statuses2(",
        "pub fn search(",
    ] {
        assert!(v1.contains(f), "v1.0 lacks {f}\n{v1}");
    }
    // Seed 000: path parameters, the Update type for PATCH, the model type back.
    let squashed = compact(&beta);
    assert!(squashed.contains(&compact(
        "pub fn update_device_compliance_user_status(device_compliance_policy_id: &str, user_status_id: &str, body: &crate::beta::models::DeviceComplianceUserStatusUpdate) -> crate::runtime::ApiRequest<crate::beta::models::DeviceComplianceUserStatus>"
    )), "{beta}");
    // Seed 001: six paths, one enum variant each, named by what differs.
    for v in [
        "UserStatuses {",
        "RootCertificate {",
        "IosScepCertificateProfileRootCertificate {",
        "MacOsScepCertificateProfileRootCertificate {",
        "Windows10VpnConfigurationIdentityCertificate {",
        "WindowsPhone81VpnConfigurationIdentityCertificate {",
    ] {
        assert!(beta.contains(v), "missing variant {v}");
    }
    assert!(squashed.contains(&compact(
        r#".literal("/microsoft.graph.iosScepCertificateProfile/rootCertificate/userStatuses/")"#
    )), "{beta}");
    // Lists return pages, 204 returns (), the function argument is quoted.
    assert!(squashed.contains(&compact(
        "crate::runtime::ApiRequest<crate::runtime::Page<crate::beta::models::DeviceComplianceUserStatus>>"
    )));
    assert!(squashed.contains(&compact("crate::runtime::ApiRequest<()>")));
    assert!(
        compact(&v1).contains(r#".literal("/root/search(q=").quoted_arg(search_text)"#),
        "{v1}"
    );
    assert!(v1.contains("pub struct SearchQuery"));
}

#[test]
fn output_is_deterministic() {
    let api = client_support::seed_api();
    let mut shuffled = api.clone();
    shuffled.operations.reverse();
    for version in [Version::Beta, Version::V1_0] {
        let a = emit(&api, version, &ClientOptions::default());
        let b = emit(&shuffled, version, &ClientOptions::default());
        assert_eq!(a, b);
    }
}

#[test]
fn without_executor_there_is_no_reqwest() {
    let opts = ClientOptions { executor: false };
    let api = client_support::seed_api();
    let beta = emit(&api, Version::Beta, &opts);
    assert!(!beta.contains("pub struct Client"));
    assert!(!beta.contains("async fn"));
    let files = runtime_files(&opts);
    assert!(files
        .iter()
        .all(|(p, c)| p != "runtime/executor.rs" && !c.contains("reqwest")));
    let deps = cargo_dependencies(&opts);
    assert!(deps.iter().all(|(n, _)| n != "reqwest" && n != "tokio"));
    let with = cargo_dependencies(&ClientOptions::default());
    let reqwest = with
        .iter()
        .find(|(n, _)| n == "reqwest")
        .map(|(_, s)| s.as_str());
    assert!(reqwest.is_some_and(|s| s.contains("default-features = false") && s.contains("rustls")));
}

// ---- the generated crate -------------------------------------------------

fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).ok().as_deref() == Some(contents) {
        return;
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create dir");
    }
    std::fs::write(path, contents).expect("write file");
}

fn copy_template(from: &Path, to: &Path, with_tests: bool) {
    for entry in std::fs::read_dir(from).expect("template dir") {
        let entry = entry.expect("dir entry");
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            if name == "tests" && !with_tests {
                continue;
            }
            copy_template(&path, &to.join(&name), with_tests);
        } else {
            let text = std::fs::read_to_string(&path).expect("template file");
            write_if_changed(&to.join(&name), &text);
        }
    }
}

/// Write the test crate: template, generated clients and runtime, IR fixture.
fn write_crate(dir: &Path, opts: &ClientOptions) {
    let api = client_support::seed_api();
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/client_crate");
    copy_template(&template, dir, opts.executor);
    let mut toml = String::from(
        "[package]\nname = \"graph-client-check\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         # Not a member of the graph-docgen workspace.\n[workspace]\n\n[dependencies]\n",
    );
    for (name, spec) in cargo_dependencies(opts) {
        toml.push_str(&format!("{name} = {spec}\n"));
    }
    if opts.executor {
        toml.push_str(
            "\n[dev-dependencies]\naxum = { version = \"0.8\", default-features = false, features = [\"tokio\", \"http1\"] }\n\
             futures-util = \"0.3\"\ntokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\", \"net\", \"time\"] }\n",
        );
    }
    write_if_changed(&dir.join("Cargo.toml"), &toml);
    for (path, contents) in runtime_files(opts) {
        write_if_changed(&dir.join("src").join(path), &contents);
    }
    for version in [Version::Beta, Version::V1_0] {
        let text = emit(&api, version, opts);
        let file = dir
            .join("src")
            .join(version.module_name())
            .join("client.rs");
        write_if_changed(&file, &text);
    }
    let ops = serde_json::to_string_pretty(&api.operations).expect("IR serializes");
    write_if_changed(&dir.join("fixtures/operations.json"), &ops);
}

fn target_root() -> PathBuf {
    client_support::repo_root().join("target")
}

fn cargo(dir: &Path, args: &[&str]) {
    let (command, rest) = args.split_first().expect("a cargo command");
    let status = Command::new(env!("CARGO"))
        .current_dir(dir)
        .arg(command)
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .args(rest)
        .env(
            "CARGO_TARGET_DIR",
            target_root().join("client-crate-target"),
        )
        .output()
        .expect("run cargo");
    assert!(
        status.status.success(),
        "cargo {args:?} failed in {}:\n{}\n{}",
        dir.display(),
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The generated client, with the executor, passes its server tests and
/// builds clippy-clean with warnings denied.
#[test]
fn generated_crate_passes_its_tests_and_clippy() {
    let dir = target_root().join("client-crate");
    write_crate(&dir, &ClientOptions::default());
    cargo(&dir, &["test", "--quiet"]);
    cargo(
        &dir,
        &["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"],
    );
}

/// Without the executor: the sans-I/O runtime's own tests, clippy clean.
#[test]
fn generated_sans_io_crate_builds_clean() {
    let dir = target_root().join("client-crate-sans-io");
    write_crate(&dir, &ClientOptions { executor: false });
    cargo(&dir, &["test", "--quiet", "--lib"]);
    cargo(
        &dir,
        &["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"],
    );
}
