//! The `__dict__` and `__weakref__` attributes of instances that have the slots
//! (class instances, `classmethod`/`staticmethod` objects): getset definitions shared
//! by every type that needs them.
//!
//! Owns the getters and setters and their messages. Must not decide which types get
//! them (class creation and the types themselves do).

use crate::attr::{instance_dict, instance_dict_slot};
use crate::names;
use pyrt_core::builtins::DictObject;
use pyrt_core::protocol::none;
use pyrt_core::types::GetSetDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// `'T' object has no attribute '__dict__'`.
fn no_dict(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyErr {
    PyErr::attribute_error(
        py,
        format!(
            "'{}' object has no attribute '__dict__'",
            names::tp_name(obj.ob_type())
        ),
    )
}

/// `obj.__dict__`: the instance dict, created on first use or made from the instance's
/// attribute values.
fn get_dict<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    match instance_dict(py, obj)? {
        Some(d) => Ok(d.into_any()),
        None => Err(no_dict(py, obj)),
    }
}

/// `obj.__dict__ = d` (a dict: `__dict__ must be set to a dictionary, not a 'int'`);
/// `del obj.__dict__` empties the slot (a new dict is made on next use).
fn set_dict<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let Some(slot) = instance_dict_slot(obj) else {
        return Err(no_dict(py, obj));
    };
    let dict = match value.map(|v| v.clone().downcast_into::<DictObject>()) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(v)) => {
            return Err(PyErr::type_error(
                py,
                format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    names::tp_name(v.ob_type())
                ),
            ));
        }
    };
    // Replaces a dict or the attribute values alike.
    slot.set_dict(py, dict);
    Ok(())
}

/// `obj.__weakref__`: the first weak reference to the object, or `None`.
fn get_weakref<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // The head of the object's weak-reference list (the basic ref, if any, is first).
    Ok(pyrt_core::weakref::weakrefs_of(py, obj)
        .into_iter()
        .next()
        .map_or_else(|| none(py), Bound::into_any))
}

/// The `__dict__` attribute.
pub(crate) const DICT_GETSET: GetSetDef = GetSetDef {
    name: "__dict__",
    get: Some(get_dict),
    set: Some(set_dict),
    doc: Some("dictionary for instance variables"),
};

/// The `__weakref__` attribute (read-only).
pub(crate) const WEAKREF_GETSET: GetSetDef = GetSetDef {
    name: "__weakref__",
    get: Some(get_weakref),
    set: None,
    doc: Some("list of weak references to the object"),
};
