//! Finding a dunder on an object's type and calling it with the object as `self`: the
//! one way every dispatcher runs Python-level code.
//!
//! A dunder is looked up on the *type* only (never the instance dict), along the MRO.
//! What is found is called unbound with `self` prepended when its type has
//! `METHOD_DESCRIPTOR` (functions, method descriptors, slot wrappers); otherwise it is
//! bound first through its `tp_descr_get` (if any) and called with the arguments alone.
//!
//! Owns that lookup-and-call convention. Must not decide what to do when the dunder is
//! missing (each dispatcher does).

use super::names::Dunder;
use crate::attr::type_lookup;
use crate::call::call;
use pyrt_core::builtins::{DictObject, StrObject, tuple_new};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags};

/// A dunder found on an object's type, ready to be called for that object.
pub(crate) enum Method<'py> {
    /// Call with `self` prepended to the arguments.
    Unbound(Bound<'py>),
    /// Already bound (or not a descriptor): call with the arguments alone.
    Bound(Bound<'py>),
}

/// Looks `name` up on `type(obj)` and prepares it for a call on `obj`; `Ok(None)` when
/// the type has no such attribute.
pub(crate) fn lookup_method<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    name: Dunder,
) -> PyResult<Option<Method<'py>>> {
    let key = name.interned(py)?;
    lookup_method_str(py, obj, &key)
}

/// [`lookup_method`] for any interned name.
pub(crate) fn lookup_method_str<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &StrObject,
) -> PyResult<Option<Method<'py>>> {
    let tp = obj.ob_type();
    // SAFETY: the value is owned by an MRO dict and still there: a new reference is
    // taken before any other code runs.
    let Some(f) = type_lookup(py, tp, key).map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
    else {
        return Ok(None);
    };
    let ft = f.ob_type();
    if ft.has_flag(TypeFlags::METHOD_DESCRIPTOR) {
        return Ok(Some(Method::Unbound(f)));
    }
    match ft.tp_descr_get.get() {
        Some(get) => {
            let owner = obj.get_type().into_any();
            Ok(Some(Method::Bound(get(py, &f, Some(obj), Some(&owner))?)))
        }
        None => Ok(Some(Method::Bound(f))),
    }
}

impl<'py> Method<'py> {
    /// Calls the method for `obj` with positional `args` and optional keywords.
    pub(crate) fn call(
        &self,
        py: Python<'py>,
        obj: &Bound<'py>,
        args: &[Bound<'py>],
        kwargs: Option<&Bound<'py, DictObject>>,
    ) -> PyResult<Bound<'py>> {
        match self {
            Method::Unbound(f) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(obj.clone());
                all.extend_from_slice(args);
                call(py, f, &tuple_new(py, &all)?, kwargs)
            }
            Method::Bound(f) => call(py, f, &tuple_new(py, args)?, kwargs),
        }
    }

    /// The callable itself (for identity checks such as "is this `object`'s wrapper").
    pub(crate) fn callable(&self) -> &Bound<'py> {
        match self {
            Method::Unbound(f) | Method::Bound(f) => f,
        }
    }
}

/// Calls `type(obj).name(obj, *args)`; `Ok(None)` when the type has no such attribute.
pub(crate) fn call_maybe<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    name: Dunder,
    args: &[Bound<'py>],
) -> PyResult<Option<Bound<'py>>> {
    match lookup_method(py, obj, name)? {
        Some(m) => m.call(py, obj, args, None).map(Some),
        None => Ok(None),
    }
}

/// Calls `type(obj).name(obj, *args)`; a missing attribute is an `AttributeError`
/// naming the dunder, as CPython raises when a slot outlives its dunder.
pub(crate) fn call_required<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    name: Dunder,
    args: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    call_maybe(py, obj, name, args)?.ok_or_else(|| PyErr::attribute_error(py, name.as_str()))
}

/// Calls `type(obj).name(obj, *args)`; a missing attribute gives `NotImplemented`.
pub(crate) fn call_or_not_implemented<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    name: Dunder,
    args: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    Ok(call_maybe(py, obj, name, args)?.unwrap_or_else(|| not_implemented(py)))
}

/// `NotImplemented`, as a new reference.
pub(crate) fn not_implemented(py: Python<'_>) -> Bound<'_> {
    Bound::from_ref(py, py.singletons().not_implemented())
}

/// Whether `obj` is `NotImplemented`.
pub(crate) fn is_not_implemented(py: Python<'_>, obj: &Bound<'_, PyAny>) -> bool {
    std::ptr::eq(obj.as_any_ref(), py.singletons().not_implemented())
}

/// Whether `obj` is `None`.
pub(crate) fn is_none(py: Python<'_>, obj: &Bound<'_, PyAny>) -> bool {
    std::ptr::eq(obj.as_any_ref(), py.singletons().none())
}
