//! `__slots__` in class creation (validation, mangling, layout, member descriptors,
//! `__dict__`/`__weakref__` slots, layout conflicts), the lifetime of slot values, and
//! the `__set_name__` step, against CPython 3.11's recorded outcomes
//! (`fixtures/descr_expected.txt`, recorded by `fixtures/record_descr.py`). Each test
//! checks that it frees every object it allocates.

mod descr_support;

use descr_support::*;
use pyrt::types::{MethodDef, MethodFlags, MethodFn};
use pyrt::{Bound, PyAny, PyResult, Python};

fn slots_of<'py>(py: Python<'py>, names: &[&str]) -> Bound<'py, PyAny> {
    let items: Vec<_> = names.iter().map(|n| s(py, n)).collect();
    tuple(py, &items)
}

fn slotted<'py>(
    py: Python<'py>,
    name: &str,
    decl: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    class(py, name, &[], &[("__slots__", decl)])
}

fn keys_repr(py: Python<'_>, t: &Bound<'_, PyAny>) -> String {
    let d = get(py, t, "__dict__").unwrap();
    repr(py, &pyrt::call::call_method(py, &d, "keys", &[]).unwrap())
}

#[test]
fn slots_must_be_iterable() {
    check("slots.not_iterable", |py| {
        show(py, slotted(py, "A", i(py, 1)))
    });
}

#[test]
fn slot_names_must_be_strings() {
    check("slots.non_str", |py| {
        show(py, slotted(py, "A", tuple(py, &[i(py, 1)])))
    });
}

#[test]
fn slot_names_must_be_identifiers() {
    check("slots.non_identifier", |py| {
        show(py, slotted(py, "A", slots_of(py, &["1a"])))
    });
}

#[test]
fn slot_names_without_spaces() {
    check("slots.space", |py| {
        show(py, slotted(py, "A", slots_of(py, &["a b"])))
    });
}

#[test]
fn slot_names_not_empty() {
    check("slots.empty_name", |py| {
        show(py, slotted(py, "A", slots_of(py, &[""])))
    });
}

#[test]
fn slot_conflicting_with_a_class_variable() {
    check("slots.conflict", |py| {
        show(
            py,
            class(
                py,
                "A",
                &[],
                &[("__slots__", slots_of(py, &["x"])), ("x", i(py, 1))],
            ),
        )
    });
}

#[test]
fn mangled_slot_conflicting_with_a_class_variable() {
    check("slots.conflict_mangled", |py| {
        show(
            py,
            class(
                py,
                "A",
                &[],
                &[("__slots__", slots_of(py, &["__x"])), ("_A__x", i(py, 1))],
            ),
        )
    });
}

#[test]
fn dict_slot_twice() {
    check("slots.dict_twice", |py| {
        show(
            py,
            slotted(py, "A", slots_of(py, &["__dict__", "__dict__"])),
        )
    });
}

#[test]
fn weakref_slot_twice() {
    check("slots.weakref_twice", |py| {
        show(
            py,
            slotted(py, "A", slots_of(py, &["__weakref__", "__weakref__"])),
        )
    });
}

#[test]
fn dict_slot_when_the_base_has_one() {
    check("slots.dict_inherited", |py| {
        let a = cls(py, "A", &[], &[]);
        show(
            py,
            class(
                py,
                "B",
                &[&a],
                &[("__slots__", slots_of(py, &["__dict__"]))],
            ),
        )
    });
}

#[test]
fn weakref_slot_when_the_base_has_one() {
    check("slots.weakref_inherited", |py| {
        let a = cls(py, "A", &[], &[]);
        show(
            py,
            class(
                py,
                "B",
                &[&a],
                &[("__slots__", slots_of(py, &["__weakref__"]))],
            ),
        )
    });
}

#[test]
fn nonempty_slots_on_an_int_subtype() {
    check("slots.int_subtype", |py| {
        show(
            py,
            class(
                py,
                "A",
                &[&ty(py, py.builtins().int())],
                &[("__slots__", slots_of(py, &["a"]))],
            ),
        )
    });
}

#[test]
fn dict_slot_on_an_int_subtype() {
    check("slots.int_subtype_dict", |py| {
        show(
            py,
            class(
                py,
                "A",
                &[&ty(py, py.builtins().int())],
                &[("__slots__", slots_of(py, &["__dict__"]))],
            ),
        )
    });
}

#[test]
fn nonempty_slots_on_a_tuple_subtype() {
    check("slots.tuple_subtype", |py| {
        show(
            py,
            class(
                py,
                "A",
                &[&ty(py, py.builtins().tuple())],
                &[("__slots__", slots_of(py, &["a"]))],
            ),
        )
    });
}

#[test]
fn empty_slots_on_an_int_subtype() {
    check("slots.int_empty", |py| {
        let t = cls(
            py,
            "A",
            &[&ty(py, py.builtins().int())],
            &[("__slots__", tuple(py, &[]))],
        );
        show(py, get(py, &t, "__dictoffset__"))
    });
}

