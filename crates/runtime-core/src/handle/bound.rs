//! `Bound<'py, T>`: an owned strong reference tied to a `Python<'py>` token.
//!
//! Owns incref-on-clone and decref-on-drop. Must not be used across lock releases
//! (the `'py` lifetime prevents it).

use crate::object::{PyAny, PyLayout};
use crate::runtime::Python;
use crate::types::TypeObject;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

/// A strong reference to an object laid out as `T`, usable while the runtime lock is
/// held for `'py`. Pointer-sized; `Clone` increments, `Drop` decrements the refcount.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_new(py, "abc").unwrap();
///     let t = s.clone();
///     assert_eq!(s.refcnt(), 2);
///     drop(t);
///     assert_eq!(s.refcnt(), 1);
/// });
/// ```
#[repr(transparent)]
pub struct Bound<'py, T: PyLayout = PyAny> {
    ptr: NonNull<T>,
    _py: PhantomData<Python<'py>>,
}

/// The object is not an instance of the requested layout.
#[derive(Debug)]
pub struct DowncastError {
    /// The object's type name.
    pub from: String,
    /// The requested layout's name.
    pub to: &'static str,
}

impl<'py, T: PyLayout> Bound<'py, T> {
    /// Takes ownership of a strong reference.
    ///
    /// # Safety
    /// `ptr` points to a live object laid out as `T`, and the caller transfers one
    /// strong reference to the handle.
    #[inline(always)]
    pub unsafe fn from_owned_ptr(_py: Python<'py>, ptr: NonNull<T>) -> Self {
        Bound {
            ptr,
            _py: PhantomData,
        }
    }

    /// Creates a new strong reference to a borrowed object.
    ///
    /// # Safety
    /// `ptr` points to a live object laid out as `T`.
    #[inline(always)]
    pub unsafe fn from_borrowed_ptr(py: Python<'py>, ptr: NonNull<T>) -> Self {
        // SAFETY: the caller guarantees the object is live.
        unsafe { crate::object::incref(py, ptr.cast()) };
        Bound {
            ptr,
            _py: PhantomData,
        }
    }

    /// A new strong reference to `obj`.
    pub fn from_ref(py: Python<'py>, obj: &T) -> Self {
        // SAFETY: a reference to a PyLayout value is a live object.
        unsafe { Self::from_borrowed_ptr(py, NonNull::from(obj)) }
    }

    /// The token.
    #[inline(always)]
    pub fn py(&self) -> Python<'py> {
        // SAFETY: a Bound<'py> exists only while the lock is held for 'py.
        unsafe { Python::assume_locked() }
    }

    /// The raw object pointer (no refcount change).
    #[inline(always)]
    pub fn as_ptr(&self) -> NonNull<PyAny> {
        self.ptr.cast()
    }

    /// Gives up ownership, returning the raw pointer (the reference is leaked to the caller).
    #[inline(always)]
    pub fn into_non_null(self) -> NonNull<T> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    /// This handle viewed as an untyped object handle.
    #[inline(always)]
    pub fn as_any(&self) -> &Bound<'py, PyAny> {
        // SAFETY: Bound is repr(transparent) over NonNull, identical for every T.
        unsafe { &*(self as *const Self as *const Bound<'py, PyAny>) }
    }

    /// Converts into an untyped object handle.
    #[inline(always)]
    pub fn into_any(self) -> Bound<'py, PyAny> {
        // SAFETY: same object, ownership moves.
        unsafe { Bound::from_owned_ptr(self.py(), self.into_non_null().cast()) }
    }

    /// Detaches from the token for storage.
    pub fn unbind(self) -> crate::handle::Py<T> {
        // SAFETY: ownership moves into the Py.
        unsafe { crate::handle::Py::from_owned_ptr(self.into_non_null()) }
    }

    /// Whether `self` and `other` are the same object (`is`).
    #[inline(always)]
    pub fn is<U: PyLayout>(&self, other: &Bound<'_, U>) -> bool {
        self.as_ptr() == other.as_ptr()
    }

    /// The object's type, as a new reference.
    pub fn get_type(&self) -> Bound<'py, TypeObject> {
        Bound::from_ref(self.py(), self.as_any_ref().ob_type())
    }

    /// The reference count.
    pub fn refcnt(&self) -> isize {
        self.as_any_ref().refcnt()
    }

    /// The object's type, borrowed.
    pub fn ob_type(&self) -> &TypeObject {
        self.as_any_ref().ob_type()
    }

    /// The type's name.
    pub fn type_name(&self) -> String {
        self.as_any_ref().type_name()
    }

    /// The object as a plain `&PyAny`.
    pub fn as_any_ref(&self) -> &PyAny {
        // SAFETY: every PyLayout starts with the object header.
        unsafe { &*(self.ptr.as_ptr() as *const PyAny) }
    }
}

impl<'py> Bound<'py, PyAny> {
    /// A typed view if the object is laid out as `U`.
    ///
    /// ```
    /// use pyrt_core::builtins::StrObject;
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap().into_any();
    ///     assert!(s.downcast::<StrObject>().is_ok());
    /// });
    /// ```
    pub fn downcast<U: PyLayout>(&self) -> Result<&Bound<'py, U>, DowncastError> {
        if U::type_check(self) {
            // SAFETY: type_check guarantees the layout; repr(transparent) over NonNull.
            Ok(unsafe { &*(self as *const Self as *const Bound<'py, U>) })
        } else {
            Err(DowncastError {
                from: self.type_name(),
                to: std::any::type_name::<U>(),
            })
        }
    }

    /// Like [`Bound::downcast`] but consuming.
    pub fn downcast_into<U: PyLayout>(self) -> Result<Bound<'py, U>, Self> {
        if U::type_check(&self) {
            // SAFETY: layout checked; ownership moves.
            Ok(unsafe { Bound::from_owned_ptr(self.py(), self.into_non_null().cast()) })
        } else {
            Err(self)
        }
    }

    /// A typed view without checking.
    ///
    /// # Safety
    /// The object must be laid out as `U`.
    pub unsafe fn downcast_unchecked<U: PyLayout>(&self) -> &Bound<'py, U> {
        // SAFETY: caller contract; repr(transparent).
        unsafe { &*(self as *const Self as *const Bound<'py, U>) }
    }
}

impl<T: PyLayout> Deref for Bound<'_, T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        // SAFETY: the handle keeps the object alive.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T: PyLayout> Clone for Bound<'_, T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        // SAFETY: the object is live (we hold a reference).
        unsafe { Bound::from_borrowed_ptr(self.py(), self.ptr) }
    }
}

impl<T: PyLayout> Drop for Bound<'_, T> {
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: we own one reference; the lock is held for 'py.
        unsafe { crate::object::decref(self.py(), self.ptr.cast()) }
    }
}

impl<T: PyLayout> std::fmt::Debug for Bound<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "<{} object at {:#x}>",
            self.as_any_ref().type_name(),
            self.ptr.as_ptr() as usize
        )
    }
}
