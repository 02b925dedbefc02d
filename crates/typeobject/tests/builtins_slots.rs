//! Tests of the builtin types' behaviour slots: the installer (flags, sub-tables),
//! `object`, and `NoneType`/`NotImplementedType`. The other `builtins_*` test files
//! cover the exceptions, `int`/`bool` (and `int()`), `str`, `tuple`, `list` and `dict`.
//!
//! Every expected repr, message and value comes from CPython 3.11: it is printed by
//! `tests/fixtures/record_builtins.py` (run with python3; its output is committed as
//! `tests/fixtures/builtins_expected.txt`) under the id quoted in the comment next to
//! each check. pyrt's deliberate differences are marked "pyrt:". The types are not
//! readied in these tests, so no slot is inherited: where CPython would inherit a slot,
//! the test calls it on the type that defines it.
//! Each test checks, through `builtins_support::run`, that it frees every object it
//! allocates.

mod builtins_support;

use builtins_support::*;
use pyrt_core::builtins::{DictObject, intern, str_new};
use pyrt_core::types::{CompareOp, TypeFlags, TypeObject};
use pyrt_core::{Bound, PyResult, Python};
use pyrt_typeobject::builtins::{
    object_hash, object_init, object_new, object_repr, object_richcompare, object_str,
};

const FLAGS: [(TypeFlags, &str); 4] = [
    (TypeFlags::SEQUENCE, "SEQUENCE"),
    (TypeFlags::MAPPING, "MAPPING"),
    (TypeFlags::BASETYPE, "BASETYPE"),
    (TypeFlags::MATCH_SELF, "MATCH_SELF"),
];

fn flag_names(tp: &TypeObject) -> Vec<&'static str> {
    FLAGS
        .iter()
        .filter(|(f, _)| tp.has_flag(*f))
        .map(|(_, n)| *n)
        .collect()
}

#[test]
fn behavioural_flags_match_cpython() {
    run(|py| {
        let b = py.builtins();
        // flags[...]
        let cases: [(&TypeObject, &[&str]); 13] = [
            (b.object(), &["BASETYPE"]),
            (b.type_(), &["BASETYPE"]),
            (b.none_type(), &[]),
            (b.not_implemented_type(), &[]),
            (b.int(), &["BASETYPE", "MATCH_SELF"]),
            (b.bool_(), &["MATCH_SELF"]),
            (b.str_(), &["BASETYPE", "MATCH_SELF"]),
            (b.tuple(), &["SEQUENCE", "BASETYPE", "MATCH_SELF"]),
            (b.list(), &["SEQUENCE", "BASETYPE", "MATCH_SELF"]),
            (b.dict(), &["MAPPING", "BASETYPE", "MATCH_SELF"]),
            (b.base_exception(), &["BASETYPE"]),
            (b.value_error(), &["BASETYPE"]),
            (b.key_error(), &["BASETYPE"]),
        ];
        for (tp, want) in cases {
            assert_eq!(flag_names(tp), want, "{}", tp.name_string());
        }
    });
}

#[test]
fn subtables_only_where_slots_are_defined() {
    run(|py| {
        let b = py.builtins();
        let has = |tp: &TypeObject| {
            (
                tp.number().is_some(),
                tp.sequence().is_some(),
                tp.mapping().is_some(),
                tp.async_().is_some() || tp.buffer().is_some(),
            )
        };
        assert_eq!(has(b.object()), (false, false, false, false));
        assert_eq!(has(b.int()), (true, false, false, false));
        assert_eq!(has(b.bool_()), (true, false, false, false));
        assert_eq!(has(b.str_()), (false, true, true, false));
        assert_eq!(has(b.tuple()), (false, true, true, false));
        assert_eq!(has(b.list()), (false, true, true, false));
        assert_eq!(has(b.dict()), (true, true, true, false));
        assert_eq!(has(b.none_type()), (true, false, false, false));
        assert_eq!(has(b.value_error()), (false, false, false, false));
        // Each table is the type's own inline storage.
        assert!(std::ptr::eq(b.int().number().unwrap(), &b.int().as_number));
        assert!(std::ptr::eq(
            b.list().sequence().unwrap(),
            &b.list().as_sequence
        ));
    });
}

