//! Tests of the builtin exceptions' slots and of the hierarchy table. Expectations
//! come from CPython 3.11 through `tests/fixtures/record_builtins.py` (ids in the
//! comments). The types are not readied, so an exception without its own `__new__`,
//! `__repr__` or `__str__` uses `BaseException`'s, as inheritance would give it.
//! Each test checks that it frees every object it allocates.

mod builtins_support;

use builtins_support::*;
use pyrt_core::types::{TypeFlags, TypeObject};
use pyrt_core::{Bound, PyResult, Python};
use pyrt_typeobject::builtins::exception_base_of;

#[test]
fn exception_hierarchy_table() {
    // exc.base[...]
    let want = [
        ("BaseException", "object"),
        ("Exception", "BaseException"),
        ("TypeError", "Exception"),
        ("AttributeError", "Exception"),
        ("ValueError", "Exception"),
        ("SystemError", "Exception"),
        ("LookupError", "Exception"),
        ("KeyError", "LookupError"),
        ("IndexError", "LookupError"),
        ("ArithmeticError", "Exception"),
        ("OverflowError", "ArithmeticError"),
        ("ZeroDivisionError", "ArithmeticError"),
        ("MemoryError", "Exception"),
        ("RuntimeError", "Exception"),
        ("RecursionError", "RuntimeError"),
        ("NotImplementedError", "RuntimeError"),
        ("NameError", "Exception"),
        ("StopIteration", "Exception"),
        ("AssertionError", "Exception"),
    ];
    for (name, base) in want {
        assert_eq!(exception_base_of(name), base, "{name}");
    }
    assert_eq!(exception_base_of("int"), "");
    run(|py| {
        let n = py
            .builtins()
            .all()
            .iter()
            .filter(|(n, _)| !exception_base_of(n).is_empty())
            .count();
        assert_eq!(n, want.len(), "every builtin exception is in the table");
    });
}

#[test]
fn exceptions_define_cpythons_own_slots() {
    run(|py| {
        // exc.own_slots[...]: which of __new__/__init__/__repr__/__str__ each type defines.
        for (name, tp) in py.builtins().all() {
            if exception_base_of(name).is_empty() {
                continue;
            }
            let mut own = Vec::new();
            if tp.tp_init.get().is_some() {
                own.push("__init__");
            }
            if tp.tp_new.get().is_some() {
                own.push("__new__");
            }
            if tp.tp_repr.get().is_some() {
                own.push("__repr__");
            }
            if tp.tp_str.get().is_some() {
                own.push("__str__");
            }
            own.sort();
            let want: &[&str] = match name {
                "BaseException" => &["__init__", "__new__", "__repr__", "__str__"],
                "AttributeError" | "KeyError" | "NameError" => &["__init__", "__str__"],
                "StopIteration" => &["__init__"],
                _ => &["__init__", "__new__"],
            };
            assert_eq!(own, want, "{name}");
            assert!(tp.has_flag(TypeFlags::BASETYPE), "{name}");
        }
    });
}

