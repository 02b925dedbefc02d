//! The methods of `dict`: `get`, `keys`, `values`, `items`, `pop`, `setdefault`,
//! `update`, `copy`, `clear`, `popitem`, installed as method descriptors.
//!
//! Owns these methods and their messages.

use super::native;
use super::{check_count, no_kwargs};
use pyrt_core::builtins::{DictObject, TupleObject, dict_new, tuple_new};
use pyrt_core::protocol::none;
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

type Slf<'a, 'py> = Option<&'a Bound<'py, PyAny>>;
type Args<'a, 'py> = &'a [Bound<'py, PyAny>];
type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

pub(super) fn install(py: Python<'_>) -> PyResult<()> {
    super::install_methods(py, py.builtins().dict(), &METHODS)
}

fn this<'a, 'py>(py: Python<'py>, s: Slf<'a, 'py>) -> PyResult<&'a Bound<'py, DictObject>> {
    s.and_then(|s| s.downcast::<DictObject>().ok())
        .ok_or_else(|| PyErr::type_error(py, "descriptor requires a 'dict' object"))
}

fn get<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    no_kwargs(py, "get", kw)?;
    check_count(py, "get", args, 1, 2)?;
    match this(py, s)?.get_item(py, &args[0])? {
        Some(v) => Ok(v),
        None => Ok(args.get(1).cloned().unwrap_or_else(|| none(py))),
    }
}

fn view<'py>(
    py: Python<'py>,
    s: Slf<'_, 'py>,
    args: Args<'_, 'py>,
    kind: usize,
    name: &str,
) -> R<'py> {
    if !args.is_empty() {
        return Err(PyErr::type_error(
            py,
            format!("dict.{name}() takes no arguments ({} given)", args.len()),
        ));
    }
    crate::objects::views::new_view(py, this(py, s)?.as_any(), kind)
}

fn keys<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    view(py, s, args, 0, "keys")
}

fn values<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    view(py, s, args, 1, "values")
}

fn items<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    view(py, s, args, 2, "items")
}

fn pop<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    no_kwargs(py, "pop", kw)?;
    check_count(py, "pop", args, 1, 2)?;
    let d = this(py, s)?;
    match d.get_item(py, &args[0])? {
        Some(v) => {
            d.del_item(py, &args[0])?;
            Ok(v)
        }
        None => match args.get(1) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(PyErr::key_error(py, &args[0])),
        },
    }
}

fn setdefault<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    no_kwargs(py, "setdefault", kw)?;
    check_count(py, "setdefault", args, 1, 2)?;
    let d = this(py, s)?;
    if let Some(v) = d.get_item(py, &args[0])? {
        return Ok(v);
    }
    let v = args.get(1).cloned().unwrap_or_else(|| none(py));
    d.set_item(py, &args[0], &v)?;
    Ok(v)
}

fn update<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    if args.len() > 1 {
        return Err(PyErr::type_error(
            py,
            format!("update expected at most 1 argument, got {}", args.len()),
        ));
    }
    let d = this(py, s)?;
    if let Some(m) = args.first() {
        super::dict_update(py, d, m)?;
    }
    if let Some(k) = kw {
        super::dict_update(py, d, k.as_any())?;
    }
    Ok(none(py))
}

fn copy<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let out = dict_new(py)?;
    for (k, v) in this(py, s)?.items(py) {
        out.set_item(py, &k, &v)?;
    }
    Ok(out.into_any())
}

fn clear<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    this(py, s)?.clear(py);
    Ok(none(py))
}

fn popitem<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    _args: &Bound<'py, TupleObject>,
    _kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let d = this(py, s)?;
    let Some((k, v)) = d.items(py).pop() else {
        return Err(PyErr::new(
            py,
            py.builtins().key_error(),
            "popitem(): dictionary is empty",
        ));
    };
    d.del_item(py, &k)?;
    Ok(tuple_new(py, &[k, v])?.into_any())
}

static METHODS: [MethodDef; 10] = [
    native("get", get),
    native("keys", keys),
    native("values", values),
    native("items", items),
    native("pop", pop),
    native("setdefault", setdefault),
    native("update", update),
    native("copy", copy),
    native("clear", clear),
    native("popitem", popitem),
];
