//! The read-only attributes of `int` (getset descriptors, as CPython's):
//! `real`, `imag`, `numerator`, `denominator`.
//!
//! Owns the `GETSET` table stored in `int`'s `tp_getset`.

use super::{int_value, new_int};
use pyrt_core::types::GetSetDef;
use pyrt_core::{Bound, PyResult, Python};

fn same<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_int(py, int_value(obj))
}

fn zero<'py>(py: Python<'py>, _obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_int(py, Some(0))
}

fn one<'py>(py: Python<'py>, _obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_int(py, Some(1))
}

/// `int`'s getset table.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let five = pyrt_core::builtins::int_new(py, 5).unwrap().into_any();
///     let k = pyrt_core::builtins::intern(py, "denominator").unwrap().into_any();
///     let d = pyrt_typeobject::attr::getattr(py, &five, &k).unwrap();
///     assert_eq!(d.downcast::<pyrt_core::builtins::IntObject>().unwrap().value(), 1);
/// });
/// ```
pub static GETSET: [GetSetDef; 4] = [
    GetSetDef {
        name: "real",
        get: Some(same),
        set: None,
        doc: Some("the real part of a complex number"),
    },
    GetSetDef {
        name: "imag",
        get: Some(zero),
        set: None,
        doc: Some("the imaginary part of a complex number"),
    },
    GetSetDef {
        name: "numerator",
        get: Some(same),
        set: None,
        doc: Some("the numerator of a rational number in lowest terms"),
    },
    GetSetDef {
        name: "denominator",
        get: Some(one),
        set: None,
        doc: Some("the denominator of a rational number in lowest terms"),
    },
];
