//! `member_descriptor` and `getset_descriptor` against CPython 3.11's recorded outcomes
//! (`fixtures/descr_expected.txt`, recorded by `fixtures/record_descr.py`), plus the
//! member kinds CPython's classes cannot show (`Ssize`, `I64`, `Bool`, read-only,
//! `Object`) on a type from a spec, and the spec's member validation. Each test checks
//! that it frees every object it allocates.

mod descr_support;

use descr_support::*;
use pyrt::types::{MemberDef, MemberKind, SlotId, SlotValue};
use pyrt::{Bound, PyAny, Python, Slot, TypeFlags, TypeSpec, from_spec};

fn slotted<'py>(py: Python<'py>) -> Bound<'py, PyAny> {
    cls(py, "A", &[], &[("__slots__", tuple(py, &[s(py, "x")]))])
}

#[test]
fn member_repr() {
    check("member.repr", |py| {
        repr_expr(py, &get(py, &slotted(py), "x").unwrap())
    });
}

#[test]
fn member_type() {
    check("member.type", |py| {
        repr(
            py,
            &get(py, &slotted(py), "x").unwrap().get_type().into_any(),
        )
    });
}

#[test]
fn unset_member_raises_attribute_error() {
    check("member.unset", |py| {
        show(py, get(py, &new(py, &slotted(py), &[]), "x"))
    });
}

#[test]
fn member_set_then_get() {
    check("member.set_get", |py| {
        let a = new(py, &slotted(py), &[]);
        set(py, &a, "x", &i(py, 5)).unwrap();
        show(py, get(py, &a, "x"))
    });
}

#[test]
fn deleting_an_unset_member() {
    check("member.delete_unset", |py| {
        show_unit(py, del(py, &new(py, &slotted(py), &[]), "x"))
    });
}

#[test]
fn deleting_a_member_twice() {
    check("member.delete_twice", |py| {
        let a = new(py, &slotted(py), &[]);
        set(py, &a, "x", &i(py, 1)).unwrap();
        del(py, &a, "x").unwrap();
        show_unit(py, del(py, &a, "x"))
    });
}

#[test]
fn member_get_checks_the_instance() {
    check("member.wrong_instance_get", |py| {
        let d = get(py, &slotted(py), "x").unwrap();
        show(py, dget(py, &d, Some(&i(py, 1)), None))
    });
}

#[test]
fn member_set_checks_the_instance() {
    check("member.wrong_instance_set", |py| {
        let d = get(py, &slotted(py), "x").unwrap();
        show_unit(py, dset(py, &d, &i(py, 1), Some(&i(py, 2))))
    });
}

#[test]
fn member_get_on_the_class_is_the_descriptor() {
    check("member.class_get", |py| {
        let a = slotted(py);
        let d = raw(py, a.downcast::<pyrt::TypeObject>().unwrap(), "x");
        let r = dget(py, &d, None, Some(&a)).unwrap();
        if r.is(&d) { "True" } else { "False" }.to_owned()
    });
}

#[test]
fn member_name() {
    check("member.name", |py| {
        show(
            py,
            get(py, &get(py, &slotted(py), "x").unwrap(), "__name__"),
        )
    });
}

#[test]
fn member_qualname() {
    check("member.qualname", |py| {
        show(
            py,
            get(py, &get(py, &slotted(py), "x").unwrap(), "__qualname__"),
        )
    });
}

#[test]
fn member_objclass() {
    check("member.objclass", |py| {
        show(
            py,
            get(py, &get(py, &slotted(py), "x").unwrap(), "__objclass__"),
        )
    });
}

#[test]
fn member_doc() {
    check("member.doc", |py| {
        show(py, get(py, &get(py, &slotted(py), "x").unwrap(), "__doc__"))
    });
}

#[test]
fn readonly_member_refuses_assignment() {
    check("member.readonly_set", |py| {
        let a = cls(py, "A", &[], &[]);
        show_unit(py, set(py, &a, "__basicsize__", &i(py, 3)))
    });
}

#[test]
fn readonly_member_refuses_deletion() {
    check("member.readonly_del", |py| {
        show_unit(py, del(py, &cls(py, "A", &[], &[]), "__basicsize__"))
    });
}

#[test]
fn readonly_member_repr() {
    check("member.readonly_repr", |py| {
        repr_expr(py, &raw(py, py.builtins().type_(), "__basicsize__"))
    });
}

#[test]
fn ssize_member_reads() {
    check("member.ssize_read", |py| {
        show(py, get(py, &ty(py, py.builtins().tuple()), "__itemsize__"))
    });
}

// ------------------------------------------------------------ getset_descriptor

#[test]
fn getset_repr() {
    check("getset.repr", |py| {
        repr_expr(py, &raw(py, py.builtins().type_(), "__name__"))
    });
}

