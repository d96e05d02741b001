//! The `graph-docgen` command.

use clap::{Parser, Subcommand};
use graph_docgen::diag::{Counts, Severity};
use graph_docgen::verify::Thresholds;
use libmimalloc_sys as mi;
use std::ffi::c_void;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: the pipeline allocates many
/// small strings (cells, names, sources), which glibc's malloc serves slowly.
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc, called the way its C users call it. The `mimalloc` crate's
/// allocator passes every request through `mi_malloc_aligned`, whose
/// alignment checks cost about twice the plain `mi_malloc` on the ~5 million
/// small allocations of one run over the corpus. mimalloc's blocks are
/// always at least word-aligned (block sizes are multiples of the word size,
/// from word-aligned pages), so a request aligned to a word or less, nearly
/// all of them (strings, vectors of pointers), takes the plain calls; the
/// rest keep the aligned ones.
struct Mimalloc;

/// The alignment every mimalloc block has.
const WORD_ALIGN: usize = std::mem::size_of::<usize>();

/// Allocate `layout` with mimalloc's `plain` call when every block's word
/// alignment covers it, with its `aligned` variant otherwise.
///
/// # Safety
/// As [`std::alloc::GlobalAlloc::alloc`]; `plain` and `aligned` are a pair
/// of mimalloc allocation calls.
#[inline]
unsafe fn allocate(
    layout: std::alloc::Layout,
    plain: unsafe extern "C" fn(usize) -> *mut c_void,
    aligned: unsafe extern "C" fn(usize, usize) -> *mut c_void,
) -> *mut u8 {
    if layout.align() <= WORD_ALIGN {
        unsafe { plain(layout.size()).cast() }
    } else {
        unsafe { aligned(layout.size(), layout.align()).cast() }
    }
}

// SAFETY: each method forwards to the mimalloc call for the same contract
// (`mi_malloc`/`mi_zalloc`/`mi_realloc` for word alignment or less, which
// mimalloc guarantees for every block, the `_aligned` variants otherwise);
// `mi_free` frees blocks from either family.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        unsafe { allocate(layout, mi::mi_malloc, mi::mi_malloc_aligned) }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        unsafe { allocate(layout, mi::mi_zalloc, mi::mi_zalloc_aligned) }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        unsafe { mi::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD_ALIGN {
            unsafe { mi::mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            unsafe { mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast() }
        }
    }
}

