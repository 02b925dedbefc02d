//! `__bases__` assignment (`type_mutation::set_bases`): each check with CPython 3.11's
//! message, in CPython's order, and the effects of a successful or failed assignment
//! (MROs of the type and its subclasses, subclass registrations, attribute lookups
//! through the method cache). Expectations are recorded from CPython by
//! `tests/fixtures/record_bases_assign.py` into `tests/fixtures/bases_assign.txt`; each
//! test rebuilds the recorded case and compares the same probes.

mod cache_common;

use cache_common::*;
use pyrt::type_mutation::set_bases;
use pyrt::{Bound, PyAny, PyResult, Python, TypeObject};

/// `tp.__bases__ = value`.
fn assign<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    value: &Bound<'py, PyAny>,
) -> PyResult<()> {
    set_bases(py, tp, Some(value))
}

/// `tp.__bases__ = tuple(items)`.
fn assign_types<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    items: &[&Bound<'py, TypeObject>],
) -> PyResult<()> {
    let items: Vec<Bound<'py, PyAny>> = items.iter().map(|t| (*t).clone().into_any()).collect();
    assign(py, tp, &tuple(py, &items))
}

fn builtin<'py>(py: Python<'py>, tp: &TypeObject) -> Bound<'py, TypeObject> {
    Bound::from_ref(py, tp)
}

/// The outcome in the fixture's format: the error (or `OK`), then `; probe=value`s.
fn outcome<T>(py: Python<'_>, r: PyResult<T>, probes: &[(&str, String)]) -> String {
    let mut s = match r {
        Ok(_) => "OK".to_owned(),
        Err(e) => err_text(py, &e),
    };
    for (k, v) in probes {
        s.push_str(&format!("; {k}={v}"));
    }
    s
}

fn check(case: &str, got: String) {
    assert_eq!(got, recorded(case), "case {case}");
}

// ------------------------------------------------------------ 1-4: the value

#[test]
fn immutable_set() {
    checked(|py| {
        let int = builtin(py, py.builtins().int());
        let object = builtin(py, py.builtins().object());
        check(
            "immutable_set",
            outcome(py, assign_types(py, &int, &[&object]), &[]),
        );
    });
}

#[test]
fn immutable_del() {
    checked(|py| {
        let int = builtin(py, py.builtins().int());
        check("immutable_del", outcome(py, set_bases(py, &int, None), &[]));
    });
}

#[test]
fn heap_del() {
    checked(|py| {
        let a = class(py, "A", &[]);
        check("heap_del", outcome(py, set_bases(py, &a, None), &[]));
    });
}

#[test]
fn not_tuple_list() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let object = builtin(py, py.builtins().object()).into_any();
        let l = pyrt::builtins::list_new(py, &[object]).unwrap().into_any();
        check("not_tuple_list", outcome(py, assign(py, &a, &l), &[]));
    });
}

#[test]
fn not_tuple_int() {
    checked(|py| {
        let a = class(py, "A", &[]);
        check(
            "not_tuple_int",
            outcome(py, assign(py, &a, &int(py, 5)), &[]),
        );
    });
}

#[test]
fn empty_tuple() {
    checked(|py| {
        let a = class(py, "A", &[]);
        check(
            "empty_tuple",
            outcome(py, assign(py, &a, &tuple(py, &[])), &[]),
        );
    });
}

// ------------------------------------------------------------ 5: the items

#[test]
fn non_class_int() {
    checked(|py| {
        let a = class(py, "A", &[]);
        check(
            "non_class_int",
            outcome(py, assign(py, &a, &tuple(py, &[int(py, 1)])), &[]),
        );
    });
}

#[test]
fn non_class_str() {
    checked(|py| {
        let a = class(py, "A", &[]);
        check(
            "non_class_str",
            outcome(py, assign(py, &a, &tuple(py, &[text(py, "x")])), &[]),
        );
    });
}

#[test]
fn non_class_after_class() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[]);
        let v = tuple(py, &[b.into_any(), int(py, 1)]);
        check(
            "non_class_after_class",
            outcome(py, assign(py, &a, &v), &[]),
        );
    });
}

#[test]
fn cycle_self() {
    checked(|py| {
        let c = class(py, "C", &[]);
        check("cycle_self", outcome(py, assign_types(py, &c, &[&c]), &[]));
    });
}

#[test]
fn cycle_subclass() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        check(
            "cycle_subclass",
            outcome(py, assign_types(py, &c, &[&d]), &[]),
        );
        assert_eq!(mro(py, &d), "D,C,object", "nothing changed");
    });
}

