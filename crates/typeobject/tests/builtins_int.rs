//! Tests of `int`'s and `bool`'s slots (construction with `int()` is in
//! `builtins_int_new.rs`). Expectations come from CPython 3.11 through
//! `tests/fixtures/record_builtins.py` (ids in the comments); pyrt's deliberate
//! differences (64-bit ints, no float) are marked "pyrt:". The types are not readied,
//! so `bool` operands are passed to `int`'s slots directly where CPython would inherit.
//! Each test checks that it frees every object it allocates.

mod builtins_support;

use builtins_support::*;
use pyrt_core::types::{BinaryFunc, CompareOp};
use pyrt_core::{Bound, PyResult, Python};

fn int_slot(
    py: Python<'_>,
    pick: fn(&pyrt_core::types::NumberMethods) -> Option<BinaryFunc>,
) -> BinaryFunc {
    pick(nb(py.builtins().int())).unwrap()
}

/// `a OP b` for each pair, as the repr of a tuple of results (errors stop the run).
fn table<'py>(py: Python<'py>, f: BinaryFunc, pairs: &[(i64, i64)]) -> String {
    let items: Vec<Bound<'py>> = pairs
        .iter()
        .map(|&(x, y)| f(py, &int(py, x), &int(py, y)).unwrap())
        .collect();
    repr(py, &tup(py, &items))
}

fn one<'py>(py: Python<'py>, f: BinaryFunc, x: i64, y: i64) -> String {
    res(py, f(py, &int(py, x), &int(py, y)))
}

#[test]
fn int_repr_and_hash() {
    run(|py| {
        // int.repr: 0 -42 -9223372036854775808 9223372036854775807
        let vals = [0, -42, i64::MIN, i64::MAX];
        let r: Vec<String> = vals.iter().map(|&v| repr(py, &int(py, v))).collect();
        assert_eq!(
            r.join(" "),
            "0 -42 -9223372036854775808 9223372036854775807"
        );
        // int.hash: 0 5 -2 -2 0 1 -4 3
        let hash = py.builtins().int().tp_hash.get().unwrap();
        let vals = [0, 5, -1, -2, (1 << 61) - 1, 1 << 61, i64::MIN, i64::MAX];
        let h: Vec<isize> = vals
            .iter()
            .map(|&v| hash(py, &int(py, v)).unwrap())
            .collect();
        assert_eq!(h, [0, 5, -2, -2, 0, 1, -4, 3]);
        // str(int) goes through object's tp_str in CPython; here tp_str is unset and
        // str_of falls back to repr.
        assert_eq!(str_(py, &int(py, -7)), "-7");
    });
}

#[test]
fn int_arithmetic() {
    run(|py| {
        let add = int_slot(py, |n| n.nb_add.get());
        let sub = int_slot(py, |n| n.nb_subtract.get());
        let mul = int_slot(py, |n| n.nb_multiply.get());
        assert_eq!(one(py, add, 2, 3), "5"); // int.add
        assert_eq!(one(py, sub, 2, 3), "-1"); // int.sub
        assert_eq!(one(py, mul, -4, 3), "-12"); // int.mul
        let signs = [(7, 2), (-7, 2), (7, -2), (-7, -2)];
        let fdiv = int_slot(py, |n| n.nb_floor_divide.get());
        let rem = int_slot(py, |n| n.nb_remainder.get());
        let dm = int_slot(py, |n| n.nb_divmod.get());
        assert_eq!(table(py, fdiv, &signs), "(3, -4, -4, 3)"); // int.floordiv
        assert_eq!(table(py, rem, &signs), "(1, 1, -1, -1)"); // int.mod
        assert_eq!(table(py, dm, &[(7, -2), (-7, 2)]), "((-4, -1), (-4, 1))"); // int.divmod
        assert_eq!(one(py, rem, i64::MIN, -1), "0"); // int.min_mod_minus_one
        // int.floordiv.zero / int.mod.zero / int.divmod.zero
        let zd = "ZeroDivisionError: integer division or modulo by zero";
        assert_eq!(one(py, fdiv, 1, 0), zd);
        assert_eq!(
            one(py, rem, 1, 0),
            "ZeroDivisionError: integer modulo by zero"
        );
        assert_eq!(one(py, dm, 1, 0), zd);
        // pyrt: results outside i64 raise OverflowError (CPython promotes).
        let ovf = "OverflowError: int too large";
        assert_eq!(one(py, add, i64::MAX, 1), ovf);
        assert_eq!(one(py, sub, i64::MIN, 1), ovf);
        assert_eq!(one(py, mul, 1 << 32, 1 << 31), ovf);
        assert_eq!(one(py, fdiv, i64::MIN, -1), ovf);
        assert_eq!(one(py, dm, i64::MIN, -1), ovf);
        // bool operands are ints: True + True == 2.
        let t = boolean(py, true);
        assert_eq!(res(py, add(py, &t, &t)), "2");
    });
}

