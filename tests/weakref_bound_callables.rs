//! Weak references to the two bound-callable types, `builtin_function_or_method` and
//! `method`: both are weakly referenceable in CPython 3.11 (`weakref.ref(len)`,
//! `weakref.ref([].append)`, `weakref.ref(obj.meth)`; recorded by the corpus script
//! `tests/py/weakref_bound_callables.py` with `tests/py/record.sh`, whose expected
//! output also pins the `__weakrefoffset__` values and the absent `__weakref__`
//! attribute). Here: the same behaviour through the embedder API, on every way these
//! objects die — refcount (the deallocation driver's lean path hands an object with weak
//! references to the generic steps), the collector, and the driver's queue past its
//! nesting limit — and the free-list contract: a block that goes back to the list and is
//! reused starts with an empty weak reference list.

mod descr_support;
mod gc_common;

use descr_support::SELF_OF;
use gc_common::*;
use pyrt::object::{FREE_LIST_CAPACITY, FreeList};
use pyrt::weakref::{weakref_count, weakref_new};
use pyrt::{Bound, PyAny, Python, descr};

/// A bound native function (`builtin_function_or_method`) over `self_`.
fn bound_fn<'py>(py: Python<'py>, self_: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
    descr::native_function(py, &SELF_OF, Some(self_))
        .unwrap()
        .into_any()
}

/// A bound method (`method`) of `func` over `self_`.
fn method<'py>(
    py: Python<'py>,
    func: &Bound<'py, PyAny>,
    self_: &Bound<'py, PyAny>,
) -> Bound<'py, PyAny> {
    descr::bound_method(py, func, self_).unwrap().into_any()
}

/// Checks a refcount death with two weak references (a plain one and one with a
/// callback): both cleared, the callback run once with its cleared reference, the
/// block kept on `list` as for a death without weak references.
fn dies_by_refcount<'py>(py: Python<'py>, obj: Bound<'py, PyAny>, list: &FreeList) {
    let rec = recorder_type(py);
    let plain = weakref_new(py, &obj, None).unwrap();
    let with_cb = weakref_new(py, &obj, Some(&recorder(py, &rec, "cb"))).unwrap();
    watch(&plain);
    assert!(plain.upgrade(py).unwrap().is(&obj));
    assert!(with_cb.upgrade(py).unwrap().is(&obj));
    assert_eq!(weakref_count(&obj), 2);
    let before = list.len();
    drop(obj);
    assert_eq!(
        take_log(),
        ["cb arg_dead=true callback_none=true watched=dead"]
    );
    assert!(!plain.is_alive() && !with_cb.is_alive());
    assert!(plain.upgrade(py).is_none());
    assert_eq!(
        list.len(),
        (before + 1).min(FREE_LIST_CAPACITY),
        "block kept"
    );
}

#[test]
fn a_bound_native_function_with_weak_references_dies_by_refcount() {
    checked(|py| {
        let x = s(py, "x");
        dies_by_refcount(py, bound_fn(py, &x), &py.state().free_lists.native_function);
    });
}

#[test]
fn a_bound_method_with_weak_references_dies_by_refcount() {
    checked(|py| {
        let x = s(py, "x");
        let f = bound_fn(py, &x);
        let m = method(py, &f, &x);
        dies_by_refcount(py, m, &py.state().free_lists.bound_method);
    });
}

/// Makes an object with `make`, kills it while a weak reference points at it, makes
/// another: the second reuses the first's block (the list is last in, first out) and
/// starts with no weak reference; the old reference stays dead.
fn reused_block_has_no_weak_references<'py>(
    py: Python<'py>,
    make: impl Fn() -> Bound<'py, PyAny>,
    list: &FreeList,
) {
    // Room on the list for the dead block, whatever earlier tests left there.
    let room: Vec<_> = (0..2).map(|_| make()).collect();
    assert!(list.len() < FREE_LIST_CAPACITY);
    let first = make();
    let block = first.as_ptr();
    let old = weakref_new(py, &first, None).unwrap();
    let rec = recorder_type(py);
    let old_cb = weakref_new(py, &first, Some(&recorder(py, &rec, "old"))).unwrap();
    drop(first);
    assert_eq!(
        take_log(),
        ["old arg_dead=true callback_none=true watched="]
    );
    let second = make();
    assert_eq!(second.as_ptr(), block, "the dead block is reused");
    assert_eq!(weakref_count(&second), 0);
    assert!(!old.is_alive() && !old_cb.is_alive());
    let new = weakref_new(py, &second, None).unwrap();
    assert!(!new.is(&old));
    assert!(new.upgrade(py).unwrap().is(&second));
    assert_eq!(weakref_count(&second), 1);
    drop(second);
    assert!(
        !new.is_alive() && take_log().is_empty(),
        "old callback not rerun"
    );
    drop(room);
}

