//! Dunders drive the container, iteration, call and text slots: `__len__`,
//! `__getitem__`/`__setitem__`/`__delitem__`, `__contains__` (and the search by
//! iteration without it), `__iter__`/`__next__` (and the sequence iterator over
//! `__getitem__`), `__call__`, `__repr__`/`__str__`. Expectations recorded from CPython
//! by `tests/fixtures/record_slots.py`.

mod common;
mod slot_support;

use common::checked;
use pyrt::ops;
use pyrt::{Bound, PyErr, PyResult, Python};
use slot_support::*;

fn attr_v<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    getattr(py, &argv(args)[0], "v")
}

fn store_v<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    setattr(py, &a[0], "v", Some(&a[1]))?;
    Ok(none(py))
}

fn get_repr<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Ok(s(
        py,
        &format!("get {}", ops::repr(py, &argv(args)[1])?.as_str()),
    ))
}

/// Appends `"<label> <repr args[1..]>"` to the class attribute `log` of `args[0]`.
fn log_call<'py>(
    py: Python<'py>,
    f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let mut text = label_of(f);
    for x in &a[1..] {
        text.push(' ');
        text.push_str(ops::repr(py, x)?.as_str());
    }
    let log = getattr(py, &a[0], "log")?;
    log.downcast::<pyrt::builtins::ListObject>()
        .unwrap()
        .append(&s(py, &text));
    Ok(none(py))
}

fn is_one<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let r = ops::compare_bool(py, &argv(args)[1], &int(py, 1), pyrt::types::CompareOp::Eq)?;
    Ok(pyrt::protocol::bool_obj(py, r))
}

fn len_of<'py>(py: Python<'py>, o: Bound<'py>) -> PyResult<Bound<'py>> {
    ops::len(py, &o).map(|n| int(py, n as i64))
}

fn contains<'py>(py: Python<'py>, c: &Bound<'py>, x: Bound<'py>) -> PyResult<Bound<'py>> {
    ops::contains(py, c, &x).map(|b| pyrt::protocol::bool_obj(py, b))
}

fn text<'py>(r: PyResult<Bound<'py, pyrt::builtins::StrObject>>) -> PyResult<Bound<'py>> {
    r.map(Bound::into_any)
}

#[test]
fn len_getitem_setitem_delitem_contains() {
    checked(|py| {
        let log = list(py, &[]);
        let c = class(
            py,
            "C",
            &[],
            &[
                ("log", log.clone()),
                ("__init__", func(py, "init", store_v)),
                ("__len__", func(py, "len", attr_v)),
                ("__getitem__", func(py, "get", get_repr)),
                ("__setitem__", func(py, "set", log_call)),
                ("__delitem__", func(py, "del", log_call)),
                ("__contains__", func(py, "contains", is_one)),
            ],
        );
        check(
            py,
            "len(C(3))",
            len_of(py, new(py, &c, &[int(py, 3)]).unwrap()),
        );
        check(
            py,
            "len(C(-1))",
            len_of(py, new(py, &c, &[int(py, -1)]).unwrap()),
        );
        check(
            py,
            "len(C('x'))",
            len_of(py, new(py, &c, &[s(py, "x")]).unwrap()),
        );
        let c0 = new(py, &c, &[int(py, 0)]).unwrap();
        check(py, "C(0)['k']", ops::getitem(py, &c0, &s(py, "k")));
        check(py, "C(0)[-1]", ops::getitem(py, &c0, &int(py, -1)));
        ops::setitem(py, &c0, &s(py, "a"), &int(py, 1)).unwrap();
        ops::delitem(py, &c0, &s(py, "b")).unwrap();
        check(py, "C(0)['a'] = 1; del C(0)['b']", Ok(log.clone()));
        check(py, "1 in C(0)", contains(py, &c0, int(py, 1)));
        check(py, "2 in C(0)", contains(py, &c0, int(py, 2)));
        let nc = class(py, "NC", &[], &[("__contains__", none(py))]);
        let nci = new(py, &nc, &[]).unwrap();
        check(
            py,
            "1 in NC()",
            ops::contains(py, &nci, &int(py, 1)).map(|b| pyrt::protocol::bool_obj(py, b)),
        );
    });
}

