//! Dunders drive slots, one test per dunder family: a class whose namespace defines the
//! dunder gets the slot, and the operator layer reaches the dunder through it. Every
//! expectation is CPython 3.11's, recorded by `tests/fixtures/record_slots.py` into
//! `tests/fixtures/slots.txt` (same case labels).

mod common;
mod slot_support;

use common::checked;
use pyrt::ops::{self, BinOp, UnaryOp};
use pyrt::types::CompareOp;
use pyrt::{Bound, PyResult, Python};
use slot_support::*;

const OPS: [(&str, BinOp); 14] = [
    ("add", BinOp::Add),
    ("sub", BinOp::Sub),
    ("mul", BinOp::Mul),
    ("mod", BinOp::Mod),
    ("divmod", BinOp::Divmod),
    ("pow", BinOp::Pow),
    ("lshift", BinOp::LShift),
    ("rshift", BinOp::RShift),
    ("and", BinOp::And),
    ("xor", BinOp::Xor),
    ("or", BinOp::Or),
    ("floordiv", BinOp::FloorDiv),
    ("truediv", BinOp::TrueDiv),
    ("matmul", BinOp::MatMul),
];

#[test]
fn every_binary_operator_calls_its_dunder_and_reflected_dunder() {
    checked(|py| {
        for (nm, op) in OPS {
            let a = class(
                py,
                "A",
                &[],
                &[
                    (&format!("__{nm}__"), returns(py, &format!("A.{nm}"))),
                    (&format!("__r{nm}__"), returns(py, &format!("A.r{nm}"))),
                ],
            );
            let ai = new(py, &a, &[]).unwrap();
            let one = int(py, 1);
            check(
                py,
                &format!("binary {nm}: A() op 1"),
                ops::binary_op(py, &ai, &one, op),
            );
            check(
                py,
                &format!("binary {nm}: 1 op A()"),
                ops::binary_op(py, &one, &ai, op),
            );
            let p = new(py, &class(py, "P", &[], &[]), &[]).unwrap();
            check(
                py,
                &format!("binary {nm}: P() op 1"),
                ops::binary_op(py, &p, &one, op),
            );
        }
    });
}

#[test]
fn every_inplace_operator_calls_its_dunder_then_falls_back() {
    checked(|py| {
        for (nm, op) in OPS.into_iter().filter(|(n, _)| *n != "divmod") {
            let i = class(
                py,
                "I",
                &[],
                &[(&format!("__i{nm}__"), returns(py, &format!("I.i{nm}")))],
            );
            let a = class(
                py,
                "A",
                &[],
                &[(&format!("__{nm}__"), returns(py, &format!("A.{nm}")))],
            );
            let one = int(py, 1);
            let ii = new(py, &i, &[]).unwrap();
            check(
                py,
                &format!("inplace {nm}: I() op= 1"),
                ops::inplace_op(py, &ii, &one, op),
            );
            let ai = new(py, &a, &[]).unwrap();
            check(
                py,
                &format!("inplace {nm}: A() op= 1"),
                ops::inplace_op(py, &ai, &one, op),
            );
            let p = new(py, &class(py, "P", &[], &[]), &[]).unwrap();
            check(
                py,
                &format!("inplace {nm}: P() op= 1"),
                ops::inplace_op(py, &p, &one, op),
            );
        }
    });
}

fn pow_text<'py>(
    py: Python<'py>,
    f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let o = ops::repr(py, &a[1])?;
    let m = match a.get(2) {
        Some(m) => ops::repr(py, m)?.as_str().to_owned(),
        None => "None".to_owned(),
    };
    Ok(s(py, &format!("{} {} {m}", label_of(f), o.as_str())))
}

#[test]
fn pow_with_and_without_modulus() {
    checked(|py| {
        let pw = class(
            py,
            "PW",
            &[],
            &[
                ("__pow__", func(py, "PW.pow", pow_text)),
                ("__rpow__", func(py, "PW.rpow", pow_text)),
            ],
        );
        let x = new(py, &pw, &[]).unwrap();
        let (two, three) = (int(py, 2), int(py, 3));
        check(
            py,
            "pow(PW(), 2, 3)",
            ops::power(py, &x, &two, Some(&three)),
        );
        check(
            py,
            "pow(2, PW(), 3)",
            ops::power(py, &two, &x, Some(&three)),
        );
        check(py, "PW() ** 2", ops::binary_op(py, &x, &two, BinOp::Pow));
        check(py, "2 ** PW()", ops::binary_op(py, &two, &x, BinOp::Pow));
        let p = new(py, &class(py, "P", &[], &[]), &[]).unwrap();
        let one = int(py, 1);
        check(py, "pow(P(), 1, 2)", ops::power(py, &p, &one, Some(&two)));
        check(py, "pow(1, 1, P())", ops::power(py, &one, &one, Some(&p)));
    });
}

