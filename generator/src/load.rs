//! Finding and reading the input pages: files or folders (recursive, sorted),
//! `.md` and `.txt` pages. Reports exactly the files read, for
//! `cargo:rerun-if-changed` in build-script mode.

use crate::diag::Diagnostic;
use std::path::{Path, PathBuf};

/// One input page: the label used in diagnostics and sources (the path as
/// found, with `/` separators), and its raw bytes.
#[derive(Debug, Clone)]
pub struct InputPage {
    pub label: String,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

fn is_page(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".md") || name.ends_with(".txt")
}

fn walk(path: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    let label = path.to_string_lossy().replace('\\', "/");
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
                Err(e) => {
                    diags.push(Diagnostic::error(
                        "input-unreadable",
                        &label,
                        0,
                        format!("cannot list folder: {e}; skipped"),
                    ));
                    return;
                }
            };
            entries.sort();
            for e in entries {
                if e.is_dir() {
                    walk(&e, out, diags);
                } else if is_page(&e) {
                    out.push(e);
                }
            }
        }
        Ok(_) => out.push(path.to_path_buf()),
        Err(e) => diags.push(Diagnostic::error(
            "input-missing",
            &label,
            0,
            format!("cannot read input: {e}; skipped"),
        )),
    }
}

/// Every page file under `inputs`, sorted within each folder, in argument order.
pub fn find_pages(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for p in inputs {
        walk(p, &mut out, &mut diags);
    }
    (out, diags)
}

/// Read every page under `inputs`. Unreadable files become diagnostics.
pub fn read_pages(inputs: &[PathBuf]) -> (Vec<InputPage>, Vec<Diagnostic>) {
    let (paths, mut diags) = find_pages(inputs);
    let mut pages = Vec::with_capacity(paths.len());
    for path in paths {
        let label = path.to_string_lossy().replace('\\', "/");
        match std::fs::read(&path) {
            Ok(bytes) => pages.push(InputPage { label, path, bytes }),
            Err(e) => diags.push(Diagnostic::error(
                "input-unreadable",
                &label,
                0,
                format!("cannot read file: {e}; skipped"),
            )),
        }
    }
    (pages, diags)
}
