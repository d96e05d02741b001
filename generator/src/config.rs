//! The library entry point, in the style of prost-build: a [`Config`]
//! builder, [`Config::generate`] that returns every file without touching
//! the file system, [`Generated::write`] (write-if-changed) and
//! [`Generated::check`] (drift report), and [`Config::build_script`] for
//! `build.rs`.
//!
//! ```no_run
//! // In build.rs `main`:
//! graph_docgen::config::Config::new()
//!     .input("docs-input")
//!     .layout(graph_docgen::emit::layout::Layout::SingleFile)
//!     .build_script()
//!     .unwrap_or_else(|e| panic!("graph-docgen: {e}"));
//! // and in src/lib.rs: include!(concat!(env!("OUT_DIR"), "/graph_api.rs"));
//! ```
//!
//! Vendoring a crate, and checking it is fresh:
//!
//! ```no_run
//! use graph_docgen::config::Config;
//! let generated = Config::new().input("docs-input").generate();
//! generated.write("generated".as_ref())?;
//! assert!(generated.check("generated".as_ref()).is_ok());
//! # Ok::<(), std::io::Error>(())
//! ```

use crate::diag::{Diagnostic, Severity};
use crate::emit::layout::Layout;
use crate::emit::EmitOptions;
use crate::ir::model::Api;
use crate::write::{self, Drift, WriteReport};
use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

/// At most this many diagnostics are printed as `cargo:warning` lines.
pub const MAX_CARGO_WARNINGS: usize = 50;

/// What to read and what to generate.
#[derive(Debug, Clone, Default)]
pub struct Config {
    inputs: Vec<PathBuf>,
    out_dir: Option<PathBuf>,
    emit: EmitOptions,
}

/// The output of a generation: every file (relative path → contents), the
/// input pages read, and the diagnostics of reading and emitting.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    pub files: BTreeMap<PathBuf, String>,
    pub inputs: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Config {
    /// Defaults: crate layout, crate `graph-api`, a cargo feature per
    /// version, the examples round trip (feature `roundtrip`), the client
    /// with its reqwest executor.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a page file or a folder (searched recursively for `.md`/`.txt`).
    /// `Config::new().input("docs-input")`.
    pub fn input(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.inputs.push(path.as_ref().to_path_buf());
        self
    }

    /// Where [`Config::build_script`] writes (default: `$OUT_DIR`).
    pub fn out_dir(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(path.as_ref().to_path_buf());
        self
    }

    /// [`Layout::Crate`] (a complete crate) or [`Layout::SingleFile`]
    /// (`graph_api.rs` to `include!`).
    pub fn layout(&mut self, layout: Layout) -> &mut Self {
        self.emit.layout = layout;
        self
    }

    /// Package name of the generated crate: `.crate_name("graph-api")`.
    pub fn crate_name(&mut self, name: &str) -> &mut Self {
        self.emit.crate_name = name.to_string();
        self
    }

    /// One cargo feature per API version (`v1_0`, `beta`), all default.
    pub fn version_features(&mut self, on: bool) -> &mut Self {
        self.emit.version_features = on;
        self
    }

    /// Emit the documentation-examples round trip: `roundtrip` dispatch,
    /// `examples` harness, `tests/examples.json`, `tests/roundtrip.rs`
    /// (behind the generated crate's `roundtrip` feature).
    pub fn roundtrip(&mut self, on: bool) -> &mut Self {
        self.emit.roundtrip = on;
        self
    }

    /// Emit the client's reqwest executor (default: on): `crate::runtime::GraphClient`
    /// (bearer token, retries, paging) and a `Client` per version with one
    /// async method per operation. `.executor(false)` for a caller with its
    /// own HTTP stack: the crate then depends on `http`, `serde` and
    /// `serde_json` only (no reqwest, tokio or TLS), and each operation
    /// function's `ApiRequest` is sent with `to_http` / `parse`.
    pub fn executor(&mut self, on: bool) -> &mut Self {
        self.emit.executor = on;
        self
    }

    /// Add an empty `[workspace]` table to the generated Cargo.toml, for a
    /// crate written inside another workspace's folder.
    pub fn standalone(&mut self, on: bool) -> &mut Self {
        self.emit.standalone = on;
        self
    }

    /// Read the inputs and generate every file. Writes nothing.
    pub fn generate(&self) -> Generated {
        let (inputs, _) = crate::load::find_pages(&self.inputs);
        let api = crate::read_api(&self.inputs);
        let mut generated = self.generate_from_api(&api);
        generated.inputs = inputs;
        generated.diagnostics.extend(api.diagnostics);
        generated.diagnostics.sort();
        generated
    }

    /// Generate every file from an already built [`Api`] (no inputs read).
    pub fn generate_from_api(&self, api: &Api) -> Generated {
        let (emitted, mut diagnostics) = crate::emit::emit(api, &self.emit);
        let files = write::render(&emitted, &mut diagnostics);
        diagnostics.sort();
        Generated {
            files,
            inputs: Vec::new(),
            diagnostics,
        }
    }

    /// For `build.rs`: generate, write to the out dir (default `$OUT_DIR`)
    /// if changed, print `cargo:rerun-if-changed` for every input file and
    /// input folder (so added pages are noticed; note this narrows Cargo's
    /// default of rerunning on any package change) and warnings/errors as
    /// `cargo:warning` (at most [`MAX_CARGO_WARNINGS`], then a count).
    pub fn build_script(&self) -> io::Result<Generated> {
        let dir = match &self.out_dir {
            Some(d) => d.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or_else(|| {
                    io::Error::other(
                        "OUT_DIR is not set: not running as a build script, and no out_dir() given",
                    )
                })?,
        };
        let generated = self.generate();
        generated.write(&dir)?;
        for line in generated.cargo_lines(&self.inputs) {
            println!("{line}");
        }
        Ok(generated)
    }
}

impl Generated {
    /// Write every file under `dir`, each only if its contents changed.
    pub fn write(&self, dir: &Path) -> io::Result<WriteReport> {
        write::write_all(&self.files, dir)
    }

    /// Compare with `dir` without writing: `Err` lists changed, missing and
    /// stale files.
    pub fn check(&self, dir: &Path) -> Result<(), Drift> {
        let drift = write::check_all(&self.files, dir);
        if drift.is_empty() {
            Ok(())
        } else {
            Err(drift)
        }
    }

    /// The lines a build script prints: `cargo:rerun-if-changed` for each
    /// input folder given and each page read, then diagnostics.
    pub fn cargo_lines(&self, roots: &[PathBuf]) -> Vec<String> {
        let mut lines: Vec<String> = roots
            .iter()
            .chain(self.inputs.iter())
            .map(|p| format!("cargo:rerun-if-changed={}", p.display()))
            .collect();
        let serious: Vec<&Diagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .collect();
        for d in serious.iter().take(MAX_CARGO_WARNINGS) {
            lines.push(format!(
                "cargo:warning={}",
                d.to_string().replace('\n', " ")
            ));
        }
        if serious.len() > MAX_CARGO_WARNINGS {
            lines.push(format!(
                "cargo:warning=graph-docgen: {} more warnings not shown (run `graph-docgen generate` to see all)",
                serious.len() - MAX_CARGO_WARNINGS
            ));
        }
        lines
    }
}
