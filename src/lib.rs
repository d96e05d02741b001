//! The build-script use of graph-docgen: `build.rs` generates the Microsoft
//! Graph models from `docs-input/` into `OUT_DIR/graph_api.rs` (single-file
//! layout: nested inline modules), included here at the crate root.
//! `generated/` holds the same models as a vendored crate.

include!(concat!(env!("OUT_DIR"), "/graph_api.rs"));
