//! The methods of `str` against CPython 3.11's recorded outcomes
//! (`fixtures/builtin_methods_expected.txt`, recorded by `fixtures/record_builtin_methods.py`).
//! Each test checks that it frees every object it allocates.

mod builtin_methods_support;
mod descr_support;

use builtin_methods_support::*;

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
