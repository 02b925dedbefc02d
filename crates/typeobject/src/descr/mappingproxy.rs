//! `mappingproxy`: a read-only view of a mapping; what `T.__dict__` returns. Supports
//! `[]`, `len`, `in`, `get`, `keys`, `values`, `items`, `copy`, comparison, `str` and
//! the repr `mappingproxy({...})`. Item assignment is refused by having no assignment
//! slot (`'mappingproxy' object does not support item assignment`).
//!
//! Deviation: pyrt has no dict views or iterator objects yet, so `keys()`, `values()`
//! and `items()` return lists, and iteration goes through `list(proxy)` reading the
//! underlying dict.
//!
//! Owns the type's slots and methods and [`mappingproxy_new`].

use super::common::new_str;
use crate::builtins::args::{Kwargs, bind};
use crate::builtins::call::{alloc_instance, not_implemented, repr_of, str_of};
use crate::call::call_method;
use crate::names;
use pyrt_core::builtins::{
    DictObject, ListObject, MappingProxyObject, TupleObject, list_new, tuple_new,
};
use pyrt_core::protocol::{none, rich_compare};
use pyrt_core::types::{CompareOp, MethodDef, MethodFlags, MethodFn, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};
use std::ptr::NonNull;

/// A read-only proxy of `mapping` (a dict, or any object with `mp_subscript` that is
/// not a list or tuple).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let d = pyrt_core::builtins::dict_new(py).unwrap();
///     let p = pyrt_typeobject::descr::mappingproxy_new(py, d.as_any()).unwrap();
///     let r = pyrt_typeobject::builtins::call::repr_of(py, p.as_any()).unwrap();
///     assert_eq!(r.as_str(), "mappingproxy({})");
/// });
/// ```
pub fn mappingproxy_new<'py>(
    py: Python<'py>,
    mapping: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, MappingProxyObject>> {
    check_mapping(py, mapping)?;
    let o = alloc_instance(py, py.builtins().mappingproxy(), 0)?;
    let p = payload(py, &o)?.clone();
    p.mapping.set(py, Some(mapping.clone()));
    Ok(p)
}

/// Stores the type's slots and methods.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_new.set(Some(proxy_new_slot));
    tp.tp_repr.set(Some(proxy_repr));
    tp.tp_str.set(Some(proxy_str));
    tp.tp_richcompare.set(Some(proxy_richcompare));
    tp.tp_iter.set(Some(proxy_iter));
    tp.tp_methods.set(&METHODS);
    // SAFETY: static type: its own inline tables outlive it.
    unsafe {
        tp.tp_as_mapping.set(Some(NonNull::from(&tp.as_mapping)));
        tp.tp_as_sequence.set(Some(NonNull::from(&tp.as_sequence)));
    }
    tp.as_mapping.mp_length.set(Some(proxy_len));
    tp.as_mapping.mp_subscript.set(Some(proxy_getitem));
    tp.as_sequence.sq_contains.set(Some(proxy_contains));
}

fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, MappingProxyObject>> {
    obj.downcast::<MappingProxyObject>()
        .map_err(|_| PyErr::system_error(py, "expected a mappingproxy"))
}

/// The mapping viewed.
pub(crate) fn mapping_of<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    payload(py, obj)?
        .mapping
        .get(py)
        .ok_or_else(|| PyErr::system_error(py, "mappingproxy without a mapping"))
}

/// `mappingproxy() argument must be a mapping, not T`.
fn check_mapping(py: Python<'_>, m: &Bound<'_, PyAny>) -> PyResult<()> {
    let tp = m.ob_type();
    let is_seq = m.downcast::<ListObject>().is_ok() || m.downcast::<TupleObject>().is_ok();
    let has_getitem = tp.mapping().and_then(|t| t.mp_subscript.get()).is_some();
    if has_getitem && !is_seq {
        return Ok(());
    }
    Err(PyErr::type_error(
        py,
        format!(
            "mappingproxy() argument must be a mapping, not {}",
            names::tp_name(tp)
        ),
    ))
}

fn proxy_new_slot<'py>(
    py: Python<'py>,
    _tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py, PyAny>> {
    let bound = bind(py, "mappingproxy", &["mapping"], 0, args, kwargs)?;
    let Some(m) = bound.into_iter().next().flatten() else {
        return Err(PyErr::type_error(
            py,
            "mappingproxy() missing required argument 'mapping' (pos 1)",
        ));
    };
    Ok(mappingproxy_new(py, &m)?.into_any())
}

fn proxy_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    let r = repr_of(py, &mapping_of(py, obj)?)?;
    new_str(py, &format!("mappingproxy({})", r.as_str()))
}

fn proxy_str<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    Ok(str_of(py, &mapping_of(py, obj)?)?.into_any())
}

fn proxy_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    if payload(py, a).is_err() {
        return Ok(not_implemented(py));
    }
    rich_compare(py, &mapping_of(py, a)?, b, op)
}

