//! Weak references and finalizers in the collector (PEP 442 and CPython's weakref
//! rules, recorded by `tests/fixtures/record_weakref.py`): weak references into the
//! garbage are cleared and their callbacks run only when the weak reference itself
//! survives; finalizers run once per object lifetime, before anything is cleared, and
//! may resurrect what they reach.

mod gc_common;

use gc_common::*;
use pyrt::weakref::weakref_new;
use pyrt::{Bound, PyAny, Python, gc};

/// An instance of `cls` that refers to itself (a garbage cycle once dropped).
fn self_cycle<'py>(py: Python<'py>, obj: Bound<'py, PyAny>) -> Bound<'py, PyAny> {
    set(py, &obj, "me", &obj);
    obj
}

#[test]
fn a_weakref_from_outside_into_garbage_is_cleared_and_called_back() {
    checked(|py| {
        let cls = class(py, "A");
        let n = self_cycle(py, new(py, &cls));
        let cb = recorder(py, &recorder_type(py), "callback");
        let w = weakref_new(py, &n, Some(&cb)).unwrap();
        drop(n);
        // CPython: (1, [('callback', None)]) — one object (no dict object in 3.11), the
        // callback sees the referent gone.
        assert_eq!(
            cpython("gc.external_weakref_callback"),
            "(1, [('callback', None)])"
        );
        assert_eq!(
            gc::collect(py, 2),
            1,
            "the instance (attributes in its values)"
        );
        assert_eq!(
            take_log(),
            ["callback arg_dead=true callback_none=true watched="]
        );
        assert!(!w.is_alive());
    });
}

#[test]
fn a_weakref_that_is_itself_garbage_does_not_call_back() {
    checked(|py| {
        let cls = class(py, "A");
        let rec = recorder_type(py);
        let n = self_cycle(py, new(py, &cls));
        let cb = recorder(py, &rec, "inner");
        let w = weakref_new(py, &n, Some(&cb)).unwrap();
        set(py, &n, "w", w.as_any());
        drop((w, cb));
        drop(n);
        assert_eq!(cpython("gc.weakref_in_garbage_not_called"), "(3, [])");
        // The instance, the weak reference, the callback and the callback's dict (CPython
        // counts 3: its callback keeps no dict object; pyrt's is an instance of a type
        // from a spec, whose attributes stay in a dict).
        assert_eq!(gc::collect(py, 2), 4);
        assert!(take_log().is_empty());
    });
}

#[test]
fn a_garbage_weakref_to_a_live_object_is_detached_and_never_calls_back() {
    checked(|py| {
        let cls = class(py, "A");
        let live = new(py, &cls);
        let n = self_cycle(py, new(py, &cls));
        let cb = recorder(py, &recorder_type(py), "never");
        let w = weakref_new(py, &live, Some(&cb)).unwrap();
        set(py, &n, "w", w.as_any());
        drop((w, cb, n));
        gc::collect(py, 2);
        assert_eq!(pyrt::weakref::weakref_count(&live), 0);
        drop(live);
        assert!(take_log().is_empty());
    });
}

#[test]
fn callbacks_in_a_collection_run_before_anything_is_cleared() {
    // Two garbage objects referring to each other; a live weak reference to each with
    // a callback that inspects the other weak reference: both are already dead, and the
    // callbacks run while the garbage is still intact (nothing cleared yet).
    checked(|py| {
        let cls = class(py, "A");
        let (a, b) = (new(py, &cls), new(py, &cls));
        set(py, &a, "other", &b);
        set(py, &b, "other", &a);
        let rec = recorder_type(py);
        let wa = weakref_new(py, &a, Some(&recorder(py, &rec, "a"))).unwrap();
        let wb = weakref_new(py, &b, Some(&recorder(py, &rec, "b"))).unwrap();
        watch(&wa);
        watch(&wb);
        drop((a, b));
        assert_eq!(gc::collect(py, 2), 2);
        let mut log = take_log();
        log.sort();
        assert_eq!(
            log,
            [
                "a arg_dead=true callback_none=true watched=dead,dead",
                "b arg_dead=true callback_none=true watched=dead,dead"
            ]
        );
    });
}

#[test]
fn a_finalizer_in_garbage_runs_once_and_nothing_is_cleared_before_it() {
    checked(|py| {
        let fin_t = fin_type(py);
        let f = self_cycle(py, fin(py, &fin_t, "f"));
        let w = weakref_new(py, &f, None).unwrap();
        drop(f);
        gc::collect(py, 2);
        assert_eq!(take_log(), ["del f watched="]);
        assert!(!w.is_alive());
    });
}

