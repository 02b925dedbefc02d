//! Container access through the mapping and sequence slots: `obj[key]`,
//! `obj[key] = v`, `del obj[key]`, `len(obj)` and `item in obj`, with CPython's
//! messages (`'A' object is not subscriptable`, `object of type 'A' has no len()`,
//! `argument of type 'A' is not iterable`, ...).
//!
//! Owns the order (mapping slot, then sequence slot with index conversion) and those
//! messages. Must not know any container's layout.

use super::iter::{iter, next};
use super::number::index_as_isize;
use crate::names::tp_name;
use pyrt_core::types::CompareOp;
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// A sequence index from `key`, negative ones counted from the end when the type has
/// `sq_length`.
fn sequence_index(py: Python<'_>, obj: &Bound<'_>, key: &Bound<'_>) -> PyResult<isize> {
    if key
        .ob_type()
        .number()
        .and_then(|n| n.nb_index.get())
        .is_none()
    {
        return Err(PyErr::type_error(
            py,
            format!(
                "sequence index must be integer, not '{}'",
                tp_name(key.ob_type())
            ),
        ));
    }
    let i = index_as_isize(py, key)?;
    if i >= 0 {
        return Ok(i);
    }
    match obj.ob_type().sequence().and_then(|s| s.sq_length.get()) {
        Some(len) => Ok(i + len(py, obj)?),
        None => Ok(i),
    }
}

/// `obj[key]`: `mp_subscript`, else `sq_item`; on a class without either,
/// `__class_getitem__`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let e = pyrt_typeobject::ops::getitem(py, &one, &one).unwrap_err();
///     assert_eq!(e.message(py), "'int' object is not subscriptable");
/// });
/// ```
pub fn getitem<'py>(py: Python<'py>, obj: &Bound<'py>, key: &Bound<'py>) -> PyResult<Bound<'py>> {
    let tp = obj.ob_type();
    if let Some(f) = tp.mapping().and_then(|m| m.mp_subscript.get()) {
        return f(py, obj, key);
    }
    if let Some(f) = tp.sequence().and_then(|s| s.sq_item.get()) {
        return f(py, obj, sequence_index(py, obj, key)?);
    }
    let what = if tp.has_flag(TypeFlags::TYPE_SUBCLASS) {
        // `T[key]` on a class: `T.__class_getitem__(key)` when it has one.
        let name = pyrt_core::interned!(py, "__class_getitem__")?.into_any();
        match crate::attr::getattr(py, obj, &name) {
            Ok(f) => return crate::call::call1(py, &f, key),
            Err(e) if !e.is_instance_of(py, py.builtins().attribute_error()) => return Err(e),
            Err(_) => {}
        }
        // SAFETY: TYPE_SUBCLASS instances are type objects.
        let t: &TypeObject = unsafe { obj.downcast_unchecked::<TypeObject>() };
        format!("type '{}' is not subscriptable", tp_name(t))
    } else {
        format!("'{}' object is not subscriptable", tp_name(tp))
    };
    Err(PyErr::type_error(py, what))
}

/// `obj[key] = value` (`value` given) or `del obj[key]` (`None`).
fn assign<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
    value: Option<&Bound<'py>>,
) -> PyResult<()> {
    let tp = obj.ob_type();
    if let Some(f) = tp.mapping().and_then(|m| m.mp_ass_subscript.get()) {
        return f(py, obj, key, value);
    }
    if let Some(f) = tp.sequence().and_then(|s| s.sq_ass_item.get()) {
        return f(py, obj, sequence_index(py, obj, key)?, value);
    }
    // CPython words deletion "doesn't" only when it went through the sequence protocol
    // (a sequence table and an index key), "does not" otherwise.
    let via_sequence = tp.sequence().is_some()
        && (key.downcast::<pyrt_core::builtins::IntObject>().is_ok()
            || key
                .ob_type()
                .number()
                .and_then(|n| n.nb_index.get())
                .is_some());
    let what = match value {
        Some(_) => "does not support item assignment",
        None if via_sequence => "doesn't support item deletion",
        None => "does not support item deletion",
    };
    Err(PyErr::type_error(
        py,
        format!("'{}' object {what}", tp_name(tp)),
    ))
}

/// `obj[key] = value`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let d = pyrt_core::builtins::dict_new(py).unwrap().into_any();
///     let k = pyrt_core::builtins::str_new(py, "k").unwrap().into_any();
///     pyrt_typeobject::ops::setitem(py, &d, &k, &k).unwrap();
///     assert_eq!(pyrt_typeobject::ops::len(py, &d).unwrap(), 1);
/// });
/// ```
pub fn setitem<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    key: &Bound<'py>,
    value: &Bound<'py>,
) -> PyResult<()> {
    assign(py, obj, key, Some(value))
}

/// `del obj[key]`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let zero = pyrt_core::builtins::int_new(py, 0).unwrap().into_any();
///     let t = pyrt_core::builtins::tuple_new(py, &[zero.clone()]).unwrap().into_any();
///     let e = pyrt_typeobject::ops::delitem(py, &t, &zero).unwrap_err();
///     assert_eq!(e.message(py), "'tuple' object doesn't support item deletion");
/// });
/// ```
pub fn delitem<'py>(py: Python<'py>, obj: &Bound<'py>, key: &Bound<'py>) -> PyResult<()> {
    assign(py, obj, key, None)
}

/// `len(obj)`: `sq_length`, else `mp_length`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let e = pyrt_typeobject::ops::len(py, &one).unwrap_err();
///     assert_eq!(e.message(py), "object of type 'int' has no len()");
/// });
/// ```
pub fn len(py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    let tp = obj.ob_type();
    if let Some(f) = tp.sequence().and_then(|s| s.sq_length.get()) {
        return f(py, obj);
    }
    if let Some(f) = tp.mapping().and_then(|m| m.mp_length.get()) {
        return f(py, obj);
    }
    Err(PyErr::type_error(
        py,
        format!("object of type '{}' has no len()", tp_name(tp)),
    ))
}

/// `item in container`: `sq_contains`, else a search by iteration.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let l = pyrt_core::builtins::list_new(py, &[one.clone()]).unwrap().into_any();
///     assert!(pyrt_typeobject::ops::contains(py, &l, &one).unwrap());
///     let e = pyrt_typeobject::ops::contains(py, &one, &one).unwrap_err();
///     assert_eq!(e.message(py), "argument of type 'int' is not iterable");
/// });
/// ```
pub fn contains<'py>(py: Python<'py>, container: &Bound<'py>, item: &Bound<'py>) -> PyResult<bool> {
    match container
        .ob_type()
        .sequence()
        .and_then(|s| s.sq_contains.get())
    {
        Some(f) => f(py, container, item),
        None => contains_by_iteration(py, container, item),
    }
}

/// The search by iteration `in` falls back to (`==` on each item).
pub(crate) fn contains_by_iteration<'py>(
    py: Python<'py>,
    container: &Bound<'py>,
    item: &Bound<'py>,
) -> PyResult<bool> {
    let it = match iter(py, container) {
        Ok(it) => it,
        Err(e) if e.is_instance_of(py, py.builtins().type_error()) => {
            return Err(PyErr::type_error(
                py,
                format!(
                    "argument of type '{}' is not iterable",
                    tp_name(container.ob_type())
                ),
            ));
        }
        Err(e) => return Err(e),
    };
    while let Some(x) = next(py, &it)? {
        if pyrt_core::protocol::rich_compare_bool(py, &x, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}
