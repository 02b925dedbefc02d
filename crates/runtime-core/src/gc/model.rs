//! The bridge between objects and the cycle collector: an [`ObjectModel`] built from
//! each type's slots (`tp_traverse`, `tp_clear`, `tp_finalize`, `tp_del`) and the
//! weak reference lists.
//!
//! Owns the translation between object pointers and GC heads. Must not implement any
//! collection phase (that is `pyrt-gc`'s).

use super::collectable::is_collectable;
use super::plan::InstancePlan;
use crate::builtins::{list_traverse, list_visit_items, tuple_traverse, tuple_visit_items};
use crate::handle::Bound;
use crate::object::{PyAny, gc_head_of};
use crate::runtime::Python;
use crate::types::{TraverseProc, TypeObject};
use crate::weakref::PendingWeakref;
use pyrt_gc::{GcHead, ObjectModel, PendingCallback};
use std::ptr::NonNull;

/// The object model the collector uses: objects of `HAVE_GC` types (for which
/// `tp_is_gc` agrees), seen through their type's slots.
///
/// ```
/// use pyrt_core::{builtins::list_new, gc::PyGcModel, object::gc_head_of};
/// use pyrt_gc::ObjectModel;
/// pyrt_core::with_test_runtime(|py| {
///     let (outer, inner) = (list_new(py, &[]).unwrap(), list_new(py, &[]).unwrap());
///     outer.append(inner.as_any());
///     // SAFETY: lists carry a GC head; both lists stay live throughout.
///     let head = unsafe { gc_head_of(outer.as_ptr()) };
///     // SAFETY: as above.
///     let inner_head = unsafe { gc_head_of(inner.as_ptr()) };
///     let mut seen = Vec::new();
///     // SAFETY: `head` is the head of a live list.
///     unsafe { PyGcModel::traverse(head, &mut |h| seen.push(h)) };
///     assert_eq!(seen, [inner_head]); // the collector sees the list's item
///     assert_eq!(unsafe { PyGcModel::refcount(inner_head) }, 2);
/// });
/// ```
pub struct PyGcModel;

/// The object behind a GC head.
///
/// # Safety
/// `head` is the head of a live collectable object.
pub(crate) unsafe fn object_of(head: NonNull<GcHead>) -> NonNull<PyAny> {
    // SAFETY: the object header follows its GC head directly.
    unsafe { NonNull::new_unchecked((head.as_ptr() as *mut u8).add(GcHead::SIZE) as *mut PyAny) }
}

/// `traverse(obj, report)`, run inline when `traverse` is one whose walk is known
/// here — a class instance's plan for exactly this traversal, a list's or a tuple's
/// items — so the per-edge `report` is not a dynamic call. Same referents, same order.
#[inline(always)]
fn traverse_inline<V: FnMut(NonNull<PyAny>)>(
    obj: &PyAny,
    tp: &TypeObject,
    traverse: TraverseProc,
    report: &mut V,
) {
    let f = traverse as usize;
    if tp.ht_gc_plan.stands_for(traverse)
        && let Some(planned) = InstancePlan::of(obj)
    {
        planned.traverse(report);
    } else if f == list_traverse as TraverseProc as usize {
        list_visit_items(obj, report);
    } else if f == tuple_traverse as TraverseProc as usize {
        tuple_visit_items(obj, report);
    } else {
        traverse(obj, report);
    }
}

/// The token for code the collector calls back into.
///
/// # Safety
/// Only called from within a collection started by this module's entry points, which
/// run under the runtime lock.
unsafe fn token<'py>() -> Python<'py> {
    // SAFETY: collections run under the lock (module invariant).
    unsafe { Python::assume_locked() }
}

// SAFETY: 1. refcount reads the header's count; 2. traverse reports, by head, exactly the
// collectable referents the type's tp_traverse visits (every tp_traverse in pyrt visits
// each strong reference once; a weak reference's referent is not one of them);
// 3. clear calls tp_clear, which leaves objects usable; 7. the weakref hooks unlink and
// null every weak reference they clear (`weakref::clear_ref`), and each pending
// callback owns a strong reference to its weak reference object, named by its own head.
unsafe impl ObjectModel for PyGcModel {
    type WeakrefCallback = PendingWeakref;

    unsafe fn refcount(head: NonNull<GcHead>) -> isize {
        // SAFETY: the head belongs to a live object.
        unsafe { object_of(head).as_ref() }.refcnt()
    }

    #[inline]
    unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(head: NonNull<GcHead>, visit: &mut V) {
        // SAFETY: the head belongs to a live object.
        let obj = unsafe { object_of(head).as_ref() };
        // `tp_traverse` reports to this closure, which calls the collector's
        // (statically known, inlined) visitor: one dynamic call per edge, none for
        // the walks `traverse_inline` knows.
        let mut report = |p: NonNull<PyAny>| {
            // SAFETY: traverse reports live referents.
            if is_collectable(unsafe { p.as_ref() }) {
                // SAFETY: collectable objects carry a head.
                visit(unsafe { gc_head_of(p) });
            }
        };
        if let Some(slot) = crate::object::managed_dict_slot(obj) {
            slot.visit(&mut report);
        }
        let tp = obj.ob_type();
        if let Some(traverse) = tp.tp_traverse.get() {
            traverse_inline(obj, tp, traverse, &mut report);
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

    unsafe fn clear_weakrefs(
        head: NonNull<GcHead>,
        out: &mut Vec<PendingCallback<PendingWeakref>>,
    ) {
        // SAFETY: live object, lock held (collections run under it).
        let (py, obj) = unsafe { (token(), object_of(head).as_ref()) };
        for work in crate::weakref::clear_for_collector(py, obj) {
            // SAFETY: the pending record keeps the weak reference object alive.
            let wr = unsafe { work.object().as_ref() };
            let weakref = wr
                .ob_type()
                .is_gc_object(wr)
                // SAFETY: collectable objects carry a head.
                .then(|| unsafe { gc_head_of(work.object()) });
            out.push(PendingCallback { weakref, work });
        }
    }

    unsafe fn detach_weakref(head: NonNull<GcHead>) {
        // SAFETY: live object, lock held.
        let (py, obj) = unsafe { (token(), object_of(head).as_ref()) };
        crate::weakref::detach_for_collector(py, obj);
    }

    unsafe fn may_have_weakrefs(head: NonNull<GcHead>) -> bool {
        // SAFETY: live object, lock held.
        let (py, obj) = unsafe { (token(), object_of(head).as_ref()) };
        crate::weakref::has_weakrefs_or_is_one(py, obj)
    }

    unsafe fn call_weakref_callback(work: PendingWeakref) {
        // SAFETY: lock held (collections run under it).
        work.call(unsafe { token() });
    }

    unsafe fn discard_weakref_callback(work: PendingWeakref) {
        // SAFETY: lock held.
        work.discard(unsafe { token() });
    }

    unsafe fn describe(head: NonNull<GcHead>, out: &mut dyn std::fmt::Write) -> std::fmt::Result {
        // SAFETY: live object.
        let obj = unsafe { object_of(head).as_ref() };
        // CPython's DEBUG_COLLECTABLE / DEBUG_UNCOLLECTABLE form: `<tp_name address>`.
        write!(out, "<{} {:#x}>", obj.type_name(), obj.addr())
    }
}