#[test]
fn install_is_idempotent() {
    run(|py| {
        pyrt_typeobject::builtins::install_behaviour_slots(py);
        assert!(py.builtins().int().number().unwrap().nb_add.get().is_some());
        assert_eq!(repr(py, &int(py, 3)), "3");
    });
}

fn addr(o: &Bound<'_>) -> usize {
    o.as_any_ref().addr()
}

fn new_object(py: Python<'_>) -> Bound<'_> {
    call_new(py, py.builtins().object(), &[], &[]).unwrap()
}

#[test]
fn object_repr_static_and_heap() {
    run(|py| {
        // object.repr.static: <object object at 0x<addr>>
        let o = new_object(py);
        let want = format!("<object object at {:#x}>", addr(&o));
        assert_eq!(repr(py, &o), want);
        assert_eq!(text(&object_repr(py, &o).unwrap()), want);
        assert!(want.starts_with("<object object at 0x"));

        let a = heap_type(py, "A", TypeFlags(0));
        let inst = call_new(py, &a, &[], &[]).unwrap();
        // No __module__ in the dict: the bare name.
        assert_eq!(repr(py, &inst), format!("<A object at {:#x}>", addr(&inst)));
        // object.repr.heap: <__main__.A object at 0x<addr>>
        let d = pyrt_core::builtins::dict_new(py).unwrap();
        let module_key = intern(py, "__module__").unwrap().into_any();
        d.set_item(py, &module_key, &s(py, "__main__")).unwrap();
        a.tp_dict.set(py, Some(d.clone()));
        assert_eq!(
            repr(py, &inst),
            format!("<__main__.A object at {:#x}>", addr(&inst))
        );
        // object.repr.qualname: <__main__.Outer.Inner object at 0x<addr>>
        a.ht_qualname
            .set(py, Some(str_new(py, "Outer.Inner").unwrap()));
        let want = format!("<__main__.Outer.Inner object at {:#x}>", addr(&inst));
        assert_eq!(repr(py, &inst), want);
        // object.str.uses_repr
        assert_eq!(str_(py, &inst), want);
        assert_eq!(text(&object_str(py, &inst).unwrap()), want);
        a.ht_qualname.set(py, None);
        // object.repr.module_builtins: <A object at 0x<addr>>
        d.set_item(py, &module_key, &s(py, "builtins")).unwrap();
        assert_eq!(repr(py, &inst), format!("<A object at {:#x}>", addr(&inst)));
        // object.repr.module_not_str: <A object at 0x<addr>>
        d.set_item(py, &module_key, &int(py, 5)).unwrap();
        assert_eq!(repr(py, &inst), format!("<A object at {:#x}>", addr(&inst)));
        // A builtin-style heap type shows its full tp_name, like a static type.
        // SAFETY: BUILTIN_STYLE governs naming only; no layout depends on it.
        unsafe { a.add_flags(TypeFlags::BUILTIN_STYLE) };
        d.set_item(py, &module_key, &s(py, "__main__")).unwrap();
        assert_eq!(repr(py, &inst), format!("<A object at {:#x}>", addr(&inst)));
        drop((inst, d));
        free_type(py, a);
    });
}

#[test]
fn object_hash_is_address_rotated() {
    run(|py| {
        // object.hash.is_id_shift4: True (objects are 16-byte aligned)
        let o = new_object(py);
        let h = object_hash(py, &o).unwrap();
        assert_eq!(addr(&o) % 16, 0);
        assert_eq!(h, (addr(&o) >> 4) as isize);
        assert_eq!(
            py.builtins().object().tp_hash.get().unwrap()(py, &o).unwrap(),
            h
        );
        // none.hash_is_id_shift4: True, through object's slot (inherited in CPython).
        let n = none(py);
        assert_eq!(object_hash(py, &n).unwrap(), (addr(&n) >> 4) as isize);
        // none.dict_has_hash: False, so NoneType defines no tp_hash of its own.
        assert!(py.builtins().none_type().tp_hash.get().is_none());
    });
}

fn eq_five<'py>(
    py: Python<'py>,
    _a: &Bound<'py>,
    _b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    match op {
        CompareOp::Eq => Ok(int(py, 5)),
        _ => object_richcompare(py, _a, _b, op),
    }
}

