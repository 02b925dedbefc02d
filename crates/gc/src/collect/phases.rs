//! The phases of one collection, each a small function over intrusive lists.
//!
//! Owns the per-object work of a collection (facts §12, steps 2–9) and the encoding
//! rules of the heads' words while it runs. Must not touch generations, counters,
//! statistics or callbacks: the driver in `collect/mod.rs` chains these phases.
//!
//! No phase recurses: transitive closures use the lists themselves as worklists.
//!
//! # Invariants shared by every phase (the "collection invariants")
//! 1. Every head on the lists passed in is the live head of an object of `M`
//!    ([`ObjectModel`] duty 1).
//! 2. Heads carry COLLECTING only while they are in the set being examined, and
//!    UNREACHABLE only while they are on an unreachable list of this collection.
//! 3. Phases that call loud hooks (user code) start and end with every list well
//!    formed, so a deallocator's `untrack` can unlink any head at any time.

use crate::head::GcHead;
use crate::list::GcList;
use crate::model::ObjectModel;
use std::cell::RefCell;
use std::ptr::NonNull;

/// Step 2: copies each object's refcount into its scratch count and marks it
/// COLLECTING. Afterwards the members' `prev` words hold counts, not links.
///
/// # Safety
/// Collection invariant 1; `list` is well formed.
pub(crate) unsafe fn update_refs<M: ObjectModel>(list: &GcList) {
    // SAFETY: members are live heads of `M` objects (invariant 1); `start_scratch`
    // leaves `next` alone, so the walk stays valid.
    unsafe { list.for_each(|h| h.as_ref().start_scratch(M::refcount(h))) };
}

/// Step 3: for every reference from a member to a member, subtracts one from the
/// referent's scratch count. What stays positive is referenced from outside.
///
/// # Safety
/// Collection invariant 1; `list` went through [`update_refs`] (its `next` chain
/// intact).
pub(crate) unsafe fn subtract_refs<M: ObjectModel>(list: &GcList) {
    let mut visit = |r: NonNull<GcHead>| {
        // SAFETY: `traverse` only reports heads of live objects (duty 3).
        let r = unsafe { r.as_ref() };
        if r.is_collecting() {
            r.decrement_scratch();
        }
    };
    // SAFETY: members are live `M` heads (invariant 1); traverse is quiet (duty 4).
    unsafe { list.for_each(|h| M::traverse(h, &mut visit)) };
}

/// Takes the first head off a list used as a queue (members' `prev` words hold
/// scratch; only `next` links and the sentinel's `prev` are maintained).
///
/// # Safety
/// The `next` chain of `list` is intact.
#[inline]
unsafe fn queue_pop(list: &GcList) -> Option<NonNull<GcHead>> {
    let first = list.first()?;
    // SAFETY: `first` is a live member.
    let next = unsafe { first.as_ref().next() };
    list.sentinel().set_next(next);
    if next == list.end() {
        list.sentinel().set_prev(list.end());
    }
    Some(first)
}

/// Appends `head` to a list used as a queue (see [`queue_pop`]).
///
/// # Safety
/// `head` is live and on no list; the sentinel's `prev` names the queue's last head.
#[inline]
unsafe fn queue_push(list: &GcList, head: NonNull<GcHead>) {
    // SAFETY: the last member (or the sentinel) is live; `head` is live.
    unsafe {
        (*list.last()).set_next(head.as_ptr());
        head.as_ref().set_next(list.end());
    }
    list.sentinel().set_prev(head.as_ptr());
}

/// What [`move_unreachable`] found, so later phases can be skipped when they have
/// nothing to do.
#[derive(Default)]
pub(crate) struct Split {
    /// Heads moved to the reachable list.
    pub(crate) reachable: usize,
    /// Heads left on the unreachable list.
    pub(crate) unreachable: usize,
    /// Some unreachable head may have a legacy `tp_del` (only when assessed).
    pub(crate) legacy: bool,
    /// Some unreachable head may have or be a weakref (only when assessed).
    pub(crate) weakrefs: bool,
    /// Some unreachable head may need finalizing (only when assessed).
    pub(crate) finalizers: bool,
}

