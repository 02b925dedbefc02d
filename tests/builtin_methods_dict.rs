//! The methods of `dict` against CPython 3.11's recorded outcomes
//! (`fixtures/builtin_methods_expected.txt`, recorded by `fixtures/record_builtin_methods.py`).
//! Each test checks that it frees every object it allocates.

mod builtin_methods_support;
mod descr_support;

use builtin_methods_support::*;

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
