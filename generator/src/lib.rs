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
/// baseline, which must match it to be a fair comparison): the threads of
/// rayon's pool, where the merge runs too (one core each by default,
/// `RAYON_NUM_THREADS` to choose), at most 8.
pub fn worker_threads() -> usize {
    rayon::current_num_threads().clamp(1, 8)
}

/// Extract every page, on all cores (pages are independent); the result keeps
/// the input order so everything downstream is deterministic. A page the
/// extractor fails on is one error diagnostic, not a lost batch.
pub fn extract_all(pages: &[load::InputPage]) -> Vec<ir::PageIr> {
    par_map(pages, |p| extract::extract_page_guarded(&p.label, &p.bytes))
}

/// How many items a worker claims at a time in [`par_map`]: small enough
/// that the threads finish together, large enough that claiming is rare.
const BATCH: usize = 32;

/// `items.iter().map(f)` on [`worker_threads`] threads, in input order.
/// Workers claim batches of [`BATCH`] items in turn, so a thread that drew
/// cheap pages takes more of them (fixed halves left one thread idle while
/// the other finished the heavier half). `bench`'s baseline runs through
/// this too, so both sides are scheduled alike.
///
/// The workers are tasks on rayon's pool, not threads of their own: the
/// merge runs on the same threads, so most of the page IR it frees was
/// allocated by the thread freeing it (a freed block of another thread's,
/// let alone of a thread that has exited, costs the allocator far more),
/// and no thread is started per call.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let batches = items.len().div_ceil(BATCH);
    let work = || {
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            if b >= batches {
                break done;
            }
            let start = b * BATCH;
            let batch = items.get(start..(start + BATCH).min(items.len()));
            done.push((b, batch.unwrap_or_default().iter().map(&f).collect()));
        }
    };
    let finished = std::sync::Mutex::new(Vec::with_capacity(batches));
    rayon::scope(|s| {
        for _ in 0..worker_threads() {
            s.spawn(|_| {
                let mine = work();
                finished
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .extend(mine);
            });
        }
    });
    let mut done: Vec<(usize, Vec<R>)> = finished
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    done.sort_by_key(|(b, _)| *b);
    done.into_iter().flat_map(|(_, out)| out).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn par_map_keeps_input_order() {
        let items: Vec<usize> = (0..BATCH * 7 + 5).collect();
        let doubled = par_map(&items, |&i| i * 2);
        assert_eq!(doubled, items.iter().map(|&i| i * 2).collect::<Vec<_>>());
        assert!(par_map(&[] as &[usize], |&i| i).is_empty());
        // From inside the pool (a task of another parallel step) as well.
        let (a, b) = rayon::join(
            || par_map(&items, |&i| i + 1),
            || par_map(&items, |&i| i + 2),
        );
        assert_eq!(a, items.iter().map(|&i| i + 1).collect::<Vec<_>>());
        assert_eq!(b, items.iter().map(|&i| i + 2).collect::<Vec<_>>());
    }
}
