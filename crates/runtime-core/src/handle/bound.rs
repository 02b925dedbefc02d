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
///
/// ```
/// use pyrt_core::builtins::{StrObject, int_new};
/// pyrt_core::with_test_runtime(|py| {
///     let any = int_new(py, 1).unwrap().into_any();
///     let e = any.downcast::<StrObject>().unwrap_err();
///     assert_eq!(e.from, "int");
///     assert!(e.to.ends_with("StrObject"));
/// });
/// ```
#[derive(Debug)]
pub struct DowncastError {
    /// The object's type name.
    pub from: String,
    /// The requested layout's name.
    pub to: &'static str,
}

/// Making handles from raw pointers and back, changing the static layout, detaching
/// for storage, and reading the header (type, count, identity).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
///     let any = s.clone().into_any();
///     assert!(any.is(&s));
///     assert_eq!((any.type_name(), s.refcnt()), ("str".to_owned(), 2));
/// });
/// ```
impl<'py, T: PyLayout> Bound<'py, T> {
    /// Takes ownership of a strong reference.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let raw = pyrt_core::builtins::str_new(py, "x").unwrap().into_non_null();
    ///     // SAFETY: `raw` is a live str; its one reference moves into the handle.
    ///     let s = unsafe { pyrt_core::Bound::from_owned_ptr(py, raw) };
    ///     assert_eq!((s.as_str(), s.refcnt()), ("x", 1));
    /// });
    /// ```
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
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     // SAFETY: `s` keeps the object live.
    ///     let t = unsafe { pyrt_core::Bound::from_borrowed_ptr(py, s.as_ptr()) };
    ///     assert!(t.is(&s));
    ///     assert_eq!(s.refcnt(), 2);
    /// });
    /// ```
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
    ///
    /// ```
    /// use pyrt_core::builtins::StrObject;
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     let borrowed: &StrObject = &s;
    ///     let t = pyrt_core::Bound::from_ref(py, borrowed);
    ///     assert!(t.is(&s));
    ///     assert_eq!(s.refcnt(), 2);
    /// });
    /// ```
    pub fn from_ref(py: Python<'py>, obj: &T) -> Self {
        // SAFETY: a reference to a PyLayout value is a live object.
        unsafe { Self::from_borrowed_ptr(py, NonNull::from(obj)) }
    }

