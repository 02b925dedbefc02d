//! The evaluator's view of pyrt's operator layer (`pyrt_typeobject::ops`): binary and
//! in-place operators (number slots with the reflected operand and `NotImplemented`,
//! then the sequence fallbacks), unary operators, comparisons, membership and
//! iteration. This module only maps minipy's AST operators onto pyrt's.
//!
//! Owns that mapping and one rule of the `for` statement: a `StopIteration` escaping
//! `__next__` ends the loop. Must not dispatch on types itself.

use crate::ast::{BinOp, CmpOp, UnaryOp};
use pyrt_core::protocol::bool_obj;
use pyrt_core::types::CompareOp;
use pyrt_core::{Bound, PyAny, PyResult, Python};
use pyrt_typeobject::ops;

fn op(o: BinOp) -> ops::BinOp {
    match o {
        BinOp::Add => ops::BinOp::Add,
        BinOp::Sub => ops::BinOp::Sub,
        BinOp::Mul => ops::BinOp::Mul,
        BinOp::Div => ops::BinOp::TrueDiv,
        BinOp::FloorDiv => ops::BinOp::FloorDiv,
        BinOp::Mod => ops::BinOp::Mod,
        BinOp::Pow => ops::BinOp::Pow,
        BinOp::LShift => ops::BinOp::LShift,
        BinOp::RShift => ops::BinOp::RShift,
        BinOp::BitAnd => ops::BinOp::And,
        BinOp::BitOr => ops::BinOp::Or,
        BinOp::BitXor => ops::BinOp::Xor,
        BinOp::MatMul => ops::BinOp::MatMul,
    }
}

/// `a op b`.
pub fn binary_op<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    o: BinOp,
) -> PyResult<Bound<'py, PyAny>> {
    ops::binary_op(py, a, b, op(o))
}

/// `a op= b`.
pub fn inplace_op<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    o: BinOp,
) -> PyResult<Bound<'py, PyAny>> {
    ops::inplace_op(py, a, b, op(o))
}

/// `-a`, `+a`, `~a`, `not a`.
pub fn unary_op<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    o: UnaryOp,
) -> PyResult<Bound<'py, PyAny>> {
    match o {
        UnaryOp::Neg => ops::unary_op(py, a, ops::UnaryOp::Neg),
        UnaryOp::Pos => ops::unary_op(py, a, ops::UnaryOp::Pos),
        UnaryOp::Invert => ops::unary_op(py, a, ops::UnaryOp::Invert),
        UnaryOp::Not => Ok(bool_obj(py, ops::not(py, a)?)),
    }
}

/// `a op b` for a comparison operator.
pub fn compare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    o: CmpOp,
) -> PyResult<Bound<'py, PyAny>> {
    let rc = |c| ops::compare(py, a, b, c);
    match o {
        CmpOp::Eq => rc(CompareOp::Eq),
        CmpOp::Ne => rc(CompareOp::Ne),
        CmpOp::Lt => rc(CompareOp::Lt),
        CmpOp::Le => rc(CompareOp::Le),
        CmpOp::Gt => rc(CompareOp::Gt),
        CmpOp::Ge => rc(CompareOp::Ge),
        CmpOp::Is => Ok(bool_obj(py, a.is(b))),
        CmpOp::IsNot => Ok(bool_obj(py, !a.is(b))),
        CmpOp::In => Ok(bool_obj(py, contains(py, b, a)?)),
        CmpOp::NotIn => Ok(bool_obj(py, !contains(py, b, a)?)),
    }
}

/// `item in container`.
pub fn contains<'py>(
    py: Python<'py>,
    container: &Bound<'py, PyAny>,
    item: &Bound<'py, PyAny>,
) -> PyResult<bool> {
    ops::contains(py, container, item)
}

/// Whether `iter(obj)` can work.
pub fn is_iterable(obj: &Bound<'_, PyAny>) -> bool {
    let tp = obj.ob_type();
    tp.tp_iter.get().is_some() || tp.sequence().and_then(|s| s.sq_item.get()).is_some()
}

/// `iter(obj)`.
pub fn get_iter<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    ops::iter(py, obj)
}

/// `next(it)`; `None` when exhausted (a `StopIteration` raised by a Python
/// `__next__` also ends the iteration).
pub fn next<'py>(py: Python<'py>, it: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    match ops::next(py, it) {
        Err(e) if e.is_instance_of(py, py.builtins().stop_iteration()) => Ok(None),
        r => r,
    }
}

/// The items of an iterable, in order.
pub fn collect<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let it = get_iter(py, obj)?;
    let mut out = Vec::new();
    while let Some(x) = next(py, &it)? {
        out.push(x);
    }
    Ok(out)
}
