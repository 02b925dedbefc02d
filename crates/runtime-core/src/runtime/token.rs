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

/// Making a token (unsafe: only under the lock), and what a token reaches: the state,
/// the builtin types, the singletons, the live-object count, the collector's safe point.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let none = py.singletons().none();
///     assert!(std::ptr::eq(none.ob_type(), py.builtins().none_type()));
/// });
/// ```
impl<'py> Python<'py> {
    /// Creates a token.
    ///
    /// ```
    /// use pyrt_core::{Python, runtime::lock_held_by_this_thread};
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert!(lock_held_by_this_thread());
    ///     // SAFETY: this thread holds the lock (checked above) for the whole closure, and
    ///     // the state exists (we are inside the runtime).
    ///     let again = unsafe { Python::assume_locked() };
    ///     assert!(std::ptr::eq(again.state(), py.state()));
    /// });
    /// ```
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
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let st = py.state();
    ///     assert!(std::ptr::eq(&st.builtins, py.builtins()));
    ///     assert!(std::ptr::eq(&st.singletons, py.singletons()));
    /// });
    /// ```
    #[inline(always)]
    pub fn state(self) -> &'py RuntimeState {
        // SAFETY: token invariants 1 and 2: the state was created under the runtime
        // lock before this thread, which holds the lock, created the token — so its
        // creation happens-before this read, and it is never written again.
        unsafe { STATE.get_unchecked() }
    }

    /// The builtin type objects.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     assert!(std::ptr::eq(s.ob_type(), py.builtins().str_()));
    /// });
    /// ```
    #[inline(always)]
    pub fn builtins(self) -> &'py BuiltinTypes {
        &self.state().builtins
    }

    /// The singletons (`None`, `True`, `False`, `NotImplemented`, `()`).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = py.singletons();
    ///     assert_eq!(s.none().type_name(), "NoneType");
    ///     assert_eq!(s.bool_(true).value(), 1);
    /// });
    /// ```
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
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let before = py.live_objects();
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     assert_eq!(py.live_objects(), before + 1);
    ///     drop(s);
    ///     assert_eq!(py.live_objects(), before);
    ///     let _ = pyrt_core::builtins::intern(py, "live_objects example").unwrap();
    ///     assert_eq!(py.live_objects(), before); // interned: immortal, not counted
    /// });
    /// ```
    pub fn live_objects(self) -> isize {
        let st = self.state();
        st.live.get() - st.immortal.get()
    }
}