/// Step 4: splits `young` into `reachable` (flags cleared, well formed) and
/// `unreachable` (marked UNREACHABLE, well formed), leaving `young` empty.
///
/// `young` is consumed as a queue. A head with a positive scratch count is reachable;
/// its referents get a count of at least 1 and, when already parked on `unreachable`,
/// go back to the end of the queue. A head with count 0 is parked on `unreachable`
/// until something reachable reaches it. With `first_pass` set, reachable heads that
/// `M::should_untrack` accepts are untracked, and parked heads are assessed for the
/// later phases (an over-estimate: a rescued head's assessment is not withdrawn).
///
/// # Safety
/// Collection invariant 1; `young` went through [`update_refs`] and
/// [`subtract_refs`]; `reachable` and `unreachable` are well formed and distinct.
pub(crate) unsafe fn move_unreachable<M: ObjectModel>(
    young: &GcList,
    reachable: &GcList,
    unreachable: &GcList,
    first_pass: bool,
) -> Split {
    let mut rescued = 0;
    let mut visit = |r: NonNull<GcHead>| {
        // SAFETY: `traverse` only reports heads of live objects (duty 3).
        let rh = unsafe { r.as_ref() };
        if !rh.is_collecting() {
            return;
        }
        if rh.is_unreachable() {
            // SAFETY: parked heads sit on the well-formed `unreachable` list; once
            // unlinked, `r` may join the queue.
            unsafe {
                GcList::unlink(r);
                rh.start_scratch(1);
                queue_push(young, r);
            }
            rescued += 1;
        } else if rh.scratch() <= 0 {
            rh.start_scratch(1);
        }
    };
    let mut split = Split::default();
    // SAFETY: `young`'s next chain is intact (update_refs keeps it).
    while let Some(h) = unsafe { queue_pop(young) } {
        // SAFETY: queue members are live `M` heads (invariant 1).
        let hh = unsafe { h.as_ref() };
        if hh.scratch() > 0 {
            hh.reset_prev();
            // SAFETY: live `M` head; traverse and should_untrack are quiet (duty 4);
            // `h` is on no list, so pushing it is allowed.
            unsafe {
                M::traverse(h, &mut visit);
                if first_pass && M::should_untrack(h) {
                    hh.reset_untracked();
                } else {
                    reachable.push_back(h);
                    split.reachable += 1;
                }
            }
        } else {
            hh.reset_prev();
            // SAFETY: `h` is live and on no list; the predicates are quiet.
            unsafe {
                unreachable.push_back(h);
                if first_pass {
                    // Each predicate is asked only until it first says yes.
                    split.legacy = split.legacy || M::has_legacy_del(h);
                    split.weakrefs = split.weakrefs || M::may_have_weakrefs(h);
                    split.finalizers =
                        split.finalizers || (!hh.is_finalized() && M::has_finalizer(h));
                }
            }
            hh.mark_unreachable();
            split.unreachable += 1;
        }
    }
    split.unreachable -= rescued;
    split
}

/// Step 5: moves every unreachable object with a legacy `tp_del`, and everything it
/// reaches inside the unreachable set, to `legacy` (flags cleared). Returns how many
/// moved.
///
/// # Safety
/// Collection invariant 1; both lists well formed.
pub(crate) unsafe fn move_legacy<M: ObjectModel>(unreachable: &GcList, legacy: &GcList) -> usize {
    // SAFETY: members are live `M` heads; has_legacy_del is quiet; `for_each` allows
    // moving the head it hands out.
    unsafe {
        unreachable.for_each(|h| {
            if M::has_legacy_del(h) {
                h.as_ref().clear_transient();
                legacy.move_back(h);
            }
        });
    }
    let mut visit = |r: NonNull<GcHead>| {
        // SAFETY: reported heads are live (duty 3); UNREACHABLE ones sit on the
        // well-formed `unreachable` list.
        unsafe {
            if r.as_ref().is_unreachable() {
                r.as_ref().clear_transient();
                legacy.move_back(r);
            }
        }
    };
    let mut moved = 0;
    let mut cur = legacy.sentinel().next();
    while cur != legacy.end() {
        // SAFETY: `cur` is a live member of `legacy`; heads appended by `visit` land
        // after it, so reading `next` after the traversal sees them.
        unsafe {
            M::traverse(NonNull::new_unchecked(cur), &mut visit);
            cur = (*cur).next();
        }
        moved += 1;
    }
    moved
}

