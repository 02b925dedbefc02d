//! What happens when a refcount reaches zero, in named steps, with a depth limit so
//! that freeing a long chain never grows the native stack (the "trashcan").
//!
//! Owns the order: `tp_finalize` (PEP 442; the object may be resurrected, and then
//! nothing else happens) → untrack → clear the weak references to the object and call
//! their callbacks → release a managed dict → `tp_dealloc` (which ends in `tp_free`) →
//! release the type reference of heap-type instances. Every type gets the finalizer
//! and weak reference steps from here, so no `tp_dealloc` needs to do them; the two
//! free-list types (bound callables) take their lean death
//! (`builtins::free_list_death`, whose steps are these steps for them) inside the same
//! depth level, unless weak references point at them (then they come back here, to
//! [`dealloc_generic`]). The common death (no finalizer, no weak reference, depth
//! limit not reached) runs only the untrack, managed-dict and `tp_dealloc` steps
//! (`dealloc_plain`); the rare cases are out of line (`queue_dealloc`,
//! [`dealloc_generic`]). Must not know any payload.

use super::PyAny;
use super::finalize::{AfterFinalizer, finalize_at_zero};
use crate::runtime::Python;
use crate::types::TypeFlags;
use std::ptr::NonNull;

/// Nesting depth of deallocations after which further ones are queued.
const MAX_NESTED_DEALLOCS: u32 = 64;

/// Deallocates an object whose count reached zero, or queues it if deallocation is
/// already deeply nested.
///
/// Out of line and cold, so that every inlined `decref` stays a decrement, a zero
/// test and a call that is rarely taken. The depth limit (queue the object) and, for
/// every type but the two free-list types, a finalizer or weak references (every step
/// of [`dealloc_now`], in [`dealloc_generic`]) are rare and handled out of line; the
/// common death runs only the steps it needs (`dealloc_plain`).
///
/// # Safety
/// `obj` is a live object whose refcount is zero.
#[cold]
#[inline(never)]
pub(crate) unsafe fn dealloc_at_zero(py: Python<'_>, obj: NonNull<PyAny>) {
    let st = py.state();
    let depth = st.dealloc_depth.get();
    if depth >= MAX_NESTED_DEALLOCS {
        // SAFETY: forwarded from the caller.
        unsafe { queue_dealloc(py, obj) };
        return;
    }
    st.dealloc_depth.set(depth + 1);
    // SAFETY: forwarded from the caller; we hold the depth level. The two free-list
    // types (bound callables, made and dropped by every method lookup) have a lean
    // death of their own whose steps are this driver's for them.
    if !unsafe { crate::builtins::free_list_death(py, st, obj) } {
        // SAFETY: the object is still allocated; its type outlives it.
        let tp = unsafe { obj.as_ref().ob_type() };
        // SAFETY (weak reference test): obj is live and tp is its type.
        if tp.tp_finalize.get().is_some() || unsafe { has_weak_references(obj, tp) } {
            // SAFETY: forwarded from the caller; we hold the depth level.
            unsafe { dealloc_generic(py, obj) };
        } else {
            // SAFETY: forwarded from the caller; no finalizer and no weak reference
            // (tested just above, and nothing ran since).
            unsafe { dealloc_plain(py, obj, tp) };
        }
    }
    st.dealloc_depth.set(depth);
    if depth == 0
        && let Some(first) = st.pop_dealloc_queue()
    {
        // SAFETY: only objects whose count reached zero are queued, each once.
        unsafe { release_queued(py, first) };
    }
}

/// The depth limit is reached: the object waits in the queue, which the outermost
/// deallocation level drains.
///
/// # Safety
/// `obj` is a live object whose refcount is zero.
#[cold]
#[inline(never)]
unsafe fn queue_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // A queued object must not sit in the collector's lists with a zero count: a
    // collection run by a finalizer or callback before the queue drains would take
    // it for garbage.
    // SAFETY: forwarded: the object is live.
    unsafe { untrack_if_collectable(py, obj) };
    py.state().push_dealloc_queue(obj);
}

