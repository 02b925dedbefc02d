//! Binary and in-place operators through the number slots, with CPython's order:
//! `type(a)`'s slot, but `type(b)`'s first when `type(b)` is a proper subtype with a
//! different slot; `NotImplemented` from one side passes to the other; then the
//! sequence fallbacks (`sq_concat` for `+`, `sq_repeat` for `*`); then
//! `unsupported operand type(s) for +: 'A' and 'int'`.
//!
//! Owns that order and those messages. Must not know any type's arithmetic.

use super::number::index_as_isize;
use super::operators::BinOp;
use crate::names::tp_name;
use crate::slotdefs::method::{is_not_implemented, not_implemented};
use pyrt_core::types::{SlotId, SlotValue, SsizeArgFunc};
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeObject};

/// A number slot of either binary or ternary (`pow`) shape.
#[derive(Clone, Copy)]
enum NumSlot {
    Binary(pyrt_core::types::BinaryFunc),
    Ternary(pyrt_core::types::TernaryFunc),
}

impl NumSlot {
    fn of(tp: &TypeObject, slot: SlotId) -> Option<NumSlot> {
        match tp.get_slot(slot)? {
            SlotValue::Binary(f) => Some(NumSlot::Binary(f)),
            SlotValue::Ternary(f) => Some(NumSlot::Ternary(f)),
            _ => None,
        }
    }

    fn addr(self) -> usize {
        match self {
            NumSlot::Binary(f) => f as usize,
            NumSlot::Ternary(f) => f as usize,
        }
    }

    fn call<'py>(
        self,
        py: Python<'py>,
        a: &Bound<'py>,
        b: &Bound<'py>,
        m: Option<&Bound<'py>>,
    ) -> PyResult<Bound<'py>> {
        match self {
            NumSlot::Binary(f) => f(py, a, b),
            NumSlot::Ternary(f) => {
                let none = pyrt_core::protocol::none(py);
                f(py, a, b, Some(m.unwrap_or(&none)))
            }
        }
    }
}

/// `binary_op1`: both operands' slots in CPython's order; `NotImplemented` if neither
/// handles the pair.
fn binary_op1<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    slot: SlotId,
    m: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let (ta, tb) = (a.ob_type(), b.ob_type());
    let slot_a = NumSlot::of(ta, slot);
    let mut slot_b = if std::ptr::eq(ta, tb) {
        None
    } else {
        NumSlot::of(tb, slot).filter(|f| Some(f.addr()) != slot_a.map(NumSlot::addr))
    };
    if let Some(fa) = slot_a {
        if let Some(fb) = slot_b.filter(|_| tb.is_subtype(ta)) {
            let r = fb.call(py, a, b, m)?;
            if !is_not_implemented(py, &r) {
                return Ok(r);
            }
            slot_b = None;
        }
        let r = fa.call(py, a, b, m)?;
        if !is_not_implemented(py, &r) {
            return Ok(r);
        }
    }
    if let Some(fb) = slot_b {
        let r = fb.call(py, a, b, m)?;
        if !is_not_implemented(py, &r) {
            return Ok(r);
        }
    }
    Ok(not_implemented(py))
}

fn unsupported(py: Python<'_>, symbol: &str, a: &Bound<'_>, b: &Bound<'_>) -> PyErr {
    PyErr::type_error(
        py,
        format!(
            "unsupported operand type(s) for {symbol}: '{}' and '{}'",
            tp_name(a.ob_type()),
            tp_name(b.ob_type())
        ),
    )
}

/// `seq * n` through `sq_repeat`, `n` an index.
fn sequence_repeat<'py>(
    py: Python<'py>,
    f: SsizeArgFunc,
    seq: &Bound<'py>,
    n: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    if n.ob_type()
        .number()
        .and_then(|t| t.nb_index.get())
        .is_none()
    {
        return Err(PyErr::type_error(
            py,
            format!(
                "can't multiply sequence by non-int of type '{}'",
                tp_name(n.ob_type())
            ),
        ));
    }
    f(py, seq, index_as_isize(py, n)?)
}

fn sq_repeat_of(tp: &TypeObject) -> Option<SsizeArgFunc> {
    tp.sequence().and_then(|s| s.sq_repeat.get())
}