fn eq_not_implemented<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    match op {
        CompareOp::Eq => Ok(Bound::from_ref(py, py.singletons().not_implemented())),
        _ => object_richcompare(py, a, b, op),
    }
}

#[test]
fn object_richcompare_identity_and_ne() {
    run(|py| {
        let (o, one) = (new_object(py), int(py, 1));
        let cmp =
            |a: &Bound<'_>, b: &Bound<'_>, op| repr(py, &object_richcompare(py, a, b, op).unwrap());
        assert_eq!(cmp(&o, &o, CompareOp::Eq), "True"); // object.eq.self
        assert_eq!(cmp(&o, &one, CompareOp::Eq), "NotImplemented"); // object.eq.other
        assert_eq!(cmp(&o, &o, CompareOp::Ne), "False"); // object.ne.self
        assert_eq!(cmp(&o, &one, CompareOp::Ne), "NotImplemented"); // object.ne.other
        assert_eq!(cmp(&o, &o, CompareOp::Lt), "NotImplemented"); // object.lt
        // object.ne.negates_eq: a type whose == returns 5 gives != False.
        let q = heap_type(py, "EqFive", TypeFlags(0));
        q.tp_richcompare.set(Some(eq_five));
        let qi = call_new(py, &q, &[], &[]).unwrap();
        assert_eq!(cmp(&qi, &qi, CompareOp::Ne), "False");
        // object.ne.eq_not_implemented
        q.tp_richcompare.set(Some(eq_not_implemented));
        assert_eq!(cmp(&qi, &qi, CompareOp::Ne), "NotImplemented");
        drop(qi);
        free_type(py, q);
    });
}

fn custom_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    _a: &Bound<'py, pyrt_core::builtins::TupleObject>,
    _k: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    let empty = args(py, &[]);
    object_new(py, tp, &empty, None)
}

fn custom_init<'py>(
    _py: Python<'py>,
    _o: &Bound<'py>,
    _a: &Bound<'py, pyrt_core::builtins::TupleObject>,
    _k: Option<&Bound<'py, DictObject>>,
) -> PyResult<()> {
    Ok(())
}

/// `object.__new__(tp, *pos)` and `object.__init__(inst, *pos)` outcomes.
fn new_and_init<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>, kw: bool) -> (String, String) {
    let one = int(py, 1);
    let a = args(py, if kw { &[] } else { std::slice::from_ref(&one) });
    let k = kw.then(|| kwargs(py, &[("x", one.clone())]));
    let new = match object_new(py, tp, &a, k.as_ref()) {
        Ok(o) => o.type_name(),
        Err(e) => err::<()>(py, Err(e)),
    };
    let inst = custom_new(py, tp, &a, None).unwrap();
    let init = match object_init(py, &inst, &a, k.as_ref()) {
        Ok(()) => "None".to_owned(),
        Err(e) => err::<()>(py, Err(e)),
    };
    (new, init)
}

