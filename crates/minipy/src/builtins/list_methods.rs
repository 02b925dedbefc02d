//! The methods of `list` and `tuple` (`append`, `extend`, `pop`, `insert`, `remove`,
//! `index`, `count`, `reverse`, `sort`, `copy`, `clear`), installed as method
//! descriptors in the types' dicts. pyrt's list payload exposes append/get/clear only,
//! so in-place edits rebuild the item vector.
//!
//! Owns these methods and their messages.

use super::{check_count, no_kwargs, one_arg};
use crate::objects::builtin_fn::{NativeFn, install_methods};
use pyrt_core::builtins::{DictObject, ListObject, TupleObject, int_new, list_new};
use pyrt_core::protocol::{none, rich_compare_bool};
use pyrt_core::types::CompareOp;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

type Slf<'a, 'py> = Option<&'a Bound<'py, PyAny>>;
type Args<'a, 'py> = &'a [Bound<'py, PyAny>];
type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

pub(super) fn install(py: Python<'_>) -> PyResult<()> {
    let list: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("reverse", reverse),
        ("sort", sort),
        ("copy", copy),
        ("clear", clear),
    ];
    install_methods(py, py.builtins().list(), list)?;
    let tuple: &[(&'static str, NativeFn)] = &[("index", index), ("count", count)];
    install_methods(py, py.builtins().tuple(), tuple)
}

fn this<'a, 'py>(py: Python<'py>, s: Slf<'a, 'py>) -> PyResult<&'a Bound<'py, ListObject>> {
    s.and_then(|s| s.downcast::<ListObject>().ok())
        .ok_or_else(|| PyErr::type_error(py, "descriptor requires a 'list' object"))
}

fn items<'py>(py: Python<'py>, s: Slf<'_, 'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let s = s.ok_or_else(|| PyErr::type_error(py, "missing self"))?;
    if let Ok(l) = s.downcast::<ListObject>() {
        return Ok(l.to_vec(py));
    }
    if let Ok(t) = s.downcast::<TupleObject>() {
        return Ok(t.items(py).to_vec());
    }
    Err(PyErr::type_error(py, "descriptor requires a sequence"))
}

fn replace(py: Python<'_>, l: &ListObject, new: &[Bound<'_, PyAny>]) {
    l.clear(py);
    for i in new {
        l.append(i);
    }
}

fn append<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "list.append", kw)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(
            py,
            format!(
                "list.append() takes exactly one argument ({} given)",
                args.len()
            ),
        ));
    }
    this(py, s)?.append(&args[0]);
    Ok(none(py))
}

fn extend<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "list.extend", kw)?;
    let a = one_arg(py, "list.extend", args)?;
    let l = this(py, s)?;
    if !crate::eval::operators::is_iterable(a) {
        return Err(PyErr::type_error(
            py,
            format!("'{}' object is not iterable", a.type_name()),
        ));
    }
    for x in crate::eval::operators::collect(py, a)? {
        l.append(&x);
    }
    Ok(none(py))
}

fn pop<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "pop", kw)?;
    check_count(py, "pop", args, 0, 1)?;
    let l = this(py, s)?;
    let mut v = l.to_vec(py);
    if v.is_empty() {
        return Err(PyErr::index_error(py, "pop from empty list"));
    }
    let n = v.len() as i64;
    let i = match args.first() {
        Some(a) => crate::objects::range::index_arg(py, a)?,
        None => n - 1,
    };
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error(py, "pop index out of range"));
    }
    let item = v.remove(i as usize);
    replace(py, l, &v);
    Ok(item)
}

fn insert<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "insert", kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(
            py,
            format!("insert expected 2 arguments, got {}", args.len()),
        ));
    }
    let l = this(py, s)?;
    let mut v = l.to_vec(py);
    let n = v.len() as i64;
    let i = crate::objects::range::index_arg(py, &args[0])?;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(i as usize, args[1].clone());
    replace(py, l, &v);
    Ok(none(py))
}

fn position<'py>(
    py: Python<'py>,
    v: &[Bound<'py, PyAny>],
    x: &Bound<'py, PyAny>,
) -> PyResult<Option<usize>> {
    for (i, it) in v.iter().enumerate() {
        if rich_compare_bool(py, it, x, CompareOp::Eq)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "list.remove", kw)?;
    let x = one_arg(py, "list.remove", args)?;
    let l = this(py, s)?;
    let mut v = l.to_vec(py);
    match position(py, &v, x)? {
        Some(i) => {
            v.remove(i);
            replace(py, l, &v);
            Ok(none(py))
        }
        None => Err(PyErr::value_error(py, "list.remove(x): x not in list")),
    }
}

fn index<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "index", kw)?;
    check_count(py, "index", args, 1, 3)?;
    let v = items(py, s)?;
    match position(py, &v, &args[0])? {
        Some(i) => Ok(int_new(py, i as i64)?.into_any()),
        None => {
            let what = if s.is_some_and(|s| s.downcast::<TupleObject>().is_ok()) {
                "tuple.index(x): x not in tuple".to_string()
            } else {
                format!("{} is not in list", super::repr_string(py, &args[0])?)
            };
            Err(PyErr::value_error(py, what))
        }
    }
}

fn count<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "count", kw)?;
    let x = one_arg(py, "count", args)?;
    let mut n = 0;
    for it in items(py, s)? {
        if rich_compare_bool(py, &it, x, CompareOp::Eq)? {
            n += 1;
        }
    }
    Ok(int_new(py, n)?.into_any())
}

fn reverse<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "reverse", kw)?;
    check_count(py, "reverse", args, 0, 0)?;
    let l = this(py, s)?;
    let mut v = l.to_vec(py);
    v.reverse();
    replace(py, l, &v);
    Ok(none(py))
}

fn sort<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    if !args.is_empty() {
        return Err(PyErr::type_error(
            py,
            "sort() takes no positional arguments",
        ));
    }
    let (key, reverse) = super::iteration::sort_options(py, "sort", kw)?;
    let l = this(py, s)?;
    let v = l.to_vec(py);
    let sorted = super::iteration::sort_items(py, v, key.as_ref(), reverse)?;
    replace(py, l, &sorted);
    Ok(none(py))
}

fn copy<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "copy", kw)?;
    check_count(py, "copy", args, 0, 0)?;
    Ok(list_new(py, &this(py, s)?.to_vec(py))?.into_any())
}

fn clear<'py>(py: Python<'py>, s: Slf<'_, 'py>, args: Args<'_, 'py>, kw: Kw<'_, 'py>) -> R<'py> {
    no_kwargs(py, "clear", kw)?;
    check_count(py, "clear", args, 0, 0)?;
    this(py, s)?.clear(py);
    Ok(none(py))
}
