//! The bridge between objects and the cycle collector: an [`ObjectModel`] built from
//! each type's slots (`tp_traverse`, `tp_clear`, `tp_finalize`, `tp_del`), and the
//! collection entry points used under a token.
//!
//! Owns the translation between object pointers and GC heads. Must not implement any
//! collection phase (that is `pyrt-gc`'s).

use crate::handle::Bound;
use crate::object::{PyAny, gc_head_of};
use crate::runtime::Python;
use pyrt_gc::{CollectResult, GcHead, Generation, ObjectModel};
use std::ptr::NonNull;

/// The object model the collector uses: objects of `HAVE_GC` types (for which
/// `tp_is_gc` agrees), seen through their type's slots.
pub struct PyGcModel;

/// The object behind a GC head.
///
/// # Safety
/// `head` is the head of a live collectable object.
unsafe fn object_of(head: NonNull<GcHead>) -> NonNull<PyAny> {
    // SAFETY: the object header follows its GC head directly.
    unsafe { NonNull::new_unchecked((head.as_ptr() as *mut u8).add(GcHead::SIZE) as *mut PyAny) }
}

/// The token for code the collector calls back into.
///
/// # Safety
/// Only called from within a collection started by [`collect`] (or the schedule), which
/// runs under the runtime lock.
unsafe fn token<'py>() -> Python<'py> {
    // SAFETY: collections run under the lock (module invariant).
    unsafe { Python::assume_locked() }
}

// SAFETY: 1. refcount reads the header's count; 2. traverse reports, by head, exactly the
// collectable referents the type's tp_traverse visits (every tp_traverse in pyrt visits
// each strong reference once); 3. clear calls tp_clear, which leaves objects usable.
unsafe impl ObjectModel for PyGcModel {
    type WeakrefCallback = ();

    unsafe fn refcount(head: NonNull<GcHead>) -> isize {
        // SAFETY: the head belongs to a live object.
        unsafe { object_of(head).as_ref() }.refcnt()
    }

    unsafe fn traverse(head: NonNull<GcHead>, visit: &mut dyn FnMut(NonNull<GcHead>)) {
        // SAFETY: the head belongs to a live object.
        let obj = unsafe { object_of(head).as_ref() };
        let mut report = |p: NonNull<PyAny>| {
            // SAFETY: traverse reports live referents.
            let r = unsafe { p.as_ref() };
            if r.ob_type().is_gc_object(r) {
                // SAFETY: collectable objects carry a head.
                visit(unsafe { gc_head_of(p) });
            }
        };
        if let Some(d) = crate::object::managed_dict_ptr(obj) {
            report(d);
        }
        if let Some(traverse) = obj.ob_type().tp_traverse.get() {
            traverse(obj, &mut report);
        }
    }

    unsafe fn incref(head: NonNull<GcHead>) {
        // SAFETY: live object, lock held.
        unsafe { crate::object::incref(token(), object_of(head)) }
    }

    unsafe fn decref(head: NonNull<GcHead>) {
        // SAFETY: the collector gives back a reference it took with incref.
        unsafe { crate::object::decref(token(), object_of(head)) }
    }

    unsafe fn clear(head: NonNull<GcHead>) {
        // SAFETY: live object (the collector holds a reference), lock held.
        let py = unsafe { token() };
        // SAFETY: as above; the handle's reference is taken here and released below.
        let obj = unsafe { Bound::from_borrowed_ptr(py, object_of(head)) };
        if let Some(slot) = crate::object::managed_dict_slot(obj.as_any_ref()) {
            drop(slot.take(py));
        }
        if let Some(clear) = obj.ob_type().tp_clear.get() {
            clear(py, &obj);
        }
    }

    unsafe fn has_finalizer(head: NonNull<GcHead>) -> bool {
        // SAFETY: live object.
        unsafe { object_of(head).as_ref() }
            .ob_type()
            .tp_finalize
            .get()
            .is_some()
    }

    unsafe fn finalize(head: NonNull<GcHead>) {
        // SAFETY: live object, lock held.
        let py = unsafe { token() };
        // SAFETY: as above.
        let obj = unsafe { Bound::from_borrowed_ptr(py, object_of(head)) };
        if let Some(f) = obj.ob_type().tp_finalize.get() {
            f(py, &obj);
        }
    }

    unsafe fn has_legacy_del(head: NonNull<GcHead>) -> bool {
        // SAFETY: live object.
        unsafe { object_of(head).as_ref() }
            .ob_type()
            .tp_del
            .get()
            .is_some()
    }

    unsafe fn describe(head: NonNull<GcHead>, out: &mut dyn std::fmt::Write) -> std::fmt::Result {
        // SAFETY: live object.
        let obj = unsafe { object_of(head).as_ref() };
        write!(out, "<{} object at {:#x}>", obj.type_name(), obj.addr())
    }
}

/// Collects `generation` (0, 1 or 2; larger values mean 2) and returns the number of
/// unreachable objects found, as Python's `gc.collect()` does.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     l.append(l.as_any());            // a self-cycle
///     let before = py.live_objects();
///     drop(l);
///     assert_eq!(py.live_objects(), before); // still alive: only the cycle holds it
///     assert_eq!(pyrt_core::gc::collect(py, 2), 1);
///     assert_eq!(py.live_objects(), before - 1);
/// });
/// ```
pub fn collect(py: Python<'_>, generation: usize) -> usize {
    collect_result(py, generation).unreachable()
}

/// Like [`collect`], with the collector's full result.
pub fn collect_result(py: Python<'_>, generation: usize) -> CollectResult {
    let generation = Generation::new(generation.min(2)).unwrap_or(Generation::OLD);
    let result = py.state().gc.collect::<PyGcModel>(generation);
    crate::object::release_dealloc_queue(py);
    result
}

/// Runs a collection if the allocation thresholds call for one (the embedder's safe
/// point), returning its result.
pub fn collect_if_needed(py: Python<'_>) -> Option<CollectResult> {
    let r = py.state().gc.collect_if_needed::<PyGcModel>();
    crate::object::release_dealloc_queue(py);
    r
}