#[test]
fn slots_on_a_str_subtype() {
    check("slots.str_subtype", |py| {
        let t = cls(
            py,
            "A",
            &[&ty(py, py.builtins().str_())],
            &[("__slots__", slots_of(py, &["a"]))],
        );
        let obj = new(py, &t, &[s(py, "xy")]);
        set(py, &obj, "a", &i(py, 1)).unwrap();
        repr(py, &tuple(py, &[obj.clone(), get(py, &obj, "a").unwrap()]))
    });
}

#[test]
fn a_string_is_one_slot() {
    check("slots.string", |py| {
        let t = slotted(py, "A", s(py, "abc")).unwrap();
        let d = get(py, &t, "__dict__").unwrap();
        let keys = pyrt::call::call_method(py, &d, "keys", &[]).unwrap();
        repr(py, &tuple(py, &[keys, get(py, &t, "__slots__").unwrap()]))
    });
}

#[test]
fn slots_are_sorted_and_mangled() {
    check("slots.sorted_mangled", |py| {
        keys_repr(
            py,
            &slotted(py, "A", list(py, &[s(py, "b"), s(py, "a"), s(py, "__x")])).unwrap(),
        )
    });
}

#[test]
fn mangled_member() {
    check("slots.mangled_attr", |py| {
        repr_expr(
            py,
            &get(
                py,
                &slotted(py, "A", slots_of(py, &["__a"])).unwrap(),
                "_A__a",
            )
            .unwrap(),
        )
    });
}

#[test]
fn mangling_strips_the_class_underscores() {
    check("slots.mangle_underscored_class", |py| {
        keys_repr(py, &slotted(py, "_A", slots_of(py, &["__a"])).unwrap())
    });
}

#[test]
fn dunder_names_are_not_mangled() {
    check("slots.dunder_not_mangled", |py| {
        keys_repr(py, &slotted(py, "A", slots_of(py, &["__a__"])).unwrap())
    });
}

#[test]
fn dict_in_slots() {
    check("slots.with_dict", |py| {
        let t = slotted(py, "A", slots_of(py, &["__dict__", "a"])).unwrap();
        let d = get(py, &t, "__dict__").unwrap();
        let keys = pyrt::call::call_method(py, &d, "keys", &[]).unwrap();
        repr(
            py,
            &tuple(py, &[keys, get(py, &t, "__weakrefoffset__").unwrap()]),
        )
    });
}

#[test]
fn weakref_in_slots() {
    check("slots.with_weakref", |py| {
        keys_repr(
            py,
            &slotted(py, "A", slots_of(py, &["__weakref__", "a"])).unwrap(),
        )
    });
}

#[test]
fn empty_slots_add_nothing() {
    check("slots.empty", |py| {
        let t = slotted(py, "A", tuple(py, &[])).unwrap();
        let d = get(py, &t, "__dict__").unwrap();
        let items = [
            pyrt::call::call_method(py, &d, "keys", &[]).unwrap(),
            get(py, &t, "__basicsize__").unwrap(),
            get(py, &t, "__dictoffset__").unwrap(),
            get(py, &t, "__weakrefoffset__").unwrap(),
        ];
        repr(py, &tuple(py, &items))
    });
}

#[test]
fn slotted_instances_refuse_new_attributes() {
    check("slots.no_new_attrs", |py| {
        let obj = new(py, &slotted(py, "A", slots_of(py, &["a"])).unwrap(), &[]);
        show_unit(py, set(py, &obj, "b", &i(py, 1)))
    });
}

#[test]
fn subclass_without_slots_gets_a_dict() {
    check("slots.subclass_gets_dict", |py| {
        let a = slotted(py, "A", slots_of(py, &["a"])).unwrap();
        let b = cls(py, "B", &[&a], &[]);
        let obj = new(py, &b, &[]);
        set(py, &obj, "a", &i(py, 1)).unwrap();
        set(py, &obj, "x", &i(py, 2)).unwrap();
        let d = get(py, &b, "__dict__").unwrap();
        let items = [
            get(py, &obj, "a").unwrap(),
            get(py, &obj, "x").unwrap(),
            pyrt::call::call_method(py, &d, "keys", &[]).unwrap(),
        ];
        repr(py, &tuple(py, &items))
    });
}

#[test]
fn two_slotted_bases_conflict() {
    check("slots.layout_conflict", |py| {
        let a = slotted(py, "A", slots_of(py, &["a"])).unwrap();
        let b = slotted(py, "B", slots_of(py, &["b"])).unwrap();
        show(py, class(py, "C", &[&a, &b], &[]))
    });
}

#[test]
fn empty_slots_do_not_conflict() {
    check("slots.empty_no_conflict", |py| {
        let a = slotted(py, "A", slots_of(py, &["a"])).unwrap();
        let b = slotted(py, "B", tuple(py, &[])).unwrap();
        show(py, get(py, &cls(py, "C", &[&a, &b], &[]), "__mro__"))
    });
}

