//! The toy model's `ObjectModel` implementation, and test set-up and teardown.

use super::*;
use pyrt_gc::{GcHead, ObjectModel, PendingCallback};
use std::ptr::NonNull;

/// Starts a proptest case: forgets whatever a failed previous case left behind
/// (leaking its objects, untracked) so that shrinking sees a clean world.
pub fn begin() {
    with(|w| {
        for o in w.objs.borrow_mut().drain(..).flatten() {
            // SAFETY: leftover objects are live (leaked on purpose).
            unsafe { w.gc.untrack(head(o)) };
        }
        let _ = w.gc.take_garbage();
        w.roots.borrow_mut().clear();
        w.dying.borrow_mut().clear();
        w.freeing.set(false);
        w.live.set(0);
        w.drops.borrow_mut().clear();
        w.finalized.borrow_mut().clear();
        w.callbacks.borrow_mut().clear();
        w.nested.borrow_mut().clear();
        w.saw_cleared.set(false);
    });
}

/// Tears the test down: releases the root list and garbage, breaks every remaining
/// edge, and checks that no toy object is left and the state is empty. Resets the
/// world for the next proptest case.
pub fn finish() {
    for _ in 0..4 {
        let roots = with(|w| std::mem::take(&mut *w.roots.borrow_mut()));
        roots.into_iter().for_each(release);
        gc(|g| g.clear_garbage::<Toy>());
        let all = live_objects();
        all.iter().for_each(|o| incref(*o));
        all.iter().for_each(|o| unlink_all(*o));
        all.into_iter().for_each(release);
        if live() == 0 && roots_len() == 0 {
            break;
        }
    }
    let ids: Vec<usize> = live_objects().iter().map(|o| id(*o)).collect();
    assert_eq!(live(), 0, "toy objects leaked: {ids:?}");
    gc(|g| {
        assert!(g.is_empty(), "state still tracks heads");
        assert!(g.garbage().is_empty());
    });
    assert_verified();
    with(|w| {
        w.objs.borrow_mut().clear();
        w.drops.borrow_mut().clear();
        w.finalized.borrow_mut().clear();
        w.callbacks.borrow_mut().clear();
        w.nested.borrow_mut().clear();
        w.saw_cleared.set(false);
    });
}

/// Checks the heap with `GcState::verify` (debug builds only).
pub fn assert_verified() {
    #[cfg(debug_assertions)]
    gc(|g| assert_eq!(g.verify::<Toy>(), Ok(())));
}

/// The toy object model.
pub enum Toy {}

fn toy<'a>(h: NonNull<GcHead>) -> &'a ToyObj {
    obj(from_head(h))
}

// SAFETY: 1. only `new_obj` tracks heads, each in front of a boxed toy object;
// 2. `rc` is the count, and objects are untracked when it reaches zero; 3. traverse
// visits each edge once; 4. the quiet hooks only read (clear_weakrefs only detaches
// weakrefs and increfs); 5. `free` frees only untracked zero-count objects;
// 6. `clear` leaves a valid empty object; 7. cleared weakrefs' work holds a strong
// reference to the weakref object; 8. atomic objects are untracked only edgeless.
unsafe impl ObjectModel for Toy {
    type WeakrefCallback = Obj;

    unsafe fn refcount(h: NonNull<GcHead>) -> isize {
        toy(h).rc.get()
    }

    unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(h: NonNull<GcHead>, visit: &mut V) {
        for e in toy(h).edges.borrow().iter() {
            visit(head(*e));
        }
    }

    unsafe fn incref(h: NonNull<GcHead>) {
        incref(from_head(h));
    }

    unsafe fn decref(h: NonNull<GcHead>) {
        release(from_head(h));
    }

    unsafe fn clear(h: NonNull<GcHead>) {
        toy(h).cleared.set(true);
        unlink_all(from_head(h));
    }

    unsafe fn has_finalizer(h: NonNull<GcHead>) -> bool {
        toy(h).fin.get() != Fin::None
    }

    unsafe fn finalize(h: NonNull<GcHead>) {
        run_finalizer(from_head(h));
    }

    unsafe fn has_legacy_del(h: NonNull<GcHead>) -> bool {
        toy(h).legacy_del.get()
    }

    unsafe fn clear_weakrefs(h: NonNull<GcHead>, out: &mut Vec<PendingCallback<Obj>>) {
        let weakrefs = std::mem::take(&mut *toy(h).weakrefs.borrow_mut());
        for wr in weakrefs {
            obj(wr).weak_target.set(None);
            if obj(wr).has_callback.get() {
                incref(wr);
                out.push(PendingCallback {
                    weakref: Some(head(wr)),
                    work: wr,
                });
            }
        }
    }

    unsafe fn detach_weakref(h: NonNull<GcHead>) {
        let me = from_head(h);
        if let Some(target) = toy(h).weak_target.take() {
            obj(target).weakrefs.borrow_mut().retain(|x| *x != me);
        }
    }

    unsafe fn may_have_weakrefs(h: NonNull<GcHead>) -> bool {
        !toy(h).weakrefs.borrow().is_empty() || toy(h).weak_target.get().is_some()
    }

    unsafe fn call_weakref_callback(wr: Obj) {
        with(|w| run_callback(w, wr));
        release(wr);
    }

    unsafe fn discard_weakref_callback(wr: Obj) {
        release(wr);
    }

    unsafe fn should_untrack(h: NonNull<GcHead>) -> bool {
        toy(h).atomic.get() && toy(h).edges.borrow().is_empty()
    }

    unsafe fn describe(h: NonNull<GcHead>, out: &mut dyn std::fmt::Write) -> std::fmt::Result {
        write!(out, "<toy {}>", toy(h).id)
    }
}
