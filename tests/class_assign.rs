//! `object.__class__` (reading and assignment between layout-compatible types), the
//! instance `__dict__` attribute and `__weakref__`, against CPython 3.11's recorded
//! outcomes (`fixtures/descr_expected.txt`, recorded by `fixtures/record_descr.py`).
//! Each test checks that it frees every object it allocates.

mod descr_support;

use descr_support::*;
use pyrt::{Bound, PyAny, Python, TypeFlags};

fn slots<'py>(py: Python<'py>, names: &[&str]) -> (&'static str, Bound<'py, PyAny>) {
    let items: Vec<_> = names.iter().map(|n| s(py, n)).collect();
    ("__slots__", tuple(py, &items))
}

fn type_repr(py: Python<'_>, obj: &Bound<'_, PyAny>) -> String {
    repr(py, &obj.get_type().into_any())
}

#[test]
fn class_attribute_reads_the_type() {
    check("cls.get", |py| {
        show(
            py,
            get(py, &new(py, &cls(py, "A", &[], &[]), &[]), "__class__"),
        )
    });
}

#[test]
fn class_must_be_a_class() {
    check("cls.set_int", |py| {
        show_unit(
            py,
            set(
                py,
                &new(py, &cls(py, "A", &[], &[]), &[]),
                "__class__",
                &i(py, 1),
            ),
        )
    });
}

#[test]
fn class_cannot_be_deleted() {
    check("cls.delete", |py| {
        show_unit(
            py,
            del(py, &new(py, &cls(py, "A", &[], &[]), &[]), "__class__"),
        )
    });
}

#[test]
fn assignment_between_plain_classes() {
    check("cls.set_ok", |py| {
        let (a, b) = (cls(py, "A", &[], &[]), cls(py, "B", &[], &[]));
        let obj = new(py, &a, &[]);
        set(py, &obj, "__class__", &b).unwrap();
        type_repr(py, &obj)
    });
}

#[test]
fn assignment_to_a_static_type() {
    check("cls.to_static", |py| {
        let obj = new(py, &cls(py, "A", &[], &[]), &[]);
        show_unit(py, set(py, &obj, "__class__", &ty(py, py.builtins().int())))
    });
}

#[test]
fn assignment_from_a_static_type() {
    check("cls.from_static", |py| {
        show_unit(
            py,
            set(py, &i(py, 1), "__class__", &ty(py, py.builtins().bool_())),
        )
    });
}

#[test]
fn list_to_class() {
    check("cls.list_to_class", |py| {
        show_unit(
            py,
            set(py, &list(py, &[]), "__class__", &cls(py, "C", &[], &[])),
        )
    });
}

#[test]
fn object_to_class() {
    check("cls.object_to_class", |py| {
        let o = new(py, &ty(py, py.builtins().object()), &[]);
        show_unit(py, set(py, &o, "__class__", &cls(py, "C", &[], &[])))
    });
}

#[test]
fn class_to_object() {
    check("cls.class_to_object", |py| {
        let obj = new(py, &cls(py, "C", &[], &[]), &[]);
        show_unit(
            py,
            set(py, &obj, "__class__", &ty(py, py.builtins().object())),
        )
    });
}

#[test]
fn dict_layout_differs_from_empty_slots() {
    check("cls.dict_vs_slots", |py| {
        let a = cls(py, "A", &[], &[]);
        let b = cls(py, "B", &[], &[slots(py, &[])]);
        show_unit(py, set(py, &new(py, &a, &[]), "__class__", &b))
    });
}

#[test]
fn subclass_adding_nothing_is_compatible() {
    check("cls.subclass_no_slots", |py| {
        let a = cls(py, "A", &[], &[]);
        let b = cls(py, "B", &[&a], &[slots(py, &[])]);
        let obj = new(py, &a, &[]);
        set(py, &obj, "__class__", &b).unwrap();
        type_repr(py, &obj)
    });
}

#[test]
fn same_slots_are_compatible_and_keep_values() {
    check("cls.slots_same", |py| {
        let a = cls(py, "A", &[], &[slots(py, &["x"])]);
        let b = cls(py, "B", &[], &[slots(py, &["x"])]);
        let obj = new(py, &a, &[]);
        set(py, &obj, "x", &i(py, 5)).unwrap();
        set(py, &obj, "__class__", &b).unwrap();
        repr(
            py,
            &tuple(
                py,
                &[obj.get_type().into_any(), get(py, &obj, "x").unwrap()],
            ),
        )
    });
}

#[test]
fn reordered_slots_are_compatible() {
    check("cls.slots_reordered", |py| {
        let g = cls(py, "G", &[], &[slots(py, &["a", "b"])]);
        let h = cls(py, "H", &[], &[slots(py, &["b", "a"])]);
        let obj = new(py, &g, &[]);
        set(py, &obj, "a", &i(py, 1)).unwrap();
        set(py, &obj, "__class__", &h).unwrap();
        show(py, get(py, &obj, "a"))
    });
}

#[test]
fn different_slots_are_incompatible() {
    check("cls.slots_differ", |py| {
        let g = cls(py, "G", &[], &[slots(py, &["a", "b"])]);
        let k = cls(py, "K", &[], &[slots(py, &["a", "b", "d"])]);
        show_unit(py, set(py, &new(py, &g, &[]), "__class__", &k))
    });
}

#[test]
fn sibling_list_subclasses() {
    check("cls.list_subclasses", |py| {
        let l = cls(py, "L", &[&ty(py, py.builtins().list())], &[]);
        let m = cls(py, "M", &[&ty(py, py.builtins().list())], &[]);
        let x = new(py, &l, &[]);
        set(py, &x, "__class__", &m).unwrap();
        type_repr(py, &x)
    });
}

