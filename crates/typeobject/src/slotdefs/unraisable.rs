//! Reporting an exception that cannot propagate (raised by `__del__`), the way CPython
//! reports unraisable exceptions: `Exception ignored in: <context>` and the exception
//! on stderr.
//!
//! Owns only this report's text. Must not swallow anything else.

use crate::builtins::call::repr_of;
use pyrt_core::{Bound, PyErr, Python};

/// Writes the report for `err`, raised while running `context` (e.g. a `__del__`).
pub(crate) fn report(py: Python<'_>, err: &PyErr, context: Option<&Bound<'_>>) {
    let ctx = context
        .and_then(|c| repr_of(py, c).ok())
        .map(|s| s.as_str().to_owned())
        .unwrap_or_else(|| "None".to_owned());
    eprintln!(
        "Exception ignored in: {ctx}\n{}: {}",
        err.type_name(py),
        err.message(py)
    );
}
