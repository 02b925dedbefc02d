//! The methods of `dict` (`tp_methods`): `get`, `setdefault`, `pop`, `update`, `keys`,
//! `values`, `items`, `copy`, `clear`, and the class method `fromkeys`.
//!
//! Deviation: pyrt has no dict views yet, so `keys()`, `values()` and `items()` return
//! lists (snapshots).
//!
//! Owns these methods and their CPython 3.11 messages. Must not reach into
//! `DictObject`'s table.

use crate::builtins::args::{Kwargs, positional};
use crate::builtins::call::collect_iterable;
use crate::builtins::dict::update_from;
use crate::call::call0;
use pyrt_core::builtins::{DictObject, TupleObject, dict_new, list_new, tuple_new};
use pyrt_core::protocol::none;
use pyrt_core::types::{MethodDef, MethodFlags, MethodFn};
use pyrt_core::{Bound, PyErr, PyResult, Python};

fn dict<'a, 'py>(py: Python<'py>, obj: &'a Bound<'py>) -> PyResult<&'a Bound<'py, DictObject>> {
    obj.downcast::<DictObject>()
        .map_err(|_| PyErr::system_error(py, "dict method called on a non-dict"))
}

fn get<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    let args = positional(py, "get", args, 1, 2)?;
    let found = dict(py, obj)?.get_item(py, &args[0])?;
    Ok(found.unwrap_or_else(|| args.get(1).cloned().unwrap_or_else(|| none(py))))
}

fn setdefault<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    let args = positional(py, "setdefault", args, 1, 2)?;
    let d = dict(py, obj)?;
    if let Some(v) = d.get_item(py, &args[0])? {
        return Ok(v);
    }
    let v = args.get(1).cloned().unwrap_or_else(|| none(py));
    d.set_item(py, &args[0], &v)?;
    Ok(v)
}

fn pop<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    let args = positional(py, "pop", args, 1, 2)?;
    let d = dict(py, obj)?;
    match d.get_item(py, &args[0])? {
        Some(v) => {
            d.del_item(py, &args[0])?;
            Ok(v)
        }
        None => match args.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(py, &args[0])),
        },
    }
}

/// `update([other], **kw)`.
fn update<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    let args = positional(py, "update", args.items(py), 0, 1)?;
    let d = dict(py, obj)?;
    if let Some(src) = args.first() {
        update_from(py, d, src)?;
    }
    if let Some(kw) = kwargs {
        update_from(py, d, kw.as_any())?;
    }
    Ok(none(py))
}

fn keys<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(list_new(py, &dict(py, obj)?.keys(py))?.into_any())
}

fn values<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let v: Vec<Bound<'py>> = dict(py, obj)?
        .items(py)
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    Ok(list_new(py, &v)?.into_any())
}

fn items<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let pairs = dict(py, obj)?
        .items(py)
        .into_iter()
        .map(|(k, v)| tuple_new(py, &[k, v]).map(Bound::into_any))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(list_new(py, &pairs)?.into_any())
}

fn copy<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let new = dict_new(py)?;
    for (k, v) in dict(py, obj)?.items(py) {
        new.set_item(py, &k, &v)?;
    }
    Ok(new.into_any())
}

fn clear<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    dict(py, obj)?.clear(py);
    Ok(none(py))
}

/// `cls.fromkeys(iterable, value=None)`: `cls()` filled with the keys.
fn fromkeys<'py>(py: Python<'py>, cls: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    let args = positional(py, "fromkeys", args, 1, 2)?;
    let value = args.get(1).cloned().unwrap_or_else(|| none(py));
    let new = call0(py, cls)?;
    let keys = collect_iterable(py, &args[0])?;
    match new.downcast::<DictObject>() {
        Ok(d) => {
            for k in &keys {
                d.set_item(py, k, &value)?;
            }
        }
        Err(_) => {
            for k in keys {
                crate::call::call_method(py, &new, "__setitem__", &[k, value.clone()])?;
            }
        }
    }
    Ok(new)
}

const fn def(name: &'static str, meth: MethodFn, doc: &'static str) -> MethodDef {
    MethodDef {
        name,
        meth,
        flags: MethodFlags(0),
        doc: Some(doc),
    }
}

/// `dict`'s `tp_methods`.
pub(crate) static DICT_METHODS: [MethodDef; 10] = [
    def(
        "get",
        MethodFn::Fast(get),
        "get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the dictionary, else default.",
    ),
    def(
        "setdefault",
        MethodFn::Fast(setdefault),
        "setdefault($self, key, default=None, /)\n--\n\nInsert key with a value of default if key is not in the dictionary.\n\nReturn the value for key if key is in the dictionary, else default.",
    ),
    def(
        "pop",
        MethodFn::Fast(pop),
        "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the key is not found, return the default if given; otherwise,\nraise a KeyError.",
    ),
    def(
        "update",
        MethodFn::Keywords(update),
        "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this is followed by: for k in F:  D[k] = F[k]",
    ),
    def(
        "keys",
        MethodFn::NoArgs(keys),
        "D.keys() -> a set-like object providing a view on D's keys",
    ),
    def(
        "values",
        MethodFn::NoArgs(values),
        "D.values() -> an object providing a view on D's values",
    ),
    def(
        "items",
        MethodFn::NoArgs(items),
        "D.items() -> a set-like object providing a view on D's items",
    ),
    def(
        "copy",
        MethodFn::NoArgs(copy),
        "D.copy() -> a shallow copy of D",
    ),
    def(
        "clear",
        MethodFn::NoArgs(clear),
        "D.clear() -> None.  Remove all items from D.",
    ),
    MethodDef {
        name: "fromkeys",
        meth: MethodFn::Fast(fromkeys),
        flags: MethodFlags::CLASS,
        doc: Some(
            "fromkeys($type, iterable, value=None, /)\n--\n\nCreate a new dictionary with keys from iterable and values set to value.",
        ),
    },
];
