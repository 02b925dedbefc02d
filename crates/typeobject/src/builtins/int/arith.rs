//! `int`'s binary number slots: `+ - * // % divmod ** << >> & | ^`, with Python's
//! floor semantics for negative operands and CPython 3.11's error texts.
//!
//! Owns: the arithmetic on two `int` operands. Any other operand type gives
//! `NotImplemented`. Must not: promote to big integers (pyrt's `int` is 64-bit; results
//! outside `i64` raise `OverflowError: int too large`).

use super::{int_value, new_int, overflow};
use crate::builtins::call::not_implemented;
use pyrt_core::builtins::tuple_new;
use pyrt_core::types::NumberMethods;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// Stores the binary slots in `int`'s number table.
pub(super) fn install(n: &NumberMethods) {
    n.nb_add.set(Some(int_add));
    n.nb_subtract.set(Some(int_sub));
    n.nb_multiply.set(Some(int_mul));
    n.nb_floor_divide.set(Some(int_floor_divide));
    n.nb_remainder.set(Some(int_remainder));
    n.nb_divmod.set(Some(int_divmod));
    n.nb_power.set(Some(int_power));
    n.nb_lshift.set(Some(int_lshift));
    n.nb_rshift.set(Some(int_rshift));
    n.nb_and.set(Some(int_and));
    n.nb_or.set(Some(int_or));
    n.nb_xor.set(Some(int_xor));
}

/// Applies `f` to two `int` operands (`NotImplemented` otherwise).
fn binary<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    f: impl FnOnce(i64, i64) -> PyResult<Bound<'py>>,
) -> PyResult<Bound<'py>> {
    match (int_value(a), int_value(b)) {
        (Some(x), Some(y)) => f(x, y),
        _ => Ok(not_implemented(py)),
    }
}

fn zero_division(py: Python<'_>, msg: &str) -> PyErr {
    PyErr::new(py, py.builtins().zero_division_error(), msg)
}

fn int_add<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| new_int(py, x.checked_add(y)))
}

fn int_sub<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| new_int(py, x.checked_sub(y)))
}

fn int_mul<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| new_int(py, x.checked_mul(y)))
}

/// Floor division (`y != 0`); `None` on overflow (`i64::MIN // -1`).
fn floor_div(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    Some(if x % y != 0 && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    })
}

/// Python's modulo (`y != 0`): the result has the sign of `y`.
fn py_mod(x: i64, y: i64) -> i64 {
    if y == -1 {
        return 0;
    }
    let r = x % y;
    if r != 0 && ((r < 0) != (y < 0)) {
        r + y
    } else {
        r
    }
}

fn int_floor_divide<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| {
        if y == 0 {
            return Err(zero_division(py, "integer division or modulo by zero"));
        }
        new_int(py, floor_div(x, y))
    })
}

fn int_remainder<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| {
        if y == 0 {
            return Err(zero_division(py, "integer modulo by zero"));
        }
        new_int(py, Some(py_mod(x, y)))
    })
}

fn int_divmod<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| {
        if y == 0 {
            return Err(zero_division(py, "integer division or modulo by zero"));
        }
        let q = new_int(py, floor_div(x, y))?;
        let r = new_int(py, Some(py_mod(x, y)))?;
        Ok(tuple_new(py, &[q, r])?.into_any())
    })
}

/// `x ** y` for `y >= 0`; `None` on overflow.
fn pow_checked(x: i64, y: i64) -> Option<i64> {
    match x {
        0 => Some(if y == 0 { 1 } else { 0 }),
        1 => Some(1),
        -1 => Some(if y % 2 == 0 { 1 } else { -1 }),
        _ if y > 63 => None,
        _ => x.checked_pow(y as u32),
    }
}

/// The inverse of `a` modulo `m` (`0 <= a < m`), if `gcd(a, m) == 1`.
fn mod_inverse(a: i128, m: i128) -> Option<i128> {
    let (mut r0, mut r1) = (m, a);
    let (mut t0, mut t1) = (0i128, 1i128);
    while r1 != 0 {
        let q = r0 / r1;
        (r0, r1) = (r1, r0 - q * r1);
        (t0, t1) = (t1, t0 - q * t1);
    }
    (r0 == 1).then(|| t0.rem_euclid(m))
}

/// `pow(x, y, m)` for `m != 0`; the result has the sign of `m`.
fn pow_mod(py: Python<'_>, x: i64, y: i64, m: i64) -> PyResult<i64> {
    let mm = i128::from(m).abs();
    let mut base = i128::from(x).rem_euclid(mm);
    if y < 0 {
        base = mod_inverse(base, mm).ok_or_else(|| {
            PyErr::value_error(py, "base is not invertible for the given modulus")
        })?;
    }
    let (mut e, mm) = (i128::from(y).unsigned_abs(), mm as u128);
    let (mut b, mut acc) = (base as u128, 1 % mm);
    while e > 0 {
        if e & 1 == 1 {
            acc = acc * b % mm;
        }
        b = b * b % mm;
        e >>= 1;
    }
    let r = acc as i128;
    let r = if m < 0 && r != 0 {
        r + i128::from(m)
    } else {
        r
    };
    Ok(r as i64)
}

fn int_power<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    m: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let m = match m {
        Some(m) if !std::ptr::eq(m.as_any_ref(), py.singletons().none()) => match int_value(m) {
            Some(v) => Some(v),
            None => return Ok(not_implemented(py)),
        },
        _ => None,
    };
    binary(py, a, b, |x, y| match m {
        Some(0) => Err(PyErr::value_error(py, "pow() 3rd argument cannot be 0")),
        Some(m) => new_int(py, Some(pow_mod(py, x, y, m)?)),
        None if y < 0 && x == 0 => Err(zero_division(
            py,
            "0.0 cannot be raised to a negative power",
        )),
        None if y < 0 => Err(PyErr::value_error(
            py,
            "negative exponent not supported by pyrt's int",
        )),
        None => new_int(py, pow_checked(x, y)),
    })
}

fn negative_shift(py: Python<'_>) -> PyErr {
    PyErr::value_error(py, "negative shift count")
}

fn int_lshift<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| match y {
        _ if y < 0 => Err(negative_shift(py)),
        _ if x == 0 => new_int(py, Some(0)),
        64.. => Err(overflow(py)),
        _ => new_int(py, i64::try_from(i128::from(x) << y).ok()),
    })
}

fn int_rshift<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| match y {
        _ if y < 0 => Err(negative_shift(py)),
        64.. => new_int(py, Some(if x < 0 { -1 } else { 0 })),
        _ => new_int(py, Some(x >> y)),
    })
}

/// `int.__and__` (also used by `bool` for mixed operands).
pub(crate) fn int_and<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| new_int(py, Some(x & y)))
}

/// `int.__or__` (also used by `bool` for mixed operands).
pub(crate) fn int_or<'py>(py: Python<'py>, a: &Bound<'py>, b: &Bound<'py>) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| new_int(py, Some(x | y)))
}

/// `int.__xor__` (also used by `bool` for mixed operands).
pub(crate) fn int_xor<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    binary(py, a, b, |x, y| new_int(py, Some(x ^ y)))
}
