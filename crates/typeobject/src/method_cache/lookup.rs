//! The cached `_PyType_Lookup`: a probe of the table, and on a miss the MRO walk whose
//! result fills the entry.
//!
//! Owns the hit path (inline, nine instructions on x86-64: the tag load, the key and the
//! entry offset, two compare-and-branch pairs, the value load — no locks, no refcounts,
//! no hashing, no flag tests) and the out-of-line path (counted hits, misses). Must not
//! run user code.

use super::stats::{bump, counters};
use super::table::{key_of, table};
use super::version_tag::assign_version_tag;
use crate::mro::mro_of;
use pyrt_core::builtins::StrObject;
use pyrt_core::{PyAny, Python, TypeObject};
use std::ptr::NonNull;

/// The first value bound to `name` along `tp`'s MRO, through the cache, as a pointer
/// borrowed from an MRO dict (valid until that dict or the MRO changes: take a
/// reference before running any code).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let n = pyrt_core::builtins::intern(py, "__doc__").unwrap();
///     let int = py.builtins().int();
///     let first = pyrt_typeobject::method_cache::lookup(py, int, &n);
///     assert_eq!(first, pyrt_typeobject::method_cache::lookup(py, int, &n)); // a hit
/// });
/// ```
#[inline(always)]
pub fn lookup(py: Python<'_>, tp: &TypeObject, name: &StrObject) -> Option<NonNull<PyAny>> {
    match probe(py, tp, (name as *const StrObject).cast()) {
        Some(v) => v,
        None => lookup_slow(py, tp, name),
    }
}

/// The hit path alone, call-free: `Some(value)` (`Some(None)`: "not found" on the MRO)
/// when the table holds `(tp, name)`, `None` on a miss (nothing is filled) and, while
/// hit counting is on ([`super::set_hit_counting`]), on every lookup (a counted hit is
/// served by [`lookup`]'s out-of-line path). `name` may be any object: entries hold only
/// interned `str`s, so a hit proves `name` is one.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let n = pyrt_core::builtins::intern(py, "__doc__").unwrap();
///     let int = py.builtins().int();
///     let found = pyrt_typeobject::method_cache::lookup(py, int, &n); // fills
///     let p = n.as_any().as_ptr().as_ptr() as *const pyrt_core::PyAny;
///     assert_eq!(pyrt_typeobject::method_cache::probe(py, int, p), Some(found));
/// });
/// ```
#[inline(always)]
pub fn probe(
    py: Python<'_>,
    tp: &TypeObject,
    name: *const PyAny,
) -> Option<Option<NonNull<PyAny>>> {
    let key = key_of(tp.tp_version_tag.get());
    let e = table(py).entry_at(key, name as usize);
    // An untagged type (key 0) never matches: empty entries have a null name. While
    // hit counting is on, stored keys carry the `COUNTED` bit and never match here.
    if e.key.get() == key && std::ptr::eq(e.name.get().cast::<PyAny>(), name) {
        let v = e.result();
        #[cfg(debug_assertions)]
        // SAFETY: the entry's name is an interned str (immortal), and equals `name`.
        check_hit(py, tp, unsafe { &*name.cast::<StrObject>() }, v);
        return Some(v);
    }
    None
}

/// What the inlined probe did not answer: a hit while hit counting is on (counted), or
/// a miss. Out of line and cold, so the inlined hit path stays small.
#[cold]
#[inline(never)]
fn lookup_slow(py: Python<'_>, tp: &TypeObject, name: &StrObject) -> Option<NonNull<PyAny>> {
    let t = table(py);
    if t.counting()
        && let Some(v) = t.find(tp.tp_version_tag.get(), (name as *const StrObject).cast())
    {
        bump(&t.hits);
        #[cfg(debug_assertions)]
        check_hit(py, tp, name, v);
        return v;
    }
    lookup_miss(py, tp, name)
}

