//! The type attributes kept in the type's own dict or doc: `__doc__`,
//! `__text_signature__`, `__annotations__`, `__abstractmethods__`.
//!
//! Owns their getters and setters. Writes go through `attr::type_dict_set`.

use super::check_special_set;
use super::names::as_type;
use crate::attr::type_dict_set;
use crate::descr::{doc_body, text_signature};
use crate::names;
use pyrt_core::builtins::{StrObject, dict_new, str_new};
use pyrt_core::protocol::{is_true, none};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// `tp`'s own dict entry `key`, with `__get__(None, tp)` applied to descriptors.
fn own_entry<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    key: &StrObject,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(p) = tp.tp_dict.get(py).and_then(|d| d.get_str_raw(py, key)) else {
        return Ok(None);
    };
    // SAFETY: owned by the dict; a new reference is taken before any code runs.
    let v = unsafe { Bound::from_borrowed_ptr(py, p) };
    match v.ob_type().tp_descr_get.get() {
        Some(get) => get(py, &v, None, Some(tp.as_any())).map(Some),
        None => Ok(Some(v)),
    }
}

/// The part of `tp_name` after the last dot (the name a native doc's signature uses).
fn short_name(tp: &TypeObject) -> String {
    let full = names::tp_name(tp);
    full.rsplit('.').next().unwrap_or(&full).to_owned()
}

/// `__doc__`: `tp_doc` minus its signature for static types; the dict's `__doc__` (or
/// `None`) for heap types.
pub(super) fn get_doc<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    if !tp.has_flag(TypeFlags::HEAPTYPE)
        && let Some(doc) = tp.tp_doc.get(py)
    {
        return match doc_body(&short_name(tp), Some(doc.as_str())) {
            Some(b) => Ok(str_new(py, b)?.into_any()),
            None => Ok(none(py)),
        };
    }
    let key = pyrt_core::interned!(py, "__doc__")?;
    Ok(own_entry(py, tp, &key)?.unwrap_or_else(|| none(py)))
}

/// `T.__doc__ = v`: stored in the dict.
pub(super) fn set_doc<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let tp = as_type(py, obj)?;
    check_special_set(py, tp, "__doc__", value.is_none())?;
    let key = pyrt_core::interned!(py, "__doc__")?;
    type_dict_set(py, tp, key.as_any(), value).map(drop)
}

/// `__text_signature__`: the `(sig)` of a `tp_doc` starting `Name(sig)\n--\n\n`, else
/// `None`.
pub(super) fn get_text_signature<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    let doc = tp.tp_doc.get(py);
    let doc = doc.as_ref().map(|d| d.as_str());
    match text_signature(&short_name(tp), doc) {
        Some(s) => Ok(str_new(py, s)?.into_any()),
        None => Ok(none(py)),
    }
}

/// `type object 'T' has no attribute 'NAME'`.
fn no_attribute(py: Python<'_>, tp: &TypeObject, name: &str) -> PyErr {
    PyErr::attribute_error(
        py,
        format!(
            "type object '{}' has no attribute '{name}'",
            names::tp_name(tp)
        ),
    )
}

/// `__annotations__`: builtin-style types have none (`AttributeError`); other types
/// get an empty dict stored on first access (even immutable heap types, as in CPython).
pub(super) fn get_annotations<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    if names::is_builtin_style(tp) {
        return Err(no_attribute(py, tp, "__annotations__"));
    }
    let key = pyrt_core::interned!(py, "__annotations__")?;
    if let Some(v) = own_entry(py, tp, &key)? {
        return Ok(v);
    }
    let d = dict_new(py)?.into_any();
    type_dict_set(py, tp, key.as_any(), Some(&d))?;
    Ok(d)
}

/// `T.__annotations__ = v` / `del T.__annotations__` (`AttributeError: __annotations__`
/// when absent).
pub(super) fn set_annotations<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let tp = as_type(py, obj)?;
    if tp.has_flag(TypeFlags::IMMUTABLETYPE) {
        return check_special_set(py, tp, "__annotations__", value.is_none());
    }
    let key = pyrt_core::interned!(py, "__annotations__")?;
    if type_dict_set(py, tp, key.as_any(), value)? {
        Ok(())
    } else {
        Err(PyErr::attribute_error(py, "__annotations__"))
    }
}

/// `__abstractmethods__`: the dict's entry (never `type`'s own; `AttributeError:
/// __abstractmethods__` when absent).
pub(super) fn get_abstractmethods<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    let key = pyrt_core::interned!(py, "__abstractmethods__")?;
    let found = if std::ptr::eq(&**tp, py.builtins().type_()) {
        None
    } else {
        own_entry(py, tp, &key)?
    };
    found.ok_or_else(|| PyErr::attribute_error(py, "__abstractmethods__"))
}

/// `T.__abstractmethods__ = v` stores `v` and marks the type abstract when `v` is true;
/// deleting clears the mark.
pub(super) fn set_abstractmethods<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let tp = as_type(py, obj)?;
    let abstract_ = match value {
        Some(v) => is_true(py, v)?,
        None => false,
    };
    let key = pyrt_core::interned!(py, "__abstractmethods__")?;
    if !type_dict_set(py, tp, key.as_any(), value)? {
        return Err(PyErr::attribute_error(py, "__abstractmethods__"));
    }
    // SAFETY: IS_ABSTRACT is a behaviour flag (instantiation refusal); no layout
    // depends on it.
    unsafe {
        if abstract_ {
            tp.add_flags(TypeFlags::IS_ABSTRACT);
        } else {
            tp.remove_flags(TypeFlags::IS_ABSTRACT);
        }
    }
    Ok(())
}
