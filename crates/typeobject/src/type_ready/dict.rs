//! The type dict: created if missing, then filled with what the type defines itself.
//!
//! Owns `tp_dict` creation and the entries the type defines itself, one small function
//! per kind, in CPython's order: (slot wrappers: a separate step) → `tp_methods` →
//! `tp_members` → `tp_getset` → `__doc__`. An existing entry is never replaced, except
//! by a `METH_COEXIST` method.

use crate::descr::{doc_body, getset_descr_new, member_descr_new, method_descr_new};
use pyrt_core::builtins::{DictObject, StrObject, dict_new, intern, str_new};
use pyrt_core::protocol::none;
use pyrt_core::types::MethodFlags;
use pyrt_core::{Bound, PyAny, PyResult, Python, TypeFlags, TypeObject};

/// A type without a dict gets an empty one.
pub(super) fn set_dict(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    if tp.tp_dict.is_none() {
        tp.tp_dict.set(py, Some(dict_new(py)?));
    }
    Ok(())
}

/// Fills the dict: methods, members, getsets, then `__doc__`.
pub(super) fn fill_dict(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let Some(dict) = tp.tp_dict.get(py) else {
        return Ok(());
    };
    add_methods(py, tp, &dict)?;
    add_members(py, tp, &dict)?;
    add_getsets(py, tp, &dict)?;
    add_doc(py, tp, &dict)
}

/// Stores `value` under `name` unless the dict has it (or always, with `replace`).
fn set_default<'py>(
    py: Python<'py>,
    dict: &Bound<'py, DictObject>,
    name: &str,
    replace: bool,
    value: impl FnOnce() -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<()> {
    let key = interned_name(py, name)?;
    if replace || dict.get_str_raw(py, &key).is_none() {
        dict.set_item(py, key.as_any(), &value()?)?;
    }
    Ok(())
}

/// The interned `name`: the names every class-statement class defines come from a
/// per-name cache, others from the intern table.
fn interned_name<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, StrObject>> {
    match name {
        "__dict__" => pyrt_core::interned!(py, "__dict__"),
        "__weakref__" => pyrt_core::interned!(py, "__weakref__"),
        _ => intern(py, name),
    }
}

/// A method descriptor (class method, static method) per `tp_methods` entry.
fn add_methods(py: Python<'_>, tp: &TypeObject, dict: &Bound<'_, DictObject>) -> PyResult<()> {
    for def in tp.tp_methods.get() {
        let coexist = def.flags.0 & MethodFlags::COEXIST.0 != 0;
        set_default(py, dict, def.name, coexist, || {
            method_descr_new(py, tp, def)
        })?;
    }
    Ok(())
}

/// A member descriptor per `tp_members` entry (the special offset members of specs,
/// `__dictoffset__`, `__weaklistoffset__`, `__vectorcalloffset__`, only set offsets).
fn add_members(py: Python<'_>, tp: &TypeObject, dict: &Bound<'_, DictObject>) -> PyResult<()> {
    let special = [
        "__dictoffset__",
        "__weaklistoffset__",
        "__vectorcalloffset__",
    ];
    for def in tp.tp_members.get() {
        if tp.has_flag(TypeFlags::HEAPTYPE) && special.contains(&def.name) {
            continue;
        }
        // SAFETY: a type's `tp_members` describe real fields of its instances: `from_spec`
        // validates them (`check_members`), class creation makes none, and static types
        // are built by code that vouches for its tables.
        set_default(py, dict, def.name, false, || unsafe {
            member_descr_new(py, tp, def)
        })?;
    }
    Ok(())
}

/// A getset descriptor per `tp_getset` entry.
fn add_getsets(py: Python<'_>, tp: &TypeObject, dict: &Bound<'_, DictObject>) -> PyResult<()> {
    for def in tp.tp_getset.get() {
        set_default(py, dict, def.name, false, || getset_descr_new(py, tp, def))?;
    }
    Ok(())
}

/// The last dotted component of a `tp_name`.
fn short_name(full: &str) -> &str {
    full.rsplit('.').next().unwrap_or(full)
}

/// `__doc__` from `tp_doc` minus a leading text signature `Name(...)\n--\n\n` (None
/// without a doc), unless the dict already has it.
fn add_doc(py: Python<'_>, tp: &TypeObject, dict: &Bound<'_, DictObject>) -> PyResult<()> {
    let key = pyrt_core::interned!(py, "__doc__")?;
    if dict.get_str_raw(py, &key).is_none() {
        let doc = match tp.tp_doc.get(py) {
            Some(d) => match doc_body(short_name(&tp.name_string()), Some(d.as_str())) {
                Some(body) if body.len() == d.as_str().len() => d.into_any(),
                Some(body) => str_new(py, body)?.into_any(),
                None => none(py),
            },
            None => none(py),
        };
        dict.set_item(py, key.as_any(), &doc)?;
    }
    Ok(())
}
