//! The `tp_new` step: static types over `object` without their own `tp_new` are not
//! instantiable; a type with its own `tp_new` gets a builtin `__new__` in its dict
//! (bound to the type, see `slotdefs::NEW_DEF`); otherwise `tp_new` comes from the
//! primary base (not the MRO).
//!
//! Owns `tp_new`, `DISALLOW_INSTANTIATION` and the dict's `__new__` entry.

use crate::descr::native_function;
use crate::slotdefs::NEW_DEF;
use pyrt_core::{Bound, PyResult, Python, TypeFlags, TypeObject};

pub(super) fn set_new(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let base = tp.base();
    let base_is_object = base.is_none_or(|b| b.base().is_none());
    if !tp.has_flag(TypeFlags::HEAPTYPE) && base_is_object && tp.tp_new.get().is_none() {
        // SAFETY: DISALLOW_INSTANTIATION only refuses calls; no layout depends on it.
        unsafe {
            tp.add_flags(TypeFlags::DISALLOW_INSTANTIATION);
        }
    }
    if tp.has_flag(TypeFlags::DISALLOW_INSTANTIATION) {
        tp.tp_new.set(None);
    } else if tp.tp_new.get().is_some() {
        add_new_builtin(py, tp)?;
    } else {
        tp.tp_new.set(base.and_then(|b| b.tp_new.get()));
    }
    Ok(())
}

/// `__new__` in the dict of a type with its own `tp_new`, unless the dict has one.
fn add_new_builtin(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let Some(dict) = tp.tp_dict.get(py) else {
        return Ok(());
    };
    let key = pyrt_core::interned!(py, "__new__")?;
    if dict.get_str_raw(py, &key).is_none() {
        let f = native_function(py, &NEW_DEF, Some(Bound::from_ref(py, tp).as_any()))?;
        dict.set_item(py, key.as_any(), f.as_any())?;
    }
    Ok(())
}
