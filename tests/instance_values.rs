//! Instance attributes kept in values blocks indexed by the class's shared keys
//! (`pyrt::object::instance_attrs`): each instance's own insertion order in `__dict__`,
//! deletion and re-adding, more names than the keys capacity, `__dict__` read then
//! written through, `__dict__` replaced, `__class__` assignment, collection of cycles
//! through values (with `gc::verify`), weak references, and a million-instance chain.
//!
//! Expected `__dict__` contents are CPython 3.11's, recorded by the corpus script
//! `tests/py/instance_values.py` (`tests/py/record.sh instance_values` writes
//! `tests/py/expected/instance_values.out`); the same cases run here on the Rust API,
//! plus what only the Rust API can see (whether a dict object exists).

mod gc_common;

use gc_common::*;
use pyrt::builtins::{DictObject, dict_new};
use pyrt::weakref::weakref_new;
use pyrt::{Bound, PyAny, Python, attr, gc};

/// The attribute names of `obj.__dict__` in order (materialises the dict).
fn dict_names(py: Python<'_>, obj: &Bound<'_, PyAny>) -> Vec<String> {
    let d = attr::instance_dict(py, obj).unwrap().unwrap();
    d.items(py).iter().map(|(k, _)| text(k)).collect()
}

/// Whether the instance keeps its attributes in a values block (no dict object).
fn in_values(obj: &Bound<'_, PyAny>) -> bool {
    pyrt::object::dict_slot(obj.as_any_ref()).is_some_and(|s| s.holds_values())
}

fn del(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &str) -> Result<(), String> {
    attr::setattr(py, obj, &s(py, name), None).map_err(|e| err_text(py, &e))
}

#[test]
fn each_instance_keeps_its_own_insertion_order() {
    checked(|py| {
        let cls = class(py, "A");
        let (a, b) = (new(py, &cls), new(py, &cls));
        for n in ["x", "y", "z"] {
            set(py, &a, n, &s(py, n));
        }
        for n in ["z", "x", "y"] {
            set(py, &b, n, &s(py, n));
        }
        assert!(in_values(&a) && in_values(&b));
        assert_eq!(text(&get(py, &b, "y").unwrap()), "y");
        // CPython: ['x', 'y', 'z'] ['z', 'x', 'y']
        assert_eq!(dict_names(py, &a), ["x", "y", "z"]);
        assert_eq!(dict_names(py, &b), ["z", "x", "y"]);
        assert!(!in_values(&a), "reading __dict__ makes the dict for good");
    });
}

#[test]
fn deleting_then_re_adding_moves_the_name_to_the_end() {
    checked(|py| {
        let cls = class(py, "A");
        let c = new(py, &cls);
        set(py, &c, "x", &s(py, "1"));
        set(py, &c, "y", &s(py, "2"));
        del(py, &c, "x").unwrap();
        assert!(get(py, &c, "x").is_none());
        assert_eq!(
            del(py, &c, "x").unwrap_err(),
            "AttributeError: 'A' object has no attribute 'x'"
        );
        assert_eq!(
            del(py, &c, "nothere").unwrap_err(),
            "AttributeError: 'A' object has no attribute 'nothere'"
        );
        set(py, &c, "x", &s(py, "5"));
        assert!(in_values(&c));
        // CPython: ['y', 'x'] {'y': 2, 'x': 5}
        assert_eq!(dict_names(py, &c), ["y", "x"]);
        assert_eq!(text(&get(py, &c, "x").unwrap()), "5");
    });
}

#[test]
fn more_names_than_the_keys_hold_go_to_a_dict() {
    checked(|py| {
        let cls = class(py, "Wide");
        let d = new(py, &cls);
        let cap = pyrt::object::SHARED_KEYS_CAPACITY;
        for i in 0..40 {
            set(py, &d, &format!("a{i}"), &s(py, &i.to_string()));
            assert_eq!(in_values(&d), i < cap, "after a{i}");
        }
        assert_eq!(text(&get(py, &d, "a39").unwrap()), "39");
        assert_eq!(text(&get(py, &d, "a0").unwrap()), "0");
        let names = dict_names(py, &d);
        assert_eq!(
            (names.len(), &names[0][..], &names[39][..]),
            (40, "a0", "a39")
        );
        // Another instance still uses values for names the keys hold, in its own order;
        // a name the full keys table lacks gives it a dict.
        let d2 = new(py, &cls);
        set(py, &d2, "a25", &s(py, "late"));
        set(py, &d2, "a1", &s(py, "early"));
        assert!(in_values(&d2));
        assert_eq!(dict_names(py, &d2), ["a25", "a1"]);
        let d3 = new(py, &cls);
        set(py, &d3, "a35", &s(py, "beyond"));
        assert!(!in_values(&d3));
        assert_eq!(text(&get(py, &d3, "a35").unwrap()), "beyond");
    });
}

#[test]
fn after_dict_is_read_attributes_go_to_that_dict() {
    checked(|py| {
        let cls = class(py, "A");
        let e = new(py, &cls);
        set(py, &e, "p", &s(py, "1"));
        let dd = attr::instance_dict(py, &e).unwrap().unwrap();
        set(py, &e, "q", &s(py, "2"));
        assert_eq!(dd.len(), 2);
        let again = attr::instance_dict(py, &e).unwrap().unwrap();
        assert!(again.is(&dd));
        del(py, &e, "p").unwrap();
        assert_eq!(dd.len(), 1);
        assert_eq!(text(&get(py, &e, "q").unwrap()), "2");
    });
}

