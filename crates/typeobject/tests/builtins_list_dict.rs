//! Tests of the slots of `list` and `dict`. Expectations come from CPython 3.11
//! through `tests/fixtures/record_builtins.py` (ids in the comments).
//! Each test checks that it frees every object it allocates.

mod builtins_support;

use builtins_support::*;
use pyrt_core::builtins::ListObject;
use pyrt_core::types::CompareOp;
use pyrt_core::{Bound, PyResult, Python};

#[test]
fn list_repr_and_compare() {
    run(|py| {
        let tp = py.builtins().list();
        // list.repr: ('[]', "[1, 'a']"); list.repr.recursive: [1, [...]]
        assert_eq!(repr(py, &list(py, &[])), "[]");
        assert_eq!(repr(py, &list(py, &[int(py, 1), s(py, "a")])), "[1, 'a']");
        let l = list(py, &ints(py, &[1]));
        l.downcast::<ListObject>().unwrap().append(&l);
        assert_eq!(repr(py, &l), "[1, [...]]");
        l.downcast::<ListObject>().unwrap().clear(py);
        // list.compare: (True, True, True, False, True)
        let li = |v: &[i64]| list(py, &ints(py, v));
        assert_eq!(cmp(py, tp, &li(&[1]), &li(&[1, 2]), CompareOp::Lt), "True");
        assert_eq!(
            cmp(py, tp, &li(&[1, 2]), &li(&[1, 2]), CompareOp::Eq),
            "True"
        );
        assert_eq!(cmp(py, tp, &li(&[3]), &li(&[2, 9]), CompareOp::Gt), "True");
        assert_eq!(cmp(py, tp, &li(&[1]), &li(&[1, 2]), CompareOp::Eq), "False");
        assert_eq!(cmp(py, tp, &li(&[1]), &li(&[1, 2]), CompareOp::Ne), "True");
        let nested = |py| list(py, &[int(py, 1), list(py, &ints(py, &[2]))]);
        assert_eq!(cmp(py, tp, &nested(py), &nested(py), CompareOp::Eq), "True");
        // list.compare.mixed
        let mixed = cmp(
            py,
            tp,
            &list(py, &[int(py, 1), s(py, "a")]),
            &li(&[1, 2]),
            CompareOp::Lt,
        );
        assert_eq!(
            mixed,
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        // list.hash: lists define no hash (readying sets __hash__ = None).
        assert!(tp.tp_hash.get().is_none());
        assert_eq!(
            err(py, pyrt_core::protocol::hash(py, &li(&[]))),
            "TypeError: unhashable type: 'list'"
        );
    });
}

fn list_op<'py>(py: Python<'py>, f: impl FnOnce(&Bound<'py>) -> PyResult<()>) -> String {
    let l = list(py, &ints(py, &[1, 2, 3]));
    match f(&l) {
        Ok(()) => repr(py, &l),
        Err(e) => err::<()>(py, Err(e)),
    }
}

#[test]
fn list_item_access_and_assignment() {
    run(|py| {
        let tp = py.builtins().list();
        let (q, m) = (sq(tp), mp(tp));
        let sub = m.mp_subscript.get().unwrap();
        let l12 = list(py, &ints(py, &[1, 2]));
        assert_eq!(q.sq_length.get().unwrap()(py, &l12).unwrap(), 2);
        // list.item: (2, 1); list.item.range / .negative_range / .str_key
        assert_eq!(res(py, sub(py, &l12, &int(py, -1))), "2");
        assert_eq!(res(py, q.sq_item.get().unwrap()(py, &l12, 0)), "1");
        let range = "IndexError: list index out of range";
        assert_eq!(res(py, sub(py, &list(py, &[]), &int(py, 0))), range);
        assert_eq!(
            res(py, sub(py, &list(py, &ints(py, &[1])), &int(py, -2))),
            range
        );
        assert_eq!(
            res(py, sub(py, &l12, &s(py, "x"))),
            "TypeError: list indices must be integers or slices, not str"
        );
        // list.setitem: (['x', 2, 3], [1, 2, 'y']); list.setitem.range / .str_key
        let set = m.mp_ass_subscript.get().unwrap();
        assert_eq!(
            list_op(py, |l| set(py, l, &int(py, 0), Some(&s(py, "x")))),
            "['x', 2, 3]"
        );
        assert_eq!(
            list_op(py, |l| set(py, l, &int(py, -1), Some(&s(py, "y")))),
            "[1, 2, 'y']"
        );
        let arange = "IndexError: list assignment index out of range";
        assert_eq!(
            list_op(py, |l| set(py, l, &int(py, 5), Some(&int(py, 0)))),
            arange
        );
        assert_eq!(
            list_op(py, |l| set(py, l, &s(py, "x"), Some(&int(py, 0)))),
            "TypeError: list indices must be integers or slices, not str"
        );
        let ass = q.sq_ass_item.get().unwrap();
        assert_eq!(
            list_op(py, |l| ass(py, l, 1, Some(&int(py, 9)))),
            "[1, 9, 3]"
        );
        assert_eq!(list_op(py, |l| ass(py, l, -1, Some(&int(py, 9)))), arange);
        // list.delitem: ([1, 3], [2, 3]); list.delitem.range
        assert_eq!(list_op(py, |l| set(py, l, &int(py, 1), None)), "[1, 3]");
        assert_eq!(list_op(py, |l| set(py, l, &int(py, -3), None)), "[2, 3]");
        assert_eq!(list_op(py, |l| set(py, l, &int(py, 5), None)), arange);
        assert_eq!(list_op(py, |l| ass(py, l, 0, None)), "[2, 3]");
    });
}

#[test]
fn list_concat_repeat_contains() {
    run(|py| {
        let q = sq(py.builtins().list());
        let li = |v: &[i64]| list(py, &ints(py, v));
        // list.concat: [1, 2]; list.concat.tuple
        let cat = q.sq_concat.get().unwrap();
        assert_eq!(res(py, cat(py, &li(&[1]), &li(&[2]))), "[1, 2]");
        assert_eq!(
            res(py, cat(py, &li(&[1]), &tup(py, &[]))),
            "TypeError: can only concatenate list (not \"tuple\") to list"
        );
        // list.repeat: ([1, 2, 1, 2], []); list.repeat.overflow
        let rep = q.sq_repeat.get().unwrap();
        assert_eq!(res(py, rep(py, &li(&[1, 2]), 2)), "[1, 2, 1, 2]");
        assert_eq!(res(py, rep(py, &li(&[1]), -1)), "[]");
        assert_eq!(res(py, rep(py, &li(&[1, 2]), 1 << 62)), "MemoryError: ");
        // list.iadd: ([1, 2], [1, 3], [1, 'a', 'b']); list.iadd.int
        let iadd = q.sq_inplace_concat.get().unwrap();
        let l = li(&[1]);
        assert!(iadd(py, &l, &li(&[2])).unwrap().is(&l));
        assert_eq!(repr(py, &l), "[1, 2]");
        assert_eq!(
            res(py, iadd(py, &li(&[1]), &tup(py, &ints(py, &[3])))),
            "[1, 3]"
        );
        assert_eq!(res(py, iadd(py, &li(&[1]), &s(py, "ab"))), "[1, 'a', 'b']");
        assert_eq!(
            res(py, iadd(py, &li(&[1]), &int(py, 1))),
            "TypeError: 'int' object is not iterable"
        );
        let l = li(&[1, 2]);
        iadd(py, &l, &l).unwrap(); // l += l doubles
        assert_eq!(repr(py, &l), "[1, 2, 1, 2]");
        // list.imul: ([1, 2, 1, 2], [])
        let imul = q.sq_inplace_repeat.get().unwrap();
        assert_eq!(res(py, imul(py, &li(&[1, 2]), 2)), "[1, 2, 1, 2]");
        assert_eq!(res(py, imul(py, &li(&[1, 2]), 0)), "[]");
        // list.contains: (True, False)
        let has = q.sq_contains.get().unwrap();
        assert!(has(py, &li(&[1, 2]), &int(py, 2)).unwrap());
        assert!(!has(py, &li(&[1, 2]), &int(py, 3)).unwrap());
    });
}

#[test]
fn list_new_and_init() {
    run(|py| {
        let tp = py.builtins().list();
        // list.new: ([], [1, 2], ['a', 'b'], [1])
        assert_eq!(new_of(py, tp, &[], &[]), "[]");
        assert_eq!(
            new_of(py, tp, &[tup(py, &ints(py, &[1, 2]))], &[]),
            "[1, 2]"
        );
        assert_eq!(new_of(py, tp, &[s(py, "ab")], &[]), "['a', 'b']");
        assert_eq!(
            new_of(py, tp, &[dict(py, &[(int(py, 1), int(py, 2))])], &[]),
            "[1]"
        );
        // list.new.int / .two / .kw
        let one = int(py, 1);
        assert_eq!(
            new_of(py, tp, std::slice::from_ref(&one), &[]),
            "TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            new_of(py, tp, &[one.clone(), one.clone()], &[]),
            "TypeError: list expected at most 1 argument, got 2"
        );
        assert_eq!(
            new_of(py, tp, &[], &[("x", one.clone())]),
            "TypeError: list() takes no keyword arguments"
        );
        // list.__new__ ignores its arguments (they are __init__'s).
        assert_eq!(
            res(
                py,
                call_new(py, tp, std::slice::from_ref(&one), &[("x", one.clone())])
            ),
            "[]"
        );
        // list.init.self: l.__init__(l) empties l first.
        let l = list(py, &ints(py, &[1, 2]));
        tp.tp_init.get().unwrap()(py, &l, &args(py, std::slice::from_ref(&l)), None).unwrap();
        assert_eq!(repr(py, &l), "[]");
    });
}

#[test]
fn dict_repr_and_compare() {
    run(|py| {
        let tp = py.builtins().dict();
        // dict.repr: ('{}', "{'a': 1, 2: 'b'}")
        assert_eq!(repr(py, &dict(py, &[])), "{}");
        assert_eq!(
            repr(
                py,
                &dict(py, &[(s(py, "a"), int(py, 1)), (int(py, 2), s(py, "b"))])
            ),
            "{'a': 1, 2: 'b'}"
        );
        // dict.repr.recursive: {'a': {...}}
        let d = dict(py, &[]);
        d.downcast::<pyrt_core::builtins::DictObject>()
            .unwrap()
            .set_item(py, &s(py, "a"), &d)
            .unwrap();
        assert_eq!(repr(py, &d), "{'a': {...}}");
        d.downcast::<pyrt_core::builtins::DictObject>()
            .unwrap()
            .clear(py);
        // dict.repr.mutual: [{'x': [...]}] {'x': [{...}]}
        let l2 = list(py, &[]);
        let d3 = dict(py, &[(s(py, "x"), l2.clone())]);
        l2.downcast::<ListObject>().unwrap().append(&d3);
        assert_eq!(
            format!("{} {}", repr(py, &l2), repr(py, &d3)),
            "[{'x': [...]}] {'x': [{...}]}"
        );
        l2.downcast::<ListObject>().unwrap().clear(py);
        // dict.compare: (True, False, True); dict.compare.lt (NotImplemented from the slot)
        let one_two = |py| dict(py, &[(int(py, 1), int(py, 2))]);
        assert_eq!(
            cmp(py, tp, &one_two(py), &one_two(py), CompareOp::Eq),
            "True"
        );
        let a = dict(py, &[(int(py, 1), s(py, "a"))]);
        let ab = dict(py, &[(int(py, 1), s(py, "a")), (int(py, 2), s(py, "b"))]);
        assert_eq!(cmp(py, tp, &a, &ab, CompareOp::Eq), "False");
        let b = dict(py, &[(int(py, 1), s(py, "b"))]);
        assert_eq!(cmp(py, tp, &a, &b, CompareOp::Ne), "True");
        assert_eq!(
            cmp(py, tp, &one_two(py), &one_two(py), CompareOp::Lt),
            "NotImplemented"
        );
        let lt = pyrt_core::protocol::rich_compare(py, &a, &b, CompareOp::Lt);
        assert_eq!(
            res(py, lt),
            "TypeError: '<' not supported between instances of 'dict' and 'dict'"
        );
        // dict.hash
        assert!(tp.tp_hash.get().is_none());
    });
}

#[test]
fn dict_mapping_slots() {
    run(|py| {
        let tp = py.builtins().dict();
        let m = mp(tp);
        let (get, set) = (
            m.mp_subscript.get().unwrap(),
            m.mp_ass_subscript.get().unwrap(),
        );
        let d = dict(py, &[(int(py, 1), int(py, 2))]);
        assert_eq!(m.mp_length.get().unwrap()(py, &d).unwrap(), 1);
        assert_eq!(res(py, get(py, &d, &int(py, 1))), "2");
        // dict.getitem.missing / .tuple_key / .unhashable
        assert_eq!(res(py, get(py, &d, &s(py, "x"))), "KeyError: 'x'");
        assert_eq!(
            res(py, get(py, &d, &tup(py, &ints(py, &[1])))),
            "KeyError: (1,)"
        );
        assert_eq!(
            res(py, get(py, &d, &list(py, &ints(py, &[1])))),
            "TypeError: unhashable type: 'list'"
        );
        set(py, &d, &s(py, "k"), Some(&int(py, 3))).unwrap();
        assert_eq!(repr(py, &d), "{1: 2, 'k': 3}");
        set(py, &d, &s(py, "k"), None).unwrap();
        // dict.delitem.missing
        assert_eq!(err(py, set(py, &d, &s(py, "k"), None)), "KeyError: 'k'");
        // dict.contains: (True, False); dict.contains.unhashable
        let has = sq(tp).sq_contains.get().unwrap();
        assert!(has(py, &d, &int(py, 1)).unwrap());
        assert!(!has(py, &d, &int(py, 2)).unwrap());
        assert_eq!(
            err(py, has(py, &d, &list(py, &[]))),
            "TypeError: unhashable type: 'list'"
        );
        // dict.or: {1: 5, 3: 4}; dict.or.list (NotImplemented from the slot)
        let or = nb(tp).nb_or.get().unwrap();
        let other = dict(py, &[(int(py, 3), int(py, 4)), (int(py, 1), int(py, 5))]);
        assert_eq!(res(py, or(py, &d, &other)), "{1: 5, 3: 4}");
        assert_eq!(repr(py, &d), "{1: 2}");
        let pairs = list(py, &[tup(py, &ints(py, &[3, 4]))]);
        assert!(is_ni(py, &or(py, &d, &pairs).unwrap()));
        // dict.ior: ({1: 2, 3: 4}, {1: 2, 5: 6})
        let ior = nb(tp).nb_inplace_or.get().unwrap();
        assert_eq!(
            res(
                py,
                ior(
                    py,
                    &dict(py, &[(int(py, 1), int(py, 2))]),
                    &dict(py, &[(int(py, 3), int(py, 4))])
                )
            ),
            "{1: 2, 3: 4}"
        );
        let pairs = list(py, &[tup(py, &ints(py, &[5, 6]))]);
        assert!(ior(py, &d, &pairs).unwrap().is(&d));
        assert_eq!(repr(py, &d), "{1: 2, 5: 6}");
    });
}

#[test]
fn dict_new_and_init() {
    run(|py| {
        let tp = py.builtins().dict();
        let (one, two) = (int(py, 1), int(py, 2));
        // dict.new: ({}, {'a': 1, 'b': 2}, {'a': 1, 'b': 2}, {1: 2}, {1: 2, 3: 4}, {'a': 'b'}, {1: 2, 'a': 1})
        assert_eq!(new_of(py, tp, &[], &[]), "{}");
        assert_eq!(
            new_of(py, tp, &[], &[("a", one.clone()), ("b", two.clone())]),
            "{'a': 1, 'b': 2}"
        );
        let src = dict(py, &[(s(py, "a"), one.clone())]);
        assert_eq!(
            new_of(py, tp, &[src], &[("b", two.clone())]),
            "{'a': 1, 'b': 2}"
        );
        let pairs = list(py, &[tup(py, &ints(py, &[1, 2]))]);
        assert_eq!(new_of(py, tp, std::slice::from_ref(&pairs), &[]), "{1: 2}");
        let mixed = list(
            py,
            &[list(py, &ints(py, &[1, 2])), tup(py, &ints(py, &[3, 4]))],
        );
        assert_eq!(new_of(py, tp, &[mixed], &[]), "{1: 2, 3: 4}");
        assert_eq!(
            new_of(py, tp, &[list(py, &[s(py, "ab")])], &[]),
            "{'a': 'b'}"
        );
        assert_eq!(
            new_of(py, tp, &[pairs], &[("a", one.clone())]),
            "{1: 2, 'a': 1}"
        );
        // dict.new.int / .two / .two_kw / .not_seq / .len3
        assert_eq!(
            new_of(py, tp, std::slice::from_ref(&one), &[]),
            "TypeError: 'int' object is not iterable"
        );
        let at_most = "TypeError: dict expected at most 1 argument, got 2";
        assert_eq!(new_of(py, tp, &[one.clone(), two.clone()], &[]), at_most);
        assert_eq!(
            new_of(py, tp, &[one.clone(), two.clone()], &[("x", one.clone())]),
            at_most
        );
        let bad = list(py, &[tup(py, &ints(py, &[1, 2])), int(py, 3)]);
        assert_eq!(
            new_of(py, tp, &[bad], &[]),
            "TypeError: cannot convert dictionary update sequence element #1 to a sequence"
        );
        let len3 = list(py, &[tup(py, &ints(py, &[1, 2, 3]))]);
        assert_eq!(
            new_of(py, tp, &[len3], &[]),
            "ValueError: dictionary update sequence element #0 has length 3; 2 is required"
        );
    });
}
