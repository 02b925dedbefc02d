//! `Py<T>`: a strong reference for storage, independent of any token.
//!
//! Owns the storage handle's ownership rules: cloning needs a token; dropping without
//! the lock defers the decref to the next entry into the runtime.

use super::Bound;
use crate::object::{PyAny, PyLayout};
use crate::runtime::{Python, lock_held_by_this_thread, push_pending_decref};
use std::marker::PhantomData;
use std::ptr::NonNull;

/// A strong reference to an object laid out as `T`, storable anywhere (it is `Send`
/// and `Sync`: the object is only touched under the runtime lock).
///
/// ```
/// use pyrt_core::{Py, builtins::StrObject};
/// let stored: Py<StrObject> = pyrt_core::with_test_runtime(|py| {
///     pyrt_core::builtins::str_new(py, "kept").unwrap().unbind()
/// });
/// pyrt_core::with_test_runtime(|py| assert_eq!(stored.bind(py).as_str(), "kept"));
/// ```
#[repr(transparent)]
pub struct Py<T: PyLayout = PyAny> {
    ptr: NonNull<T>,
    _owns: PhantomData<T>,
}

// SAFETY: the pointee is only accessed through a token (under the runtime lock); the
// handle itself is just an address plus an owned count, released safely by Drop.
unsafe impl<T: PyLayout> Send for Py<T> {}
// SAFETY: as above; &Py gives no access without a token.
unsafe impl<T: PyLayout> Sync for Py<T> {}

/// Making a `Py` from a raw reference, getting a `Bound` back under a token, and
/// cloning (which needs the token).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let p = pyrt_core::builtins::str_new(py, "x").unwrap().unbind();
///     let q = p.clone_ref(py);
///     assert!(p.bind(py).is(&q.into_bound(py)));
/// });
/// ```
impl<T: PyLayout> Py<T> {
    /// Takes ownership of a strong reference.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let raw = pyrt_core::builtins::str_new(py, "x").unwrap().into_non_null();
    ///     // SAFETY: `raw` is a live str; its one reference moves into the handle.
    ///     let p = unsafe { pyrt_core::Py::from_owned_ptr(raw) };
    ///     assert_eq!(p.bind(py).refcnt(), 1);
    /// });
    /// ```
    ///
    /// # Safety
    /// `ptr` is a live object laid out as `T`; one strong reference is transferred.
    pub unsafe fn from_owned_ptr(ptr: NonNull<T>) -> Self {
        Py {
            ptr,
            _owns: PhantomData,
        }
    }

    /// Borrows as a `Bound` under a token.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let p = pyrt_core::builtins::str_new(py, "x").unwrap().unbind();
    ///     let b = p.bind(py); // borrowed: no new reference
    ///     assert_eq!((b.as_str(), b.refcnt()), ("x", 1));
    /// });
    /// ```
    #[inline(always)]
    pub fn bind<'py>(&self, _py: Python<'py>) -> &Bound<'py, T> {
        // SAFETY: Py and Bound are both repr(transparent) over NonNull<T>.
        unsafe { &*(self as *const Py<T> as *const Bound<'py, T>) }
    }

    /// Converts into a `Bound` under a token.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let p = pyrt_core::builtins::str_new(py, "x").unwrap().unbind();
    ///     let b = p.into_bound(py); // the same reference, now tied to `py`
    ///     assert_eq!((b.as_str(), b.refcnt()), ("x", 1));
    /// });
    /// ```
    pub fn into_bound(self, py: Python<'_>) -> Bound<'_, T> {
        let p = self.ptr;
        std::mem::forget(self);
        // SAFETY: ownership moves.
        unsafe { Bound::from_owned_ptr(py, p) }
    }

    /// A new strong reference.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let p = pyrt_core::builtins::str_new(py, "x").unwrap().unbind();
    ///     let q = p.clone_ref(py);
    ///     assert_eq!(q.as_ptr(), p.as_ptr());
    ///     assert_eq!(p.bind(py).refcnt(), 2);
    /// });
    /// ```
    pub fn clone_ref(&self, py: Python<'_>) -> Py<T> {
        self.bind(py).clone().unbind()
    }

    /// The raw object pointer.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     let addr = s.as_any_ref().addr();
    ///     let p = s.unbind();
    ///     assert_eq!(p.as_ptr().as_ptr() as usize, addr);
    /// });
    /// ```
    pub fn as_ptr(&self) -> NonNull<PyAny> {
        self.ptr.cast()
    }
}

impl<T: PyLayout> Drop for Py<T> {
    fn drop(&mut self) {
        if lock_held_by_this_thread() {
            // SAFETY: this thread holds the lock, and the state exists (a Py exists).
            let py = unsafe { Python::assume_locked() };
            // SAFETY: we own one reference.
            unsafe { crate::object::decref(py, self.ptr.cast()) };
        } else {
            push_pending_decref(self.ptr.cast());
        }
    }
}

impl<T: PyLayout> std::fmt::Debug for Py<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Py({:#x})", self.ptr.as_ptr() as usize)
    }
}
