//! A toy object model for the collector's tests.
//!
//! Objects are `Box<ToyObj>` with the `GcHead` first (`repr(C)`), a refcount, strong
//! edges, an optional finalizer behaviour, an optional legacy `tp_del`, and optional
//! weak references (weakref objects are toy objects too, so they can be garbage).
//! Deallocation is non-recursive: a refcount reaching zero untracks the object and
//! queues it; the outermost release drains the queue. Everything is per thread, so
//! tests running in parallel do not interfere; `finish()` tears a test down and
//! checks that no toy object is left.
#![allow(dead_code)]

mod model;

pub use model::*;

use pyrt_gc::{CollectResult, GcHead, GcState, Generation};
use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

/// A pointer to a live toy object.
pub type Obj = NonNull<ToyObj>;

/// What an object's finalizer does (besides counting its calls).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fin {
    /// No finalizer.
    None,
    /// Only counts.
    Record,
    /// Stores itself into the global root list.
    Resurrect,
    /// Drops all its edges.
    BreakEdges,
    /// Asks for a nested collection and records whether it ran.
    Collect,
    /// Panics (once: the object is finalized first).
    Panic,
}

/// A toy object.
#[repr(C)]
pub struct ToyObj {
    head: GcHead,
    rc: Cell<isize>,
    /// Stable identity, indexes the world's per-object counters.
    pub id: usize,
    edges: RefCell<Vec<Obj>>,
    fin: Cell<Fin>,
    legacy_del: Cell<bool>,
    /// Weakref objects pointing at this object (not strong references).
    weakrefs: RefCell<Vec<Obj>>,
    /// If this is a weakref object: its referent (not a strong reference).
    weak_target: Cell<Option<Obj>>,
    has_callback: Cell<bool>,
    /// May be untracked by the collector while it has no edges.
    atomic: Cell<bool>,
    cleared: Cell<bool>,
}

/// Per-thread world: the collector state and everything tests observe.
pub struct World {
    pub gc: GcState,
    live: Cell<usize>,
    objs: RefCell<Vec<Option<Obj>>>,
    drops: RefCell<Vec<u32>>,
    finalized: RefCell<Vec<u32>>,
    callbacks: RefCell<Vec<usize>>,
    roots: RefCell<Vec<Obj>>,
    dying: RefCell<Vec<Obj>>,
    freeing: Cell<bool>,
    /// Set when a weakref callback saw an object that had been `clear`ed.
    saw_cleared: Cell<bool>,
    nested: RefCell<Vec<CollectResult>>,
}

thread_local! {
    static W: World = World {
        gc: GcState::new(),
        live: Cell::new(0),
        objs: RefCell::new(Vec::new()),
        drops: RefCell::new(Vec::new()),
        finalized: RefCell::new(Vec::new()),
        callbacks: RefCell::new(Vec::new()),
        roots: RefCell::new(Vec::new()),
        dying: RefCell::new(Vec::new()),
        freeing: Cell::new(false),
        saw_cleared: Cell::new(false),
        nested: RefCell::new(Vec::new()),
    };
}

/// Runs `f` with this thread's world.
pub fn with<R>(f: impl FnOnce(&World) -> R) -> R {
    W.with(f)
}

/// This thread's collector state, for a closure.
pub fn gc<R>(f: impl FnOnce(&GcState) -> R) -> R {
    W.with(|w| f(&w.gc))
}

fn obj<'a>(o: Obj) -> &'a ToyObj {
    // SAFETY: tests only pass live objects.
    unsafe { o.as_ref() }
}

/// The head of an object.
pub fn head(o: Obj) -> NonNull<GcHead> {
    o.cast()
}

/// The object behind a head.
pub fn from_head(h: NonNull<GcHead>) -> Obj {
    h.cast()
}

/// A new tracked object with one reference owned by the caller.
pub fn new_obj() -> Obj {
    with(|w| {
        let id = w.objs.borrow().len();
        let o = NonNull::from(Box::leak(Box::new(ToyObj {
            head: GcHead::new(),
            rc: Cell::new(1),
            id,
            edges: RefCell::new(Vec::new()),
            fin: Cell::new(Fin::None),
            legacy_del: Cell::new(false),
            weakrefs: RefCell::new(Vec::new()),
            weak_target: Cell::new(None),
            has_callback: Cell::new(false),
            atomic: Cell::new(false),
            cleared: Cell::new(false),
        })));
        w.objs.borrow_mut().push(Some(o));
        w.drops.borrow_mut().push(0);
        w.finalized.borrow_mut().push(0);
        w.live.set(w.live.get() + 1);
        // SAFETY: a fresh boxed head in front of a toy object.
        unsafe { w.gc.track(head(o)) };
        w.gc.note_alloc();
        o
    })
}

