//! Slot wrappers: `wrapper_descriptor` (unbound, `int.__add__`) and `method-wrapper`
//! (bound, `(1).__add__`) — which dicts get them, what calling them does, their
//! argument checks and messages, the Carlo Verre check of `object.__setattr__`, and
//! their attributes. Expectations recorded from CPython by
//! `tests/fixtures/record_slots.py`.

mod common;
mod slot_support;

use common::checked;
use pyrt::{Bound, PyResult, Python, TypeObject};
use slot_support::*;

fn t<'py>(py: Python<'py>, tp: &TypeObject) -> Bound<'py> {
    Bound::from_ref(py, tp).into_any()
}

/// `T.name` looked up on a builtin type.
fn w<'py>(py: Python<'py>, tp: &TypeObject, attr: &str) -> Bound<'py> {
    getattr(py, &t(py, tp), attr).unwrap()
}

#[test]
fn calling_wrappers_of_int_and_list() {
    checked(|py| {
        let b = py.builtins();
        let (one, two, three, five) = (int(py, 1), int(py, 2), int(py, 3), int(py, 5));
        let add = w(py, b.int(), "__add__");
        check(
            py,
            "int.__add__(1, 2)",
            call(py, &add, &[one.clone(), two.clone()]),
        );
        check(
            py,
            "int.__radd__(1, 2)",
            call(py, &w(py, b.int(), "__radd__"), &[one.clone(), two.clone()]),
        );
        check(
            py,
            "int.__add__(1, 'a')",
            call(py, &add, &[one.clone(), s(py, "a")]),
        );
        check(
            py,
            "int.__pow__(2, 3, 5)",
            call(
                py,
                &w(py, b.int(), "__pow__"),
                &[two.clone(), three.clone(), five.clone()],
            ),
        );
        check(
            py,
            "int.__lt__(1, 2)",
            call(py, &w(py, b.int(), "__lt__"), &[one.clone(), two.clone()]),
        );
        check(
            py,
            "int.__lt__(1, 'a')",
            call(py, &w(py, b.int(), "__lt__"), &[one.clone(), s(py, "a")]),
        );
        check(
            py,
            "int.__hash__(5)",
            call(py, &w(py, b.int(), "__hash__"), std::slice::from_ref(&five)),
        );
        check(
            py,
            "int.__bool__(0)",
            call(py, &w(py, b.int(), "__bool__"), &[int(py, 0)]),
        );
        check(
            py,
            "int.__repr__(5)",
            call(py, &w(py, b.int(), "__repr__"), std::slice::from_ref(&five)),
        );
        let l12 = list(py, &[one.clone(), two.clone()]);
        let l1 = list(py, std::slice::from_ref(&one));
        check(
            py,
            "list.__len__([1, 2])",
            call(py, &w(py, b.list(), "__len__"), &[l12]),
        );
        check(
            py,
            "list.__mul__([1], 2)",
            call(py, &w(py, b.list(), "__mul__"), &[l1.clone(), two.clone()]),
        );
        check(
            py,
            "list.__rmul__([1], 2)",
            call(py, &w(py, b.list(), "__rmul__"), &[l1.clone(), two.clone()]),
        );
        check(
            py,
            "list.__mul__([1], 'a')",
            call(py, &w(py, b.list(), "__mul__"), &[l1.clone(), s(py, "a")]),
        );
        check(
            py,
            "list.__contains__([1], 1)",
            call(
                py,
                &w(py, b.list(), "__contains__"),
                &[l1.clone(), one.clone()],
            ),
        );
        let t12 = tuple(py, &[one.clone(), two.clone()]);
        check(
            py,
            "tuple.__getitem__((1, 2), -1)",
            call(py, &w(py, b.tuple(), "__getitem__"), &[t12, int(py, -1)]),
        );
    });
}

#[test]
fn wrapper_argument_checks() {
    checked(|py| {
        let b = py.builtins();
        let (one, two, three) = (int(py, 1), int(py, 2), int(py, 3));
        let add = w(py, b.int(), "__add__");
        check(
            py,
            "int.__add__('a', 1)",
            call(py, &add, &[s(py, "a"), one.clone()]),
        );
        check(py, "int.__add__()", call(py, &add, &[]));
        check(
            py,
            "int.__add__(1)",
            call(py, &add, std::slice::from_ref(&one)),
        );
        check(
            py,
            "int.__add__(1, 2, 3)",
            call(py, &add, &[one.clone(), two.clone(), three.clone()]),
        );
        check(
            py,
            "int.__add__(1, x=2)",
            call_kw(py, &add, std::slice::from_ref(&one), &[("x", two.clone())]),
        );
        check(
            py,
            "int.__neg__(1, 2)",
            call(py, &w(py, b.int(), "__neg__"), &[one.clone(), two.clone()]),
        );
        let pow = w(py, b.int(), "__pow__");
        check(
            py,
            "int.__pow__(2)",
            call(py, &pow, std::slice::from_ref(&two)),
        );
        check(
            py,
            "int.__pow__(2, 1, 2, 3)",
            call(
                py,
                &pow,
                &[two.clone(), one.clone(), two.clone(), three.clone()],
            ),
        );
        let l1 = list(py, std::slice::from_ref(&one));
        check(
            py,
            "list.__mul__([1])",
            call(py, &w(py, b.list(), "__mul__"), std::slice::from_ref(&l1)),
        );
        check(
            py,
            "list.__setitem__([1], 0)",
            call(py, &w(py, b.list(), "__setitem__"), &[l1, int(py, 0)]),
        );
    });
}

