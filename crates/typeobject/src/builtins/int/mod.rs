//! The slots of `int`: repr, hash, comparison, the unary number slots and `nb_bool`,
//! `nb_int`, `nb_index`; binary arithmetic is in `arith`, construction in `new`.
//!
//! Owns: `int`'s behaviour slots, its number table and its `BASETYPE`/`MATCH_SELF`
//! flags. Must not: touch the payload layout (`pyrt_core::builtins::IntObject`).
//!
//! pyrt's `int` is 64-bit by design: every result outside `i64` raises
//! `OverflowError: int too large` where CPython would return a bigger int. There is no
//! `float`, so `int ** negative` (a float in CPython) raises
//! `ValueError: negative exponent not supported by pyrt's int`, except `0 ** negative`,
//! which raises CPython's `ZeroDivisionError: 0.0 cannot be raised to a negative power`;
//! `nb_true_divide` and `nb_float` are not provided.

mod arith;
mod attrs;
mod new;

use crate::builtins::call::{is_exact, new_str, not_implemented};
use crate::builtins::use_number_table;
use pyrt_core::builtins::{IntObject, hash_i64, int_new};
use pyrt_core::protocol::bool_obj;
use pyrt_core::types::{CompareOp, TypeFlags, TypeObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};

pub(crate) use arith::{int_and, int_or, int_xor};

/// Stores `int`'s slots.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_repr.set(Some(int_repr));
    tp.tp_hash.set(Some(int_hash));
    tp.tp_richcompare.set(Some(int_richcompare));
    tp.tp_new.set(Some(new::int_new_slot));
    tp.tp_getset.set(&attrs::GETSET);
    use_number_table(tp);
    let n = &tp.as_number;
    n.nb_negative.set(Some(int_negative));
    n.nb_positive.set(Some(int_int));
    n.nb_absolute.set(Some(int_absolute));
    n.nb_invert.set(Some(int_invert));
    n.nb_bool.set(Some(int_bool));
    n.nb_int.set(Some(int_int));
    n.nb_index.set(Some(int_int));
    arith::install(n);
    // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
    unsafe {
        tp.add_flags(TypeFlags::BASETYPE | TypeFlags::MATCH_SELF);
    }
}

/// The value of an `int` (or `bool`, or subclass instance), or `None`.
pub(crate) fn int_value(obj: &Bound<'_>) -> Option<i64> {
    obj.downcast::<IntObject>().ok().map(|i| i.value())
}

/// `OverflowError: int too large` (pyrt's ints are 64-bit).
pub(crate) fn overflow(py: Python<'_>) -> PyErr {
    PyErr::overflow_error(py, "int too large")
}

/// A new exact `int`, or the overflow error for `None`.
pub(crate) fn new_int(py: Python<'_>, v: Option<i64>) -> PyResult<Bound<'_>> {
    match v {
        Some(v) => Ok(int_new(py, v)?.into_any()),
        None => Err(overflow(py)),
    }
}

fn int_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_str(py, &int_value(obj).unwrap_or_default().to_string())
}

fn int_hash(_py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    Ok(hash_i64(int_value(obj).unwrap_or(0)))
}

fn int_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    match (int_value(a), int_value(b)) {
        (Some(x), Some(y)) => Ok(bool_obj(
            py,
            crate::builtins::sequence::op_holds(op, x.cmp(&y)),
        )),
        _ => Ok(not_implemented(py)),
    }
}

/// Applies a unary operation to an `int` operand (`NotImplemented` otherwise).
fn unary<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    f: impl FnOnce(i64) -> Option<i64>,
) -> PyResult<Bound<'py>> {
    match int_value(obj) {
        Some(v) => new_int(py, f(v)),
        None => Ok(not_implemented(py)),
    }
}

fn int_negative<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    unary(py, obj, i64::checked_neg)
}

fn int_absolute<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    unary(py, obj, i64::checked_abs)
}

fn int_invert<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    unary(py, obj, |v| Some(!v))
}

/// `+x`, `int(x)` and `operator.index(x)`: the object itself for an exact `int`, else
/// a new exact `int` with the same value.
fn int_int<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    if is_exact(py, obj, py.builtins().int()) {
        return Ok(obj.clone());
    }
    unary(py, obj, Some)
}

fn int_bool(_py: Python<'_>, obj: &Bound<'_>) -> PyResult<bool> {
    Ok(int_value(obj).is_some_and(|v| v != 0))
}
