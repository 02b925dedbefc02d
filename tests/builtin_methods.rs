//! The methods of `list`, `dict` and `str` against CPython 3.11's recorded outcomes
//! (`fixtures/builtin_methods_expected.txt`, recorded by
//! `fixtures/record_builtin_methods.py`). Each test checks that it frees every object it
//! allocates.

mod descr_support;

use descr_support::*;
use pyrt::call::call_method;
use pyrt::{Bound, PyAny, PyResult, Python};

const FIXTURE: &str = include_str!("fixtures/builtin_methods_expected.txt");

fn case(name: &str, f: impl for<'py> FnOnce(Python<'py>) -> String) {
    check_against(fx_in(FIXTURE, name), name, f)
}

fn m<'py>(
    py: Python<'py>,
    recv: &Bound<'py, PyAny>,
    name: &str,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    call_method(py, recv, name, args)
}

fn mkw<'py>(
    py: Python<'py>,
    recv: &Bound<'py, PyAny>,
    name: &str,
    args: &[Bound<'py, PyAny>],
    kw: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Bound<'py, PyAny>> {
    let f = get(py, recv, name)?;
    callkw(py, &f, args, kw)
}

fn ints<'py>(py: Python<'py>, v: &[i64]) -> Bound<'py, PyAny> {
    let items: Vec<_> = v.iter().map(|x| i(py, *x)).collect();
    list(py, &items)
}

fn strs<'py>(py: Python<'py>, v: &[&str]) -> Bound<'py, PyAny> {
    let items: Vec<_> = v.iter().map(|x| s(py, x)).collect();
    list(py, &items)
}

/// `{k: v, ...}` with int keys and values.
fn idict<'py>(py: Python<'py>, pairs: &[(i64, i64)]) -> Bound<'py, PyAny> {
    let d = pyrt::builtins::dict_new(py).unwrap();
    for (k, v) in pairs {
        d.set_item(py, &i(py, *k), &i(py, *v)).unwrap();
    }
    d.into_any()
}

fn after(py: Python<'_>, r: PyResult<Bound<'_, PyAny>>, recv: &Bound<'_, PyAny>) -> String {
    match r {
        Ok(_) => repr(py, recv),
        Err(e) => err_text(py, &e),
    }
}

fn tup<'py>(py: Python<'py>, items: &[Bound<'py, PyAny>]) -> String {
    repr(py, &tuple(py, items))
}

fn b<'py>(py: Python<'py>, v: bool) -> Bound<'py, PyAny> {
    pyrt::protocol::bool_obj(py, v)
}

// ------------------------------------------------------------ list

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

#[test]
fn dict_get() {
    case("dict.get", |py| {
        show(py, m(py, &idict(py, &[(1, 2)]), "get", &[i(py, 1)]))
    });
}

#[test]
fn dict_get_default() {
    case("dict.get_default", |py| {
        show(py, m(py, &idict(py, &[]), "get", &[i(py, 1), i(py, 3)]))
    });
}

#[test]
fn dict_get_missing() {
    case("dict.get_none", |py| {
        show(py, m(py, &idict(py, &[]), "get", &[i(py, 1)]))
    });
}

#[test]
fn dict_get_without_key() {
    case("dict.get_no_args", |py| {
        show(py, m(py, &idict(py, &[]), "get", &[]))
    });
}

#[test]
fn dict_get_too_many() {
    case("dict.get_too_many", |py| {
        show(
            py,
            m(py, &idict(py, &[]), "get", &[i(py, 1), i(py, 2), i(py, 3)]),
        )
    });
}

#[test]
fn dict_setdefault() {
    case("dict.setdefault", |py| {
        let d = idict(py, &[]);
        let a = m(py, &d, "setdefault", &[i(py, 1), i(py, 2)]).unwrap();
        let c = m(py, &d, "setdefault", &[i(py, 1), i(py, 3)]).unwrap();
        tup(py, &[a, c, d])
    });
}

