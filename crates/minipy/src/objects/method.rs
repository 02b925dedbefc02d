//! `method`: a function bound to an instance. TEMPORARY — minipy's own bound method,
//! used until pyrt's `method` type lands (branch `descr`); then `function`'s
//! `tp_descr_get` should build pyrt's instead and this module goes away.
//!
//! Owns the bound-method type: call (self prepended), repr, equality, attributes.

use super::native_type::{NativeObject, alloc_native, is_type, make_native_type};
use pyrt_core::builtins::{StrObject, TupleObject, str_new, tuple_new};
use pyrt_core::protocol::{bool_obj, hash};
use pyrt_core::types::CompareOp;
use pyrt_core::{Bound, Py, PyAny, PyResult, Python, TypeObject};
use pyrt_typeobject::attr::getattr;

/// A bound method: field 0 the function, field 1 the instance.
pub type MethodObject = NativeObject<2>;

pub(super) fn make_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<2>(py, "method", false)?;
    let tp = t.bind(py);
    tp.tp_call.set(Some(method_call));
    tp.tp_repr.set(Some(method_repr));
    tp.tp_richcompare.set(Some(method_richcompare));
    tp.tp_hash.set(Some(method_hash));
    tp.tp_getattro.set(Some(method_getattro));
    Ok(t)
}

/// `func` bound to `obj`.
pub fn new_method<'py>(
    py: Python<'py>,
    func: &Bound<'py, PyAny>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let m = alloc_native::<2>(py, super::types(py).method.bind(py))?;
    m.set(py, 0, Some(func.clone()));
    m.set(py, 1, Some(obj.clone()));
    Ok(m.into_any())
}

/// The function and instance of a bound method.
pub fn parts<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    if !is_type(obj, &super::types(py).method) {
        return None;
    }
    let m = obj.downcast::<MethodObject>().ok()?;
    Some((m.get(py, 0)?, m.get(py, 1)?))
}

fn method_call<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let Some((func, this)) = parts(py, obj) else {
        return Err(pyrt_core::PyErr::system_error(py, "bad method object"));
    };
    // SAFETY: tp_call receives an args tuple.
    let args = unsafe { args.downcast_unchecked::<TupleObject>() };
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(this);
    all.extend(args.items(py).iter().cloned());
    let t = tuple_new(py, &all)?;
    // SAFETY: tp_call receives a kwargs dict or nothing.
    let kw = kwargs.map(|k| unsafe { k.downcast_unchecked::<pyrt_core::builtins::DictObject>() });
    pyrt_typeobject::call(py, &func, &t, kw)
}

fn name_of<'py>(py: Python<'py>, func: &Bound<'py, PyAny>) -> String {
    let key = pyrt_core::builtins::intern(py, "__qualname__").map(Bound::into_any);
    key.ok()
        .and_then(|k| getattr(py, func, &k).ok())
        .and_then(|v| {
            v.downcast::<StrObject>()
                .ok()
                .map(|s| s.as_str().to_owned())
        })
        .unwrap_or_else(|| "?".into())
}

fn method_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let Some((func, this)) = parts(py, obj) else {
        return Ok(str_new(py, "<method>")?.into_any());
    };
    let r = crate::builtins::repr_string(py, &this)?;
    Ok(str_new(py, &format!("<bound method {} of {r}>", name_of(py, &func)))?.into_any())
}

fn method_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    let (Some((fa, sa)), Some((fb, sb))) = (parts(py, a), parts(py, b)) else {
        return Ok(Bound::from_ref(py, py.singletons().not_implemented()));
    };
    let same = fa.is(&fb) && sa.is(&sb);
    match op {
        CompareOp::Eq => Ok(bool_obj(py, same)),
        CompareOp::Ne => Ok(bool_obj(py, !same)),
        _ => Ok(Bound::from_ref(py, py.singletons().not_implemented())),
    }
}

fn method_hash(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    match parts(py, obj) {
        Some((f, s)) => Ok(hash(py, &f)? ^ (s.as_any_ref().addr() >> 4) as isize),
        None => Ok(0),
    }
}

fn method_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let Some((func, this)) = parts(py, obj) else {
        return pyrt_typeobject::attr::generic_getattr(py, obj, name);
    };
    match name.downcast::<StrObject>().map(|s| s.as_str()) {
        Ok("__func__") => Ok(func),
        Ok("__self__") => Ok(this),
        Ok("__class__") => Ok(obj.get_type().into_any()),
        _ => getattr(py, &func, name),
    }
}
