//! `type`'s own attributes (names, doc, annotations, layout members, `__bases__`,
//! `__dict__`, `mro()`, `__subclasses__()`, `__abstractmethods__`) and the special
//! setters' rules, against CPython 3.11's recorded outcomes
//! (`fixtures/descr_expected.txt`, recorded by `fixtures/record_descr.py`). Each test
//! checks that it frees every object it allocates.

mod descr_support;

use descr_support::*;
use pyrt::{Bound, PyAny, Python};

fn a(py: Python<'_>) -> Bound<'_, PyAny> {
    cls(py, "A", &[], &[])
}

fn triple<'py>(py: Python<'py>, t: &Bound<'py, PyAny>, names: [&str; 3]) -> String {
    let items: Vec<_> = names
        .iter()
        .map(|n| match *n {
            "repr" => s(py, &repr(py, t)),
            n => get(py, t, n).unwrap(),
        })
        .collect();
    repr(py, &tuple(py, &items))
}

#[test]
fn name_must_be_a_string() {
    check("type.name_set_int", |py| {
        show_unit(py, set(py, &a(py), "__name__", &i(py, 1)))
    });
}

#[test]
fn name_must_not_contain_nul() {
    check("type.name_set_nul", |py| {
        show_unit(py, set(py, &a(py), "__name__", &s(py, "x\0y")))
    });
}

#[test]
fn name_cannot_be_deleted() {
    check("type.name_del", |py| {
        show_unit(py, del(py, &a(py), "__name__"))
    });
}

#[test]
fn name_assignment_leaves_qualname() {
    check("type.name_set", |py| {
        let t = a(py);
        set(py, &t, "__name__", &s(py, "Q")).unwrap();
        triple(py, &t, ["__name__", "__qualname__", "repr"])
    });
}

#[test]
fn tp_name_follows_name_assignment() {
    check("type.name_set_message", |py| {
        let t = a(py);
        set(py, &t, "__name__", &s(py, "Q")).unwrap();
        show(py, get(py, &t, "zz"))
    });
}

#[test]
fn dotted_name_changes_neither_module_nor_qualname() {
    check("type.name_set_dotted", |py| {
        let t = a(py);
        set(py, &t, "__name__", &s(py, "D.E")).unwrap();
        triple(py, &t, ["__name__", "__module__", "__qualname__"])
    });
}

#[test]
fn qualname_must_be_a_string() {
    check("type.qualname_set_int", |py| {
        show_unit(py, set(py, &a(py), "__qualname__", &i(py, 1)))
    });
}

#[test]
fn qualname_cannot_be_deleted() {
    check("type.qualname_del", |py| {
        show_unit(py, del(py, &a(py), "__qualname__"))
    });
}

#[test]
fn qualname_assignment() {
    check("type.qualname_set", |py| {
        let t = a(py);
        set(py, &t, "__qualname__", &s(py, "Z.Q")).unwrap();
        triple(py, &t, ["__name__", "__qualname__", "repr"])
    });
}

#[test]
fn qualname_assignment_shows_in_instance_repr() {
    check("type.qualname_instance_repr", |py| {
        let t = a(py);
        set(py, &t, "__qualname__", &s(py, "Z.Q")).unwrap();
        repr_expr(py, &new(py, &t, &[]))
    });
}

#[test]
fn module_assignment_is_stored_in_the_dict() {
    check("type.module_set", |py| {
        let t = a(py);
        set(py, &t, "__module__", &s(py, "m")).unwrap();
        let items = [
            get(py, &t, "__module__").unwrap(),
            raw(py, t.downcast::<pyrt::TypeObject>().unwrap(), "__module__"),
            s(py, &repr(py, &t)),
        ];
        repr(py, &tuple(py, &items))
    });
}

#[test]
fn non_string_module_leaves_repr_with_tp_name() {
    check("type.module_set_int", |py| {
        let t = a(py);
        set(py, &t, "__module__", &i(py, 1)).unwrap();
        let items = [get(py, &t, "__module__").unwrap(), s(py, &repr(py, &t))];
        repr(py, &tuple(py, &items))
    });
}

#[test]
fn module_cannot_be_deleted() {
    check("type.module_del", |py| {
        show_unit(py, del(py, &a(py), "__module__"))
    });
}

#[test]
fn builtin_module() {
    check("type.module_builtin", |py| {
        show(py, get(py, &ty(py, py.builtins().int()), "__module__"))
    });
}

#[test]
fn doc_assignment() {
    check("type.doc_set", |py| {
        let t = a(py);
        set(py, &t, "__doc__", &s(py, "banana")).unwrap();
        show(py, get(py, &t, "__doc__"))
    });
}

#[test]
fn doc_cannot_be_deleted() {
    check("type.doc_del", |py| {
        show_unit(py, del(py, &a(py), "__doc__"))
    });
}

