//! pyrt-core: the object core of pyrt.
//!
//! Owns: the two-word object header and refcounting ([`object`]), allocation with an
//! optional GC head, the handles ([`Bound`], [`Py`]), the runtime lock and the
//! [`Python`] token ([`runtime`]), the [`TypeObject`] layout with every slot, flag and
//! slot number ([`types`]), the core payloads (`str`, `int`, `tuple`, `list`, `dict`,
//! exceptions: [`builtins`]), [`PyErr`]/[`PyResult`], the slot dispatch the
//! containers need ([`protocol`]), weak references ([`weakref`]), the report of errors
//! nobody can receive ([`unraisable`]), and the embedder's `gc` module and collector
//! bridge ([`gc`]). Type semantics (readying, inheritance, MRO,
//! attribute lookup) live in `pyrt-typeobject`, above this crate.
//!
//! ```
//! pyrt_core::with_test_runtime(|py| {
//!     let t = pyrt_core::builtins::tuple_new(py, &[]).unwrap();
//!     assert_eq!(t.len(), 0);
//! });
//! ```

pub mod builtins;
pub mod err;
pub mod gc;
pub mod handle;
pub mod object;
pub mod protocol;
pub mod runtime;
pub mod types;
pub mod unraisable;
pub mod weakref;

pub use err::{PyErr, PyResult};
pub use handle::{Bound, Py};
pub use object::{PyAny, PyLayout};
pub use runtime::Python;
pub use types::{TypeFlags, TypeObject};

/// Enters the runtime with only the core layouts initialised (for this crate's own
/// tests and examples; embedders use `pyrt::Runtime`, which readies every type).
///
/// ```
/// assert!(pyrt_core::with_test_runtime(|py| py.live_objects()) >= 0);
/// ```
pub fn with_test_runtime<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
    runtime::enter(builtins::init_core_layouts, f)
}