/// Deallocates every queued object (and whatever their deallocation queues in turn).
///
/// Every deallocation drains the queue before it returns, so outside one this is a no-op;
/// the collector calls it after running arbitrary code.
///
/// ```
/// use pyrt_core::builtins::list_new;
/// pyrt_core::with_test_runtime(|py| {
///     let before = py.live_objects();
///     let mut l = list_new(py, &[]).unwrap();
///     for _ in 0..10_000 {
///         l = list_new(py, &[l.into_any()]).unwrap();
///     }
///     drop(l); // a deep chain, freed through the queue rather than by recursion
///     pyrt_core::object::release_dealloc_queue(py); // nothing left queued
///     assert_eq!(py.live_objects(), before);
/// });
/// ```
pub fn release_dealloc_queue(py: Python<'_>) {
    if let Some(first) = py.state().pop_dealloc_queue() {
        // SAFETY: only objects whose count reached zero are queued, each once.
        unsafe { release_queued(py, first) };
    }
}

/// Deallocates `first`, just taken from the queue, then every other queued object.
///
/// # Safety
/// `first` came from the deallocation queue (count zero, queued once).
#[cold]
#[inline(never)]
unsafe fn release_queued(py: Python<'_>, first: NonNull<PyAny>) {
    let st = py.state();
    let mut next = Some(first);
    while let Some(obj) = next {
        st.dealloc_depth.set(st.dealloc_depth.get() + 1);
        // SAFETY: only objects whose count reached zero are queued, each once.
        unsafe { dealloc_now(py, obj) };
        st.dealloc_depth.set(st.dealloc_depth.get() - 1);
        next = st.pop_dealloc_queue();
    }
}

/// [`dealloc_now`] out of line: the generic steps for an object whose type has a
/// finalizer or to which weak references point (also an instance of a free-list type
/// with weak references: `builtins::free_list_death` hands it here, so its lean path
/// stays small).
///
/// # Safety
/// `obj` is a live object whose refcount is zero; the caller holds a deallocation
/// depth level for it.
#[cold]
#[inline(never)]
pub(crate) unsafe fn dealloc_generic(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: forwarded.
    unsafe { dealloc_now(py, obj) }
}

/// The steps of one deallocation.
///
/// # Safety
/// `obj` is a live object whose refcount is zero.
#[inline]
unsafe fn dealloc_now(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: the object is still allocated; its type outlives it.
    let tp = unsafe { obj.as_ref().ob_type() };
    // SAFETY: forwarded: live, count zero. (The slot test is the cheap common case.)
    if tp.tp_finalize.get().is_some()
        && unsafe { finalize_at_zero(py, obj) } == AfterFinalizer::Resurrected
    {
        return;
    }
    let tp_ptr = tp.as_ptr();
    let owns_type = tp.has_flag(TypeFlags::HEAPTYPE);
    // SAFETY: forwarded.
    unsafe { untrack_if_collectable(py, obj) };
    // SAFETY: obj is live until tp_dealloc.
    if unsafe { has_weak_references(obj, tp) } {
        // SAFETY: as above.
        crate::weakref::clear_at_death(py, unsafe { obj.as_ref() });
    }
    // SAFETY: as above.
    release_managed_dict(py, unsafe { obj.as_ref() });
    match tp.tp_dealloc.get() {
        // SAFETY: tp_dealloc's contract: called once, at refcount zero; it ends in tp_free.
        Some(dealloc) => unsafe { dealloc(py, obj) },
        None => leak_without_dealloc(py),
    }
    if owns_type {
        // SAFETY: the instance owned one reference to its heap type; released after free.
        unsafe { super::decref(py, tp_ptr) };
    }
}

