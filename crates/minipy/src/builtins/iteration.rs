//! Iteration builtins: `iter`, `next`, `sorted`, `enumerate`, `zip`, `reversed`,
//! `map`, `filter`. `enumerate`/`zip`/`map`/`filter`/`reversed` consume their input
//! eagerly and return a list iterator (pyrt has no generator machinery; the values and
//! their order are CPython's, laziness is not).
//!
//! Owns these functions and the stable sort with a fallible comparison that
//! `sorted` and `list.sort` share.

use super::{check_count, kwarg, no_kwargs, one_arg, only_kwargs};
use crate::builtins::native;
use crate::eval::calls::call_object;
use crate::eval::operators::{collect, get_iter, next};
use pyrt_core::builtins::{DictObject, TupleObject, int_new, list_new, tuple_new};
use pyrt_core::protocol::{is_true, rich_compare_bool};
use pyrt_core::types::CompareOp;
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

/// The functions of this group.
pub static FUNCTIONS: [MethodDef; 8] = [
    native("iter", iter),
    native("next", next_fn),
    native("sorted", sorted),
    native("enumerate", enumerate),
    native("zip", zip),
    native("reversed", reversed),
    native("map", map),
    native("filter", filter),
];

fn list_iter<'py>(py: Python<'py>, items: &[Bound<'py, PyAny>]) -> R<'py> {
    let l = list_new(py, items)?;
    get_iter(py, l.as_any())
}

fn iter<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "iter", kw)?;
    check_count(py, "iter", args, 1, 1)?;
    get_iter(py, &args[0])
}

fn next_fn<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "next", kw)?;
    check_count(py, "next", args, 1, 2)?;
    let it = &args[0];
    let Some(f) = it.ob_type().tp_iternext.get() else {
        return Err(PyErr::type_error(
            py,
            format!("'{}' object is not an iterator", it.type_name()),
        ));
    };
    match f(py, it) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::with_args(
                py,
                py.builtins().stop_iteration(),
                tuple_new(py, &[])?,
            )),
        },
        Err(e) if args.len() == 2 && e.is_instance_of(py, py.builtins().stop_iteration()) => {
            Ok(args[1].clone())
        }
        Err(e) => Err(e),
    }
}

/// Sorts `items` stably by `keys` with `<`, stopping at the first comparison error.
pub fn sort_items<'py>(
    py: Python<'py>,
    items: Vec<Bound<'py, PyAny>>,
    key: Option<&Bound<'py, PyAny>>,
    reverse: bool,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let keys: Vec<Bound<'py, PyAny>> = match key {
        Some(k) => items
            .iter()
            .map(|i| call_object(py, k, vec![i.clone()], None))
            .collect::<PyResult<_>>()?,
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut buf = idx.clone();
    merge_sort(py, &keys, &mut idx, &mut buf)?;
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn merge_sort<'py>(
    py: Python<'py>,
    keys: &[Bound<'py, PyAny>],
    v: &mut [usize],
    buf: &mut [usize],
) -> PyResult<()> {
    let n = v.len();
    if n <= 1 {
        return Ok(());
    }
    let mid = n / 2;
    {
        let (l, r) = v.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(py, keys, l, bl)?;
        merge_sort(py, keys, r, br)?;
    }
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        // Stable: take from the right only if right < left.
        if rich_compare_bool(py, &keys[v[j]], &keys[v[i]], CompareOp::Lt)? {
            buf[k] = v[j];
            j += 1;
        } else {
            buf[k] = v[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        buf[k] = v[i];
        i += 1;
        k += 1;
    }
    while j < n {
        buf[k] = v[j];
        j += 1;
        k += 1;
    }
    v.copy_from_slice(&buf[..n]);
    Ok(())
}

/// The `key=` and `reverse=` keywords of `sorted` and `list.sort`.
pub fn sort_options<'py>(
    py: Python<'py>,
    name: &str,
    kw: Kw<'_, 'py>,
) -> PyResult<(Option<Bound<'py, PyAny>>, bool)> {
    only_kwargs(py, name, kw, &["key", "reverse"])?;
    let key = kwarg(py, kw, "key")?.filter(|k| !super::is_none(py, k));
    let reverse = match kwarg(py, kw, "reverse")? {
        Some(r) => is_true(py, &r)?,
        None => false,
    };
    Ok((key, reverse))
}

