//! The fence around user closures: a Rust panic inside a method, getter, setter or
//! constructor becomes a `RuntimeError` instead of unwinding through the runtime.
//!
//! Owns that conversion only.

use pyrt_core::{PyErr, PyResult, Python};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `f`, turning a panic into `RuntimeError: Rust panic: <message>`.
///
/// Borrow guards release their flag while unwinding, so the payload stays usable.
pub(crate) fn fenced<R>(py: Python<'_>, f: impl FnOnce() -> PyResult<R>) -> PyResult<R> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(no message)".to_owned());
            Err(PyErr::runtime_error(py, format!("Rust panic: {msg}")))
        }
    }
}
