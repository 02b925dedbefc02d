//! The `weakref` module. GAP: pyrt's `weakref` type is being built on branch `gcw`;
//! until it is merged, `weakref.ref(...)` raises `NotImplementedError` rather than
//! pretending. After the merge, `ref` becomes pyrt's weakref type.
//!
//! Owns the module's contents.

use crate::builtins::native;
use pyrt_core::builtins::DictObject;
use pyrt_core::builtins::TupleObject;
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// The module's functions.
pub static FUNCTIONS: [MethodDef; 1] = [native("ref", weak_ref)];

fn weak_ref<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _kw: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    Err(PyErr::new(
        py,
        py.builtins().not_implemented_error(),
        "weakref.ref needs pyrt's weakref type (branch gcw), not merged yet",
    ))
}
