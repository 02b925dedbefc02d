//! The `weakref` module. GAP: pyrt's `weakref` type is being built on branch `gcw`;
//! until it is merged, `weakref.ref(...)` raises `NotImplementedError` rather than
//! pretending. After the merge, `ref` becomes pyrt's weakref type.
//!
//! Owns the module's contents.

use crate::objects::builtin_fn::NativeFn;
use pyrt_core::builtins::DictObject;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// The module's functions.
pub const FUNCTIONS: &[(&str, NativeFn)] = &[("ref", weak_ref)];

fn weak_ref<'py>(
    py: Python<'py>,
    _s: Option<&Bound<'py, PyAny>>,
    _args: &[Bound<'py, PyAny>],
    _kw: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    Err(PyErr::new(
        py,
        py.builtins().not_implemented_error(),
        "weakref.ref needs pyrt's weakref type (branch gcw), not merged yet",
    ))
}
