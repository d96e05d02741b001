//! The model (`model`), its JSON values (`json`), naming rules (`naming`) and the merge of page IRs into
//! one API per version (`merge`).

pub mod json;
pub mod merge;
pub mod model;
pub mod naming;
pub mod near_name;

pub use model::*;
