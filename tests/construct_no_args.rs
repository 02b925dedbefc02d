//! `C()` with no arguments for a class whose `__new__`/`__init__` are `object`'s: the
//! fast path (`type_call` → `builtins::new_plain_instance_no_args` →
//! `object::generic_alloc_no_items`) must give exactly what the general path
//! (`object_new` → `generic_alloc(tp, 0)` → `object_init`) gives — refcount 1, a
//! reference to the class, counted by `live_objects` and `gc.get_count()`, tracked,
//! every field empty even in a recycled block — whether the block comes from a free
//! list (inline) or not (a first allocation, an instance larger than 64 bytes).
//!
//! No CPython expectation is used here: these are pyrt's own accounting invariants.

mod gc_common;

use gc_common::*;
use pyrt::builtins::{dict_new, intern, tuple_new};
use pyrt::{Bound, PyAny, Python, TypeObject, gc};

/// `cls()` through the generic call protocol with an empty argument tuple.
fn call_no_args<'py>(py: Python<'py>, cls: &Bound<'py, TypeObject>) -> Bound<'py, PyAny> {
    let args = tuple_new(py, &[]).unwrap();
    pyrt::call(py, cls.as_any(), &args, None).unwrap()
}

/// A class with `__slots__ = names` (no `__dict__`, no `__weakref__`).
fn slotted<'py>(py: Python<'py>, name: &str, names: &[&str]) -> Bound<'py, TypeObject> {
    let ns = dict_new(py).unwrap();
    let items: Vec<_> = names.iter().map(|n| s(py, n)).collect();
    let slots = tuple_new(py, &items).unwrap().into_any();
    ns.set_item(py, intern(py, "__slots__").unwrap().as_any(), &slots)
        .unwrap();
    pyrt::new_class(py, name, &[], Some(&ns)).unwrap()
}

/// Creates instances one after the other (each dropped before the next, so all but
/// the first reuse a freed block) and checks each one's accounting.
fn check_fresh_instances(py: Python<'_>, cls: &Bound<'_, TypeObject>, attr: &str) {
    for round in 0..4 {
        let (type_refs, live, young) = (cls.refcnt(), py.live_objects(), gc::get_count(py)[0]);
        let o = call_no_args(py, cls);
        assert_eq!(o.refcnt(), 1, "round {round}");
        assert!(std::ptr::eq(o.ob_type(), &**cls));
        assert_eq!(
            cls.refcnt(),
            type_refs + 1,
            "the instance owns a type reference"
        );
        assert_eq!(py.live_objects(), live + 1);
        assert_eq!(
            gc::get_count(py)[0],
            young + 1,
            "counted toward threshold 0"
        );
        assert!(gc::is_tracked(o.as_any_ref()));
        assert!(get(py, &o, attr).is_none(), "a recycled block starts empty");
        set(py, &o, attr, &s(py, "value"));
        assert_eq!(text(&get(py, &o, attr).unwrap()), "value");
        drop(o);
        assert_eq!(cls.refcnt(), type_refs);
        assert_eq!(py.live_objects(), live);
    }
}

#[test]
fn plain_instances_from_a_free_list_are_complete() {
    checked(|py| {
        let cls = class(py, "Plain");
        check_fresh_instances(py, &cls, "x");
        gc::verify(py).unwrap();
    });
}

#[test]
fn instances_past_the_inline_size_take_the_general_allocation() {
    checked(|py| {
        // Eight slots: 16 (head) + 16 (header) + 64 bytes, past the 64-byte fast path.
        let cls = slotted(py, "Wide", &["a", "b", "c", "d", "e", "f", "g", "h"]);
        check_fresh_instances(py, &cls, "h");
        // One slot: 48 bytes, inline.
        let small = slotted(py, "Narrow", &["a"]);
        check_fresh_instances(py, &small, "a");
        gc::verify(py).unwrap();
    });
}

#[test]
fn a_block_recycled_from_another_class_starts_empty() {
    checked(|py| {
        let (a, b) = (class(py, "A"), class(py, "B"));
        let x = call_no_args(py, &a);
        set(py, &x, "x", &s(py, "from A"));
        let w = pyrt::weakref::weakref_new(py, &x, None).unwrap();
        drop(x);
        assert!(w.upgrade(py).is_none());
        let y = call_no_args(py, &b);
        assert!(get(py, &y, "x").is_none());
        let w2 = pyrt::weakref::weakref_new(py, &y, None).unwrap();
        assert!(w2.upgrade(py).is_some_and(|o| o.is(&y)));
        drop((y, w, w2));
    });
}

#[test]
fn empty_keywords_take_the_same_path_as_none() {
    checked(|py| {
        let cls = class(py, "K");
        let (args, kw) = (tuple_new(py, &[]).unwrap(), dict_new(py).unwrap());
        let live = py.live_objects();
        let o = pyrt::call(py, cls.as_any(), &args, Some(&kw)).unwrap();
        assert!(std::ptr::eq(o.ob_type(), &*cls));
        assert!(gc::is_tracked(o.as_any_ref()));
        assert_eq!(py.live_objects(), live + 1);
    });
}
