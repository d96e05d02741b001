//! The pages cases start from: every `docs-input/` page and a fixed, seeded
//! sample of every template of `../shared/corpus`.

use crate::rng::Rng;
use graph_docgen::load::InputPage;
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn corpus_dir() -> PathBuf {
    repo_root().join("../shared/corpus")
}

/// Every folder of the corpus that holds pages of one template.
const CORPUS_FOLDERS: &[&str] = &[
    "v1.0/api",
    "v1.0/resources",
    "beta/api",
    "beta/resources",
    "history/2016-11/beta/api",
    "history/2016-11/beta/resources",
    "history/2017-01/beta/api",
    "history/2017-01/beta/resources",
    "history/2017-08/beta/api",
    "history/2017-08/beta/resources",
    "history/2020-10-stubs/api",
    "history/2020-10-stubs/resources",
];

/// Read the pages under `dir`, labelled `prefix/<path relative to dir>`.
fn read_labelled(dir: &Path, prefix: &str, files: &[PathBuf]) -> Vec<InputPage> {
    files
        .iter()
        .filter_map(|path| {
            let bytes = std::fs::read(path).ok()?;
            let rel = path
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some(InputPage {
                label: format!("{prefix}/{rel}"),
                path: path.clone(),
                bytes,
            })
        })
        .collect()
}

pub fn docs_input_pages() -> Vec<InputPage> {
    let dir = repo_root().join("docs-input");
    let (files, _) = graph_docgen::load::find_pages(std::slice::from_ref(&dir));
    let pages = read_labelled(&dir, "docs-input", &files);
    assert!(pages.len() >= 5, "docs-input/ looks empty");
    pages
}

/// A fixed, seeded sample of every corpus template; empty (with a note)
/// when the corpus is absent.
pub fn corpus_sample(per_folder: usize) -> Vec<InputPage> {
    let corpus = corpus_dir();
    if !corpus.is_dir() {
        eprintln!(
            "note: no corpus at {}; mutating docs-input/ pages only",
            corpus.display()
        );
        return Vec::new();
    }
    let mut rng = Rng::new(crate::MASTER_SEED);
    let mut sample = Vec::new();
    for folder in CORPUS_FOLDERS {
        let dir = corpus.join(folder);
        let (files, _) = graph_docgen::load::find_pages(std::slice::from_ref(&dir));
        let mut chosen: Vec<PathBuf> = (0..per_folder.min(files.len()))
            .map(|_| files[rng.below(files.len())].clone())
            .collect();
        chosen.sort();
        chosen.dedup();
        let prefix = format!("../shared/corpus/{folder}");
        sample.extend(read_labelled(&dir, &prefix, &chosen));
    }
    sample
}