#[test]
fn container_messages_for_objects_without_the_slots() {
    checked(|py| {
        let p = class(py, "P", &[], &[]);
        let pi = new(py, &p, &[]).unwrap();
        let one = int(py, 1);
        let unit = |r: PyResult<()>| r.map(|()| none(py));
        check(py, "len(P())", ops::len(py, &pi).map(|n| int(py, n as i64)));
        check(py, "P()[1]", ops::getitem(py, &pi, &one));
        check(py, "P[1]", ops::getitem(py, &obj(&p), &one));
        check(
            py,
            "P()[1] = 2",
            unit(ops::setitem(py, &pi, &one, &int(py, 2))),
        );
        check(py, "del P()[1]", unit(ops::delitem(py, &pi, &one)));
        check(
            py,
            "1 in P()",
            ops::contains(py, &pi, &one).map(|b| pyrt::protocol::bool_obj(py, b)),
        );
        let five = int(py, 5);
        check(
            py,
            "1 in 5",
            ops::contains(py, &five, &one).map(|b| pyrt::protocol::bool_obj(py, b)),
        );
        let t = tuple(py, &[int(py, 1), int(py, 2)]);
        let zero = int(py, 0);
        check(
            py,
            "(1, 2)[0] = 5",
            unit(ops::setitem(py, &t, &zero, &five)),
        );
        check(py, "del (1, 2)[0]", unit(ops::delitem(py, &t, &zero)));
        check(
            py,
            "del (1, 2)['k'] (not through the sequence protocol)",
            unit(ops::delitem(py, &t, &s(py, "k"))),
        );
        check(py, "del 5[0]", unit(ops::delitem(py, &int(py, 5), &zero)));
        check(py, "len(5)", ops::len(py, &five).map(|n| int(py, n as i64)));
        check(py, "5[0]", ops::getitem(py, &five, &zero));
    });
}

fn times_ten_below_three<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let i = ops::index(py, &argv(args)[1])?.value();
    if i < 3 {
        return Ok(int(py, i * 10));
    }
    Err(PyErr::index_error(py, i.to_string()))
}

fn below_two<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let i = ops::index(py, &argv(args)[1])?.value();
    if i >= 2 {
        return Err(PyErr::index_error(py, ""));
    }
    Ok(int(py, i))
}

#[test]
fn contains_and_iteration_fall_back_to_getitem() {
    checked(|py| {
        let g = class(
            py,
            "G",
            &[],
            &[("__getitem__", func(py, "getitem", times_ten_below_three))],
        );
        let gi = new(py, &g, &[]).unwrap();
        let b = |r: PyResult<bool>| r.map(|b| pyrt::protocol::bool_obj(py, b));
        check(
            py,
            "10 in G() (search by iteration)",
            b(ops::contains(py, &gi, &int(py, 10))),
        );
        check(py, "11 in G()", b(ops::contains(py, &gi, &int(py, 11))));
        check(py, "list(G())", collect(py, &gi));
        let sq = class(
            py,
            "S",
            &[],
            &[("__getitem__", func(py, "getitem", below_two))],
        );
        let si = new(py, &sq, &[]).unwrap();
        check(py, "list(iter(S()))", collect(py, &si));
        let it = ops::iter(py, &si).unwrap();
        check(py, "type(iter(S())).__name__", Ok(s(py, &it.type_name())));
    });
}

fn return_self<'py>(
    _py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    Ok(argv(args)[0].clone())
}

/// `self.i += 1; if self.i > 3: raise StopIteration; return self.i`.
fn count_to_three<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let me = &argv(args)[0];
    let i = match getattr(py, me, "i") {
        Ok(v) => ops::index(py, &v)?.value(),
        Err(_) => 0,
    } + 1;
    setattr(py, me, "i", Some(&int(py, i)))?;
    if i > 3 {
        let empty = pyrt::builtins::tuple_new(py, &[])?;
        return Err(PyErr::with_args(py, py.builtins().stop_iteration(), empty));
    }
    Ok(int(py, i))
}

