//! The methods of `list` (`tp_methods`): `append`, `extend`, `insert`, `pop`, `remove`,
//! `index`, `count`, `clear`, `copy`, `reverse`, `sort(*, key=None, reverse=False)`.
//!
//! Owns these methods and their CPython 3.11 messages. Must not reach into
//! `ListObject`'s storage: edits are built from its public API (snapshot, clear,
//! append).

use crate::builtins::args::{Kwargs, bind, positional};
use crate::builtins::call::{collect_iterable, index_value};
use crate::call::call1;
use pyrt_core::builtins::{ListObject, TupleObject, int_new, list_new};
use pyrt_core::protocol::{is_true, none, rich_compare_bool};
use pyrt_core::types::{CompareOp, MethodDef, MethodFlags, MethodFn};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// The list payload of the receiver.
fn list<'a, 'py>(py: Python<'py>, obj: &'a Bound<'py>) -> PyResult<&'a Bound<'py, ListObject>> {
    obj.downcast::<ListObject>()
        .map_err(|_| PyErr::system_error(py, "list method called on a non-list"))
}

/// Replaces the whole content (old items are released after the list holds the new ones).
fn replace_all<'py>(py: Python<'py>, l: &ListObject, new: &[Bound<'py>]) {
    let old = l.to_vec(py);
    l.clear(py);
    new.iter().for_each(|x| l.append(x));
    drop(old);
}

/// An index argument: `'str' object cannot be interpreted as an integer` otherwise.
fn int_arg(py: Python<'_>, v: &Bound<'_>) -> PyResult<i64> {
    index_value(py, v)?.ok_or_else(|| {
        PyErr::type_error(
            py,
            format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        )
    })
}

fn append<'py>(py: Python<'py>, obj: &Bound<'py>, x: &Bound<'py>) -> PyResult<Bound<'py>> {
    list(py, obj)?.append(x);
    Ok(none(py))
}

fn extend<'py>(py: Python<'py>, obj: &Bound<'py>, it: &Bound<'py>) -> PyResult<Bound<'py>> {
    let l = list(py, obj)?;
    for x in collect_iterable(py, it)? {
        l.append(&x);
    }
    Ok(none(py))
}

fn insert<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    let [i, x] = positional(py, "insert", args, 2, 2)? else {
        unreachable!("positional checked the count")
    };
    let i = int_arg(py, i)?;
    let l = list(py, obj)?;
    let mut items = l.to_vec(py);
    let n = items.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, x.clone());
    replace_all(py, l, &items);
    Ok(none(py))
}

fn pop<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    let args = positional(py, "pop", args, 0, 1)?;
    let i = args
        .first()
        .map(|a| int_arg(py, a))
        .transpose()?
        .unwrap_or(-1);
    let l = list(py, obj)?;
    let mut items = l.to_vec(py);
    if items.is_empty() {
        return Err(PyErr::index_error(py, "pop from empty list"));
    }
    let Some(at) = super::sequence::normalize(i, items.len()) else {
        return Err(PyErr::index_error(py, "pop index out of range"));
    };
    let x = items.remove(at);
    replace_all(py, l, &items);
    Ok(x)
}

/// The first position in `start..stop` whose item `== x`.
fn find<'py>(
    py: Python<'py>,
    items: &[Bound<'py>],
    x: &Bound<'py>,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    for (i, item) in items.iter().enumerate().take(stop).skip(start) {
        if rich_compare_bool(py, item, x, CompareOp::Eq)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove<'py>(py: Python<'py>, obj: &Bound<'py>, x: &Bound<'py>) -> PyResult<Bound<'py>> {
    let l = list(py, obj)?;
    let mut items = l.to_vec(py);
    let Some(i) = find(py, &items, x, 0, items.len())? else {
        return Err(PyErr::value_error(py, "list.remove(x): x not in list"));
    };
    items.remove(i);
    replace_all(py, l, &items);
    Ok(none(py))
}

/// A slice bound (`start`/`stop` of `index`), clamped to `0..=len`.
fn bound_arg(py: Python<'_>, v: Option<&Bound<'_>>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let i = index_value(py, v)?.ok_or_else(|| {
        PyErr::type_error(
            py,
            "slice indices must be integers or have an __index__ method",
        )
    })?;
    let n = len as i64;
    Ok((if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize)
}

fn index<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    let args = positional(py, "index", args, 1, 3)?;
    let items = list(py, obj)?.to_vec(py);
    let start = bound_arg(py, args.get(1), items.len(), 0)?;
    let stop = bound_arg(py, args.get(2), items.len(), items.len())?;
    match find(py, &items, &args[0], start, stop)? {
        Some(i) => Ok(int_new(py, i as i64)?.into_any()),
        None => {
            let r = crate::builtins::call::repr_of(py, &args[0])?;
            Err(PyErr::value_error(
                py,
                format!("{} is not in list", r.as_str()),
            ))
        }
    }
}

fn count<'py>(py: Python<'py>, obj: &Bound<'py>, x: &Bound<'py>) -> PyResult<Bound<'py>> {
    let mut n = 0;
    for item in list(py, obj)?.to_vec(py) {
        if rich_compare_bool(py, &item, x, CompareOp::Eq)? {
            n += 1;
        }
    }
    Ok(int_new(py, n)?.into_any())
}