#[test]
fn doc_defaults_to_none() {
    check("type.doc_default", |py| {
        show(py, get(py, &a(py), "__doc__"))
    });
}

#[test]
fn doc_of_an_immutable_type() {
    check("type.doc_immutable", |py| {
        show_unit(
            py,
            set(py, &ty(py, py.builtins().list()), "__doc__", &s(py, "x")),
        )
    });
}

#[test]
fn name_of_an_immutable_type() {
    check("type.name_immutable", |py| {
        show_unit(
            py,
            set(py, &ty(py, py.builtins().int()), "__name__", &s(py, "x")),
        )
    });
}

#[test]
fn name_deletion_on_an_immutable_type() {
    check("type.name_immutable_del", |py| {
        show_unit(py, del(py, &ty(py, py.builtins().int()), "__name__"))
    });
}

#[test]
fn annotations_default_to_a_stored_empty_dict() {
    check("type.annotations_default", |py| {
        let t = a(py);
        let ann = get(py, &t, "__annotations__").unwrap();
        let d = t
            .downcast::<pyrt::TypeObject>()
            .unwrap()
            .tp_dict
            .get(py)
            .unwrap();
        let present = d.get_item(py, &s(py, "__annotations__")).unwrap().is_some();
        repr(
            py,
            &tuple(py, &[ann, pyrt::protocol::bool_obj(py, present)]),
        )
    });
}

#[test]
fn annotations_assignment() {
    check("type.annotations_set", |py| {
        let t = a(py);
        set(py, &t, "__annotations__", &i(py, 1)).unwrap();
        show(py, get(py, &t, "__annotations__"))
    });
}

#[test]
fn annotations_deletion() {
    check("type.annotations_del", |py| {
        let t = a(py);
        set(py, &t, "__annotations__", &i(py, 1)).unwrap();
        del(py, &t, "__annotations__").unwrap();
        let d = t
            .downcast::<pyrt::TypeObject>()
            .unwrap()
            .tp_dict
            .get(py)
            .unwrap();
        let present = d.get_item(py, &s(py, "__annotations__")).unwrap().is_some();
        repr(py, &pyrt::protocol::bool_obj(py, present))
    });
}

#[test]
fn annotations_deletion_when_absent() {
    check("type.annotations_del_missing", |py| {
        show_unit(py, del(py, &a(py), "__annotations__"))
    });
}

#[test]
fn static_types_have_no_annotations() {
    check("type.annotations_static", |py| {
        show(py, get(py, &ty(py, py.builtins().int()), "__annotations__"))
    });
}

#[test]
fn class_text_signature() {
    check("type.text_signature_class", |py| {
        show(py, get(py, &a(py), "__text_signature__"))
    });
}

#[test]
fn int_text_signature() {
    check("type.text_signature_int", |py| {
        show(
            py,
            get(py, &ty(py, py.builtins().int()), "__text_signature__"),
        )
    });
}

#[test]
fn itemsize_and_basicsize() {
    check("type.basicsize_itemsize", |py| {
        let t = ty(py, py.builtins().tuple());
        let b = get(py, &ty(py, py.builtins().int()), "__basicsize__").unwrap();
        repr(
            py,
            &tuple(
                py,
                &[
                    get(py, &t, "__itemsize__").unwrap(),
                    b.get_type().into_any(),
                ],
            ),
        )
    });
}

#[test]
fn base() {
    check("type.base", |py| {
        let items = [
            get(py, &a(py), "__base__").unwrap(),
            get(py, &ty(py, py.builtins().int()), "__base__").unwrap(),
            get(py, &ty(py, py.builtins().object()), "__base__").unwrap(),
        ];
        repr(py, &tuple(py, &items))
    });
}

#[test]
fn bases() {
    check("type.bases", |py| {
        let b = cls(py, "B", &[&a(py)], &[]);
        let items = [
            get(py, &b, "__bases__").unwrap(),
            get(py, &ty(py, py.builtins().object()), "__bases__").unwrap(),
        ];
        repr(py, &tuple(py, &items))
    });
}

#[test]
fn mro_attribute() {
    check("type.mro_attr", |py| {
        show(py, get(py, &cls(py, "B", &[&a(py)], &[]), "__mro__"))
    });
}

#[test]
fn mro_method() {
    check("type.mro_method", |py| {
        show(
            py,
            pyrt::call::call_method(py, &cls(py, "B", &[&a(py)], &[]), "mro", &[]),
        )
    });
}

#[test]
fn unbound_mro() {
    check("type.mro_unbound", |py| {
        show(
            py,
            callf(
                py,
                &get(py, &ty(py, py.builtins().type_()), "mro").unwrap(),
                &[],
            ),
        )
    });
}

