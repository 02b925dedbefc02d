//! Class-level rules of dunder → slot coupling: `__set_name__` and `__init_subclass__`
//! at class creation (with class keywords), and setting or deleting dunders after
//! creation re-fixing the slots of the class and of every subclass that does not define
//! the name itself. Expectations recorded from CPython by
//! `tests/fixtures/record_slots.py`.

mod common;
mod slot_support;

use common::checked;
use pyrt::ops::{self, BinOp};
use pyrt::types::CompareOp;
use pyrt::{Bound, PyErr, PyResult, Python, TypeObject};
use slot_support::*;

fn append(py: Python<'_>, log: &Bound<'_>, line: &str) {
    log.downcast::<pyrt::builtins::ListObject>()
        .unwrap()
        .append(&s(py, line));
}

fn set_name_logger<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let owner = a[1].downcast::<TypeObject>().unwrap();
    let log = getattr(py, &a[0], "log")?;
    append(
        py,
        &log,
        &format!("set_name {} {}", pyrt::names::name(py, owner), text(&a[2])),
    );
    Ok(none(py))
}

fn init_subclass_logger<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let cls = argv(args)[0].clone();
    let name = pyrt::names::name(py, cls.downcast::<TypeObject>().unwrap());
    let mut items = Vec::new();
    if let Some(k) = k {
        for (key, v) in k
            .downcast::<pyrt::builtins::DictObject>()
            .unwrap()
            .items(py)
        {
            items.push(format!(
                "({}, {})",
                ops::repr(py, &key)?.as_str(),
                ops::repr(py, &v)?.as_str()
            ));
        }
    }
    items.sort();
    let log = getattr(py, &cls, "log")?;
    append(
        py,
        &log,
        &format!("init_subclass {name} [{}]", items.join(", ")),
    );
    Ok(none(py))
}

#[test]
fn set_name_then_init_subclass_with_class_keywords() {
    checked(|py| {
        let log = list(py, &[]);
        let d = class(
            py,
            "D",
            &[],
            &[
                ("log", log.clone()),
                ("__set_name__", func(py, "sn", set_name_logger)),
            ],
        );
        let b = class(
            py,
            "B",
            &[],
            &[
                ("log", log.clone()),
                ("__init_subclass__", func(py, "isc", init_subclass_logger)),
            ],
        );
        let kw = ns(py, &[("flag", int(py, 1))]);
        let ns_c = ns(py, &[("d", new(py, &d, &[]).unwrap())]);
        let c = pyrt::new_class_with_kwargs(
            py,
            py.builtins().type_(),
            "C",
            &[obj(&b)],
            Some(&ns_c),
            Some(&kw),
        )
        .unwrap();
        drop(c);
        check(
            py,
            "__set_name__ then __init_subclass__ with keywords",
            Ok(log),
        );
        let entry = pyrt::attr::lookup_str(py, &b, "__init_subclass__").unwrap();
        check(
            py,
            "type(B.__dict__['__init_subclass__']).__name__",
            Ok(s(py, &entry.type_name())),
        );
    });
}

#[test]
fn object_init_subclass_refuses_keywords_and_arguments() {
    checked(|py| {
        let kw = ns(py, &[("x", int(py, 1))]);
        let ns_a = ns(
            py,
            &[(
                "__qualname__",
                s(py, "class_hook_cases.<locals>.no_kw.<locals>.A"),
            )],
        );
        let r = pyrt::new_class_with_kwargs(
            py,
            py.builtins().type_(),
            "A",
            &[],
            Some(&ns_a),
            Some(&kw),
        );
        check(
            py,
            "class A(x=1) (object.__init_subclass__)",
            r.map(Bound::into_any),
        );
        let type_t = obj(&Bound::from_ref(py, py.builtins().type_()));
        let empty = ns(py, &[]).into_any();
        check(
            py,
            "type('A', (), {}, x=1)",
            call_kw(
                py,
                &type_t,
                &[s(py, "A"), tuple(py, &[]), empty],
                &[("x", int(py, 1))],
            ),
        );
        let object = obj(&Bound::from_ref(py, py.builtins().object()));
        let isc = getattr(py, &object, "__init_subclass__").unwrap();
        check(
            py,
            "object.__init_subclass__(1)",
            call(py, &isc, &[int(py, 1)]),
        );
        check(
            py,
            "type(1, x=1)",
            call_kw(py, &type_t, &[int(py, 1)], &[("x", int(py, 1))]),
        );
    });
}

