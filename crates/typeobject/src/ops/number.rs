//! Conversions and predicates every other operation needs: `operator.index()`
//! (`nb_index`, whose result must be an `int`), the index as a machine integer, truth
//! (`nb_bool`, then the length) and `hash()`.
//!
//! Owns these conversions and their messages (`'str' object cannot be interpreted as an
//! integer`, `__index__ returned non-int (type str)`).

use crate::names::tp_name;
use pyrt_core::builtins::IntObject;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `operator.index(obj)`: an `int` itself, else the result of `nb_index`, which must be
/// an `int`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let t = pyrt_core::builtins::tuple_new(py, &[]).unwrap().into_any();
///     let e = pyrt_typeobject::ops::index(py, &t).unwrap_err();
///     assert_eq!(e.message(py), "'tuple' object cannot be interpreted as an integer");
/// });
/// ```
pub fn index<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py, IntObject>> {
    if let Ok(i) = obj.downcast::<IntObject>() {
        return Ok(i.clone());
    }
    let Some(f) = obj.ob_type().number().and_then(|n| n.nb_index.get()) else {
        return Err(PyErr::type_error(
            py,
            format!(
                "'{}' object cannot be interpreted as an integer",
                tp_name(obj.ob_type())
            ),
        ));
    };
    f(py, obj)?.downcast_into::<IntObject>().map_err(|r| {
        PyErr::type_error(
            py,
            format!("__index__ returned non-int (type {})", tp_name(r.ob_type())),
        )
    })
}

/// [`index`] as a machine integer (pyrt's ints are 64-bit, so every `int` fits).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let t = pyrt_core::protocol::bool_obj(py, true);
///     assert_eq!(pyrt_typeobject::ops::index_as_isize(py, &t).unwrap(), 1);
/// });
/// ```
pub fn index_as_isize(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    let v = index(py, obj)?.value();
    isize::try_from(v)
        .map_err(|_| PyErr::overflow_error(py, "cannot fit 'int' into an index-sized integer"))
}

/// `bool(obj)`: `nb_bool`, then `mp_length`/`sq_length`, else true.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let e = pyrt_core::builtins::tuple_new(py, &[]).unwrap().into_any();
///     assert!(!pyrt_typeobject::ops::is_true(py, &e).unwrap());
/// });
/// ```
pub fn is_true(py: Python<'_>, obj: &Bound<'_>) -> PyResult<bool> {
    pyrt_core::protocol::is_true(py, obj)
}

/// `not obj`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let none = pyrt_core::protocol::none(py);
///     assert!(pyrt_typeobject::ops::not(py, &none).unwrap());
/// });
/// ```
pub fn not(py: Python<'_>, obj: &Bound<'_>) -> PyResult<bool> {
    Ok(!is_true(py, obj)?)
}

/// `hash(obj)` through `tp_hash` (`unhashable type: 'A'` without one).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap().into_any();
///     let e = pyrt_typeobject::ops::hash(py, &l).unwrap_err();
///     assert_eq!(e.message(py), "unhashable type: 'list'");
/// });
/// ```
pub fn hash(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    match obj.ob_type().tp_hash.get() {
        Some(f) => f(py, obj),
        None => crate::type_ready::hash_not_implemented(py, obj),
    }
}