/// A miss: walk the MRO and, when the name is interned and the type can hold a tag,
/// store the result.
#[inline]
fn lookup_miss(py: Python<'_>, tp: &TypeObject, name: &StrObject) -> Option<NonNull<PyAny>> {
    let c = counters(py);
    bump(&c.misses);
    if !name.is_interned() || !assign_version_tag(py, tp) {
        bump(&c.uncacheable_lookups);
        return crate::attr::type_lookup_uncached(py, tp, name);
    }
    let value = match through_base_entry(py, tp, name) {
        Some(v) => v,
        None => walk_pinning(py, tp, name),
    };
    table(py).fill(tp.tp_version_tag.get(), name, value);
    bump(&c.fills);
    value
}

/// The shortcut for a type whose MRO is itself followed by exactly its single base's
/// MRO (single inheritance): its own dict, then the base's entry for `name` — served
/// from the table when present (a valid entry's dicts are still pinned, and any change
/// to them drops the base's tag and so `tp`'s), else computed by walking the base's MRO
/// and stored for the base too, so the next miss on `tp` (after `tp` alone changed)
/// reads one dict. `None` when the shortcut does not apply (the caller walks the MRO).
/// Not recursive: at most the base's walk.
#[inline]
fn through_base_entry(
    py: Python<'_>,
    tp: &TypeObject,
    name: &StrObject,
) -> Option<Option<NonNull<PyAny>>> {
    let base = single_base(tp)?;
    let base_tag = base.tp_version_tag.get();
    let mro = mro_of(tp);
    if base_tag == 0
        || mro.first().map(|t| t.as_ptr() as *const TypeObject) != Some(tp)
        || !same_entries(&mro[1..], mro_of(base))
    {
        return None;
    }
    // SAFETY: the dict is owned by `tp` and read (and pinned) without being changed.
    let own = unsafe { tp.tp_dict.get_ref() }?.get_str_raw_pinning(py, name);
    let t = table(py);
    let inherited = match t.find(base_tag, (name as *const StrObject).cast()) {
        Some(v) => v,
        None => {
            let v = walk_pinning(py, base, name);
            t.fill(base_tag, name, v);
            v
        }
    };
    Some(own.or(inherited))
}

/// Whether two MRO slices hold the same types (compared as addresses, in one `memcmp`).
#[inline]
fn same_entries(a: &[NonNull<TypeObject>], b: &[NonNull<TypeObject>]) -> bool {
    // SAFETY: `NonNull<T>` has the layout of a `usize`-sized pointer; the views cover
    // exactly the two slices.
    let view = |s: &[NonNull<TypeObject>]| unsafe {
        std::slice::from_raw_parts(s.as_ptr() as *const usize, s.len())
    };
    view(a) == view(b)
}

/// The only entry of `tp`'s bases, if it has exactly one.
#[inline]
fn single_base(tp: &TypeObject) -> Option<&TypeObject> {
    // SAFETY: the bases tuple is owned by `tp` and only read here.
    let bases = unsafe { tp.tp_bases.get_ref() }?;
    match crate::mro::as_types(bases) {
        // SAFETY: the bases tuple keeps its types alive.
        [b] => Some(unsafe { b.as_ref() }),
        _ => None,
    }
}

/// The MRO walk of a tagged type, pinning every dict it reads: a later change of any of
/// them empties the table first unless `type_modified` dropped the tags that rely on it.
fn walk_pinning(py: Python<'_>, tp: &TypeObject, name: &StrObject) -> Option<NonNull<PyAny>> {
    mro_of(tp).iter().find_map(|t| {
        // SAFETY: MRO entries are live (owned by the MRO tuple); the dict is read, and
        // pinned, without being modified or replaced meanwhile.
        unsafe { t.as_ref().tp_dict.get_ref() }?.get_str_raw_pinning(py, name)
    })
}

/// Debug builds: a hit must agree with the uncached walk (a disagreement means a change
/// of a dict or an MRO that did not drop the tags relying on it).
#[cfg(debug_assertions)]
fn check_hit(py: Python<'_>, tp: &TypeObject, name: &StrObject, hit: Option<NonNull<PyAny>>) {
    let walked = crate::attr::type_lookup_uncached(py, tp, name);
    debug_assert_eq!(
        hit,
        walked,
        "method cache served a stale entry for {}.{}",
        tp.name_string(),
        name.as_str()
    );
}
