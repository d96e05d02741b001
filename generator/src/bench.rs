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
//! One untimed run of each comes first so both start with the files in the
//! OS page cache. After each run the caller's `settle` hook hands the
//! allocator the blocks one thread freed for another (the pages' IR is
//! built on the pool and dropped here), untimed, so neither side pays for
//! the other's garbage.

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
    pub rounds: Vec<(Stages, Duration)>,
    /// Per round: CPU time (user + system, all threads) of (pipeline, bare
    /// parse); empty where the OS does not tell. Less disturbed than wall
    /// time by other jobs on a shared machine, though not immune.
    pub cpu: Vec<(Duration, Duration)>,
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
fn run_bare(inputs: &[PathBuf]) -> (usize, usize, usize) {
    let (pages, _) = load::read_pages(inputs);
    let bytes = pages.iter().map(|p| p.bytes.len()).sum();
    let events = crate::par_map(&pages, |p| count_events(&p.bytes))
        .into_iter()
        .sum();
    (pages.len(), bytes, black_box(events))
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

/// CPU time this process has used so far (user + system, every thread).
#[cfg(unix)]
fn process_cpu() -> Option<Duration> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes one `rusage` into the pointer it is given.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } == 0;
    // SAFETY: zero-initialised, and filled in by the call when it succeeded.
    let u = unsafe { usage.assume_init() };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    ok.then(|| time(u.ru_utime) + time(u.ru_stime))
}

#[cfg(not(unix))]
fn process_cpu() -> Option<Duration> {
    None
}

/// `f`'s result and the CPU time the process used while it ran (only `f`
/// runs then: the bench does nothing else at the same time).
fn cpu_timed<T>(f: impl FnOnce() -> T) -> (Option<Duration>, T) {
    let before = process_cpu();
    let out = f();
    let used = match (before, process_cpu()) {
        (Some(b), Some(a)) => a.checked_sub(b),
        _ => None,
    };
    (used, out)
}

/// Warm up once, then `rounds` alternating timed runs of both. `settle`
/// runs, untimed, after each timed run (the binary hands the allocator its
/// deferred frees there, so the next run does not pay for this one's).
pub fn run(inputs: &[PathBuf], rounds: usize, settle: &dyn Fn()) -> BenchResult {
    let (pages, bytes, events) = run_bare(inputs);
    let items = item_counts(&run_pipeline(inputs).0);
    settle();
    let mut result = BenchResult {
        pages,
        bytes,
        threads: crate::worker_threads(),
        events,
        items,
        rounds: Vec::with_capacity(rounds),
        cpu: Vec::with_capacity(rounds),
    };
    let mut cpu_known = true;
    for round in 0..rounds.max(1) {
        // The API is dropped after the clock stops, as in the wall time.
        let pipeline = || {
            let (cpu, (api, stages)) = cpu_timed(|| run_pipeline(inputs));
            drop(api);
            settle();
            (cpu, stages)
        };
        let bare = || {
            let out = cpu_timed(|| timed(|| run_bare(inputs)).0);
            settle();
            out
        };
        let ((ir_cpu, ir), (bare_cpu, bare)) = if round % 2 == 0 {
            let ir = pipeline();
            (ir, bare())
        } else {
            let bare = bare();
            (pipeline(), bare)
        };
        result.rounds.push((ir, bare));
        match (ir_cpu, bare_cpu) {
            (Some(i), Some(b)) => result.cpu.push((i, b)),
            _ => cpu_known = false,
        }
    }
    if !cpu_known {
        result.cpu.clear();
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
        "bench: {} pages, {:.1} MiB; {} rounds, alternating, after one untimed warm-up of each",
        r.pages,
        r.bytes as f64 / (1024.0 * 1024.0),
        r.rounds.len()
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
        let _ = writeln!(
            out,
            "  round {}: ir {:9.2} ms (read {:.2}, extract {:.2}, merge {:.2})   bare {:9.2} ms",
            i + 1,
            ms(ir.total()),
            ms(ir.read),
            ms(ir.extract),
            ms(ir.merge),
            ms(*bare)
        );
    }
    let ir = median(r.rounds.iter().map(|x| x.0.total()).collect());
    let bare = median(r.rounds.iter().map(|x| x.1).collect());
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
    if !r.cpu.is_empty() {
        let ir = median(r.cpu.iter().map(|x| x.0).collect());
        let bare = median(r.cpu.iter().map(|x| x.1).collect());
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
    fn cpu_time_is_read_and_grows_with_work() {
        let (used, sum) = cpu_timed(|| (0..3_000_000u64).map(black_box).sum::<u64>());
        assert_eq!(sum, 3_000_000 * 2_999_999 / 2);
        assert!(used.is_some(), "getrusage works on unix");
        let (a, b) = (process_cpu(), process_cpu());
        assert!(a.zip(b).is_some_and(|(a, b)| b >= a));
    }

    #[test]
    fn counts_markdown_events() {
        let table = b"# t\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        // A table yields Start/End pairs for table, head, row and cells plus text.
        assert!(count_events(table) > 10);
        assert_eq!(count_events(b""), 0);
    }
}
