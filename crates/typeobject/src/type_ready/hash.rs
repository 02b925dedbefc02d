//! The hash step: a type that ends up with no `tp_hash` and no `__hash__` in its dict
//! gets `__hash__ = None` and the "unhashable" hash function.
//!
//! Owns that default only.

use pyrt_core::protocol::none;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

/// `PyObject_HashNotImplemented`: "unhashable type: 'X'".
pub fn hash_not_implemented(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    Err(PyErr::type_error(
        py,
        format!(
            "unhashable type: '{}'",
            crate::names::tp_name(obj.ob_type())
        ),
    ))
}

pub(super) fn set_hash(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    if tp.tp_hash.get().is_some() {
        return Ok(());
    }
    let Some(dict) = tp.tp_dict.get(py) else {
        return Ok(());
    };
    let key = pyrt_core::interned!(py, "__hash__")?;
    if dict.get_str_raw(py, &key).is_none() {
        dict.set_item(py, key.as_any(), &none(py))?;
        tp.tp_hash.set(Some(hash_not_implemented));
    }
    Ok(())
}
