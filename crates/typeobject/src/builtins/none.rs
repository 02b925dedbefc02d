//! The slots `NoneType` and `NotImplementedType` define themselves: repr and truth.
//! Their hash (identity) comes from `object` through slot inheritance, as in CPython,
//! whose `NoneType.__dict__` has no `__hash__`.
//!
//! Owns: those slots. Must not: create the singletons, or set `tp_new` (CPython's
//! `NoneType()` returns `None` and `NoneType(1)` raises `TypeError: NoneType takes no
//! arguments`; here both types stay non-instantiable, as decided by the runtime).

use crate::builtins::call::new_str;
use crate::builtins::use_number_table;
use pyrt_core::types::TypeObject;
use pyrt_core::{Bound, PyResult, Python};

/// Stores the slots of `NoneType` and `NotImplementedType`.
pub(crate) fn install(none: &TypeObject, not_implemented: &TypeObject) {
    none.tp_repr.set(Some(none_repr));
    use_number_table(none);
    none.as_number.nb_bool.set(Some(none_bool));
    not_implemented.tp_repr.set(Some(not_implemented_repr));
    use_number_table(not_implemented);
    not_implemented
        .as_number
        .nb_bool
        .set(Some(not_implemented_bool));
}

fn none_repr<'py>(py: Python<'py>, _obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_str(py, "None")
}

fn none_bool(_py: Python<'_>, _obj: &Bound<'_>) -> PyResult<bool> {
    Ok(false)
}

fn not_implemented_repr<'py>(py: Python<'py>, _obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_str(py, "NotImplemented")
}

/// `bool(NotImplemented)` is true; CPython 3.11 also emits a `DeprecationWarning`,
/// which pyrt has no machinery for yet.
fn not_implemented_bool(_py: Python<'_>, _obj: &Bound<'_>) -> PyResult<bool> {
    Ok(true)
}
