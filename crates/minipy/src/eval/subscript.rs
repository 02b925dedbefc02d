//! Subscripts: `obj[key]`, `obj[key] = v`, `del obj[key]` through pyrt's `ops`
//! (`mp_subscript` / `mp_ass_subscript`, else the sequence slots with an index, and
//! `__class_getitem__` on classes); slices of the core sequences (`list`, `tuple`,
//! `str`, `range`) are computed here because pyrt's core containers do not take slice
//! objects yet.
//!
//! Owns core-sequence slicing.

use crate::objects::slice::{as_slice, indices};
use pyrt_core::builtins::{ListObject, StrObject, TupleObject, list_new, str_new, tuple_new};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// The positions a slice selects in a sequence of length `len`.
fn slice_positions(
    py: Python<'_>,
    key: &Bound<'_, PyAny>,
    len: usize,
) -> PyResult<Option<Vec<usize>>> {
    let Some(parts) = as_slice(py, key) else {
        return Ok(None);
    };
    let (start, stop, step) = indices(py, &parts, len as i64)?;
    let n = crate::objects::range::range_length(start, stop, step);
    Ok(Some((0..n).map(|i| (start + i * step) as usize).collect()))
}

/// `obj[key]`.
pub fn getitem<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if let Some(r) = core_slice(py, obj, key)? {
        return Ok(r);
    }
    pyrt_typeobject::ops::getitem(py, obj, key)
}

/// Slicing of the core sequences; `None` when `key` is not a slice or `obj` is not one
/// of them.
fn core_slice<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    if as_slice(py, key).is_none() {
        return Ok(None);
    }
    if let Ok(l) = obj.downcast::<ListObject>() {
        let items = l.to_vec(py);
        let Some(pos) = slice_positions(py, key, items.len())? else {
            return Ok(None);
        };
        let out: Vec<_> = pos.iter().map(|&i| items[i].clone()).collect();
        return Ok(Some(list_new(py, &out)?.into_any()));
    }
    if let Ok(t) = obj.downcast::<TupleObject>() {
        let items = t.items(py);
        let Some(pos) = slice_positions(py, key, items.len())? else {
            return Ok(None);
        };
        let out: Vec<_> = pos.iter().map(|&i| items[i].clone()).collect();
        return Ok(Some(tuple_new(py, &out)?.into_any()));
    }
    if let Ok(s) = obj.downcast::<StrObject>() {
        let chars: Vec<char> = s.as_str().chars().collect();
        let Some(pos) = slice_positions(py, key, chars.len())? else {
            return Ok(None);
        };
        let out: String = pos.iter().map(|&i| chars[i]).collect();
        return Ok(Some(str_new(py, &out)?.into_any()));
    }
    if crate::objects::native_type::is_type(obj, &crate::objects::types(py).range) {
        let items = super::operators::collect(py, obj)?;
        let Some(pos) = slice_positions(py, key, items.len())? else {
            return Ok(None);
        };
        let out: Vec<_> = pos.iter().map(|&i| items[i].clone()).collect();
        return Ok(Some(list_new(py, &out)?.into_any()));
    }
    Ok(None)
}

/// `obj[key] = value`, or `del obj[key]` with `None`.
pub fn setitem<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    key: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    if let (Ok(l), Some(parts)) = (obj.downcast::<ListObject>(), as_slice(py, key)) {
        return list_slice_assign(py, l, &parts, value);
    }
    match value {
        Some(v) => pyrt_typeobject::ops::setitem(py, obj, key, v),
        None => pyrt_typeobject::ops::delitem(py, obj, key),
    }
}

fn list_slice_assign<'py>(
    py: Python<'py>,
    l: &Bound<'py, ListObject>,
    parts: &[Option<Bound<'py, PyAny>>; 3],
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let items = l.to_vec(py);
    let (start, stop, step) = indices(py, parts, items.len() as i64)?;
    let n = crate::objects::range::range_length(start, stop, step);
    let pos: Vec<usize> = (0..n).map(|i| (start + i * step) as usize).collect();
    let new_items = match value {
        Some(v) => Some(super::operators::collect(py, v)?),
        None => None,
    };
    let mut out: Vec<Bound<'py, PyAny>> = Vec::with_capacity(items.len());
    match (new_items, step) {
        (None, _) => {
            for (i, it) in items.iter().enumerate() {
                if !pos.contains(&i) {
                    out.push(it.clone());
                }
            }
        }
        (Some(new), 1) => {
            let lo = (start.max(0) as usize).min(items.len());
            let hi = (stop.max(start).max(0) as usize).min(items.len());
            out.extend(items[..lo].iter().cloned());
            out.extend(new);
            out.extend(items[hi..].iter().cloned());
        }
        (Some(new), _) => {
            if new.len() != pos.len() {
                return Err(PyErr::value_error(
                    py,
                    format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new.len(),
                        pos.len()
                    ),
                ));
            }
            out = items.clone();
            for (p, v) in pos.iter().zip(new) {
                out[*p] = v;
            }
        }
    }
    l.clear(py);
    for it in &out {
        l.append(it);
    }
    Ok(())
}
