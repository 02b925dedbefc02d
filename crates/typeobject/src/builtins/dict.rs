//! The slots of `dict`: repr (with the recursion guard), `==`/`!=`, the mapping slots
//! (`d[k]`, `d[k] = v`, `del d[k]`, `len`), `in`, `|` and `|=`, and `dict()` /
//! `dict.__init__`. Dicts are unhashable: `tp_hash` stays empty (type readying sets
//! `__hash__ = None`).
//!
//! Owns: `dict`'s behaviour slots, its number, sequence and mapping tables, and its
//! `BASETYPE`/`MAPPING`/`MATCH_SELF` flags. Must not: reach into `DictObject`'s table.
//! The methods are in `dict_methods`. Not provided yet: `__missing__` for subclasses
//! (needs attribute lookup), iteration, and updating from non-dict mappings (anything that is not a `dict` is
//! treated as an iterable of pairs).

use crate::builtins::args::{Kwargs, at_most};
use crate::builtins::call::{
    alloc_instance, collect_iterable, is_iterable, new_str, not_implemented, repr_of,
};
use crate::builtins::repr_guard::ReprGuard;
use crate::builtins::{use_mapping_table, use_number_table, use_sequence_table};
use pyrt_core::builtins::{DictObject, TupleObject, dict_new};
use pyrt_core::protocol::{bool_obj, rich_compare_bool};
use pyrt_core::types::{CompareOp, TypeFlags, TypeObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// Stores `dict`'s slots.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_repr.set(Some(dict_repr));
    tp.tp_richcompare.set(Some(dict_richcompare));
    tp.tp_new.set(Some(dict_new_slot));
    tp.tp_init.set(Some(dict_init));
    tp.tp_methods.set(&super::dict_methods::DICT_METHODS);
    use_mapping_table(tp);
    let m = &tp.as_mapping;
    m.mp_length.set(Some(dict_len));
    m.mp_subscript.set(Some(dict_subscript));
    m.mp_ass_subscript.set(Some(dict_ass_subscript));
    use_sequence_table(tp);
    tp.as_sequence.sq_contains.set(Some(dict_contains));
    use_number_table(tp);
    tp.as_number.nb_or.set(Some(dict_or));
    tp.as_number.nb_inplace_or.set(Some(dict_inplace_or));
    // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
    unsafe {
        tp.add_flags(TypeFlags::BASETYPE | TypeFlags::MAPPING | TypeFlags::MATCH_SELF);
    }
}

/// The dict payload (slots are only called on dicts).
fn dict<'a, 'py>(py: Python<'py>, obj: &'a Bound<'py>) -> PyResult<&'a Bound<'py, DictObject>> {
    obj.downcast::<DictObject>()
        .map_err(|_| PyErr::system_error(py, "dict slot called on a non-dict"))
}

fn dict_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let items = dict(py, obj)?.items(py);
    if items.is_empty() {
        return new_str(py, "{}");
    }
    let Some(_guard) = ReprGuard::enter(obj.as_any_ref().addr()) else {
        return new_str(py, "{...}");
    };
    let mut out = String::from("{");
    for (i, (k, v)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(repr_of(py, k)?.as_str());
        out.push_str(": ");
        out.push_str(repr_of(py, v)?.as_str());
    }
    out.push('}');
    new_str(py, &out)
}

/// Same keys, and `==` values for each.
fn dict_equal<'py>(py: Python<'py>, a: &DictObject, b: &DictObject) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (k, v) in a.items(py) {
        match b.get_item(py, &k)? {
            Some(w) if rich_compare_bool(py, &v, &w, CompareOp::Eq)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    match (a.downcast::<DictObject>(), b.downcast::<DictObject>()) {
        (Ok(x), Ok(y)) if matches!(op, CompareOp::Eq | CompareOp::Ne) => {
            let eq = dict_equal(py, x, y)?;
            Ok(bool_obj(py, eq == (op == CompareOp::Eq)))
        }
        _ => Ok(not_implemented(py)),
    }
}

fn dict_len(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    Ok(dict(py, obj)?.len() as isize)
}

fn dict_subscript<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    dict(py, obj)?
        .get_item(py, key)?
        .ok_or_else(|| PyErr::key_error(py, key))
}

fn dict_ass_subscript<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    let d = dict(py, obj)?;
    match value {
        Some(v) => d.set_item(py, key, v),
        None if d.del_item(py, key)? => Ok(()),
        None => Err(PyErr::key_error(py, key)),
    }
}

fn dict_contains(py: Python<'_>, obj: &Bound<'_>, key: &Bound<'_>) -> PyResult<bool> {
    Ok(dict(py, obj)?.get_item(py, key)?.is_some())
}

/// Adds the items of `arg`: a `dict`'s items, or an iterable of 2-item iterables.
pub(super) fn update_from<'py>(py: Python<'py>, d: &DictObject, arg: &Bound<'py>) -> PyResult<()> {
    if let Ok(src) = arg.downcast::<DictObject>() {
        for (k, v) in src.items(py) {
            d.set_item(py, &k, &v)?;
        }
        return Ok(());
    }
    for (i, elem) in collect_iterable(py, arg)?.iter().enumerate() {
        if !is_iterable(elem) {
            return Err(PyErr::type_error(
                py,
                format!("cannot convert dictionary update sequence element #{i} to a sequence"),
            ));
        }
        let pair = collect_iterable(py, elem)?;
        let [k, v] = pair.as_slice() else {
            return Err(PyErr::value_error(
                py,
                format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                ),
            ));
        };
        d.set_item(py, k, v)?;
    }
    Ok(())
}

/// `a | b` for two dicts: a new dict with `a`'s items updated by `b`'s.
fn dict_or<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    if a.downcast::<DictObject>().is_err() || b.downcast::<DictObject>().is_err() {
        return Ok(not_implemented(py));
    }
    let new = dict_new(py)?;
    update_from(py, &new, a)?;
    update_from(py, &new, b)?;
    Ok(new.into_any())
}

/// `a |= b`: updates `a` from a dict or an iterable of pairs; returns `a`.
fn dict_inplace_or<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    update_from(py, dict(py, a)?, b)?;
    Ok(a.clone())
}

/// `dict.__new__`: an empty instance; the arguments are `__init__`'s.
fn dict_new_slot<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    _args: &Bound<'py, TupleObject>,
    _kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    alloc_instance(py, tp, 0)
}

/// `dict.__init__([source], **kwargs)`: adds the source's items, then the keywords.
fn dict_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    at_most(py, "dict", args, 1)?;
    let d = dict(py, obj)?;
    if let Some(src) = args.items(py).first() {
        update_from(py, d, src)?;
    }
    if let Some(kw) = kwargs {
        update_from(py, d, kw.as_any())?;
    }
    Ok(())
}