#[test]
fn getset_type() {
    check("getset.type", |py| {
        repr(
            py,
            &raw(py, py.builtins().type_(), "__name__")
                .get_type()
                .into_any(),
        )
    });
}

#[test]
fn getset_checks_the_instance() {
    check("getset.wrong_instance", |py| {
        let d = raw(py, py.builtins().type_(), "__name__");
        show(py, dget(py, &d, Some(&i(py, 1)), None))
    });
}

#[test]
fn getset_without_setter_refuses_assignment() {
    check("getset.not_writable", |py| {
        show_unit(
            py,
            set(py, &cls(py, "A", &[], &[]), "__dict__", &dict(py, &[])),
        )
    });
}

#[test]
fn getset_without_setter_refuses_deletion() {
    check("getset.not_writable_delete", |py| {
        let a = cls(py, "A", &[], &[]);
        show_unit(py, del(py, &new(py, &a, &[]), "__weakref__"))
    });
}

#[test]
fn getset_qualname() {
    check("getset.qualname", |py| {
        show(
            py,
            get(
                py,
                &raw(py, py.builtins().type_(), "__name__"),
                "__qualname__",
            ),
        )
    });
}

#[test]
fn class_dict_getset_repr() {
    check("getset.class_repr", |py| {
        let a = cls(py, "A", &[], &[]);
        repr_expr(
            py,
            &raw(py, a.downcast::<pyrt::TypeObject>().unwrap(), "__dict__"),
        )
    });
}

#[test]
fn class_dict_getset_doc() {
    check("getset.dict_doc", |py| {
        let a = cls(py, "A", &[], &[]);
        let d = raw(py, a.downcast::<pyrt::TypeObject>().unwrap(), "__dict__");
        show(py, get(py, &d, "__doc__"))
    });
}

// ------------------------------------------------------------ member kinds on a spec type
// CPython's classes only make object members; these kinds follow the messages recorded
// with `_testcapi._test_structmembersType` (see record_descr.py's header comment and
// the expectations written inline below, taken from the same CPython 3.11 run).

static KIND_MEMBERS: [MemberDef; 5] = [
    MemberDef {
        name: "n",
        kind: MemberKind::Ssize,
        offset: 16,
        readonly: false,
        doc: Some("an ssize"),
    },
    MemberDef {
        name: "big",
        kind: MemberKind::I64,
        offset: 24,
        readonly: false,
        doc: None,
    },
    MemberDef {
        name: "flag",
        kind: MemberKind::Bool,
        offset: 32,
        readonly: false,
        doc: None,
    },
    MemberDef {
        name: "obj",
        kind: MemberKind::Object,
        offset: 40,
        readonly: false,
        doc: None,
    },
    MemberDef {
        name: "ro",
        kind: MemberKind::Ssize,
        offset: 16,
        readonly: true,
        doc: None,
    },
];

