//! Robustness: a stable, deterministic mutation test of the whole pipeline,
//! our stand-in for `cargo fuzz` (which needs a nightly toolchain).
//!
//! Each case takes one page (a `docs-input/` page or a seeded sample of
//! `../shared/corpus`, every template; `inputs`), applies one to four
//! mutations (`page_mutations`: truncation inside UTF-8, tables, JSON,
//! comments, front matter; line deletion, duplication and swaps; `hostile`
//! fragments and names in table cells and request lines; byte flips;
//! concatenation; hostile file names), in one case of three also mutates its
//! IR after extraction (`ir_mutations`), and runs it with the other
//! `docs-input/` pages and one more sample page through extract → merge →
//! emit → render (`case`). `checks`: nothing panics, in any thread (a panic
//! hook records them: a panic in `extract_all`'s worker threads would
//! otherwise only lose pages); every emitted `.rs` file parses with
//! `syn::parse_file`, every `.json` file with `serde_json`; a second run over
//! the pages in reverse order gives byte-identical files and diagnostics (on
//! a difference a third, same-order run tells nondeterminism from order
//! dependence); in a release build no case takes over 10 s.
//!
//! Run longer: `GRAPH_DOCGEN_MUTATIONS=5000 cargo test -p graph-docgen
//! --release --test robustness -- --nocapture`. Replay one case (prints it
//! and writes its pages under `target/tmp/robustness/replay/`):
//! `GRAPH_DOCGEN_MUTATION_SEED=0x… cargo test … --test robustness` (with the
//! same `GRAPH_DOCGEN_MUTATIONS`, which sizes the corpus sample). A stack
//! overflow aborts the process without a report: the case being run is
//! always in `target/tmp/robustness/last-case.txt`.

mod case;
mod checks;
mod hostile;
mod inputs;
mod ir_mutations;
mod page_mutations;
mod rng;

use case::Case;
use checks::{install_panic_recorder, run_case};
use inputs::{corpus_sample, docs_input_pages};
use rng::case_seed;
use std::collections::HashSet;
use std::panic;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Cases of a default run (fewer in a debug build); `GRAPH_DOCGEN_MUTATIONS`
/// overrides.
const DEFAULT_CASES: u64 = if cfg!(debug_assertions) { 40 } else { 240 };
/// A case slower than this (release build) fails: the inputs are at most a
/// few MB, so it means superlinear work.
const SLOW_CASE: Duration = Duration::from_secs(10);
/// The seed every case seed derives from (fixed: CI runs the same cases).
const MASTER_SEED: u64 = 0x6772_6170_685f_646f;
/// Corpus pages sampled per template folder.
const CORPUS_PER_FOLDER: usize = 3;

fn env_u64(name: &str) -> Option<u64> {
    let v = std::env::var(name).ok()?;
    let v = v.trim();
    match v.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => v.parse().ok(),
    }
}

fn state_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness")
}

#[test]
fn mutated_pages_never_panic_and_give_valid_deterministic_rust() {
    let mut pool = docs_input_pages();
    let docs_input = pool.len();
    let cases = env_u64("GRAPH_DOCGEN_MUTATIONS").unwrap_or(DEFAULT_CASES);
    let per_folder = CORPUS_PER_FOLDER.max((cases / 80) as usize);
    pool.extend(corpus_sample(per_folder));
    let seeds: Vec<u64> = match env_u64("GRAPH_DOCGEN_MUTATION_SEED") {
        Some(seed) => vec![seed],
        None => (0..cases).map(case_seed).collect(),
    };
    let replay = seeds.len() == 1;
    let state = state_dir();
    let _ = std::fs::create_dir_all(&state);
    install_panic_recorder();

    let started = Instant::now();
    let mut known_good = HashSet::new();
    let mut failed = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for &seed in &seeds {
        let case = Case::new(seed, &pool, docs_input);
        let description = case.describe();
        let _ = std::fs::write(state.join("last-case.txt"), &description);
        if replay {
            eprintln!("replaying {description}");
            let _ = std::fs::remove_dir_all(state.join("replay"));
            case.save(&state.join("replay"));
        }
        let t = Instant::now();
        let mut failures = run_case(&case, &mut known_good);
        let took = t.elapsed();
        if took > SLOW_CASE && !cfg!(debug_assertions) {
            failures.push(format!("too slow: {took:.1?} (superlinear work?)"));
        }
        slowest.push((took, description.clone()));
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        slowest.truncate(3);
        if !failures.is_empty() {
            failed.push(format!("{description}\n    {}", failures.join("\n    ")));
        }
    }
    let _ = panic::take_hook();

    eprintln!(
        "robustness: {} cases over {} pages ({} from docs-input) in {:.1?}; {} failed",
        seeds.len(),
        pool.len(),
        docs_input,
        started.elapsed(),
        failed.len()
    );
    for (d, what) in &slowest {
        eprintln!("  slow: {d:.1?} {what}");
    }
    // The sample of corpus pages grows with the number of cases: a replay
    // needs the same number.
    let replay_with = match std::env::var("GRAPH_DOCGEN_MUTATIONS") {
        Ok(n) => format!("GRAPH_DOCGEN_MUTATIONS={n} GRAPH_DOCGEN_MUTATION_SEED=<seed>"),
        Err(_) => "GRAPH_DOCGEN_MUTATION_SEED=<seed>".to_string(),
    };
    assert!(
        failed.is_empty(),
        "{} of {} cases failed (replay one with {replay_with}):\n{}",
        failed.len(),
        seeds.len(),
        failed.join("\n")
    );
}