/// A new object with finalizer behaviour `fin`.
pub fn new_fin(fin: Fin) -> Obj {
    let o = new_obj();
    obj(o).fin.set(fin);
    o
}

/// A new object with a legacy `tp_del`.
pub fn new_legacy() -> Obj {
    let o = new_obj();
    obj(o).legacy_del.set(true);
    o
}

/// A new "atomic" object: the collector may untrack it while it has no edges; a
/// later `link` from it re-tracks it.
pub fn new_atomic() -> Obj {
    let o = new_obj();
    obj(o).atomic.set(true);
    o
}

/// A new weakref object to `target`, with or without a callback.
pub fn new_weakref(target: Obj, callback: bool) -> Obj {
    let wr = new_obj();
    obj(wr).weak_target.set(Some(target));
    obj(wr).has_callback.set(callback);
    obj(target).weakrefs.borrow_mut().push(wr);
    wr
}

/// The weakref's referent, if not cleared.
pub fn weak_get(wr: Obj) -> Option<Obj> {
    obj(wr).weak_target.get()
}

/// Adds a strong edge `from → to`.
pub fn link(from: Obj, to: Obj) {
    incref(to);
    obj(from).edges.borrow_mut().push(to);
    let h = head(from);
    // SAFETY: `from` is live; re-tracking an untracked atomic object.
    if !unsafe { h.as_ref() }.is_tracked() {
        // SAFETY: `from` is live and untracked here: re-tracking a toy head.
        gc(|g| unsafe { g.track(h) });
    }
}

/// Removes every edge of `o`, releasing them.
pub fn unlink_all(o: Obj) {
    let edges = std::mem::take(&mut *obj(o).edges.borrow_mut());
    for e in edges {
        release(e);
    }
}

/// The ids `o` points to.
pub fn edge_ids(o: Obj) -> Vec<usize> {
    obj(o).edges.borrow().iter().map(|e| obj(*e).id).collect()
}

pub fn incref(o: Obj) {
    obj(o).rc.set(obj(o).rc.get() + 1);
}

pub fn refcount(o: Obj) -> isize {
    obj(o).rc.get()
}

pub fn id(o: Obj) -> usize {
    obj(o).id
}

pub fn fin_of(o: Obj) -> Fin {
    obj(o).fin.get()
}

pub fn is_legacy(o: Obj) -> bool {
    obj(o).legacy_del.get()
}

pub fn weak_info(o: Obj) -> (Option<Obj>, bool) {
    (obj(o).weak_target.get(), obj(o).has_callback.get())
}

pub fn is_finalized(o: Obj) -> bool {
    // SAFETY: live object.
    unsafe { head(o).as_ref() }.is_finalized()
}

/// Drops one reference; frees iteratively.
pub fn release(o: Obj) {
    decref_no_free(o);
    with(|w| {
        if w.freeing.replace(true) {
            return;
        }
        loop {
            let next = w.dying.borrow_mut().pop();
            match next {
                Some(d) => free(w, d),
                None => break,
            }
        }
        w.freeing.set(false);
    });
}

fn decref_no_free(o: Obj) {
    let rc = &obj(o).rc;
    assert!(rc.get() > 0, "toy object {} over-released", obj(o).id);
    rc.set(rc.get() - 1);
    if rc.get() == 0 {
        // Untrack at once: a tracked object never has a zero count.
        // SAFETY: live, tracked by this world's state or untracked.
        with(|w| unsafe { w.gc.untrack(head(o)) });
        with(|w| w.dying.borrow_mut().push(o));
    }
}

fn free(w: &World, o: Obj) {
    let t = obj(o);
    if t.fin.get() != Fin::None && !is_finalized(o) {
        // PEP 442 from dealloc: temporarily alive and tracked while the finalizer runs.
        t.head.set_finalized();
        t.rc.set(1);
        // SAFETY: untracked live head.
        unsafe { w.gc.track(head(o)) };
        run_finalizer(o);
        t.rc.set(t.rc.get() - 1);
        if t.rc.get() > 0 {
            return; // resurrected
        }
        // SAFETY: live head, tracked by this state.
        unsafe { w.gc.untrack(head(o)) };
    }
    w.gc.note_free();
    let weakrefs = std::mem::take(&mut *t.weakrefs.borrow_mut());
    for wr in weakrefs {
        obj(wr).weak_target.set(None);
        if obj(wr).has_callback.get() && obj(wr).rc.get() > 0 {
            incref(wr);
            run_callback(w, wr);
            decref_no_free(wr);
        }
    }
    if let Some(target) = t.weak_target.take() {
        obj(target).weakrefs.borrow_mut().retain(|x| *x != o);
    }
    let edges = std::mem::take(&mut *t.edges.borrow_mut());
    for e in edges {
        decref_no_free(e);
    }
    w.drops.borrow_mut()[t.id] += 1;
    w.objs.borrow_mut()[t.id] = None;
    w.live.set(w.live.get() - 1);
    // SAFETY: allocated by `new_obj`, count zero, untracked, freed once.
    drop(unsafe { Box::from_raw(o.as_ptr()) });
}

