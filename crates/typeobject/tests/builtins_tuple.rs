//! Tests of `tuple`'s slots. Expectations come from CPython 3.11 through
//! `tests/fixtures/record_builtins.py` (ids in the comments).
//! Each test checks that it frees every object it allocates.

mod builtins_support;

use builtins_support::*;
use pyrt_core::Bound;
use pyrt_core::builtins::ListObject;
use pyrt_core::types::{CompareOp, TypeFlags};

#[test]
fn tuple_hash_matches_cpython() {
    run(|py| {
        let h = |t: &Bound<'_>| py.builtins().tuple().tp_hash.get().unwrap()(py, t).unwrap();
        // tuple.hash[...]
        assert_eq!(h(&tup(py, &[])), 5740354900026072187);
        assert_eq!(h(&tup(py, &ints(py, &[1]))), -6644214454873602895);
        assert_eq!(h(&tup(py, &ints(py, &[1, 2]))), -3550055125485641917);
        assert_eq!(h(&tup(py, &[tup(py, &[])])), -5486347211504344842);
        assert_eq!(h(&tup(py, &ints(py, &[-1]))), 8078679518589016365);
        assert_eq!(
            h(&tup(py, &[int(py, 1), tup(py, &ints(py, &[2, 3]))])),
            7267574591690527098
        );
        // (True, False): bool's hash is int's by inheritance, so (1, 0) stands in for it.
        assert_eq!(h(&tup(py, &ints(py, &[1, 0]))), -5164621852614943976);
        assert_eq!(h(&tup(py, &ints(py, &[5, 6, 7]))), -1350146935415579984);
        // An unhashable item makes the tuple unhashable.
        let r = py.builtins().tuple().tp_hash.get().unwrap()(py, &tup(py, &[list(py, &[])]));
        assert_eq!(err(py, r), "TypeError: unhashable type: 'list'");
    });
}

