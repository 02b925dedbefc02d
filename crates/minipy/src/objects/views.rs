//! `dict_keys`, `dict_values`, `dict_items`: what `d.keys()`, `d.values()` and
//! `d.items()` return — live views over the dict, iterable, sized, with CPython's reprs.
//!
//! Owns the three view types.

use super::native_type::{NativeObject, alloc_native, make_native_type};
use pyrt_core::builtins::{DictObject, list_new, str_new, tuple_new};
use pyrt_core::{Bound, Py, PyAny, PyResult, Python, TypeObject};

/// A view: field 0 the dict; word 0 the kind (0 keys, 1 values, 2 items).
pub type ViewObject = NativeObject<1>;

const NAMES: [&str; 3] = ["dict_keys", "dict_values", "dict_items"];

pub(super) fn make_types(py: Python<'_>) -> PyResult<[Py<TypeObject>; 3]> {
    let mk = |name: &'static str| -> PyResult<Py<TypeObject>> {
        let t = make_native_type::<1>(py, name, false, &[])?;
        let tp = t.bind(py);
        tp.tp_iter.set(Some(view_iter));
        tp.tp_repr.set(Some(view_repr));
        tp.use_inline_subtables();
        tp.as_sequence.sq_length.set(Some(view_len));
        tp.as_sequence.sq_contains.set(Some(view_contains));
        Ok(t)
    };
    Ok([mk(NAMES[0])?, mk(NAMES[1])?, mk(NAMES[2])?])
}

/// A view of kind `kind` (0 keys, 1 values, 2 items) over `dict`.
pub fn new_view<'py>(
    py: Python<'py>,
    dict: &Bound<'py, PyAny>,
    kind: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let v = alloc_native::<1>(py, super::types(py).views[kind.min(2)].bind(py))?;
    v.set(py, 0, Some(dict.clone()));
    v.set_word(0, kind.min(2) as i64);
    Ok(v.into_any())
}

/// The items a view shows, as a vector.
pub fn view_items<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let Ok(v) = obj.downcast::<ViewObject>() else {
        return Ok(Vec::new());
    };
    let Some(d) = v.get(py, 0) else {
        return Ok(Vec::new());
    };
    let Ok(d) = d.downcast::<DictObject>() else {
        return Ok(Vec::new());
    };
    match v.word(0) {
        0 => Ok(d.keys(py)),
        1 => Ok(d.items(py).into_iter().map(|(_, v)| v).collect()),
        _ => d
            .items(py)
            .into_iter()
            .map(|(k, v)| Ok(tuple_new(py, &[k, v])?.into_any()))
            .collect(),
    }
}

fn view_iter<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let items = view_items(py, obj)?;
    let l = list_new(py, &items)?;
    pyrt_typeobject::ops::iter(py, l.as_any())
}

fn view_len(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    let Ok(v) = obj.downcast::<ViewObject>() else {
        return Ok(0);
    };
    Ok(v.get(py, 0)
        .and_then(|d| d.downcast::<DictObject>().ok().map(|d| d.len() as isize))
        .unwrap_or(0))
}

fn view_contains(py: Python<'_>, obj: &Bound<'_, PyAny>, x: &Bound<'_, PyAny>) -> PyResult<bool> {
    for item in view_items(py, obj)? {
        if pyrt_core::protocol::rich_compare_bool(py, &item, x, pyrt_core::types::CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn view_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let items = view_items(py, obj)?;
    let l = list_new(py, &items)?;
    let inner = crate::builtins::repr_string(py, l.as_any())?;
    let kind = obj.downcast::<ViewObject>().map(|v| v.word(0)).unwrap_or(0);
    Ok(str_new(
        py,
        &format!("{}({inner})", NAMES[kind.clamp(0, 2) as usize]),
    )?
    .into_any())
}
