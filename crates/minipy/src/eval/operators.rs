//! Operator dispatch through the number/sequence slots: binary operators with the
//! reflected operand and `NotImplemented` (`nb_*`, then `sq_concat`/`sq_repeat`),
//! in-place operators (`nb_inplace_*` first), unary operators, comparisons
//! (`tp_richcompare` via pyrt's protocol), `in` (`sq_contains`, else iteration), and
//! iteration (`tp_iter`/`tp_iternext`, else the `sq_item` sequence protocol).
//!
//! TEMPORARY in part: pyrt's own operator layer (`ops::binary_op` etc., branch
//! `slots`) replaces `binary_op`/`inplace_op`/`unary_op` once merged. Must not know any
//! particular type.

use crate::ast::{BinOp, CmpOp, UnaryOp};
use pyrt_core::builtins::IntObject;
use pyrt_core::protocol::{bool_obj, rich_compare};
use pyrt_core::types::{BinaryFunc, CompareOp, NumberMethods};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

fn is_ni(py: Python<'_>, v: &Bound<'_, PyAny>) -> bool {
    std::ptr::eq(v.as_any_ref(), py.singletons().not_implemented())
}

fn binary_slot(n: &NumberMethods, op: BinOp) -> Option<BinaryFunc> {
    match op {
        BinOp::Add => n.nb_add.get(),
        BinOp::Sub => n.nb_subtract.get(),
        BinOp::Mul => n.nb_multiply.get(),
        BinOp::Div => n.nb_true_divide.get(),
        BinOp::FloorDiv => n.nb_floor_divide.get(),
        BinOp::Mod => n.nb_remainder.get(),
        BinOp::LShift => n.nb_lshift.get(),
        BinOp::RShift => n.nb_rshift.get(),
        BinOp::BitAnd => n.nb_and.get(),
        BinOp::BitOr => n.nb_or.get(),
        BinOp::BitXor => n.nb_xor.get(),
        BinOp::MatMul => n.nb_matrix_multiply.get(),
        BinOp::Pow => None,
    }
}

fn inplace_slot(n: &NumberMethods, op: BinOp) -> Option<BinaryFunc> {
    match op {
        BinOp::Add => n.nb_inplace_add.get(),
        BinOp::Sub => n.nb_inplace_subtract.get(),
        BinOp::Mul => n.nb_inplace_multiply.get(),
        BinOp::Div => n.nb_inplace_true_divide.get(),
        BinOp::FloorDiv => n.nb_inplace_floor_divide.get(),
        BinOp::Mod => n.nb_inplace_remainder.get(),
        BinOp::LShift => n.nb_inplace_lshift.get(),
        BinOp::RShift => n.nb_inplace_rshift.get(),
        BinOp::BitAnd => n.nb_inplace_and.get(),
        BinOp::BitOr => n.nb_inplace_or.get(),
        BinOp::BitXor => n.nb_inplace_xor.get(),
        BinOp::MatMul => n.nb_inplace_matrix_multiply.get(),
        BinOp::Pow => None,
    }
}

/// The number-slot part of a binary operation (CPython's `binary_op1`): the right
/// operand's slot first if its type is a proper subtype that overrides it.
fn binary_op1<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: BinOp,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let (ta, tb) = (a.ob_type(), b.ob_type());
    if op == BinOp::Pow {
        let none = pyrt_core::protocol::none(py);
        let fa = ta.number().and_then(|n| n.nb_power.get());
        let fb = tb
            .number()
            .and_then(|n| n.nb_power.get())
            .filter(|f| !std::ptr::eq(ta, tb) && Some(*f as usize) != fa.map(|g| g as usize));
        let mut tried_b = false;
        if let Some(g) = fb.filter(|_| tb.is_subtype(ta)) {
            tried_b = true;
            let r = g(py, a, b, Some(&none))?;
            if !is_ni(py, &r) {
                return Ok(Some(r));
            }
        }
        if let Some(f) = fa {
            let r = f(py, a, b, Some(&none))?;
            if !is_ni(py, &r) {
                return Ok(Some(r));
            }
        }
        if let Some(g) = fb.filter(|_| !tried_b) {
            let r = g(py, a, b, Some(&none))?;
            if !is_ni(py, &r) {
                return Ok(Some(r));
            }
        }
        return Ok(None);
    }
    let fa = ta.number().and_then(|n| binary_slot(n, op));
    let fb = tb
        .number()
        .and_then(|n| binary_slot(n, op))
        .filter(|f| !std::ptr::eq(ta, tb) && Some(*f as usize) != fa.map(|g| g as usize));
    let mut tried_b = false;
    if let (Some(_), Some(g)) = (fa, fb)
        && tb.is_subtype(ta)
    {
        tried_b = true;
        let r = g(py, a, b)?;
        if !is_ni(py, &r) {
            return Ok(Some(r));
        }
    }
    if let Some(f) = fa {
        let r = f(py, a, b)?;
        if !is_ni(py, &r) {
            return Ok(Some(r));
        }
    }
    if let Some(g) = fb.filter(|_| !tried_b) {
        let r = g(py, a, b)?;
        if !is_ni(py, &r) {
            return Ok(Some(r));
        }
    }
    Ok(None)
}

fn unsupported(py: Python<'_>, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>, sym: &str) -> PyErr {
    PyErr::type_error(
        py,
        format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ),
    )
}

