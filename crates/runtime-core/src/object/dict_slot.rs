//! Where an instance keeps its `__dict__`: `tp_dictoffset` (positive: from the start;
//! negative: from the end of the variable-size instance).
//!
//! Owns the address computation, and the runtime's handling of *managed* dict slots
//! (types with `MANAGED_DICT`): released before `tp_dealloc`, visited by the collector.

use super::{PyAny, VarHeader, instance_size};
use crate::types::{ObjCell, TypeFlags};
use std::ptr::NonNull;

/// The dict slot of `obj`, if its type has one.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::builtins::int_new(py, 1).unwrap();
///     assert!(pyrt_core::object::dict_slot(o.as_any_ref()).is_none());
/// });
/// ```
pub fn dict_slot(obj: &PyAny) -> Option<&ObjCell<PyAny>> {
    let tp = obj.ob_type();
    let off = tp.tp_dictoffset.get();
    if off == 0 {
        return None;
    }
    let off = if off > 0 {
        off as usize
    } else {
        // SAFETY: negative offsets are used only by variable-size types, whose instances
        // start with a VarHeader.
        let n = unsafe { &*(obj as *const PyAny as *const VarHeader) }
            .ob_size
            .get();
        (instance_size(tp, n.abs())? as isize + off) as usize
    };
    // SAFETY: tp_dictoffset (a RawCell: set only under its invariant) names an 8-aligned
    // pointer-sized slot inside the instance holding an owned reference or null.
    Some(unsafe { &*((obj as *const PyAny as *const u8).add(off) as *const ObjCell<PyAny>) })
}

/// The dict slot if the runtime manages it (`MANAGED_DICT`).
pub(crate) fn managed_dict_slot(obj: &PyAny) -> Option<&ObjCell<PyAny>> {
    obj.ob_type()
        .has_flag(TypeFlags::MANAGED_DICT)
        .then(|| dict_slot(obj))
        .flatten()
}

/// The managed dict's pointer, for traversal.
pub(crate) fn managed_dict_ptr(obj: &PyAny) -> Option<NonNull<PyAny>> {
    managed_dict_slot(obj).and_then(ObjCell::as_ptr)
}
