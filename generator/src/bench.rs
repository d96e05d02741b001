//! `graph-docgen bench`: how much the whole `ir` pipeline (read + extract +
//! merge, no JSON output) costs compared with the cheapest possible reading
//! of the same pages, a bare pulldown-cmark parse (read the files, iterate
//! every event with tables enabled).
//!
//! Both run in this one process, alternating round by round (which one goes
//! first alternates too, so neither always gets the warmer cache), on the same
//! number of threads with the same scheduling as [`crate::extract_all`]
//! (both go through [`crate::par_map`]; both read the files first, on one
//! thread, the same way, and decode them with the same fast UTF-8 check).
//! Untimed runs of each come first, so both start with the files in the
//! OS page cache and `ir` with its heap grown (until an `ir` run takes next
//! to no page faults: usually two). Each round prints both sides' page
//! faults and bare's read time (the part both share). After each run the
//! caller's `settle` hook hands the allocator the blocks one thread freed
//! for another (the pages' IR is built on the pool and dropped here),
//! untimed, so neither side pays for the other's garbage.

use crate::load;
use pulldown_cmark::{Options, Parser};
use std::fmt::Write;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Timings of one bench run.
#[derive(Debug, Clone, Default)]
pub struct BenchResult {
    pub pages: usize,
    pub bytes: usize,
    pub threads: usize,
    /// Events the bare parse saw (same every round).
    pub events: usize,
    /// Items the pipeline produced: (types, enums, operations, diagnostics).
    pub items: (usize, usize, usize, usize),
    /// Per round: (pipeline stages, bare parse).
    pub rounds: Vec<(Stages, BareTimes)>,
    /// Untimed runs of each side before the rounds (see [`MAX_WARM_UPS`]).
    pub warm_ups: usize,
    /// Per round: what (pipeline, bare parse) used; empty where the OS
    /// does not tell. CPU time is less disturbed than wall time by other
    /// jobs on a shared machine, though not immune.
    pub usage: Vec<(Usage, Usage)>,
}

/// Time of one bare run, and of its reading (the part both sides share).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BareTimes {
    pub total: Duration,
    pub read: Duration,
}

/// Time spent in each stage of one pipeline run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stages {
    pub read: Duration,
    pub extract: Duration,
    pub merge: Duration,
}

impl Stages {
    pub fn total(&self) -> Duration {
        self.read + self.extract + self.merge
    }
}

/// The whole `ir` pipeline, stage by stage: the same calls as
/// [`crate::read_api`] (a test checks they give the same API), timed
/// separately so the report can say where the time goes.
pub fn run_pipeline(inputs: &[PathBuf]) -> (crate::ir::Api, Stages) {
    let (read, (pages, load_diags)) = timed(|| load::read_pages(inputs));
    let (extract, irs) = timed(|| crate::extract_all(&pages));
    let (merge, api) = timed(|| {
        let mut api = crate::ir::merge::merge(irs);
        crate::ir::merge::add_diagnostics(&mut api, load_diags);
        api
    });
    (
        black_box(api),
        Stages {
            read,
            extract,
            merge,
        },
    )
}

fn item_counts(api: &crate::ir::Api) -> (usize, usize, usize, usize) {
    (
        api.types.len(),
        api.enums.len(),
        api.operations.len(),
        api.diagnostics.len(),
    )
}

/// Read the same files and iterate every pulldown-cmark event (tables on),
/// on the same threads with the same scheduling as `extract_all`
/// ([`crate::par_map`]).
fn run_bare(inputs: &[PathBuf]) -> (usize, usize, usize, Duration) {
    let (read, (pages, _)) = timed(|| load::read_pages(inputs));
    let bytes = pages.iter().map(|p| p.bytes.len()).sum();
    let events = crate::par_map(&pages, |p| count_events(&p.bytes))
        .into_iter()
        .sum();
    (pages.len(), bytes, black_box(events), read)
}

fn count_events(bytes: &[u8]) -> usize {
    // The cheapest decoding, the same as `source::normalize`'s: the fast
    // UTF-8 check, lossy decoding only for a page that fails it.
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    Parser::new_ext(&text, Options::ENABLE_TABLES)
        .map(black_box)
        .count()
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

/// What this process has used so far: CPU time (user + system, every
/// thread) and minor page faults (memory the kernel handed it for the first
/// time).
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    pub cpu: Duration,
    pub faults: u64,
}