fn bad_set_name<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Err(PyErr::value_error(
        py,
        format!("bad {}", text(&argv(args)[2])),
    ))
}

#[test]
fn set_name_errors_are_wrapped_with_their_cause() {
    checked(|py| {
        let bad = class(
            py,
            "Bad",
            &[],
            &[("__set_name__", func(py, "sn", bad_set_name))],
        );
        let r = try_class(py, "A", &[], &[("attr", new(py, &bad, &[]).unwrap())]);
        let e = r.unwrap_err();
        check(
            py,
            "__set_name__ raising",
            Err(PyErr::from_value(e.value(py).clone())),
        );
        // `__cause__` is not an attribute yet: read the exception's field.
        let exc = e
            .value(py)
            .downcast::<pyrt::builtins::BaseExceptionObject>()
            .unwrap();
        let cause = exc.cause.get(py).unwrap();
        check(
            py,
            "__set_name__ raising: __cause__",
            Ok(ops::repr(py, &cause).unwrap().into_any()),
        );
    });
}

fn outcome_str<'py>(py: Python<'py>, r: PyResult<Bound<'py>>) -> Bound<'py> {
    let o = outcome(py, r);
    s(py, o.strip_prefix("ok ").unwrap_or(&o))
}

#[test]
fn dunder_patched_on_a_base_reaches_subclasses_that_do_not_define_it() {
    checked(|py| {
        let a = class(py, "A", &[], &[]);
        let b = class(py, "B", &[&a], &[]);
        let c = class(py, "C", &[&a], &[("__add__", returns(py, "C.add"))]);
        let (bi, ci, one) = (
            new(py, &b, &[]).unwrap(),
            new(py, &c, &[]).unwrap(),
            int(py, 1),
        );
        let before = outcome_str(py, ops::binary_op(py, &bi, &one, BinOp::Add));
        setattr(
            py,
            &obj(&a),
            "__add__",
            Some(&returns(py, "A.add (patched)")),
        )
        .unwrap();
        let during = tuple(
            py,
            &[
                ops::binary_op(py, &bi, &one, BinOp::Add).unwrap(),
                ops::binary_op(py, &ci, &one, BinOp::Add).unwrap(),
            ],
        );
        setattr(py, &obj(&a), "__add__", None).unwrap();
        let after = outcome_str(py, ops::binary_op(py, &bi, &one, BinOp::Add));
        check(
            py,
            "dunder patched on a base, seen by a subclass instance",
            Ok(tuple(py, &[before, during, after])),
        );
    });
}

#[test]
fn hash_none_set_and_deleted_on_a_base() {
    checked(|py| {
        let h = class(py, "H", &[], &[]);
        let hs = class(py, "HS", &[&h], &[]);
        let o = new(py, &hs, &[]).unwrap();
        let first = pyrt::protocol::bool_obj(
            py,
            ops::hash(py, &o).unwrap() == pyrt_typeobject::builtins::object_hash(py, &o).unwrap(),
        );
        setattr(py, &obj(&h), "__hash__", Some(&none(py))).unwrap();
        let during = outcome_str(py, ops::hash(py, &o).map(|v| int(py, v as i64)));
        setattr(py, &obj(&h), "__hash__", None).unwrap();
        let last = pyrt::protocol::bool_obj(
            py,
            ops::hash(py, &o).unwrap() == pyrt_typeobject::builtins::object_hash(py, &o).unwrap(),
        );
        check(
            py,
            "__hash__ = None set and deleted on a base",
            Ok(tuple(py, &[first, during, last])),
        );
    });
}

fn late_getattr<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Ok(s(py, &format!("late {}", text(&argv(args)[1]))))
}