#[test]
fn unary_operators_call_their_dunders() {
    checked(|py| {
        let u = class(
            py,
            "U",
            &[],
            &[
                ("__neg__", returns(py, "U.neg")),
                ("__pos__", returns(py, "U.pos")),
                ("__abs__", returns(py, "U.abs")),
                ("__invert__", returns(py, "U.invert")),
            ],
        );
        let ui = new(py, &u, &[]).unwrap();
        let p = new(py, &class(py, "P", &[], &[]), &[]).unwrap();
        for (nm, op) in [
            ("neg", UnaryOp::Neg),
            ("pos", UnaryOp::Pos),
            ("abs", UnaryOp::Abs),
            ("invert", UnaryOp::Invert),
        ] {
            check(py, &format!("unary {nm}: U()"), ops::unary_op(py, &ui, op));
            check(py, &format!("unary {nm}: P()"), ops::unary_op(py, &p, op));
        }
    });
}

fn truth<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    ops::is_true(py, obj).map(|b| pyrt::protocol::bool_obj(py, b))
}

fn attr_v<'py>(
    py: Python<'py>,
    f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let _ = f;
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

/// `class <cls>: __init__ = store v; <dunder> = return self.v`.
fn holder<'py>(py: Python<'py>, cls: &str, dunder: &str) -> pyrt::Bound<'py, pyrt::TypeObject> {
    class(
        py,
        cls,
        &[],
        &[
            ("__init__", func(py, "init", store_v)),
            (dunder, func(py, "v", attr_v)),
        ],
    )
}

#[test]
fn bool_and_len_drive_truth() {
    checked(|py| {
        let b = holder(py, "B", "__bool__");
        let t = pyrt::protocol::bool_obj(py, true);
        let f = pyrt::protocol::bool_obj(py, false);
        check(py, "bool(B(True))", truth(py, &new(py, &b, &[t]).unwrap()));
        check(py, "bool(B(False))", truth(py, &new(py, &b, &[f]).unwrap()));
        check(
            py,
            "bool(B(1))",
            truth(py, &new(py, &b, &[int(py, 1)]).unwrap()),
        );
        check(
            py,
            "bool(B(None))",
            truth(py, &new(py, &b, &[none(py)]).unwrap()),
        );
        let l = holder(py, "L", "__len__");
        check(
            py,
            "bool(L(0))",
            truth(py, &new(py, &l, &[int(py, 0)]).unwrap()),
        );
        check(
            py,
            "bool(L(2))",
            truth(py, &new(py, &l, &[int(py, 2)]).unwrap()),
        );
        check(
            py,
            "bool(L(-1))",
            truth(py, &new(py, &l, &[int(py, -1)]).unwrap()),
        );
        let p = new(py, &class(py, "P", &[], &[]), &[]).unwrap();
        check(py, "bool(P())", truth(py, &p));
    });
}

fn idx<'py>(py: Python<'py>, v: Bound<'py>) -> PyResult<Bound<'py>> {
    ops::index(py, &v).map(Bound::into_any)
}

fn hash_of<'py>(py: Python<'py>, v: Bound<'py>) -> PyResult<Bound<'py>> {
    ops::hash(py, &v).map(|h| int(py, h as i64))
}

#[test]
fn index_drives_index_conversion() {
    checked(|py| {
        let ix = holder(py, "Ix", "__index__");
        check(
            py,
            "operator.index(Ix(3))",
            idx(py, new(py, &ix, &[int(py, 3)]).unwrap()),
        );
        check(
            py,
            "operator.index(Ix('a'))",
            idx(py, new(py, &ix, &[s(py, "a")]).unwrap()),
        );
        check(
            py,
            "operator.index(P())",
            idx(py, new(py, &class(py, "P", &[], &[]), &[]).unwrap()),
        );
        let l = list(py, &[int(py, 10), int(py, 20), int(py, 30)]);
        let k = new(py, &ix, &[int(py, -1)]).unwrap();
        check(py, "[10, 20, 30][Ix(-1)]", ops::getitem(py, &l, &k));
    });
}