#[cfg(unix)]
fn process_usage() -> Option<Usage> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes one `rusage` into the pointer it is given.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } == 0;
    // SAFETY: zero-initialised, and filled in by the call when it succeeded.
    let u = unsafe { usage.assume_init() };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    ok.then(|| Usage {
        cpu: time(u.ru_utime) + time(u.ru_stime),
        faults: u.ru_minflt.max(0) as u64,
    })
}

#[cfg(not(unix))]
fn process_usage() -> Option<Usage> {
    None
}

/// `f`'s result and what the process used while it ran (only `f` runs
/// then: the bench does nothing else at the same time).
fn usage_of<T>(f: impl FnOnce() -> T) -> (Option<Usage>, T) {
    let before = process_usage();
    let out = f();
    let used = match (before, process_usage()) {
        (Some(b), Some(a)) => a.cpu.checked_sub(b.cpu).map(|cpu| Usage {
            cpu,
            faults: a.faults.saturating_sub(b.faults),
        }),
        _ => None,
    };
    (used, out)
}

/// Untimed runs of each side before the timed rounds, at most. The first
/// runs grow the heap: the allocator takes fresh memory from the kernel,
/// and every first touch of it is a page fault (on a virtual machine a
/// slow one, the host backing the page too). A steady state does not pay
/// them, so warming up goes on until an `ir` run takes fewer than
/// [`SETTLED_FAULTS`] faults (measured: hundreds in the first two runs,
/// a handful after).
const MAX_WARM_UPS: usize = 4;
const SETTLED_FAULTS: u64 = 32;

/// Warm up (see [`MAX_WARM_UPS`]), then `rounds` alternating timed runs of
/// both. `settle` runs, untimed, after each run (the binary hands the
/// allocator its deferred frees there, so the next run does not pay for
/// this one's).
pub fn run(inputs: &[PathBuf], rounds: usize, settle: &dyn Fn()) -> BenchResult {
    let (pages, bytes, events, _) = run_bare(inputs);
    settle();
    let mut items = (0, 0, 0, 0);
    let mut warm_ups = 0;
    while warm_ups < MAX_WARM_UPS {
        warm_ups += 1;
        let (used, (api, _)) = usage_of(|| run_pipeline(inputs));
        items = item_counts(&api);
        drop(api);
        settle();
        if used.is_none_or(|u| u.faults < SETTLED_FAULTS) {
            break;
        }
        run_bare(inputs);
        settle();
    }
    let mut result = BenchResult {
        pages,
        bytes,
        threads: crate::worker_threads(),
        events,
        items,
        warm_ups,
        rounds: Vec::with_capacity(rounds),
        usage: Vec::with_capacity(rounds),
    };
    let mut usage_known = true;
    for round in 0..rounds.max(1) {
        // The API is dropped after the clock stops, as in the wall time.
        let pipeline = || {
            let (used, (api, stages)) = usage_of(|| run_pipeline(inputs));
            drop(api);
            settle();
            (used, stages)
        };
        let bare = || {
            let out = usage_of(|| {
                let (total, (.., read)) = timed(|| run_bare(inputs));
                BareTimes { total, read }
            });
            settle();
            out
        };
        let ((ir_used, ir), (bare_used, bare)) = if round % 2 == 0 {
            let ir = pipeline();
            (ir, bare())
        } else {
            let bare = bare();
            (pipeline(), bare)
        };
        result.rounds.push((ir, bare));
        match (ir_used, bare_used) {
            (Some(i), Some(b)) => result.usage.push((i, b)),
            _ => usage_known = false,
        }
    }
    if !usage_known {
        result.usage.clear();
    }
    result
}

