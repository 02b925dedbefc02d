//! `__name__`, `__qualname__` and `__module__` of types: getters per the flag split of
//! `docs/heaptype-flags.md` (builtin-style types parse `tp_name`; other heap types store
//! them), and the setters of mutable types (`tp_name` follows `__name__`).
//!
//! Owns those attributes only.

use super::check_special_set;
use crate::attr::type_dict_set;
use crate::names;
use pyrt_core::builtins::{StrObject, intern, intern_bound, str_new};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

/// The receiver as a type (the descriptors' instance check guarantees it).
pub(super) fn as_type<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, TypeObject>> {
    obj.downcast::<TypeObject>()
        .map_err(|_| PyErr::system_error(py, "type attribute read on a non-type"))
}

/// `can only assign string to T.NAME, not 'U'`.
fn require_str<'a, 'py>(
    py: Python<'py>,
    tp: &TypeObject,
    name: &str,
    value: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, StrObject>> {
    value.downcast::<StrObject>().map_err(|_| {
        PyErr::type_error(
            py,
            format!(
                "can only assign string to {}.{name}, not '{}'",
                names::tp_name(tp),
                names::tp_name(value.ob_type())
            ),
        )
    })
}

pub(super) fn get_name<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    Ok(str_new(py, &names::name(py, tp))?.into_any())
}

/// `T.__name__ = s`: a str without NUL characters; `tp_name` follows.
pub(super) fn set_name<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let tp = as_type(py, obj)?;
    check_special_set(py, tp, "__name__", value.is_none())?;
    let Some(value) = value else { return Ok(()) };
    let s = require_str(py, tp, "__name__", value)?;
    if s.as_str().contains('\0') {
        return Err(PyErr::value_error(
            py,
            "type name must not contain null characters",
        ));
    }
    let s = intern(py, s.as_str())?;
    tp.ht_name.set(py, Some(s.clone()));
    tp.tp_name.set(py, Some(s));
    Ok(())
}

pub(super) fn get_qualname<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    Ok(str_new(py, &names::qualname(py, tp))?.into_any())
}

/// `T.__qualname__ = s`: a str.
pub(super) fn set_qualname<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let tp = as_type(py, obj)?;
    check_special_set(py, tp, "__qualname__", value.is_none())?;
    let Some(value) = value else { return Ok(()) };
    let s = require_str(py, tp, "__qualname__", value)?;
    tp.ht_qualname.set(py, Some(intern_bound(py, s.clone())));
    Ok(())
}

/// `__module__`: parsed from `tp_name` for builtin-style types; the dict's value (any
/// object) for other heap types (`AttributeError: __module__` when missing).
pub(super) fn get_module<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    if names::is_builtin_style(tp) {
        return Ok(str_new(py, &names::module_name(py, tp)?)?.into_any());
    }
    let key = pyrt_core::interned!(py, "__module__")?;
    let found = tp.tp_dict.get(py).and_then(|d| d.get_str_raw(py, &key));
    match found {
        // SAFETY: owned by the dict; a new reference is taken at once.
        Some(v) => Ok(unsafe { Bound::from_borrowed_ptr(py, v) }),
        None => Err(PyErr::attribute_error(py, "__module__")),
    }
}

/// `T.__module__ = v`: stored in the dict.
pub(super) fn set_module<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let tp = as_type(py, obj)?;
    check_special_set(py, tp, "__module__", value.is_none())?;
    let key = pyrt_core::interned!(py, "__module__")?;
    type_dict_set(py, tp, key.as_any(), value).map(drop)
}
