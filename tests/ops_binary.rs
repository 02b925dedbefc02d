//! The operator layer's dispatch rules for binary operators: the reflected method of a
//! right operand whose type is a proper subclass overriding it goes first;
//! `NotImplemented` passes to the other operand; same-type operands never try the
//! reflected method; the sequence fallbacks (`sq_concat`, `sq_repeat`) and their
//! messages. Expectations recorded from CPython by `tests/fixtures/record_slots.py`.

mod common;
mod slot_support;

use common::checked;
use pyrt::ops::{self, BinOp};
use pyrt::{Bound, PyResult, Python};
use slot_support::*;

fn add<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    ops::binary_op(py, a, b, BinOp::Add)
}

#[test]
fn subclass_reflected_method_goes_first_only_when_overridden() {
    checked(|py| {
        let a = class(
            py,
            "A",
            &[],
            &[
                ("__add__", returns(py, "A.add")),
                ("__radd__", returns(py, "A.radd")),
            ],
        );
        let b = class(py, "B", &[&a], &[("__radd__", returns(py, "B.radd"))]);
        let c = class(py, "C", &[&a], &[]);
        let (ai, bi, ci) = (
            new(py, &a, &[]).unwrap(),
            new(py, &b, &[]).unwrap(),
            new(py, &c, &[]).unwrap(),
        );
        check(
            py,
            "subclass overriding __radd__ goes first: A() + B()",
            add(py, &ai, &bi),
        );
        check(
            py,
            "subclass not overriding __radd__: A() + C()",
            add(py, &ai, &ci),
        );
        check(py, "subclass on the left: B() + A()", add(py, &bi, &ai));
        let bn = class(
            py,
            "BN",
            &[&a],
            &[("__radd__", returns_not_implemented(py))],
        );
        let bni = new(py, &bn, &[]).unwrap();
        check(
            py,
            "subclass reflected NotImplemented falls back: A() + BN()",
            add(py, &ai, &bni),
        );
    });
}

#[test]
fn not_implemented_passes_to_the_other_operand() {
    checked(|py| {
        let n = class(
            py,
            "N",
            &[],
            &[
                ("__add__", returns_not_implemented(py)),
                ("__radd__", returns_not_implemented(py)),
            ],
        );
        let m = class(py, "M", &[], &[("__radd__", returns(py, "M.radd"))]);
        let (ni, ni2, mi, one) = (
            new(py, &n, &[]).unwrap(),
            new(py, &n, &[]).unwrap(),
            new(py, &m, &[]).unwrap(),
            int(py, 1),
        );
        check(
            py,
            "NotImplemented both sides: N() + N()",
            add(py, &ni, &ni2),
        );
        check(
            py,
            "NotImplemented then reflected: N() + M()",
            add(py, &ni, &mi),
        );
        check(py, "NotImplemented to int: N() + 1", add(py, &ni, &one));
        check(py, "int then reflected: 1 + M()", add(py, &one, &mi));
        let inn = class(
            py,
            "IN",
            &[],
            &[
                ("__iadd__", returns_not_implemented(py)),
                ("__add__", returns(py, "IN.add")),
            ],
        );
        let ii = new(py, &inn, &[]).unwrap();
        check(
            py,
            "inplace NotImplemented falls back to __add__",
            ops::inplace_op(py, &ii, &one, BinOp::Add),
        );
    });
}

#[test]
fn sequence_fallbacks_and_their_messages() {
    checked(|py| {
        let (one, two) = (int(py, 1), int(py, 2));
        let l1 = list(py, std::slice::from_ref(&one));
        let l2 = list(py, std::slice::from_ref(&two));
        check(py, "[1] + [2]", add(py, &l1, &l2));
        check(py, "[1] * 2", ops::binary_op(py, &l1, &two, BinOp::Mul));
        check(py, "2 * [1]", ops::binary_op(py, &two, &l1, BinOp::Mul));
        check(
            py,
            "[1] * 'a'",
            ops::binary_op(py, &l1, &s(py, "a"), BinOp::Mul),
        );
        check(py, "[1] + 1", add(py, &l1, &one));
        check(py, "'a' + 1", add(py, &s(py, "a"), &one));
        check(
            py,
            "(1,) + [2]",
            add(py, &tuple(py, std::slice::from_ref(&one)), &l2),
        );
        let ix = class(
            py,
            "Ix",
            &[],
            &[("__index__", func(py, "two", |py, _, _, _| Ok(int(py, 2))))],
        );
        let x = new(py, &ix, &[]).unwrap();
        check(py, "[1] * Ix()", ops::binary_op(py, &l1, &x, BinOp::Mul));
        check(
            py,
            "Ix() * 'ab'",
            ops::binary_op(py, &x, &s(py, "ab"), BinOp::Mul),
        );
        let a = list(py, std::slice::from_ref(&one));
        let r = ops::inplace_op(py, &a, &l2, BinOp::Add).unwrap();
        let same = pyrt::protocol::bool_obj(py, r.is(&a));
        check(py, "list += list (in place)", Ok(tuple(py, &[r, same])));
        let t = tuple(py, std::slice::from_ref(&one));
        check(py, "tuple *= 2", ops::inplace_op(py, &t, &two, BinOp::Mul));
    });
}
