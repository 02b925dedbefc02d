//! pyrt: a clean-room Python object runtime in Rust.
pub use pyrt_gc as gc;
