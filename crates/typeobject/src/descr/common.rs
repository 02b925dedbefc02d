//! What the descriptor types share: the instance check with CPython's message, the
//! `__get__(None, None)` refusal, the `<kind 'name' of 'T' objects>` repr, qualified
//! names, and the split of a native docstring into text signature and body.
//!
//! Owns those helpers only. Must not define any descriptor type's slots.

use crate::names;
use pyrt_core::builtins::{DictObject, StrObject, TupleObject, intern, str_new};
use pyrt_core::types::{ObjCell, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// `descriptor 'NAME' for 'T' objects doesn't apply to a 'U' object` unless `obj` is an
/// instance of `d_type`.
#[inline]
pub(crate) fn check_instance(
    py: Python<'_>,
    d_type: &TypeObject,
    name: &str,
    obj: &Bound<'_, PyAny>,
) -> PyResult<()> {
    if obj.ob_type().is_subtype(d_type) {
        return Ok(());
    }
    Err(not_applicable(py, d_type, name, obj))
}

/// The error of [`check_instance`] (kept out of line: formatting is the rare path).
#[cold]
#[inline(never)]
fn not_applicable(
    py: Python<'_>,
    d_type: &TypeObject,
    name: &str,
    obj: &Bound<'_, PyAny>,
) -> PyErr {
    PyErr::type_error(
        py,
        format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            names::tp_name(d_type),
            names::tp_name(obj.ob_type())
        ),
    )
}

/// `TypeError: __get__(None, None) is invalid`.
pub(crate) fn get_none_none(py: Python<'_>) -> PyErr {
    PyErr::type_error(py, "__get__(None, None) is invalid")
}

/// The descriptor's type and name cells, read as `(type, name)`.
pub(crate) fn type_and_name<'py>(
    py: Python<'py>,
    d_type: &ObjCell<TypeObject>,
    d_name: &ObjCell<StrObject>,
) -> PyResult<(Bound<'py, TypeObject>, Bound<'py, StrObject>)> {
    match (d_type.get(py), d_name.get(py)) {
        (Some(t), Some(n)) => Ok((t, n)),
        _ => Err(PyErr::system_error(py, "descriptor was cleared")),
    }
}

/// `<KIND 'NAME' of 'T' objects>`.
pub(crate) fn descr_repr<'py>(
    py: Python<'py>,
    kind: &str,
    d_type: &ObjCell<TypeObject>,
    d_name: &ObjCell<StrObject>,
) -> PyResult<Bound<'py, PyAny>> {
    let (t, n) = type_and_name(py, d_type, d_name)?;
    let text = format!(
        "<{kind} '{}' of '{}' objects>",
        n.as_str(),
        names::tp_name(&t)
    );
    Ok(str_new(py, &text)?.into_any())
}

/// `T.__qualname__ + "." + name`.
pub(crate) fn qualified(py: Python<'_>, tp: &TypeObject, name: &str) -> String {
    format!("{}.{name}", names::qualname(py, tp))
}

/// A Rust string as a new `str` object.
pub(crate) fn new_str<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, PyAny>> {
    Ok(str_new(py, s)?.into_any())
}

/// An interned name object.
pub(crate) fn name_obj<'py>(py: Python<'py>, s: &str) -> PyResult<Bound<'py, StrObject>> {
    // The names of the descriptors every class statement creates: cached per name.
    match s {
        "__dict__" => pyrt_core::interned!(py, "__dict__"),
        "__weakref__" => pyrt_core::interned!(py, "__weakref__"),
        _ => intern(py, s),
    }
}

/// `None` for an absent string, else the string.
pub(crate) fn opt_str<'py>(py: Python<'py>, s: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
    match s {
        Some(s) => new_str(py, s),
        None => Ok(pyrt_core::protocol::none(py)),
    }
}

/// The text signature of a native docstring `NAME(sig)\n--\n\n body`: `(sig)`.
///
/// ```
/// use pyrt_typeobject::descr::text_signature;
/// assert_eq!(text_signature("f", Some("f($self, x, /)\n--\n\nDoc.")), Some("($self, x, /)"));
/// assert_eq!(text_signature("f", Some("Doc.")), None);
/// ```
pub fn text_signature<'a>(name: &str, doc: Option<&'a str>) -> Option<&'a str> {
    let rest = doc?.strip_prefix(name)?;
    if !rest.starts_with('(') {
        return None;
    }
    let end = rest.find(")\n--\n\n")?;
    Some(&rest[..=end])
}

/// The docstring without its text signature.
///
/// ```
/// use pyrt_typeobject::descr::doc_body;
/// assert_eq!(doc_body("f", Some("f(x)\n--\n\nDoc.")), Some("Doc."));
/// assert_eq!(doc_body("f", Some("Doc.")), Some("Doc."));
/// assert_eq!(doc_body("f", Some("f(x)\n--\n\n")), None);
/// ```
pub fn doc_body<'a>(name: &str, doc: Option<&'a str>) -> Option<&'a str> {
    let doc = doc?;
    match text_signature(name, Some(doc)) {
        Some(sig) => {
            let body = &doc[name.len() + sig.len() + 5..];
            (!body.is_empty()).then_some(body)
        }
        None => Some(doc),
    }
}

/// The arguments of a `tp_call`, typed: positional items and optional keywords.
pub(crate) struct CallArgs<'a, 'py> {
    /// The positional arguments.
    pub args: &'a Bound<'py, TupleObject>,
    /// The keyword arguments.
    pub kwargs: Option<&'a Bound<'py, DictObject>>,
}

/// Views `tp_call`'s untyped arguments as a tuple and an optional dict.
pub(crate) fn call_parts<'a, 'py>(
    py: Python<'py>,
    args: &'a Bound<'py, PyAny>,
    kwargs: Option<&'a Bound<'py, PyAny>>,
) -> PyResult<CallArgs<'a, 'py>> {
    let args = args
        .downcast::<TupleObject>()
        .map_err(|_| PyErr::system_error(py, "call arguments must be a tuple"))?;
    let kwargs = kwargs
        .map(|k| k.downcast::<DictObject>())
        .transpose()
        .map_err(|_| PyErr::system_error(py, "call keywords must be a dict"))?;
    Ok(CallArgs { args, kwargs })
}
