//! A rough timing of the collector on a lean object model:
//! `cargo run --release -p pyrt-gc --example bench`.
//!
//! Measures (1) collecting 1e6 unreachable two-object cycles and (2) a full
//! collection over 1e6 live objects, reporting nanoseconds per object.

use pyrt_gc::{GcHead, GcState, Generation, ObjectModel};
use std::cell::{Cell, RefCell};
use std::ptr::{self, NonNull};
use std::time::Instant;

/// A lean object: head, count, up to two edges.
#[repr(C)]
struct Obj {
    head: GcHead,
    rc: Cell<isize>,
    edges: [Cell<*mut Obj>; 2],
}

thread_local! {
    static GC: GcState = GcState::new();
    static DYING: RefCell<Vec<*mut Obj>> = const { RefCell::new(Vec::new()) };

}

fn new_obj() -> *mut Obj {
    let o = Box::into_raw(Box::new(Obj {
        head: GcHead::new(),
        rc: Cell::new(1),
        edges: [Cell::new(ptr::null_mut()), Cell::new(ptr::null_mut())],
    }));
    // SAFETY: fresh boxed head in front of an `Obj`.
    GC.with(|gc| unsafe { gc.track(NonNull::new_unchecked(o).cast()) });
    o
}

/// Adds edge slot `slot` of `from` → `to`, taking a reference.
///
/// # Safety
/// Both live; the slot is empty.
unsafe fn link(from: *mut Obj, slot: usize, to: *mut Obj) {
    // SAFETY: both are live and the slot is empty (caller).
    unsafe {
        (*to).rc.set((*to).rc.get() + 1);
        (*from).edges[slot].set(to);
    }
}

/// Drops a reference, freeing iteratively.
///
/// # Safety
/// Live, and the caller owns the reference.
#[inline]
unsafe fn release(o: *mut Obj) {
    // SAFETY: the caller owns a reference to the live `o`.
    let rc = unsafe { &(*o).rc };
    rc.set(rc.get() - 1);
    if rc.get() == 0 {
        // SAFETY: the count reached zero; nobody else frees `o`.
        unsafe { free_from(o) };
    }
}

/// Frees `o` and whatever dies with it, with an explicit stack (nothing in the loop
/// calls back into `release`, so the stack is never borrowed twice).
#[cold]
unsafe fn free_from(o: *mut Obj) {
    DYING.with(|d| {
        let mut stack = d.borrow_mut();
        stack.push(o);
        while let Some(d) = stack.pop() {
            // SAFETY: `d` has a zero count: untrack, drop its edges, free it.
            unsafe {
                GC.with(|gc| gc.untrack(NonNull::new_unchecked(d).cast()));
                for e in &(*d).edges {
                    let t = e.replace(ptr::null_mut());
                    if !t.is_null() {
                        let rc = &(*t).rc;
                        rc.set(rc.get() - 1);
                        if rc.get() == 0 {
                            stack.push(t);
                        }
                    }
                }
                drop(Box::from_raw(d));
            }
        }
    });
}

enum Lean {}

// SAFETY: only `new_obj` tracks heads (boxed `Obj`s); counts are exact; traverse
// visits each non-null edge once; quiet hooks only read; objects are untracked before
// they are freed; clear empties the edges.
unsafe impl ObjectModel for Lean {
    type WeakrefCallback = ();
    #[inline]
    unsafe fn refcount(h: NonNull<GcHead>) -> isize {
        // SAFETY: live `Obj` (caller).
        unsafe { h.cast::<Obj>().as_ref() }.rc.get()
    }
    #[inline]
    unsafe fn traverse<V: FnMut(NonNull<GcHead>)>(h: NonNull<GcHead>, visit: &mut V) {
        // SAFETY: live `Obj` (caller).
        for e in &unsafe { h.cast::<Obj>().as_ref() }.edges {
            if let Some(t) = NonNull::new(e.get()) {
                visit(t.cast());
            }
        }
    }
    unsafe fn may_have_weakrefs(_: NonNull<GcHead>) -> bool {
        false
    }
    unsafe fn incref(h: NonNull<GcHead>) {
        // SAFETY: live `Obj` (caller).
        let rc = &unsafe { h.cast::<Obj>().as_ref() }.rc;
        rc.set(rc.get() + 1);
    }
    unsafe fn decref(h: NonNull<GcHead>) {
        // SAFETY: live `Obj`; the caller gives up its reference.
        unsafe { release(h.cast::<Obj>().as_ptr()) };
    }
    unsafe fn clear(h: NonNull<GcHead>) {
        let o = h.cast::<Obj>().as_ptr();
        for slot in 0..2 {
            // SAFETY: live `Obj` (caller); the slot's reference is taken out before it is released.
            let t = unsafe { (*o).edges[slot].replace(ptr::null_mut()) };
            if !t.is_null() {
                // SAFETY: the edge owned this reference.
                unsafe { release(t) };
            }
        }
    }
}

fn main() {
    const N: usize = 1_000_000;
    GC.with(|gc| {
        // (1) garbage cycles
        for _ in 0..N {
            let (a, b) = (new_obj(), new_obj());
            // SAFETY: fresh objects we own; each owner reference is released once.
            unsafe {
                link(a, 0, b);
                link(b, 0, a);
                release(a);
                release(b);
            }
        }
        let t = Instant::now();
        let r = gc.collect::<Lean>(Generation::OLD);
        let dt = t.elapsed();
        assert_eq!(r.collected, 2 * N);
        println!(
            "garbage cycles: {} objects in {:?} = {:.1} ns/object",
            2 * N,
            dt,
            dt.as_nanos() as f64 / (2 * N) as f64
        );
        let s = gc.get_stats()[2];
        for p in pyrt_gc::Phase::ALL {
            println!("  {:<18} {:?}", p.name(), s.phase(p));
        }

        // (2) live objects: N/2 pairs held from a root vector
        let mut roots = Vec::new();
        for _ in 0..N / 2 {
            let (a, b) = (new_obj(), new_obj());
            // SAFETY: fresh objects; `a` stays owned by `roots`.
            unsafe {
                link(a, 0, b);
                link(b, 0, a);
                release(b);
            }
            roots.push(a);
        }
        gc.collect::<Lean>(Generation::OLD); // move them to the old generation
        let t = Instant::now();
        let r = gc.collect::<Lean>(Generation::OLD);
        let dt = t.elapsed();
        assert_eq!(r.collected, 0);
        println!(
            "live scan: {N} objects in {:?} = {:.1} ns/object",
            dt,
            dt.as_nanos() as f64 / N as f64
        );
        for a in roots {
            // SAFETY: each root reference is released once.
            unsafe { release(a) };
        }
        gc.collect::<Lean>(Generation::OLD);
        assert!(gc.is_empty());
    });
}
