//! The slots of `list`: repr (with the recursion guard), comparison, the sequence and
//! mapping slots (indexing, item assignment and deletion, `+`, `*`, `+=`, `*=`, `in`),
//! and `list()` / `list.__init__`. Lists are unhashable: `tp_hash` stays empty (type
//! readying sets `__hash__ = None`).
//!
//! Owns: `list`'s behaviour slots, its sequence and mapping tables, and its
//! `BASETYPE`/`SEQUENCE`/`MATCH_SELF` flags. Must not: reach into `ListObject`'s
//! storage; item replacement and removal are built from its public API (snapshot,
//! clear, append), which costs O(n) per operation until pyrt-core offers them.
//! The methods are in `list_methods`. Not provided yet: slicing, iteration.

use crate::builtins::args::{Kwargs, at_most, no_keywords};
use crate::builtins::call::{alloc_instance, collect_iterable, new_str, not_implemented};
use crate::builtins::sequence::{
    compare_items, contains_item, normalize, repeated_len, repr_items, subscript_index,
};
use crate::builtins::{use_mapping_table, use_sequence_table};
use pyrt_core::builtins::{ListObject, TupleObject, list_new};
use pyrt_core::protocol::bool_obj;
use pyrt_core::types::{CompareOp, TypeFlags, TypeObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// Stores `list`'s slots.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_repr.set(Some(list_repr));
    tp.tp_richcompare.set(Some(list_richcompare));
    tp.tp_new.set(Some(list_new_slot));
    tp.tp_init.set(Some(list_init));
    tp.tp_methods.set(&super::list_methods::LIST_METHODS);
    use_sequence_table(tp);
    let s = &tp.as_sequence;
    s.sq_length.set(Some(list_len));
    s.sq_concat.set(Some(list_concat));
    s.sq_repeat.set(Some(list_repeat));
    s.sq_item.set(Some(list_item));
    s.sq_ass_item.set(Some(list_ass_item));
    s.sq_contains.set(Some(list_contains));
    s.sq_inplace_concat.set(Some(list_inplace_concat));
    s.sq_inplace_repeat.set(Some(list_inplace_repeat));
    use_mapping_table(tp);
    let m = &tp.as_mapping;
    m.mp_length.set(Some(list_len));
    m.mp_subscript.set(Some(list_subscript));
    m.mp_ass_subscript.set(Some(list_ass_subscript));
    // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
    unsafe {
        tp.add_flags(TypeFlags::BASETYPE | TypeFlags::SEQUENCE | TypeFlags::MATCH_SELF);
    }
}

/// The list payload (slots are only called on lists).
fn list<'a, 'py>(py: Python<'py>, obj: &'a Bound<'py>) -> PyResult<&'a Bound<'py, ListObject>> {
    obj.downcast::<ListObject>()
        .map_err(|_| PyErr::system_error(py, "list slot called on a non-list"))
}

/// Replaces the whole content. The old items stay referenced until the list holds its
/// new content, so code run by their release never sees a half-updated list.
fn replace_all<'py>(py: Python<'py>, l: &ListObject, new: &[Bound<'py>]) {
    let old = l.to_vec(py);
    l.clear(py);
    new.iter().for_each(|x| l.append(x));
    drop(old);
}

fn list_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let items = list(py, obj)?.to_vec(py);
    let addr = obj.as_any_ref().addr();
    new_str(py, &repr_items(py, addr, &items, ("[", "]", "[...]"))?)
}

fn list_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    let (Ok(x), Ok(y)) = (a.downcast::<ListObject>(), b.downcast::<ListObject>()) else {
        return Ok(not_implemented(py));
    };
    if x.len() != y.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(bool_obj(py, op == CompareOp::Ne));
    }
    compare_items(py, &x.to_vec(py), &y.to_vec(py), op)
}

fn list_len(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    Ok(list(py, obj)?.len() as isize)
}