/// The median (mean of the two middle values for an even count).
pub fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    let n = xs.len();
    match n {
        0 => Duration::ZERO,
        _ if n % 2 == 1 => xs.get(n / 2).copied().unwrap_or_default(),
        _ => {
            let a = xs.get(n / 2 - 1).copied().unwrap_or_default();
            let b = xs.get(n / 2).copied().unwrap_or_default();
            (a + b) / 2
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The printed report: what was measured, each round, both medians, the ratio.
pub fn render(r: &BenchResult) -> String {
    let mut out = String::new();
    let (types, enums, ops, diags) = r.items;
    let _ = writeln!(
        out,
        "bench: {} pages, {:.1} MiB; {} rounds, alternating, after {} untimed warm-up run(s) of each (until ir's heap stopped growing)",
        r.pages,
        r.bytes as f64 / (1024.0 * 1024.0),
        r.rounds.len(),
        r.warm_ups
    );
    let _ = writeln!(
        out,
        "  ir   = read + extract + merge ({types} types, {enums} enums, {ops} operations, {diags} diagnostics), no JSON output"
    );
    let _ = writeln!(
        out,
        "  bare = read + pulldown-cmark events with tables ({} events)",
        r.events
    );
    let _ = writeln!(
        out,
        "  both use {} thread(s), pages handed out the same way (extract_all's par_map)",
        r.threads
    );
    for (i, (ir, bare)) in r.rounds.iter().enumerate() {
        // Page faults show a run that still grew the heap.
        let faults = r
            .usage
            .get(i)
            .map(|(a, b)| format!("   page faults {} / {}", a.faults, b.faults))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  round {}: ir {:9.2} ms (read {:.2}, extract {:.2}, merge {:.2})   bare {:9.2} ms (read {:.2}){faults}",
            i + 1,
            ms(ir.total()),
            ms(ir.read),
            ms(ir.extract),
            ms(ir.merge),
            ms(bare.total),
            ms(bare.read)
        );
    }
    let ir = median(r.rounds.iter().map(|x| x.0.total()).collect());
    let bare = median(r.rounds.iter().map(|x| x.1.total).collect());
    let ratio = if bare.is_zero() {
        "n/a".to_string()
    } else {
        format!("{:.2}", ir.as_secs_f64() / bare.as_secs_f64())
    };
    let _ = writeln!(
        out,
        "median: ir {:.2} ms, bare {:.2} ms, ratio ir/bare {ratio}",
        ms(ir),
        ms(bare)
    );
    if !r.usage.is_empty() {
        let ir = median(r.usage.iter().map(|x| x.0.cpu).collect());
        let bare = median(r.usage.iter().map(|x| x.1.cpu).collect());
        if !bare.is_zero() {
            let _ = writeln!(
                out,
                "cpu time (user + system, all threads), median: ir {:.2} ms, bare {:.2} ms, ratio ir/bare {:.2}",
                ms(ir),
                ms(bare),
                ir.as_secs_f64() / bare.as_secs_f64()
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even() {
        let d = Duration::from_millis;
        assert_eq!(median(vec![d(5), d(1), d(3)]), d(3));
        assert_eq!(
            median(vec![d(4), d(1), d(3), d(2)]),
            Duration::from_micros(2500)
        );
        assert_eq!(median(vec![]), Duration::ZERO);
    }

    #[test]
    fn staged_pipeline_is_read_api() {
        let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs-input");
        let inputs = vec![seeds];
        let (api, stages) = run_pipeline(&inputs);
        assert_eq!(api, crate::read_api(&inputs));
        assert!(api.summary.pages > 0, "the seeds were read");
        assert!(stages.total() > Duration::ZERO);
    }

    #[cfg(unix)]
    #[test]
    fn usage_is_read_and_grows_with_work() {
        let (used, sum) = usage_of(|| (0..3_000_000u64).map(black_box).sum::<u64>());
        assert_eq!(sum, 3_000_000 * 2_999_999 / 2);
        assert!(used.is_some(), "getrusage works on unix");
        let (a, b) = (process_usage(), process_usage());
        assert!(a
            .zip(b)
            .is_some_and(|(a, b)| b.cpu >= a.cpu && b.faults >= a.faults));
        // Touching fresh memory page by page faults it in.
        let (used, pages) = usage_of(|| {
            let mut v = vec![0u8; 64 << 20];
            for b in v.iter_mut().step_by(4096) {
                *b = 1;
            }
            black_box(v)
                .iter()
                .step_by(4096)
                .map(|&b| b as usize)
                .sum::<usize>()
        });
        assert_eq!(pages, 16384);
        assert!(used.is_some_and(|u| u.faults > 0), "{used:?}");
    }

    #[test]
    fn counts_markdown_events() {
        let table = b"# t\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        // A table yields Start/End pairs for table, head, row and cells plus text.
        assert!(count_events(table) > 10);
        assert_eq!(count_events(b""), 0);
    }
}
