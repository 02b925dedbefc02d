//! The `weakref.ReferenceType` payload and its read accessors.
//!
//! Owns the [`WeakRef`] layout. Must not link or unlink lists (`list.rs`) or run
//! callbacks (`clear.rs`).

use crate::handle::Bound;
use crate::object::{ObjectHeader, PyAny, PyLayout};
use crate::runtime::Python;
use crate::types::ObjCell;
use std::cell::Cell;
use std::ptr::{self, NonNull};

/// A weak reference (`weakref.ref`): a borrowed pointer to its referent, an optional
/// callback, a cached hash, and its links in the referent's list.
///
/// Invariants (kept by this module's owners, never writable from outside the crate):
/// the referent pointer is null (dead) or names a live object whose list at
/// `tp_weaklistoffset` contains this weak reference exactly once, linked by
/// `prev`/`next`; a dead weak reference is on no list.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = pyrt_core::Bound::from_ref(py, py.builtins().str_()).into_any();
///     let r = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
///     assert!(r.is_alive());
///     assert!(r.callback(py).is_none());
/// });
/// ```
#[repr(C)]
pub struct WeakRef {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The referent (borrowed), or null once the referent is gone or the reference was
    /// cleared.
    referent: Cell<*mut PyAny>,
    /// The callback (owned), called with the weak reference when the referent dies.
    pub(crate) callback: ObjCell<PyAny>,
    /// The referent's hash once computed; [`WeakRef::NO_HASH`] before.
    hash: Cell<isize>,
    /// The previous weak reference in the referent's list (null: first).
    pub(super) prev: Cell<*mut WeakRef>,
    /// The next weak reference in the referent's list (null: last).
    pub(super) next: Cell<*mut WeakRef>,
}

// SAFETY: repr(C), header first; every field is valid zero-filled (null pointers, an
// empty cell, a zero hash that `new` replaces before the object is visible);
// type_check accepts exactly instances of `weakref.ReferenceType` and its subtypes,
// whose instances extend this layout.
unsafe impl PyLayout for WeakRef {
    fn type_check(obj: &PyAny) -> bool {
        // SAFETY: a `&PyAny` exists only under the runtime lock, with the state created.
        let py = unsafe { Python::assume_locked() };
        is_weakref_type(py, obj.ob_type())
    }
}

/// Whether `tp` is `weakref.ReferenceType` or a subtype of it.
pub(crate) fn is_weakref_type(py: Python<'_>, tp: &crate::TypeObject) -> bool {
    let wr = py.builtins().weakref();
    ptr::eq(tp, wr) || (tp.tp_basicsize.get() >= WeakRef::SIZE && tp.is_subtype(wr))
}

/// The referent, the callback, the cached hash, and the untyped view.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = pyrt_core::Bound::from_ref(py, py.builtins().tuple()).into_any();
///     let r = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
///     assert!(r.is_alive() && r.callback(py).is_none());
/// });
/// ```
impl WeakRef {
    /// The instance size of `weakref.ReferenceType`.
    pub(crate) const SIZE: isize = std::mem::size_of::<WeakRef>() as isize;

    /// The "hash not computed yet" marker (`-1` is never a valid hash).
    pub(crate) const NO_HASH: isize = -1;

    /// The referent as a new reference, or `None` if it is gone (Python's `r()`).
    /// An object whose count already reached zero (it is being deallocated) counts as
    /// gone.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = pyrt_core::Bound::from_ref(py, py.builtins().tuple()).into_any();
    ///     let r = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
    ///     assert!(r.upgrade(py).is_some_and(|o| o.is(&t)));
    /// });
    /// ```
    pub fn upgrade<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        let p = self.referent_ptr()?;
        // SAFETY: a non-null referent is live (type invariant: it is unlinked and nulled
        // before the object is freed).
        let obj = unsafe { p.as_ref() };
        if obj.refcnt() <= 0 {
            return None;
        }
        // SAFETY: live, with a positive count.
        Some(unsafe { Bound::from_borrowed_ptr(py, p) })
    }

    /// Whether the referent is still there.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = pyrt_core::Bound::from_ref(py, py.builtins().list()).into_any();
    ///     assert!(pyrt_core::weakref::weakref_new(py, &t, None).unwrap().is_alive());
    /// });
    /// ```
    pub fn is_alive(&self) -> bool {
        self.referent_ptr()
            // SAFETY: a non-null referent is live (type invariant).
            .is_some_and(|p| unsafe { p.as_ref() }.refcnt() > 0)
    }

    /// The callback, if any (Python's `__callback__`; cleared once it has been called).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = pyrt_core::Bound::from_ref(py, py.builtins().dict()).into_any();
    ///     let r = pyrt_core::weakref::weakref_new(py, &t, Some(&t)).unwrap();
    ///     assert!(r.callback(py).unwrap().is(&t));
    /// });
    /// ```
    pub fn callback<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyAny>> {
        self.callback.get(py)
    }

    /// The referent's address without a reference (null once dead).
    pub(crate) fn referent_ptr(&self) -> Option<NonNull<PyAny>> {
        NonNull::new(self.referent.get())
    }

    /// Sets the referent pointer (list code keeps the list invariant).
    pub(super) fn set_referent(&self, p: *mut PyAny) {
        self.referent.set(p);
    }

    /// The cached hash, if computed.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
    ///     let r = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
    ///     assert_eq!(r.cached_hash(), None);
    ///     r.cache_hash(7);
    ///     assert_eq!(r.cached_hash(), Some(7));
    /// });
    /// ```
    pub fn cached_hash(&self) -> Option<isize> {
        let h = self.hash.get();
        (h != WeakRef::NO_HASH).then_some(h)
    }

    /// Caches the referent's hash (the `hash` slot computes it once, while the referent
    /// lives, and keeps answering with it after the referent is gone).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
    ///     let r = pyrt_core::weakref::weakref_new(py, &t, Some(&t)).unwrap();
    ///     r.cache_hash(42);
    ///     assert_eq!(r.cached_hash(), Some(42));
    /// });
    /// ```
    pub fn cache_hash(&self, hash: isize) {
        self.hash.set(hash);
    }

    /// Marks the hash as not computed (used right after allocation).
    pub(super) fn reset_hash(&self) {
        self.hash.set(WeakRef::NO_HASH);
    }

    /// The weak reference as a plain object.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
    ///     let r = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
    ///     assert_eq!(r.as_any().type_name(), "weakref.ReferenceType");
    /// });
    /// ```
    pub fn as_any(&self) -> &PyAny {
        // SAFETY: WeakRef starts with the object header.
        unsafe { &*(self as *const WeakRef as *const PyAny) }
    }

    /// The callback's offset, for the `__callback__` member.
    ///
    /// ```
    /// assert!(pyrt_core::weakref::WeakRef::callback_offset() > 16);
    /// ```
    pub const fn callback_offset() -> isize {
        std::mem::offset_of!(WeakRef, callback) as isize
    }
}
