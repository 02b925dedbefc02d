//! Assignment targets: names, attributes, subscripts, and (nested, starred) tuple and
//! list unpacking; `del` of each; augmented assignment (target evaluated once).
//!
//! Owns binding semantics and the unpacking messages.

use super::expressions::eval;
use super::frames::Frame;
use super::{operators, subscript};
use crate::ast::{BinOp, Expr, ExprKind};
use pyrt_core::builtins::{intern, list_new};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};
use pyrt_typeobject::attr::{getattr, setattr};

/// Binds `value` to `target`.
pub fn store<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    target: &'static Expr<'static>,
    value: Bound<'py, PyAny>,
) -> PyResult<()> {
    match &target.kind {
        ExprKind::Name(n) => frame.store(py, n, value),
        ExprKind::Attribute(obj, name) => {
            let o = eval(py, frame, obj)?;
            setattr(py, &o, &intern(py, name)?.into_any(), Some(&value))
        }
        ExprKind::Subscript(obj, idx) => {
            let o = eval(py, frame, obj)?;
            let k = eval(py, frame, idx)?;
            subscript::setitem(py, &o, &k, Some(&value))
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => unpack(py, frame, items, value),
        ExprKind::Starred(inner) => store(py, frame, inner, value),
        _ => Err(PyErr::system_error(py, "invalid assignment target")),
    }
}

fn unpack<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    items: &'static [Expr<'static>],
    value: Bound<'py, PyAny>,
) -> PyResult<()> {
    if value.ob_type().tp_iter.get().is_none()
        && value
            .ob_type()
            .sequence()
            .and_then(|s| s.sq_item.get())
            .is_none()
    {
        return Err(PyErr::type_error(
            py,
            format!("cannot unpack non-iterable {} object", value.type_name()),
        ));
    }
    let values = operators::collect(py, &value)?;
    let star = items
        .iter()
        .position(|i| matches!(i.kind, ExprKind::Starred(_)));
    match star {
        None => {
            if values.len() > items.len() {
                return Err(PyErr::value_error(
                    py,
                    format!("too many values to unpack (expected {})", items.len()),
                ));
            }
            if values.len() < items.len() {
                return Err(PyErr::value_error(
                    py,
                    format!(
                        "not enough values to unpack (expected {}, got {})",
                        items.len(),
                        values.len()
                    ),
                ));
            }
            for (t, v) in items.iter().zip(values) {
                store(py, frame, t, v)?;
            }
            Ok(())
        }
        Some(s) => {
            let after = items.len() - s - 1;
            if values.len() < items.len() - 1 {
                return Err(PyErr::value_error(
                    py,
                    format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        items.len() - 1,
                        values.len()
                    ),
                ));
            }
            let mut values = values;
            let tail = values.split_off(values.len() - after);
            let middle = values.split_off(s);
            for (t, v) in items[..s].iter().zip(values) {
                store(py, frame, t, v)?;
            }
            store(py, frame, &items[s], list_new(py, &middle)?.into_any())?;
            for (t, v) in items[s + 1..].iter().zip(tail) {
                store(py, frame, t, v)?;
            }
            Ok(())
        }
    }
}

/// `del target`.
pub fn delete<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    target: &'static Expr<'static>,
) -> PyResult<()> {
    match &target.kind {
        ExprKind::Name(n) => frame.delete(py, n),
        ExprKind::Attribute(obj, name) => {
            let o = eval(py, frame, obj)?;
            setattr(py, &o, &intern(py, name)?.into_any(), None)
        }
        ExprKind::Subscript(obj, idx) => {
            let o = eval(py, frame, obj)?;
            let k = eval(py, frame, idx)?;
            subscript::setitem(py, &o, &k, None)
        }
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items.iter() {
                delete(py, frame, i)?;
            }
            Ok(())
        }
        _ => Err(PyErr::system_error(py, "invalid deletion target")),
    }
}

/// `target op= value`: the container and key are evaluated once.
pub fn aug_assign<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    target: &'static Expr<'static>,
    op: BinOp,
    value: &'static Expr<'static>,
) -> PyResult<()> {
    match &target.kind {
        ExprKind::Name(n) => {
            let cur = frame.load(py, n)?;
            let v = eval(py, frame, value)?;
            let r = operators::inplace_op(py, &cur, &v, op)?;
            frame.store(py, n, r)
        }
        ExprKind::Attribute(obj, name) => {
            let o = eval(py, frame, obj)?;
            let key = intern(py, name)?.into_any();
            let cur = getattr(py, &o, &key)?;
            let v = eval(py, frame, value)?;
            let r = operators::inplace_op(py, &cur, &v, op)?;
            setattr(py, &o, &key, Some(&r))
        }
        ExprKind::Subscript(obj, idx) => {
            let o = eval(py, frame, obj)?;
            let k = eval(py, frame, idx)?;
            let cur = subscript::getitem(py, &o, &k)?;
            let v = eval(py, frame, value)?;
            let r = operators::inplace_op(py, &cur, &v, op)?;
            subscript::setitem(py, &o, &k, Some(&r))
        }
        _ => Err(PyErr::system_error(
            py,
            "invalid augmented assignment target",
        )),
    }
}
