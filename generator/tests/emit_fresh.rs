//! `generated/` must be exactly `graph-docgen generate docs-input --out
//! generated`. Run with `GRAPH_DOCGEN_UPDATE=1` to rewrite it.

use graph_docgen::config::Config;
use graph_docgen::config::Generated;
use std::path::Path;

/// Generate as `graph-docgen generate docs-input` run from the repository
/// root would: sources are labelled by the path as given (`docs-input/...`).
fn generate_from_root() -> Generated {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::env::set_current_dir(&root).expect("cd to the repository root");
    Config::new().input("docs-input").generate()
}

#[test]
fn generated_crate_is_fresh() {
    let generated = generate_from_root();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated");
    if std::env::var_os("GRAPH_DOCGEN_UPDATE").is_some() {
        generated.write(&out).expect("rewrite generated/");
    }
    if let Err(drift) = generated.check(&out) {
        panic!("generated/ differs from a fresh generation:\n{drift}\nrun `GRAPH_DOCGEN_UPDATE=1 cargo test -p graph-docgen --test emit_fresh` (or `graph-docgen generate docs-input --out generated`) and commit");
    }
}

#[test]
fn generation_is_deterministic() {
    let a = generate_from_root();
    let b = generate_from_root();
    assert_eq!(a.files, b.files);
}

#[test]
fn build_script_lines_name_every_input() {
    let generated = generate_from_root();
    let (pages, _) = graph_docgen::load::find_pages(&["docs-input".into()]);
    assert_eq!(generated.inputs, pages, "every page under docs-input");
    let seeds = pages
        .iter()
        .filter(|p| p.parent() == Some(std::path::Path::new("docs-input")))
        .count();
    assert_eq!(seeds, 5, "the five seed pages, besides the fixtures");
    let lines = generated.cargo_lines(&["docs-input".into()]);
    assert_eq!(
        lines.first().map(String::as_str),
        Some("cargo:rerun-if-changed=docs-input")
    );
    for input in &generated.inputs {
        let want = format!("cargo:rerun-if-changed={}", input.display());
        assert!(lines.contains(&want), "{want} missing from {lines:?}");
    }
}