fn run_finalizer(o: Obj) {
    with(|w| w.finalized.borrow_mut()[obj(o).id] += 1);
    match obj(o).fin.get() {
        Fin::None | Fin::Record => {}
        Fin::Resurrect => {
            incref(o);
            with(|w| w.roots.borrow_mut().push(o));
        }
        Fin::BreakEdges => unlink_all(o),
        Fin::Panic => panic!("finalizer of toy {} panics", obj(o).id),
        Fin::Collect => {
            let r = gc(|g| g.collect::<Toy>(Generation::OLD));
            with(|w| w.nested.borrow_mut().push(r));
        }
    }
}

/// Records the callback, and whether anything the callback can reach (the weakref
/// object and all it references) was `clear`ed by the collector.
fn run_callback(w: &World, wr: Obj) {
    w.callbacks.borrow_mut().push(obj(wr).id);
    let mut seen = vec![wr];
    let mut at = 0;
    while at < seen.len() {
        let o = seen[at];
        at += 1;
        if obj(o).cleared.get() {
            w.saw_cleared.set(true);
        }
        for e in obj(o).edges.borrow().iter() {
            if !seen.contains(e) {
                seen.push(*e);
            }
        }
    }
}

/// Collects `generation`.
pub fn collect(generation: usize) -> CollectResult {
    gc(|g| g.collect::<Toy>(Generation::new(generation).expect("valid generation")))
}

pub fn live() -> usize {
    with(|w| w.live.get())
}

pub fn is_live(id: usize) -> bool {
    with(|w| w.objs.borrow().get(id).is_some_and(Option::is_some))
}

pub fn drops(id: usize) -> u32 {
    with(|w| w.drops.borrow()[id])
}

pub fn finalize_count(id: usize) -> u32 {
    with(|w| w.finalized.borrow()[id])
}

/// Ids of weakrefs whose callbacks ran, in order.
pub fn callbacks() -> Vec<usize> {
    with(|w| w.callbacks.borrow().clone())
}

pub fn saw_cleared() -> bool {
    with(|w| w.saw_cleared.get())
}

pub fn nested_results() -> Vec<CollectResult> {
    with(|w| w.nested.borrow().clone())
}

/// Number of objects in the global root list.
pub fn roots_len() -> usize {
    with(|w| w.roots.borrow().len())
}

/// Empties the global root list, handing its references to the caller.
pub fn take_roots() -> Vec<Obj> {
    with(|w| std::mem::take(&mut *w.roots.borrow_mut()))
}

/// Ids in the global root list.
pub fn root_ids() -> Vec<usize> {
    with(|w| w.roots.borrow().iter().map(|o| obj(*o).id).collect())
}

/// All live objects.
pub fn live_objects() -> Vec<Obj> {
    with(|w| w.objs.borrow().iter().flatten().copied().collect())
}

/// The live object with this id.
pub fn by_id(id: usize) -> Obj {
    with(|w| w.objs.borrow()[id].expect("live object"))
}

/// Ids in `garbage`.
pub fn garbage_ids() -> Vec<usize> {
    gc(|g| {
        g.garbage()
            .into_iter()
            .map(|h| obj(from_head(h)).id)
            .collect()
    })
}

/// `n` scaled by the `PYRT_TEST_SCALE` environment variable (a factor in `(0, 1]`,
/// default 1; at least 1 is returned). The sanitizer script sets it so the
/// million-node tests finish under valgrind; the scaled run is announced on stderr,
/// never silent.
pub fn scaled(n: usize) -> usize {
    let factor = std::env::var("PYRT_TEST_SCALE")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|f| *f > 0.0 && *f < 1.0);
    match factor {
        Some(f) => {
            let m = ((n as f64 * f) as usize).max(1);
            eprintln!("PYRT_TEST_SCALE={f}: {m} instead of {n}");
            m
        }
        None => n,
    }
}