    /// The token.
    ///
    /// ```
    /// use pyrt_core::{Bound, builtins::{StrObject, str_new}};
    /// // No token parameter: the handle carries the proof that the lock is held.
    /// fn shout<'py>(s: &Bound<'py, StrObject>) -> Bound<'py, StrObject> {
    ///     str_new(s.py(), &s.as_str().to_uppercase()).unwrap()
    /// }
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert_eq!(shout(&str_new(py, "hi").unwrap()).as_str(), "HI");
    /// });
    /// ```
    #[inline(always)]
    pub fn py(&self) -> Python<'py> {
        // SAFETY: a Bound<'py> exists only while the lock is held for 'py.
        unsafe { Python::assume_locked() }
    }

    /// The raw object pointer (no refcount change).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     assert_eq!(s.as_ptr().as_ptr() as usize, s.as_any_ref().addr());
    ///     assert_eq!(s.refcnt(), 1);
    /// });
    /// ```
    #[inline(always)]
    pub fn as_ptr(&self) -> NonNull<PyAny> {
        self.ptr.cast()
    }

    /// Gives up ownership, returning the raw pointer (the reference is leaked to the caller).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let p = pyrt_core::builtins::str_new(py, "x").unwrap().into_non_null();
    ///     // SAFETY: `p` is live: the handle's reference was handed to us, not dropped.
    ///     assert_eq!(unsafe { p.as_ref() }.as_str(), "x");
    ///     // SAFETY: hand the reference back; the handle frees the str when dropped.
    ///     drop(unsafe { pyrt_core::Bound::from_owned_ptr(py, p) });
    /// });
    /// ```
    #[inline(always)]
    pub fn into_non_null(self) -> NonNull<T> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    /// This handle viewed as an untyped object handle.
    ///
    /// ```
    /// use pyrt_core::Bound;
    /// fn name(obj: &Bound<'_>) -> String {
    ///     obj.type_name()
    /// }
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     assert_eq!(name(s.as_any()), "str");
    /// });
    /// ```
    #[inline(always)]
    pub fn as_any(&self) -> &Bound<'py, PyAny> {
        // SAFETY: Bound is repr(transparent) over NonNull, identical for every T.
        unsafe { &*(self as *const Self as *const Bound<'py, PyAny>) }
    }

    /// Converts into an untyped object handle.
    ///
    /// ```
    /// use pyrt_core::builtins::{StrObject, int_new, str_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let items = [str_new(py, "a").unwrap().into_any(), int_new(py, 1).unwrap().into_any()];
    ///     assert!(items[0].downcast::<StrObject>().is_ok());
    ///     assert_eq!(tuple_new(py, &items).unwrap().len(), 2);
    /// });
    /// ```
    #[inline(always)]
    pub fn into_any(self) -> Bound<'py, PyAny> {
        // SAFETY: same object, ownership moves.
        unsafe { Bound::from_owned_ptr(self.py(), self.into_non_null().cast()) }
    }

    /// Detaches from the token for storage.
    ///
    /// ```
    /// use pyrt_core::{Py, builtins::{StrObject, str_new}};
    /// let stored: Py<StrObject> =
    ///     pyrt_core::with_test_runtime(|py| str_new(py, "kept").unwrap().unbind());
    /// pyrt_core::with_test_runtime(move |py| {
    ///     assert_eq!(stored.bind(py).as_str(), "kept");
    ///     drop(stored); // under the lock: released at once
    /// });
    /// ```
    pub fn unbind(self) -> crate::handle::Py<T> {
        // SAFETY: ownership moves into the Py.
        unsafe { crate::handle::Py::from_owned_ptr(self.into_non_null()) }
    }

    /// Whether `self` and `other` are the same object (`is`).
    ///
    /// ```
    /// use pyrt_core::builtins::str_new;
    /// pyrt_core::with_test_runtime(|py| {
    ///     let a = str_new(py, "x").unwrap();
    ///     assert!(a.is(&a.clone()));
    ///     assert!(!a.is(&str_new(py, "x").unwrap())); // equal text, another object
    /// });
    /// ```
    #[inline(always)]
    pub fn is<U: PyLayout>(&self, other: &Bound<'_, U>) -> bool {
        self.as_ptr() == other.as_ptr()
    }

    /// The object's type, as a new reference.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     let t = s.get_type();
    ///     assert!(std::ptr::eq(&*t, py.builtins().str_()));
    /// });
    /// ```
    pub fn get_type(&self) -> Bound<'py, TypeObject> {
        Bound::from_ref(self.py(), self.as_any_ref().ob_type())
    }

    /// The reference count.
    ///
    /// ```
    /// use pyrt_core::builtins::{list_new, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = str_new(py, "x").unwrap();
    ///     let l = list_new(py, &[s.clone().into_any()]).unwrap();
    ///     assert_eq!(s.refcnt(), 2); // ours and the list's
    ///     drop(l);
    ///     assert_eq!(s.refcnt(), 1);
    /// });
    /// ```
    pub fn refcnt(&self) -> isize {
        self.as_any_ref().refcnt()
    }

    /// The object's type, borrowed.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
    ///     assert!(std::ptr::eq(l.ob_type(), py.builtins().list()));
    /// });
    /// ```
    pub fn ob_type(&self) -> &TypeObject {
        self.as_any_ref().ob_type()
    }

    /// The type's name.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert_eq!(pyrt_core::builtins::int_new(py, 5).unwrap().type_name(), "int");
    ///     assert_eq!(pyrt_core::protocol::bool_obj(py, true).type_name(), "bool");
    /// });
    /// ```
    pub fn type_name(&self) -> String {
        self.as_any_ref().type_name()
    }

    /// The object as a plain `&PyAny`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "x").unwrap();
    ///     let any: &pyrt_core::PyAny = s.as_any_ref();
    ///     assert_eq!((any.type_name(), any.refcnt()), ("str".to_owned(), 1));
    /// });
    /// ```
    pub fn as_any_ref(&self) -> &PyAny {
        // SAFETY: every PyLayout starts with the object header.
        unsafe { &*(self.ptr.as_ptr() as *const PyAny) }
    }
}

/// Typed views of an untyped handle: checked ([`Bound::downcast`],
/// [`Bound::downcast_into`]) or, under a caller's proof, unchecked.
///
/// ```
/// use pyrt_core::builtins::{StrObject, TupleObject, str_new};
/// pyrt_core::with_test_runtime(|py| {
///     let any = str_new(py, "x").unwrap().into_any();
///     assert!(any.downcast::<TupleObject>().is_err());
///     assert_eq!(any.downcast::<StrObject>().unwrap().as_str(), "x");
/// });
/// ```
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
    ///
    /// ```
    /// use pyrt_core::builtins::{StrObject, TupleObject};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let any = pyrt_core::builtins::str_new(py, "x").unwrap().into_any();
    ///     let any = any.downcast_into::<TupleObject>().unwrap_err(); // handed back on failure
    ///     let s = any.downcast_into::<StrObject>().unwrap();
    ///     assert_eq!((s.as_str(), s.refcnt()), ("x", 1));
    /// });
    /// ```
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
    /// ```
    /// use pyrt_core::builtins::StrObject;
    /// pyrt_core::with_test_runtime(|py| {
    ///     let any = pyrt_core::builtins::str_new(py, "x").unwrap().into_any();
    ///     // SAFETY: the object was made by `str_new`, so it is laid out as `StrObject`.
    ///     let s = unsafe { any.downcast_unchecked::<StrObject>() };
    ///     assert_eq!(s.as_str(), "x");
    /// });
    /// ```
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
