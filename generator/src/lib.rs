//! graph-docgen: reads Microsoft Graph documentation pages (markdown) and emits
//! Rust model and client modules.
//!
//! Data flows one way (see ARCHITECTURE.md):
//! `load` (files) → `source` (bytes → page) → `extract` (page → [`ir::PageIr`])
//! → `ir::merge` (pages → [`ir::Api`]) → `emit` (IR → tokens) → `write` (files).
//! `verify` scores an [`ir::Api`] against OData CSDL metadata.

pub mod bench;
pub mod config;
pub mod diag;
pub mod emit;
pub mod extract;
pub mod ir;
pub mod load;
pub mod source;
pub mod verify;
pub mod write;

use std::path::PathBuf;

/// Read, extract and merge every page under `inputs` (files or folders).
/// Never fails: unreadable files and bad pages become diagnostics.
pub fn read_api(inputs: &[PathBuf]) -> ir::Api {
    let (pages, load_diags) = load::read_pages(inputs);
    let irs = extract_all(&pages);
    let mut api = ir::merge::merge(irs);
    ir::merge::add_diagnostics(&mut api, load_diags);
    api
}

/// How many threads page-parallel work uses (`extract_all`, and `bench`'s
/// baseline, which must match it to be a fair comparison).
pub fn worker_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
}

/// Extract every page, on all cores (pages are independent); the result keeps
/// the input order so everything downstream is deterministic.
pub fn extract_all(pages: &[load::InputPage]) -> Vec<ir::PageIr> {
    let threads = worker_threads();
    let chunk = pages.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = pages
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|p| extract::extract_page(&p.label, &p.bytes))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
