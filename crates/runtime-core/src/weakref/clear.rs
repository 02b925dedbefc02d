//! Clearing weak references when their referent goes, and running their callbacks.
//!
//! Owns CPython's order: first *every* weak reference to the object is cleared (so a
//! callback finds all of them dead, and the referent unreachable), then the callbacks
//! run in list order, each with its weak reference as the only argument, each after its
//! `__callback__` was cleared; an error in a callback is reported as unraisable. The
//! collector's variant clears without calling and hands the callbacks back as
//! [`PendingWeakref`]s, so it can decide which ones may run.
//!
//! Must not free anything itself: strong references taken here are released with
//! `decref`, which may.

use super::list::{WeakListHead, clear_ref, weaklist_of};
use super::object::{WeakRef, is_weakref_type};
use crate::builtins::tuple_new;
use crate::err::PyErr;
use crate::handle::Bound;
use crate::object::PyAny;
use crate::runtime::Python;
use smallvec::SmallVec;
use std::ptr::NonNull;

/// A cleared weak reference whose callback is still owed (the collector's
/// `ObjectModel::WeakrefCallback` for pyrt objects): owns one strong reference to the
/// weak reference object. Opaque; only the collector bridge runs or discards it.
///
/// ```
/// fn owed(_: &pyrt_core::weakref::PendingWeakref) {}
/// ```
pub struct PendingWeakref(NonNull<WeakRef>);

impl PendingWeakref {
    /// The weak reference object.
    pub(crate) fn object(&self) -> NonNull<PyAny> {
        self.0.cast()
    }

    /// Calls the callback (if it is still set), then releases the reference.
    pub(crate) fn call(self, py: Python<'_>) {
        // SAFETY: the pending record owns one strong reference.
        let wr = unsafe { Bound::from_owned_ptr(py, self.0) };
        call_callback(py, &wr);
    }

    /// Releases the reference without calling the callback.
    pub(crate) fn discard(self, py: Python<'_>) {
        // SAFETY: the pending record owns one strong reference.
        drop(unsafe { Bound::<WeakRef>::from_owned_ptr(py, self.0) });
    }
}

/// Clears every weak reference on `list`; returns those with callbacks, each with a
/// strong reference, in list order.
fn clear_list(py: Python<'_>, list: &WeakListHead) -> SmallVec<[PendingWeakref; 4]> {
    let mut pending = SmallVec::new();
    while let Some(first) = list.first() {
        // SAFETY: list members are live weak references.
        let wr = unsafe { first.as_ref() };
        clear_ref(wr);
        if !wr.callback.is_none() {
            // SAFETY: live; the reference is owned by the pending record.
            unsafe { crate::object::incref(py, first.cast()) };
            pending.push(PendingWeakref(first));
        }
    }
    pending
}

/// Runs `wr`'s callback once: the callback is taken out first (so `__callback__` reads
/// `None` inside it and it can never run twice), called with `wr`, and an error is
/// reported through [`crate::unraisable::write_unraisable`] with the callback as the
/// object.
fn call_callback(py: Python<'_>, wr: &Bound<'_, WeakRef>) {
    let Some(callback) = wr.callback.take(py) else {
        return;
    };
    let result = tuple_new(py, std::slice::from_ref(wr.as_any())).and_then(|args| {
        match callback.ob_type().tp_call.get() {
            Some(call) => call(py, &callback, args.as_any(), None).map(drop),
            None => Err(PyErr::type_error(
                py,
                format!("'{}' object is not callable", callback.type_name()),
            )),
        }
    });
    if let Err(e) = result {
        crate::unraisable::write_unraisable(py, e, Some(&callback));
    }
}

/// The refcount-death step for weak references: clears every weak reference to `obj`
/// (a dying object whose count reached zero), then calls their callbacks in list order.
/// The deallocation driver calls this for every object whose type has a weak reference
/// list, after the finalizer and before `tp_dealloc`; a type's own `tp_dealloc` need
/// not.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     // A static type never dies; on a live object the call just clears.
///     let t = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
///     let r = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
///     pyrt_core::weakref::clear_at_death(py, t.as_any_ref());
///     assert!(!r.is_alive());
/// });
/// ```
pub fn clear_at_death(py: Python<'_>, obj: &PyAny) {
    let Some(list) = weaklist_of(obj) else {
        return;
    };
    if list.is_empty() {
        return;
    }
    for p in clear_list(py, list) {
        p.call(py);
    }
}

/// The collector's step for an unreachable object: clears every weak reference to it
/// and returns the owed callbacks without running them.
pub(crate) fn clear_for_collector(py: Python<'_>, obj: &PyAny) -> SmallVec<[PendingWeakref; 4]> {
    match weaklist_of(obj) {
        Some(list) if !list.is_empty() => clear_list(py, list),
        _ => SmallVec::new(),
    }
}

/// The collector's step for an unreachable object that is itself a weak reference:
/// it stops referring to anything, so its callback can never run.
pub(crate) fn detach_for_collector(py: Python<'_>, obj: &PyAny) {
    if is_weakref_type(py, obj.ob_type()) {
        // SAFETY: the type check says the object is laid out as WeakRef.
        clear_ref(unsafe { &*(obj as *const PyAny as *const WeakRef) });
    }
}

/// Whether weak references point at `obj` or `obj` is one: the collector skips its
/// weak reference phase when no unreachable object answers yes.
pub(crate) fn has_weakrefs_or_is_one(py: Python<'_>, obj: &PyAny) -> bool {
    weaklist_of(obj).is_some_and(|l| !l.is_empty()) || is_weakref_type(py, obj.ob_type())
}
