//! The checks at both ends of `type_ready`, and the consistency check of a ready type.
//!
//! Owns validation only; changes nothing except `set_immutable`.

use pyrt_core::object::gc_free;
use pyrt_core::types::FreeFunc;
use pyrt_core::{PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Step 1: a name is required; sizes must not be negative.
pub(super) fn pre_checks(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    if tp.tp_name.is_none() {
        return Err(PyErr::system_error(
            py,
            "Type does not define the tp_name field.",
        ));
    }
    if tp.tp_basicsize.get() < 0 || tp.tp_itemsize.get() < 0 {
        return Err(PyErr::system_error(
            py,
            format!(
                "type '{}' has a negative tp_basicsize or tp_itemsize",
                tp.name_string()
            ),
        ));
    }
    Ok(())
}

/// Step 2: static types are immutable.
pub(super) fn set_immutable(tp: &TypeObject) {
    if !tp.has_flag(TypeFlags::HEAPTYPE) {
        // SAFETY: IMMUTABLETYPE only restricts attribute assignment; no layout depends on it.
        unsafe {
            tp.add_flags(TypeFlags::IMMUTABLETYPE);
        }
    }
}

/// Last step: what inheritance must have established.
pub(super) fn post_checks(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let name = || tp.name_string();
    if let Some(base) = tp.base() {
        if tp.tp_basicsize.get() < base.tp_basicsize.get() {
            return Err(PyErr::system_error(
                py,
                format!(
                    "type '{}' has a tp_basicsize smaller than its base's",
                    name()
                ),
            ));
        }
        let (ti, bi) = (tp.tp_itemsize.get(), base.tp_itemsize.get());
        if bi != 0 && ti != 0 && ti != bi {
            return Err(PyErr::system_error(
                py,
                format!(
                    "type '{}' has a tp_itemsize different from its base's",
                    name()
                ),
            ));
        }
    }
    if tp.has_flag(TypeFlags::MANAGED_DICT) && !tp.has_flag(TypeFlags::HEAPTYPE) {
        return Err(PyErr::system_error(
            py,
            format!(
                "type {} has the Py_TPFLAGS_MANAGED_DICT flag but not Py_TPFLAGS_HEAPTYPE flag",
                name()
            ),
        ));
    }
    if tp.has_flag(TypeFlags::HAVE_GC) && tp.tp_traverse.get().is_none() {
        return Err(PyErr::system_error(
            py,
            format!(
                "type {} has the Py_TPFLAGS_HAVE_GC flag but has no traverse function",
                name()
            ),
        ));
    }
    Ok(())
}

/// Whether a ready type satisfies the invariants readying establishes.
pub(super) fn is_consistent(tp: &TypeObject) -> bool {
    let has_bases = !tp.tp_bases.is_none();
    let gc_free_ok = !tp.has_flag(TypeFlags::HAVE_GC)
        || !tp.has_flag(TypeFlags::BASETYPE)
        || tp
            .tp_free
            .get()
            .is_some_and(|f| f as usize == gc_free as FreeFunc as usize);
    has_bases
        && !tp.tp_dict.is_none()
        && !tp.tp_mro.is_none()
        && tp.tp_dealloc.get().is_some()
        && gc_free_ok
        && !tp.has_flag(TypeFlags::READYING)
}