#[test]
fn comparison_dunders_drive_richcompare() {
    checked(|py| {
        let a = class(
            py,
            "A",
            &[],
            &[
                ("__lt__", returns(py, "A.lt")),
                ("__gt__", returns(py, "A.gt")),
            ],
        );
        let b = class(py, "B", &[&a], &[("__gt__", returns(py, "B.gt"))]);
        let (ai, bi, one) = (
            new(py, &a, &[]).unwrap(),
            new(py, &b, &[]).unwrap(),
            int(py, 1),
        );
        check(py, "A() < 1", ops::compare(py, &ai, &one, CompareOp::Lt));
        check(py, "1 < A()", ops::compare(py, &one, &ai, CompareOp::Lt));
        check(
            py,
            "A() < B() (subclass reflected first)",
            ops::compare(py, &ai, &bi, CompareOp::Lt),
        );
        check(py, "A() <= 1", ops::compare(py, &ai, &one, CompareOp::Le));
        let p = class(py, "P", &[], &[]);
        let pi = new(py, &p, &[]).unwrap();
        check(py, "P() < 1", ops::compare(py, &pi, &one, CompareOp::Lt));
        check(py, "1 >= P()", ops::compare(py, &one, &pi, CompareOp::Ge));
        let p2 = new(py, &p, &[]).unwrap();
        let results = [
            ops::compare(py, &pi, &pi, CompareOp::Eq).unwrap(),
            ops::compare(py, &pi, &pi, CompareOp::Ne).unwrap(),
            ops::compare(py, &pi, &p2, CompareOp::Eq).unwrap(),
            ops::compare(py, &pi, &p2, CompareOp::Ne).unwrap(),
        ];
        check(py, "identity equality of P", Ok(tuple(py, &results)));
    });
}

fn eq_by_v<'py>(
    py: Python<'py>,
    _f: &Bound<'py>,
    args: &Bound<'py>,
    _k: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let a = argv(args);
    let same_type = a[1].ob_type().is_subtype(a[0].ob_type());
    if !same_type {
        return Ok(pyrt::protocol::bool_obj(py, false));
    }
    let (x, y) = (getattr(py, &a[0], "v")?, getattr(py, &a[1], "v")?);
    ops::compare(py, &x, &y, CompareOp::Eq)
}

#[test]
fn eq_without_hash_makes_instances_unhashable_and_ne_inverts_eq() {
    checked(|py| {
        let e = class(
            py,
            "E",
            &[],
            &[
                ("__init__", func(py, "init", store_v)),
                ("__eq__", func(py, "eq", eq_by_v)),
            ],
        );
        let e1 = new(py, &e, &[int(py, 1)]).unwrap();
        let e1b = new(py, &e, &[int(py, 1)]).unwrap();
        let e2 = new(py, &e, &[int(py, 2)]).unwrap();
        check(
            py,
            "E(1) == E(1)",
            ops::compare(py, &e1, &e1b, CompareOp::Eq),
        );
        check(
            py,
            "E(1) != E(1) (default __ne__ inverts __eq__)",
            ops::compare(py, &e1, &e1b, CompareOp::Ne),
        );
        check(
            py,
            "E(1) != E(2)",
            ops::compare(py, &e1, &e2, CompareOp::Ne),
        );
        let h = ops::hash(py, &e1).map(|h| int(py, h as i64));
        check(py, "hash(E(1)) (__eq__ without __hash__)", h);
        let dict_entry = pyrt::attr::lookup_str(py, &e, "__hash__")
            .ok_or(())
            .map_err(|_| unreachable!());
        check(py, "E.__dict__['__hash__']", dict_entry);
    });
}

#[test]
fn hash_dunder_results_and_none_blocking_inheritance() {
    checked(|py| {
        let h = holder(py, "H", "__hash__");
        check(
            py,
            "hash(H(5))",
            hash_of(py, new(py, &h, &[int(py, 5)]).unwrap()),
        );
        check(
            py,
            "hash(H(-1))",
            hash_of(py, new(py, &h, &[int(py, -1)]).unwrap()),
        );
        check(
            py,
            "hash(H('x'))",
            hash_of(py, new(py, &h, &[s(py, "x")]).unwrap()),
        );
        let t = pyrt::protocol::bool_obj(py, true);
        check(py, "hash(H(True))", hash_of(py, new(py, &h, &[t]).unwrap()));
        let hn = class(py, "HN", &[], &[("__hash__", none(py))]);
        let sub = class(py, "HNSub", &[&hn], &[]);
        let sub2 = class(
            py,
            "HNSub2",
            &[&hn],
            &[("__hash__", func(py, "seven", |py, _, _, _| Ok(int(py, 7))))],
        );
        check(
            py,
            "hash(HNSub()) (__hash__ = None blocks inheritance)",
            hash_of(py, new(py, &sub, &[]).unwrap()),
        );
        check(
            py,
            "hash(HNSub2())",
            hash_of(py, new(py, &sub2, &[]).unwrap()),
        );
        check(py, "hash([])", hash_of(py, list(py, &[])));
    });
}
