//! Runs graph-docgen on docs-input/ and writes `graph_api.rs` into OUT_DIR
//! (src/lib.rs `include!`s it). Prints `cargo:rerun-if-changed` for every
//! page read and the docs-input folder, and warnings as `cargo:warning`.
//! Without the reqwest executor: the models and the sans-I/O client need only
//! serde, serde_json and http (see Cargo.toml).

use graph_docgen::config::Config;
use graph_docgen::emit::layout::Layout;
fn main() {
    // Build scripts run in the package root; a relative path keeps the
    // `Source:` lines of the generated docs machine-independent.
    if let Err(e) = Config::new()
        .input("docs-input")
        .layout(Layout::SingleFile)
        .executor(false)
        .build_script()
    {
        eprintln!("graph-docgen: {e}");
        std::process::exit(1);
    }
}