#[test]
fn a_reused_native_function_block_starts_with_an_empty_weak_list() {
    checked(|py| {
        let x = s(py, "x");
        reused_block_has_no_weak_references(
            py,
            || bound_fn(py, &x),
            &py.state().free_lists.native_function,
        );
    });
}

#[test]
fn a_reused_method_block_starts_with_an_empty_weak_list() {
    checked(|py| {
        let x = s(py, "x");
        let f = bound_fn(py, &x);
        reused_block_has_no_weak_references(
            py,
            || method(py, &f, &x),
            &py.state().free_lists.bound_method,
        );
    });
}

#[test]
fn a_reused_block_from_the_zero_filling_alloc_has_an_empty_weak_list() {
    checked(|py| {
        let x = s(py, "x");
        let f = bound_fn(py, &x);
        let r = weakref_new(py, &f, None).unwrap();
        drop(f);
        let g = pyrt::builtins::native_function_alloc(py).unwrap();
        assert!(g.weakreflist.is_empty() && weakref_count(g.as_any_ref()) == 0);
        assert!(!r.is_alive());
    });
}

#[test]
fn bound_callables_in_a_collected_cycle_clear_their_weak_references() {
    checked(|py| {
        // x.keep_fn = <bound native function of x>; x.keep_m = <method of it over x>:
        // cycles through the instance's dict.
        let rec = recorder_type(py);
        let x = new(py, &class(py, "A"));
        let f = bound_fn(py, &x);
        let m = method(py, &f, &x);
        set(py, &x, "keep_fn", &f);
        set(py, &x, "keep_m", &m);
        let rf = weakref_new(py, &f, Some(&recorder(py, &rec, "fn"))).unwrap();
        let rm = weakref_new(py, &m, Some(&recorder(py, &rec, "m"))).unwrap();
        drop((x, f, m));
        assert!(rf.is_alive() && rm.is_alive(), "the cycle keeps them alive");
        assert!(take_log().is_empty());
        pyrt::gc::collect(py, 2);
        assert!(!rf.is_alive() && !rm.is_alive());
        let mut seen = take_log();
        seen.sort();
        assert_eq!(
            seen,
            [
                "fn arg_dead=true callback_none=true watched=",
                "m arg_dead=true callback_none=true watched=",
            ]
        );
    });
}

#[test]
fn a_deep_chain_with_weak_references_dies_through_the_queue() {
    // Each link is bound to the previous one, so dropping the top frees the chain from
    // inside the deallocations, far past the driver's nesting limit (64): the queued
    // links die through the generic steps, the others through the lean path's hand-off.
    checked(|py| {
        const LINKS: usize = 500;
        let rec = recorder_type(py);
        let mut refs = Vec::new();
        let mut top = s(py, "bottom");
        for k in 0..LINKS {
            top = if k % 2 == 0 {
                bound_fn(py, &top)
            } else {
                let f = bound_fn(py, &top);
                method(py, &f, &top)
            };
            let label = format!("l{k}");
            refs.push(weakref_new(py, &top, Some(&recorder(py, &rec, &label))).unwrap());
        }
        drop(top);
        assert!(refs.iter().all(|r| !r.is_alive()));
        let seen = take_log();
        assert_eq!(seen.len(), LINKS, "one callback per link");
        assert!(
            seen.iter()
                .all(|e| e.ends_with("arg_dead=true callback_none=true watched="))
        );
    });
}
