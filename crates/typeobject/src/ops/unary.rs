//! Unary operators through the number slots: `-a`, `+a`, `~a`, `abs(a)`, with
//! `bad operand type for unary -: 'A'`.
//!
//! Owns that dispatch and message only.

use super::operators::UnaryOp;
use crate::names::tp_name;
use pyrt_core::types::SlotValue;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `<op> a`.
///
/// ```
/// use pyrt_typeobject::ops::{UnaryOp, unary_op};
/// pyrt_typeobject::Runtime::with(|py| {
///     let five = pyrt_core::builtins::int_new(py, 5).unwrap().into_any();
///     let r = unary_op(py, &five, UnaryOp::Neg).unwrap();
///     assert_eq!(pyrt_typeobject::ops::repr(py, &r).unwrap().as_str(), "-5");
///     let none = pyrt_core::protocol::none(py);
///     let e = unary_op(py, &none, UnaryOp::Invert).unwrap_err();
///     assert_eq!(e.message(py), "bad operand type for unary ~: 'NoneType'");
/// });
/// ```
pub fn unary_op<'py>(py: Python<'py>, a: &Bound<'py>, op: UnaryOp) -> PyResult<Bound<'py>> {
    match a.ob_type().get_slot(op.slot()) {
        Some(SlotValue::Unary(f)) => f(py, a),
        _ => Err(PyErr::type_error(
            py,
            format!(
                "bad operand type for {}: '{}'",
                op.symbol(),
                tp_name(a.ob_type())
            ),
        )),
    }
}