fn clear<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    list(py, obj)?.clear(py);
    Ok(none(py))
}

fn copy<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(list_new(py, &list(py, obj)?.to_vec(py))?.into_any())
}

fn reverse<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let l = list(py, obj)?;
    let mut items = l.to_vec(py);
    items.reverse();
    replace_all(py, l, &items);
    Ok(none(py))
}

/// A stable merge sort of `(key, item)` pairs using only `<` on keys (a user `__lt__`
/// need not be a total order; errors stop the sort).
fn merge_sort<'py>(
    py: Python<'py>,
    v: Vec<(Bound<'py>, Bound<'py>)>,
    desc: bool,
) -> PyResult<Vec<(Bound<'py>, Bound<'py>)>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    let mut left = v;
    let right = left.split_off(left.len() / 2);
    let (left, right) = (merge_sort(py, left, desc)?, merge_sort(py, right, desc)?);
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
    while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
        // Ascending: take from the right only if it is strictly smaller (stability);
        // descending: only if it is strictly greater.
        let take_right = if desc {
            rich_compare_bool(py, &a.0, &b.0, CompareOp::Lt)?
        } else {
            rich_compare_bool(py, &b.0, &a.0, CompareOp::Lt)?
        };
        out.extend(if take_right { r.next() } else { l.next() });
    }
    out.extend(l);
    out.extend(r);
    Ok(out)
}

/// `sort(*, key=None, reverse=False)`.
fn sort<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    if !args.is_empty() {
        return Err(PyErr::type_error(
            py,
            "sort() takes no positional arguments",
        ));
    }
    let empty = pyrt_core::builtins::tuple_new(py, &[])?;
    let kw = bind(py, "sort", &["key", "reverse"], 0, &empty, kwargs)?;
    let none_obj = none(py);
    let key = kw[0].clone().filter(|k| !k.is(&none_obj));
    let desc = match &kw[1] {
        Some(r) => is_true(py, r)?,
        None => false,
    };
    // As in CPython, the list looks empty while it is sorted; whatever is added to it
    // meanwhile is discarded. On an error the items go back in their original order.
    let l = list(py, obj)?;
    let items = l.to_vec(py);
    l.clear(py);
    let result = sort_items(py, items.clone(), key.as_ref(), desc);
    let modified = !l.is_empty();
    replace_all(py, l, result.as_deref().unwrap_or(&items));
    result?;
    if modified {
        return Err(PyErr::value_error(py, "list modified during sort"));
    }
    Ok(none(py))
}

fn sort_items<'py>(
    py: Python<'py>,
    items: Vec<Bound<'py>>,
    key: Option<&Bound<'py>>,
    desc: bool,
) -> PyResult<Vec<Bound<'py>>> {
    let pairs = items
        .into_iter()
        .map(|x| {
            Ok((
                match key {
                    Some(k) => call1(py, k, &x)?,
                    None => x.clone(),
                },
                x,
            ))
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(merge_sort(py, pairs, desc)?
        .into_iter()
        .map(|(_, x)| x)
        .collect())
}

const fn def(name: &'static str, meth: MethodFn, doc: &'static str) -> MethodDef {
    MethodDef {
        name,
        meth,
        flags: MethodFlags(0),
        doc: Some(doc),
    }
}

/// `list`'s `tp_methods`.
pub(crate) static LIST_METHODS: [MethodDef; 11] = [
    def(
        "append",
        MethodFn::O(append),
        "append($self, object, /)\n--\n\nAppend object to the end of the list.",
    ),
    def(
        "extend",
        MethodFn::O(extend),
        "extend($self, iterable, /)\n--\n\nExtend list by appending elements from the iterable.",
    ),
    def(
        "insert",
        MethodFn::Fast(insert),
        "insert($self, index, object, /)\n--\n\nInsert object before index.",
    ),
    def(
        "pop",
        MethodFn::Fast(pop),
        "pop($self, index=-1, /)\n--\n\nRemove and return item at index (default last).\n\nRaises IndexError if list is empty or index is out of range.",
    ),
    def(
        "remove",
        MethodFn::O(remove),
        "remove($self, value, /)\n--\n\nRemove first occurrence of value.\n\nRaises ValueError if the value is not present.",
    ),
    def(
        "index",
        MethodFn::Fast(index),
        "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present.",
    ),
    def(
        "count",
        MethodFn::O(count),
        "count($self, value, /)\n--\n\nReturn number of occurrences of value.",
    ),
    def(
        "clear",
        MethodFn::NoArgs(clear),
        "clear($self, /)\n--\n\nRemove all items from list.",
    ),
    def(
        "copy",
        MethodFn::NoArgs(copy),
        "copy($self, /)\n--\n\nReturn a shallow copy of the list.",
    ),
    def(
        "reverse",
        MethodFn::NoArgs(reverse),
        "reverse($self, /)\n--\n\nReverse *IN PLACE*.",
    ),
    def(
        "sort",
        MethodFn::Keywords(sort),
        "sort($self, /, *, key=None, reverse=False)\n--\n\nSort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the list itself is modified) and stable (i.e. the\norder of two equal elements is maintained).\n\nIf a key function is given, apply it once to each list item and sort them,\nascending or descending, according to their function values.\n\nThe reverse flag can be set to sort in descending order.",
    ),
];
