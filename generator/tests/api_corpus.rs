//! Corpus test of the API extractor over `../shared/corpus` (all formats,
//! history included): no panic, ≥ 99.5% of pages with an HTTP request line
//! give an operation, and sanity counts. Skips (with a message) when the
//! corpus is absent. Run with `--release -- --nocapture` to see the figures.

use graph_docgen::ir::model::{PageIr, Segment, Version};
use graph_docgen::load::read_pages;
use std::path::{Path, PathBuf};

fn corpus() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    p.is_dir().then_some(p)
}

fn extract(dir: &Path) -> Vec<PageIr> {
    let (pages, _) = read_pages(&[dir.to_path_buf()]);
    graph_docgen::extract_all(&pages)
}

#[test]
fn api_corpus_rates_and_sanity() {
    let Some(dir) = corpus() else {
        println!("skipped: ../shared/corpus not found");
        return;
    };
    let irs = extract(&dir);
    assert!(
        irs.len() > 14_000,
        "expected the whole corpus, got {}",
        irs.len()
    );
    let with_http: Vec<&PageIr> = irs.iter().filter(|p| p.has_http).collect();
    let misses: Vec<&&PageIr> = with_http
        .iter()
        .filter(|p| p.operations.is_empty())
        .collect();
    let ops: usize = irs.iter().map(|p| p.operations.len()).sum();
    let rate = (with_http.len() - misses.len()) as f64 / with_http.len().max(1) as f64;
    println!(
        "pages {}, with http {}, with operation {}, rate {:.4}, operations {}",
        irs.len(),
        with_http.len(),
        with_http.len() - misses.len(),
        rate,
        ops
    );
    for m in &misses {
        let why: Vec<String> = m
            .diagnostics
            .iter()
            .filter(|d| d.code == "http-request-garbage")
            .map(|d| d.message.clone())
            .collect();
        println!("miss: {} {:?}", m.file, why);
    }
    assert!(rate >= 0.995, "operation rate {rate:.4} below 0.995");

    // Every v1.0 PATCH operation states a response status.
    let v1_patch: Vec<_> = irs
        .iter()
        .flat_map(|p| &p.operations)
        .filter(|o| o.method == "PATCH" && o.version == Some(Version::V1_0))
        .collect();
    let no_status: Vec<_> = v1_patch
        .iter()
        .filter(|o| o.response.status.is_none())
        .collect();
    for o in &no_status {
        println!("v1.0 PATCH without status: {}", o.source);
    }
    assert!(
        v1_patch.len() > 250,
        "v1.0 PATCH operations: {}",
        v1_patch.len()
    );
    assert!(
        no_status.is_empty(),
        "{} v1.0 PATCH operations have no status",
        no_status.len()
    );

    // Operations carry at least one path each, and every path a segment.
    for o in irs.iter().flat_map(|p| &p.operations) {
        assert!(!o.paths.is_empty(), "{} has no path", o.source);
        for p in &o.paths {
            assert!(!p.segments.is_empty(), "{} has an empty path", p.source);
            assert!(!p.template.contains("//"), "{}: {}", p.source, p.template);
        }
    }

    // The seed-001 page of January 2017 has its six alternative paths.
    let hist = irs.iter().find(|p| {
        p.file
            .ends_with("intune_deviceconfig_deviceconfigurationuserstatus_update.md")
            && p.file.contains("2017-01")
    });
    if let Some(h) = hist {
        assert_eq!(h.operations.len(), 1);
        assert_eq!(h.operations[0].paths.len(), 6);
    }

    // Summary counts printed for the report.
    let count = |f: &dyn Fn(&PageIr) -> bool| irs.iter().filter(|p| f(p)).count();
    let ops_iter = || irs.iter().flat_map(|p| &p.operations);
    println!(
        "with permissions {}, with response type {}, with status {}, with examples {}, casts {}, functions {}, type fragments {}",
        ops_iter().filter(|o| !o.permissions.is_empty()).count(),
        ops_iter().filter(|o| o.response.type_name.is_some()).count(),
        ops_iter().filter(|o| o.response.status.is_some()).count(),
        ops_iter().filter(|o| !o.examples.is_empty()).count(),
        ops_iter()
            .flat_map(|o| &o.paths)
            .filter(|p| p.segments.iter().any(|s| matches!(s, Segment::Cast { .. })))
            .count(),
        ops_iter()
            .flat_map(|o| &o.paths)
            .filter(|p| p.segments.iter().any(|s| matches!(s, Segment::Function { .. })))
            .count(),
        count(&|p: &PageIr| p.has_http && !p.types.is_empty()),
    );
}