#[test]
fn subclasses_in_creation_order() {
    check("type.subclasses", |py| {
        let t = a(py);
        let _b = cls(py, "B", &[&t], &[]);
        let _c = cls(py, "C", &[&t], &[]);
        show(py, pyrt::call::call_method(py, &t, "__subclasses__", &[]))
    });
}

#[test]
fn no_subclasses() {
    check("type.subclasses_none", |py| {
        show(
            py,
            pyrt::call::call_method(py, &a(py), "__subclasses__", &[]),
        )
    });
}

#[test]
fn dict_is_a_proxy() {
    check("type.dict_type", |py| {
        repr(
            py,
            &get(py, &a(py), "__dict__").unwrap().get_type().into_any(),
        )
    });
}

#[test]
fn class_dict_keys() {
    check("type.dict_keys", |py| {
        let d = get(py, &a(py), "__dict__").unwrap();
        show(py, pyrt::call::call_method(py, &d, "keys", &[]))
    });
}

#[test]
fn dict_is_not_writable() {
    check("type.dict_readonly", |py| {
        show_unit(py, set(py, &a(py), "__dict__", &i(py, 1)))
    });
}

#[test]
fn mro_is_read_only() {
    check("type.mro_readonly", |py| {
        show_unit(py, set(py, &a(py), "__mro__", &tuple(py, &[])))
    });
}

#[test]
fn base_is_read_only() {
    check("type.base_readonly", |py| {
        show_unit(
            py,
            set(py, &a(py), "__base__", &ty(py, py.builtins().int())),
        )
    });
}

#[test]
fn flags_are_read_only() {
    check("type.flags_readonly", |py| {
        show_unit(py, set(py, &a(py), "__flags__", &i(py, 1)))
    });
}

#[test]
fn text_signature_is_not_writable() {
    check("type.text_signature_readonly", |py| {
        show_unit(py, set(py, &a(py), "__text_signature__", &i(py, 1)))
    });
}

#[test]
fn abstractmethods_absent() {
    check("type.abstractmethods_missing", |py| {
        show(py, get(py, &a(py), "__abstractmethods__"))
    });
}

#[test]
fn abstractmethods_of_type() {
    check("type.abstractmethods_type", |py| {
        show(
            py,
            get(py, &ty(py, py.builtins().type_()), "__abstractmethods__"),
        )
    });
}

#[test]
fn abstractmethods_make_the_type_abstract() {
    check("type.abstractmethods_set", |py| {
        let t = a(py);
        set(py, &t, "__abstractmethods__", &tuple(py, &[s(py, "f")])).unwrap();
        show(py, callf(py, &t, &[]))
    });
}

#[test]
fn deleting_abstractmethods_makes_it_concrete() {
    check("type.abstractmethods_del", |py| {
        let t = a(py);
        set(py, &t, "__abstractmethods__", &tuple(py, &[s(py, "f")])).unwrap();
        del(py, &t, "__abstractmethods__").unwrap();
        repr(py, &new(py, &t, &[]).get_type().into_any())
    });
}

fn reprs(py: Python<'_>, names: &[&str]) -> String {
    let items: Vec<_> = names
        .iter()
        .map(|n| s(py, &repr(py, &raw(py, py.builtins().type_(), n))))
        .collect();
    repr(py, &tuple(py, &items))
}

#[test]
fn getset_descriptors_of_type() {
    check("type.getset_reprs", |py| {
        reprs(
            py,
            &[
                "__name__",
                "__qualname__",
                "__bases__",
                "__module__",
                "__dict__",
                "__doc__",
                "__text_signature__",
                "__annotations__",
                "__abstractmethods__",
            ],
        )
    });
}

#[test]
fn member_descriptors_of_type() {
    check("type.member_reprs", |py| {
        reprs(
            py,
            &[
                "__basicsize__",
                "__itemsize__",
                "__flags__",
                "__weakrefoffset__",
                "__base__",
                "__dictoffset__",
                "__mro__",
            ],
        )
    });
}

#[test]
fn method_descriptors_of_type() {
    check("type.method_reprs", |py| {
        reprs(py, &["mro", "__subclasses__"])
    });
}

#[test]
fn layout_members_read_the_type_fields() {
    pyrt::Runtime::with(|py| {
        let t = a(py);
        let tp = t.downcast::<pyrt::TypeObject>().unwrap();
        let m = |n| int_of(&get(py, &t, n).unwrap());
        assert_eq!(m("__basicsize__"), tp.tp_basicsize.get() as i64);
        assert_eq!(m("__dictoffset__"), tp.tp_dictoffset.get() as i64);
        assert_eq!(m("__weakrefoffset__"), tp.tp_weaklistoffset.get() as i64);
        assert_eq!(m("__flags__"), tp.tp_flags.get() as i64);
        assert_eq!(m("__itemsize__"), 0);
    });
}
