//! Reference counting: increment, decrement, and the hand-off to deallocation at zero.
//!
//! Owns the counter arithmetic only (its machine encoding lives in `rmw.rs`); what
//! happens at zero lives in `dealloc.rs`.

mod rmw;

use super::PyAny;
use crate::runtime::Python;
use std::ptr::NonNull;

/// Adds a strong reference.
///
/// ```
/// use pyrt_core::object::{decref, incref};
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
///     // SAFETY: `s` keeps the object live; the lock is held (`py`).
///     unsafe { incref(py, s.as_ptr()) };
///     assert_eq!(s.refcnt(), 2);
///     // SAFETY: gives back the reference taken above.
///     unsafe { decref(py, s.as_ptr()) };
///     assert_eq!(s.refcnt(), 1);
/// });
/// ```
///
/// # Safety
/// `obj` points to a live object, and the runtime lock is held (proved by `py`).
#[inline(always)]
pub unsafe fn incref(_py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: the caller guarantees the object is live.
    let rc = unsafe { &obj.as_ref().ob_base.ob_refcnt };
    // SAFETY: `rc` is the live object's counter, and the lock (`py`) keeps every other
    // thread off it. One more reference now exists (the caller's).
    unsafe { rmw::add_one(rc.as_ptr()) };
}

/// Drops a strong reference; at zero the object is deallocated.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let before = py.live_objects();
///     let p = pyrt_core::builtins::str_new(py, "x").unwrap().into_non_null();
///     assert_eq!(py.live_objects(), before + 1);
///     // SAFETY: `p` is live and we own its only reference, given up here.
///     unsafe { pyrt_core::object::decref(py, p.cast()) };
///     assert_eq!(py.live_objects(), before); // freed
/// });
/// ```
///
/// # Safety
/// `obj` points to a live object on which the caller owns one strong reference, which
/// this call consumes.
#[inline(always)]
pub unsafe fn decref(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: the caller owns a reference, so the object is live.
    let rc = unsafe { &obj.as_ref().ob_base.ob_refcnt };
    // SAFETY: as in `incref`; the caller gives up its reference. The closure runs only
    // when the count just reached zero: nobody else holds a reference.
    unsafe { rmw::sub_one(rc.as_ptr(), || super::dealloc::dealloc_at_zero(py, obj)) };
}