#[test]
fn tuple_repr_and_compare() {
    run(|py| {
        let tp = py.builtins().tuple();
        // tuple.repr: ('()', '(1,)', "(1, 'a')")
        assert_eq!(repr(py, &tup(py, &[])), "()");
        assert_eq!(repr(py, &tup(py, &ints(py, &[1]))), "(1,)");
        assert_eq!(repr(py, &tup(py, &[int(py, 1), s(py, "a")])), "(1, 'a')");
        // tuple.repr.recursive: ([(...)],)
        let inner = list(py, &[]);
        let t = tup(py, std::slice::from_ref(&inner));
        inner.downcast::<ListObject>().unwrap().append(&t);
        assert_eq!(repr(py, &t), "([(...)],)");
        inner.downcast::<ListObject>().unwrap().clear(py); // break the cycle
        // tuple.compare: (True, True, True, True, True, True, False, False)
        let t = |v: &[i64]| tup(py, &ints(py, v));
        let cases = [
            (t(&[1, 2]), t(&[1, 3]), CompareOp::Lt),
            (t(&[1, 2]), t(&[1, 2, 0]), CompareOp::Lt),
            (t(&[1, 2, 3]), t(&[1, 2]), CompareOp::Gt),
            (t(&[1, 2]), t(&[1, 2]), CompareOp::Ge),
            (t(&[]), t(&[1]), CompareOp::Lt),
            (t(&[2]), t(&[1, 5]), CompareOp::Gt),
            (
                tup(py, &[int(py, 1), s(py, "a")]),
                t(&[1, 2]),
                CompareOp::Eq,
            ),
            (t(&[1, 2]), t(&[1, 2]), CompareOp::Ne),
        ];
        let got: Vec<String> = cases
            .iter()
            .map(|(a, b, op)| cmp(py, tp, a, b, *op))
            .collect();
        assert_eq!(
            got,
            [
                "True", "True", "True", "True", "True", "True", "False", "False"
            ]
        );
        // tuple.compare.mixed: the differing pair is compared with the operator.
        let mixed = cmp(
            py,
            tp,
            &tup(py, &[int(py, 1), s(py, "a")]),
            &t(&[1, 2]),
            CompareOp::Lt,
        );
        assert_eq!(
            mixed,
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        assert_eq!(
            cmp(py, tp, &t(&[1]), &list(py, &[]), CompareOp::Eq),
            "NotImplemented"
        );
    });
}

#[test]
fn tuple_sequence_and_mapping_slots() {
    run(|py| {
        let tp = py.builtins().tuple();
        let (q, m) = (sq(tp), mp(tp));
        let t12 = tup(py, &ints(py, &[1, 2]));
        let sub = m.mp_subscript.get().unwrap();
        assert_eq!(q.sq_length.get().unwrap()(py, &t12).unwrap(), 2);
        // tuple.item: (2, 1); tuple.item.range / .negative_range / .str_key
        assert_eq!(res(py, sub(py, &t12, &int(py, -1))), "2");
        assert_eq!(res(py, q.sq_item.get().unwrap()(py, &t12, 0)), "1");
        let range = "IndexError: tuple index out of range";
        assert_eq!(
            res(py, sub(py, &tup(py, &ints(py, &[1])), &int(py, 3))),
            range
        );
        assert_eq!(res(py, sub(py, &t12, &int(py, -3))), range);
        assert_eq!(res(py, q.sq_item.get().unwrap()(py, &t12, 2)), range);
        assert_eq!(
            res(py, sub(py, &t12, &s(py, "x"))),
            "TypeError: tuple indices must be integers or slices, not str"
        );
        // tuple.concat / .int / .list
        let cat = q.sq_concat.get().unwrap();
        let t1 = tup(py, &ints(py, &[1]));
        assert_eq!(
            res(py, cat(py, &t1, &tup(py, &ints(py, &[2, 3])))),
            "(1, 2, 3)"
        );
        assert_eq!(
            res(py, cat(py, &t1, &int(py, 1))),
            "TypeError: can only concatenate tuple (not \"int\") to tuple"
        );
        assert_eq!(
            res(py, cat(py, &t1, &list(py, &[]))),
            "TypeError: can only concatenate tuple (not \"list\") to tuple"
        );
        // tuple.repeat: ((1, 2, 1, 2), ()); tuple.repeat.overflow
        let rep = q.sq_repeat.get().unwrap();
        assert_eq!(res(py, rep(py, &t12, 2)), "(1, 2, 1, 2)");
        assert_eq!(res(py, rep(py, &t1, 0)), "()");
        assert!(rep(py, &t12, 1).unwrap().is(&t12));
        assert_eq!(res(py, rep(py, &t12, 1 << 62)), "MemoryError: ");
        // tuple.contains: (True, False)
        let has = q.sq_contains.get().unwrap();
        assert!(has(py, &t12, &int(py, 2)).unwrap());
        assert!(!has(py, &t12, &int(py, 3)).unwrap());
    });
}

#[test]
fn tuple_new() {
    run(|py| {
        let tp = py.builtins().tuple();
        // tuple.new: ((), (1, 2), ('a', 'b'), (1, 3))
        assert_eq!(new_of(py, tp, &[], &[]), "()");
        assert_eq!(
            new_of(py, tp, &[list(py, &ints(py, &[1, 2]))], &[]),
            "(1, 2)"
        );
        assert_eq!(new_of(py, tp, &[s(py, "ab")], &[]), "('a', 'b')");
        let d = dict(py, &[(int(py, 1), int(py, 2)), (int(py, 3), int(py, 4))]);
        assert_eq!(new_of(py, tp, &[d], &[]), "(1, 3)");
        // tuple.new.same_object
        let t12 = tup(py, &ints(py, &[1, 2]));
        assert!(
            call_new(py, tp, std::slice::from_ref(&t12), &[])
                .unwrap()
                .is(&t12)
        );
        // tuple.new.int / .two / .kw / .kw_and_two
        let one = int(py, 1);
        assert_eq!(
            new_of(py, tp, std::slice::from_ref(&one), &[]),
            "TypeError: 'int' object is not iterable"
        );
        assert_eq!(
            new_of(py, tp, &[one.clone(), one.clone()], &[]),
            "TypeError: tuple expected at most 1 argument, got 2"
        );
        assert_eq!(
            new_of(py, tp, &[], &[("x", one.clone())]),
            "TypeError: tuple() takes no keyword arguments"
        );
        assert_eq!(
            new_of(py, tp, &[one.clone(), one.clone()], &[("x", one.clone())]),
            "TypeError: tuple() takes no keyword arguments"
        );
        // A subclass gets its own instance, even from an exact tuple.
        let sub = heap_type(
            py,
            "MyTuple",
            TypeFlags::TUPLE_SUBCLASS | TypeFlags::HAVE_GC,
        );
        // SAFETY: `sub` has no instances yet; it takes tuple's layout and dealloc/free.
        unsafe { copy_layout(&sub, tp, 0) };
        sub.tp_new.set(tp.tp_new.get());
        let r = call_new(py, &sub, std::slice::from_ref(&t12), &[]).unwrap();
        assert_eq!(r.type_name(), "MyTuple");
        assert!(!r.is(&t12));
        assert_eq!(text(&tp.tp_repr.get().unwrap()(py, &r).unwrap()), "(1, 2)");
        drop(r);
        free_type(py, sub);
    });
}
