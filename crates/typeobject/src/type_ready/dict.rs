//! The type dict: created if missing, then filled with what the type defines itself.
//!
//! Owns `tp_dict` creation and the `__doc__` entry. (Method, member and getset
//! descriptors and slot wrappers need the descriptor types of the attribute protocol.)

use pyrt_core::builtins::dict_new;
use pyrt_core::protocol::none;
use pyrt_core::{PyResult, Python, TypeObject};

/// A type without a dict gets an empty one.
pub(super) fn set_dict(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    if tp.tp_dict.is_none() {
        tp.tp_dict.set(py, Some(dict_new(py)?));
    }
    Ok(())
}

/// `__doc__` from `tp_doc` (None without one), unless the dict already has it.
pub(super) fn fill_dict(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let Some(dict) = tp.tp_dict.get(py) else {
        return Ok(());
    };
    let key = pyrt_core::interned!(py, "__doc__")?;
    if dict.get_str_raw(py, &key).is_none() {
        let doc = match tp.tp_doc.get(py) {
            Some(d) => d.into_any(),
            None => none(py),
        };
        dict.set_item(py, key.as_any(), &doc)?;
    }
    Ok(())
}
