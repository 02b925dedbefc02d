//! The list of weak references to one object: its head sits in the object at
//! `tp_weaklistoffset` (for type objects, the `tp_weaklist` field), and the weak
//! references are doubly linked through their `prev`/`next` fields.
//!
//! Owns finding the head, the list order (basic reference first, then the others
//! newest first), linking and unlinking. Must not run user code: every function here is
//! quiet, so the collector may call them mid-collection.

use super::object::WeakRef;
use crate::handle::Bound;
use crate::object::PyAny;
use crate::runtime::Python;
use std::cell::Cell;
use std::ptr::{self, NonNull};

/// The head of an object's weak reference list: a borrowed pointer to the first weak
/// reference, null when there is none. Valid zero-filled. Only this crate changes it.
///
/// ```
/// let head = pyrt_core::weakref::WeakListHead::default();
/// assert!(head.is_empty());
/// ```
#[repr(transparent)]
#[derive(Default)]
pub struct WeakListHead(Cell<*mut WeakRef>);

/// Whether any weak reference points at the object.
///
/// ```
/// assert!(pyrt_core::weakref::WeakListHead::default().is_empty());
/// ```
impl WeakListHead {
    /// Whether no weak reference points at the object.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert!(py.builtins().bool_().tp_weaklist.is_empty());
    /// });
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.get().is_null()
    }

    /// The first weak reference, if any.
    pub(crate) fn first(&self) -> Option<NonNull<WeakRef>> {
        NonNull::new(self.0.get())
    }

    fn set_first(&self, wr: *mut WeakRef) {
        self.0.set(wr);
    }
}

/// The list head of `obj`, if its type supports weak references (`tp_weaklistoffset`
/// > 0).
pub(crate) fn weaklist_of(obj: &PyAny) -> Option<&WeakListHead> {
    let off = obj.ob_type().tp_weaklistoffset.get();
    if off <= 0 {
        return None;
    }
    // SAFETY: tp_weaklistoffset (a RawCell, set only under its invariant) names an
    // aligned pointer-sized slot inside every instance, zero-filled at allocation and
    // changed only by this module; WeakListHead is a transparent pointer cell.
    Some(unsafe { &*((obj as *const PyAny as *const u8).add(off as usize) as *const WeakListHead) })
}

/// Whether `wr` is the reusable basic reference: exactly `weakref.ReferenceType`, no
/// callback.
pub(crate) fn is_basic(py: Python<'_>, wr: &WeakRef) -> bool {
    ptr::eq(wr.as_any().ob_type(), py.builtins().weakref()) && wr.callback.is_none()
}

/// The basic reference at the head of `list`, if there is one.
pub(crate) fn basic_ref(py: Python<'_>, list: &WeakListHead) -> Option<NonNull<WeakRef>> {
    // SAFETY: list members are live weak references (type invariant of WeakRef).
    list.first().filter(|f| is_basic(py, unsafe { f.as_ref() }))
}

/// Links a fresh weak reference into `obj`'s list: a basic reference first, any other
/// right after the basic reference (or first, if there is none).
///
/// # Safety
/// `wr` is live, on no list, and will point at `obj` (whose list is `list`).
pub(crate) unsafe fn link(py: Python<'_>, obj: NonNull<PyAny>, list: &WeakListHead, wr: &WeakRef) {
    wr.set_referent(obj.as_ptr());
    let me = wr as *const WeakRef as *mut WeakRef;
    let after = if is_basic(py, wr) {
        None
    } else {
        basic_ref(py, list)
    };
    match after {
        Some(prev) => {
            // SAFETY: `prev` is a live member of the list.
            let prev = unsafe { prev.as_ref() };
            let next = prev.next.get();
            wr.prev.set(prev as *const WeakRef as *mut WeakRef);
            wr.next.set(next);
            if let Some(n) = NonNull::new(next) {
                // SAFETY: a live member.
                unsafe { n.as_ref() }.prev.set(me);
            }
            prev.next.set(me);
        }
        None => {
            let first = list.0.get();
            wr.prev.set(ptr::null_mut());
            wr.next.set(first);
            if let Some(f) = NonNull::new(first) {
                // SAFETY: a live member.
                unsafe { f.as_ref() }.prev.set(me);
            }
            list.set_first(me);
        }
    }
}

/// Makes `wr` dead: unlinks it from its referent's list and forgets the referent.
/// Does nothing to a dead reference. Keeps the callback.
pub(crate) fn clear_ref(wr: &WeakRef) {
    let Some(obj) = wr.referent_ptr() else {
        return;
    };
    // SAFETY: a non-null referent is live and its type supports weak references (it is
    // on that object's list).
    let list = weaklist_of(unsafe { obj.as_ref() });
    let (prev, next) = (wr.prev.get(), wr.next.get());
    if let Some(n) = NonNull::new(next) {
        // SAFETY: list members are live.
        unsafe { n.as_ref() }.prev.set(prev);
    }
    match NonNull::new(prev) {
        // SAFETY: list members are live.
        Some(p) => unsafe { p.as_ref() }.next.set(next),
        None => {
            if let Some(list) = list {
                list.set_first(next);
            }
        }
    }
    wr.prev.set(ptr::null_mut());
    wr.next.set(ptr::null_mut());
    wr.set_referent(ptr::null_mut());
}

/// Number of weak references to `obj` (Python's `weakref.getweakrefcount`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = pyrt_core::Bound::from_ref(py, py.builtins().none_type()).into_any();
///     let before = pyrt_core::weakref::weakref_count(&t);
///     let r = pyrt_core::weakref::weakref_new(py, &t, Some(&t)).unwrap();
///     assert_eq!(pyrt_core::weakref::weakref_count(&t), before + 1);
///     drop(r);
///     assert_eq!(pyrt_core::weakref::weakref_count(&t), before);
/// });
/// ```
pub fn weakref_count(obj: &PyAny) -> usize {
    let mut n = 0;
    let mut cur = weaklist_of(obj).and_then(WeakListHead::first);
    while let Some(w) = cur {
        n += 1;
        // SAFETY: list members are live.
        cur = NonNull::new(unsafe { w.as_ref() }.next.get());
    }
    n
}

/// The weak references to `obj`, in list order (Python's `weakref.getweakrefs`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = pyrt_core::Bound::from_ref(py, py.builtins().tuple()).into_any();
///     let r = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
///     assert!(pyrt_core::weakref::weakrefs_of(py, &t)[0].is(&r));
/// });
/// ```
pub fn weakrefs_of<'py>(py: Python<'py>, obj: &PyAny) -> Vec<Bound<'py, WeakRef>> {
    let mut out = Vec::new();
    let mut cur = weaklist_of(obj).and_then(WeakListHead::first);
    while let Some(w) = cur {
        // SAFETY: list members are live weak references.
        out.push(unsafe { Bound::from_borrowed_ptr(py, w) });
        // SAFETY: as above.
        cur = NonNull::new(unsafe { w.as_ref() }.next.get());
    }
    out
}
