//! The methods of `list` against CPython 3.11's recorded outcomes
//! (`fixtures/builtin_methods_expected.txt`, recorded by `fixtures/record_builtin_methods.py`).
//! Each test checks that it frees every object it allocates.

mod builtin_methods_support;
mod descr_support;

use builtin_methods_support::*;

#[test]
fn list_append() {
    case("list.append", |py| {
        let l = ints(py, &[1]);
        after(py, m(py, &l, "append", &[i(py, 2)]), &l)
    });
}

#[test]
fn list_extend() {
    case("list.extend", |py| {
        let l = ints(py, &[1]);
        after(
            py,
            m(py, &l, "extend", &[tuple(py, &[i(py, 2), i(py, 3)])]),
            &l,
        )
    });
}

#[test]
fn list_extend_not_iterable() {
    case("list.extend_not_iterable", |py| {
        show(py, m(py, &ints(py, &[]), "extend", &[i(py, 1)]))
    });
}

#[test]
fn list_insert() {
    case("list.insert", |py| {
        let l = ints(py, &[1, 2]);
        for (at, v) in [(-10, 0), (10, 9), (1, 5)] {
            m(py, &l, "insert", &[i(py, at), i(py, v)]).unwrap();
        }
        repr(py, &l)
    });
}

#[test]
fn list_insert_bad_index() {
    case("list.insert_bad_index", |py| {
        show(py, m(py, &ints(py, &[]), "insert", &[s(py, "a"), i(py, 1)]))
    });
}

#[test]
fn list_pop() {
    case("list.pop", |py| {
        let l = ints(py, &[1, 2, 3]);
        let a = m(py, &l, "pop", &[]).unwrap();
        let b = m(py, &l, "pop", &[i(py, 0)]).unwrap();
        tup(py, &[a, b, l])
    });
}

#[test]
fn list_pop_empty() {
    case("list.pop_empty", |py| {
        show(py, m(py, &ints(py, &[]), "pop", &[]))
    });
}

#[test]
fn list_pop_out_of_range() {
    case("list.pop_range", |py| {
        show(py, m(py, &ints(py, &[1]), "pop", &[i(py, 5)]))
    });
}

#[test]
fn list_pop_bad_index() {
    case("list.pop_bad_index", |py| {
        show(py, m(py, &ints(py, &[1]), "pop", &[s(py, "a")]))
    });
}

#[test]
fn list_remove() {
    case("list.remove", |py| {
        let l = ints(py, &[1, 2, 1]);
        after(py, m(py, &l, "remove", &[i(py, 1)]), &l)
    });
}

#[test]
fn list_remove_missing() {
    case("list.remove_missing", |py| {
        show(py, m(py, &ints(py, &[]), "remove", &[i(py, 1)]))
    });
}

#[test]
fn list_index() {
    case("list.index", |py| {
        show(
            py,
            m(py, &ints(py, &[1, 2, 1]), "index", &[i(py, 1), i(py, 1)]),
        )
    });
}

#[test]
fn list_index_missing() {
    case("list.index_missing", |py| {
        show(
            py,
            m(
                py,
                &ints(py, &[1, 2]),
                "index",
                &[i(py, 1), i(py, 1), i(py, 2)],
            ),
        )
    });
}

#[test]
fn list_index_bad_bound() {
    case("list.index_bad_bound", |py| {
        show(py, m(py, &ints(py, &[1]), "index", &[i(py, 1), s(py, "a")]))
    });
}

#[test]
fn list_index_negative_start() {
    case("list.index_negative", |py| {
        show(
            py,
            m(py, &ints(py, &[1, 2, 3]), "index", &[i(py, 3), i(py, -1)]),
        )
    });
}

#[test]
fn list_count() {
    case("list.count", |py| {
        show(py, m(py, &ints(py, &[1, 2, 1, 1]), "count", &[i(py, 1)]))
    });
}

#[test]
fn list_count_without_argument() {
    case("list.count_no_arg", |py| {
        show(py, m(py, &ints(py, &[]), "count", &[]))
    });
}

#[test]
fn list_clear() {
    case("list.clear", |py| {
        let l = ints(py, &[1, 2]);
        after(py, m(py, &l, "clear", &[]), &l)
    });
}

#[test]
fn list_copy_is_shallow() {
    case("list.copy", |py| {
        let inner = ints(py, &[2]);
        let l = list(py, &[i(py, 1), inner.clone()]);
        let c = m(py, &l, "copy", &[]).unwrap();
        let same_item = list_items(py, &c)[1].is(&inner);
        tup(py, &[c.clone(), b(py, c.is(&l)), b(py, same_item)])
    });
}

#[test]
fn list_reverse() {
    case("list.reverse", |py| {
        let l = ints(py, &[1, 2, 3]);
        after(py, m(py, &l, "reverse", &[]), &l)
    });
}

#[test]
fn list_sort() {
    case("list.sort", |py| {
        let l = ints(py, &[3, 1, 2]);
        after(py, m(py, &l, "sort", &[]), &l)
    });
}

#[test]
fn list_sort_reverse() {
    case("list.sort_reverse", |py| {
        let l = ints(py, &[3, 1, 2]);
        after(
            py,
            mkw(py, &l, "sort", &[], &[("reverse", b(py, true))]),
            &l,
        )
    });
}

#[test]
fn list_sort_key() {
    case("list.sort_key", |py| {
        let l = strs(py, &["bb", "a", "ccc"]);
        after(py, mkw(py, &l, "sort", &[], &[("key", len_fn(py))]), &l)
    });
}

#[test]
fn list_sort_is_stable_when_reversed() {
    case("list.sort_stable_reverse", |py| {
        let l = list(
            py,
            &[
                tuple(py, &[i(py, 1), s(py, "a")]),
                tuple(py, &[i(py, 0), s(py, "b")]),
                tuple(py, &[i(py, 1), s(py, "c")]),
            ],
        );
        after(
            py,
            mkw(
                py,
                &l,
                "sort",
                &[],
                &[("key", len_fn(py)), ("reverse", b(py, true))],
            ),
            &l,
        )
    });
}

#[test]
fn list_sort_incomparable() {
    case("list.sort_mixed", |py| {
        show(py, m(py, &list(py, &[i(py, 3), s(py, "a")]), "sort", &[]))
    });
}

#[test]
fn list_sort_positional() {
    case("list.sort_positional", |py| {
        show(py, m(py, &ints(py, &[]), "sort", &[i(py, 1)]))
    });
}

#[test]
fn list_sort_bad_keyword() {
    case("list.sort_bad_keyword", |py| {
        show(
            py,
            mkw(
                py,
                &ints(py, &[]),
                "sort",
                &[],
                &[("key", none(py)), ("x", i(py, 2))],
            ),
        )
    });
}

#[test]
fn list_sort_key_none() {
    case("list.sort_key_none", |py| {
        let l = ints(py, &[2, 1]);
        after(py, mkw(py, &l, "sort", &[], &[("key", none(py))]), &l)
    });
}

#[test]
fn list_sort_error_restores_the_list() {
    case("list.sort_modified_error", |py| {
        let l = ints(py, &[2, 1]);
        let append = get(py, &l, "append").unwrap();
        let r = mkw(py, &l, "sort", &[], &[("key", append)]);
        repr(py, &s(py, &format!("{} {}", show(py, r), repr(py, &l))))
    });
}

// ------------------------------------------------------------ dict
