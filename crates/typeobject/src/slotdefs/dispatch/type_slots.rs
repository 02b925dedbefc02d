//! The dispatchers of type-level slots: `tp_hash`, `tp_call`, `tp_richcompare`,
//! `tp_iternext`, `tp_getattro` (with the `__getattr__` fallback), `tp_setattro`,
//! `tp_descr_get`, `tp_descr_set`, `tp_init`, `tp_new` and `tp_finalize`.
//!
//! Owns the calling shape of each and its result checks (`__hash__ method should return
//! an integer`, `__init__() should return None, not 'int'`). Must not implement the
//! generic attribute protocol (it calls `attr::generic_getattr` for `object`'s).

use crate::attr::getattr;
use crate::slot_wrapper::direct_slot_of;
use crate::slotdefs::method::{call_or_not_implemented, call_required, is_none, lookup_method};
use crate::slotdefs::names::Dunder;
use crate::type_ready::hash_not_implemented;
use pyrt_core::builtins::{DictObject, IntObject, TupleObject, hash_i64};
use pyrt_core::types::{CompareOp, SlotId, SlotValue};
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeObject};

/// `tp_hash`: `type(obj).__hash__(obj)`, which must return an `int` (hashed like one);
/// `__hash__ = None` makes the type unhashable.
pub(crate) fn slot_tp_hash(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    let m = match lookup_method(py, obj, Dunder::Hash)? {
        Some(m) if !is_none(py, m.callable()) => m,
        _ => return hash_not_implemented(py, obj),
    };
    let r = m.call(py, obj, &[], None)?;
    match r.downcast::<IntObject>() {
        Ok(i) => Ok(hash_i64(i.value())),
        Err(_) => Err(PyErr::type_error(
            py,
            "__hash__ method should return an integer",
        )),
    }
}

/// `tp_call`: `type(obj).__call__(obj, *args, **kwargs)`.
pub(crate) fn slot_tp_call<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py>,
    kwargs: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let (args, kwargs) = call_args(args, kwargs);
    match lookup_method(py, obj, Dunder::Call)? {
        Some(m) => m.call(py, obj, args.items(py), kwargs),
        None => Err(PyErr::attribute_error(py, Dunder::Call.as_str())),
    }
}

/// The args tuple and kwargs dict of a `tp_call`/`tp_init` call.
fn call_args<'a, 'py>(
    args: &'a Bound<'py>,
    kwargs: Option<&'a Bound<'py>>,
) -> (
    &'a Bound<'py, TupleObject>,
    Option<&'a Bound<'py, DictObject>>,
) {
    // SAFETY: the call protocol passes an args tuple and a kwargs dict (or nothing).
    unsafe {
        (
            args.downcast_unchecked::<TupleObject>(),
            kwargs.map(|k| k.downcast_unchecked::<DictObject>()),
        )
    }
}

/// `tp_richcompare`: the dunder of `op` on `type(a)`; `NotImplemented` without one.
pub(crate) fn slot_tp_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    let name = match op {
        CompareOp::Lt => Dunder::Lt,
        CompareOp::Le => Dunder::Le,
        CompareOp::Eq => Dunder::Eq,
        CompareOp::Ne => Dunder::Ne,
        CompareOp::Gt => Dunder::Gt,
        CompareOp::Ge => Dunder::Ge,
    };
    call_or_not_implemented(py, a, name, std::slice::from_ref(b))
}

/// `tp_iternext`: `type(obj).__next__(obj)`; `StopIteration` means exhausted.
pub(crate) fn slot_tp_iternext<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
) -> PyResult<Option<Bound<'py>>> {
    match call_required(py, obj, Dunder::Next, &[]) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance_of(py, py.builtins().stop_iteration()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Calls the `__getattribute__` found on `type(obj)`: a slot wrapper of a base's
/// `tp_getattro` (such as `object.__getattribute__`) is called directly.
fn call_getattribute<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    name: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    let Some(m) = lookup_method(py, obj, Dunder::GetAttribute)? else {
        return crate::attr::generic_getattr(py, obj, name);
    };
    if let Some(SlotValue::Binary(f)) =
        direct_slot_of(m.callable(), SlotId::TP_GETATTRO, obj.ob_type())
    {
        return f(py, obj, name);
    }
    m.call(py, obj, std::slice::from_ref(name), None)
}

