//! `str.__new__`: `str()`, `str(object)`, and the `encoding`/`errors` forms (which
//! need `bytes`, absent from pyrt, so they only produce CPython's errors), for `str`
//! and its subclasses.
//!
//! Owns: argument handling and filling a fresh subclass instance with text. Must not:
//! change an existing string.

use crate::builtins::args::{Kwargs, bind};
use crate::builtins::call::str_of;
use pyrt_core::builtins::{StrObject, TupleObject};
use pyrt_core::types::TypeObject;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `str.__new__(tp, object='', encoding=..., errors=...)`.
pub(super) fn str_new_slot<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    let a = bind(
        py,
        "str",
        &["object", "encoding", "errors"],
        0,
        args,
        kwargs,
    )?;
    for (arg, name) in a[1..].iter().zip(["encoding", "errors"]) {
        if let Some(v) = arg.as_ref().filter(|v| v.downcast::<StrObject>().is_err()) {
            return Err(PyErr::type_error(
                py,
                format!("str() argument '{name}' must be str, not {}", v.type_name()),
            ));
        }
    }
    let decoding = a[1].is_some() || a[2].is_some();
    let value = match &a[0] {
        None => pyrt_core::builtins::str_new(py, "")?,
        Some(o) if decoding && o.downcast::<StrObject>().is_ok() => {
            return Err(PyErr::type_error(py, "decoding str is not supported"));
        }
        Some(o) if decoding => {
            return Err(PyErr::type_error(
                py,
                format!(
                    "decoding to str: need a bytes-like object, {} found",
                    o.type_name()
                ),
            ));
        }
        Some(o) => str_of(py, o)?,
    };
    if std::ptr::eq(&**tp, py.builtins().str_()) {
        return Ok(value.into_any());
    }
    new_subclass_instance(py, tp, value.as_str())
}

/// A fresh instance of the `str` subclass `tp` holding `text` (the text goes after the
/// subclass's own fields; see `pyrt_core::builtins::str_alloc`).
fn new_subclass_instance<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    text: &str,
) -> PyResult<Bound<'py>> {
    Ok(pyrt_core::builtins::str_alloc(py, tp, text)?.into_any())
}