/// `a <op> b`.
///
/// ```
/// use pyrt_typeobject::ops::{BinOp, binary_op};
/// pyrt_typeobject::Runtime::with(|py| {
///     let two = pyrt_core::builtins::int_new(py, 2).unwrap().into_any();
///     let s = pyrt_core::builtins::str_new(py, "ab").unwrap().into_any();
///     let r = binary_op(py, &s, &two, BinOp::Mul).unwrap();
///     assert_eq!(pyrt_typeobject::ops::str(py, &r).unwrap().as_str(), "abab");
///     let e = binary_op(py, &two, &s, BinOp::Add).unwrap_err();
///     assert_eq!(e.message(py), "unsupported operand type(s) for +: 'int' and 'str'");
/// });
/// ```
pub fn binary_op<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: BinOp,
) -> PyResult<Bound<'py>> {
    let r = binary_op1(py, a, b, op.slot(), None)?;
    if !is_not_implemented(py, &r) {
        return Ok(r);
    }
    match op {
        BinOp::Add => {
            if let Some(f) = a.ob_type().sequence().and_then(|s| s.sq_concat.get()) {
                return f(py, a, b);
            }
        }
        BinOp::Mul => {
            if let Some(f) = sq_repeat_of(a.ob_type()) {
                return sequence_repeat(py, f, a, b);
            }
            if let Some(f) = sq_repeat_of(b.ob_type()) {
                return sequence_repeat(py, f, b, a);
            }
        }
        _ => {}
    }
    Err(unsupported(py, op.symbol(), a, b))
}

/// `a <op>= b`: `type(a)`'s in-place slot, then the binary operator, then the in-place
/// and plain sequence fallbacks.
///
/// ```
/// use pyrt_typeobject::ops::{BinOp, inplace_op};
/// pyrt_typeobject::Runtime::with(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let none = pyrt_core::protocol::none(py);
///     let e = inplace_op(py, &none, &one, BinOp::Add).unwrap_err();
///     assert_eq!(e.message(py), "unsupported operand type(s) for +=: 'NoneType' and 'int'");
/// });
/// ```
pub fn inplace_op<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: BinOp,
) -> PyResult<Bound<'py>> {
    if let Some(f) = op.inplace_slot().and_then(|s| NumSlot::of(a.ob_type(), s)) {
        let r = f.call(py, a, b, None)?;
        if !is_not_implemented(py, &r) {
            return Ok(r);
        }
    }
    let r = binary_op1(py, a, b, op.slot(), None)?;
    if !is_not_implemented(py, &r) {
        return Ok(r);
    }
    let seq = a.ob_type().sequence();
    match op {
        BinOp::Add => {
            if let Some(f) = seq.and_then(|s| s.sq_inplace_concat.get().or(s.sq_concat.get())) {
                return f(py, a, b);
            }
        }
        BinOp::Mul => {
            if let Some(f) = seq.and_then(|s| s.sq_inplace_repeat.get().or(s.sq_repeat.get())) {
                return sequence_repeat(py, f, a, b);
            }
            if let Some(f) = sq_repeat_of(b.ob_type()) {
                return sequence_repeat(py, f, b, a);
            }
        }
        _ => {}
    }
    Err(unsupported(py, op.inplace_symbol(), a, b))
}

/// `pow(a, b, m)`: the three operands' `nb_power` slots (the third's last);
/// `unsupported operand type(s) for ** or pow(): 'A', 'int', 'int'`. With `m` `None`,
/// the same as `a ** b`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let int = |v| pyrt_core::builtins::int_new(py, v).unwrap().into_any();
///     let r = pyrt_typeobject::ops::power(py, &int(2), &int(10), Some(&int(1000))).unwrap();
///     assert_eq!(pyrt_typeobject::ops::repr(py, &r).unwrap().as_str(), "24");
/// });
/// ```
pub fn power<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    m: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let Some(m) = m.filter(|m| !std::ptr::eq(m.as_any_ref(), py.singletons().none())) else {
        return binary_op(py, a, b, BinOp::Pow);
    };
    let r = binary_op1(py, a, b, SlotId::NB_POWER, Some(m))?;
    if !is_not_implemented(py, &r) {
        return Ok(r);
    }
    let (ta, tb, tm) = (a.ob_type(), b.ob_type(), m.ob_type());
    if let Some(fm) = NumSlot::of(tm, SlotId::NB_POWER) {
        let seen = [
            NumSlot::of(ta, SlotId::NB_POWER),
            NumSlot::of(tb, SlotId::NB_POWER),
        ];
        if !seen.iter().flatten().any(|f| f.addr() == fm.addr()) {
            let r = fm.call(py, a, b, Some(m))?;
            if !is_not_implemented(py, &r) {
                return Ok(r);
            }
        }
    }
    Err(PyErr::type_error(
        py,
        format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            tp_name(ta),
            tp_name(tb),
            tp_name(tm)
        ),
    ))
}