#[test]
fn a_finalizer_resurrecting_in_a_collection_saves_what_it_reaches() {
    checked(|py| {
        let fin_t = fin_type(py);
        let cls = class(py, "A");
        let f = self_cycle(py, fin(py, &fin_t, "f"));
        set(py, &f, "resurrect", &pyrt::protocol::bool_obj(py, true));
        let friend = self_cycle(py, new(py, &cls));
        set(py, &f, "friend", &friend);
        let wf = weakref_new(py, &f, None).unwrap();
        let wfriend = weakref_new(py, &friend, None).unwrap();
        let friend_addr = friend.as_ptr();
        drop((f, friend));
        // CPython: (0, ['del'], 1): nothing collected, finalized, saved.
        assert_eq!(cpython("gc.resurrect_first"), "(0, ['del'], 1)");
        assert_eq!(gc::collect(py, 2), 0);
        assert_eq!(take_log(), ["del f watched="]);
        assert_eq!(saved_count(), 1);
        // CPython: weak references into the garbage were cleared before the finalizer
        // ran, so they stay dead although their referents live on.
        assert_eq!(
            cpython("gc.resurrect_weakrefs_cleared"),
            "(0, None, None, 1, True)"
        );
        assert!(!wf.is_alive() && !wfriend.is_alive());
        let back = gc::get_objects(py, None)
            .unwrap()
            .into_iter()
            .find(|o| o.ob_type().is_subtype(&fin_t))
            .expect("the resurrected object is tracked");
        assert!(gc::is_finalized(&back));
        assert_eq!(label(py, &back), "f", "the resurrected object is intact");
        let kept = get(py, &back, "friend").unwrap();
        assert_eq!(kept.as_ptr(), friend_addr, "and so is what it reaches");
        assert!(get(py, &kept, "me").is_some_and(|m| m.is(&kept)));
        let (wback, wkept) = (
            weakref_new(py, &back, None).unwrap(),
            weakref_new(py, &kept, None).unwrap(),
        );
        drop((back, kept));
        release_saved(py);
        // CPython: (1, ['del']): collected the second time, finalizer not run again.
        assert_eq!(cpython("gc.resurrect_second"), "(1, ['del'])");
        assert!(gc::collect(py, 2) > 0);
        assert!(take_log().is_empty(), "finalized only once");
        assert!(!wback.is_alive() && !wkept.is_alive());
    });
}

#[test]
fn a_finalizer_that_ran_at_refcount_zero_does_not_run_again_in_a_collection() {
    checked(|py| {
        let fin_t = fin_type(py);
        let f = fin(py, &fin_t, "f");
        set(py, &f, "resurrect", &pyrt::protocol::bool_obj(py, true));
        let w = weakref_new(py, &f, None).unwrap();
        drop(f);
        assert_eq!(take_log(), ["del f watched="]);
        // Now make it a cycle and let it go: the collector must not finalize it again.
        let back = w.upgrade(py).unwrap();
        set(py, &back, "me", &back);
        drop(back);
        release_saved(py);
        assert!(w.is_alive(), "the cycle keeps it");
        assert!(gc::collect(py, 2) > 0);
        assert!(take_log().is_empty());
        assert!(!w.is_alive());
    });
}

#[test]
fn garbage_reached_only_from_a_finalizer_object_is_finalized_in_order_and_freed() {
    checked(|py| {
        let fin_t = fin_type(py);
        let objs: Vec<_> = (0..10).map(|i| fin(py, &fin_t, &format!("f{i}"))).collect();
        for (i, o) in objs.iter().enumerate() {
            set(py, o, "next", &objs[(i + 1) % objs.len()]);
        }
        let refs: Vec<_> = objs
            .iter()
            .map(|o| weakref_new(py, o, None).unwrap())
            .collect();
        drop(objs);
        gc::collect(py, 2);
        let mut log = take_log();
        log.sort();
        let mut want: Vec<String> = (0..10).map(|i| format!("del f{i} watched=")).collect();
        want.sort();
        assert_eq!(log, want);
        assert!(refs.iter().all(|r| !r.is_alive()));
    });
}

#[test]
fn finalizer_errors_reported_by_the_finalizer_reach_the_unraisable_hook() {
    // A finalizer cannot propagate an error; pyrt's native finalizers report through
    // `write_unraisable`, as CPython's do through PyErr_WriteUnraisable.
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        let ((), reports) = capture_unraisable(py, || {
            let e = pyrt::PyErr::new(py, py.builtins().key_error(), "k");
            pyrt::unraisable::write_unraisable(py, e, Some(&a));
        });
        assert_eq!(reports.len(), 1);
        assert!(
            addr(&reports[0]).starts_with("Exception ignored in: <__main__.A object at ADDR>\n"),
            "{reports:?}"
        );
    });
}