#[test]
fn iter_and_next_dunders() {
    checked(|py| {
        let it = class(
            py,
            "It",
            &[],
            &[
                ("__iter__", func(py, "iter", return_self)),
                ("__next__", func(py, "next", count_to_three)),
            ],
        );
        check(py, "list(It())", collect(py, &new(py, &it, &[]).unwrap()));
        let x = new(py, &it, &[]).unwrap();
        for _ in 0..3 {
            ops::next(py, &x).unwrap();
        }
        let exhausted = match ops::next(py, &x) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(PyErr::with_args(
                py,
                py.builtins().stop_iteration(),
                pyrt::builtins::tuple_new(py, &[]).unwrap(),
            )),
            Err(e) => Err(e),
        };
        check(py, "next(exhausted It)", exhausted);
        let bad = class(
            py,
            "Bad",
            &[],
            &[("__iter__", func(py, "one", |py, _, _, _| Ok(int(py, 1))))],
        );
        check(
            py,
            "iter(Bad())",
            ops::iter(py, &new(py, &bad, &[]).unwrap()),
        );
        let no = class(py, "NoIter", &[], &[("__iter__", none(py))]);
        check(
            py,
            "iter(NoIter())",
            ops::iter(py, &new(py, &no, &[]).unwrap()),
        );
        check(
            py,
            "iter(P())",
            ops::iter(py, &new(py, &class(py, "P", &[], &[]), &[]).unwrap()),
        );
        let five = int(py, 5);
        check(
            py,
            "next(5)",
            ops::next(py, &five).map(|v| v.unwrap_or_else(|| none(py))),
        );
        check(py, "iter(5)", ops::iter(py, &five));
    });
}

fn call_summary<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let n = argv(args).len() - 1;
    let mut keys: Vec<String> = match k {
        Some(k) => k
            .downcast::<pyrt::builtins::DictObject>()
            .unwrap()
            .keys(py)
            .iter()
            .map(|x| ops::repr(py, x).map(|r| r.as_str().to_owned()))
            .collect::<PyResult<_>>()?,
        None => vec![],
    };
    keys.sort();
    Ok(s(py, &format!("F.call {n} [{}]", keys.join(", "))))
}

#[test]
fn call_dunder_and_not_callable() {
    checked(|py| {
        let f = class(
            py,
            "F",
            &[],
            &[("__call__", func(py, "call", call_summary))],
        );
        let fi = new(py, &f, &[]).unwrap();
        check(
            py,
            "F()(1, 2, x=3)",
            call_kw(py, &fi, &[int(py, 1), int(py, 2)], &[("x", int(py, 3))]),
        );
        let p = new(py, &class(py, "P", &[], &[]), &[]).unwrap();
        check(py, "P()()", call(py, &p, &[]));
    });
}

#[test]
fn repr_and_str_dunders_with_result_checks() {
    checked(|py| {
        let r = class(
            py,
            "R",
            &[],
            &[
                ("__init__", func(py, "init", store_v)),
                ("__repr__", func(py, "v", attr_v)),
            ],
        );
        let st = class(py, "S", &[&r], &[("__str__", returns(py, "S.str"))]);
        let rr = new(py, &r, &[s(py, "r")]).unwrap();
        let r1 = new(py, &r, &[int(py, 1)]).unwrap();
        check(py, "repr(R('r'))", text(ops::repr(py, &rr)));
        check(
            py,
            "str(R('r')) (falls back to __repr__)",
            text(ops::str(py, &rr)),
        );
        check(py, "repr(R(1))", text(ops::repr(py, &r1)));
        check(py, "str(R(1))", text(ops::str(py, &r1)));
        check(
            py,
            "str(S('r'))",
            text(ops::str(py, &new(py, &st, &[s(py, "r")]).unwrap())),
        );
        let t = class(
            py,
            "T",
            &[],
            &[("__str__", func(py, "five", |py, _, _, _| Ok(int(py, 5))))],
        );
        check(
            py,
            "str(T())",
            text(ops::str(py, &new(py, &t, &[]).unwrap())),
        );
    });
}

fn class_getitem<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let cls = pyrt::names::name(py, a[0].downcast::<pyrt::TypeObject>().unwrap());
    Ok(s(
        py,
        &format!("CG.class_getitem {cls} {}", ops::repr(py, &a[1])?.as_str()),
    ))
}

/// `T[key]` on a class calls `__class_getitem__`, which class creation made a
/// classmethod (so subclasses receive themselves).
#[test]
fn class_getitem_on_classes() {
    checked(|py| {
        let cg = class(
            py,
            "CG",
            &[],
            &[("__class_getitem__", func(py, "cgi", class_getitem))],
        );
        let sub = class(py, "CGSub", &[&cg], &[]);
        let bad = class(py, "CGBad", &[], &[("__class_getitem__", int(py, 5))]);
        check(
            py,
            "CG[1] (__class_getitem__, implicitly a classmethod)",
            ops::getitem(py, &obj(&cg), &int(py, 1)),
        );
        check(py, "CGSub[2]", ops::getitem(py, &obj(&sub), &int(py, 2)));
        check(py, "CGBad[1]", ops::getitem(py, &obj(&bad), &int(py, 1)));
    });
}
