//! The build-script use of graph-docgen: `build.rs` generates the Microsoft
//! Graph models and clients from `docs-input/` into `OUT_DIR/graph_api.rs`
//! (single-file layout: nested inline modules), included here at the crate
//! root. Without the reqwest executor: operations return
//! `runtime::ApiRequest`s to send with any HTTP stack. `generated/` holds the
//! same models and clients, with the executor, as a vendored crate.

include!(concat!(env!("OUT_DIR"), "/graph_api.rs"));