/// `iter(proxy)`: an iterator over the underlying mapping (its keys, for a dict).
fn proxy_iter<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    let m = mapping_of(py, obj)?;
    if m.ob_type().tp_iter.get().is_some() {
        return crate::ops::iter(py, &m);
    }
    // A dict without `tp_iter` (pyrt's core dict): a snapshot of its keys.
    let keys = crate::builtins::call::collect_iterable(py, &m)?;
    let list = pyrt_core::builtins::list_new(py, &keys)?;
    crate::ops::iter(py, list.as_any())
}

fn proxy_len(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    let m = mapping_of(py, obj)?;
    match m.ob_type().mapping().and_then(|t| t.mp_length.get()) {
        Some(f) => f(py, &m),
        None => Err(PyErr::type_error(
            py,
            format!(
                "object of type '{}' has no len()",
                names::tp_name(m.ob_type())
            ),
        )),
    }
}

fn proxy_getitem<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let m = mapping_of(py, obj)?;
    match m.ob_type().mapping().and_then(|t| t.mp_subscript.get()) {
        Some(f) => f(py, &m, key),
        None => Err(PyErr::system_error(py, "mapping lost its __getitem__")),
    }
}

fn proxy_contains(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    key: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    let m = mapping_of(py, obj)?;
    if let Ok(d) = m.downcast::<DictObject>() {
        return Ok(d.get_item(py, key)?.is_some());
    }
    match m.ob_type().sequence().and_then(|t| t.sq_contains.get()) {
        Some(f) => f(py, &m, key),
        None => Err(PyErr::type_error(
            py,
            format!(
                "argument of type '{}' is not iterable",
                names::tp_name(m.ob_type())
            ),
        )),
    }
}

/// `get expected at least 1 argument, got 0` / `… at most 2 arguments, got 3`.
fn get<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    let (key, default) = match args {
        [k] => (k, none(py)),
        [k, d] => (k, d.clone()),
        [] => {
            return Err(PyErr::type_error(
                py,
                "get expected at least 1 argument, got 0",
            ));
        }
        _ => {
            return Err(PyErr::type_error(
                py,
                format!("get expected at most 2 arguments, got {}", args.len()),
            ));
        }
    };
    let m = mapping_of(py, obj)?;
    if let Ok(d) = m.downcast::<DictObject>() {
        return Ok(d.get_item(py, key)?.unwrap_or(default));
    }
    call_method(py, &m, "get", &[key.clone(), default])
}

/// `keys()`, `values()`, `items()` of a dict as lists; other mappings are asked.
fn listing<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    which: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let m = mapping_of(py, obj)?;
    let Ok(d) = m.downcast::<DictObject>() else {
        return call_method(py, &m, which, &[]);
    };
    let items: Vec<Bound<'py, PyAny>> = match which {
        "keys" => d.keys(py),
        "values" => d.items(py).into_iter().map(|(_, v)| v).collect(),
        _ => d
            .items(py)
            .into_iter()
            .map(|(k, v)| tuple_new(py, &[k, v]).map(Bound::into_any))
            .collect::<PyResult<_>>()?,
    };
    Ok(list_new(py, &items)?.into_any())
}

fn keys<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    listing(py, obj, "keys")
}

fn values<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    listing(py, obj, "values")
}

fn items<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    listing(py, obj, "items")
}

/// `copy()`: a new dict with the same items (for a dict), else `mapping.copy()`.
fn copy<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let m = mapping_of(py, obj)?;
    let Ok(d) = m.downcast::<DictObject>() else {
        return call_method(py, &m, "copy", &[]);
    };
    let new = pyrt_core::builtins::dict_new(py)?;
    for (k, v) in d.items(py) {
        new.set_item(py, &k, &v)?;
    }
    Ok(new.into_any())
}

static METHODS: [MethodDef; 5] = [
    MethodDef {
        name: "get",
        meth: MethodFn::Fast(get),
        flags: MethodFlags(0),
        doc: Some("Return the value for key if key is in the mapping, else default."),
    },
    MethodDef {
        name: "keys",
        meth: MethodFn::NoArgs(keys),
        flags: MethodFlags(0),
        doc: Some("D.keys() -> a set-like object providing a view on D's keys"),
    },
    MethodDef {
        name: "values",
        meth: MethodFn::NoArgs(values),
        flags: MethodFlags(0),
        doc: Some("D.values() -> an object providing a view on D's values"),
    },
    MethodDef {
        name: "items",
        meth: MethodFn::NoArgs(items),
        flags: MethodFlags(0),
        doc: Some("D.items() -> a set-like object providing a view on D's items"),
    },
    MethodDef {
        name: "copy",
        meth: MethodFn::NoArgs(copy),
        flags: MethodFlags(0),
        doc: Some("D.copy() -> a shallow copy of D"),
    },
];
