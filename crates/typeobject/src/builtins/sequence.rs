//! Helpers shared by the sequence types (`tuple`, `list`, `str`): index conversion and
//! normalisation, lexicographic comparison, membership, and item-list reprs.
//!
//! Owns: the algorithms common to several sequence types, with CPython 3.11's texts.
//! Must not: know any payload (callers pass item slices or lengths).

use crate::builtins::call::{index_value, repr_of};
use crate::builtins::repr_guard::ReprGuard;
use pyrt_core::protocol::{bool_obj, rich_compare, rich_compare_bool};
use pyrt_core::types::CompareOp;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `i` (negative counts from the end) as a position in `0..len`, or `None`.
pub(crate) fn normalize(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    usize::try_from(i).ok().filter(|&i| i < len)
}

/// The integer value of a subscript key; `TypeError: WHAT indices must be integers or
/// slices, not X` otherwise (`what` is `tuple` or `list`).
pub(crate) fn subscript_index(py: Python<'_>, key: &Bound<'_>, what: &str) -> PyResult<i64> {
    index_value(py, key)?.ok_or_else(|| {
        PyErr::type_error(
            py,
            format!(
                "{what} indices must be integers or slices, not {}",
                key.type_name()
            ),
        )
    })
}

/// Whether `ord` (the comparison of two lengths or values) satisfies `op`.
pub(crate) fn op_holds(op: CompareOp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => ord == Less,
        CompareOp::Le => ord != Greater,
        CompareOp::Eq => ord == Equal,
        CompareOp::Ne => ord != Equal,
        CompareOp::Gt => ord == Greater,
        CompareOp::Ge => ord != Less,
    }
}

/// Lexicographic comparison: the first pair that is not `==` decides (`==` → `False`,
/// `!=` → `True`, other operators compare that pair); with no such pair, the lengths.
pub(crate) fn compare_items<'py>(
    py: Python<'py>,
    a: &[Bound<'py>],
    b: &[Bound<'py>],
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    for (x, y) in a.iter().zip(b) {
        if !rich_compare_bool(py, x, y, CompareOp::Eq)? {
            return match op {
                CompareOp::Eq => Ok(bool_obj(py, false)),
                CompareOp::Ne => Ok(bool_obj(py, true)),
                _ => rich_compare(py, x, y, op),
            };
        }
    }
    Ok(bool_obj(py, op_holds(op, a.len().cmp(&b.len()))))
}

/// Whether some item `== x` (identity first).
pub(crate) fn contains_item<'py>(
    py: Python<'py>,
    items: &[Bound<'py>],
    x: &Bound<'py>,
) -> PyResult<bool> {
    for item in items {
        if rich_compare_bool(py, item, x, CompareOp::Eq)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `open + repr(item), ... + close`, or `recursive` if this container's repr is already
/// running (`addr` is the container's address).
pub(crate) fn repr_items<'py>(
    py: Python<'py>,
    addr: usize,
    items: &[Bound<'py>],
    (open, close, recursive): (&str, &str, &str),
) -> PyResult<String> {
    let Some(_guard) = ReprGuard::enter(addr) else {
        return Ok(recursive.to_owned());
    };
    let mut out = String::from(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(repr_of(py, item)?.as_str());
    }
    out.push_str(close);
    Ok(out)
}

/// The total length of `len` items repeated `n` times (`n <= 0` gives 0), or `None`
/// if it overflows.
pub(crate) fn repeated_len(len: usize, n: isize) -> Option<usize> {
    if n <= 0 {
        return Some(0);
    }
    len.checked_mul(n as usize)
        .filter(|&t| t <= isize::MAX as usize)
}
