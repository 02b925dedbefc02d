//! Reference counting: increment, decrement, and the hand-off to deallocation at zero.
//!
//! Owns the counter arithmetic only; what happens at zero lives in `dealloc.rs`.

use super::PyAny;
use crate::runtime::Python;
use std::ptr::NonNull;

/// Adds a strong reference.
///
/// # Safety
/// `obj` points to a live object, and the runtime lock is held (proved by `py`).
#[inline(always)]
pub unsafe fn incref(_py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: the caller guarantees the object is live.
    let rc = unsafe { &obj.as_ref().ob_base.ob_refcnt };
    // SAFETY: one more reference now exists (the caller's).
    unsafe { rc.set(rc.get() + 1) };
}

/// Drops a strong reference; at zero the object is deallocated.
///
/// # Safety
/// `obj` points to a live object on which the caller owns one strong reference, which
/// this call consumes.
#[inline(always)]
pub unsafe fn decref(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: the caller owns a reference, so the object is live.
    let rc = unsafe { &obj.as_ref().ob_base.ob_refcnt };
    let n = rc.get() - 1;
    // SAFETY: the caller gives up its reference.
    unsafe { rc.set(n) };
    if n == 0 {
        // SAFETY: the count just reached zero: nobody else holds a reference.
        unsafe { super::dealloc::dealloc_at_zero(py, obj) };
    }
}
