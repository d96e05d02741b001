//! Whole-corpus run: every page of `../shared/corpus` (relative to the repo
//! root) goes through `extract_page` without a panic, and at least 99% of the
//! pages whose H1 is `# x resource type` give a type. Skips (with a message)
//! when the corpus is absent. Fast enough in debug; quicker with `--release`.

use graph_docgen::source::{text::plain_text, Page};
use std::path::Path;

#[test]
fn corpus_pages_extract_without_panic_and_resource_pages_give_types() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: no corpus at {}", corpus.display());
        return;
    }
    let (pages, diags) = graph_docgen::load::read_pages(&[corpus]);
    assert!(diags.is_empty(), "unreadable corpus files: {diags:?}");
    assert!(
        pages.len() > 10_000,
        "corpus looks truncated: {} pages",
        pages.len()
    );
    let irs = graph_docgen::extract_all(&pages);
    assert_eq!(irs.len(), pages.len());
    let (mut resource_h1, mut with_type) = (0usize, 0usize);
    let mut missing = Vec::new();
    for (page, ir) in pages.iter().zip(&irs) {
        let parsed = Page::parse(&page.label, &page.bytes);
        let h1 = parsed.title.as_deref().map(plain_text).unwrap_or_default();
        if regex_like_resource_type(&h1) {
            resource_h1 += 1;
            if ir.types.iter().any(|t| t.from_resource_page) {
                with_type += 1;
            } else {
                missing.push(page.label.clone());
            }
        }
    }
    let rate = with_type as f64 / resource_h1.max(1) as f64;
    eprintln!(
        "resource pages: {with_type}/{resource_h1} gave a type; without: {:?}",
        &missing[..missing.len().min(20)]
    );
    assert!(
        resource_h1 > 2_000,
        "too few resource pages found: {resource_h1}"
    );
    assert!(
        rate >= 0.99,
        "only {with_type}/{resource_h1} resource pages gave a type"
    );
}

/// `x resource type` as the whole H1 (after the name).
fn regex_like_resource_type(h1: &str) -> bool {
    let lower = h1.to_ascii_lowercase();
    lower.trim_end().ends_with(" resource type")
}