#[test]
fn cycle_grandchild() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        let e = class(py, "E", &[&d]);
        check(
            "cycle_grandchild",
            outcome(py, assign_types(py, &c, &[&e]), &[]),
        );
    });
}

#[test]
fn cycle_before_non_class() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        let v = tuple(py, &[d.into_any(), int(py, 1)]);
        check(
            "cycle_before_non_class",
            outcome(py, assign(py, &c, &v), &[]),
        );
    });
}

#[test]
fn non_class_before_cycle() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        let v = tuple(py, &[int(py, 1), d.into_any()]);
        check(
            "non_class_before_cycle",
            outcome(py, assign(py, &c, &v), &[]),
        );
    });
}

/// A cycle through a non-primary base that a custom MRO leaves out of the item's MRO is
/// still refused (pyrt follows `__bases__`, not only the MRO).
#[test]
fn cycle_hidden_by_a_custom_mro_is_refused() {
    checked(|py| {
        let meta = meta_with_mro(py);
        // mro() omits every base: [cls, object].
        set_mro_body(Box::new(|py, cls| {
            let object = Bound::from_ref(py, py.builtins().object()).into_any();
            Ok(tuple(py, &[cls.clone().into_any(), object]))
        }));
        let t = class(py, "T", &[]);
        let x = class(py, "X", &[]);
        let i = class_with(py, Some(&meta), "I", &[&x, &t], &[]).unwrap();
        assert_eq!(mro(py, &i), "I,object");
        assert!(!i.is_subtype(&t), "the custom MRO hides T");
        let e = expect_err(py, assign_types(py, &t, &[&i]));
        assert_eq!(e, recorded("cycle_subclass"));
    });
}

// ------------------------------------------------------------ 6-8: bases and layout

#[test]
fn lay_out_conflict() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        let (i, s) = (
            builtin(py, py.builtins().int()),
            builtin(py, py.builtins().str_()),
        );
        check(
            "lay_out_conflict",
            outcome(py, assign_types(py, &d, &[&i, &s]), &[]),
        );
    });
}

#[test]
fn not_acceptable_base() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        let b = builtin(py, py.builtins().bool_());
        check(
            "not_acceptable_base",
            outcome(py, assign_types(py, &d, &[&b]), &[]),
        );
    });
}

#[test]
fn layout_list_to_dict() {
    checked(|py| {
        let list = builtin(py, py.builtins().list());
        let l = class(py, "L", &[&list]);
        let dict = builtin(py, py.builtins().dict());
        check(
            "layout_list_to_dict",
            outcome(py, assign_types(py, &l, &[&dict]), &[]),
        );
    });
}

#[test]
fn layout_class_to_class_and_list() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        let list = builtin(py, py.builtins().list());
        check(
            "layout_class_to_class_and_list",
            outcome(py, assign_types(py, &d, &[&c, &list]), &[]),
        );
    });
}

#[test]
fn deallocator_object_to_class() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[]);
        check(
            "deallocator_object_to_class",
            outcome(py, assign_types(py, &a, &[&b]), &[]),
        );
    });
}

#[test]
fn deallocator_class_to_object() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        let object = builtin(py, py.builtins().object());
        check(
            "deallocator_class_to_object",
            outcome(py, assign_types(py, &d, &[&object]), &[]),
        );
    });
}

#[test]
fn layout_int_subclass_to_object() {
    checked(|py| {
        let int_t = builtin(py, py.builtins().int());
        let i = class(py, "I", &[&int_t]);
        let object = builtin(py, py.builtins().object());
        check(
            "layout_int_subclass_to_object",
            outcome(py, assign_types(py, &i, &[&object]), &[]),
        );
    });
}

// ------------------------------------------------------------ 9: MROs

#[test]
fn duplicate_base() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        check(
            "duplicate_base",
            outcome(py, assign_types(py, &d, &[&c, &c]), &[]),
        );
        assert_eq!(bases(py, &d), "C", "bases restored");
    });
}

#[test]
fn mro_conflict_restores() {
    checked(|py| {
        let a = class(py, "A", &[]);
        let b = class(py, "B", &[]);
        let c = class(py, "C", &[&a, &b]);
        let d = class(py, "D", &[&a, &b]);
        let e = class(py, "E", &[&c, &d]);
        let r = assign_types(py, &c, &[&b, &a]);
        let probes = [
            ("mro(C)", mro(py, &c)),
            ("mro(E)", mro(py, &e)),
            ("bases(C)", bases(py, &c)),
            ("subclasses(A)", subclasses(py, &a)),
            ("subclasses(B)", subclasses(py, &b)),
        ];
        check("mro_conflict_restores", outcome(py, r, &probes));
    });
}