#[test]
fn dict_setdefault_none() {
    case("dict.setdefault_none", |py| {
        let d = idict(py, &[]);
        after(py, m(py, &d, "setdefault", &[i(py, 1)]), &d)
    });
}

#[test]
fn dict_pop() {
    case("dict.pop", |py| {
        let d = idict(py, &[(1, 2), (3, 4)]);
        let v = m(py, &d, "pop", &[i(py, 1)]).unwrap();
        tup(py, &[v, d])
    });
}

#[test]
fn dict_pop_default() {
    case("dict.pop_default", |py| {
        show(py, m(py, &idict(py, &[]), "pop", &[i(py, 1), i(py, 2)]))
    });
}

#[test]
fn dict_pop_missing() {
    case("dict.pop_missing", |py| {
        show(py, m(py, &idict(py, &[]), "pop", &[i(py, 1)]))
    });
}

#[test]
fn dict_pop_without_key() {
    case("dict.pop_no_args", |py| {
        show(py, m(py, &idict(py, &[]), "pop", &[]))
    });
}

#[test]
fn dict_pop_too_many() {
    case("dict.pop_too_many", |py| {
        show(
            py,
            m(py, &idict(py, &[]), "pop", &[i(py, 1), i(py, 2), i(py, 3)]),
        )
    });
}

#[test]
fn dict_update() {
    case("dict.update", |py| {
        let d = idict(py, &[]);
        after(
            py,
            mkw(
                py,
                &d,
                "update",
                &[idict(py, &[(1, 2)])],
                &[("a", i(py, 3))],
            ),
            &d,
        )
    });
}

#[test]
fn dict_update_from_pairs() {
    case("dict.update_pairs", |py| {
        let d = idict(py, &[]);
        after(
            py,
            m(
                py,
                &d,
                "update",
                &[list(py, &[tuple(py, &[i(py, 1), i(py, 2)])])],
            ),
            &d,
        )
    });
}

#[test]
fn dict_update_element_not_a_sequence() {
    case("dict.update_not_pair", |py| {
        show(py, m(py, &idict(py, &[]), "update", &[ints(py, &[1])]))
    });
}

#[test]
fn dict_update_element_too_long() {
    case("dict.update_long_pair", |py| {
        show(
            py,
            m(
                py,
                &idict(py, &[]),
                "update",
                &[list(py, &[tuple(py, &[i(py, 1), i(py, 2), i(py, 3)])])],
            ),
        )
    });
}

#[test]
fn dict_update_too_many() {
    case("dict.update_too_many", |py| {
        show(
            py,
            m(
                py,
                &idict(py, &[]),
                "update",
                &[idict(py, &[]), idict(py, &[])],
            ),
        )
    });
}

#[test]
fn dict_update_not_iterable() {
    case("dict.update_not_iterable", |py| {
        show(py, m(py, &idict(py, &[]), "update", &[i(py, 1)]))
    });
}

#[test]
fn dict_keys() {
    case("dict.keys", |py| {
        show(py, m(py, &idict(py, &[(1, 2), (3, 4)]), "keys", &[]))
    });
}

#[test]
fn dict_values() {
    case("dict.values", |py| {
        show(py, m(py, &idict(py, &[(1, 2), (3, 4)]), "values", &[]))
    });
}

#[test]
fn dict_items() {
    case("dict.items", |py| {
        show(py, m(py, &idict(py, &[(1, 2)]), "items", &[]))
    });
}

#[test]
fn dict_copy() {
    case("dict.copy", |py| {
        let d = pyrt::builtins::dict_new(py).unwrap();
        d.set_item(py, &i(py, 1), &ints(py, &[2])).unwrap();
        let d = d.into_any();
        let c = m(py, &d, "copy", &[]).unwrap();
        tup(py, &[c.clone(), b(py, c.is(&d))])
    });
}

