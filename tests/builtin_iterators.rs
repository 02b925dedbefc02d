//! The builtin iterators for embedders (no interpreter needed): `dict_keyiterator`,
//! `list_iterator`, `tuple_iterator`, `str_ascii_iterator` / `str_iterator`, against the
//! CPython 3.11 behaviour recorded by `tests/py/dict_iteration_core.py` and
//! `tests/py/seq_iteration_core.py`.
//! Every test frees what it allocates.

mod common;

use common::checked;
use pyrt::builtins::{
    DictObject, IntObject, StrObject, dict_new, int_new, list_new, str_new, tuple_new,
};
use pyrt::{Bound, PyAny, Python, gc, names, ops};

fn int(py: Python<'_>, v: i64) -> Bound<'_, PyAny> {
    int_new(py, v).unwrap().into_any()
}

fn dict_of<'py>(py: Python<'py>, keys: &[i64]) -> Bound<'py, DictObject> {
    let d = dict_new(py).unwrap();
    for &k in keys {
        d.set_item(py, &int(py, k), &int(py, k)).unwrap();
    }
    d
}

fn next_key(py: Python<'_>, it: &Bound<'_, PyAny>) -> Result<Option<i64>, String> {
    match ops::next(py, it) {
        Ok(Some(k)) => Ok(Some(k.downcast::<IntObject>().unwrap().value())),
        Ok(None) => Ok(None),
        Err(e) => Err(format!("{}: {}", e.type_name(py), e.message(py))),
    }
}

#[test]
fn keys_in_insertion_order_then_exhausted_for_good() {
    checked(|py| {
        let d = dict_of(py, &[3, 1, 2]);
        let it = ops::iter(py, d.as_any()).unwrap();
        assert_eq!(names::tp_name(it.ob_type()), "dict_keyiterator");
        assert!(ops::iter(py, &it).unwrap().is(&it));
        let got: Vec<_> = (0..4).map(|_| next_key(py, &it).unwrap()).collect();
        assert_eq!(got, [Some(3), Some(1), Some(2), None]);
        d.set_item(py, &int(py, 9), &int(py, 9)).unwrap();
        assert_eq!(next_key(py, &it), Ok(None), "exhaustion is final");
    });
}

#[test]
fn size_change_is_reported_on_every_later_call() {
    checked(|py| {
        let d = dict_of(py, &[1, 2]);
        let it = ops::iter(py, d.as_any()).unwrap();
        assert_eq!(next_key(py, &it), Ok(Some(1)));
        d.set_item(py, &int(py, 3), &int(py, 3)).unwrap();
        let msg = "RuntimeError: dictionary changed size during iteration";
        assert_eq!(next_key(py, &it).unwrap_err(), msg);
        assert_eq!(next_key(py, &it).unwrap_err(), msg);
        d.del_item(py, &int(py, 3)).unwrap();
        assert_eq!(
            next_key(py, &it).unwrap_err(),
            msg,
            "even once the size is back"
        );
    });
}

#[test]
fn delete_then_insert_is_caught_as_keys_changed() {
    checked(|py| {
        let d = dict_of(py, &[1, 2]);
        let it = ops::iter(py, d.as_any()).unwrap();
        assert_eq!(next_key(py, &it), Ok(Some(1)));
        d.del_item(py, &int(py, 1)).unwrap();
        d.set_item(py, &int(py, 3), &int(py, 3)).unwrap();
        assert_eq!(next_key(py, &it), Ok(Some(2)));
        assert_eq!(
            next_key(py, &it).unwrap_err(),
            "RuntimeError: dictionary keys changed during iteration"
        );
        // Three keys where one went and one came: iteration sees the newcomer.
        let d = dict_of(py, &[1, 2, 3]);
        let it = ops::iter(py, d.as_any()).unwrap();
        assert_eq!(next_key(py, &it), Ok(Some(1)));
        d.del_item(py, &int(py, 2)).unwrap();
        d.set_item(py, &int(py, 4), &int(py, 4)).unwrap();
        let rest: Vec<_> = (0..3).map(|_| next_key(py, &it).unwrap()).collect();
        assert_eq!(rest, [Some(3), Some(4), None]);
    });
}

#[test]
fn an_iterator_in_a_cycle_with_its_dict_is_collected() {
    checked(|py| {
        let d = dict_of(py, &[1]);
        let it = ops::iter(py, d.as_any()).unwrap();
        d.set_item(py, &int(py, 2), &it).unwrap();
        assert!(gc::is_tracked(&it));
        drop((d, it));
        assert_eq!(gc::collect(py, 2), 2);
    });
}

#[test]
fn iterator_types_are_named_as_in_cpython() {
    checked(|py| {
        let name = |obj: Bound<'_, PyAny>| {
            let it = ops::iter(py, &obj).unwrap();
            names::tp_name(it.ob_type()).to_owned()
        };
        assert_eq!(name(list_new(py, &[]).unwrap().into_any()), "list_iterator");
        assert_eq!(
            name(tuple_new(py, &[]).unwrap().into_any()),
            "tuple_iterator"
        );
        assert_eq!(
            name(str_new(py, "abc").unwrap().into_any()),
            "str_ascii_iterator"
        );
        assert_eq!(
            name(str_new(py, "h\u{e9}").unwrap().into_any()),
            "str_iterator"
        );
    });
}

#[test]
fn a_list_is_read_live_and_exhaustion_is_final() {
    checked(|py| {
        let l = list_new(py, &[int(py, 1), int(py, 2)]).unwrap();
        let it = ops::iter(py, l.as_any()).unwrap();
        assert_eq!(next_key(py, &it), Ok(Some(1)));
        l.append(&int(py, 3));
        let rest: Vec<_> = (0..3).map(|_| next_key(py, &it).unwrap()).collect();
        assert_eq!(rest, [Some(2), Some(3), None]);
        l.append(&int(py, 4));
        assert_eq!(next_key(py, &it), Ok(None));
    });
}

#[test]
fn a_str_iterates_by_character() {
    checked(|py| {
        let s = str_new(py, "h\u{e9}!").unwrap().into_any();
        let it = ops::iter(py, &s).unwrap();
        let mut chars = Vec::new();
        while let Some(c) = ops::next(py, &it).unwrap() {
            chars.push(c.downcast::<StrObject>().unwrap().as_str().to_owned());
        }
        assert_eq!(chars, ["h", "\u{e9}", "!"]);
    });
}
