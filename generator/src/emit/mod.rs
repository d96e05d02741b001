//! IR → Rust tokens, one small function per emitted construct. Never reads markdown.

pub mod typeref;
