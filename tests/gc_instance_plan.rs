//! Instance plans (`pyrt::gc::InstancePlan`): class creation gives a class a plan of
//! its instances' named slots and base functions; the class slots and the collector
//! follow it. These tests check that a plan reports exactly what the chain walk it
//! replaces reports (same referents, same order), that classes whose slots a plan cannot
//! cover keep working without one, and that `__bases__` assignment recomputes it.
//! (The Python-level behaviour is in `tests/py/gc_plan_*.py`, recorded from CPython.)

mod gc_common;

use gc_common::*;
use pyrt::builtins::{dict_new, list_new, str_new, tuple_new};
use pyrt::gc::InstancePlan;
use pyrt::{Bound, PyAny, Python, TypeObject, gc};

/// A class `name(bases)` whose namespace declares `__slots__ = slots` (`None`: no
/// `__slots__`).
fn slotted<'py>(
    py: Python<'py>,
    name: &str,
    bases: &[Bound<'py, TypeObject>],
    slots: Option<&[&str]>,
) -> Bound<'py, TypeObject> {
    let ns = dict_new(py).unwrap();
    if let Some(slots) = slots {
        let names: Vec<Bound<'_, PyAny>> = slots
            .iter()
            .map(|n| str_new(py, n).unwrap().into_any())
            .collect();
        let decl = tuple_new(py, &names).unwrap();
        ns.set_item(py, s(py, "__slots__").as_any(), decl.as_any())
            .unwrap();
    }
    pyrt::new_class(py, name, bases, Some(&ns)).unwrap()
}

/// The referents `obj` reports with its type's plan, then with the plan removed (the
/// chain walk), the plan put back afterwards.
fn referents_both_ways<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    tp: &TypeObject,
) -> (Vec<Bound<'py, PyAny>>, Vec<Bound<'py, PyAny>>) {
    assert!(InstancePlan::of(obj.as_any_ref()).is_some());
    let planned = gc::get_referents(py, std::slice::from_ref(obj));
    tp.ht_gc_plan.remove();
    let walked = gc::get_referents(py, std::slice::from_ref(obj));
    // Assigning `__bases__` (here: the same bases again) recomputes the plan.
    let tp = Bound::from_ref(py, tp);
    let bases = get(py, &tp.clone().into_any(), "__bases__").unwrap();
    pyrt::type_mutation::set_bases(py, &tp, Some(&bases)).unwrap();
    assert!(
        InstancePlan::of(obj.as_any_ref()).is_some(),
        "set_bases re-plans"
    );
    (planned, walked)
}

fn same(a: &[Bound<'_, PyAny>], b: &[Bound<'_, PyAny>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.is(y))
}

#[test]
fn classes_get_a_plan_builtins_do_not() {
    checked(|py| {
        let plain = class(py, "Plain");
        let o = new(py, &plain);
        assert!(InstancePlan::of(o.as_any_ref()).is_some());
        let l = list_new(py, &[]).unwrap();
        assert!(InstancePlan::of(l.as_any()).is_none());
        assert!(!py.builtins().object().ht_gc_plan.is_set());
    });
}

#[test]
fn a_chain_with_slots_at_two_levels_reports_like_the_walk() {
    checked(|py| {
        let a = slotted(py, "A", &[], Some(&["a", "__weakref__"]));
        let b = slotted(py, "B", std::slice::from_ref(&a), Some(&["b"]));
        let c = slotted(py, "C", std::slice::from_ref(&b), None);
        let obj = new(py, &c);
        let (va, vb, vx) = (new(py, &a), new(py, &a), new(py, &a));
        set(py, &obj, "a", &va);
        set(py, &obj, "b", &vb);
        set(py, &obj, "x", &vx);
        let (planned, walked) = referents_both_ways(py, &obj, &c);
        assert!(same(&planned, &walked));
        // Named slots in layout order, then the values, then the class.
        let expect = [va, vb, vx, c.clone().into_any()];
        assert!(same(&planned, &expect), "got {} referents", planned.len());
    });
}

#[test]
fn a_class_over_list_reports_slots_then_items_like_the_walk() {
    checked(|py| {
        let l = Bound::from_ref(py, py.builtins().list());
        let sub = slotted(py, "L", &[l], Some(&["tag", "__dict__"]));
        let subsub = slotted(py, "LL", std::slice::from_ref(&sub), Some(&["more"]));
        let obj = new(py, &subsub);
        let (tag, more, item) = (new(py, &sub), new(py, &sub), new(py, &sub));
        set(py, &obj, "tag", &tag);
        set(py, &obj, "more", &more);
        pyrt::call::call_method(py, &obj, "append", std::slice::from_ref(&item)).unwrap();
        let (planned, walked) = referents_both_ways(py, &obj, &subsub);
        assert!(same(&planned, &walked));
        let expect = [tag, more, subsub.clone().into_any(), item];
        assert!(same(&planned, &expect), "got {} referents", planned.len());
    });
}

#[test]
fn a_class_with_more_slots_than_a_plan_covers_has_none_and_still_collects() {
    checked(|py| {
        let names: Vec<String> = (0..70).map(|i| format!("s{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let wide = slotted(py, "Wide", &[], Some(&refs));
        let w = new(py, &wide);
        assert!(InstancePlan::of(w.as_any_ref()).is_none());
        set(py, &w, "s69", &w);
        let other = s(py, "not collectable");
        set(py, &w, "s0", &other);
        let refs = gc::get_referents(py, std::slice::from_ref(&w));
        let expect = [other.clone(), w.clone(), wide.clone().into_any()];
        assert!(same(&refs, &expect), "got {} referents", refs.len());
        drop((w, refs, other, expect));
        let before = py.live_objects();
        assert_eq!(gc::collect(py, 2), 1);
        assert!(py.live_objects() < before);
    });
}

#[test]
fn a_cycle_through_named_slots_is_collected_and_cleared_by_the_plan() {
    checked(|py| {
        let a = slotted(py, "A", &[], Some(&["x", "y"]));
        let (p, q) = (new(py, &a), new(py, &a));
        set(py, &p, "x", &q);
        set(py, &q, "y", &p);
        set(py, &p, "y", &p);
        let before = py.live_objects();
        drop((p, q));
        assert_eq!(py.live_objects(), before);
        assert_eq!(gc::collect(py, 2), 2);
        assert_eq!(py.live_objects(), before - 2);
    });
}
