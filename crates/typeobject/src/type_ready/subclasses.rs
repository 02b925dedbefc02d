//! Registration of a ready type in each direct base's subclass list (held weakly: a
//! type removes itself when freed).
//!
//! Owns the registration only.

use crate::mro::as_types;
use pyrt_core::TypeObject;

pub(super) fn add_subclasses(tp: &TypeObject) {
    // SAFETY: the bases tuple is owned by tp and holds live types.
    if let Some(bases) = unsafe { tp.tp_bases.get_ref() } {
        for b in as_types(bases) {
            // SAFETY: as above.
            unsafe { b.as_ref() }.tp_subclasses.add(tp);
        }
    }
}