/// `tp_getattro`: `__getattribute__`, then, on `AttributeError`, `__getattr__` when the
/// type has one.
pub(crate) fn slot_tp_getattr_hook<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    name: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    let getattr_hook = lookup_method(py, obj, Dunder::GetAttr)?;
    match call_getattribute(py, obj, name) {
        Err(e) if e.is_instance_of(py, py.builtins().attribute_error()) => match getattr_hook {
            Some(m) => m.call(py, obj, std::slice::from_ref(name), None),
            None => Err(e),
        },
        r => r,
    }
}

/// `tp_setattro`: `__setattr__(name, value)`, or `__delattr__(name)` for `None`.
pub(crate) fn slot_tp_setattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    name: &Bound<'py>,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    match value {
        Some(v) => call_required(py, obj, Dunder::SetAttr, &[name.clone(), v.clone()]),
        None => call_required(py, obj, Dunder::DelAttr, std::slice::from_ref(name)),
    }
    .map(drop)
}

/// `tp_descr_get`: `type(d).__get__(d, obj or None, owner or None)`.
pub(crate) fn slot_tp_descr_get<'py>(
    py: Python<'py>,
    d: &Bound<'py>,
    obj: Option<&Bound<'py>>,
    owner: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let none = || pyrt_core::protocol::none(py);
    let obj = obj.cloned().unwrap_or_else(none);
    let owner = owner.cloned().unwrap_or_else(none);
    call_required(py, d, Dunder::Get, &[obj, owner])
}

/// `tp_descr_set`: `__set__(obj, value)`, or `__delete__(obj)` for `None`.
pub(crate) fn slot_tp_descr_set<'py>(
    py: Python<'py>,
    d: &Bound<'py>,
    obj: &Bound<'py>,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    match value {
        Some(v) => call_required(py, d, Dunder::Set, &[obj.clone(), v.clone()]),
        None => call_required(py, d, Dunder::Delete, std::slice::from_ref(obj)),
    }
    .map(drop)
}

/// `tp_init`: `type(obj).__init__(obj, *args, **kwargs)`, which must return `None`.
pub(crate) fn slot_tp_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<()> {
    let Some(m) = lookup_method(py, obj, Dunder::Init)? else {
        return Err(PyErr::attribute_error(py, Dunder::Init.as_str()));
    };
    let r = m.call(py, obj, args.items(py), kwargs)?;
    if !is_none(py, &r) {
        return Err(PyErr::type_error(
            py,
            format!("__init__() should return None, not '{}'", r.type_name()),
        ));
    }
    Ok(())
}

/// `tp_new`: `T.__new__(T, *args, **kwargs)`, the attribute read from the type (so a
/// `staticmethod` unwraps).
pub(crate) fn slot_tp_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    let name = Dunder::New.interned(py)?.into_any();
    let f = getattr(py, tp.as_any(), &name)?;
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(tp.clone().into_any());
    all.extend_from_slice(args.items(py));
    crate::call::call(py, &f, &pyrt_core::builtins::tuple_new(py, &all)?, kwargs)
}

/// `tp_finalize`: `type(obj).__del__(obj)`; an exception cannot propagate and is
/// reported as unraisable.
pub(crate) fn slot_tp_finalize(py: Python<'_>, obj: &Bound<'_>) {
    let r = match lookup_method(py, obj, Dunder::Del) {
        Ok(Some(m)) => m
            .call(py, obj, &[], None)
            .map(|_| ())
            .map_err(|e| (e, Some(m))),
        Ok(None) => Ok(()),
        Err(e) => Err((e, None)),
    };
    if let Err((e, m)) = r {
        pyrt_core::unraisable::write_unraisable(py, e, m.as_ref().map(|m| m.callable()));
    }
}
