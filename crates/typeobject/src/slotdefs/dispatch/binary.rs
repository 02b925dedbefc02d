//! The number dispatchers of heap types for binary operators: one generic shape per
//! slot kind (binary, ternary `pow`, in-place), instantiated once per operator through
//! a const parameter (the [`BinOp`] index), so each operator gets its own function
//! address — which is how a dispatcher recognises that a type uses it.
//!
//! The binary shape follows the language reference: for `a + b` it calls
//! `type(a).__add__(a, b)`, then `type(b).__radd__(b, a)`; when `type(b)` is a proper
//! subclass of `type(a)` whose `__radd__` differs from `type(a)`'s, the reflected call
//! comes first. A missing dunder counts as `NotImplemented`. Owns nothing else.

use crate::attr::type_lookup;
use crate::ops::BinOp;
use crate::slotdefs::method::{
    call_or_not_implemented, is_none, is_not_implemented, not_implemented,
};
use crate::slotdefs::names::Dunder;
use pyrt_core::types::{BinaryFunc, TernaryFunc};
use pyrt_core::{Bound, PyResult, Python, TypeObject};

/// The address of `tp`'s slot for `op` (0 when empty).
fn slot_addr(tp: &TypeObject, op: BinOp) -> usize {
    tp.get_slot(op.slot()).map_or(0, |v| v.fn_addr())
}

/// Whether `sub` defines `name` differently from `base` (CPython's
/// `method_is_overloaded`): the objects found along the two MROs differ.
fn overrides(py: Python<'_>, base: &TypeObject, sub: &TypeObject, name: Dunder) -> PyResult<bool> {
    let key = name.interned(py)?;
    let b = type_lookup(py, base, &key);
    let s = type_lookup(py, sub, &key);
    Ok(s.is_some() && s != b)
}

/// The shared body of the binary dispatchers; `this` is the calling dispatcher's
/// address, used to tell whether each operand's type dispatches through it.
fn binary_body<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: BinOp,
    this: usize,
    extra: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    let (ta, tb) = (a.ob_type(), b.ob_type());
    let same = std::ptr::eq(ta, tb);
    let mut do_other = !same && slot_addr(tb, op) == this;
    let call = |x: &Bound<'py>, y: &Bound<'py>, name: Dunder| {
        let mut args = vec![y.clone()];
        args.extend_from_slice(extra);
        call_or_not_implemented(py, x, name, &args)
    };
    if slot_addr(ta, op) == this {
        if do_other && tb.is_subtype(ta) && overrides(py, ta, tb, op.reflected_dunder())? {
            let r = call(b, a, op.reflected_dunder())?;
            if !is_not_implemented(py, &r) {
                return Ok(r);
            }
            do_other = false;
        }
        let r = call(a, b, op.dunder())?;
        if !is_not_implemented(py, &r) || same {
            return Ok(r);
        }
    }
    if do_other {
        return call(b, a, op.reflected_dunder());
    }
    Ok(not_implemented(py))
}

/// `nb_<op>` of heap types defining `__<op>__` or `__r<op>__`.
pub(crate) fn slot_binary<'py, const OP: usize>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    let this = slot_binary::<OP> as BinaryFunc as usize;
    binary_body(py, a, b, BinOp::from_index(OP), this, &[])
}

/// `nb_power` of heap types defining `__pow__` or `__rpow__`. With a modulus, only
/// `type(a).__pow__(a, b, mod)` is tried (CPython's three-argument rule).
pub(crate) fn slot_power<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    modulus: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let this = slot_power as TernaryFunc as usize;
    match modulus.filter(|m| !is_none(py, m)) {
        None => binary_body(py, a, b, BinOp::Pow, this, &[]),
        Some(m) => {
            if slot_addr(a.ob_type(), BinOp::Pow) == this {
                call_or_not_implemented(py, a, Dunder::Pow, &[b.clone(), m.clone()])
            } else {
                Ok(not_implemented(py))
            }
        }
    }
}

/// `nb_inplace_<op>` of heap types defining `__i<op>__`: `type(a).__i<op>__(a, b)`.
pub(crate) fn slot_inplace<'py, const OP: usize>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    let name = BinOp::from_index(OP)
        .inplace_dunder()
        .unwrap_or(Dunder::IAdd);
    call_or_not_implemented(py, a, name, std::slice::from_ref(b))
}

/// `nb_inplace_power`: `type(a).__ipow__(a, b)` (the modulus is ignored, as in 3.11).
pub(crate) fn slot_inplace_power<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    _modulus: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    call_or_not_implemented(py, a, Dunder::IPow, std::slice::from_ref(b))
}