fn list_concat<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    let Ok(y) = b.downcast::<ListObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "can only concatenate list (not \"{}\") to list",
                b.type_name()
            ),
        ));
    };
    let mut all = list(py, a)?.to_vec(py);
    all.extend(y.to_vec(py));
    Ok(list_new(py, &all)?.into_any())
}

/// The items repeated `n` times (`MemoryError` if the result cannot exist).
fn repeated<'py>(py: Python<'py>, items: &[Bound<'py>], n: isize) -> PyResult<Vec<Bound<'py>>> {
    let total = repeated_len(items.len(), n).ok_or_else(|| PyErr::memory_error(py))?;
    let mut all = Vec::new();
    all.try_reserve_exact(total)
        .map_err(|_| PyErr::memory_error(py))?;
    for _ in 0..n.max(0) {
        all.extend(items.iter().cloned());
    }
    Ok(all)
}

fn list_repeat<'py>(py: Python<'py>, obj: &Bound<'py>, n: isize) -> PyResult<Bound<'py>> {
    let all = repeated(py, &list(py, obj)?.to_vec(py), n)?;
    Ok(list_new(py, &all)?.into_any())
}

/// Item `i` (`None`: out of range).
fn item_at<'py>(py: Python<'py>, obj: &Bound<'py>, i: Option<usize>) -> PyResult<Bound<'py>> {
    match i.and_then(|i| list(py, obj).ok()?.get(py, i)) {
        Some(x) => Ok(x),
        None => Err(PyErr::index_error(py, "list index out of range")),
    }
}

fn list_item<'py>(py: Python<'py>, obj: &Bound<'py>, i: isize) -> PyResult<Bound<'py>> {
    item_at(py, obj, usize::try_from(i).ok())
}

fn list_subscript<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    let i = subscript_index(py, key, "list")?;
    item_at(py, obj, normalize(i, list(py, obj)?.len()))
}

/// Sets (`Some`) or deletes (`None`) item `i` (`None` index: out of range).
fn assign_at<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    i: Option<usize>,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    let l = list(py, obj)?;
    let mut items = l.to_vec(py);
    let Some(i) = i.filter(|&i| i < items.len()) else {
        return Err(PyErr::index_error(py, "list assignment index out of range"));
    };
    match value {
        Some(v) => items[i] = v.clone(),
        None => drop(items.remove(i)),
    }
    replace_all(py, l, &items);
    Ok(())
}

fn list_ass_item<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    i: isize,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    assign_at(py, obj, usize::try_from(i).ok(), value)
}

fn list_ass_subscript<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    let i = subscript_index(py, key, "list")?;
    assign_at(py, obj, normalize(i, list(py, obj)?.len()), value)
}

fn list_contains(py: Python<'_>, obj: &Bound<'_>, x: &Bound<'_>) -> PyResult<bool> {
    contains_item(py, &list(py, obj)?.to_vec(py), x)
}

/// `l += iterable`: appends every item; returns the list itself.
fn list_inplace_concat<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    let l = list(py, a)?;
    for x in collect_iterable(py, b)? {
        l.append(&x);
    }
    Ok(a.clone())
}

/// `l *= n`: repeats the content in place (`n <= 0` empties it); returns the list.
fn list_inplace_repeat<'py>(py: Python<'py>, obj: &Bound<'py>, n: isize) -> PyResult<Bound<'py>> {
    let l = list(py, obj)?;
    let all = repeated(py, &l.to_vec(py), n)?;
    replace_all(py, l, &all);
    Ok(obj.clone())
}

/// `list.__new__`: an empty instance; the arguments are `__init__`'s.
fn list_new_slot<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    _args: &Bound<'py, TupleObject>,
    _kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    alloc_instance(py, tp, 0)
}

/// `list.__init__([iterable])`: empties the list, then appends the iterable's items.
fn list_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    no_keywords(py, "list", kwargs)?;
    at_most(py, "list", args, 1)?;
    let l = list(py, obj)?;
    l.clear(py);
    if let Some(x) = args.items(py).first() {
        for item in collect_iterable(py, x)? {
            l.append(&item);
        }
    }
    Ok(())
}
