//! Subscripts: `obj[key]`, `obj[key] = v`, `del obj[key]` through `mp_subscript` /
//! `mp_ass_subscript`, else `sq_item` / `sq_ass_item` with an index; slices of the
//! core sequences (`list`, `tuple`, `str`, `range`) are computed here because pyrt's
//! core containers do not take slice objects yet; `T[...]` on a class calls
//! `__class_getitem__`.
//!
//! Owns subscript dispatch and its messages.

use crate::objects::slice::{as_slice, indices};
use pyrt_core::builtins::{
    ListObject, StrObject, TupleObject, intern, list_new, str_new, tuple_new,
};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

fn index_value(py: Python<'_>, key: &Bound<'_, PyAny>) -> PyResult<Option<isize>> {
    match crate::objects::range::index_arg(py, key) {
        Ok(v) => Ok(Some(v as isize)),
        Err(_) => Ok(None),
    }
}

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
    let tp = obj.ob_type();
    if let Some(f) = tp.mapping().and_then(|m| m.mp_subscript.get()) {
        return f(py, obj, key);
    }
    if let Some(f) = tp.sequence().and_then(|s| s.sq_item.get()) {
        return match index_value(py, key)? {
            Some(i) => {
                let len = tp.sequence().and_then(|s| s.sq_length.get());
                let i = match (i < 0, len) {
                    (true, Some(l)) => i + l(py, obj)?,
                    _ => i,
                };
                f(py, obj, i)
            }
            None => Err(PyErr::type_error(
                py,
                format!("sequence index must be integer, not '{}'", key.type_name()),
            )),
        };
    }
    if let Ok(t) = obj.downcast::<TypeObject>() {
        let name = intern(py, "__class_getitem__")?;
        if let Some(f) = pyrt_typeobject::attr::lookup_str(py, t, name.as_str()) {
            let f = match f.ob_type().tp_descr_get.get() {
                Some(get) => get(py, &f, None, Some(obj))?,
                None => f,
            };
            return pyrt_typeobject::call(py, &f, &tuple_new(py, std::slice::from_ref(key))?, None);
        }
        return Err(PyErr::type_error(
            py,
            format!("type '{}' is not subscriptable", t.name_string()),
        ));
    }
    Err(PyErr::type_error(
        py,
        format!("'{}' object is not subscriptable", obj.type_name()),
    ))
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
    let tp = obj.ob_type();
    if let Some(f) = tp.mapping().and_then(|m| m.mp_ass_subscript.get()) {
        return f(py, obj, key, value);
    }
    if let Some(f) = tp.sequence().and_then(|s| s.sq_ass_item.get()) {
        return match index_value(py, key)? {
            Some(i) => f(py, obj, i, value),
            None => Err(PyErr::type_error(
                py,
                format!("sequence index must be integer, not '{}'", key.type_name()),
            )),
        };
    }
    // CPython words deletion differently when it went through the sequence protocol.
    let via_sequence = tp.sequence().is_some() && index_value(py, key)?.is_some();
    let name = obj.type_name();
    let msg = match value {
        Some(_) => format!("'{name}' object does not support item assignment"),
        None if via_sequence => format!("'{name}' object doesn't support item deletion"),
        None => format!("'{name}' object does not support item deletion"),
    };
    Err(PyErr::type_error(py, msg))
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
