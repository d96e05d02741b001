//! Snapshot tests of the page IR of every seed and fixture page in
//! `docs-input/` (review changes with `cargo insta review`).

use graph_docgen::extract::extract_page;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn pages(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            pages(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")) {
            out.push(p);
        }
    }
}

#[test]
fn page_ir_of_every_docs_input_page() {
    let root = repo_root();
    let mut files = Vec::new();
    pages(&root.join("docs-input"), &mut files);
    assert!(
        files.len() >= 8,
        "seeds and fixtures expected, found {}",
        files.len()
    );
    for f in files {
        let rel = f
            .strip_prefix(&root)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        let bytes = std::fs::read(&f).unwrap_or_default();
        let ir = extract_page(&rel, &bytes);
        let name = rel
            .trim_start_matches("docs-input/")
            .replace(['/', '.'], "_");
        insta::assert_json_snapshot!(name, ir);
    }
}

#[test]
fn seeds_have_their_kind_title_and_version() {
    let root = repo_root();
    let seed = |n: &str| {
        let rel = format!("docs-input/{n}");
        extract_page(&rel, &std::fs::read(root.join(&rel)).unwrap_or_default())
    };
    let s1 = seed("001_c57f4170632d784c.txt");
    assert_eq!(
        s1.title.as_deref(),
        Some("Update deviceConfigurationUserStatus")
    );
    assert_eq!(s1.kind, graph_docgen::ir::PageKind::Api);
    assert_eq!(s1.version, Some(graph_docgen::ir::Version::Beta));
    assert!(s1.has_http);
    let s2 = seed("002_b80fc6785e7d6cab.txt");
    assert_eq!(s2.version, Some(graph_docgen::ir::Version::V1_0));
}
