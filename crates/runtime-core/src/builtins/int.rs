//! The `int` (and `bool`) payload: a 64-bit signed value.
//!
//! Owns the layout, the constructor and the small-int cache (the objects themselves are
//! allocated with the runtime state's singletons, `runtime/state.rs`). Arithmetic and overflow rules live in the `int`
//! type's slots.

use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::{PyAny, PyLayout, VarHeader, generic_alloc};
use crate::runtime::Python;
use crate::types::TypeFlags;
use std::cell::Cell;
use std::ptr::NonNull;

/// An `int` object (also the layout of `bool`).
///
/// Like CPython's, `int` is a variable-size type (`tp_basicsize` 24, `tp_itemsize` 4);
/// pyrt's ints are 64-bit, so every int has exactly [`INT_ITEMS`] items, which hold the
/// value. The variable size matters for layout rules: two `int` subclasses that add
/// fields conflict as bases, as in CPython.
///
/// ```
/// use pyrt_core::builtins::{INT_ITEMS, int_new};
/// pyrt_core::with_test_runtime(|py| {
///     let i = int_new(py, 1 << 40).unwrap();
///     assert_eq!(i.ob_base.ob_size.get(), INT_ITEMS);
///     assert_eq!(i.value(), 1 << 40);
///     assert_eq!(py.singletons().bool_(true).value(), 1); // `bool` shares the layout
/// });
/// ```
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

/// Reading the value.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert_eq!(pyrt_core::builtins::int_new(py, 300).unwrap().value(), 300);
/// });
/// ```
impl IntObject {
    /// The value.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert_eq!(pyrt_core::builtins::int_new(py, -7).unwrap().value(), -7);
    ///     assert_eq!(py.singletons().bool_(false).value(), 0);
    /// });
    /// ```
    pub fn value(&self) -> i64 {
        self.value.get()
    }
}

/// Smallest value of the small-int cache (as CPython's: `-5`).
pub const SMALL_INT_MIN: i64 = -5;
/// Largest value of the small-int cache (as CPython's: `256`).
pub const SMALL_INT_MAX: i64 = 256;
/// Number of cached small ints.
pub const SMALL_INT_COUNT: usize = (SMALL_INT_MAX - SMALL_INT_MIN + 1) as usize;

/// The cached `int` of value `v`, if `v` is in `SMALL_INT_MIN..=SMALL_INT_MAX`.
///
/// The cached ints are allocated once when the runtime state is created (static storage,
/// never freed, never counted by `live_objects`); each holds the state's reference, so
/// correct refcounting never brings one to zero (see [`int_dealloc`]).
#[inline(always)]
fn small_int(py: Python<'_>, v: i64) -> Option<&IntObject> {
    let i = v.wrapping_sub(SMALL_INT_MIN) as u64;
    if i >= SMALL_INT_COUNT as u64 {
        return None;
    }
    let base = py.singletons().small_ints();
    // SAFETY: `i < SMALL_INT_COUNT`: inside the array allocated at state creation, never
    // freed, whose every element was initialised as an `int`.
    Some(unsafe { base.add(i as usize).as_ref() })
}

/// Whether `obj` is one of the cached small ints.
fn is_small_int(py: Python<'_>, obj: NonNull<PyAny>) -> bool {
    let base = py.singletons().small_ints().as_ptr() as usize;
    let end = base + SMALL_INT_COUNT * std::mem::size_of::<IntObject>();
    (base..end).contains(&(obj.as_ptr() as usize))
}

/// An `int` of value `v`: a new reference to the cached object for
/// `SMALL_INT_MIN..=SMALL_INT_MAX` (so `int_new(py, 1)` twice gives the same object, as
/// `1 is 1` in CPython), otherwise a new object.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert_eq!(pyrt_core::builtins::int_new(py, 42).unwrap().value(), 42);
///     let (a, b) = (pyrt_core::builtins::int_new(py, 7).unwrap(), pyrt_core::builtins::int_new(py, 7).unwrap());
///     assert!(a.is(&b));
/// });
/// ```
#[inline]
pub fn int_new(py: Python<'_>, v: i64) -> PyResult<Bound<'_, IntObject>> {
    match small_int(py, v) {
        Some(o) => Ok(Bound::from_ref(py, o)),
        None => int_alloc(py, py.builtins().int(), v),
    }
}

/// An instance of `tp` (`int` or a subclass) with value `v`. For exactly `int` and a
/// small value this is the cached object (see [`int_new`]); otherwise a new object.
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
    if std::ptr::eq(tp, py.builtins().int())
        && let Some(o) = small_int(py, v)
    {
        return Ok(Bound::from_ref(py, o));
    }
    let alloc = tp.tp_alloc.get().unwrap_or(generic_alloc);
    let o = alloc(py, tp, INT_ITEMS)?;
    // SAFETY: allocated as an int.
    let i = unsafe { o.downcast_unchecked::<IntObject>() };
    i.value.set(v);
    Ok(i.clone())
}

/// `tp_dealloc` of `int`: frees the object, except a cached small int, which correct
/// refcounting never brings to zero; one that gets there anyway (an embedder's
/// refcounting bug) gets its reference back instead of having its static storage freed.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().int().tp_dealloc.get().unwrap();
///     assert!(t as usize == pyrt_core::builtins::int_dealloc as usize);
/// });
/// ```
///
/// # Safety
/// `obj` is an `int` (or subclass instance laid out as one) with refcount zero.
pub unsafe fn int_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    if is_small_int(py, obj) {
        // SAFETY: a cached int lives in static storage, never freed: still valid.
        unsafe { obj.as_ref().ob_base.ob_refcnt.set(1) };
        return;
    }
    // SAFETY: forwarded; not a cached int, so it was allocated through `tp_alloc`.
    unsafe { crate::builtins::layouts::object_dealloc(py, obj) }
}