/// mimalloc's `purge_delay` option (`MIMALLOC_PURGE_DELAY`), number 15 of
/// `mi_option_e` in mimalloc 2 and 3; the Rust binding names no constant for
/// it, so a test checks the number by the option's default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keep freed memory for the rest of the run instead of returning it to the
/// OS a second after it is freed: each stage frees what the last one built
/// (page text, page IRs) and allocates as much again, and returned memory
/// comes back as fresh pages the kernel must zero (26,000 page faults in one
/// `ir` over the corpus, 500 with this). The command is one short batch.
fn keep_freed_memory() {
    // SAFETY: `mi_option_set` stores an integer in mimalloc's option table;
    // -1 is the documented value for "never purge".
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// Process the blocks other threads freed into each thread's pages, on
/// every pool thread and this one: mimalloc queues such a free for the
/// block's own thread, which takes it in on its next allocations. Between
/// the bench's timed runs, so neither side takes in the other's garbage.
fn settle_freed_blocks() {
    // SAFETY: `mi_collect` only walks the calling thread's own heap.
    let collect = || unsafe { libmimalloc_sys::mi_collect(true) };
    rayon::broadcast(|_| collect());
    collect();
}

#[derive(Parser)]
#[command(
    name = "graph-docgen",
    version,
    about = "Microsoft Graph docs → Rust models and clients"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the merged IR of the pages under PATH... as JSON on stdout.
    Ir {
        /// Page files or folders (searched recursively for .md and .txt).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Exit non-zero when any warning or error was reported.
        #[arg(long)]
        deny_warnings: bool,
        /// Print only the summary and diagnostics, not the IR.
        #[arg(long)]
        summary_only: bool,
        /// Fail when fewer than this percentage of API pages with an HTTP
        /// block give an operation.
        #[arg(long, value_name = "PERCENT")]
        min_operation_rate: Option<f64>,
        /// Fail when fewer than this percentage of resource pages give a type.
        #[arg(long, value_name = "PERCENT")]
        min_type_rate: Option<f64>,
    },
    /// Score the v1.0 types and enums extracted from PATH... against OData CSDL
    /// metadata; print the figures and every disagreement.
    Verify {
        /// The service metadata (OData CSDL XML), e.g. ../shared/truth/v1.0.csdl.
        #[arg(long, value_name = "FILE")]
        csdl: PathBuf,
        /// Page files or folders (searched recursively for .md and .txt).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the report as JSON on stdout instead of text.
        #[arg(long)]
        json: bool,
        /// Print only the figures, not the list of disagreements.
        #[arg(long)]
        summary_only: bool,
        #[command(flatten)]
        thresholds: ThresholdArgs,
    },
    /// Time the whole `ir` pipeline against a bare pulldown-cmark parse of the
    /// same pages, alternating in one process; print medians and their ratio.
    Bench {
        /// Page files or folders (searched recursively for .md and .txt).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Timed rounds of each (after untimed warm-up runs, until the heap stops growing).
        #[arg(long, default_value_t = 3)]
        rounds: usize,
    },
    /// Generate a complete crate (Cargo.toml, src/, tests/) from the pages under PATH....
    Generate {
        /// Page files or folders (searched recursively for .md and .txt).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The crate folder to write (only files whose contents changed are written).
        #[arg(long)]
        out: PathBuf,
        /// Write nothing; exit non-zero when OUT differs from a fresh generation.
        #[arg(long)]
        check: bool,
        /// Package name of the generated crate.
        #[arg(long, default_value = "graph-api", value_parser = crate_name_arg)]
        crate_name: String,
        /// Leave out the documentation-examples round trip (feature `roundtrip`).
        #[arg(long)]
        no_roundtrip: bool,
        /// Leave out the client's reqwest executor (`GraphClient`, `Client`): the crate
        /// then needs no reqwest, tokio or TLS; send each operation's `ApiRequest`
        /// with your own HTTP stack (`to_http` / `parse`).
        #[arg(long)]
        no_executor: bool,
        /// Add an empty `[workspace]` table to the generated Cargo.toml, for a crate
        /// written inside another workspace's folder (e.g. under `target/`).
        #[arg(long)]
        standalone: bool,
    },
}

/// Minimum percentages for `verify`; exit non-zero when a figure is below.
#[derive(clap::Args)]
struct ThresholdArgs {
    /// Minimum property precision (percent).
    #[arg(long, value_name = "PERCENT")]
    min_precision: Option<f64>,
    /// Minimum property recall (percent).
    #[arg(long, value_name = "PERCENT")]
    min_recall: Option<f64>,
    /// Minimum type agreement of matched properties (percent).
    #[arg(long, value_name = "PERCENT")]
    min_type_agreement: Option<f64>,
    /// Minimum enum member precision (percent).
    #[arg(long, value_name = "PERCENT")]
    min_enum_precision: Option<f64>,
    /// Minimum enum member recall (percent).
    #[arg(long, value_name = "PERCENT")]
    min_enum_recall: Option<f64>,
    /// Minimum per-enum mean member precision (percent; each enum counted once).
    #[arg(long, value_name = "PERCENT")]
    min_enum_precision_mean: Option<f64>,
    /// Minimum per-enum mean member recall (percent; each enum counted once).
    #[arg(long, value_name = "PERCENT")]
    min_enum_recall_mean: Option<f64>,
}

