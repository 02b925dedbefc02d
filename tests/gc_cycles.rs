//! The collector frees cycles of runtime objects: self cycles, cycles through lists,
//! tuples, dicts and instance dicts, and cycles that hold the last reference to their
//! own heap type; `tp_clear` leaves objects usable.

mod gc_common;

use gc_common::*;
use pyrt::builtins::{dict_new, intern, list_new, tuple_new};
use pyrt::weakref::weakref_new;
use pyrt::{Bound, PyAny, Python, gc};

/// Drops `root` and checks that a full collection finds exactly `expect` unreachable
/// objects and frees them all.
fn collect_after_drop(py: Python<'_>, root: Bound<'_, PyAny>, expect: usize) {
    let before = py.live_objects();
    drop(root);
    assert_eq!(py.live_objects(), before, "the cycle keeps itself alive");
    assert_eq!(gc::collect(py, 2), expect);
    assert_eq!(py.live_objects(), before - expect as isize);
}

#[test]
fn a_list_containing_itself() {
    checked(|py| {
        let l = list_new(py, &[]).unwrap();
        l.append(l.as_any());
        collect_after_drop(py, l.into_any(), 1);
    });
}

#[test]
fn an_instance_whose_dict_holds_it() {
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        set(py, &a, "me", &a);
        // The attribute lives in the instance's values: one object, as in CPython 3.11.
        collect_after_drop(py, a, 1);
    });
}

#[test]
fn an_instance_whose_materialised_dict_holds_it() {
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        set(py, &a, "me", &a);
        // Reading `__dict__` makes a dict object: the instance and its dict.
        drop(pyrt::attr::instance_dict(py, &a).unwrap());
        collect_after_drop(py, a, 2);
    });
}

#[test]
fn a_cycle_through_a_tuple_and_a_list() {
    checked(|py| {
        let l = list_new(py, &[]).unwrap();
        let t = tuple_new(py, &[l.clone().into_any()]).unwrap();
        l.append(t.as_any());
        drop(t);
        collect_after_drop(py, l.into_any(), 2);
    });
}

#[test]
fn a_cycle_through_a_dict() {
    checked(|py| {
        let d = dict_new(py).unwrap();
        let key = intern(py, "self").unwrap().into_any();
        d.set_item(py, &key, d.as_any()).unwrap();
        collect_after_drop(py, d.into_any(), 1);
    });
}

#[test]
fn a_two_instance_cycle_through_instance_dicts() {
    checked(|py| {
        let cls = class(py, "Node");
        let (a, b) = (new(py, &cls), new(py, &cls));
        set(py, &a, "other", &b);
        set(py, &b, "other", &a);
        drop(b);
        // Two instances, their attributes in values blocks (no dict objects).
        collect_after_drop(py, a, 2);
    });
}

#[test]
fn a_two_instance_cycle_through_materialised_dicts() {
    checked(|py| {
        let cls = class(py, "Node");
        let (a, b) = (new(py, &cls), new(py, &cls));
        set(py, &a, "other", &b);
        set(py, &b, "other", &a);
        drop(pyrt::attr::instance_dict(py, &a).unwrap());
        drop(pyrt::attr::instance_dict(py, &b).unwrap());
        drop(b);
        // Two instances and two dicts.
        collect_after_drop(py, a, 4);
    });
}

#[test]
fn a_long_ring_of_mixed_containers() {
    checked(|py| {
        let cls = class(py, "Node");
        let first = new(py, &cls);
        let mut prev = first.clone();
        for i in 0..300 {
            let next: Bound<'_, PyAny> = match i % 4 {
                0 => list_new(py, &[]).unwrap().into_any(),
                1 => dict_new(py).unwrap().into_any(),
                2 => new(py, &cls),
                _ => list_new(py, &[]).unwrap().into_any(),
            };
            link(py, &prev, &next);
            prev = next;
        }
        link(py, &prev, &first);
        drop(prev);
        let before = py.live_objects();
        drop(first);
        let found = gc::collect(py, 2);
        assert!(found >= 301, "found {found}");
        assert_eq!(py.live_objects(), before - found as isize);
    });
}

/// `a -> b` through whatever container `a` is.
fn link(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) {
    if let Ok(l) = a.downcast::<pyrt::builtins::ListObject>() {
        l.append(b);
    } else if let Ok(d) = a.downcast::<pyrt::builtins::DictObject>() {
        d.set_item(py, &intern(py, "next").unwrap().into_any(), b)
            .unwrap();
    } else {
        set(py, a, "next", b);
    }
}

