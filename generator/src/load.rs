//! Finding and reading the input pages: files or folders (recursive, sorted),
//! `.md` and `.txt` pages. Reports exactly the files read, for
//! `cargo:rerun-if-changed` in build-script mode.

use crate::diag::Diagnostic;
use std::collections::HashSet;
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

/// Folders already walked, by canonical path: a symlink back to an
/// ancestor would otherwise be walked until the OS gives up (every page read
/// again at each level; two such links double the pages at each level).
type Walked = HashSet<PathBuf>;

fn walk(path: &Path, out: &mut Vec<PathBuf>, walked: &mut Walked, diags: &mut Vec<Diagnostic>) {
    let label = path.to_string_lossy().replace('\\', "/");
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if !walked.insert(canonical) {
                diags.push(Diagnostic::note(
                    "input-folder-repeated",
                    &label,
                    0,
                    "folder already read (a symlink loop or a repeated input); skipped",
                ));
                return;
            }
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
                    walk(&e, out, walked, diags);
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
    let mut walked = Walked::new();
    for p in inputs {
        walk(p, &mut out, &mut walked, &mut diags);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by tests/cli_robustness.rs: a symlink to an ancestor made every
    /// page be read once per level (41 copies before the OS refused).
    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_read_once() {
        let dir = std::env::temp_dir().join(format!("graph-docgen-load-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let pages = dir.join("v1.0");
        std::fs::create_dir_all(&pages).expect("temp dir");
        std::fs::write(pages.join("a.md"), "# a\n").expect("page");
        std::os::unix::fs::symlink("..", pages.join("up")).expect("symlink");
        std::os::unix::fs::symlink("..", pages.join("up2")).expect("symlink");
        let (found, diags) = find_pages(std::slice::from_ref(&dir));
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(found, vec![pages.join("a.md")]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.code == "input-folder-repeated"));
    }
}
