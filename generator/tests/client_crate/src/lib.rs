//! Test crate for the client emitter: the generated `client` modules and
//! `runtime` (written here by `generator/tests/client_seeds.rs`) with
//! hand-written `models` and `primitives` that follow the model conventions.
#![deny(warnings)]

pub mod primitives;
pub mod runtime;

pub mod beta {
    pub mod client;
    pub mod models;
}

pub mod v1_0 {
    pub mod client;
    pub mod models;
}
