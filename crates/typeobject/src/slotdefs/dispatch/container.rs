//! The container dispatchers: `__len__` (both `mp_length` and `sq_length`),
//! `__getitem__` (`mp_subscript` and `sq_item`), `__setitem__`/`__delitem__`
//! (`mp_ass_subscript` and `sq_ass_item`) and `__contains__` (`sq_contains`, falling
//! back to iteration when the type has no `__contains__`).
//!
//! Owns these shapes and their result checks (`__len__() should return >= 0`).

use crate::ops;
use crate::slotdefs::method::{call_required, is_none, lookup_method};
use crate::slotdefs::names::Dunder;
use pyrt_core::builtins::int_new;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `mp_length` / `sq_length`: `type(obj).__len__(obj)` as an index, which must be >= 0.
pub(crate) fn slot_length<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<isize> {
    let r = call_required(py, obj, Dunder::Len, &[])?;
    let n = ops::index_as_isize(py, &r)?;
    if n < 0 {
        return Err(PyErr::value_error(py, "__len__() should return >= 0"));
    }
    Ok(n)
}

/// `mp_subscript`: `type(obj).__getitem__(obj, key)`.
pub(crate) fn slot_mp_subscript<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    call_required(py, obj, Dunder::GetItem, std::slice::from_ref(key))
}

/// `sq_item`: `type(obj).__getitem__(obj, i)`.
pub(crate) fn slot_sq_item<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    i: isize,
) -> PyResult<Bound<'py>> {
    let key = int_new(py, i as i64)?.into_any();
    call_required(py, obj, Dunder::GetItem, &[key])
}

/// `mp_ass_subscript`: `__setitem__(key, value)`, or `__delitem__(key)` for `None`.
pub(crate) fn slot_mp_ass_subscript<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    match value {
        Some(v) => call_required(py, obj, Dunder::SetItem, &[key.clone(), v.clone()]),
        None => call_required(py, obj, Dunder::DelItem, std::slice::from_ref(key)),
    }
    .map(drop)
}

/// `sq_ass_item`: as [`slot_mp_ass_subscript`] with an integer key.
pub(crate) fn slot_sq_ass_item<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    i: isize,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    let key = int_new(py, i as i64)?.into_any();
    slot_mp_ass_subscript(py, obj, &key, value)
}

/// `sq_contains`: `bool(type(obj).__contains__(obj, item))`; `__contains__ = None`
/// refuses; without `__contains__`, a search by iteration.
pub(crate) fn slot_sq_contains<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    item: &Bound<'py>,
) -> PyResult<bool> {
    match lookup_method(py, obj, Dunder::Contains)? {
        Some(m) if is_none(py, m.callable()) => Err(PyErr::type_error(
            py,
            format!(
                "'{}' object is not a container",
                crate::names::tp_name(obj.ob_type())
            ),
        )),
        Some(m) => {
            let r = m.call(py, obj, std::slice::from_ref(item), None)?;
            pyrt_core::protocol::is_true(py, &r)
        }
        None => ops::contains_by_iteration(py, obj, item),
    }
}
