//! The `graph-docgen` command.

use clap::{Parser, Subcommand};
use graph_docgen::diag::{Counts, Severity};
use std::path::PathBuf;
use std::process::ExitCode;

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
        #[arg(long, default_value = "graph-api")]
        crate_name: String,
        /// Leave out the documentation-examples round trip (feature `roundtrip`).
        #[arg(long)]
        no_roundtrip: bool,
    },
}

fn print_diagnostics(diags: &[graph_docgen::diag::Diagnostic]) {
    use std::io::Write;
    let stderr = std::io::stderr();
    let mut err = std::io::BufWriter::new(stderr.lock());
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
}

fn generate(
    paths: &[PathBuf],
    out: &std::path::Path,
    check: bool,
    crate_name: &str,
    no_roundtrip: bool,
) -> ExitCode {
    let mut config = graph_docgen::config::Config::new();
    for p in paths {
        config.input(p);
    }
    config.crate_name(crate_name).roundtrip(!no_roundtrip);
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
    let cli = Cli::parse();
    match cli.command {
        Command::Generate {
            paths,
            out,
            check,
            crate_name,
            no_roundtrip,
        } => generate(&paths, &out, check, &crate_name, no_roundtrip),
        Command::Ir {
            paths,
            deny_warnings,
            summary_only,
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
                "summary: {} pages ({} api, {} resource, {} enum); operations from {}/{} api pages with an HTTP block; types from {}/{} resource pages; {} types, {} enums, {} operations; {} errors, {} warnings, {} notes",
                s.pages, s.api_pages, s.resource_pages, s.enum_pages,
                s.api_pages_with_operation, s.api_pages_with_http,
                s.resource_pages_with_type, s.resource_pages,
                s.types, s.enums, s.operations, s.errors, s.warnings, s.notes
            );
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
