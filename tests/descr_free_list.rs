//! The free lists of `builtin_function_or_method` and `method` objects
//! (`pyrt_core::object::FreeList`) and the tuple-less call path of native functions:
//! a reused block must not carry anything over from its previous life (the dead
//! object's references are released at its death, not at reuse; a reused object is a
//! fresh, tracked instance), and the bookkeeping (live objects, `gc.get_objects`,
//! `gc.is_tracked`) must stay truthful while blocks wait on a list. No CPython
//! expectations here: these are pyrt's memory-management contracts; the call-path
//! messages are compared with the tuple path's own.

mod descr_support;

use descr_support::*;
use pyrt::builtins::NativeFunctionObject;
use pyrt::object::FREE_LIST_CAPACITY;
use pyrt::types::{MethodDef, MethodFlags, MethodFn};
use pyrt::{Bound, PyAny, PyResult, Python, call, descr, gc};

/// How many tracked objects have type `tp`.
fn tracked_of(py: Python<'_>, tp: &pyrt::TypeObject) -> usize {
    gc::get_objects(py, None)
        .unwrap()
        .iter()
        .filter(|o| std::ptr::eq(o.ob_type(), tp))
        .count()
}

fn method_type(py: Python<'_>) -> Bound<'_, PyAny> {
    ty(py, py.builtins().method())
}

fn ident<'py>(
    _py: Python<'py>,
    _self: &Bound<'py, PyAny>,
    a: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(a.clone())
}
fn count<'py>(
    py: Python<'py>,
    _self: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    Ok(i(py, args.len() as i64))
}
static IDENT: MethodDef = MethodDef {
    name: "ident",
    meth: MethodFn::O(ident),
    flags: MethodFlags(0),
    doc: None,
};
static COUNT: MethodDef = MethodDef {
    name: "count",
    meth: MethodFn::Fast(count),
    flags: MethodFlags(0),
    doc: None,
};

#[test]
fn a_dead_bound_native_function_releases_its_self_at_once() {
    no_leak(|py| {
        let l = list(py, &[]);
        for _ in 0..3 * FREE_LIST_CAPACITY {
            let f = get(py, &l, "append").unwrap();
            assert_eq!(l.refcnt(), 2);
            drop(f);
            assert_eq!(l.refcnt(), 1, "__self__ released when the function dies");
        }
    });
}

#[test]
fn a_reused_native_function_is_a_fresh_object() {
    no_leak(|py| {
        let l = list(py, &[]);
        let bound = get(py, &l, "append").unwrap();
        let addr = bound.as_ptr();
        drop(bound);
        // The next native function takes the block just freed (the list is a stack).
        let f = descr::native_function(py, &IDENT, None).unwrap().into_any();
        assert_eq!(f.as_ptr(), addr, "the dead block is reused");
        assert_eq!(f.refcnt(), 1);
        assert_eq!(l.refcnt(), 1);
        assert!(gc::is_tracked(f.as_any_ref()));
        let nf = f.downcast::<NativeFunctionObject>().unwrap();
        assert!(nf.self_.is_none() && nf.module.is_none());
        assert!(std::ptr::eq(nf.def.get().unwrap(), &IDENT));
        assert_eq!(repr(py, &get(py, &f, "__self__").unwrap()), "None");
        assert_eq!(repr(py, &get(py, &f, "__module__").unwrap()), "None");
        assert_eq!(repr(py, &f), "<built-in function ident>");
        let x = i(py, 5);
        assert!(call::call1(py, &f, &x).unwrap().is(&x));
    });
}

#[test]
fn blocks_on_the_list_are_neither_live_nor_tracked() {
    pyrt::Runtime::with(|py| {
        gc::collect(py, 2);
        let bfm = py.builtins().builtin_function_or_method();
        let (live, tracked) = (py.live_objects(), tracked_of(py, bfm));
        let l = list(py, &[]);
        let fs: Vec<_> = (0..2 * FREE_LIST_CAPACITY)
            .map(|_| get(py, &l, "append").unwrap())
            .collect();
        assert_eq!(tracked_of(py, bfm), tracked + 2 * FREE_LIST_CAPACITY);
        assert_eq!(
            py.live_objects(),
            live + 1 + 2 * FREE_LIST_CAPACITY as isize
        );
        drop(fs);
        let kept = &py.state().free_lists.native_function;
        assert_eq!(kept.len(), FREE_LIST_CAPACITY, "the list is bounded");
        assert_eq!(tracked_of(py, bfm), tracked, "kept blocks are untracked");
        assert_eq!(py.live_objects(), live + 1, "kept blocks are not live");
        // A collection with blocks waiting on the list finds nothing odd.
        assert_eq!(gc::collect(py, 2), 0);
        // Reuse: tracked and live again, exactly once each.
        let f = get(py, &l, "append").unwrap();
        assert_eq!(kept.len(), FREE_LIST_CAPACITY - 1);
        assert_eq!(tracked_of(py, bfm), tracked + 1);
        assert!(gc::is_tracked(f.as_any_ref()));
        assert_eq!(py.live_objects(), live + 2);
        drop((f, l));
        assert_eq!(py.live_objects(), live);
    });
}

