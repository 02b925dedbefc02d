//! Installing an MRO tuple on a type: the one door for `tp_mro` changes of a type whose
//! dict may be cached.
//!
//! Owns the order: drop the cache tags relying on the type, leave the MRO-dependents
//! registry, store, register again for a custom MRO, then tell the watchers. Must not
//! compute MROs.

use crate::mro::as_types;
use crate::mro_invoke::NewMro;
use crate::type_modified::{invalidate, register_custom, unregister};
use pyrt_core::{Python, TypeObject};

/// Stores `new` as `tp`'s MRO (see the module doc for the order of effects).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let m = pyrt_typeobject::mro_invoke::mro_for(py, &a).unwrap();
///     pyrt_typeobject::type_mutation::install_mro(py, &a, &m);
///     assert_eq!(pyrt_typeobject::mro::mro_of(&a).len(), 2);
/// });
/// ```
pub fn install_mro(py: Python<'_>, tp: &TypeObject, new: &NewMro<'_>) {
    let modified = invalidate(py, tp);
    unregister(py, tp);
    // SAFETY: `new` is a C3 linearisation of `tp`'s bases or a custom MRO that
    // `mro_invoke` checked: a tuple of types whose solid bases `tp`'s solid base extends.
    // The old tuple is released after the store.
    unsafe { tp.tp_mro.set(py, Some(new.tuple.clone())) };
    if new.custom {
        register_custom(py, tp, as_types(&new.tuple));
    }
    modified.notify(py);
}
