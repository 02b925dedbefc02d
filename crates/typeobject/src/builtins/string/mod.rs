//! The slots of `str`: repr, str, hash, comparison, and the sequence and mapping
//! slots (`len`, `+`, `*`, `in`, indexing by character); construction is in `new`.
//!
//! Owns: `str`'s behaviour slots, its sequence and mapping tables, and its
//! `BASETYPE`/`MATCH_SELF` flags. Must not: touch the payload layout
//! (`pyrt_core::builtins::StrObject`) except to fill a fresh subclass instance.
//! The methods are in `methods`. Not provided yet: `%` formatting (`nb_remainder`), iteration, slicing.

mod methods;
mod new;
mod printable;
mod repr;

pub(crate) use repr::quote;

use crate::builtins::call::{index_value, is_exact, new_str, not_implemented};
use crate::builtins::sequence::{normalize, op_holds, repeated_len};
use crate::builtins::{use_mapping_table, use_sequence_table};
use pyrt_core::builtins::StrObject;
use pyrt_core::protocol::bool_obj;
use pyrt_core::types::{CompareOp, TypeFlags, TypeObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// Stores `str`'s slots.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_repr.set(Some(str_repr));
    tp.tp_str.set(Some(str_str));
    tp.tp_hash.set(Some(str_hash));
    tp.tp_richcompare.set(Some(str_richcompare));
    tp.tp_new.set(Some(new::str_new_slot));
    tp.tp_methods.set(&methods::STR_METHODS);
    use_sequence_table(tp);
    let s = &tp.as_sequence;
    s.sq_length.set(Some(str_len));
    s.sq_concat.set(Some(str_concat));
    s.sq_repeat.set(Some(str_repeat));
    s.sq_item.set(Some(str_item));
    s.sq_contains.set(Some(str_contains));
    use_mapping_table(tp);
    tp.as_mapping.mp_length.set(Some(str_len));
    tp.as_mapping.mp_subscript.set(Some(str_subscript));
    // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
    unsafe {
        tp.add_flags(TypeFlags::BASETYPE | TypeFlags::MATCH_SELF);
    }
}

/// The text of a `str` (or subclass instance); `""` for anything else (slots are only
/// called on their own type's instances).
fn text<'a>(obj: &'a Bound<'_>) -> &'a str {
    obj.downcast::<StrObject>().map_or("", |s| s.as_str())
}

fn str_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_str(py, &quote(text(obj)))
}

/// `str.__str__`: the object itself for an exact `str`, else an exact copy.
fn str_str<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    if is_exact(py, obj, py.builtins().str_()) {
        return Ok(obj.clone());
    }
    new_str(py, text(obj))
}

fn str_hash(_py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    Ok(obj.downcast::<StrObject>().map_or(0, |s| s.hash()))
}

fn str_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    match (a.downcast::<StrObject>(), b.downcast::<StrObject>()) {
        // UTF-8 byte order is code point order.
        (Ok(x), Ok(y)) => Ok(bool_obj(py, op_holds(op, x.as_str().cmp(y.as_str())))),
        _ => Ok(not_implemented(py)),
    }
}

/// `len(s)`: the number of characters.
fn str_len(_py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    Ok(text(obj).chars().count() as isize)
}

fn str_concat<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    let Ok(y) = b.downcast::<StrObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            ),
        ));
    };
    let x = text(a);
    let mut s = String::new();
    s.try_reserve_exact(x.len() + y.as_str().len())
        .map_err(|_| PyErr::memory_error(py))?;
    s.push_str(x);
    s.push_str(y.as_str());
    new_str(py, &s)
}

fn str_repeat<'py>(py: Python<'py>, obj: &Bound<'py>, n: isize) -> PyResult<Bound<'py>> {
    if n == 1 && is_exact(py, obj, py.builtins().str_()) {
        return Ok(obj.clone());
    }
    let x = text(obj);
    let total = repeated_len(x.len(), n)
        .ok_or_else(|| PyErr::overflow_error(py, "repeated string is too long"))?;
    let mut s = String::new();
    s.try_reserve_exact(total)
        .map_err(|_| PyErr::memory_error(py))?;
    for _ in 0..n.max(0) {
        s.push_str(x);
    }
    new_str(py, &s)
}

/// The character at position `i` (already normalised) as a new `str`.
fn char_at<'py>(py: Python<'py>, obj: &Bound<'py>, i: Option<usize>) -> PyResult<Bound<'py>> {
    match i.and_then(|i| text(obj).chars().nth(i)) {
        Some(c) => new_str(py, c.encode_utf8(&mut [0u8; 4])),
        None => Err(PyErr::index_error(py, "string index out of range")),
    }
}

fn str_item<'py>(py: Python<'py>, obj: &Bound<'py>, i: isize) -> PyResult<Bound<'py>> {
    char_at(py, obj, usize::try_from(i).ok())
}

fn str_subscript<'py>(py: Python<'py>, obj: &Bound<'py>, key: &Bound<'py>) -> PyResult<Bound<'py>> {
    let Some(i) = index_value(py, key)? else {
        return Err(PyErr::type_error(
            py,
            format!("string indices must be integers, not '{}'", key.type_name()),
        ));
    };
    let len = text(obj).chars().count();
    char_at(py, obj, normalize(i, len))
}

fn str_contains(py: Python<'_>, obj: &Bound<'_>, x: &Bound<'_>) -> PyResult<bool> {
    match x.downcast::<StrObject>() {
        Ok(needle) => Ok(text(obj).contains(needle.as_str())),
        Err(_) => Err(PyErr::type_error(
            py,
            format!(
                "'in <string>' requires string as left operand, not {}",
                x.type_name()
            ),
        )),
    }
}