#[test]
fn slots_from_a_dict_declaration() {
    check("slots.dict_keys_order", |py| {
        let t = slotted(py, "A", dict(py, &[("a", s(py, "doc"))])).unwrap();
        let items = [
            get(py, &t, "__slots__").unwrap(),
            get(py, &get(py, &t, "a").unwrap(), "__doc__").unwrap(),
        ];
        repr(py, &tuple(py, &items))
    });
}

#[test]
fn slots_stay_in_the_class_dict() {
    check("slots.kept_in_dict", |py| {
        show(
            py,
            get(
                py,
                &slotted(py, "A", list(py, &[s(py, "x")])).unwrap(),
                "__slots__",
            ),
        )
    });
}

#[test]
fn duplicate_slot_names() {
    check("slots.duplicate_names", |py| {
        keys_repr(py, &slotted(py, "A", slots_of(py, &["a", "a"])).unwrap())
    });
}

#[test]
fn dict_slot_does_not_conflict_with_a_dict_class_variable() {
    check("slots.dict_slot_no_conflict", |py| {
        let r = class(
            py,
            "A",
            &[],
            &[
                ("__slots__", slots_of(py, &["__dict__"])),
                ("__dict__", i(py, 1)),
            ],
        );
        r.map(|_| ())
            .map_or_else(|e| err_text(py, &e), |()| "'ok'".to_owned())
    });
}

#[test]
fn slot_values() {
    check("slots.member_values", |py| {
        let obj = new(
            py,
            &slotted(py, "A", slots_of(py, &["a", "b"])).unwrap(),
            &[],
        );
        set(py, &obj, "a", &i(py, 1)).unwrap();
        set(py, &obj, "b", &s(py, "two")).unwrap();
        repr(
            py,
            &tuple(
                py,
                &[get(py, &obj, "a").unwrap(), get(py, &obj, "b").unwrap()],
            ),
        )
    });
}

#[test]
fn deleted_slot_reads_as_missing() {
    check("slots.delete_then_get", |py| {
        let obj = new(py, &slotted(py, "A", slots_of(py, &["a"])).unwrap(), &[]);
        set(py, &obj, "a", &i(py, 1)).unwrap();
        del(py, &obj, "a").unwrap();
        show(py, get(py, &obj, "a"))
    });
}

// ------------------------------------------------------------ lifetime of slot values

#[test]
fn slot_values_are_released_with_the_instance() {
    pyrt::Runtime::with(|py| {
        let t = slotted(py, "A", slots_of(py, &["a", "b"])).unwrap();
        let obj = new(py, &t, &[]);
        let v = list(py, &[]);
        set(py, &obj, "a", &v).unwrap();
        set(py, &obj, "b", &v).unwrap();
        assert_eq!(v.refcnt(), 3);
        drop(obj);
        assert_eq!(v.refcnt(), 1);
    });
}

#[test]
fn cycles_through_slots_are_collected() {
    pyrt::Runtime::with(|py| {
        pyrt::gc::collect(py, 2);
        let before = py.live_objects();
        {
            let t = slotted(py, "A", slots_of(py, &["other"])).unwrap();
            let x = new(py, &t, &[]);
            let y = new(py, &t, &[]);
            set(py, &x, "other", &y).unwrap();
            set(py, &y, "other", &x).unwrap();
        }
        pyrt::gc::collect(py, 2);
        assert_eq!(py.live_objects(), before);
    });
}

#[test]
fn inherited_slots_and_subclass_dict_are_released() {
    pyrt::Runtime::with(|py| {
        let a = slotted(py, "A", slots_of(py, &["a"])).unwrap();
        let b = cls(
            py,
            "B",
            &[&a],
            &[("__slots__", slots_of(py, &["b", "__dict__"]))],
        );
        let obj = new(py, &b, &[]);
        let v = list(py, &[]);
        for n in ["a", "b", "c"] {
            set(py, &obj, n, &v).unwrap();
        }
        assert_eq!(v.refcnt(), 4);
        drop(obj);
        assert_eq!(v.refcnt(), 1);
    });
}

// ------------------------------------------------------------ __set_name__

fn raise_key_error<'py>(
    py: Python<'py>,
    _s: &Bound<'py>,
    _a: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    Err(pyrt::PyErr::key_error(py, &i(py, 5)))
}

static SET_NAME: MethodDef = MethodDef {
    name: "__set_name__",
    meth: MethodFn::Fast(raise_key_error),
    flags: MethodFlags(0),
    doc: None,
};

#[test]
fn set_name_errors_are_wrapped() {
    check("setname.error", |py| {
        let f = pyrt::descr::native_function(py, &SET_NAME, None)
            .unwrap()
            .into_any();
        let d = cls(py, "D", &[], &[("__set_name__", f)]);
        let r = class(py, "A", &[], &[("x", new(py, &d, &[]))]);
        let e = r.unwrap_err();
        let cause = e
            .value(py)
            .downcast::<pyrt::builtins::BaseExceptionObject>()
            .unwrap()
            .cause
            .get(py);
        assert_eq!(cause.map(|c| repr(py, &c)), Some("KeyError(5)".to_owned()));
        err_text(py, &e)
    });
}
