//! The one door for writes to a ready type's `tp_dict`.
//!
//! Every change of a type's namespace after `type_ready` (attribute assignment and
//! deletion on the type, special setters that store in the dict) goes through
//! [`type_dict_set`], so that what must follow a namespace change — invalidating the
//! attribute cache for the type and its subclasses, re-fixing slots for dunder names —
//! is hooked in one place. Must not decide *whether* a write is allowed (that is
//! `type_setattro`'s job).

use crate::type_modified::{invalidate, unpin_own_dict};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

/// Sets (`Some`) or deletes (`None`) `key` in `tp`'s dict. `key` must be an interned
/// str. Returns whether the key was present before a deletion (always `true` for a set).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let k = pyrt_core::builtins::intern(py, "x").unwrap().into_any();
///     let v = pyrt_core::protocol::none(py);
///     assert!(pyrt_typeobject::attr::type_dict_set(py, &a, &k, Some(&v)).unwrap());
///     assert!(pyrt_typeobject::attr::type_dict_set(py, &a, &k, None).unwrap());
///     assert!(!pyrt_typeobject::attr::type_dict_set(py, &a, &k, None).unwrap());
/// });
/// ```
pub fn type_dict_set<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    key: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<bool> {
    let Some(dict) = tp.tp_dict.get(py) else {
        return Err(PyErr::system_error(py, "type has no dict"));
    };
    // Drop the cache's tags first, so nothing cached relies on the dict while it changes
    // (the old value's release may run code that looks the name up), and unpin the dict
    // so the change does not empty the whole cache; re-fix the slots a dunder drives;
    // tell the watchers once it is done.
    let modified = invalidate(py, tp);
    unpin_own_dict(tp, 1);
    let result = match value {
        Some(v) => dict.set_item(py, key, v).map(|()| true),
        None => dict.del_item(py, key),
    };
    let result = match result {
        Ok(present) => crate::slotdefs::update_slot_for_key(py, tp, key).map(|()| present),
        Err(e) => Err(e),
    };
    modified.notify(py);
    result
}
