//! Rich comparison as the interpreter calls it: `compare(a, b, op)` with the reflected
//! operand first for a proper subtype, `NotImplemented` passing to the other side, and
//! identity for `==`/`!=` as the last resort (`'<' not supported between instances of
//! 'A' and 'int'` otherwise). Built on `pyrt_core::protocol::rich_compare`.
//!
//! Owns nothing but this entry point.

use pyrt_core::types::CompareOp;
use pyrt_core::{Bound, PyResult, Python};

/// `a <op> b`.
///
/// ```
/// use pyrt_core::types::CompareOp;
/// pyrt_typeobject::Runtime::with(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let s = pyrt_core::builtins::str_new(py, "a").unwrap().into_any();
///     let e = pyrt_typeobject::ops::compare(py, &one, &s, CompareOp::Lt).unwrap_err();
///     assert_eq!(e.message(py), "'<' not supported between instances of 'int' and 'str'");
/// });
/// ```
pub fn compare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    pyrt_core::protocol::rich_compare(py, a, b, op)
}

/// `bool(a <op> b)`, with the identity shortcut containers use for `==`/`!=`.
///
/// ```
/// use pyrt_core::types::CompareOp;
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let b = pyrt_core::builtins::int_new(py, 2).unwrap().into_any();
///     assert!(pyrt_typeobject::ops::compare_bool(py, &a, &b, CompareOp::Lt).unwrap());
/// });
/// ```
pub fn compare_bool<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<bool> {
    pyrt_core::protocol::rich_compare_bool(py, a, b, op)
}
