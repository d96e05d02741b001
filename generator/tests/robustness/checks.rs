//! What every case must satisfy: no panic in any thread, every `.rs` file
//! parses, every `.json` file is JSON, the same bytes in reverse input order.

use crate::case::Case;
use graph_docgen::config::Generated;
use graph_docgen::diag::Diagnostic;
use graph_docgen::load::InputPage;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

/// Panics seen by the hook (any thread), taken after each case.
fn panics() -> &'static Mutex<Vec<String>> {
    static PANICS: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    PANICS.get_or_init(|| Mutex::new(Vec::new()))
}

pub fn install_panic_recorder() {
    panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let thread = std::thread::current().name().unwrap_or("?").to_string();
        if let Ok(mut p) = panics().lock() {
            p.push(format!("panic in thread {thread} at {place}: {what}"));
        }
    }));
}

fn take_panics() -> Vec<String> {
    panics()
        .lock()
        .map(|mut p| std::mem::take(&mut *p))
        .unwrap_or_default()
}

fn content_key(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Problems with one generation's files: `.rs` that does not parse, `.json`
/// that is not JSON. `known_good` caches contents already checked (the
/// runtime and support modules are the same every time).
fn invalid_files(generated: &Generated, known_good: &mut HashSet<u64>) -> Vec<String> {
    let mut out = Vec::new();
    for (path, text) in &generated.files {
        let key = content_key(text);
        if known_good.contains(&key) {
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let problem = match ext {
            "rs" => syn::parse_file(text)
                .err()
                .map(|e| format!("does not parse ({e})")),
            "json" => serde_json::from_str::<serde_json::Value>(text)
                .err()
                .map(|e| format!("is not JSON ({e})")),
            _ => None,
        };
        match problem {
            Some(p) => out.push(format!("{}: {p}", path.display())),
            None => {
                known_good.insert(key);
            }
        }
    }
    out
}

/// The first difference between two generations, if any.
fn difference(a: &Generated, b: &Generated) -> Option<String> {
    let paths_a: Vec<&PathBuf> = a.files.keys().collect();
    let paths_b: Vec<&PathBuf> = b.files.keys().collect();
    if paths_a != paths_b {
        return Some(format!("file lists differ: {paths_a:?} vs {paths_b:?}"));
    }
    if let Some((path, _)) = a
        .files
        .iter()
        .find(|(p, text)| b.files.get(*p) != Some(text))
    {
        return Some(format!("{} differs", path.display()));
    }
    if a.diagnostics != b.diagnostics {
        let first = a
            .diagnostics
            .iter()
            .zip(&b.diagnostics)
            .find(|(x, y)| x != y)
            .map(|(x, y): (&Diagnostic, &Diagnostic)| format!("{x} vs {y}"))
            .unwrap_or_else(|| {
                format!(
                    "{} vs {} diagnostics",
                    a.diagnostics.len(),
                    b.diagnostics.len()
                )
            });
        return Some(format!("diagnostics differ: {first}"));
    }
    None
}

/// Run one case; every failure found is a line of the result.
pub fn run_case(case: &Case, known_good: &mut HashSet<u64>) -> Vec<String> {
    take_panics();
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        let first = case.generate(&case.pages);
        let mut failures = invalid_files(&first, known_good);
        let reversed: Vec<InputPage> = case.pages.iter().rev().cloned().collect();
        let second = case.generate(&reversed);
        if let Some(diff) = difference(&first, &second) {
            let again = case.generate(&case.pages);
            match difference(&first, &again) {
                Some(d) => failures.push(format!("nondeterministic: {d}")),
                None => failures.push(format!("depends on input order: {diff}")),
            }
        }
        failures
    }));
    let mut failures = result.unwrap_or_default();
    failures.extend(take_panics());
    failures
}
