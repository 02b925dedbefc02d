//! Safe access to a native payload from its object: [`borrow`] / [`borrow_mut`] give
//! guards ([`PayloadRef`], [`PayloadRefMut`]) that hold the object's borrow flag, so a
//! `&mut T` never coexists with any other reference to the same payload — re-entrant
//! code gets `RuntimeError: Already borrowed` / `Already mutably borrowed` instead
//! (PyO3's scheme and messages).
//!
//! Owns the guards and the downcast from an object to its payload. Must not run user
//! code.

use crate::layout::{cell, defining_type};
use crate::payload::PayloadCell;
use pyrt_core::{Bound, PyAny, PyErr, PyResult};
use std::ops::{Deref, DerefMut};

/// A shared borrow of an object's payload (released when dropped).
///
/// ```
/// use pyrt_native::{NativeClass, Trace, borrow, borrow_mut};
/// #[derive(Trace, Default)]
/// struct Cell { v: i64 }
/// pyrt_native::Runtime::with(|py| {
///     let ty = NativeClass::<Cell>::new("demo.Cell").build(py).unwrap();
///     let obj = pyrt_native::call::call0(py, ty.as_any()).unwrap();
///     let a = borrow::<Cell>(&obj).unwrap();
///     let b = borrow::<Cell>(&obj).unwrap(); // shared borrows coexist
///     assert_eq!(a.v + b.v, 0);
///     assert!(borrow_mut::<Cell>(&obj).is_err()); // but exclude &mut
/// });
/// ```
pub struct PayloadRef<'a, T> {
    cell: &'a PayloadCell<T>,
}

/// The exclusive borrow of an object's payload (released when dropped).
///
/// ```
/// use pyrt_native::{NativeClass, Trace, borrow, borrow_mut};
/// #[derive(Trace, Default)]
/// struct Cell { v: i64 }
/// pyrt_native::Runtime::with(|py| {
///     let ty = NativeClass::<Cell>::new("demo.Cell").build(py).unwrap();
///     let obj = pyrt_native::call::call0(py, ty.as_any()).unwrap();
///     {
///         let mut m = borrow_mut::<Cell>(&obj).unwrap();
///         m.v = 5;
///         let e = borrow::<Cell>(&obj).err().unwrap();
///         assert_eq!(e.message(py), "Already mutably borrowed");
///     }
///     assert_eq!(borrow::<Cell>(&obj).unwrap().v, 5);
/// });
/// ```
pub struct PayloadRefMut<'a, T> {
    cell: &'a PayloadCell<T>,
}

/// The payload cell of `obj`, or a `TypeError` if `obj` has no payload of type `T`.
fn cell_of<'a, T: crate::Trace + Send>(obj: &'a Bound<'_, PyAny>) -> PyResult<&'a PayloadCell<T>> {
    let o = obj.as_any_ref();
    match defining_type::<T>(o.ob_type()) {
        // SAFETY: `d` is the defining type of the object's type; the cell lives as long
        // as the object, which `obj` keeps alive for 'a.
        Some(d) => Ok(unsafe { cell::<T>(o, d) }),
        None => Err(PyErr::type_error(
            obj.py(),
            format!(
                "'{}' object is not a native '{}' object",
                pyrt_typeobject::names::tp_name(o.ob_type()),
                short_type_name::<T>()
            ),
        )),
    }
}

/// `T`'s Rust name without its module path.
fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

/// Borrows `obj`'s payload shared: `TypeError` if `obj` has no `T` payload,
/// `RuntimeError: Already mutably borrowed` while a `&mut` to it exists.
///
/// ```
/// use pyrt_native::{NativeClass, Trace, borrow};
/// #[derive(Trace, Default)]
/// struct P { x: i64 }
/// pyrt_native::Runtime::with(|py| {
///     let ty = NativeClass::<P>::new("demo.P").build(py).unwrap();
///     let obj = pyrt_native::call::call0(py, ty.as_any()).unwrap();
///     assert_eq!(borrow::<P>(&obj).unwrap().x, 0);
///     let not_p = pyrt_native::int(py, 1).unwrap();
///     assert!(borrow::<P>(&not_p).is_err());
/// });
/// ```
pub fn borrow<'a, T: crate::Trace + Send>(
    obj: &'a Bound<'_, PyAny>,
) -> PyResult<PayloadRef<'a, T>> {
    let c = cell_of::<T>(obj)?;
    c.acquire_shared(obj.py(), &obj.type_name())?;
    Ok(PayloadRef { cell: c })
}

/// Borrows `obj`'s payload exclusively: `TypeError` if `obj` has no `T` payload,
/// `RuntimeError: Already borrowed` while any other borrow of it exists.
///
/// ```
/// use pyrt_native::{NativeClass, Trace, borrow_mut};
/// #[derive(Trace, Default)]
/// struct P { x: i64 }
/// pyrt_native::Runtime::with(|py| {
///     let ty = NativeClass::<P>::new("demo.P").build(py).unwrap();
///     let obj = pyrt_native::call::call0(py, ty.as_any()).unwrap();
///     let mut p = borrow_mut::<P>(&obj).unwrap();
///     p.x += 1;
///     let e = borrow_mut::<P>(&obj).err().unwrap();
///     assert_eq!(e.message(py), "Already borrowed");
/// });
/// ```
pub fn borrow_mut<'a, T: crate::Trace + Send>(
    obj: &'a Bound<'_, PyAny>,
) -> PyResult<PayloadRefMut<'a, T>> {
    let c = cell_of::<T>(obj)?;
    c.acquire_mut(obj.py(), &obj.type_name())?;
    Ok(PayloadRefMut { cell: c })
}

/// Whether `obj` has a `T` payload (it is an instance of a native type for `T` or of
/// a subclass).
///
/// ```
/// use pyrt_native::{NativeClass, Trace, has_payload};
/// #[derive(Trace, Default)]
/// struct P { x: i64 }
/// pyrt_native::Runtime::with(|py| {
///     let ty = NativeClass::<P>::new("demo.P").build(py).unwrap();
///     let obj = pyrt_native::call::call0(py, ty.as_any()).unwrap();
///     assert!(has_payload::<P>(&obj));
///     assert!(!has_payload::<P>(ty.as_any()));
/// });
/// ```
pub fn has_payload<T: crate::Trace + Send>(obj: &Bound<'_, PyAny>) -> bool {
    defining_type::<T>(obj.ob_type()).is_some()
}

impl<T> Deref for PayloadRef<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: this guard holds a shared borrow of an initialised cell.
        unsafe { self.cell.get() }
    }
}

impl<T> Drop for PayloadRef<'_, T> {
    fn drop(&mut self) {
        self.cell.release_shared();
    }
}

impl<T> Deref for PayloadRefMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: this guard holds the exclusive borrow of an initialised cell.
        unsafe { self.cell.get() }
    }
}

impl<T> DerefMut for PayloadRefMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: this guard holds the exclusive borrow; `&mut self` makes the returned
        // reference unique among the guard's own.
        unsafe { self.cell.get_mut() }
    }
}

impl<T> Drop for PayloadRefMut<'_, T> {
    fn drop(&mut self) {
        self.cell.release_mut();
    }
}
