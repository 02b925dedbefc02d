//! The `int` (and `bool`) payload: a 64-bit signed value.
//!
//! Owns the layout and constructor. Arithmetic and overflow rules live in the `int`
//! type's slots.

use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::{PyAny, PyLayout, VarHeader, generic_alloc};
use crate::runtime::Python;
use crate::types::TypeFlags;
use std::cell::Cell;

/// An `int` object (also the layout of `bool`).
///
/// Like CPython's, `int` is a variable-size type (`tp_basicsize` 24, `tp_itemsize` 4);
/// pyrt's ints are 64-bit, so every int has exactly [`INT_ITEMS`] items, which hold the
/// value. The variable size matters for layout rules: two `int` subclasses that add
/// fields conflict as bases, as in CPython.
#[repr(C)]
pub struct IntObject {
    /// Header; `ob_size` is [`INT_ITEMS`].
    pub ob_base: VarHeader,
    /// The value (stored in the item area).
    pub value: Cell<i64>,
}

/// Number of 4-byte items of every int.
pub const INT_ITEMS: isize = 2;

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
    int_alloc(py, py.builtins().int(), v)
}

/// A new instance of `tp` (`int` or a subclass) with value `v`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert_eq!(pyrt_core::builtins::int_alloc(py, py.builtins().int(), 7).unwrap().value(), 7);
/// });
/// ```
pub fn int_alloc<'py>(
    py: Python<'py>,
    tp: &crate::types::TypeObject,
    v: i64,
) -> PyResult<Bound<'py, IntObject>> {
    let alloc = tp.tp_alloc.get().unwrap_or(generic_alloc);
    let o = alloc(py, tp, INT_ITEMS)?;
    // SAFETY: allocated as an int.
    let i = unsafe { o.downcast_unchecked::<IntObject>() };
    i.value.set(v);
    Ok(i.clone())
}
