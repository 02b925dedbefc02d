//! The object protocol's slot dispatch needed by the core containers: `hash()`,
//! rich comparison (with the reflected operand and `NotImplemented`), and truth.
//!
//! Owns dispatch order and the generic error messages. Must not implement any type's
//! slots.

use crate::builtins::{IntObject, StrObject};
use crate::err::{PyErr, PyResult};
use crate::handle::Bound;
use crate::object::PyAny;
use crate::runtime::Python;
use crate::types::CompareOp;

/// `hash(obj)`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::intern(py, "a").unwrap();
///     assert_eq!(pyrt_core::protocol::hash(py, s.as_any()).unwrap(), s.hash());
/// });
/// ```
pub fn hash(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    let tp = obj.ob_type();
    if std::ptr::eq(tp, py.builtins().str_()) {
        // SAFETY: exact str.
        return Ok(unsafe { obj.downcast_unchecked::<StrObject>() }.hash());
    }
    match tp.tp_hash.get() {
        Some(f) => f(py, obj),
        None => Err(PyErr::type_error(
            py,
            format!("unhashable type: '{}'", tp.name_string()),
        )),
    }
}

/// `a <op> b` through `tp_richcompare`, trying the reflected operation on `b` first if
/// `b`'s type is a proper subtype of `a`'s that overrides it, then `a`'s, then `b`'s;
/// `==`/`!=` fall back to identity; other operators raise `TypeError`.
///
/// With no `tp_richcompare` on either side (the core-only test runtime installs none), this
/// shows the fallbacks (the message is CPython's: see `dict.compare.lt` in
/// `crates/typeobject/tests/fixtures/builtins_expected.txt`):
///
/// ```
/// use pyrt_core::{builtins::dict_new, protocol::rich_compare, types::CompareOp};
/// pyrt_core::with_test_runtime(|py| {
///     let (a, b) = (dict_new(py).unwrap().into_any(), dict_new(py).unwrap().into_any());
///     let same = rich_compare(py, &a, &a, CompareOp::Eq).unwrap();
///     assert!(same.is(&pyrt_core::protocol::bool_obj(py, true)));
///     let e = rich_compare(py, &a, &b, CompareOp::Lt).unwrap_err();
///     assert_eq!(e.message(py), "'<' not supported between instances of 'dict' and 'dict'");
/// });
/// ```
pub fn rich_compare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    let (ta, tb) = (a.ob_type(), b.ob_type());
    let ni = py.singletons().not_implemented();
    let mut checked_reverse = false;
    if let Some(f) = tb
        .tp_richcompare
        .get()
        .filter(|_| !std::ptr::eq(ta, tb) && tb.is_subtype(ta))
    {
        checked_reverse = true;
        let r = f(py, b, a, op.swapped())?;
        if !std::ptr::eq(r.as_any_ref(), ni) {
            return Ok(r);
        }
    }
    if let Some(f) = ta.tp_richcompare.get() {
        let r = f(py, a, b, op)?;
        if !std::ptr::eq(r.as_any_ref(), ni) {
            return Ok(r);
        }
    }
    if let Some(f) = tb.tp_richcompare.get().filter(|_| !checked_reverse) {
        let r = f(py, b, a, op.swapped())?;
        if !std::ptr::eq(r.as_any_ref(), ni) {
            return Ok(r);
        }
    }
    let same = a.is(b);
    match op {
        CompareOp::Eq => Ok(bool_obj(py, same)),
        CompareOp::Ne => Ok(bool_obj(py, !same)),
        _ => Err(PyErr::type_error(
            py,
            format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                ta.name_string(),
                tb.name_string()
            ),
        )),
    }
}