#[test]
fn replacing_and_deleting_dict_drops_the_values() {
    checked(|py| {
        let cls = class(py, "A");
        let f = new(py, &cls);
        let value = s(py, "1");
        set(py, &f, "p", &value);
        let before = value.refcnt();
        let replacement = dict_new(py).unwrap();
        replacement.set_item(py, &s(py, "r"), &s(py, "3")).unwrap();
        attr::setattr(py, &f, &s(py, "__dict__"), Some(replacement.as_any())).unwrap();
        assert_eq!(
            value.refcnt(),
            before - 1,
            "the values block released its reference"
        );
        assert!(get(py, &f, "p").is_none());
        assert_eq!(text(&get(py, &f, "r").unwrap()), "3");
        set(py, &f, "s", &s(py, "4"));
        assert_eq!(replacement.len(), 2);
        attr::setattr(py, &f, &s(py, "__dict__"), None).unwrap();
        assert!(get(py, &f, "r").is_none());
        set(py, &f, "t", &s(py, "5"));
        assert_eq!(dict_names(py, &f), ["t"]);
    });
}

#[test]
fn class_assignment_keeps_the_attributes() {
    checked(|py| {
        let (a, b) = (class(py, "A"), class(py, "B"));
        let g = new(py, &a);
        set(py, &g, "u", &s(py, "1"));
        set(py, &g, "v", &s(py, "2"));
        attr::setattr(py, &g, &s(py, "__class__"), Some(b.as_any())).unwrap();
        assert!(std::ptr::eq(g.ob_type(), &*b));
        assert!(!in_values(&g), "values indexed by A's keys became a dict");
        set(py, &g, "w", &s(py, "3"));
        assert_eq!(dict_names(py, &g), ["u", "v", "w"]);
        attr::setattr(py, &g, &s(py, "__class__"), Some(a.as_any())).unwrap();
        assert_eq!(text(&get(py, &g, "u").unwrap()), "1");
    });
}

#[test]
fn subclass_instances_and_str_subclass_names() {
    checked(|py| {
        let a = class(py, "A");
        let sub = pyrt::new_class(py, "Sub", std::slice::from_ref(&a), None).unwrap();
        let o = new(py, &sub);
        set(py, &o, "k", &s(py, "sub"));
        assert!(in_values(&o));
        assert_eq!(text(&get(py, &o, "k").unwrap()), "sub");
        // A str subclass as a name: the values make a dict, which answers.
        let name_cls = pyrt::new_class(
            py,
            "Name",
            &[pyrt::Bound::from_ref(py, py.builtins().str_())],
            None,
        )
        .unwrap();
        let n = pyrt::call_type(py, &name_cls, &[s(py, "n")]).unwrap();
        attr::setattr(py, &o, &n, Some(&s(py, "2"))).unwrap();
        assert!(!in_values(&o));
        assert_eq!(text(&get(py, &o, "n").unwrap()), "2");
        assert_eq!(dict_names(py, &o), ["k", "n"]);
    });
}

#[test]
fn cycles_through_values_are_traversed_and_collected() {
    checked(|py| {
        let cls = class(py, "Node");
        let (a, b) = (new(py, &cls), new(py, &cls));
        set(py, &a, "other", &b);
        set(py, &b, "other", &a);
        set(py, &a, "me", &a);
        assert!(in_values(&a) && in_values(&b));
        #[cfg(debug_assertions)]
        assert_eq!(gc::verify(py), Ok(()));
        let referents = gc::get_referents(py, std::slice::from_ref(&a));
        assert!(referents.iter().any(|o| o.is(&b)));
        drop(referents);
        let referrers = gc::get_referrers(py, std::slice::from_ref(&b));
        assert!(referrers.len() == 1 && referrers[0].is(&a));
        drop(referrers);
        let (wa, wb) = (
            weakref_new(py, &a, None).unwrap(),
            weakref_new(py, &b, None).unwrap(),
        );
        let before = py.live_objects();
        drop((a, b));
        assert_eq!(py.live_objects(), before);
        assert_eq!(gc::collect(py, 2), 2, "two instances, no dict objects");
        assert!(!wa.is_alive() && !wb.is_alive());
        #[cfg(debug_assertions)]
        assert_eq!(gc::verify(py), Ok(()));
    });
}

#[test]
fn replacing_a_value_releases_the_old_one() {
    checked(|py| {
        let cls = class(py, "A");
        let holder = new(py, &cls);
        let target = new(py, &cls);
        set(py, &holder, "target", &target);
        let w = weakref_new(py, &target, None).unwrap();
        set(py, &holder, "w", w.as_any());
        drop(target);
        assert!(w.is_alive());
        // Replacing the only strong reference frees the old value after the store.
        set(py, &holder, "target", &s(py, "gone"));
        assert!(!w.is_alive());
        assert_eq!(text(&get(py, &holder, "target").unwrap()), "gone");
        let d: Bound<'_, DictObject> = attr::instance_dict(py, &holder).unwrap().unwrap();
        assert_eq!(d.len(), 2);
    });
}

#[test]
fn a_million_instance_chain_through_values_is_freed() {
    checked(|py| {
        const N: usize = 1_000_000;
        let cls = class(py, "Link");
        let first = new(py, &cls);
        let w = weakref_new(py, &first, None).unwrap();
        let mut head = first;
        for _ in 1..N {
            let n = new(py, &cls);
            set(py, &n, "next", &head);
            head = n;
        }
        assert!(in_values(&head));
        drop(head);
        assert!(!w.is_alive());
    });
}
