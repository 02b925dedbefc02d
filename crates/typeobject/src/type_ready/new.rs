//! The `tp_new` step: static types over `object` without their own `tp_new` are not
//! instantiable; otherwise `tp_new` comes from the primary base (not the MRO).
//!
//! Owns `tp_new` and `DISALLOW_INSTANTIATION`. (The `__new__` entry in the dict of a
//! type with its own `tp_new` needs the descriptor types of the attribute protocol.)

use pyrt_core::{TypeFlags, TypeObject};

pub(super) fn set_new(tp: &TypeObject) {
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
    } else if tp.tp_new.get().is_none() {
        tp.tp_new.set(base.and_then(|b| b.tp_new.get()));
    }
}
