//! Where an instance keeps its `__dict__`: `tp_dictoffset` (positive: from the start;
//! negative: from the end of the variable-size instance).
//!
//! Owns the address computation, and the runtime's handling of *managed* dict slots
//! (types with `MANAGED_DICT`): released before `tp_dealloc`, visited by the collector.
//! What a slot holds is `instance_attrs`' business.

use super::instance_attrs::DictSlot;
use super::{PyAny, VarHeader, instance_size};
use crate::types::TypeFlags;

/// The dict slot of `obj`, if its type has one.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::builtins::int_new(py, 1).unwrap();
///     assert!(pyrt_core::object::dict_slot(o.as_any_ref()).is_none());
/// });
/// ```
#[inline(always)]
pub fn dict_slot(obj: &PyAny) -> Option<&DictSlot> {
    let tp = obj.ob_type();
    let off = tp.tp_dictoffset.get();
    if off == 0 {
        return None;
    }
    let off = if off > 0 {
        off as usize
    } else {
        dict_offset_from_end(obj, off)?
    };
    // SAFETY: tp_dictoffset (a RawCell: set only under its invariant) names an 8-aligned
    // pointer-sized slot inside the instance, which holds what `DictSlot` describes.
    Some(unsafe { &*((obj as *const PyAny as *const u8).add(off) as *const DictSlot) })
}

/// The offset of a dict slot placed at `off` from the end of a variable-size instance.
#[cold]
fn dict_offset_from_end(obj: &PyAny, off: isize) -> Option<usize> {
    // SAFETY: negative offsets are used only by variable-size types, whose instances
    // start with a VarHeader.
    let n = unsafe { &*(obj as *const PyAny as *const VarHeader) }
        .ob_size
        .get();
    Some((instance_size(obj.ob_type(), n.abs())? as isize + off) as usize)
}

/// The dict slot if the runtime manages it (`MANAGED_DICT`).
pub(crate) fn managed_dict_slot(obj: &PyAny) -> Option<&DictSlot> {
    obj.ob_type()
        .has_flag(TypeFlags::MANAGED_DICT)
        .then(|| dict_slot(obj))
        .flatten()
}