#[test]
fn object_wrappers() {
    checked(|py| {
        let o = py.builtins().object();
        let (one, two) = (int(py, 1), int(py, 2));
        check(
            py,
            "object.__eq__(1, 1)",
            call(py, &w(py, o, "__eq__"), &[one.clone(), one.clone()]),
        );
        check(
            py,
            "object.__lt__(1, 2)",
            call(py, &w(py, o, "__lt__"), &[one.clone(), two.clone()]),
        );
        check(
            py,
            "object.__ne__(1, 2)",
            call(py, &w(py, o, "__ne__"), &[one.clone(), two.clone()]),
        );
        check(
            py,
            "object.__init__(1)",
            call(py, &w(py, o, "__init__"), std::slice::from_ref(&one)),
        );
        let ga = w(py, o, "__getattribute__");
        check(
            py,
            "object.__getattribute__(1, 'zz')",
            call(py, &ga, &[one.clone(), name(py, "zz")]),
        );
        check(
            py,
            "object.__getattribute__(1, 5)",
            call(py, &ga, &[one.clone(), int(py, 5)]),
        );
        check(
            py,
            "object.__str__(1)",
            call(py, &w(py, o, "__str__"), std::slice::from_ref(&one)),
        );
    });
}

fn object_setattr_on_cls<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let set = pyrt::attr::lookup_str(py, py.builtins().object(), "__setattr__").unwrap();
    call(py, &set, argv(args))
}

fn type_setattr_on_cls<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let set = pyrt::attr::lookup_str(py, py.builtins().type_(), "__setattr__").unwrap();
    call(py, &set, argv(args))
}

#[test]
fn carlo_verre_check() {
    checked(|py| {
        let b = py.builtins();
        let set = w(py, b.object(), "__setattr__");
        let del = w(py, b.object(), "__delattr__");
        let (int_t, x, one) = (t(py, b.int()), name(py, "x"), int(py, 1));
        check(
            py,
            "object.__setattr__(int, 'x', 1)",
            call(py, &set, &[int_t.clone(), x.clone(), one.clone()]),
        );
        check(
            py,
            "object.__delattr__(int, 'x')",
            call(py, &del, &[int_t, x.clone()]),
        );
        check(
            py,
            "object.__setattr__(1, 'x', 1)",
            call(py, &set, &[one.clone(), x.clone(), one.clone()]),
        );
        check(
            py,
            "object.__setattr__(1, 'x')",
            call(py, &set, &[one.clone(), x.clone()]),
        );
        let k = class(py, "K", &[], &[]);
        check(
            py,
            "object.__setattr__(K, 'x', 1)",
            call(py, &set, &[obj(&k), x.clone(), one.clone()]),
        );
        let type_t = Bound::from_ref(py, b.type_());
        let m = class(
            py,
            "M",
            &[&type_t],
            &[("__setattr__", func(py, "set", object_setattr_on_cls))],
        );
        let km = pyrt::new_class_with_meta(py, &m, "KM", &[], None).unwrap();
        check(
            py,
            "metaclass __setattr__ calling object.__setattr__",
            setattr(py, &obj(&km), "x", Some(&one)).map(|()| none(py)),
        );
        let m2 = class(
            py,
            "M2",
            &[&type_t],
            &[("__setattr__", func(py, "set", type_setattr_on_cls))],
        );
        let km2 = pyrt::new_class_with_meta(py, &m2, "KM2", &[], None).unwrap();
        setattr(py, &obj(&km2), "x", Some(&one)).unwrap();
        check(
            py,
            "metaclass __setattr__ calling type.__setattr__",
            getattr(py, &obj(&km2), "x"),
        );
    });
}

fn r<'py>(py: Python<'py>, x: &Bound<'py>) -> PyResult<Bound<'py>> {
    pyrt::ops::repr(py, x).map(Bound::into_any)
}