#[test]
fn list_subclass_to_dict_subclass() {
    check("cls.list_sub_to_dict_sub", |py| {
        let l = cls(py, "L", &[&ty(py, py.builtins().list())], &[]);
        let d = cls(py, "D", &[&ty(py, py.builtins().dict())], &[]);
        show_unit(py, set(py, &new(py, &l, &[]), "__class__", &d))
    });
}

#[test]
fn class_to_int_subclass() {
    check("cls.class_to_int_sub", |py| {
        let a = cls(py, "A", &[], &[]);
        let int_sub = cls(py, "I", &[&ty(py, py.builtins().int())], &[]);
        show_unit(py, set(py, &new(py, &a, &[]), "__class__", &int_sub))
    });
}

#[test]
fn assignment_keeps_the_instance_dict() {
    check("cls.keeps_dict", |py| {
        let (a, b) = (cls(py, "A", &[], &[]), cls(py, "B", &[], &[]));
        let obj = new(py, &a, &[]);
        set(py, &obj, "x", &i(py, 1)).unwrap();
        set(py, &obj, "__class__", &b).unwrap();
        show(py, get(py, &obj, "x"))
    });
}

#[test]
fn types_cannot_change_metatype_from_type() {
    check("cls.type_of_type", |py| {
        let a = cls(py, "A", &[], &[]);
        let m = cls(py, "M", &[&ty(py, py.builtins().type_())], &[]);
        show_unit(py, set(py, &a, "__class__", &m))
    });
}

#[test]
fn assignment_moves_the_heap_type_references() {
    pyrt::Runtime::with(|py| {
        let (a, b) = (cls(py, "A", &[], &[]), cls(py, "B", &[], &[]));
        let (ra, rb) = (a.refcnt(), b.refcnt());
        let obj = new(py, &a, &[]);
        assert_eq!(a.refcnt(), ra + 1);
        set(py, &obj, "__class__", &b).unwrap();
        assert_eq!((a.refcnt(), b.refcnt()), (ra, rb + 1));
        drop(obj);
        assert_eq!((a.refcnt(), b.refcnt()), (ra, rb));
    });
}

#[test]
fn immutable_heap_types_refuse_assignment() {
    pyrt::Runtime::with(|py| {
        let spec = pyrt::TypeSpec {
            name: "mod.Imm",
            basicsize: 0,
            itemsize: 0,
            flags: TypeFlags::DEFAULT | TypeFlags::BASETYPE | TypeFlags::IMMUTABLETYPE,
            slots: &[],
        };
        let imm = pyrt::from_spec(py, &spec, None, None, None)
            .unwrap()
            .into_any();
        let sub = cls(py, "S", &[&imm], &[]);
        let obj = new(py, &sub, &[]);
        assert_eq!(
            show_unit(py, set(py, &obj, "__class__", &imm)),
            "TypeError: __class__ assignment only supported for mutable types or ModuleType subclasses"
        );
    });
}

// ------------------------------------------------------------ instance __dict__

#[test]
fn instance_dict() {
    check("idict.get", |py| {
        let obj = new(py, &cls(py, "A", &[], &[]), &[]);
        set(py, &obj, "x", &i(py, 1)).unwrap();
        show(py, get(py, &obj, "__dict__"))
    });
}

#[test]
fn instance_dict_must_be_a_dict() {
    check("idict.set_int", |py| {
        show_unit(
            py,
            set(
                py,
                &new(py, &cls(py, "A", &[], &[]), &[]),
                "__dict__",
                &i(py, 1),
            ),
        )
    });
}

#[test]
fn instance_dict_replacement() {
    check("idict.set", |py| {
        let obj = new(py, &cls(py, "A", &[], &[]), &[]);
        set(py, &obj, "__dict__", &dict(py, &[("x", i(py, 1))])).unwrap();
        show(py, get(py, &obj, "x"))
    });
}

#[test]
fn instance_dict_deletion() {
    check("idict.delete", |py| {
        let obj = new(py, &cls(py, "A", &[], &[]), &[]);
        set(py, &obj, "x", &i(py, 1)).unwrap();
        del(py, &obj, "__dict__").unwrap();
        show(py, get(py, &obj, "__dict__"))
    });
}

#[test]
fn object_has_no_dict() {
    check("idict.missing", |py| {
        show(
            py,
            get(
                py,
                &new(py, &ty(py, py.builtins().object()), &[]),
                "__dict__",
            ),
        )
    });
}

#[test]
fn object_dict_cannot_be_set() {
    check("idict.missing_set", |py| {
        let o = new(py, &ty(py, py.builtins().object()), &[]);
        show_unit(py, set(py, &o, "__dict__", &dict(py, &[])))
    });
}

#[test]
fn slotted_instance_has_no_dict() {
    check("idict.slots_missing", |py| {
        let t = cls(py, "S", &[], &[slots(py, &[])]);
        show(py, get(py, &new(py, &t, &[]), "__dict__"))
    });
}

#[test]
fn weakref_attribute_is_none() {
    check("weakref.get", |py| {
        show(
            py,
            get(py, &new(py, &cls(py, "A", &[], &[]), &[]), "__weakref__"),
        )
    });
}

#[test]
fn weakref_attribute_is_not_writable() {
    check("weakref.set", |py| {
        show_unit(
            py,
            set(
                py,
                &new(py, &cls(py, "A", &[], &[]), &[]),
                "__weakref__",
                &i(py, 1),
            ),
        )
    });
}