impl ThresholdArgs {
    fn thresholds(&self) -> Thresholds {
        Thresholds {
            precision: self.min_precision,
            recall: self.min_recall,
            type_agreement: self.min_type_agreement,
            enum_precision: self.min_enum_precision,
            enum_recall: self.min_enum_recall,
            enum_precision_mean: self.min_enum_precision_mean,
            enum_recall_mean: self.min_enum_recall_mean,
        }
    }
}

/// `--crate-name`: refused at once when it is no valid package name.
fn crate_name_arg(name: &str) -> Result<String, String> {
    match graph_docgen::emit::crate_name_problem(name) {
        None => Ok(name.to_string()),
        Some(problem) => Err(problem),
    }
}

fn print_diagnostics(diags: &[graph_docgen::diag::Diagnostic]) {
    use std::io::Write;
    let stderr = std::io::stderr();
    let mut err = std::io::BufWriter::new(stderr.lock());
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
}

/// `verify`: score, print (text or JSON), then check the thresholds.
fn verify(
    csdl: &Path,
    paths: &[PathBuf],
    json: bool,
    summary_only: bool,
    thresholds: Thresholds,
) -> ExitCode {
    let report = match graph_docgen::verify::verify_paths(csdl, paths) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    if json {
        match serde_json::to_string_pretty(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("error: cannot serialize the report: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        let text = graph_docgen::verify::render_text(&report);
        if summary_only {
            // The figures are the first paragraph of the text report.
            let figures = text.split("\n\n").next().unwrap_or_default();
            println!("{figures}");
        } else {
            print!("{text}");
        }
    }
    let mut failures = thresholds.failures(&report.scores);
    failures.extend(thresholds.mean_failures(&report.macro_scores));
    for f in &failures {
        eprintln!("error: {f}");
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `part` of `whole` in percent; an empty whole counts as 0% so a threshold
/// cannot pass on nothing.
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

fn generate(
    paths: &[PathBuf],
    out: &std::path::Path,
    check: bool,
    crate_name: &str,
    no_roundtrip: bool,
    no_executor: bool,
    standalone: bool,
) -> ExitCode {
    let mut config = graph_docgen::config::Config::new();
    for p in paths {
        config.input(p);
    }
    config
        .crate_name(crate_name)
        .roundtrip(!no_roundtrip)
        .executor(!no_executor)
        .standalone(standalone);
    let generated = config.generate();
    print_diagnostics(&generated.diagnostics);
    let c = Counts::of(&generated.diagnostics);
    eprintln!(
        "generate: {} pages read, {} files; {} errors, {} warnings, {} notes",
        generated.inputs.len(),
        generated.files.len(),
        c.errors,
        c.warnings,
        c.notes
    );
    if check {
        return match generated.check(out) {
            Ok(()) => {
                eprintln!("{} is up to date", out.display());
                ExitCode::SUCCESS
            }
            Err(drift) => {
                eprint!("{drift}");
                eprintln!(
                    "error: {} differs from a fresh generation; run without --check to update it",
                    out.display()
                );
                ExitCode::FAILURE
            }
        };
    }
    match generated.write(out) {
        Ok(report) => {
            eprintln!(
                "wrote {} files, {} unchanged, into {}",
                report.written.len(),
                report.unchanged.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write into {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = Cli::parse();
    match cli.command {
        Command::Verify {
            csdl,
            paths,
            json,
            summary_only,
            thresholds,
        } => verify(&csdl, &paths, json, summary_only, thresholds.thresholds()),
        Command::Bench { paths, rounds } => {
            let result = graph_docgen::bench::run(&paths, rounds, &settle_freed_blocks);
            print!("{}", graph_docgen::bench::render(&result));
            ExitCode::SUCCESS
        }
        Command::Generate {
            paths,
            out,
            check,
            crate_name,
            no_roundtrip,
            no_executor,
            standalone,
        } => generate(
            &paths,
            &out,
            check,
            &crate_name,
            no_roundtrip,
            no_executor,
            standalone,
        ),
        Command::Ir {
            paths,
            deny_warnings,
            summary_only,
            min_operation_rate,
            min_type_rate,
        } => {
            let api = graph_docgen::read_api(&paths);
            print_diagnostics(&api.diagnostics);
            if !summary_only {
                match serde_json::to_string_pretty(&api) {
                    Ok(json) => println!("{json}"),
                    Err(e) => {
                        eprintln!("error: cannot serialize the IR: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            let s = &api.summary;
            eprintln!(
                "summary: {} pages ({} api, {} resource, {} enum); operations from {}/{} api pages with an HTTP block ({} more whose HTTP block has no usable path); types from {}/{} resource pages; {} types, {} enums, {} operations; {} errors, {} warnings, {} notes",
                s.pages, s.api_pages, s.resource_pages, s.enum_pages,
                s.api_pages_with_operation, s.api_pages_with_http, s.api_pages_http_garbage_only,
                s.resource_pages_with_type, s.resource_pages,
                s.types, s.enums, s.operations, s.errors, s.warnings, s.notes
            );
            let op_rate = percent(s.api_pages_with_operation, s.api_pages_with_http);
            let type_rate = percent(s.resource_pages_with_type, s.resource_pages);
            eprintln!(
                "rates: operations {op_rate:.2}% of api pages with an HTTP block, types {type_rate:.2}% of resource pages"
            );
            let mut below = false;
            if let Some(min) = min_operation_rate {
                if op_rate < min {
                    eprintln!("error: operation rate {op_rate:.2}% is below {min}%");
                    below = true;
                }
            }
            if let Some(min) = min_type_rate {
                if type_rate < min {
                    eprintln!("error: type rate {type_rate:.2}% is below {min}%");
                    below = true;
                }
            }
            if below {
                return ExitCode::FAILURE;
            }
            let c = Counts::of(&api.diagnostics);
            if deny_warnings
                && api
                    .diagnostics
                    .iter()
                    .any(|d| d.severity >= Severity::Warning)
            {
                eprintln!(
                    "error: {} warnings and {} errors denied",
                    c.warnings, c.errors
                );
                return ExitCode::FAILURE;
            }
            ExitCode::SUCCESS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purge_delay_is_the_option_numbered_15() {
        // Its default in the bundled mimalloc 3 is 1000 (ms; 10 in mimalloc
        // 2); the neighbours' defaults are 1 and 0, so a renumbering fails
        // here. An environment that sets MIMALLOC_PURGE_DELAY fails it too.
        // SAFETY: reads an integer from mimalloc's option table.
        let default = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert!(default == 1000 || default == 10, "{default}");
    }

    /// Every allocation of this test binary goes through [`Mimalloc`]:
    /// each size class and alignment, grown and shrunk, keeps its alignment
    /// and its bytes.
    #[test]
    fn allocator_keeps_alignment_and_contents() {
        use std::alloc::{GlobalAlloc, Layout};
        for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
            for size in [1, 3, 8, 24, 40, 100, 1000, 70_000] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: non-zero sizes; each pointer is freed once, with
                // the layout it was last allocated with.
                unsafe {
                    let p = Mimalloc.alloc(layout);
                    assert!(
                        !p.is_null() && (p as usize).is_multiple_of(align),
                        "{size}/{align}"
                    );
                    p.write_bytes(0xAB, size);
                    let q = Mimalloc.realloc(p, layout, size * 3);
                    assert!(
                        !q.is_null() && (q as usize).is_multiple_of(align),
                        "{size}/{align}"
                    );
                    assert!((0..size).all(|i| *q.add(i) == 0xAB));
                    Mimalloc.dealloc(q, Layout::from_size_align(size * 3, align).unwrap());
                    let z = Mimalloc.alloc_zeroed(layout);
                    assert!(
                        !z.is_null() && (z as usize).is_multiple_of(align),
                        "{size}/{align}"
                    );
                    assert!((0..size).all(|i| *z.add(i) == 0));
                    Mimalloc.dealloc(z, layout);
                }
            }
        }
    }
}