#[test]
fn dict_clear() {
    case("dict.clear", |py| {
        let d = idict(py, &[(1, 2)]);
        after(py, m(py, &d, "clear", &[]), &d)
    });
}

#[test]
fn dict_keys_takes_no_arguments() {
    case("dict.keys_args", |py| {
        show(py, m(py, &idict(py, &[]), "keys", &[i(py, 1)]))
    });
}

#[test]
fn dict_fromkeys() {
    case("dict.fromkeys", |py| {
        show(
            py,
            m(
                py,
                &ty(py, py.builtins().dict()),
                "fromkeys",
                &[ints(py, &[1, 2])],
            ),
        )
    });
}

#[test]
fn dict_fromkeys_value() {
    case("dict.fromkeys_value", |py| {
        show(
            py,
            m(
                py,
                &ty(py, py.builtins().dict()),
                "fromkeys",
                &[ints(py, &[1]), i(py, 0)],
            ),
        )
    });
}

#[test]
fn dict_fromkeys_not_iterable() {
    case("dict.fromkeys_not_iterable", |py| {
        show(
            py,
            m(py, &ty(py, py.builtins().dict()), "fromkeys", &[i(py, 1)]),
        )
    });
}

#[test]
fn dict_fromkeys_too_many() {
    case("dict.fromkeys_too_many", |py| {
        show(
            py,
            m(
                py,
                &ty(py, py.builtins().dict()),
                "fromkeys",
                &[ints(py, &[1]), i(py, 2), i(py, 3)],
            ),
        )
    });
}

// ------------------------------------------------------------ str

#[test]
fn str_join() {
    case("str.join", |py| {
        show(
            py,
            m(py, &s(py, ","), "join", &[strs(py, &["a", "b", "c"])]),
        )
    });
}

#[test]
fn str_join_empty() {
    case("str.join_empty", |py| {
        show(py, m(py, &s(py, ","), "join", &[strs(py, &[])]))
    });
}

#[test]
fn str_join_not_iterable() {
    case("str.join_not_iterable", |py| {
        show(py, m(py, &s(py, ""), "join", &[i(py, 1)]))
    });
}

#[test]
fn str_join_non_str_item() {
    case("str.join_non_str", |py| {
        show(
            py,
            m(py, &s(py, ""), "join", &[list(py, &[s(py, "a"), i(py, 1)])]),
        )
    });
}

#[test]
fn str_join_without_argument() {
    case("str.join_no_args", |py| {
        show(py, m(py, &s(py, "a"), "join", &[]))
    });
}

#[test]
fn str_split() {
    case("str.split", |py| {
        show(py, m(py, &s(py, "a b  c"), "split", &[]))
    });
}

#[test]
fn str_split_sep() {
    case("str.split_sep", |py| {
        show(py, m(py, &s(py, "a,,b"), "split", &[s(py, ",")]))
    });
}

#[test]
fn str_split_max() {
    case("str.split_max", |py| {
        show(py, m(py, &s(py, "a,b,c"), "split", &[s(py, ","), i(py, 1)]))
    });
}

#[test]
fn str_split_whitespace_max() {
    case("str.split_ws_max", |py| {
        show(
            py,
            m(py, &s(py, "  a b  c "), "split", &[none(py), i(py, 1)]),
        )
    });
}

#[test]
fn str_split_keywords() {
    case("str.split_keywords", |py| {
        show(
            py,
            mkw(
                py,
                &s(py, "a,b"),
                "split",
                &[],
                &[("maxsplit", i(py, 1)), ("sep", s(py, ","))],
            ),
        )
    });
}

#[test]
fn str_split_bad_sep() {
    case("str.split_bad_sep", |py| {
        show(py, m(py, &s(py, "a"), "split", &[i(py, 1)]))
    });
}

#[test]
fn str_split_empty_sep() {
    case("str.split_empty_sep", |py| {
        show(py, m(py, &s(py, "a"), "split", &[s(py, "")]))
    });
}

