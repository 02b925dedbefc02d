//! The small-int cache (`pyrt::builtins::int_new` / `int_alloc` for `-5..=256`): which
//! values share one object (expectations recorded from CPython by
//! `tests/fixtures/record_small_int_identity.py` into
//! `tests/fixtures/small_int_identity.txt`), and pyrt's bookkeeping contracts: cached
//! ints are not live objects, references to them are counted and given back, and a
//! cached int survives its count reaching zero by an embedder's refcounting bug.

use pyrt::builtins::{IntObject, int_alloc, int_new, str_new};
use pyrt::{Bound, Python, call, gc};

const FIXTURE: &str = include_str!("fixtures/small_int_identity.txt");

/// Runs `f` and checks that it leaves no object of its own alive.
fn no_leak(f: impl for<'py> FnOnce(Python<'py>)) {
    pyrt::Runtime::with(|py| {
        gc::collect(py, 2);
        let before = py.live_objects();
        f(py);
        gc::collect(py, 2);
        assert_eq!(py.live_objects(), before, "objects leaked");
    });
}

/// `int(text)` through the generic call protocol.
fn int_of_text<'py>(py: Python<'py>, text: &str) -> Bound<'py, IntObject> {
    let int = Bound::from_ref(py, py.builtins().int()).into_any();
    let s = str_new(py, text).unwrap().into_any();
    call::call_args(py, &int, &[s], None)
        .unwrap()
        .downcast::<IntObject>()
        .unwrap()
        .clone()
}

#[test]
fn identity_matches_cpython() {
    no_leak(|py| {
        let mut cases = 0;
        for line in FIXTURE.lines() {
            let (value, same) = line.split_once('\t').expect("value<TAB>bool");
            let v: i64 = value.parse().unwrap();
            let same = same == "True";
            let (a, b) = (int_of_text(py, value), int_of_text(py, value));
            assert_eq!(a.is(&b), same, "int({value}) is int({value})");
            assert_eq!(a.value(), v);
            let (c, d) = (int_new(py, v).unwrap(), int_new(py, v).unwrap());
            assert_eq!(c.is(&d), same, "int_new({v}) twice");
            assert_eq!(c.is(&a), same, "int_new({v}) is int({value})");
            cases += 1;
        }
        assert_eq!(cases, 16);
    });
}

#[test]
fn cached_ints_are_not_live_and_references_are_counted() {
    pyrt::Runtime::with(|py| {
        let before = py.live_objects();
        let a = int_new(py, 7).unwrap();
        assert_eq!(
            py.live_objects(),
            before,
            "a cached int is not a new live object"
        );
        let rc = a.refcnt();
        let b = int_new(py, 7).unwrap();
        assert_eq!(b.refcnt(), rc + 1);
        drop(b);
        assert_eq!(a.refcnt(), rc);
        drop(a);
        let big = int_new(py, 1000).unwrap();
        assert_eq!(py.live_objects(), before + 1, "a big int is allocated");
        assert_eq!(big.refcnt(), 1);
        drop(big);
        assert_eq!(py.live_objects(), before);
    });
}

#[test]
fn subclass_instances_are_never_cached() {
    no_leak(|py| {
        let b = py.builtins();
        let cls = pyrt::new_class(py, "MyInt", &[Bound::from_ref(py, b.int())], None).unwrap();
        let x = int_alloc(py, &cls, 5).unwrap();
        let y = int_alloc(py, &cls, 5).unwrap();
        assert!(!x.is(&y));
        assert!(std::ptr::eq(x.ob_type(), &*cls));
        assert_eq!(x.value(), 5);
        drop((x, y));
        drop(cls);
    });
}

#[test]
fn count_reaching_zero_does_not_free_a_cached_int() {
    pyrt::Runtime::with(|py| {
        let before = py.live_objects();
        let a = int_new(py, 3).unwrap();
        let rc = a.refcnt();
        let dealloc = py.builtins().int().tp_dealloc.get().unwrap();
        // Simulate an embedder's refcounting bug: the count reaches zero and the type's
        // deallocator runs. The cached int must keep its storage and value.
        // SAFETY: `a` is an int; `int_dealloc` on a cached int only restores its count.
        unsafe {
            a.as_any_ref().ob_base.ob_refcnt.set(0);
            dealloc(py, std::ptr::NonNull::from(a.as_any_ref()));
        }
        assert_eq!(a.refcnt(), 1);
        assert_eq!(a.value(), 3);
        // Give the count back what the simulated bug took.
        // SAFETY: the object is valid (static storage); restoring the references held.
        unsafe { a.as_any_ref().ob_base.ob_refcnt.set(rc) };
        drop(a);
        assert_eq!(py.live_objects(), before);
        assert_eq!(int_new(py, 3).unwrap().value(), 3);
    });
}
