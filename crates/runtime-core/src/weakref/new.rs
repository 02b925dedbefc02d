//! Creating weak references: the weak-referenceability check with CPython's message,
//! the reuse of the basic reference, allocation and linking.
//!
//! Owns `ref(obj[, callback])`'s core (argument parsing is the `__new__` slot's, in
//! `pyrt-typeobject`). Must not run user code.

use super::list::{basic_ref, link, weaklist_of};
use super::object::{WeakRef, is_weakref_type};
use crate::err::{PyErr, PyResult};
use crate::handle::Bound;
use crate::object::PyAny;
use crate::runtime::Python;
use crate::types::TypeObject;

/// A weak reference to `obj` with an optional `callback` (Python's `weakref.ref(obj,
/// callback)`; a `None` callback counts as none). Without a callback the existing basic
/// reference is returned if there is one.
///
/// Fails with `TypeError: cannot create weak reference to 'int' object` when `obj`'s
/// type has no weak reference list.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = pyrt_core::Bound::from_ref(py, py.builtins().dict()).into_any();
///     let a = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
///     let b = pyrt_core::weakref::weakref_new(py, &t, None).unwrap();
///     assert!(a.is(&b)); // reused
///     let n = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let e = pyrt_core::weakref::weakref_new(py, &n, None).unwrap_err();
///     assert_eq!(e.message(py), "cannot create weak reference to 'int' object");
/// });
/// ```
pub fn weakref_new<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    callback: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, WeakRef>> {
    new_weakref_of_type(py, py.builtins().weakref(), obj, callback)
}

/// Like [`weakref_new`] for `tp`, which must be `weakref.ReferenceType` or a subtype of
/// it (the `__new__` slot passes the type being instantiated); only the exact type
/// reuses the basic reference.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let wr = py.builtins().weakref();
///     let t = pyrt_core::Bound::from_ref(py, py.builtins().str_()).into_any();
///     let r = pyrt_core::weakref::new_weakref_of_type(py, wr, &t, None).unwrap();
///     assert!(r.is_alive());
/// });
/// ```
pub fn new_weakref_of_type<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    obj: &Bound<'py, PyAny>,
    callback: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, WeakRef>> {
    if !is_weakref_type(py, tp) {
        return Err(PyErr::type_error(
            py,
            format!(
                "weakref.ReferenceType.__new__({}): {} is not a subtype of weakref.ReferenceType",
                tp.name_string(),
                tp.name_string()
            ),
        ));
    }
    let Some(list) = weaklist_of(obj.as_any_ref()) else {
        return Err(PyErr::type_error(
            py,
            format!(
                "cannot create weak reference to '{}' object",
                obj.ob_type().name_string()
            ),
        ));
    };
    let none = py.singletons().none();
    let callback = callback.filter(|c| !std::ptr::eq(c.as_any_ref(), none));
    let exact = std::ptr::eq(tp, py.builtins().weakref());
    if exact
        && callback.is_none()
        && let Some(basic) = basic_ref(py, list)
    {
        // SAFETY: list members are live weak references.
        return Ok(unsafe { Bound::from_borrowed_ptr(py, basic) });
    }
    let alloc = tp.tp_alloc.get().unwrap_or(crate::object::generic_alloc);
    let fresh = alloc(py, tp, 0)?;
    // SAFETY: `tp` is a weakref type (checked), so its instances extend WeakRef.
    let wr = unsafe { fresh.downcast_unchecked::<WeakRef>() }.clone();
    wr.reset_hash();
    wr.callback.set(py, callback.cloned());
    // Allocation cannot have run user code that changed the list (only a collection
    // could, and collections run at safe points), but re-read the head anyway.
    if let Some(list) = weaklist_of(obj.as_any_ref()) {
        // SAFETY: `wr` is fresh (on no list) and `list` is `obj`'s.
        unsafe { link(py, obj.as_ptr(), list, &wr) };
    }
    Ok(wr)
}
