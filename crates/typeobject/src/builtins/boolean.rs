//! The slots `bool` defines itself: repr, `&`, `|`, `^` (a `bool` for two `bool`
//! operands, else `int`'s result), and `bool(x)`. Everything else comes from `int`
//! through slot inheritance (`bool`'s base is set by type readying, not here).
//!
//! Owns: those slots and `bool`'s `MATCH_SELF` flag (`bool` is not subclassable, so no
//! `BASETYPE`). Must not: create `bool` objects (`True` and `False` are the runtime's
//! singletons).

use crate::builtins::args::{Kwargs, at_most, no_keywords};
use crate::builtins::call::new_str;
use crate::builtins::int::{int_and, int_or, int_value, int_xor};
use crate::builtins::use_number_table;
use pyrt_core::builtins::TupleObject;
use pyrt_core::protocol::{bool_obj, is_true};
use pyrt_core::types::{BinaryFunc, TypeFlags, TypeObject};
use pyrt_core::{Bound, PyResult, Python};

/// Stores `bool`'s slots.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_repr.set(Some(bool_repr));
    tp.tp_new.set(Some(bool_new));
    use_number_table(tp);
    tp.as_number.nb_and.set(Some(bool_and));
    tp.as_number.nb_or.set(Some(bool_or));
    tp.as_number.nb_xor.set(Some(bool_xor));
    // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
    unsafe {
        tp.add_flags(TypeFlags::MATCH_SELF);
    }
}

fn bool_repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let v = int_value(obj).unwrap_or(0) != 0;
    new_str(py, if v { "True" } else { "False" })
}

/// `bool([x])`: the truth value of `x` (`False` without an argument).
fn bool_new<'py>(
    py: Python<'py>,
    _tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    no_keywords(py, "bool", kwargs)?;
    at_most(py, "bool", args, 1)?;
    let v = match args.items(py).first() {
        Some(x) => is_true(py, x)?,
        None => false,
    };
    Ok(bool_obj(py, v))
}

/// The value of a `bool` operand (exactly `bool`: it has no subclasses).
fn bool_value(py: Python<'_>, obj: &Bound<'_>) -> Option<bool> {
    std::ptr::eq(obj.ob_type(), py.builtins().bool_()).then(|| int_value(obj) != Some(0))
}

/// `op` on two `bool`s gives a `bool`; otherwise `int`'s `fallback` decides.
fn logical<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: fn(bool, bool) -> bool,
    fallback: BinaryFunc,
) -> PyResult<Bound<'py>> {
    match (bool_value(py, a), bool_value(py, b)) {
        (Some(x), Some(y)) => Ok(bool_obj(py, op(x, y))),
        _ => fallback(py, a, b),
    }
}

fn bool_and<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    logical(py, a, b, |x, y| x & y, int_and)
}

fn bool_or<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    logical(py, a, b, |x, y| x | y, int_or)
}

fn bool_xor<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    logical(py, a, b, |x, y| x ^ y, int_xor)
}
