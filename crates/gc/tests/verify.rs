//! `verify` finds a traverse that visits an edge twice.
#![cfg(debug_assertions)]

mod toy;

use pyrt_gc::{GcHead, ObjectModel, PendingCallback, VerifyError};
use std::ptr::NonNull;
use toy::*;

/// The toy model with a bug: every edge is reported twice.
enum DoubleVisit {}

// SAFETY: only used with `verify`, which only reads through `refcount` and
// `traverse`; every other hook forwards to the sound toy model.
unsafe impl ObjectModel for DoubleVisit {
    type WeakrefCallback = Obj;
    unsafe fn refcount(h: NonNull<GcHead>) -> isize {
        // SAFETY: forwarded: live toy heads (caller).
        unsafe { Toy::refcount(h) }
    }
    unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(h: NonNull<GcHead>, visit: &mut V) {
        // SAFETY: forwarded: live toy heads (caller).
        unsafe {
            Toy::traverse(h, visit);
            Toy::traverse(h, visit);
        }
    }
    unsafe fn incref(h: NonNull<GcHead>) {
        // SAFETY: forwarded (caller).
        unsafe { Toy::incref(h) }
    }
    unsafe fn decref(h: NonNull<GcHead>) {
        // SAFETY: forwarded (caller).
        unsafe { Toy::decref(h) }
    }
    unsafe fn clear(h: NonNull<GcHead>) {
        // SAFETY: forwarded (caller).
        unsafe { Toy::clear(h) }
    }
    unsafe fn clear_weakrefs(h: NonNull<GcHead>, out: &mut Vec<PendingCallback<Obj>>) {
        // SAFETY: forwarded (caller).
        unsafe { Toy::clear_weakrefs(h, out) }
    }
}

#[test]
fn double_visit_is_reported_with_its_referrer() {
    let (a, b) = (new_obj(), new_obj());
    link(a, b);
    release(b); // b's only reference is a's edge, visited twice
    match gc(|g| g.verify::<DoubleVisit>()) {
        Err(VerifyError::OverVisited {
            target,
            refcount,
            visits,
            suspects,
        }) => {
            assert_eq!(target, head(b));
            assert_eq!((refcount, visits), (1, 2));
            assert_eq!(suspects, vec![head(a)]);
        }
        other => panic!("expected OverVisited, got {other:?}"),
    }
    // verify restored the lists: the sound model still sees a consistent heap.
    assert_eq!(gc(|g| g.verify::<Toy>()), Ok(()));
    release(a);
    finish();
}

#[test]
fn double_visit_absorbed_by_external_references_is_not_detected() {
    // Documented limit: b has a spare external reference.
    let (a, b) = (new_obj(), new_obj());
    link(a, b);
    assert_eq!(gc(|g| g.verify::<DoubleVisit>()), Ok(()));
    release(a);
    release(b);
    finish();
}
