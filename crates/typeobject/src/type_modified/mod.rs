//! `PyType_Modified`: a type's dict or MRO changed, so the method cache entries of the
//! type and of every type whose MRO contains it must never be served again, and the
//! watchers of those types are told.
//!
//! Owns the invalidation walk (an explicit worklist over the subclass lists, held
//! weakly, and the MRO dependents of custom `mro()`s — no recursion), the hooks the
//! type object's own `tp_clear`/`tp_dealloc` call, and unpinning a type's own dict once
//! nothing cached relies on it. Must not change dicts or MROs itself.
//!
//! The walk stops at a type whose tag is already 0: version tags are given only to types
//! whose MRO entries all hold one (see `method_cache`), so nothing below such a type
//! holds a tag that relies on it. Watchers are called after the change is complete
//! (`attr::type_dict_set` stores first, then notifies), so they see the new state and a
//! lookup they make can only cache the new state.

mod dependents;

pub(crate) use dependents::{is_custom, register_custom, unregister};

use crate::method_cache::drop_tag;
use pyrt_core::{Bound, Python, TypeObject};
use smallvec::SmallVec;
use std::ptr::NonNull;

/// `PyType_Modified(tp)`: invalidates the cache entries of `tp` and of every type whose
/// MRO contains it, then calls the watchers of those that are watched. Call it after
/// changing a type's dict other than through [`crate::attr::type_dict_set`] (which calls
/// it itself).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let b = pyrt_typeobject::new_class(py, "B", &[a.clone()], None).unwrap();
///     assert!(pyrt_typeobject::method_cache::assign_version_tag(py, &b));
///     pyrt_typeobject::type_modified(py, &a);
///     assert_eq!(a.tp_version_tag.get(), 0);
///     assert_eq!(b.tp_version_tag.get(), 0); // subclasses too
/// });
/// ```
pub fn type_modified(py: Python<'_>, tp: &TypeObject) {
    invalidate(py, tp).notify(py);
}

/// The watched types an invalidation reached, to be notified once the change is done.
#[must_use = "the watchers must be notified once the change is complete"]
pub(crate) struct Modified<'py> {
    watched: Option<Vec<Bound<'py, TypeObject>>>,
}

impl<'py> Modified<'py> {
    /// Calls the watchers (subclasses before the type they were reached from, as CPython
    /// does).
    #[inline]
    pub(crate) fn notify(self, py: Python<'py>) {
        if let Some(w) = self.watched {
            crate::watchers::notify(py, w.iter().rev());
        }
    }

    fn note(&mut self, py: Python<'py>, t: &TypeObject) {
        if t.tp_watched.get() != 0 {
            self.watched
                .get_or_insert_with(Vec::new)
                .push(Bound::from_ref(py, t));
        }
    }
}

/// Drops the tags of `tp` and of everything reachable from it through subclass lists
/// and MRO dependents (stopping at types whose tag is already 0). Runs no user code.
#[inline]
pub(crate) fn invalidate<'py>(py: Python<'py>, tp: &TypeObject) -> Modified<'py> {
    let mut out = Modified { watched: None };
    if tp.tp_version_tag.get() != 0 {
        invalidate_tagged(py, tp, &mut out);
    }
    out
}

fn invalidate_tagged<'py>(py: Python<'py>, tp: &TypeObject, out: &mut Modified<'py>) {
    let stats = crate::method_cache::counters(py);
    let mut work: SmallVec<[NonNull<TypeObject>; 8]> = SmallVec::new();
    let mut next = Some(NonNull::from(tp));
    while let Some(t) = next {
        // SAFETY: `tp`, and types found in subclass lists and the dependents registry,
        // which hold only live types (each leaves them when freed); no user code runs
        // during the walk, so none is freed meanwhile.
        let t = unsafe { t.as_ref() };
        if t.tp_version_tag.get() != 0 {
            drop_tag(t);
            crate::method_cache::bump(&stats.invalidations);
            out.note(py, t);
            t.tp_subclasses.for_each(|s| work.push(s));
            dependents::push_dependents_of(py, t, &mut work);
        }
        next = work.pop();
    }
}

/// Unpins `tp`'s dict when nothing but `tp` (and `extra` references the caller holds)
/// refers to it. Call only right after [`invalidate`]`(tp)`: then no tag that relies on
/// the dict remains (every tagged type whose MRO contains `tp` was reached), and a dict
/// owned by `tp` alone is read by no other type's lookups.
pub(crate) fn unpin_own_dict(tp: &TypeObject, extra: isize) {
    // SAFETY: the dict is owned by `tp`'s cell and only inspected here.
    if let Some(d) = unsafe { tp.tp_dict.get_ref() }
        && d.ob_base.ob_refcnt.get() == 1 + extra
    {
        // SAFETY: see the function's contract: nothing cached relies on the dict.
        unsafe { d.unpin() };
    }
}

/// `type`'s `tp_clear` is about to empty `tp`'s dict and drop its MRO.
pub(crate) fn before_type_clear(py: Python<'_>, tp: &TypeObject) {
    type_modified(py, tp);
    dependents::unregister(py, tp);
    unpin_own_dict(tp, 0);
}

/// `type`'s `tp_dealloc` is about to release `tp`'s fields (no watcher is told: the type
/// is dead; no subclass can exist, each would hold a reference).
pub(crate) fn before_type_dealloc(py: Python<'_>, tp: &TypeObject) {
    if tp.tp_version_tag.get() != 0 {
        drop_tag(tp);
        crate::method_cache::bump(&crate::method_cache::counters(py).invalidations);
    }
    dependents::forget(py, tp);
    unpin_own_dict(tp, 0);
}