/// Creates an exception the way `ValueError(...)` does: the nearest `tp_new` in the
/// hierarchy (exceptions without one inherit `BaseException`'s), then the type's init.
fn make_exc<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    pos: &[Bound<'py>],
    kw: &[(&str, Bound<'py>)],
) -> PyResult<Bound<'py>> {
    let new = tp
        .tp_new
        .get()
        .or(py.builtins().base_exception().tp_new.get())
        .unwrap();
    let t = Bound::from_ref(py, tp);
    let a = args(py, pos);
    let k = (!kw.is_empty()).then(|| kwargs(py, kw));
    let obj = new(py, &t, &a, k.as_ref())?;
    tp.tp_init.get().unwrap()(py, &obj, &a, k.as_ref())?;
    Ok(obj)
}

#[test]
fn exception_repr_and_str() {
    run(|py| {
        let b = py.builtins();
        fn ve<'py>(py: Python<'py>, pos: &[Bound<'py>]) -> Bound<'py> {
            make_exc(py, py.builtins().value_error(), pos, &[]).unwrap()
        }
        fn ke<'py>(py: Python<'py>, pos: &[Bound<'py>]) -> Bound<'py> {
            make_exc(py, py.builtins().key_error(), pos, &[]).unwrap()
        }
        // exc.repr: ValueError('x'), ValueError(), ValueError('a', 1), KeyError('k'),
        // BaseException(()), ValueError("it's")
        assert_eq!(exc_repr(py, &ve(py, &[s(py, "x")])), "ValueError('x')");
        assert_eq!(exc_repr(py, &ve(py, &[])), "ValueError()");
        assert_eq!(
            exc_repr(py, &ve(py, &[s(py, "a"), int(py, 1)])),
            "ValueError('a', 1)"
        );
        assert_eq!(exc_repr(py, &ke(py, &[s(py, "k")])), "KeyError('k')");
        let be = make_exc(py, b.base_exception(), &[tup(py, &[])], &[]).unwrap();
        assert_eq!(exc_repr(py, &be), "BaseException(())");
        assert_eq!(
            exc_repr(py, &ve(py, &[s(py, "it's")])),
            "ValueError(\"it's\")"
        );
        // exc.str: ('', 'x', '1', "('a', 1)", "'k'", '', "('a', 'b')", '1', '()')
        assert_eq!(exc_str(py, &ve(py, &[])), "");
        assert_eq!(exc_str(py, &ve(py, &[s(py, "x")])), "x");
        assert_eq!(exc_str(py, &ve(py, &[int(py, 1)])), "1");
        assert_eq!(exc_str(py, &ve(py, &[s(py, "a"), int(py, 1)])), "('a', 1)");
        assert_eq!(exc_str(py, &ke(py, &[s(py, "k")])), "'k'");
        assert_eq!(exc_str(py, &ke(py, &[])), "");
        assert_eq!(
            exc_str(py, &ke(py, &[s(py, "a"), s(py, "b")])),
            "('a', 'b')"
        );
        assert_eq!(exc_str(py, &ke(py, &[int(py, 1)])), "1");
        assert_eq!(exc_str(py, &ke(py, &[tup(py, &[])])), "()");
        // An exception as an argument: str(ValueError(BaseException('x'))) == 'x' (the
        // inner one is a BaseException, whose __str__ needs no inheritance here).
        let inner = make_exc(py, b.base_exception(), &[s(py, "x")], &[]).unwrap();
        let outer = ve(py, &[inner]);
        assert_eq!(exc_str(py, &outer), "x");
    });
}

#[test]
fn exception_keywords_and_reinit() {
    run(|py| {
        let b = py.builtins();
        let one = int(py, 1);
        // exc.kw / exc.kw.base
        assert_eq!(
            err(
                py,
                make_exc(py, b.value_error(), &[], &[("x", one.clone())])
            ),
            "TypeError: ValueError() takes no keyword arguments"
        );
        assert_eq!(
            err(
                py,
                make_exc(py, b.base_exception(), &[], &[("x", one.clone())])
            ),
            "TypeError: BaseException() takes no keyword arguments"
        );
        // exc.new.kw_ok: __new__ alone accepts keywords.
        let e = call_new(py, b.base_exception(), &[], &[("x", one.clone())]).unwrap();
        assert_eq!(exc_repr(py, &e), "BaseException()");
        // exc.init.restores_args: (2, 3)
        let e = make_exc(py, b.value_error(), std::slice::from_ref(&one), &[]).unwrap();
        let init = b.value_error().tp_init.get().unwrap();
        init(py, &e, &args(py, &[int(py, 2), int(py, 3)]), None).unwrap();
        assert_eq!(exc_repr(py, &e), "ValueError(2, 3)");
        // exc.attribute_error.kw: ('a',)
        let ae = make_exc(
            py,
            b.attribute_error(),
            &[s(py, "a")],
            &[("name", s(py, "n")), ("obj", one.clone())],
        );
        assert_eq!(exc_repr(py, &ae.unwrap()), "AttributeError('a')");
        // exc.attribute_error.too_many / .bad, exc.name_error.bad / .too_many
        let kw3 = [
            ("name", one.clone()),
            ("obj", one.clone()),
            ("x", one.clone()),
        ];
        assert_eq!(
            err(py, make_exc(py, b.attribute_error(), &[], &kw3)),
            "TypeError: AttributeError() takes at most 2 keyword arguments (3 given)"
        );
        assert_eq!(
            err(
                py,
                make_exc(py, b.attribute_error(), &[], &[("x", one.clone())])
            ),
            "TypeError: 'x' is an invalid keyword argument for AttributeError()"
        );
        assert_eq!(
            err(
                py,
                make_exc(py, b.name_error(), &[], &[("foo", one.clone())])
            ),
            "TypeError: 'foo' is an invalid keyword argument for NameError()"
        );
        assert_eq!(
            err(
                py,
                make_exc(
                    py,
                    b.name_error(),
                    &[],
                    &[("name", one.clone()), ("obj", one.clone())]
                )
            ),
            "TypeError: NameError() takes at most 1 keyword argument (2 given)"
        );
        // str(AttributeError('m')) == 'm'
        let ae = make_exc(py, b.attribute_error(), &[s(py, "m")], &[]).unwrap();
        assert_eq!(exc_str(py, &ae), "m");
    });
}

#[test]
fn pyerr_values_format_through_the_slots() {
    run(|py| {
        // The runtime's own errors print like CPython's.
        let e = pyrt_core::PyErr::key_error(py, &s(py, "x"));
        assert_eq!(err::<()>(py, Err(e)), "KeyError: 'x'"); // dict.getitem.missing
        let e = pyrt_core::PyErr::memory_error(py);
        assert_eq!(err::<()>(py, Err(e)), "MemoryError: "); // tuple.repeat.overflow
    });
}