fn index_of(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<Option<isize>> {
    if let Ok(i) = v.downcast::<IntObject>() {
        return Ok(Some(i.value() as isize));
    }
    match v.ob_type().number().and_then(|n| n.nb_index.get()) {
        Some(f) => Ok(f(py, v)?
            .downcast::<IntObject>()
            .ok()
            .map(|i| i.value() as isize)),
        None => Ok(None),
    }
}

/// Sequence fallbacks for `+` and `*`.
fn sequence_fallback<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: BinOp,
    inplace: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    match op {
        BinOp::Add => {
            let s = a.ob_type().sequence();
            let f = if inplace {
                s.and_then(|s| s.sq_inplace_concat.get())
                    .or_else(|| s.and_then(|s| s.sq_concat.get()))
            } else {
                s.and_then(|s| s.sq_concat.get())
            };
            match f {
                Some(f) => f(py, a, b).map(Some),
                None => Ok(None),
            }
        }
        BinOp::Mul => {
            let rep = |x: &Bound<'py, PyAny>,
                       n: &Bound<'py, PyAny>|
             -> PyResult<Option<Bound<'py, PyAny>>> {
                let s = x.ob_type().sequence();
                let f = if inplace {
                    s.and_then(|s| s.sq_inplace_repeat.get())
                        .or_else(|| s.and_then(|s| s.sq_repeat.get()))
                } else {
                    s.and_then(|s| s.sq_repeat.get())
                };
                let Some(f) = f else { return Ok(None) };
                match index_of(py, n)? {
                    Some(k) => f(py, x, k).map(Some),
                    None => Err(PyErr::type_error(
                        py,
                        format!(
                            "can't multiply sequence by non-int of type '{}'",
                            n.type_name()
                        ),
                    )),
                }
            };
            if let Some(r) = rep(a, b)? {
                return Ok(Some(r));
            }
            rep(b, a)
        }
        _ => Ok(None),
    }
}

/// `a op b`.
pub fn binary_op<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: BinOp,
) -> PyResult<Bound<'py, PyAny>> {
    if let Some(r) = binary_op1(py, a, b, op)? {
        return Ok(r);
    }
    if let Some(r) = sequence_fallback(py, a, b, op, false)? {
        return Ok(r);
    }
    let sym = if op == BinOp::Pow {
        "** or pow()"
    } else {
        op.symbol()
    };
    Err(unsupported(py, a, b, sym))
}

/// `a op= b`.
pub fn inplace_op<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: BinOp,
) -> PyResult<Bound<'py, PyAny>> {
    if let Some(f) = a.ob_type().number().and_then(|n| inplace_slot(n, op)) {
        let r = f(py, a, b)?;
        if !is_ni(py, &r) {
            return Ok(r);
        }
    }
    if let Some(r) = binary_op1(py, a, b, op)? {
        return Ok(r);
    }
    if let Some(r) = sequence_fallback(py, a, b, op, true)? {
        return Ok(r);
    }
    let sym = format!("{}=", op.symbol());
    Err(unsupported(py, a, b, &sym))
}

/// `-a`, `+a`, `~a`.
pub fn unary_op<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    op: UnaryOp,
) -> PyResult<Bound<'py, PyAny>> {
    let n = a.ob_type().number();
    let (f, sym) = match op {
        UnaryOp::Neg => (n.and_then(|n| n.nb_negative.get()), "-"),
        UnaryOp::Pos => (n.and_then(|n| n.nb_positive.get()), "+"),
        UnaryOp::Invert => (n.and_then(|n| n.nb_invert.get()), "~"),
        UnaryOp::Not => {
            let t = pyrt_core::protocol::is_true(py, a)?;
            return Ok(bool_obj(py, !t));
        }
    };
    match f {
        Some(f) => f(py, a),
        None => Err(PyErr::type_error(
            py,
            format!("bad operand type for unary {sym}: '{}'", a.type_name()),
        )),
    }
}

/// `a op b` for a comparison operator.
pub fn compare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: CmpOp,
) -> PyResult<Bound<'py, PyAny>> {
    let rc = |o| rich_compare(py, a, b, o);
    match op {
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

/// `item in container`: `sq_contains`, else a search by iteration.
pub fn contains<'py>(
    py: Python<'py>,
    container: &Bound<'py, PyAny>,
    item: &Bound<'py, PyAny>,
) -> PyResult<bool> {
    if let Some(f) = container
        .ob_type()
        .sequence()
        .and_then(|s| s.sq_contains.get())
    {
        return f(py, container, item);
    }
    if !is_iterable(container) {
        return Err(PyErr::type_error(
            py,
            format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ),
        ));
    }
    let it = get_iter(py, container)?;
    while let Some(x) = next(py, &it)? {
        if x.is(item) || pyrt_core::protocol::rich_compare_bool(py, &x, item, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether `iter(obj)` can work.
pub fn is_iterable(obj: &Bound<'_, PyAny>) -> bool {
    let tp = obj.ob_type();
    tp.tp_iter.get().is_some() || tp.sequence().and_then(|s| s.sq_item.get()).is_some()
}

/// `iter(obj)`.
pub fn get_iter<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let tp = obj.ob_type();
    if let Some(f) = tp.tp_iter.get() {
        let it = f(py, obj)?;
        if it.ob_type().tp_iternext.get().is_none() {
            return Err(PyErr::type_error(
                py,
                format!("iter() returned non-iterator of type '{}'", it.type_name()),
            ));
        }
        return Ok(it);
    }
    if tp.sequence().and_then(|s| s.sq_item.get()).is_some() {
        return crate::objects::iter::seq_iter_by_item(py, obj);
    }
    Err(PyErr::type_error(
        py,
        format!("'{}' object is not iterable", obj.type_name()),
    ))
}

/// `next(it)`; `None` when exhausted (a `StopIteration` raised by a Python
/// `__next__` also ends the iteration).
pub fn next<'py>(py: Python<'py>, it: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Some(f) = it.ob_type().tp_iternext.get() else {
        return Err(PyErr::type_error(
            py,
            format!("'{}' object is not an iterator", it.type_name()),
        ));
    };
    match f(py, it) {
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
