//! The `int` (and `bool`) payload: a 64-bit signed value.
//!
//! Owns the layout and constructor. Arithmetic and overflow rules live in the `int`
//! type's slots.

use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::{ObjectHeader, PyAny, PyLayout, generic_alloc};
use crate::runtime::Python;
use crate::types::TypeFlags;
use std::cell::Cell;

/// An `int` object (also the layout of `bool`).
#[repr(C)]
pub struct IntObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The value.
    pub value: Cell<i64>,
}

// SAFETY: repr(C), header first, zero-valid; LONG_SUBCLASS marks int and its subtypes.
unsafe impl PyLayout for IntObject {
    fn type_check(obj: &PyAny) -> bool {
        obj.ob_type().has_flag(TypeFlags::LONG_SUBCLASS)
    }
}

impl IntObject {
    /// The value.
    pub fn value(&self) -> i64 {
        self.value.get()
    }
}

/// A new `int`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert_eq!(pyrt_core::builtins::int_new(py, 42).unwrap().value(), 42);
/// });
/// ```
pub fn int_new(py: Python<'_>, v: i64) -> PyResult<Bound<'_, IntObject>> {
    let o = generic_alloc(py, py.builtins().int(), 0)?;
    // SAFETY: allocated as an int.
    let i = unsafe { o.downcast_unchecked::<IntObject>() };
    i.value.set(v);
    Ok(i.clone())
}
