//! Version tags: handed out lazily from one global counter, never reused.
//!
//! Owns the counter, the per-type budget and the rule for which types may hold a tag.
//! Must not touch the table or dicts.
//!
//! A type holds a tag only if it is ready, has its MRO and dict, and **every entry of
//! its MRO holds a tag** (entries are tagged first: the direct bases for a C3 MRO, whose
//! entries are exactly the ancestors; every entry for a metaclass `mro()`'s MRO). With the invalidation walk of
//! `type_modified` (subclasses and MRO dependents), this gives the invariant the cache
//! relies on: when a type's tag is 0, no type whose MRO contains it holds a tag, so
//! `type_modified` may stop at a type whose tag is already 0.
//!
//! Bounds: tags run from 1 to [`LAST_TAG`] and each type may be given at most
//! [`MAX_TAGS_PER_TYPE`]; a type that cannot get a tag (or whose MRO has such a type)
//! is looked up without the cache, correctly.

use super::stats::{bump, counters};
use crate::locked::Locked;
use crate::mro::mro_of;
use pyrt_core::{Python, TypeFlags, TypeObject};
use smallvec::SmallVec;
use std::cell::Cell;
use std::ptr::NonNull;

/// The last tag of the global space.
///
/// ```
/// assert_eq!(pyrt_typeobject::method_cache::LAST_TAG, u32::MAX);
/// ```
pub const LAST_TAG: u32 = u32::MAX;

/// How many tags one type may be given over its life (CPython 3.12+ uses 1000): a type
/// modified more often than that stops being cached instead of burning the global space.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     assert!(pyrt_typeobject::method_cache::assign_version_tag(py, &a));
///     assert!(a.tp_versions_used.get() <= pyrt_typeobject::method_cache::MAX_TAGS_PER_TYPE);
/// });
/// ```
pub const MAX_TAGS_PER_TYPE: u16 = 1000;

/// The next tag to hand out; 0 once the space is used up.
static NEXT: Locked<Cell<u32>> = Locked::new(Cell::new(1));

/// Whether no tag will ever be handed out again.
pub(crate) fn space_exhausted(py: Python<'_>) -> bool {
    NEXT.get(py).get() == 0
}

/// The last tag handed out (`LAST_TAG` once the space is used up, 0 before the first).
pub(crate) fn last_tag(py: Python<'_>) -> u32 {
    NEXT.get(py).get().wrapping_sub(1)
}

/// Moves the counter forward to `next` (never backwards: tags are never reused), so
/// tests can reach the end of the tag space. `0` means "used up".
#[doc(hidden)]
pub fn advance_tag_counter_for_tests(py: Python<'_>, next: u32) {
    let n = NEXT.get(py);
    if n.get() != 0 && (next == 0 || next > n.get()) {
        n.set(next);
    }
}

fn new_tag(py: Python<'_>) -> Option<u32> {
    let n = NEXT.get(py);
    let tag = n.get();
    if tag == 0 {
        return None;
    }
    n.set(if tag == LAST_TAG { 0 } else { tag + 1 });
    Some(tag)
}

/// Whether `tp` can hold a tag at all (apart from the budgets).
fn taggable(tp: &TypeObject) -> bool {
    tp.has_flag(TypeFlags::READY) && !tp.tp_mro.is_none() && !tp.tp_dict.is_none()
}

/// Gives `tp` a fresh tag (its MRO entries are tagged already).
fn give_tag(py: Python<'_>, tp: &TypeObject) -> bool {
    let used = tp.tp_versions_used.get();
    if used >= MAX_TAGS_PER_TYPE {
        return false;
    }
    let Some(tag) = new_tag(py) else {
        return false;
    };
    tp.tp_versions_used.set(used + 1);
    if used + 1 == MAX_TAGS_PER_TYPE {
        // The type keeps this last tag until its next modification, then stays untagged.
        bump(&counters(py).uncacheable_types);
    }
    // SAFETY: `tag` comes from the global counter, which never repeats a value, so no
    // other type ever held it and no cache entry carries it yet.
    unsafe { tp.tp_version_tag.set(tag) };
    bump(&counters(py).tags_assigned);
    true
}

/// Drops `tp`'s tag: entries carrying it can never be served again.
pub(crate) fn drop_tag(tp: &TypeObject) {
    // SAFETY: 0 means "no tag"; the old tag is never handed out again.
    unsafe { tp.tp_version_tag.set(0) };
}

/// `PyUnstable_Type_AssignVersionTag`: makes sure `tp` holds a tag, tagging the entries
/// of its MRO first. `false` if it cannot get one (not ready, a budget used up).
///
/// Iterative (an explicit stack), so deep hierarchies cannot overflow the stack.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     assert!(pyrt_typeobject::method_cache::assign_version_tag(py, &a));
///     assert_ne!(a.tp_version_tag.get(), 0);
///     assert_ne!(py.builtins().object().tp_version_tag.get(), 0);
/// });
/// ```
pub fn assign_version_tag(py: Python<'_>, tp: &TypeObject) -> bool {
    if tp.tp_version_tag.get() != 0 {
        return true;
    }
    // The common case: what the type depends on holds tags already.
    if taggable(tp) && first_untagged_dependency(py, tp).is_none() {
        return give_tag(py, tp);
    }
    assign_with_stack(py, tp)
}

/// The first type `t` needs tagged before it: an untagged entry of its MRO (other than
/// itself) when a metaclass `mro()` made the MRO, else an untagged direct base. For a
/// C3 MRO the two agree: its entries are the ancestors through `__bases__`, tagged
/// before each of their subclasses, and untagged with them by `type_modified`.
#[inline]
fn first_untagged_dependency(py: Python<'_>, t: &TypeObject) -> Option<NonNull<TypeObject>> {
    let is_untagged = |e: &NonNull<TypeObject>| {
        !std::ptr::eq(e.as_ptr(), t)
            // SAFETY: entries of `t`'s MRO and bases tuples, which keep them alive.
            && unsafe { e.as_ref() }.tp_version_tag.get() == 0
    };
    if crate::type_modified::is_custom(py, t) {
        return mro_of(t).iter().copied().find(is_untagged);
    }
    // SAFETY: the bases tuple is owned by `t` and only read here.
    let bases = unsafe { t.tp_bases.get_ref() }?;
    crate::mro::as_types(bases)
        .iter()
        .copied()
        .find(is_untagged)
}

/// Tags the untagged MRO entries first (depth first, with an explicit stack), then `tp`.
fn assign_with_stack(py: Python<'_>, tp: &TypeObject) -> bool {
    let mut stack: SmallVec<[NonNull<TypeObject>; 8]> = SmallVec::new();
    stack.push(NonNull::from(tp));
    while let Some(&top) = stack.last() {
        // SAFETY: the stack holds `tp` and entries of MROs of types on it, kept alive by
        // those MRO tuples; nothing here runs user code or changes an MRO.
        let t = unsafe { top.as_ref() };
        if t.tp_version_tag.get() != 0 {
            stack.pop();
            continue;
        }
        if !taggable(t) {
            return false;
        }
        match first_untagged_dependency(py, t) {
            Some(e) if stack.contains(&e) => return false, // a custom MRO cycle
            Some(e) => stack.push(e),
            None => {
                if !give_tag(py, t) {
                    return false;
                }
                stack.pop();
            }
        }
    }
    true
}
