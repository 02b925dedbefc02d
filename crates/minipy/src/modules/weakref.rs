//! The `weakref` module: `ref` (and `ReferenceType`) is pyrt's `weakref.ReferenceType`.
//!
//! Owns the module's contents.

use pyrt_core::{Bound, PyAny, Python};

/// The module's attributes that are not functions.
pub fn attributes(py: Python<'_>) -> Vec<(&'static str, Bound<'_, PyAny>)> {
    let t = Bound::from_ref(py, py.builtins().weakref()).into_any();
    vec![("ref", t.clone()), ("ReferenceType", t)]
}