#[test]
fn wrapper_and_method_wrapper_objects() {
    checked(|py| {
        let b = py.builtins();
        let add = w(py, b.int(), "__add__");
        let (one, two) = (int(py, 1), int(py, 2));
        check(py, "repr(int.__add__)", r(py, &add));
        check(
            py,
            "repr(object.__init__)",
            r(py, &w(py, b.object(), "__init__")),
        );
        let bound = getattr(py, &one, "__add__").unwrap();
        check(py, "repr((1).__add__)", r(py, &bound));
        check(
            py,
            "type(int.__add__).__name__",
            Ok(s(py, &add.type_name())),
        );
        check(
            py,
            "type((1).__add__).__name__",
            Ok(s(py, &bound.type_name())),
        );
        check(
            py,
            "(1).__add__(2)",
            call(py, &bound, std::slice::from_ref(&two)),
        );
        let again = getattr(py, &one, "__add__").unwrap();
        check(
            py,
            "(1).__add__ == (1).__add__",
            pyrt::ops::compare(py, &bound, &again, pyrt::types::CompareOp::Eq),
        );
        let other = getattr(py, &two, "__add__").unwrap();
        check(
            py,
            "(1).__add__ == (2).__add__",
            pyrt::ops::compare(py, &bound, &other, pyrt::types::CompareOp::Eq),
        );
        let get = getattr(py, &add, "__get__").unwrap();
        let same = call(py, &get, &[none(py), t(py, b.int())]).unwrap();
        check(
            py,
            "int.__add__.__get__(None, int) is int.__add__",
            Ok(pyrt::protocol::bool_obj(py, same.is(&add))),
        );
        check(
            py,
            "int.__add__.__get__('a')",
            call(py, &get, &[s(py, "a")]),
        );
        check(
            py,
            "int.__add__.__get__(None, None)",
            call(py, &get, &[none(py), none(py)]),
        );
        let bound2 = call(py, &get, std::slice::from_ref(&one)).unwrap();
        check(
            py,
            "int.__add__.__get__(1)(2)",
            call(py, &bound2, std::slice::from_ref(&two)),
        );
        check(py, "int.__add__.__name__", getattr(py, &add, "__name__"));
        check(
            py,
            "int.__add__.__qualname__",
            getattr(py, &add, "__qualname__"),
        );
        check(
            py,
            "int.__add__.__objclass__",
            getattr(py, &add, "__objclass__"),
        );
        check(py, "int.__add__.__doc__", getattr(py, &add, "__doc__"));
        check(py, "(1).__add__.__self__", getattr(py, &bound, "__self__"));
    });
}

#[test]
fn which_dicts_hold_wrappers() {
    checked(|py| {
        let b = py.builtins();
        check(
            py,
            "list.__hash__",
            getattr(py, &t(py, b.list()), "__hash__"),
        );
        let int_t = Bound::from_ref(py, b.int());
        let sub = class(py, "Sub", &[&int_t], &[]);
        let from_sub = getattr(py, &obj(&sub), "__add__").unwrap();
        let from_int = w(py, b.int(), "__add__");
        check(
            py,
            "Sub.__add__ is int.__add__",
            Ok(pyrt::protocol::bool_obj(py, from_sub.is(&from_int))),
        );
        let own = sub
            .tp_dict
            .get(py)
            .unwrap()
            .get_item(py, &name(py, "__add__"))
            .unwrap()
            .is_some();
        check(
            py,
            "'__add__' in Sub.__dict__",
            Ok(pyrt::protocol::bool_obj(py, own)),
        );
        let x = new(py, &sub, &[int(py, 2)]).unwrap();
        check(
            py,
            "Sub(2) + 3",
            pyrt::ops::binary_op(py, &x, &int(py, 3), pyrt::ops::BinOp::Add),
        );
        let mut keys: Vec<Bound<'_>> = b.bool_().tp_dict.get(py).unwrap().keys(py);
        keys.sort_by_key(text);
        check(py, "sorted(k for k in bool.__dict__)", Ok(list(py, &keys)));
        let getitem = pyrt::attr::lookup_str(py, b.tuple(), "__getitem__").unwrap();
        check(
            py,
            "'__getitem__' in list.__dict__, type",
            Ok(s(py, &getitem.type_name())),
        );
        let k = class(py, "K", &[], &[]);
        let mut keys: Vec<Bound<'_>> = k.tp_dict.get(py).unwrap().keys(py);
        keys.sort_by_key(text);
        check(py, "K.__dict__ keys", Ok(list(py, &keys)));
    });
}

#[test]
fn wrong_class_wrapper_fails_at_call_time() {
    checked(|py| {
        let int_t = Bound::from_ref(py, py.builtins().int());
        let str_eq = pyrt::attr::lookup_str(py, py.builtins().str_(), "__eq__").unwrap();
        let eq = class(py, "EQ", &[&int_t], &[("__eq__", str_eq)]);
        let x = new(py, &eq, &[int(py, 1)]).unwrap();
        let r = pyrt::ops::compare(py, &x, &int(py, 1), pyrt::types::CompareOp::Eq);
        check(py, "__eq__ = str.__eq__ on an int subclass", r);
    });
}
