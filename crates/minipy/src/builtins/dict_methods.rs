//! The `dict` methods minipy adds to pyrt's: `keys`, `values` and `items` returning
//! views (`dict_keys([...])`, as CPython; pyrt's own return lists), and `popitem`.
//!
//! Owns these methods and their messages.

use super::native;
use pyrt_core::builtins::{DictObject, TupleObject, tuple_new};
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

static METHODS: [MethodDef; 4] = [
    native("keys", keys),
    native("values", values),
    native("items", items),
    native("popitem", popitem),
];
