//! `repr(obj)` and `str(obj)` through `tp_repr` / `tp_str`, with the result checks
//! (`__repr__ returned non-string (type int)`).
//!
//! Owns nothing but these entry points (the work is `builtins::call`'s).

use pyrt_core::builtins::StrObject;
use pyrt_core::{Bound, PyResult, Python};

/// `repr(obj)`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let s = pyrt_core::builtins::str_new(py, "a").unwrap().into_any();
///     assert_eq!(pyrt_typeobject::ops::repr(py, &s).unwrap().as_str(), "'a'");
/// });
/// ```
pub fn repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py, StrObject>> {
    crate::builtins::call::repr_of(py, obj)
}

/// `str(obj)`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let s = pyrt_core::builtins::str_new(py, "a").unwrap().into_any();
///     assert_eq!(pyrt_typeobject::ops::str(py, &s).unwrap().as_str(), "a");
/// });
/// ```
pub fn str<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py, StrObject>> {
    crate::builtins::call::str_of(py, obj)
}