fn kinds_type(py: Python<'_>) -> Bound<'_, PyAny> {
    let slots = [Slot::new(
        SlotId::TP_MEMBERS,
        SlotValue::Members(&KIND_MEMBERS),
    )];
    let spec = TypeSpec {
        name: "mod.Kinds",
        basicsize: 48,
        itemsize: 0,
        flags: TypeFlags::DEFAULT,
        slots: &slots,
    };
    from_spec(py, &spec, None, None, None).unwrap().into_any()
}

/// Runs `f` on a fresh `mod.Kinds` instance and checks nothing leaks. The object
/// member is cleared by `f` (spec types release no member fields themselves).
fn with_kinds(f: impl for<'py> FnOnce(Python<'py>, &Bound<'py, PyAny>)) {
    pyrt::Runtime::with(|py| {
        pyrt::gc::collect(py, 2);
        let before = py.live_objects();
        {
            let t = kinds_type(py);
            let o = new(py, &t, &[]);
            f(py, &o);
        }
        pyrt::gc::collect(py, 2);
        assert_eq!(py.live_objects(), before);
    });
}

#[test]
fn ssize_member_round_trip_and_messages() {
    with_kinds(|py, o| {
        assert_eq!(int_of(&get(py, o, "n").unwrap()), 0);
        set(py, o, "n", &i(py, -7)).unwrap();
        assert_eq!(int_of(&get(py, o, "n").unwrap()), -7);
        assert_eq!(
            show_unit(py, set(py, o, "n", &s(py, "x"))),
            "TypeError: an integer is required"
        );
        assert_eq!(
            show_unit(py, del(py, o, "n")),
            "TypeError: can't delete numeric/char attribute"
        );
    });
}

#[test]
fn i64_member_round_trip_and_messages() {
    with_kinds(|py, o| {
        set(py, o, "big", &i(py, i64::MIN)).unwrap();
        assert_eq!(int_of(&get(py, o, "big").unwrap()), i64::MIN);
        assert_eq!(
            show_unit(py, set(py, o, "big", &s(py, "x"))),
            "TypeError: 'str' object cannot be interpreted as an integer"
        );
        set(py, o, "big", &pyrt::protocol::bool_obj(py, true)).unwrap();
        assert_eq!(int_of(&get(py, o, "big").unwrap()), 1);
    });
}

#[test]
fn bool_member_round_trip_and_messages() {
    with_kinds(|py, o| {
        assert_eq!(repr(py, &get(py, o, "flag").unwrap()), "False");
        set(py, o, "flag", &pyrt::protocol::bool_obj(py, true)).unwrap();
        assert_eq!(repr(py, &get(py, o, "flag").unwrap()), "True");
        assert_eq!(
            show_unit(py, set(py, o, "flag", &i(py, 1))),
            "TypeError: attribute value type must be bool"
        );
        assert_eq!(
            show_unit(py, del(py, o, "flag")),
            "TypeError: can't delete numeric/char attribute"
        );
    });
}

#[test]
fn object_member_reads_none_when_unset_and_deletes_silently() {
    with_kinds(|py, o| {
        assert_eq!(repr(py, &get(py, o, "obj").unwrap()), "None");
        set(py, o, "obj", &list(py, &[i(py, 1)])).unwrap();
        assert_eq!(repr(py, &get(py, o, "obj").unwrap()), "[1]");
        del(py, o, "obj").unwrap();
        del(py, o, "obj").unwrap();
        assert_eq!(repr(py, &get(py, o, "obj").unwrap()), "None");
    });
}

#[test]
fn readonly_member_shares_the_field() {
    with_kinds(|py, o| {
        set(py, o, "n", &i(py, 9)).unwrap();
        assert_eq!(int_of(&get(py, o, "ro").unwrap()), 9);
        assert_eq!(
            show_unit(py, set(py, o, "ro", &i(py, 1))),
            "AttributeError: readonly attribute"
        );
        assert_eq!(
            show_unit(py, del(py, o, "ro")),
            "AttributeError: readonly attribute"
        );
    });
}

#[test]
fn member_doc_comes_from_the_definition() {
    with_kinds(|py, o| {
        let d = get(py, &o.get_type().into_any(), "n").unwrap();
        assert_eq!(repr(py, &get(py, &d, "__doc__").unwrap()), "'an ssize'");
    });
}

fn spec_with_members(py: Python<'_>, members: &'static [MemberDef], basicsize: i32) -> String {
    let slots = [Slot::new(SlotId::TP_MEMBERS, SlotValue::Members(members))];
    let spec = TypeSpec {
        name: "mod.Bad",
        basicsize,
        itemsize: 0,
        flags: TypeFlags::DEFAULT,
        slots: &slots,
    };
    match from_spec(py, &spec, None, None, None) {
        Ok(_) => "ok".to_owned(),
        Err(e) => err_text(py, &e),
    }
}

static OUTSIDE: [MemberDef; 1] = [MemberDef {
    name: "x",
    kind: MemberKind::I64,
    offset: 24,
    readonly: false,
    doc: None,
}];
static IN_HEADER: [MemberDef; 1] = [MemberDef {
    name: "x",
    kind: MemberKind::Object,
    offset: 8,
    readonly: false,
    doc: None,
}];
static MISALIGNED: [MemberDef; 1] = [MemberDef {
    name: "x",
    kind: MemberKind::Object,
    offset: 20,
    readonly: false,
    doc: None,
}];
static CONFLICTING: [MemberDef; 2] = [
    MemberDef {
        name: "x",
        kind: MemberKind::Object,
        offset: 16,
        readonly: false,
        doc: None,
    },
    MemberDef {
        name: "y",
        kind: MemberKind::I64,
        offset: 16,
        readonly: false,
        doc: None,
    },
];

#[test]
fn from_spec_refuses_members_outside_the_types_own_fields() {
    pyrt::Runtime::with(|py| {
        let msg = |m, o| {
            format!(
                "SystemError: mod.Bad: member 'x' at offset {o} is not a field of the type's own instance layout{m}"
            )
        };
        assert_eq!(spec_with_members(py, &OUTSIDE, 24), msg("", 24));
        assert_eq!(spec_with_members(py, &IN_HEADER, 24), msg("", 8));
        assert_eq!(spec_with_members(py, &MISALIGNED, 32), msg("", 20));
        assert_eq!(spec_with_members(py, &CONFLICTING, 24), msg("", 16));
        pyrt::gc::collect(py, 2);
    });
}