#[test]
fn getattr_added_later_and_removed() {
    checked(|py| {
        let ga = class(py, "GA", &[], &[]);
        let o = new(py, &ga, &[]).unwrap();
        let before = outcome_str(py, getattr(py, &o, "zz"));
        setattr(
            py,
            &obj(&ga),
            "__getattr__",
            Some(&func(py, "late", late_getattr)),
        )
        .unwrap();
        let during = getattr(py, &o, "zz").unwrap();
        setattr(py, &obj(&ga), "__getattr__", None).unwrap();
        let after = outcome_str(py, getattr(py, &o, "zz"));
        check(
            py,
            "__getattr__ added later and removed",
            Ok(tuple(py, &[before, during, after])),
        );
    });
}

#[test]
fn eq_set_after_creation_keeps_hash() {
    checked(|py| {
        let e = class(py, "E", &[], &[]);
        setattr(
            py,
            &obj(&e),
            "__eq__",
            Some(&func(py, "eq", |py, _, _, _| {
                Ok(pyrt::protocol::bool_obj(py, true))
            })),
        )
        .unwrap();
        let ei = new(py, &e, &[]).unwrap();
        let eq = ops::compare(py, &ei, &int(py, 1), CompareOp::Eq).unwrap();
        let in_dict = pyrt::protocol::bool_obj(
            py,
            e.tp_dict
                .get(py)
                .unwrap()
                .get_item(py, &name(py, "__hash__"))
                .unwrap()
                .is_some(),
        );
        let h = int(py, ops::hash(py, &ei).unwrap() as i64);
        check(
            py,
            "__eq__ set after creation keeps __hash__",
            Ok(tuple(py, &[eq, in_dict, s(py, &h.type_name())])),
        );
    });
}

#[test]
fn len_added_and_replaced_later() {
    checked(|py| {
        let l = class(py, "L", &[], &[]);
        let o = new(py, &l, &[]).unwrap();
        setattr(
            py,
            &obj(&l),
            "__len__",
            Some(&func(py, "four", |py, _, _, _| Ok(int(py, 4)))),
        )
        .unwrap();
        let n = int(py, ops::len(py, &o).unwrap() as i64);
        let b1 = pyrt::protocol::bool_obj(py, ops::is_true(py, &o).unwrap());
        setattr(
            py,
            &obj(&l),
            "__len__",
            Some(&func(py, "zero", |py, _, _, _| Ok(int(py, 0)))),
        )
        .unwrap();
        let b2 = pyrt::protocol::bool_obj(py, ops::is_true(py, &o).unwrap());
        check(
            py,
            "__len__ added and replaced later",
            Ok(tuple(py, &[n, b1, b2])),
        );
    });
}

fn set_bases<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>, bases: &[Bound<'py>]) {
    let t = pyrt::builtins::tuple_new(py, bases).unwrap();
    setattr(py, &obj(tp), "__bases__", Some(t.as_any())).unwrap();
}

#[test]
fn bases_assignment_re_resolves_the_slots_of_the_class_and_its_subclasses() {
    checked(|py| {
        let c = class(py, "BC", &[], &[]);
        let c2 = class(py, "BC2", &[], &[("__add__", returns(py, "C2.add"))]);
        let d = class(py, "BD", &[&c], &[]);
        let e = class(py, "BE", &[&d], &[]);
        let (di, ei, one) = (
            new(py, &d, &[]).unwrap(),
            new(py, &e, &[]).unwrap(),
            int(py, 1),
        );
        let before = outcome_str(py, ops::binary_op(py, &di, &one, BinOp::Add));
        set_bases(py, &d, &[obj(&c2)]);
        let during = tuple(
            py,
            &[
                ops::binary_op(py, &di, &one, BinOp::Add).unwrap(),
                ops::binary_op(py, &ei, &one, BinOp::Add).unwrap(),
            ],
        );
        set_bases(py, &d, &[obj(&c)]);
        let after = outcome_str(py, ops::binary_op(py, &ei, &one, BinOp::Add));
        check(
            py,
            "__bases__ assignment re-resolves the slots of the class and its subclasses",
            Ok(tuple(py, &[before, during, after])),
        );
    });
}
