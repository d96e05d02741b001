//! The whole corpus (`../shared/corpus/v1.0` and `beta`: real parser output,
//! with odd names, keyword names, huge enums, unresolvable types and duplicate
//! operation names) generated as one crate of models and clients.
//!
//! `every_operation_and_type_is_emitted` runs by default (about a minute in a
//! debug build). The build of the generated crate (≈ 620,000 lines; about
//! 11 minutes on 2 cores) and its examples round trip are ignored by default:
//! `cargo test -p graph-docgen --release --test corpus_crate -- --ignored --nocapture`.

use graph_docgen::config::{Config, Generated};
use graph_docgen::diag::Severity;
use graph_docgen::ir::model::{Api, Version};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

fn corpus_inputs() -> Vec<PathBuf> {
    let corpus = repo_root().join("../shared/corpus");
    vec![corpus.join("v1.0"), corpus.join("beta")]
}

fn generate() -> (Api, Generated) {
    let inputs = corpus_inputs();
    let api = graph_docgen::read_api(&inputs);
    let mut config = Config::new();
    config.standalone(true);
    (api.clone(), config.generate_from_api(&api))
}

/// Top-level `pub fn` items of a generated client file.
fn functions(text: &str) -> usize {
    text.lines().filter(|l| l.starts_with("pub fn ")).count()
}

#[test]
fn every_operation_and_type_is_emitted() {
    let (api, generated) = generate();
    let emit_errors: Vec<String> = generated
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(emit_errors.is_empty(), "{emit_errors:#?}");
    for version in [Version::V1_0, Version::Beta] {
        let path = format!("src/{}/client.rs", version.module_name());
        let text = generated
            .files
            .get(Path::new(&path))
            .unwrap_or_else(|| panic!("{path} missing"));
        let ops = api
            .operations
            .iter()
            .filter(|o| o.version == Some(version))
            .count();
        assert!(ops > 1000, "{version}: only {ops} operations");
        assert_eq!(
            functions(text),
            ops,
            "{version}: one function per operation"
        );
        let models = generated
            .files
            .get(Path::new(&format!(
                "src/{}/models.rs",
                version.module_name()
            )))
            .map(String::as_str)
            .unwrap_or_default();
        let structs = models
            .lines()
            .filter(|l| l.starts_with("pub struct "))
            .count();
        let types = api
            .types
            .iter()
            .filter(|t| t.version == Some(version))
            .count();
        // Every type has its struct (a few are duplicates by case and merged);
        // update bodies come on top.
        assert!(
            structs >= types.saturating_sub(5),
            "{version}: {structs} structs for {types} types"
        );
    }
}

/// Generate into `target/corpus-crate`, build it with `-D warnings` and run
/// its documentation-examples round trip (one build serves both), requiring
/// 95% of the v1.0 response examples to pass; prints the figures and the
/// report. `.ci/run` runs the same through the command line.
#[test]
#[ignore = "builds a 620,000-line crate: minutes"]
fn corpus_crate_builds_clean_and_round_trips() {
    let started = Instant::now();
    let (api, generated) = generate();
    let generation = started.elapsed();
    let dir = repo_root().join("target/corpus-crate");
    generated.write(&dir).expect("write the corpus crate");
    let lines: usize = generated.files.values().map(|t| t.lines().count()).sum();
    println!(
        "generated {} files, {lines} lines ({} operations, {} types, {} enums) in {generation:.1?}",
        generated.files.len(),
        api.operations.len(),
        api.types.len(),
        api.enums.len()
    );
    let started = Instant::now();
    let out = Command::new(env!("CARGO"))
        .args([
            "test",
            "--quiet",
            "--features",
            "roundtrip",
            "--test",
            "roundtrip",
            "--",
            "--nocapture",
        ])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", repo_root().join("target/corpus-target"))
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("RUSTFLAGS", "-D warnings")
        .env("GRAPH_DOCGEN_ROUNDTRIP_MIN_V1_RESPONSE", "95")
        .output()
        .expect("run cargo");
    println!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("built and round-tripped in {:.1?}", started.elapsed());
}
