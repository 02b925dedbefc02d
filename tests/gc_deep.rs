//! Deep structures never overflow the stack: a 1,000,000-node chain freed by
//! refcounting, collected as one big cycle, and traversed by the introspection API.

mod gc_common;

use gc_common::*;
use pyrt::builtins::list_new;
use pyrt::weakref::weakref_new;
use pyrt::{Bound, PyAny, Python, gc};

/// A million nodes (scaled down by `PYRT_TEST_SCALE` under valgrind).
fn n() -> usize {
    scaled(1_000_000)
}

/// `[[[...]]]`: N nested lists; returns the outermost and the innermost.
fn list_chain(py: Python<'_>) -> (Bound<'_, PyAny>, Bound<'_, PyAny>) {
    let innermost = list_new(py, &[]).unwrap().into_any();
    let mut head = innermost.clone();
    for _ in 1..n() {
        head = list_new(py, &[head]).unwrap().into_any();
    }
    (head, innermost)
}

#[test]
fn a_million_nested_lists_are_freed_by_refcount() {
    checked(|py| {
        let before = py.live_objects();
        let (head, innermost) = list_chain(py);
        drop(innermost);
        assert_eq!(py.live_objects(), before + n() as isize);
        drop(head);
        assert_eq!(py.live_objects(), before);
    });
}

#[test]
fn a_million_nested_lists_closed_into_a_cycle_are_collected() {
    checked(|py| {
        let before = py.live_objects();
        let (head, innermost) = list_chain(py);
        innermost
            .downcast::<pyrt::builtins::ListObject>()
            .unwrap()
            .append(&head);
        drop((head, innermost));
        assert_eq!(py.live_objects(), before + n() as isize);
        assert_eq!(gc::collect(py, 2), n());
        assert_eq!(py.live_objects(), before);
    });
}

#[test]
fn a_million_instance_chain_is_freed_by_refcount_and_its_ring_by_the_collector() {
    checked(|py| {
        let cls = class(py, "Node");
        let first = new(py, &cls);
        let last_ref = weakref_new(py, &first, None).unwrap();
        let mut head = first;
        for _ in 1..n() {
            let n = new(py, &cls);
            set(py, &n, "next", &head);
            head = n;
        }
        let head_ref = weakref_new(py, &head, None).unwrap();
        drop(head);
        assert!(!head_ref.is_alive() && !last_ref.is_alive());

        let first = new(py, &cls);
        let mut head = first.clone();
        for _ in 1..n() {
            let n = new(py, &cls);
            set(py, &n, "next", &head);
            head = n;
        }
        set(py, &first, "next", &head);
        let w = weakref_new(py, &first, None).unwrap();
        drop((first, head));
        assert_eq!(
            gc::collect(py, 2),
            n(),
            "the instances (attributes in values blocks)"
        );
        assert!(!w.is_alive());
    });
}

#[test]
fn introspection_over_a_deep_chain_does_not_recurse() {
    checked(|py| {
        let (head, innermost) = list_chain(py);
        let referrers = gc::get_referrers(py, std::slice::from_ref(&innermost));
        assert_eq!(referrers.len(), 1);
        assert_eq!(gc::get_referents(py, std::slice::from_ref(&head)).len(), 1);
        drop(referrers);
        #[cfg(debug_assertions)]
        assert_eq!(gc::verify(py), Ok(()));
        drop((head, innermost));
    });
}
