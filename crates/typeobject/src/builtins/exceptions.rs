//! The slots of the builtin exceptions (every `BaseException` subclass in
//! `py.builtins().all()`): `__new__` and `__init__` storing `args`, repr and str, and
//! the table of CPython's exception hierarchy ([`exception_base_of`]).
//!
//! Owns: those slots and the exceptions' `BASETYPE` flag. As in CPython, `__repr__` and
//! `__str__` are defined by `BaseException` only (plus `__str__` on `KeyError`,
//! `AttributeError`, `NameError`), and `__new__` by every exception except `KeyError`,
//! `AttributeError`, `NameError` and `StopIteration`; the others inherit them.
//! Must not: touch the payload layout, chaining fields or traceback.
//!
//! `AttributeError(name=, obj=)` and `NameError(name=)` accept their keywords, but the
//! values are dropped: `BaseExceptionObject` has no fields for them yet. Likewise
//! `StopIteration.value` is not stored.

use crate::builtins::args::{Kwargs, check_keyword_only, no_keywords};
use crate::builtins::call::{alloc_instance, new_str, repr_of, str_of};
use pyrt_core::builtins::{BaseExceptionObject, TupleObject, tuple_new};
use pyrt_core::types::{TypeFlags, TypeObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// Each builtin exception and its base, as in CPython 3.11.
const HIERARCHY: [(&str, &str); 19] = [
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

/// The name of the CPython base class of the builtin exception `name`: `"object"` for
/// `BaseException`, `""` for a name that is not a builtin exception.
///
/// ```
/// use pyrt_typeobject::builtins::exception_base_of;
/// assert_eq!(exception_base_of("KeyError"), "LookupError");
/// assert_eq!(exception_base_of("RecursionError"), "RuntimeError");
/// assert_eq!(exception_base_of("Exception"), "BaseException");
/// assert_eq!(exception_base_of("BaseException"), "object");
/// assert_eq!(exception_base_of("int"), "");
/// ```
pub fn exception_base_of(name: &str) -> &'static str {
    HIERARCHY
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, base)| base)
}

/// Stores the slots of every builtin exception type.
pub(crate) fn install(py: Python<'_>) {
    for (name, tp) in py.builtins().all() {
        if exception_base_of(name).is_empty() {
            continue;
        }
        // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
        unsafe {
            tp.add_flags(TypeFlags::BASETYPE);
        }
        tp.tp_init.set(Some(match name {
            "AttributeError" => attribute_error_init,
            "NameError" => name_error_init,
            _ => exception_init,
        }));
        if !matches!(
            name,
            "KeyError" | "AttributeError" | "NameError" | "StopIteration"
        ) {
            tp.tp_new.set(Some(exception_new));
        }
        match name {
            "BaseException" => {
                tp.tp_repr.set(Some(exception_repr));
                tp.tp_str.set(Some(exception_str));
                tp.tp_getset.set(&crate::builtins::exception_attrs::GETSET);
            }
            "KeyError" => tp.tp_str.set(Some(key_error_str)),
            "AttributeError" | "NameError" => tp.tp_str.set(Some(exception_str)),
            _ => {}
        }
    }
}

/// The exception payload (slots are only called on exceptions).
fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py>,
) -> PyResult<&'a Bound<'py, BaseExceptionObject>> {
    obj.downcast::<BaseExceptionObject>()
        .map_err(|_| PyErr::system_error(py, "exception slot called on a non-exception"))
}

/// The `args` tuple (an empty one if unset).
fn args_of<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py, TupleObject>> {
    match payload(py, obj)?.args.get(py) {
        Some(a) => Ok(a),
        None => tuple_new(py, &[]),
    }
}

/// `BaseException.__new__`: a new instance with `args` set; keywords are accepted
/// here and refused by `__init__`.
fn exception_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    _kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    let obj = alloc_instance(py, tp, 0)?;
    payload(py, &obj)?.args.set(py, Some(args.clone()));
    Ok(obj)
}

/// `BaseException.__init__`: `TypeError: X() takes no keyword arguments`, else stores
/// `args` again.
fn exception_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    no_keywords(py, &obj.type_name(), kwargs)?;
    payload(py, obj)?.args.set(py, Some(args.clone()));
    Ok(())
}

/// `AttributeError.__init__(*args, name=None, obj=None)`.
fn attribute_error_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    check_keyword_only(py, "AttributeError", &["name", "obj"], kwargs)?;
    payload(py, obj)?.args.set(py, Some(args.clone()));
    Ok(())
}

/// `NameError.__init__(*args, name=None)`.
fn name_error_init<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<()> {
    check_keyword_only(py, "NameError", &["name"], kwargs)?;
    payload(py, obj)?.args.set(py, Some(args.clone()));
    Ok(())
}

/// `Name(arg)` for one argument, else `Name` followed by the repr of `args`.
fn exception_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let args = args_of(py, obj)?;
    let inner = match args.items(py) {
        [one] => format!("({})", repr_of(py, one)?.as_str()),
        _ => repr_of(py, args.as_any())?.as_str().to_owned(),
    };
    new_str(py, &format!("{}{inner}", obj.type_name()))
}

/// `''` without arguments, `str(arg)` for one, else `str(args)`.
fn exception_str<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let args = args_of(py, obj)?;
    match args.items(py) {
        [] => new_str(py, ""),
        [one] => Ok(str_of(py, one)?.into_any()),
        _ => Ok(str_of(py, args.as_any())?.into_any()),
    }
}

/// `KeyError.__str__`: `repr(key)` for exactly one argument (so `KeyError('k')` prints
/// `'k'`), else as `BaseException`.
fn key_error_str<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let args = args_of(py, obj)?;
    match args.items(py) {
        [one] => Ok(repr_of(py, one)?.into_any()),
        _ => exception_str(py, obj),
    }
}
