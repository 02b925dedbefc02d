//! The runtime lock (a reentrant `parking_lot` mutex) and entry into the runtime.
//!
//! Owns acquiring/releasing the lock, the per-thread "held" depth, and decrefs that
//! arrive from threads not holding the lock. Must not touch objects except to apply
//! those pending decrefs.

use super::state::STATE;
use super::token::Python;
use crate::object::PyAny;
use parking_lot::{Mutex, ReentrantMutex};
use std::cell::Cell;
use std::ptr::NonNull;

static LOCK: ReentrantMutex<()> = ReentrantMutex::new(());

/// Decrefs requested by `Py<T>` drops on threads that did not hold the lock
/// (addresses, applied at the next `enter`).
static PENDING_DECREFS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

thread_local! {
    static HELD: Cell<usize> = const { Cell::new(0) };
}

/// Whether the current thread holds the runtime lock.
///
/// ```
/// assert!(!pyrt_core::runtime::lock_held_by_this_thread());
/// pyrt_core::with_test_runtime(|_py| assert!(pyrt_core::runtime::lock_held_by_this_thread()));
/// ```
pub fn lock_held_by_this_thread() -> bool {
    HELD.with(|h| h.get() > 0)
}

struct HeldGuard;

impl Drop for HeldGuard {
    fn drop(&mut self) {
        HELD.with(|h| h.set(h.get() - 1));
    }
}

/// Acquires the runtime lock (reentrantly), creates the runtime state on first use and
/// runs `init` once, applies pending decrefs, then calls `f` with a token.
///
/// The outermost entry on a thread (one that did not hold the lock yet) is a
/// garbage-collection safe point: no slot function can be mid-update there, so the
/// collection the allocation thresholds call for, if any, runs before `f`.
///
/// ```
/// fn init(_py: pyrt_core::Python<'_>) {}
/// let n = pyrt_core::runtime::enter(init, |py| py.live_objects());
/// assert!(n >= 0);
/// ```
pub fn enter<R>(init: fn(Python<'_>), f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
    let _lock = LOCK.lock();
    let outermost = HELD.with(|h| h.replace(h.get() + 1)) == 0;
    let _held = HeldGuard;
    // SAFETY: the lock is held (`_lock`).
    let st = unsafe { STATE.get_or_create() };
    // SAFETY: 1. the lock is held until `_lock` drops, after `f` returns;
    // 2. the state was created just above, by this thread or (under the same lock)
    //    by one whose release of the lock this thread's acquisition follows.
    let py = unsafe { Python::assume_locked() };
    if !st.initialized.replace(true) {
        init(py);
    }
    apply_pending_decrefs(py);
    if outermost {
        crate::gc::safe_point(py);
    }
    f(py)
}

/// Records a decref from a thread that does not hold the lock.
pub(crate) fn push_pending_decref(obj: NonNull<PyAny>) {
    PENDING_DECREFS.lock().push(obj.as_ptr() as usize);
}

fn apply_pending_decrefs(py: Python<'_>) {
    let pending = std::mem::take(&mut *PENDING_DECREFS.lock());
    for addr in pending {
        // SAFETY: each address was a live object whose owner gave up one reference.
        unsafe { crate::object::decref(py, NonNull::new_unchecked(addr as *mut PyAny)) };
    }
}
