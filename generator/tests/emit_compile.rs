//! Compile tests: a crate generated from the hand-made API is written under
//! `target/emit-tests/` and built with `-D warnings` (and clippy), then its
//! own tests run: usage tests (tri-state PATCH, unknown enum values,
//! `@odata.type` dispatch, DateTimeOffset) and the examples round trip.
//! The generated crates share one target dir (with the client crates of
//! `client_seeds.rs`) so dependencies are built once. These crates leave out
//! the reqwest executor (`client_seeds.rs` builds and tests it): the sans-I/O
//! client is compiled against the sample's models all the same.

mod emit_fixture;

use graph_docgen::config::Config;
use std::path::{Path, PathBuf};
use std::process::Command;

fn work_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/emit-tests")
}

/// Generate the sample crate into `target/emit-tests/<name>` with a usage
/// test file added, returning its folder.
fn write_sample_crate(name: &str, usage_test: &str) -> PathBuf {
    let dir = work_dir().join(name);
    let generated = Config::new()
        .crate_name(name)
        .standalone(true)
        .executor(false)
        .generate_from_api(&emit_fixture::sample_api());
    let errors: Vec<_> = generated
        .diagnostics
        .iter()
        .filter(|d| d.severity == graph_docgen::diag::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    generated.write(&dir).expect("write the sample crate");
    graph_docgen::write::write_if_changed(&dir.join("tests/usage.rs"), usage_test)
        .expect("write usage test");
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

#[test]
fn sample_crate_builds_clean_and_passes_its_tests() {
    let dir = write_sample_crate("graph-sample", USAGE_TEST);
    cargo(
        &dir,
        &[
            "clippy",
            "--all-targets",
            "--all-features",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ],
    );
    cargo(&dir, &["test", "--all-features", "--quiet"]);
    cargo(
        &dir,
        &[
            "build",
            "--no-default-features",
            "--features",
            "beta",
            "--quiet",
        ],
    );
}

/// The build-script layout: one file of nested modules, `include!`d at a
/// crate root (as the root package's src/lib.rs does with OUT_DIR).
#[test]
fn single_file_layout_builds_clean() {
    let dir = work_dir().join("graph-sample-single");
    let generated = Config::new()
        .layout(graph_docgen::emit::layout::Layout::SingleFile)
        .executor(false)
        .generate_from_api(&emit_fixture::sample_api());
    generated
        .write(&dir.join("src"))
        .expect("write graph_api.rs");
    let manifest = "[package]\nname = \"graph-sample-single\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nhttp = \"1\"\nserde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n\n[workspace]\n";
    graph_docgen::write::write_if_changed(&dir.join("Cargo.toml"), manifest)
        .expect("write Cargo.toml");
    graph_docgen::write::write_if_changed(
        &dir.join("src/lib.rs"),
        "//! Single-file layout.\ninclude!(\"graph_api.rs\");\n",
    )
    .expect("write lib.rs");
    cargo(&dir, &["clippy", "--quiet", "--", "-D", "warnings"]);
}

const USAGE_TEST: &str = include_str!("emit_fixture/usage.rs");
