//! `slice`: the value of `a:b:c` inside a subscript, passed to a container's
//! `__getitem__`; and the index arithmetic of slicing (`indices`).
//!
//! Owns the slice type and index normalisation. Must not slice any container (the
//! evaluator's `subscript` module does that for the core sequences).

use super::native_type::{NativeObject, alloc_native, is_type, make_native_type};
use pyrt_core::protocol::none;
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject};

/// A slice: fields start, stop, step (empty = `None`).
pub type SliceObject = NativeObject<3>;

pub(super) fn make_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<3>(py, "slice", false, &[])?;
    t.bind(py).tp_repr.set(Some(slice_repr));
    t.bind(py).tp_getattro.set(Some(slice_getattro));
    Ok(t)
}

/// A new slice object.
pub fn new_slice<'py>(
    py: Python<'py>,
    parts: [Option<Bound<'py, PyAny>>; 3],
) -> PyResult<Bound<'py, PyAny>> {
    let s = alloc_native::<3>(py, super::types(py).slice.bind(py))?;
    for (i, p) in parts.into_iter().enumerate() {
        let p = p.filter(|v| !std::ptr::eq(v.as_any_ref(), py.singletons().none()));
        s.set(py, i, p);
    }
    Ok(s.into_any())
}

/// The parts of `obj` if it is a slice.
pub fn as_slice<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> Option<[Option<Bound<'py, PyAny>>; 3]> {
    if !is_type(obj, &super::types(py).slice) {
        return None;
    }
    let s = obj.downcast::<SliceObject>().ok()?;
    Some([s.get(py, 0), s.get(py, 1), s.get(py, 2)])
}

/// `slice.indices(len)`: the start, stop and step to iterate for a sequence of `len`.
pub fn indices(
    py: Python<'_>,
    parts: &[Option<Bound<'_, PyAny>>; 3],
    len: i64,
) -> PyResult<(i64, i64, i64)> {
    let get = |v: &Option<Bound<'_, PyAny>>| -> PyResult<Option<i64>> {
        match v {
            None => Ok(None),
            Some(v) => super::range::index_arg(py, v).map(Some).map_err(|_| {
                PyErr::type_error(
                    py,
                    "slice indices must be integers or None or have an __index__ method",
                )
            }),
        }
    };
    let step = get(&parts[2])?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error(py, "slice step cannot be zero"));
    }
    let (lo, hi) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => (v + len).max(lo),
            Some(v) => v.min(hi),
        }
    };
    let start = clamp(get(&parts[0])?, if step < 0 { hi } else { lo });
    let stop = clamp(get(&parts[1])?, if step < 0 { lo } else { hi });
    Ok((start, stop, step))
}

fn slice_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let parts = as_slice(py, obj).unwrap_or([None, None, None]);
    let mut out = Vec::new();
    for p in parts {
        out.push(match p {
            Some(v) => crate::builtins::repr_string(py, &v)?,
            None => "None".to_string(),
        });
    }
    Ok(pyrt_core::builtins::str_new(py, &format!("slice({})", out.join(", ")))?.into_any())
}

fn slice_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let i = match name
        .downcast::<pyrt_core::builtins::StrObject>()
        .map(|s| s.as_str())
    {
        Ok("start") => 0,
        Ok("stop") => 1,
        Ok("step") => 2,
        _ => return pyrt_typeobject::attr::generic_getattr(py, obj, name),
    };
    let parts = as_slice(py, obj).unwrap_or([None, None, None]);
    Ok(parts[i].clone().unwrap_or_else(|| none(py)))
}