/// `bool(a <op> b)`, with the identity shortcut for `==` and `!=` that containers use.
///
/// ```
/// use pyrt_core::{builtins::dict_new, protocol::rich_compare_bool, types::CompareOp};
/// pyrt_core::with_test_runtime(|py| {
///     let (a, b) = (dict_new(py).unwrap().into_any(), dict_new(py).unwrap().into_any());
///     assert!(rich_compare_bool(py, &a, &a, CompareOp::Eq).unwrap()); // same object
///     assert!(!rich_compare_bool(py, &a, &a, CompareOp::Ne).unwrap());
///     assert!(rich_compare_bool(py, &a, &b, CompareOp::Le).is_err()); // no ordering
/// });
/// ```
pub fn rich_compare_bool<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: CompareOp,
) -> PyResult<bool> {
    if a.is(b) {
        match op {
            CompareOp::Eq => return Ok(true),
            CompareOp::Ne => return Ok(false),
            _ => {}
        }
    }
    let r = rich_compare(py, a, b, op)?;
    is_true(py, &r)
}

/// `bool(obj)`: `None` and `False` are false, `True` true; then `nb_bool`, then the
/// length (`mp_length`, `sq_length`); otherwise true.
///
/// The core-only test runtime installs no `nb_bool` or length slots, so this shows the
/// singletons and the final default:
///
/// ```
/// use pyrt_core::protocol::{bool_obj, is_true, none};
/// pyrt_core::with_test_runtime(|py| {
///     assert!(!is_true(py, &none(py)).unwrap());
///     assert!(!is_true(py, &bool_obj(py, false)).unwrap());
///     assert!(is_true(py, &bool_obj(py, true)).unwrap());
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().object(), 0).unwrap();
///     assert!(is_true(py, &o).unwrap()); // no slot says otherwise
/// });
/// ```
pub fn is_true(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    let s = py.singletons();
    let o = obj.as_any_ref();
    if std::ptr::eq(o, s.bool_(true).as_any()) {
        return Ok(true);
    }
    if std::ptr::eq(o, s.bool_(false).as_any()) || std::ptr::eq(o, s.none()) {
        return Ok(false);
    }
    let tp = obj.ob_type();
    if let Some(f) = tp.number().and_then(|n| n.nb_bool.get()) {
        return f(py, obj);
    }
    if let Some(f) = tp.mapping().and_then(|m| m.mp_length.get()) {
        return Ok(f(py, obj)? != 0);
    }
    if let Some(f) = tp.sequence().and_then(|m| m.sq_length.get()) {
        return Ok(f(py, obj)? != 0);
    }
    Ok(true)
}

/// `True` or `False` as a new reference.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = pyrt_core::protocol::bool_obj(py, true);
///     assert_eq!(t.type_name(), "bool");
///     assert!(std::ptr::eq(t.as_any_ref(), py.singletons().bool_(true).as_any()));
///     assert!(!t.is(&pyrt_core::protocol::bool_obj(py, false)));
/// });
/// ```
pub fn bool_obj(py: Python<'_>, v: bool) -> Bound<'_, PyAny> {
    Bound::from_ref(py, py.singletons().bool_(v)).into_any()
}

/// `None` as a new reference.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let n = pyrt_core::protocol::none(py);
///     assert_eq!(n.type_name(), "NoneType");
///     assert!(std::ptr::eq(n.as_any_ref(), py.singletons().none()));
/// });
/// ```
pub fn none(py: Python<'_>) -> Bound<'_, PyAny> {
    Bound::from_ref(py, py.singletons().none())
}

/// The untyped view of an `int` (used by the truth test on `True`/`False`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.singletons().bool_(true);
///     assert_eq!(t.as_any().type_name(), "bool");
/// });
/// ```
impl IntObject {
    /// This object as a plain `&PyAny`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let i = pyrt_core::builtins::int_new(py, 5).unwrap();
    ///     let int: &pyrt_core::builtins::IntObject = &i;
    ///     assert_eq!(int.as_any().addr(), i.as_any_ref().addr()); // same object
    ///     assert_eq!(py.singletons().bool_(false).as_any().type_name(), "bool");
    /// });
    /// ```
    pub fn as_any(&self) -> &PyAny {
        // SAFETY: IntObject starts with the header.
        unsafe { &*(self as *const IntObject as *const PyAny) }
    }
}
