//! IR → Rust tokens, one small function per emitted construct. Never reads markdown.

pub mod client;
pub mod typeref;
