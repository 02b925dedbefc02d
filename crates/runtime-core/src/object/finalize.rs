//! PEP 442 finalization at refcount zero: `tp_finalize` runs before anything of the
//! object is destroyed, at most once per object lifetime for collectable objects (the
//! finalized bit in the GC head), and the object may come back to life.
//!
//! Owns the finalizer call of the deallocation driver and the resurrection rule. Must
//! not destroy anything: `dealloc.rs` decides what happens next.

use super::{PyAny, alloc::gc_head_of};
use crate::handle::Bound;
use crate::runtime::Python;
use std::ptr::NonNull;

/// What became of an object after its finalizer ran.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum AfterFinalizer {
    /// Nothing took a new reference: deallocation goes on.
    Dead,
    /// The finalizer stored a reference somewhere: the object lives on.
    Resurrected,
}

/// Runs `tp_finalize` on a dying object if it has one and (for collectable objects) it
/// has not run before. While the finalizer runs the object is tracked and holds one
/// temporary reference; afterwards the reference is given back and, if the count is
/// still positive, the object was resurrected (it stays tracked).
///
/// # Safety
/// `obj` is a live object whose refcount is zero, about to be deallocated.
pub(crate) unsafe fn finalize_at_zero(py: Python<'_>, obj: NonNull<PyAny>) -> AfterFinalizer {
    // SAFETY: caller contract: still allocated.
    let any = unsafe { obj.as_ref() };
    let tp = any.ob_type();
    let Some(finalize) = tp.tp_finalize.get() else {
        return AfterFinalizer::Dead;
    };
    if tp.is_gc_object(any) {
        // SAFETY: collectable objects carry a head.
        let head = unsafe { gc_head_of(obj) };
        // SAFETY: the head is live (the object is).
        let h = unsafe { head.as_ref() };
        if h.is_finalized() {
            return AfterFinalizer::Dead;
        }
        h.set_finalized();
        if !h.is_tracked() {
            // A queued deallocation untracked it; the finalizer may store it anywhere.
            // SAFETY: a live, untracked head in front of a live object of this model.
            unsafe { py.state().gc.track(head) };
        }
    }
    // SAFETY: the count is zero (caller contract); this temporary reference is the only
    // one, owned by `temp`, and given back below without a second deallocation.
    let temp = unsafe {
        any.ob_base.ob_refcnt.set(1);
        Bound::from_owned_ptr(py, obj)
    };
    finalize(py, &temp);
    let p = temp.into_non_null();
    let rc = &any.ob_base.ob_refcnt;
    let left = rc.get() - 1;
    // SAFETY: giving back the temporary reference; at zero nobody else holds one and
    // the caller goes on deallocating (no decref, so no second deallocation).
    unsafe { rc.set(left) };
    let _ = p;
    if left > 0 {
        AfterFinalizer::Resurrected
    } else {
        AfterFinalizer::Dead
    }
}