#[test]
fn str_split_bad_maxsplit() {
    case("str.split_bad_max", |py| {
        show(
            py,
            mkw(py, &s(py, "a"), "split", &[], &[("maxsplit", s(py, "x"))]),
        )
    });
}

#[test]
fn str_split_bad_keyword() {
    case("str.split_bad_keyword", |py| {
        show(
            py,
            mkw(py, &s(py, "a"), "split", &[], &[("sepx", i(py, 1))]),
        )
    });
}

#[test]
fn str_split_too_many() {
    case("str.split_too_many", |py| {
        show(
            py,
            m(py, &s(py, "a"), "split", &[i(py, 1), i(py, 2), i(py, 3)]),
        )
    });
}

#[test]
fn str_split_empty_string() {
    case("str.split_empty", |py| {
        show(py, m(py, &s(py, ""), "split", &[]))
    });
}

#[test]
fn str_strip() {
    case("str.strip", |py| {
        show(py, m(py, &s(py, " a "), "strip", &[]))
    });
}

#[test]
fn str_strip_chars() {
    case("str.strip_chars", |py| {
        show(py, m(py, &s(py, "xaxx"), "strip", &[s(py, "x")]))
    });
}

#[test]
fn str_lstrip() {
    case("str.lstrip", |py| {
        show(py, m(py, &s(py, "  a "), "lstrip", &[]))
    });
}

#[test]
fn str_rstrip() {
    case("str.rstrip", |py| {
        show(py, m(py, &s(py, "x a x"), "rstrip", &[s(py, "x ")]))
    });
}

#[test]
fn str_strip_bad() {
    case("str.strip_bad", |py| {
        show(py, m(py, &s(py, "a"), "strip", &[i(py, 1)]))
    });
}

#[test]
fn str_lstrip_bad() {
    case("str.lstrip_bad", |py| {
        show(py, m(py, &s(py, "a"), "lstrip", &[i(py, 1)]))
    });
}

#[test]
fn str_strip_too_many() {
    case("str.strip_too_many", |py| {
        show(py, m(py, &s(py, "a"), "strip", &[i(py, 1), i(py, 2)]))
    });
}

#[test]
fn str_startswith() {
    case("str.startswith", |py| {
        let ab = s(py, "ab");
        tup(
            py,
            &[
                m(py, &ab, "startswith", &[s(py, "a")]).unwrap(),
                m(py, &ab, "startswith", &[s(py, "b")]).unwrap(),
            ],
        )
    });
}

#[test]
fn str_startswith_tuple() {
    case("str.startswith_tuple", |py| {
        show(
            py,
            m(
                py,
                &s(py, "ab"),
                "startswith",
                &[tuple(py, &[s(py, "x"), s(py, "a")])],
            ),
        )
    });
}

#[test]
fn str_startswith_start() {
    case("str.startswith_start", |py| {
        let ab = s(py, "ab");
        let r = |a: &str, st: i64| m(py, &ab, "startswith", &[s(py, a), i(py, st)]).unwrap();
        tup(py, &[r("b", 1), r("b", -1), r("", 3), r("", 2)])
    });
}

#[test]
fn str_startswith_end() {
    case("str.startswith_end", |py| {
        let ab = s(py, "ab");
        let x = m(py, &ab, "startswith", &[s(py, "a"), none(py), i(py, 1)]).unwrap();
        let y = m(py, &ab, "startswith", &[s(py, "ab"), i(py, 0), i(py, 1)]).unwrap();
        tup(py, &[x, y])
    });
}

#[test]
fn str_startswith_bad() {
    case("str.startswith_bad", |py| {
        show(py, m(py, &s(py, "a"), "startswith", &[i(py, 1)]))
    });
}

#[test]
fn str_startswith_bad_tuple() {
    case("str.startswith_bad_tuple", |py| {
        show(
            py,
            m(py, &s(py, "a"), "startswith", &[tuple(py, &[i(py, 1)])]),
        )
    });
}