/// Step 6: clears every weakref into the unreachable set, then calls the callbacks
/// whose weakref object is not itself unreachable and discards the others. All
/// weakrefs are cleared before any callback runs, and no object has been cleared yet,
/// so a callback never sees a half-cleared object. Weakref objects that are
/// themselves unreachable are cleared too, whatever they point to: otherwise their
/// referent dying by refcount during step 9 would call their callback while their
/// fellow garbage is half-cleared.
///
/// # Safety
/// Collection invariants 1–3; `unreachable` well formed.
pub(crate) unsafe fn handle_weakrefs<M: ObjectModel>(unreachable: &GcList) {
    let mut pending = Vec::new();
    // SAFETY: live `M` heads; detach_weakref and clear_weakrefs are quiet (duty 4).
    unsafe {
        unreachable.for_each(|h| {
            M::detach_weakref(h);
            M::clear_weakrefs(h, &mut pending);
        });
    }
    if pending.is_empty() {
        return;
    }
    // Decide for all before running any loud hook.
    let (dead, live): (Vec<_>, Vec<_>) = pending.into_iter().partition(|p| {
        // SAFETY: the weakref object is kept alive by `work` (duty 7).
        p.weakref
            .is_some_and(|w| unsafe { w.as_ref() }.is_unreachable())
    });
    for p in dead {
        // SAFETY: `work` came from `clear_weakrefs` of `M`.
        unsafe { M::discard_weakref_callback(p.work) };
    }
    for p in live {
        // SAFETY: as above; lists are well formed (invariant 3).
        unsafe { M::call_weakref_callback(p.work) };
    }
}

/// Step 7: calls `tp_finalize` once on every unreachable object not yet finalized,
/// setting its finalized bit first and holding a reference around the call. Returns
/// how many finalizers ran. Each
/// head moves to `seen` before its finalizer runs, so finalizers freeing or untracking
/// any object never disturb the walk; `seen` goes back to `unreachable` at the end.
///
/// # Safety
/// Collection invariants 1–3; both lists well formed, `seen` empty.
pub(crate) unsafe fn finalize<M: ObjectModel>(unreachable: &GcList, seen: &GcList) -> usize {
    let mut ran = 0;
    while let Some(h) = unreachable.first() {
        // SAFETY: `h` is a live member of a well-formed list; the incref keeps it
        // alive across the finalizer, and it is not touched after the decref.
        unsafe {
            seen.move_back(h);
            if !h.as_ref().is_finalized() && M::has_finalizer(h) {
                h.as_ref().set_finalized();
                M::incref(h);
                M::finalize(h);
                M::decref(h);
                ran += 1;
            }
        }
    }
    // SAFETY: both lists are well formed.
    unsafe { unreachable.splice_back(seen) };
    ran
}

/// Step 8: recomputes reachability inside the unreachable set after finalizers ran:
/// whatever has references from outside the set (resurrected), and all it reaches,
/// moves to `rescued`; the rest moves to `doomed`.
///
/// # Safety
/// Collection invariant 1; lists well formed and distinct.
pub(crate) unsafe fn split_resurrected<M: ObjectModel>(
    unreachable: &GcList,
    rescued: &GcList,
    doomed: &GcList,
) -> Split {
    // SAFETY: forwarded; the three steps are the ones of the first pass.
    unsafe {
        update_refs::<M>(unreachable);
        subtract_refs::<M>(unreachable);
        move_unreachable::<M>(unreachable, rescued, doomed, false)
    }
}

/// Step 9: for each doomed object: `tp_clear` it holding a temporary reference (or,
/// under SAVEALL, hand that reference to `garbage` instead). An object still at the
/// front of `doomed` afterwards survived its clear and moves to `old`. Returns how
/// many survived.
///
/// # Safety
/// Collection invariants 1–3; `doomed` and `old` well formed.
pub(crate) unsafe fn clear_doomed<M: ObjectModel>(
    doomed: &GcList,
    old: &GcList,
    garbage: &RefCell<Vec<NonNull<GcHead>>>,
    save_all: bool,
) -> usize {
    let mut survived = 0;
    while let Some(h) = doomed.first() {
        // SAFETY: `h` is a live member; the incref keeps it alive through `clear`.
        // After the decref `h` is only compared by address, unless it is still the
        // first member (then it is tracked, hence alive).
        unsafe {
            M::incref(h);
            if save_all {
                garbage.borrow_mut().push(h);
            } else {
                M::clear(h);
                M::decref(h);
            }
            if doomed.first() == Some(h) {
                h.as_ref().clear_transient();
                old.move_back(h);
                survived += 1;
            }
        }
    }
    survived
}