#[test]
fn a_reused_bound_method_holds_only_its_new_function_and_self() {
    no_leak(|py| {
        let (a, b) = (list(py, &[]), list(py, &[]));
        let (f, g) = (len_fn(py), repr_fn(py));
        let m = callf(py, &method_type(py), &[f.clone(), a.clone()]).unwrap();
        let addr = m.as_ptr();
        assert_eq!((f.refcnt(), a.refcnt()), (2, 2));
        drop(m);
        assert_eq!((f.refcnt(), a.refcnt()), (1, 1), "released at death");
        let m = callf(py, &method_type(py), &[g.clone(), b.clone()]).unwrap();
        assert_eq!(m.as_ptr(), addr, "the dead block is reused");
        assert!(gc::is_tracked(m.as_any_ref()));
        assert!(get(py, &m, "__self__").unwrap().is(&b));
        assert!(get(py, &m, "__func__").unwrap().is(&g));
        assert_eq!((f.refcnt(), a.refcnt()), (1, 1));
        assert_eq!(text(&callf(py, &m, &[]).unwrap()), "[]");
    });
}

#[test]
fn a_cycle_through_a_bound_method_is_collected_and_its_block_kept() {
    no_leak(|py| {
        // A.m = MethodType(len, A): A → dict → method → A; freed by the collector,
        // whose deallocation of the method goes through the same dealloc.
        let a = cls(py, "A", &[], &[]);
        let m = callf(py, &method_type(py), &[len_fn(py), a.clone()]).unwrap();
        set(py, &a, "m", &m).unwrap();
        drop((m, a));
        gc::collect(py, 2);
        let m = callf(py, &method_type(py), &[len_fn(py), list(py, &[])]).unwrap();
        assert_eq!(int_of(&callf(py, &m, &[]).unwrap()), 0);
    });
}

#[test]
fn a_slice_call_of_a_native_function_matches_its_tuple_call() {
    no_leak(|py| {
        let o = list(py, &[]);
        let fs = [
            descr::native_function(py, &IDENT, None).unwrap().into_any(),
            descr::native_function(py, &SELF_OF, Some(&o))
                .unwrap()
                .into_any(),
            descr::native_function(py, &COUNT, None).unwrap().into_any(),
            get(py, &o, "append").unwrap(),
        ];
        let kw = dict(py, &[("k", i(py, 1))]);
        let kw = kw.downcast::<pyrt::builtins::DictObject>().unwrap();
        for f in &fs {
            for n in 0..3 {
                let args: Vec<_> = (0..n).map(|k| i(py, k)).collect();
                for kwargs in [None, Some(kw)] {
                    let slice = call::call_args(py, f, &args, kwargs);
                    let t = tuple(py, &args);
                    let t = t.downcast::<pyrt::builtins::TupleObject>().unwrap();
                    let tuple_call = call::call(py, f, t, kwargs);
                    assert_eq!(show(py, slice), show(py, tuple_call), "{f:?}({n} args)");
                }
            }
        }
        assert_eq!(int_of(&list_len(py, &o)), 2, "append ran once per path");
    });
}

#[test]
fn a_property_over_a_native_getter_reports_arity_errors_as_before() {
    no_leak(|py| {
        // The getter takes no argument besides its (absent) self: calling it with the
        // instance fails with the function's own message.
        let g = descr::native_function(py, &SELF_OF, None)
            .unwrap()
            .into_any();
        let p = callf(py, &ty(py, py.builtins().property()), &[g]).unwrap();
        let a = cls(py, "A", &[], &[("p", p)]);
        let inst = callf(py, &a, &[]).unwrap();
        assert_eq!(
            show(py, get(py, &inst, "p")),
            "TypeError: self_of() takes no arguments (1 given)"
        );
        let g = descr::native_function(py, &IDENT, None).unwrap().into_any();
        let p = callf(py, &ty(py, py.builtins().property()), &[g]).unwrap();
        set(py, &a, "q", &p).unwrap();
        assert!(get(py, &inst, "q").unwrap().is(&inst));
    });
}

fn list_len<'py>(py: Python<'py>, o: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
    callf(py, &len_fn(py), std::slice::from_ref(o)).unwrap()
}