#[test]
fn str_startswith_without_argument() {
    case("str.startswith_no_args", |py| {
        show(py, m(py, &s(py, "a"), "startswith", &[]))
    });
}

#[test]
fn str_startswith_too_many() {
    case("str.startswith_too_many", |py| {
        show(
            py,
            m(
                py,
                &s(py, "a"),
                "startswith",
                &[s(py, "a"), i(py, 1), i(py, 2), i(py, 3)],
            ),
        )
    });
}

#[test]
fn str_startswith_bad_bound() {
    case("str.startswith_bad_bound", |py| {
        show(
            py,
            m(py, &s(py, "ab"), "startswith", &[s(py, "a"), s(py, "x")]),
        )
    });
}

#[test]
fn str_endswith() {
    case("str.endswith", |py| {
        let abc = s(py, "abc");
        let calls = [
            vec![s(py, "c")],
            vec![tuple(py, &[s(py, "x"), s(py, "bc")])],
            vec![s(py, "b"), i(py, 0), i(py, 2)],
            vec![s(py, "a"), i(py, 1)],
        ];
        let results: Vec<_> = calls
            .iter()
            .map(|a| m(py, &abc, "endswith", a).unwrap())
            .collect();
        tup(py, &results)
    });
}

#[test]
fn str_endswith_bad() {
    case("str.endswith_bad", |py| {
        show(py, m(py, &s(py, "a"), "endswith", &[i(py, 1)]))
    });
}

#[test]
fn str_upper() {
    case("str.upper", |py| {
        show(py, m(py, &s(py, "aßé"), "upper", &[]))
    });
}

#[test]
fn str_lower() {
    case("str.lower", |py| {
        show(py, m(py, &s(py, "ABÉ"), "lower", &[]))
    });
}

#[test]
fn str_upper_takes_no_arguments() {
    case("str.upper_args", |py| {
        show(py, m(py, &s(py, "a"), "upper", &[i(py, 1)]))
    });
}

#[test]
fn str_replace() {
    case("str.replace", |py| {
        show(
            py,
            m(py, &s(py, "aaa"), "replace", &[s(py, "a"), s(py, "b")]),
        )
    });
}

#[test]
fn str_replace_count() {
    case("str.replace_count", |py| {
        show(
            py,
            m(
                py,
                &s(py, "aaa"),
                "replace",
                &[s(py, "a"), s(py, "b"), i(py, 2)],
            ),
        )
    });
}

#[test]
fn str_replace_empty_old() {
    case("str.replace_empty", |py| {
        let ab = s(py, "ab");
        let x = m(py, &ab, "replace", &[s(py, ""), s(py, "-")]).unwrap();
        let y = m(py, &ab, "replace", &[s(py, ""), s(py, "-"), i(py, 2)]).unwrap();
        tup(py, &[x, y])
    });
}

#[test]
fn str_replace_bad_old() {
    case("str.replace_bad_old", |py| {
        show(py, m(py, &s(py, "a"), "replace", &[i(py, 1), i(py, 2)]))
    });
}

#[test]
fn str_replace_bad_new() {
    case("str.replace_bad_new", |py| {
        show(py, m(py, &s(py, "a"), "replace", &[s(py, "a"), i(py, 1)]))
    });
}

#[test]
fn str_replace_bad_count() {
    case("str.replace_bad_count", |py| {
        show(
            py,
            m(
                py,
                &s(py, "a"),
                "replace",
                &[s(py, "a"), s(py, "b"), s(py, "c")],
            ),
        )
    });
}

#[test]
fn str_replace_too_few() {
    case("str.replace_too_few", |py| {
        show(py, m(py, &s(py, "a"), "replace", &[s(py, "a")]))
    });
}

#[test]
fn str_positions_are_code_points() {
    case("str.unicode_positions", |py| {
        show(
            py,
            m(py, &s(py, "éa"), "startswith", &[s(py, "a"), i(py, 1)]),
        )
    });
}