// ------------------------------------------------------------ success

#[test]
fn reparent() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let c2 = class(py, "C2", &[]);
        let d = class(py, "D", &[&c]);
        let e = class(py, "E", &[&d]);
        let r = assign_types(py, &d, &[&c2]);
        let base = pyrt::names::name(py, d.base().unwrap());
        let probes = [
            ("mro(D)", mro(py, &d)),
            ("mro(E)", mro(py, &e)),
            ("subclasses(C2)", subclasses(py, &c2)),
            ("subclasses(C)", subclasses(py, &c)),
            ("base(D)", base),
        ];
        check("reparent", outcome(py, r, &probes));
        assert!(e.is_subtype(&c2) && !e.is_subtype(&c));
    });
}

#[test]
fn reparent_attribute_visible() {
    checked(|py| {
        let c = class_with(py, None, "C", &[], &[("x", int(py, 1))]).unwrap();
        let c2 = class_with(py, None, "C2", &[], &[("x", int(py, 2))]).unwrap();
        let d = class(py, "D", &[&c]);
        let e = class(py, "E", &[&d]);
        // Both lookups are cached before the assignment.
        let before = format!(
            "({}, {})",
            show(&get(py, d.as_any(), "x").unwrap()),
            show(&get(py, e.as_any(), "x").unwrap())
        );
        let r = assign_types(py, &d, &[&c2]);
        let probes = [
            ("before", before),
            ("D.x", show(&get(py, d.as_any(), "x").unwrap())),
            ("E.x", show(&get(py, e.as_any(), "x").unwrap())),
        ];
        check("reparent_attribute_visible", outcome(py, r, &probes));
    });
}

#[test]
fn reassign_same_moves_registration() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let d = class(py, "D", &[&c]);
        let _f = class(py, "F", &[&c]);
        let r = assign_types(py, &d, &[&c]);
        let probes = [
            ("subclasses(C)", subclasses(py, &c)),
            ("mro(D)", mro(py, &d)),
        ];
        check("reassign_same_moves_registration", outcome(py, r, &probes));
    });
}

#[test]
fn two_bases() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let c2 = class(py, "C2", &[]);
        let d = class(py, "D", &[&c]);
        let e = class(py, "E", &[&d]);
        let r = assign_types(py, &d, &[&c, &c2]);
        let probes = [
            ("mro(D)", mro(py, &d)),
            ("mro(E)", mro(py, &e)),
            ("subclasses(C)", subclasses(py, &c)),
            ("subclasses(C2)", subclasses(py, &c2)),
        ];
        check("two_bases", outcome(py, r, &probes));
    });
}

#[test]
fn list_subclass_siblings() {
    checked(|py| {
        let list = builtin(py, py.builtins().list());
        let l1 = class(py, "L1", &[&list]);
        let l2 = class(py, "L2", &[&list]);
        let m = class(py, "M", &[&l1]);
        let r = assign_types(py, &m, &[&l2]);
        check(
            "list_subclass_siblings",
            outcome(py, r, &[("mro(M)", mro(py, &m))]),
        );
    });
}

#[test]
fn diamond_below() {
    checked(|py| {
        let a = class_with(py, None, "A", &[], &[("y", int(py, 1))]).unwrap();
        let a2 = class_with(py, None, "A2", &[], &[("y", int(py, 2))]).unwrap();
        let b = class(py, "B", &[&a]);
        let c = class(py, "C", &[&a]);
        let d = class(py, "D", &[&b, &c]);
        assert_eq!(show(&get(py, d.as_any(), "y").unwrap()), "1"); // cached
        let r = assign_types(py, &b, &[&a2]);
        let probes = [
            ("mro(D)", mro(py, &d)),
            ("D.y", show(&get(py, d.as_any(), "y").unwrap())),
        ];
        check("diamond_below", outcome(py, r, &probes));
    });
}

/// An instance of the reparented class finds the new base's attribute (through the
/// instance protocol and the method cache).
#[test]
fn instances_see_the_new_bases() {
    checked(|py| {
        let c = class_with(py, None, "C", &[], &[("m", text(py, "C"))]).unwrap();
        let c2 = class_with(py, None, "C2", &[], &[("m", text(py, "C2"))]).unwrap();
        let d = class(py, "D", &[&c]);
        let inst = pyrt::call_type(py, &d, &[]).unwrap();
        assert_eq!(show(&get(py, &inst, "m").unwrap()), "'C'");
        assign_types(py, &d, &[&c2]).unwrap();
        assert_eq!(show(&get(py, &inst, "m").unwrap()), "'C2'");
    });
}

