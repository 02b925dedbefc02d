//! Classes are self-cyclic (their MRO tuple holds them), so they are freed by the cycle
//! collector; instances hold their heap type alive until they are freed.

use pyrt::{Runtime, gc, new_class};

#[test]
fn a_dropped_class_is_freed_by_a_collection() {
    Runtime::with(|py| {
        gc::collect(py, 2);
        let before = py.live_objects();
        let a = new_class(py, "A", &[], None).unwrap();
        let b = new_class(py, "B", std::slice::from_ref(&a), None).unwrap();
        assert!(py.live_objects() > before);
        drop((a, b));
        let found = gc::collect(py, 2);
        assert!(found >= 2, "collected {found}");
        assert_eq!(py.live_objects(), before);
    });
}

#[test]
fn an_instance_keeps_its_class_alive_until_it_is_freed() {
    Runtime::with(|py| {
        gc::collect(py, 2);
        let before = py.live_objects();
        let a = new_class(py, "A", &[], None).unwrap();
        let refs_before = a.refcnt();
        let inst = pyrt::call_type(py, &a, &[]).unwrap();
        assert_eq!(
            a.refcnt(),
            refs_before + 1,
            "the instance owns a reference to its class"
        );
        drop(a);
        gc::collect(py, 2);
        assert!(
            py.live_objects() > before,
            "the class must survive while an instance lives"
        );
        drop(inst);
        gc::collect(py, 2);
        assert_eq!(py.live_objects(), before);
    });
}
