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

impl<T: PyLayout> Py<T> {
    /// Takes ownership of a strong reference.
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
    #[inline(always)]
    pub fn bind<'py>(&self, _py: Python<'py>) -> &Bound<'py, T> {
        // SAFETY: Py and Bound are both repr(transparent) over NonNull<T>.
        unsafe { &*(self as *const Py<T> as *const Bound<'py, T>) }
    }

    /// Converts into a `Bound` under a token.
    pub fn into_bound(self, py: Python<'_>) -> Bound<'_, T> {
        let p = self.ptr;
        std::mem::forget(self);
        // SAFETY: ownership moves.
        unsafe { Bound::from_owned_ptr(py, p) }
    }

    /// A new strong reference.
    pub fn clone_ref(&self, py: Python<'_>) -> Py<T> {
        self.bind(py).clone().unbind()
    }

    /// The raw object pointer.
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