/// The steps of one deallocation for an object whose type has no finalizer and to
/// which no weak reference points: [`dealloc_now`] without those two steps.
///
/// # Safety
/// `obj` is a live object whose refcount is zero, `tp` its type, without
/// `tp_finalize` and with an empty weak reference list.
#[inline(always)]
unsafe fn dealloc_plain(py: Python<'_>, obj: NonNull<PyAny>, tp: &crate::types::TypeObject) {
    debug_assert!(tp.tp_finalize.get().is_none());
    // SAFETY: forwarded.
    debug_assert!(!unsafe { has_weak_references(obj, tp) });
    let tp_ptr = tp.as_ptr();
    // The flags are read once: the ones tested here are fixed when the type is made.
    let flags = tp.flags();
    let owns_type = flags.contains(TypeFlags::HEAPTYPE);
    // SAFETY: obj is live until tp_dealloc.
    let any = unsafe { obj.as_ref() };
    if flags.contains(TypeFlags::HAVE_GC) && tp.tp_is_gc.get().is_none_or(|f| f(any)) {
        // SAFETY: step 1 (`untrack_if_collectable`): the object was allocated with a head.
        unsafe { py.state().gc.untrack(super::alloc::gc_head_of(obj)) };
    }
    if flags.contains(TypeFlags::MANAGED_DICT) {
        // Step 2 (`release_managed_dict`), the type already known.
        if let Some(slot) = super::dict_slot(any) {
            drop(slot.take(py));
        }
    }
    match tp.tp_dealloc.get() {
        // SAFETY: tp_dealloc's contract: called once, at refcount zero; it ends in tp_free.
        Some(dealloc) => unsafe { dealloc(py, obj) },
        None => leak_without_dealloc(py),
    }
    if owns_type {
        // SAFETY: the instance owned one reference to its heap type; released after free.
        unsafe { super::decref(py, tp_ptr) };
    }
}

/// Whether the object's weak reference list (if its type has one) is non-empty: the
/// slot at `tp_weaklistoffset` holds null or the first weak reference. Read inline so
/// that the common death, with no weak reference, costs a load and a test.
///
/// # Safety
/// `obj` is live and `tp` is its type.
#[inline(always)]
unsafe fn has_weak_references(obj: NonNull<PyAny>, tp: &crate::types::TypeObject) -> bool {
    let off = tp.tp_weaklistoffset.get();
    // SAFETY: a positive tp_weaklistoffset (a RawCell, set only under its invariant)
    // names an aligned pointer-sized slot inside every instance (`weakref::WeakListHead`,
    // a transparent pointer cell holding null or the first weak reference).
    off > 0
        && unsafe {
            !(*(obj.as_ptr() as *const u8)
                .add(off as usize)
                .cast::<*const u8>())
            .is_null()
        }
}

/// Step 1: a collectable object leaves the collector's lists before its fields go.
///
/// # Safety
/// `obj` is live.
unsafe fn untrack_if_collectable(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: obj is live.
    let any = unsafe { obj.as_ref() };
    if any.ob_type().is_gc_object(any) {
        // SAFETY: is_gc_object says the object was allocated with a head.
        unsafe { py.state().gc.untrack(super::alloc::gc_head_of(obj)) };
    }
}

/// Step 2: a dict slot the runtime manages (`MANAGED_DICT`) is released by the runtime,
/// so the type's own `tp_dealloc` need not know about it.
fn release_managed_dict(py: Python<'_>, obj: &PyAny) {
    if let Some(slot) = super::managed_dict_slot(obj) {
        drop(slot.take(py));
    }
}

/// A type without `tp_dealloc` cannot free its instances; they are leaked rather than
/// freed wrongly (type_ready always fills `tp_dealloc`, so this is unreachable for
/// ready types).
fn leak_without_dealloc(py: Python<'_>) {
    let st = py.state();
    st.leaked.set(st.leaked.get() + 1);
}
