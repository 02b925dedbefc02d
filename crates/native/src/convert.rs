//! Small conversions native methods need most: Rust values to objects (`none`, `int`,
//! `string`) and objects to Rust values (`extract_i64`), with CPython's messages.
//!
//! Owns these helpers only; anything richer goes through `pyrt::ops` / `pyrt::call`.

use pyrt_core::builtins::{int_new, str_new};
use pyrt_core::{Bound, PyAny, PyResult, Python};

/// `None`.
///
/// ```
/// pyrt_native::Runtime::with(|py| {
///     assert_eq!(pyrt_native::none(py).type_name(), "NoneType");
/// });
/// ```
pub fn none(py: Python<'_>) -> Bound<'_, PyAny> {
    pyrt_core::protocol::none(py)
}

/// An `int`.
///
/// ```
/// pyrt_native::Runtime::with(|py| {
///     let i = pyrt_native::int(py, 42).unwrap();
///     assert_eq!(pyrt_native::extract_i64(&i).unwrap(), 42);
/// });
/// ```
pub fn int(py: Python<'_>, v: i64) -> PyResult<Bound<'_, PyAny>> {
    Ok(int_new(py, v)?.into_any())
}

/// A `str`.
///
/// ```
/// pyrt_native::Runtime::with(|py| {
///     assert_eq!(pyrt_native::string(py, "hi").unwrap().type_name(), "str");
/// });
/// ```
pub fn string<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyAny>> {
    Ok(str_new(py, s)?.into_any())
}

/// The integer value of `obj` through `__index__`:
/// `TypeError: 'str' object cannot be interpreted as an integer` otherwise.
///
/// ```
/// pyrt_native::Runtime::with(|py| {
///     let s = pyrt_native::string(py, "x").unwrap();
///     let e = pyrt_native::extract_i64(&s).unwrap_err();
///     assert_eq!(e.message(py), "'str' object cannot be interpreted as an integer");
/// });
/// ```
pub fn extract_i64(obj: &Bound<'_, PyAny>) -> PyResult<i64> {
    Ok(pyrt_typeobject::ops::index(obj.py(), obj)?.value())
}

/// `getattr(obj, name)`.
///
/// ```
/// pyrt_native::Runtime::with(|py| {
///     let s = pyrt_native::string(py, "x").unwrap();
///     assert!(pyrt_native::get_attr(py, &s, "upper").is_ok());
/// });
/// ```
pub fn get_attr<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let n = str_new(py, name)?.into_any();
    pyrt_typeobject::attr::getattr(py, obj, &n)
}

/// `setattr(obj, name, value)`.
///
/// ```
/// pyrt_native::Runtime::with(|py| {
///     let c = pyrt_native::new_class(py, "C", &[], None).unwrap();
///     let one = pyrt_native::int(py, 1).unwrap();
///     pyrt_native::set_attr(py, c.as_any(), "x", &one).unwrap();
///     assert!(pyrt_native::get_attr(py, c.as_any(), "x").is_ok());
/// });
/// ```
pub fn set_attr<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
    value: &Bound<'py, PyAny>,
) -> PyResult<()> {
    let n = str_new(py, name)?.into_any();
    pyrt_typeobject::attr::setattr(py, obj, &n, Some(value))
}
