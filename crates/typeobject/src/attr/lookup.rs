//! `_PyType_Lookup`: a name along a type's MRO, dict by dict — through the method cache
//! ([`type_lookup`]) or by the plain walk ([`type_lookup_uncached`]).
//!
//! Owns the MRO walk. Must not call user code.

use crate::mro::mro_of;
use pyrt_core::builtins::{StrObject, intern};
use pyrt_core::{Bound, PyAny, Python, TypeObject};
use std::ptr::NonNull;

/// The first value bound to `name` in the dicts of `tp`'s MRO (or `tp` and its base
/// chain before it is ready), as a borrowed pointer valid until those dicts change.
/// Served by the method cache ([`crate::method_cache::lookup`]).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let n = pyrt_core::builtins::intern(py, "__doc__").unwrap();
///     assert!(pyrt_typeobject::attr::type_lookup(py, py.builtins().int(), &n).is_some());
/// });
/// ```
#[inline(always)]
pub fn type_lookup(py: Python<'_>, tp: &TypeObject, name: &StrObject) -> Option<NonNull<PyAny>> {
    crate::method_cache::lookup(py, tp, name)
}

/// [`type_lookup`] without the cache: the walk of the MRO dicts (of the `tp_base` chain
/// when there is no MRO yet). The reference the cache is tested against.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let n = pyrt_core::builtins::intern(py, "__doc__").unwrap();
///     let int = py.builtins().int();
///     assert_eq!(
///         pyrt_typeobject::attr::type_lookup_uncached(py, int, &n),
///         pyrt_typeobject::attr::type_lookup(py, int, &n)
///     );
/// });
/// ```
pub fn type_lookup_uncached(
    py: Python<'_>,
    tp: &TypeObject,
    name: &StrObject,
) -> Option<NonNull<PyAny>> {
    let mro = mro_of(tp);
    if mro.is_empty() {
        let mut t = Some(tp);
        while let Some(cur) = t {
            if let Some(v) = dict_get(py, cur, name) {
                return Some(v);
            }
            t = cur.base();
        }
        return None;
    }
    // SAFETY: MRO entries are live types owned by the MRO tuple.
    mro.iter()
        .find_map(|t| dict_get(py, unsafe { t.as_ref() }, name))
}

fn dict_get(py: Python<'_>, tp: &TypeObject, name: &StrObject) -> Option<NonNull<PyAny>> {
    // SAFETY: the dict is owned by tp and read without modification.
    unsafe { tp.tp_dict.get_ref() }?.get_str_raw(py, name)
}

/// [`type_lookup`] by a Rust string, returning a new reference.
pub fn lookup_str<'py>(py: Python<'py>, tp: &TypeObject, name: &str) -> Option<Bound<'py, PyAny>> {
    let key = intern(py, name).ok()?;
    // SAFETY: the value is live (owned by a dict) at this point.
    type_lookup(py, tp, &key).map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
}