fn sorted<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    if args.len() != 1 {
        return Err(PyErr::type_error(
            py,
            format!("sorted expected 1 argument, got {}", args.len()),
        ));
    }
    let (key, reverse) = sort_options(py, "sort", kw)?;
    let items = collect(py, &args[0])?;
    let out = sort_items(py, items, key.as_ref(), reverse)?;
    Ok(list_new(py, &out)?.into_any())
}

fn enumerate<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    only_kwargs(py, "enumerate", kw, &["start"])?;
    check_count(py, "enumerate", args, 1, 2)?;
    let start = match args.get(1).cloned().or(kwarg(py, kw, "start")?) {
        Some(s) => crate::objects::range::index_arg(py, &s)?,
        None => 0,
    };
    let mut out = Vec::new();
    for (i, x) in collect(py, &args[0])?.into_iter().enumerate() {
        out.push(tuple_new(py, &[int_new(py, start + i as i64)?.into_any(), x])?.into_any());
    }
    list_iter(py, &out)
}

fn zip<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "zip", kw)?;
    let iters: Vec<Bound<'py, PyAny>> = args
        .iter()
        .map(|a| get_iter(py, a))
        .collect::<PyResult<_>>()?;
    let mut out = Vec::new();
    if !iters.is_empty() {
        'outer: loop {
            let mut row = Vec::with_capacity(iters.len());
            for it in &iters {
                match next(py, it)? {
                    Some(v) => row.push(v),
                    None => break 'outer,
                }
            }
            out.push(tuple_new(py, &row)?.into_any());
        }
    }
    list_iter(py, &out)
}

fn reversed<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "reversed", kw)?;
    let a = one_arg(py, "reversed", args)?;
    let key = pyrt_core::builtins::intern(py, "__reversed__")?.into_any();
    if let Ok(f) = pyrt_typeobject::attr::getattr(py, a, &key) {
        return call_object(py, &f, vec![], None);
    }
    if a.ob_type()
        .sequence()
        .and_then(|s| s.sq_item.get())
        .is_none()
    {
        return Err(PyErr::type_error(
            py,
            format!("'{}' object is not reversible", a.type_name()),
        ));
    }
    let mut items = collect(py, a)?;
    items.reverse();
    list_iter(py, &items)
}

fn map<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "map", kw)?;
    if args.len() < 2 {
        return Err(PyErr::type_error(
            py,
            "map() must have at least two arguments.",
        ));
    }
    let iters: Vec<Bound<'py, PyAny>> = args[1..]
        .iter()
        .map(|a| get_iter(py, a))
        .collect::<PyResult<_>>()?;
    let mut out = Vec::new();
    'outer: loop {
        let mut row = Vec::with_capacity(iters.len());
        for it in &iters {
            match next(py, it)? {
                Some(v) => row.push(v),
                None => break 'outer,
            }
        }
        out.push(call_object(py, &args[0], row, None)?);
    }
    list_iter(py, &out)
}

fn filter<'py>(
    py: Python<'py>,
    _s: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let args = args_t.items(py);
    no_kwargs(py, "filter", kw)?;
    check_count(py, "filter", args, 2, 2)?;
    let mut out = Vec::new();
    for x in collect(py, &args[1])? {
        let keep = if super::is_none(py, &args[0]) {
            is_true(py, &x)?
        } else {
            let r = call_object(py, &args[0], vec![x.clone()], None)?;
            is_true(py, &r)?
        };
        if keep {
            out.push(x);
        }
    }
    list_iter(py, &out)
}
