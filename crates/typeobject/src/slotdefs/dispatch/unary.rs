//! The one-argument dispatchers: a single generic shape `slot_unary::<D>` (call
//! `type(self).D(self)`) used for `__neg__`, `__pos__`, `__abs__`, `__invert__`,
//! `__int__`, `__float__`, `__index__`, `__repr__` and `__str__`, plus `__iter__`
//! (where `None` means "not iterable") and `__bool__` (whose result must be a `bool`).
//!
//! Owns these shapes only. The checks on the *results* of `__repr__`, `__index__`, ...
//! belong to the operator layer that called the slot, as in CPython.

use crate::slotdefs::method::{call_required, is_none, lookup_method};
use crate::slotdefs::names::Dunder;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `type(obj).<D>(obj)` for the dunder with index `D`.
pub(crate) fn slot_unary<'py, const D: u8>(
    py: Python<'py>,
    obj: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    call_required(py, obj, Dunder::all()[D as usize], &[])
}

/// `tp_iter`: `type(obj).__iter__(obj)`; `__iter__ = None` makes the type not iterable.
pub(crate) fn slot_tp_iter<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    match lookup_method(py, obj, Dunder::Iter)? {
        Some(m) if !is_none(py, m.callable()) => m.call(py, obj, &[], None),
        _ => Err(PyErr::type_error(
            py,
            format!(
                "'{}' object is not iterable",
                crate::names::tp_name(obj.ob_type())
            ),
        )),
    }
}

/// `nb_bool`: `type(obj).__bool__(obj)`, which must return a `bool`; without `__bool__`,
/// `__len__` decides (non-zero is true); without either, true.
pub(crate) fn slot_nb_bool<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<bool> {
    if let Some(m) = lookup_method(py, obj, Dunder::Bool)? {
        let r = m.call(py, obj, &[], None)?;
        let s = py.singletons();
        if std::ptr::eq(r.as_any_ref(), s.bool_(true).as_any()) {
            return Ok(true);
        }
        if std::ptr::eq(r.as_any_ref(), s.bool_(false).as_any()) {
            return Ok(false);
        }
        return Err(PyErr::type_error(
            py,
            format!("__bool__ should return bool, returned {}", r.type_name()),
        ));
    }
    if lookup_method(py, obj, Dunder::Len)?.is_some() {
        return Ok(super::container::slot_length(py, obj)? != 0);
    }
    Ok(true)
}