// ------------------------------------------------------------ custom mro() during it

#[test]
fn failing_mro_restores() {
    checked(|py| {
        let meta = meta_with_mro(py);
        let fail = std::rc::Rc::new(std::cell::Cell::new(false));
        let f = fail.clone();
        set_mro_body(Box::new(move |py, cls| {
            if f.get() && pyrt::names::name(py, cls) == "E" {
                return Err(pyrt::PyErr::value_error(py, "mro failed for E"));
            }
            c3_list(py, cls)
        }));
        let c = class_with(py, Some(&meta), "C", &[], &[]).unwrap();
        let c2 = class_with(py, Some(&meta), "C2", &[], &[]).unwrap();
        let d = class_with(py, Some(&meta), "D", &[&c], &[]).unwrap();
        let e = class_with(py, Some(&meta), "E", &[&d], &[]).unwrap();
        fail.set(true);
        let r = assign_types(py, &d, &[&c2]);
        let probes = [
            ("mro(D)", mro(py, &d)),
            ("mro(E)", mro(py, &e)),
            ("bases(D)", bases(py, &d)),
            ("subclasses(C)", subclasses(py, &c)),
            ("subclasses(C2)", subclasses(py, &c2)),
        ];
        check("failing_mro_restores", outcome(py, r, &probes));
    });
}

// ------------------------------------------------------------ through the protocol

/// `T.__bases__ = ...` and `del T.__bases__` through `type.__setattr__` reach the same
/// checks (the `__bases__` getset of `type`).
#[test]
fn assignment_through_setattr() {
    checked(|py| {
        let c = class_with(py, None, "C", &[], &[("x", int(py, 1))]).unwrap();
        let c2 = class_with(py, None, "C2", &[], &[("x", int(py, 2))]).unwrap();
        let d = class(py, "D", &[&c]);
        assert_eq!(show(&get(py, d.as_any(), "x").unwrap()), "1");
        set(
            py,
            d.as_any(),
            "__bases__",
            Some(&tuple(py, &[c2.clone().into_any()])),
        )
        .unwrap();
        assert_eq!(mro(py, &d), "D,C2,object");
        assert_eq!(show(&get(py, d.as_any(), "x").unwrap()), "2");
        let bases_now = get(py, d.as_any(), "__bases__").unwrap();
        assert_eq!(
            names_of(
                py,
                bases_now.downcast::<pyrt::builtins::TupleObject>().unwrap()
            ),
            "C2"
        );
        assert_eq!(
            expect_err(py, set(py, d.as_any(), "__bases__", None)),
            recorded("heap_del").replace('A', "D")
        );
        let int_t = builtin(py, py.builtins().int());
        let object = builtin(py, py.builtins().object()).into_any();
        assert_eq!(
            expect_err(
                py,
                set(py, int_t.as_any(), "__bases__", Some(&tuple(py, &[object])))
            ),
            recorded("immutable_set")
        );
        assert_eq!(
            expect_err(py, set(py, int_t.as_any(), "__bases__", None)),
            recorded("immutable_del")
        );
    });
}

/// The dunder-driven slots of the type and its subclasses follow the new MRO: `hash()`
/// of an instance of a subclass becomes unhashable when `__hash__ = None` arrives
/// through the new base, and hashable again when it goes.
#[test]
fn slots_follow_new_bases() {
    checked(|py| {
        let c = class(py, "C", &[]);
        let none = pyrt::protocol::none(py);
        let c2 = class_with(py, None, "C2", &[], &[("__hash__", none)]).unwrap();
        let d = class(py, "D", &[&c]);
        let e = class(py, "E", &[&d]);
        let inst = pyrt::call_type(py, &e, &[]).unwrap();
        let hashing = || match pyrt::protocol::hash(py, &inst) {
            Ok(_) => "ok".to_owned(),
            Err(err) => err_text(py, &err),
        };
        let before = hashing();
        assign_types(py, &d, &[&c2]).unwrap();
        let after = hashing();
        assign_types(py, &d, &[&c]).unwrap();
        let probes = [("before", before), ("after", after), ("back", hashing())];
        check("slots_follow_new_bases", outcome(py, Ok(()), &probes));
    });
}
