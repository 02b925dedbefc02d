//! The slots `NoneType` and `NotImplementedType` define themselves: repr and truth.
//! Their hash (identity) comes from `object` through slot inheritance, as in CPython,
//! whose `NoneType.__dict__` has no `__hash__`.
//!
//! Owns: those slots, and `tp_new`, which returns the singleton (`NoneType()` is `None`;
//! any argument raises `TypeError: NoneType takes no arguments`). Must not create the
//! singletons.

use crate::builtins::call::new_str;
use crate::builtins::use_number_table;
use pyrt_core::builtins::{DictObject, TupleObject};
use pyrt_core::types::TypeObject;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// Stores the slots of `NoneType` and `NotImplementedType`.
pub(crate) fn install(none: &TypeObject, not_implemented: &TypeObject) {
    none.tp_repr.set(Some(none_repr));
    none.tp_new.set(Some(none_new));
    not_implemented.tp_new.set(Some(not_implemented_new));
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

/// Returns `singleton` if no argument is given, else CPython's "takes no arguments".
fn singleton_new<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    singleton: &pyrt_core::PyAny,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    if !args.is_empty() || kwargs.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(
            py,
            format!("{} takes no arguments", tp.name_string()),
        ));
    }
    Ok(Bound::from_ref(py, singleton))
}

fn none_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    singleton_new(py, tp, py.singletons().none(), args, kwargs)
}

fn not_implemented_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    singleton_new(py, tp, py.singletons().not_implemented(), args, kwargs)
}
