//! The `Python<'py>` token: a zero-sized proof that the runtime lock is held.
//!
//! Owns only the token. Must not add state to it (it is `Copy` and zero-sized).

use super::state::{BuiltinTypes, RuntimeState, STATE, Singletons};
use std::marker::PhantomData;

/// Proof that the current thread holds the runtime lock for `'py` and the runtime is
/// initialised. Zero-sized, `Copy`, and neither `Send` nor `Sync`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert!(py.live_objects() >= 0);
/// });
/// ```
#[derive(Clone, Copy)]
pub struct Python<'py> {
    _lifetime: PhantomData<&'py ()>,
    _not_send: PhantomData<*mut ()>,
}

impl<'py> Python<'py> {
    /// Creates a token.
    ///
    /// # Safety
    /// 1. The current thread holds the runtime lock for all of `'py`.
    /// 2. The runtime state has been created (see [`super::enter`], which creates it
    ///    under the lock; [`Python::state`] reads it with a plain load on that basis).
    pub unsafe fn assume_locked() -> Python<'py> {
        Python {
            _lifetime: PhantomData,
            _not_send: PhantomData,
        }
    }

    /// The runtime state: a constant address, no load or test (see the invariant of
    /// the state's static slot in `state.rs`).
    #[inline(always)]
    pub fn state(self) -> &'py RuntimeState {
        // SAFETY: token invariants 1 and 2: the state was created under the runtime
        // lock before this thread, which holds the lock, created the token — so its
        // creation happens-before this read, and it is never written again.
        unsafe { STATE.get_unchecked() }
    }

    /// The builtin type objects.
    #[inline(always)]
    pub fn builtins(self) -> &'py BuiltinTypes {
        &self.state().builtins
    }

    /// The singletons (`None`, `True`, `False`, `NotImplemented`, `()`).
    #[inline(always)]
    pub fn singletons(self) -> &'py Singletons {
        &self.state().singletons
    }

    /// The embedder's garbage-collection safe point: runs the collection the
    /// allocation thresholds call for, if any (see [`crate::gc::safe_point`]). Call it
    /// where no object is in the middle of an update, e.g. between two steps of the
    /// embedding program.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     pyrt_core::gc::disable(py);
    ///     assert!(py.gc_safe_point().is_none());
    ///     pyrt_core::gc::enable(py);
    /// });
    /// ```
    pub fn gc_safe_point(self) -> Option<pyrt_gc::CollectResult> {
        crate::gc::safe_point(self)
    }

    /// Number of live objects allocated through `tp_alloc` and not yet freed, excluding
    /// immortal ones (interned strings, singletons, static types).
    pub fn live_objects(self) -> isize {
        let st = self.state();
        st.live.get() - st.immortal.get()
    }
}
