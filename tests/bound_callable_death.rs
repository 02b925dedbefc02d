//! The deallocation driver's lean path for the two free-list types
//! (`builtin_function_or_method`, `method`; `pyrt_core::builtins::free_list_death`):
//! long chains of bound callables (each bound to the previous one) die without growing
//! the native stack — past the driver's nesting limit the rest go through its queue and
//! the types' generic `tp_dealloc` — and leave the bookkeeping truthful (live objects,
//! tracked objects, free-list lengths). No CPython expectations here: these are pyrt's
//! memory-management contracts.

mod descr_support;

use descr_support::*;
use pyrt::object::FREE_LIST_CAPACITY;
use pyrt::{descr, gc};

const DEEP: usize = 200_000;

#[test]
fn a_long_chain_of_bound_native_functions_dies_without_recursion() {
    no_leak(|py| {
        let mut top = descr::native_function(py, &SELF_OF, None)
            .unwrap()
            .into_any();
        for _ in 0..DEEP {
            top = descr::native_function(py, &SELF_OF, Some(&top))
                .unwrap()
                .into_any();
        }
        let inner = callf(py, &top, &[]).unwrap();
        assert_eq!(inner.refcnt(), 2, "__self__ is the previous link");
        drop(inner);
        drop(top);
        assert_eq!(
            py.state().free_lists.native_function.len(),
            FREE_LIST_CAPACITY,
            "the dead blocks refill the list"
        );
    });
}

#[test]
fn a_long_chain_alternating_methods_and_native_functions_dies() {
    no_leak(|py| {
        let method = ty(py, py.builtins().method());
        let mut top = list(py, &[]);
        for k in 0..DEEP {
            top = if k % 2 == 0 {
                callf(py, &method, &[len_fn(py), top]).unwrap()
            } else {
                descr::native_function(py, &SELF_OF, Some(&top))
                    .unwrap()
                    .into_any()
            };
        }
        let bfm = py.builtins().builtin_function_or_method();
        let tracked = gc::get_objects(py, None)
            .unwrap()
            .iter()
            .filter(|o| std::ptr::eq(o.ob_type(), bfm))
            .count();
        assert!(tracked >= DEEP / 2, "every live link is tracked");
        drop(top);
    });
}

#[test]
fn a_bound_callable_reachable_only_from_a_collected_cycle_dies_once() {
    no_leak(|py| {
        // l = []; l.append(l.append): the cycle l → bound append → l.
        let l = list(py, &[]);
        let append = get(py, &l, "append").unwrap();
        callf(py, &append, std::slice::from_ref(&append)).unwrap();
        drop((append, l));
        assert_eq!(gc::collect(py, 2), 2, "the list and the bound function");
    });
}