#[test]
fn a_cycle_holding_the_last_reference_to_its_heap_type_frees_the_type() {
    checked(|py| {
        let cls = class(py, "Lonely");
        let a = new(py, &cls);
        set(py, &a, "me", &a);
        let type_ref = weakref_new(py, cls.as_any(), None).unwrap();
        drop(cls);
        assert!(type_ref.is_alive(), "the instance keeps its class");
        drop(a);
        gc::collect(py, 2);
        assert!(!type_ref.is_alive(), "the class went with the cycle");
    });
}

#[test]
fn a_class_referenced_from_its_own_dict_and_instances_is_freed() {
    checked(|py| {
        let cls = class(py, "SelfRef");
        let inst = new(py, &cls);
        let cls_any = cls.clone().into_any();
        pyrt::attr::setattr(py, &cls_any, &s(py, "me"), Some(&cls_any)).unwrap();
        pyrt::attr::setattr(py, &cls_any, &s(py, "one"), Some(&inst)).unwrap();
        set(py, &inst, "cls", &cls_any);
        let w = weakref_new(py, &cls_any, None).unwrap();
        drop((cls, cls_any, inst));
        gc::collect(py, 2);
        assert!(!w.is_alive());
    });
}

#[test]
fn a_freed_subclass_leaves_its_bases_subclass_registry() {
    checked(|py| {
        let base = class(py, "Base");
        let sub = pyrt::new_class(py, "Sub", std::slice::from_ref(&base), None).unwrap();
        assert_eq!(base.tp_subclasses.snapshot().len(), 1);
        let w = weakref_new(py, sub.as_any(), None).unwrap();
        drop(sub);
        gc::collect(py, 2);
        assert!(!w.is_alive());
        assert!(base.tp_subclasses.snapshot().is_empty());
    });
}

#[test]
fn a_class_hierarchy_that_is_garbage_as_a_whole_is_freed() {
    checked(|py| {
        let a = class(py, "A");
        let b = pyrt::new_class(py, "B", std::slice::from_ref(&a), None).unwrap();
        let c = pyrt::new_class(py, "C", std::slice::from_ref(&a), None).unwrap();
        let d = pyrt::new_class(py, "D", &[b.clone(), c.clone()], None).unwrap();
        let inst = new(py, &d);
        set(py, &inst, "me", &inst);
        let refs: Vec<_> = [&a, &b, &c, &d]
            .iter()
            .map(|t| weakref_new(py, t.as_any(), None).unwrap())
            .collect();
        drop((a, b, c, d, inst));
        gc::collect(py, 2);
        assert!(refs.iter().all(|r| !r.is_alive()));
    });
}

#[test]
fn objects_stay_usable_after_their_tp_clear() {
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        set(py, &a, "x", &s(py, "value"));
        let clear = a.ob_type().tp_clear.get().unwrap();
        clear(py, &a);
        assert!(
            get(py, &a, "x").is_none(),
            "the attributes went with the dict"
        );
        set(py, &a, "y", &s(py, "again"));
        assert_eq!(text(&get(py, &a, "y").unwrap()), "again");

        let l = list_new(py, std::slice::from_ref(&a)).unwrap();
        (l.ob_type().tp_clear.get().unwrap())(py, l.as_any());
        assert_eq!(l.len(), 0);
        l.append(&a);
        assert_eq!(l.len(), 1);

        let d = dict_new(py).unwrap();
        d.set_item(py, &s(py, "k"), &a).unwrap();
        (d.ob_type().tp_clear.get().unwrap())(py, d.as_any());
        assert!(d.is_empty());

        // A class after tp_clear (as the collector leaves it when something outside the
        // garbage still holds it) still answers for its name, repr and subtype checks.
        let sub = pyrt::new_class(py, "Sub", std::slice::from_ref(&cls), None).unwrap();
        (sub.ob_type().tp_clear.get().unwrap())(py, sub.as_any());
        assert_eq!(pyrt::names::name(py, &sub), "Sub");
        assert!(sub.is_subtype(&cls));
        assert!(repr(py, sub.as_any()).unwrap().contains("Sub"));
        // Without its MRO, lookups walk the base chain.
        let cls_any = cls.clone().into_any();
        pyrt::attr::setattr(py, &cls_any, &s(py, "inherited"), Some(&s(py, "yes"))).unwrap();
        assert_eq!(text(&get(py, sub.as_any(), "inherited").unwrap()), "yes");
    });
}

#[test]
fn a_cycle_reachable_from_a_live_object_is_not_collected() {
    checked(|py| {
        let cls = class(py, "A");
        let a = new(py, &cls);
        set(py, &a, "me", &a);
        let holder = list_new(py, std::slice::from_ref(&a)).unwrap();
        let w = weakref_new(py, &a, None).unwrap();
        drop(a);
        assert_eq!(gc::collect(py, 2), 0);
        assert!(w.is_alive());
        drop(holder);
        assert_eq!(gc::collect(py, 2), 1);
        assert!(!w.is_alive());
    });
}
