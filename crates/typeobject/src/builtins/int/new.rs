//! `int.__new__`: `int()`, `int(x)`, `int(s, base)`, with CPython 3.11's argument
//! rules and messages, for `int` and its subclasses.
//!
//! Owns: argument handling and the parsing of integer literals from `str`
//! (whitespace, sign, `_` separators, `0x`/`0o`/`0b` prefixes, bases 2–36 and 0).
//! Only ASCII digits are accepted (CPython also accepts other Unicode decimal digits);
//! values outside `i64` raise `OverflowError: int too large`. Must not: touch `IntObject`
//! beyond setting the value of a fresh instance.

use super::{int_value, overflow};
use crate::builtins::args::{Kwargs, bind};
use crate::builtins::call::index_value;
use crate::builtins::string::quote;
use pyrt_core::builtins::{StrObject, TupleObject, int_new};
use pyrt_core::types::TypeObject;
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// `int.__new__(tp, [x, [base]])`.
pub(super) fn int_new_slot<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    let bound = bind(py, "int", &["x", "base"], 1, args, kwargs)?;
    let value = match (&bound[0], &bound[1]) {
        (None, None) => 0,
        (None, Some(_)) => return Err(PyErr::type_error(py, "int() missing string argument")),
        (Some(x), None) => from_object(py, x)?,
        (Some(x), Some(b)) => {
            let base = index_value(py, b)?.ok_or_else(|| {
                PyErr::type_error(
                    py,
                    format!(
                        "'{}' object cannot be interpreted as an integer",
                        b.type_name()
                    ),
                )
            })?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(PyErr::value_error(
                    py,
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            let Ok(s) = x.downcast::<StrObject>() else {
                return Err(PyErr::type_error(
                    py,
                    "int() can't convert non-string with explicit base",
                ));
            };
            from_str(py, s.as_str(), base as u32)?
        }
    };
    if std::ptr::eq(&**tp, py.builtins().int()) {
        return Ok(int_new(py, value)?.into_any());
    }
    Ok(pyrt_core::builtins::int_alloc(py, tp, value)?.into_any())
}

/// `int(x)` for a single argument.
fn from_object(py: Python<'_>, x: &Bound<'_>) -> PyResult<i64> {
    if let Some(v) = int_value(x) {
        return Ok(v);
    }
    if let Ok(s) = x.downcast::<StrObject>() {
        return from_str(py, s.as_str(), 10);
    }
    let number = x.ob_type().number();
    let (f, what) = match (
        number.and_then(|n| n.nb_int.get()),
        number.and_then(|n| n.nb_index.get()),
    ) {
        (Some(f), _) => (f, "__int__"),
        (None, Some(f)) => (f, "__index__"),
        (None, None) => {
            return Err(PyErr::type_error(
                py,
                format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    x.type_name()
                ),
            ));
        }
    };
    let r = f(py, x)?;
    int_value(&r).ok_or_else(|| {
        PyErr::type_error(
            py,
            format!("{what} returned non-int (type {})", r.type_name()),
        )
    })
}

/// Why a literal was rejected.
enum ParseError {
    Invalid,
    TooLarge,
}

/// Parses `text` in `base` (0: from the prefix), raising CPython's `ValueError`
/// (`invalid literal for int() with base B: 'text'`, the repr cut to 200 characters).
fn from_str(py: Python<'_>, text: &str, base: u32) -> PyResult<i64> {
    match parse(text, base) {
        Ok(v) => Ok(v),
        Err(ParseError::TooLarge) => Err(overflow(py)),
        Err(ParseError::Invalid) => {
            let r: String = quote(text).chars().take(200).collect();
            Err(PyErr::value_error(
                py,
                format!("invalid literal for int() with base {base}: {r}"),
            ))
        }
    }
}

/// Splits off a `0x`/`0o`/`0b` prefix matching `base` (any of them for base 0).
fn strip_prefix(s: &str, base: u32) -> (&str, u32, bool) {
    let b = s.as_bytes();
    if b.len() >= 2 && b[0] == b'0' {
        let pb = match b[1].to_ascii_lowercase() {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            return (&s[2..], pb, true);
        }
    }
    (s, if base == 0 { 10 } else { base }, false)
}

fn parse(text: &str, base: u32) -> Result<i64, ParseError> {
    let s = text.trim_matches(is_py_space);
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (mut digits, radix, prefixed) = strip_prefix(s, base);
    if prefixed && digits.starts_with('_') {
        digits = &digits[1..];
    }
    // Accumulate the magnitude negatively so that i64::MIN is representable.
    let (mut acc, mut too_large, mut prev_underscore, mut count) = (0i64, false, true, 0);
    let mut nonzero = false;
    for c in digits.chars() {
        if c == '_' {
            if prev_underscore {
                return Err(ParseError::Invalid);
            }
            prev_underscore = true;
            continue;
        }
        let d = c.to_digit(36).filter(|&d| d < radix && c.is_ascii());
        let d = d.ok_or(ParseError::Invalid)?;
        prev_underscore = false;
        count += 1;
        nonzero |= d != 0;
        match acc
            .checked_mul(i64::from(radix))
            .and_then(|a| a.checked_sub(i64::from(d)))
        {
            Some(a) => acc = a,
            None => too_large = true,
        }
    }
    // Base 0 without a prefix refuses leading zeros ("010"), except for zero itself.
    let leading_zero = base == 0 && !prefixed && digits.starts_with('0') && nonzero;
    if count == 0 || prev_underscore || leading_zero {
        return Err(ParseError::Invalid);
    }
    match (too_large, neg) {
        (true, _) => Err(ParseError::TooLarge),
        (false, true) => Ok(acc),
        (false, false) => acc.checked_neg().ok_or(ParseError::TooLarge),
    }
}

/// Python's whitespace: Unicode `White_Space` plus the separators U+001C–U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}