#[test]
fn object_new_and_init_excess_arguments() {
    run(|py| {
        const NEW1: &str =
            "TypeError: object.__new__() takes exactly one argument (the type to instantiate)";
        const INIT1: &str =
            "TypeError: object.__init__() takes exactly one argument (the instance to initialize)";
        let plain = heap_type(py, "A", TypeFlags(0));
        // object.new.plain_args / object.init.plain_args / object.init.plain_kwargs
        let (n, i) = new_and_init(py, &plain, false);
        assert_eq!(n, "TypeError: A() takes no arguments");
        assert_eq!(
            i,
            "TypeError: A.__init__() takes exactly one argument (the instance to initialize)"
        );
        let (_, i) = new_and_init(py, &plain, true);
        assert_eq!(
            i,
            "TypeError: A.__init__() takes exactly one argument (the instance to initialize)"
        );
        // object.new.over_init_ok / object.init.over_init
        plain.tp_init.set(Some(custom_init));
        assert_eq!(
            new_and_init(py, &plain, false),
            ("A".to_owned(), INIT1.to_owned())
        );
        // object.new.over_both / object.init.over_both
        plain.tp_new.set(Some(custom_new));
        assert_eq!(
            new_and_init(py, &plain, false),
            (NEW1.to_owned(), INIT1.to_owned())
        );
        // object.new.over_new / object.init.over_new_ok
        plain.tp_init.set(py.builtins().object().tp_init.get());
        assert_eq!(
            new_and_init(py, &plain, false),
            (NEW1.to_owned(), "None".to_owned())
        );
        free_type(py, plain);
        // object.new.object_args / object.new.object_kwargs / object.init.object_args
        let object = Bound::from_ref(py, py.builtins().object());
        assert_eq!(
            new_and_init(py, &object, false),
            (
                "TypeError: object() takes no arguments".to_owned(),
                INIT1.to_owned()
            )
        );
        assert_eq!(
            new_and_init(py, &object, true).0,
            "TypeError: object() takes no arguments"
        );
        // object.init.no_args_ok
        let o = new_object(py);
        assert!(object_init(py, &o, &args(py, &[]), None).is_ok());
        // An empty kwargs dict is no argument.
        let empty = kwargs(py, &[]);
        assert!(object_init(py, &o, &args(py, &[]), Some(&empty)).is_ok());
    });
}

#[test]
fn object_new_refuses_abstract_types() {
    run(|py| {
        let abs = heap_type(py, "Abs", TypeFlags::IS_ABSTRACT);
        let d = pyrt_core::builtins::dict_new(py).unwrap();
        let key = intern(py, "__abstractmethods__").unwrap().into_any();
        let names = tup(py, &[s(py, "zeta"), s(py, "alpha"), s(py, "Beta")]);
        d.set_item(py, &key, &names).unwrap();
        abs.tp_dict.set(py, Some(d.clone()));
        // object.new.abstract_many
        assert_eq!(
            err(py, call_new(py, &abs, &[], &[])),
            "TypeError: Can't instantiate abstract class Abs with abstract methods Beta, alpha, zeta"
        );
        // object.new.abstract_one (CPython's class there is Abs1; a list is read too)
        d.set_item(py, &key, &list(py, &[s(py, "f")])).unwrap();
        assert_eq!(
            err(py, call_new(py, &abs, &[], &[])),
            "TypeError: Can't instantiate abstract class Abs with abstract method f"
        );
        // object.new.abstract_with_args (Abs1 there): the argument check comes first.
        assert_eq!(
            err(py, call_new(py, &abs, &[int(py, 1)], &[])),
            "TypeError: Abs() takes no arguments"
        );
        // Names that cannot be read (pyrt has no frozenset yet): the short form.
        d.set_item(py, &key, &int(py, 0)).unwrap();
        assert_eq!(
            err(py, call_new(py, &abs, &[], &[])),
            "TypeError: Can't instantiate abstract class Abs"
        );
        drop(d);
        free_type(py, abs);
    });
}

#[test]
fn none_and_not_implemented() {
    run(|py| {
        let b = py.builtins();
        let n = none(py);
        let ni = Bound::from_ref(py, py.singletons().not_implemented());
        // none.repr: ('None', 'NotImplemented')
        assert_eq!(repr(py, &n), "None");
        assert_eq!(repr(py, &ni), "NotImplemented");
        // none.bool: False
        assert!(!nb(b.none_type()).nb_bool.get().unwrap()(py, &n).unwrap());
        assert!(nb(b.not_implemented_type()).nb_bool.get().unwrap()(py, &ni).unwrap());
        // NoneType() is None, NotImplementedType() is NotImplemented (CPython 3.11);
        // arguments are refused: "NoneType takes no arguments".
        assert!(call_new(py, b.none_type(), &[], &[]).unwrap().is(&n));
        assert!(
            call_new(py, b.not_implemented_type(), &[], &[])
                .unwrap()
                .is(&ni)
        );
        let e = call_new(py, b.none_type(), std::slice::from_ref(&n), &[]).unwrap_err();
        assert_eq!(e.message(py), "NoneType takes no arguments");
        assert!(!b.none_type().has_flag(TypeFlags::BASETYPE));
    });
}
