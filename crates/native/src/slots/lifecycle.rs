//! `tp_new` and `tp_dealloc` of native types: the payload is constructed (by the
//! type's constructor closure) before the instance is allocated and stored in it
//! afterwards, and taken out and dropped exactly once when the instance dies.
//!
//! Owns those two functions. Must not touch the payload except through
//! `PayloadCell`'s store/take.

use crate::class_info::info_object;
use crate::layout::{cell, class_fields, defining_type};
use crate::slots::panics::fenced;
use pyrt_core::builtins::{DictObject, TupleObject};
use pyrt_core::object::{gc_free, plain_free};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};
use pyrt_typeobject::names;
use std::ptr::NonNull;

/// `tp_new`: runs the constructor for the payload, allocates the instance (through the
/// base's `tp_new` when the base has its own, e.g. a class with `__new__`; else
/// `tp_alloc`), and stores the payload in it.
pub(crate) fn native_new<'py, T: crate::Trace + Send>(
    py: Python<'py>,
    subtype: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    let Some(d) = defining_type::<T>(subtype) else {
        return Err(PyErr::type_error(
            py,
            format!("cannot create '{}' instances", names::tp_name(subtype)),
        ));
    };
    let value = construct::<T>(py, d, subtype, args, kwargs)?;
    let obj = allocate(py, d, subtype, args, kwargs)?;
    if let Some(od) = defining_type::<T>(obj.ob_type()) {
        // SAFETY: `od` is the defining type of the new object's own type.
        let c = unsafe { cell::<T>(obj.as_any_ref(), od) };
        // An already initialised payload (a base `__new__` returning an existing
        // instance) is kept; the new value is dropped.
        drop(c.store(value));
    }
    Ok(obj)
}

/// Step: the payload from the type's constructor closure.
fn construct<'py, T: crate::Trace + Send>(
    py: Python<'py>,
    d: &TypeObject,
    subtype: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<T> {
    let no_ctor = || {
        PyErr::type_error(
            py,
            format!("cannot create '{}' instances", names::tp_name(subtype)),
        )
    };
    let info = info_object(py, d).ok_or_else(no_ctor)?;
    let ctor = info
        .get::<T>()
        .and_then(|i| i.constructor.as_ref())
        .ok_or_else(no_ctor)?;
    fenced(py, || ctor(py, subtype, args, kwargs))
}

/// Step: the instance, from the base's own `tp_new` or the subtype's `tp_alloc`.
fn allocate<'py>(
    py: Python<'py>,
    d: &TypeObject,
    subtype: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    let object_new = py.builtins().object().tp_new.get().map(|f| f as usize);
    let base_new = d.base().and_then(|b| b.tp_new.get());
    match base_new {
        Some(f) if Some(f as usize) != object_new => f(py, subtype, args, kwargs),
        _ => {
            let alloc = subtype
                .tp_alloc
                .get()
                .unwrap_or(pyrt_core::object::generic_alloc);
            alloc(py, subtype, 0)
        }
    }
}

/// `tp_dealloc`: drops the payload (if it was ever stored), releases the fields of
/// runtime-created classes between the native type and its nearest non-class base,
/// then hands the instance to that base's `tp_dealloc` (or frees it).
///
/// # Safety
/// `obj` has refcount zero and its type has a native type for payload `T` in its
/// chain (the slot is installed only on such types).
pub(crate) unsafe fn native_dealloc<T: crate::Trace + Send>(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: the object is still allocated.
    let o = unsafe { obj.as_ref() };
    if let Some(d) = defining_type::<T>(o.ob_type()) {
        // SAFETY: `d` is the defining type of the object's type.
        let c = unsafe { cell::<T>(o, d) };
        // The cell is empty before the value is dropped, so nothing can see it twice.
        if let Some(value) = c.take()
            && let Err(e) = fenced(py, || {
                drop(value);
                Ok(())
            })
        {
            pyrt_core::unraisable::write_unraisable(py, e, None);
        }
        let (fields, base) = class_fields(o, d, false);
        let taken: Vec<Bound<'_, PyAny>> = fields.iter().filter_map(|c| c.take(py)).collect();
        drop(taken);
        if let Some(dealloc) = base.and_then(|b| b.tp_dealloc.get()) {
            // SAFETY: the base's dealloc destroys the base's part of the instance and
            // ends in the instance type's tp_free.
            unsafe { dealloc(py, obj) };
            return;
        }
    }
    // SAFETY: no base part left to destroy: free as the instance's type says.
    unsafe { free(py, obj) };
}

/// Frees `obj` with its type's `tp_free` (or the default free for its GC flag).
///
/// # Safety
/// `obj` has refcount zero and its payload has been destroyed.
unsafe fn free(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: still allocated.
    let tp = unsafe { obj.as_ref() }.ob_type();
    match tp.tp_free.get() {
        // SAFETY: forwarded caller contract.
        Some(f) => unsafe { f(py, obj) },
        // SAFETY: forwarded; the allocation matches the type's GC flag.
        None if tp.has_flag(TypeFlags::HAVE_GC) => unsafe { gc_free(py, obj) },
        // SAFETY: as above.
        None => unsafe { plain_free(py, obj) },
    }
}