fn pow3<'py>(py: Python<'py>, x: i64, y: i64, m: Option<i64>) -> PyResult<Bound<'py>> {
    let f = nb(py.builtins().int()).nb_power.get().unwrap();
    let m = m.map(|m| int(py, m));
    f(py, &int(py, x), &int(py, y), m.as_ref())
}

#[test]
fn int_power() {
    run(|py| {
        // int.pow: (1024, -9223372036854775808, 1, -1)
        let r: Vec<Bound<'_>> = [(2, 10), (-2, 63), (0, 0), (-1, (1 << 62) + 1)]
            .iter()
            .map(|&(x, y)| pow3(py, x, y, None).unwrap())
            .collect();
        assert_eq!(
            repr(py, &tup(py, &r)),
            "(1024, -9223372036854775808, 1, -1)"
        );
        // int.pow.zero_negative
        assert_eq!(
            res(py, pow3(py, 0, -1, None)),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        // int.pow.negative_is_float: 0.5. pyrt has no float.
        assert_eq!(
            res(py, pow3(py, 2, -1, None)),
            "ValueError: negative exponent not supported by pyrt's int"
        );
        assert_eq!(
            res(py, pow3(py, 2, 63, None)),
            "OverflowError: int too large"
        );
        // int.pow.mod: (3, -2, 2, -4, 0)
        let r: Vec<Bound<'_>> = [(2, 3, 5), (2, 3, -5), (-2, 3, 5), (2, 0, -5), (2, 3, 1)]
            .iter()
            .map(|&(x, y, m)| pow3(py, x, y, Some(m)).unwrap())
            .collect();
        assert_eq!(repr(py, &tup(py, &r)), "(3, -2, 2, -4, 0)");
        // int.pow.mod_inverse: (3, -2)
        assert_eq!(res(py, pow3(py, 2, -1, Some(5))), "3");
        assert_eq!(res(py, pow3(py, 3, -1, Some(-7))), "-2");
        // int.pow.mod_not_invertible / int.pow.mod_zero
        assert_eq!(
            res(py, pow3(py, 2, -1, Some(4))),
            "ValueError: base is not invertible for the given modulus"
        );
        assert_eq!(
            res(py, pow3(py, 2, 3, Some(0))),
            "ValueError: pow() 3rd argument cannot be 0"
        );
        // Large moduli do not overflow the intermediate products.
        assert_eq!(
            res(py, pow3(py, i64::MAX - 1, i64::MAX, Some(i64::MAX))),
            "9223372036854775806"
        );
        // A None modulus is no modulus; a non-int modulus is NotImplemented.
        let f = nb(py.builtins().int()).nb_power.get().unwrap();
        let n = none(py);
        assert_eq!(res(py, f(py, &int(py, 2), &int(py, 3), Some(&n))), "8");
        assert!(is_ni(
            py,
            &f(py, &int(py, 2), &int(py, 3), Some(&s(py, "x"))).unwrap()
        ));
    });
}

#[test]
fn int_unary_bitwise_and_shifts() {
    run(|py| {
        let n = nb(py.builtins().int());
        let un =
            |f: Option<pyrt_core::types::UnaryFunc>, v: i64| res(py, f.unwrap()(py, &int(py, v)));
        // int.unary: (-5, 5, 5, -6, 0)
        assert_eq!(un(n.nb_negative.get(), 5), "-5");
        assert_eq!(un(n.nb_positive.get(), 5), "5");
        assert_eq!(un(n.nb_absolute.get(), -5), "5");
        assert_eq!(un(n.nb_invert.get(), 5), "-6");
        assert_eq!(un(n.nb_invert.get(), -1), "0");
        assert_eq!(
            un(n.nb_negative.get(), i64::MIN),
            "OverflowError: int too large"
        );
        assert_eq!(
            un(n.nb_absolute.get(), i64::MIN),
            "OverflowError: int too large"
        );
        // +x, int(x), index(x) return an exact int itself, and convert a bool.
        let five = int(py, 5);
        assert!(n.nb_positive.get().unwrap()(py, &five).unwrap().is(&five));
        let t = boolean(py, true);
        let r = n.nb_int.get().unwrap()(py, &t).unwrap();
        assert_eq!((r.type_name(), value(&r)), ("int".to_owned(), 1));
        assert_eq!(
            n.nb_index.get().unwrap()(py, &t).unwrap().type_name(),
            "int"
        );
        // int.bool: (False, True)
        assert!(!n.nb_bool.get().unwrap()(py, &int(py, 0)).unwrap());
        assert!(n.nb_bool.get().unwrap()(py, &int(py, -3)).unwrap());
        // int.bitwise: (5, -3, -8)
        let and = int_slot(py, |n| n.nb_and.get());
        let or = int_slot(py, |n| n.nb_or.get());
        let xor = int_slot(py, |n| n.nb_xor.get());
        assert_eq!(
            [one(py, and, 5, -3), one(py, or, 5, -3), one(py, xor, 5, -3)],
            ["5", "-3", "-8"]
        );
        // int.shift: (1024, -9223372036854775808, -1, 0, -4)
        let shl = int_slot(py, |n| n.nb_lshift.get());
        let shr = int_slot(py, |n| n.nb_rshift.get());
        assert_eq!(
            table(py, shl, &[(1, 10), (-1, 63)]),
            "(1024, -9223372036854775808)"
        );
        assert_eq!(
            table(py, shr, &[(-1, 100), (1, 100), (-8, 1)]),
            "(-1, 0, -4)"
        );
        // int.shift.negative / int.rshift.negative
        assert_eq!(one(py, shl, 1, -1), "ValueError: negative shift count");
        assert_eq!(one(py, shr, 1, -1), "ValueError: negative shift count");
        // pyrt: 1 << 63 and 1 << 64 leave i64; 0 << anything is 0.
        assert_eq!(one(py, shl, 1, 63), "OverflowError: int too large");
        assert_eq!(one(py, shl, 1, 64), "OverflowError: int too large");
        assert_eq!(one(py, shl, 0, 1000), "0");
    });
}

#[test]
fn int_compare_and_mixed_operands() {
    run(|py| {
        let cmp = py.builtins().int().tp_richcompare.get().unwrap();
        // int.compare: (True, True, True, False, True, False)
        let ops = [
            (1, 2, CompareOp::Lt),
            (2, 2, CompareOp::Le),
            (3, 3, CompareOp::Eq),
            (3, 3, CompareOp::Ne),
            (2, 1, CompareOp::Gt),
            (1, 2, CompareOp::Ge),
        ];
        let r: Vec<Bound<'_>> = ops
            .iter()
            .map(|&(x, y, op)| cmp(py, &int(py, x), &int(py, y), op).unwrap())
            .collect();
        assert_eq!(
            repr(py, &tup(py, &r)),
            "(True, True, True, False, True, False)"
        );
        // int.compare.str: the slot says NotImplemented (the TypeError is the protocol's).
        let a = s(py, "a");
        assert!(is_ni(py, &cmp(py, &int(py, 1), &a, CompareOp::Lt).unwrap()));
        // Every binary slot gives NotImplemented for a non-int operand, either side.
        let n = nb(py.builtins().int());
        for f in [
            n.nb_add.get(),
            n.nb_subtract.get(),
            n.nb_multiply.get(),
            n.nb_floor_divide.get(),
            n.nb_remainder.get(),
            n.nb_divmod.get(),
            n.nb_lshift.get(),
            n.nb_rshift.get(),
            n.nb_and.get(),
            n.nb_or.get(),
            n.nb_xor.get(),
        ] {
            let f = f.unwrap();
            assert!(is_ni(py, &f(py, &int(py, 1), &a).unwrap()));
            assert!(is_ni(py, &f(py, &a, &int(py, 1)).unwrap()));
        }
        // Pure-operation errors need the protocol: the message is pyrt-core's.
        let e = pyrt_core::protocol::rich_compare(py, &int(py, 1), &a, CompareOp::Lt);
        assert_eq!(
            res(py, e),
            "TypeError: '<' not supported between instances of 'int' and 'str'"
        );
    });
}

#[test]
fn bool_slots() {
    run(|py| {
        let b = py.builtins().bool_();
        let (t, f) = (boolean(py, true), boolean(py, false));
        // bool.repr: ('True', 'False')
        assert_eq!(
            (repr(py, &t), repr(py, &f)),
            ("True".to_owned(), "False".to_owned())
        );
        // bool.logic: (True, True, False, 0, 3, 0)
        let n = nb(b);
        let r = [
            n.nb_and.get().unwrap()(py, &t, &t),
            n.nb_or.get().unwrap()(py, &t, &f),
            n.nb_xor.get().unwrap()(py, &t, &t),
            n.nb_and.get().unwrap()(py, &t, &int(py, 0)),
            n.nb_or.get().unwrap()(py, &t, &int(py, 2)),
            n.nb_xor.get().unwrap()(py, &t, &int(py, 1)),
        ];
        let r: Vec<Bound<'_>> = r.into_iter().map(Result::unwrap).collect();
        assert_eq!(repr(py, &tup(py, &r)), "(True, True, False, 0, 3, 0)");
        assert!(r[0].is(&t));
        // Non-int operands: NotImplemented (from int's slot).
        assert!(is_ni(
            py,
            &n.nb_and.get().unwrap()(py, &t, &s(py, "x")).unwrap()
        ));
        // bool defines only these number slots; the rest come from int by inheritance.
        assert!(n.nb_add.get().is_none());
        // bool.new: (False, False, True, False, True, False, False)
        let vals = [
            None,
            Some(int(py, 0)),
            Some(int(py, 5)),
            Some(s(py, "")),
            Some(s(py, "a")),
            Some(tup(py, &[])),
            Some(none(py)),
        ];
        let got: Vec<Bound<'_>> = vals
            .iter()
            .map(|v| call_new(py, b, v.as_slice(), &[]).unwrap())
            .collect();
        assert_eq!(
            repr(py, &tup(py, &got)),
            "(False, False, True, False, True, False, False)"
        );
        // bool.new.two / bool.new.kw
        assert_eq!(
            res(py, call_new(py, b, &[t.clone(), t.clone()], &[])),
            "TypeError: bool expected at most 1 argument, got 2"
        );
        assert_eq!(
            res(py, call_new(py, b, &[], &[("x", t.clone())])),
            "TypeError: bool() takes no keyword arguments"
        );
        assert_eq!(
            res(
                py,
                call_new(py, b, &[t.clone(), t.clone()], &[("x", t.clone())])
            ),
            "TypeError: bool() takes no keyword arguments"
        );
    });
}
