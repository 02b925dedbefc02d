//! The methods of `str` (`tp_methods`): `join`, `split`, `strip`, `lstrip`, `rstrip`,
//! `startswith`, `endswith`, `upper`, `lower`, `replace`.
//!
//! Owns these methods and their CPython 3.11 messages. Indices are code-point
//! positions, as in CPython. Whitespace is Rust's `White_Space` plus U+001C–U+001F
//! (what `str.isspace` adds). Not provided: `format` and the other methods.

use crate::builtins::args::{Kwargs, bind, positional};
use crate::builtins::call::{collect_iterable, index_value, new_str};
use pyrt_core::builtins::{StrObject, TupleObject, list_new};
use pyrt_core::protocol::{bool_obj, none};
use pyrt_core::types::{MethodDef, MethodFlags, MethodFn};
use pyrt_core::{Bound, PyErr, PyResult, Python};

/// The receiver's text.
fn text<'a>(py: Python<'_>, obj: &'a Bound<'_>) -> PyResult<&'a str> {
    obj.downcast::<StrObject>()
        .map(|s| s.as_str())
        .map_err(|_| PyErr::system_error(py, "str method called on a non-str"))
}

/// `str.isspace` for one character.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// An integer argument (`'T' object cannot be interpreted as an integer`).
fn int_arg(py: Python<'_>, v: &Bound<'_>) -> PyResult<i64> {
    index_value(py, v)?.ok_or_else(|| {
        PyErr::type_error(
            py,
            format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        )
    })
}

fn join<'py>(py: Python<'py>, obj: &Bound<'py>, it: &Bound<'py>) -> PyResult<Bound<'py>> {
    let sep = text(py, obj)?;
    let items =
        collect_iterable(py, it).map_err(|_| PyErr::type_error(py, "can only join an iterable"))?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let Ok(s) = item.downcast::<StrObject>() else {
            return Err(PyErr::type_error(
                py,
                format!(
                    "sequence item {i}: expected str instance, {} found",
                    item.type_name()
                ),
            ));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s.as_str());
    }
    new_str(py, &out)
}

/// Splits on runs of whitespace, at most `max` times (negative: no limit).
fn split_whitespace(s: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(is_space);
    while !rest.is_empty() {
        if max >= 0 && out.len() as i64 == max {
            out.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(is_space);
    }
    out
}

/// `split(sep=None, maxsplit=-1)`.
fn split<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Kwargs<'_, 'py>,
) -> PyResult<Bound<'py>> {
    let s = text(py, obj)?;
    let a = bind(py, "split", &["sep", "maxsplit"], 0, args, kwargs)?;
    let none_obj = none(py);
    let sep = match a[0].as_ref().filter(|v| !v.is(&none_obj)) {
        None => None,
        Some(v) => match v.downcast::<StrObject>() {
            Ok(v) => Some(v.as_str().to_owned()),
            Err(_) => {
                return Err(PyErr::type_error(
                    py,
                    format!("must be str or None, not {}", v.type_name()),
                ));
            }
        },
    };
    let max = a[1]
        .as_ref()
        .map(|v| int_arg(py, v))
        .transpose()?
        .unwrap_or(-1);
    let parts: Vec<&str> = match &sep {
        None => split_whitespace(s, max),
        Some(sep) if sep.is_empty() => return Err(PyErr::value_error(py, "empty separator")),
        Some(sep) if max < 0 => s.split(sep.as_str()).collect(),
        Some(sep) => s
            .splitn(max.saturating_add(1) as usize, sep.as_str())
            .collect(),
    };
    let items = parts
        .into_iter()
        .map(|p| new_str(py, p))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(list_new(py, &items)?.into_any())
}

/// Which ends `strip` works on.
#[derive(Clone, Copy)]
enum Ends {
    Both,
    Left,
    Right,
}

fn strip_impl<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &[Bound<'py>],
    name: &str,
    ends: Ends,
) -> PyResult<Bound<'py>> {
    let s = text(py, obj)?;
    let args = positional(py, name, args, 0, 1)?;
    let none_obj = none(py);
    let chars: Option<Vec<char>> = match args.first().filter(|v| !v.is(&none_obj)) {
        None => None,
        Some(v) => match v.downcast::<StrObject>() {
            Ok(c) => Some(c.as_str().chars().collect()),
            Err(_) => {
                return Err(PyErr::type_error(
                    py,
                    format!("{name} arg must be None or str"),
                ));
            }
        },
    };
    let strip = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => is_space(c),
    };
    let r = match ends {
        Ends::Both => s.trim_matches(strip),
        Ends::Left => s.trim_start_matches(strip),
        Ends::Right => s.trim_end_matches(strip),
    };
    new_str(py, r)
}

fn strip<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    strip_impl(py, obj, args, "strip", Ends::Both)
}

fn lstrip<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    strip_impl(py, obj, args, "lstrip", Ends::Left)
}

fn rstrip<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    strip_impl(py, obj, args, "rstrip", Ends::Right)
}

/// A slice bound in code points (`None` or absent: the default), clamped like a slice.
fn slice_bound(py: Python<'_>, v: Option<&Bound<'_>>, len: i64, default: i64) -> PyResult<i64> {
    let none_obj = none(py);
    let Some(v) = v.filter(|v| !v.is(&none_obj)) else {
        return Ok(default);
    };
    let i = index_value(py, v)?.ok_or_else(|| {
        PyErr::type_error(
            py,
            "slice indices must be integers or None or have an __index__ method",
        )
    })?;
    Ok(if i < 0 { (i + len).max(0) } else { i })
}

/// `startswith` / `endswith` (`NAME(affix[, start[, end]])`).
fn affix<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &[Bound<'py>],
    name: &str,
    at_end: bool,
) -> PyResult<Bound<'py>> {
    let s = text(py, obj)?;
    if args.is_empty() || args.len() > 3 {
        let how = if args.is_empty() {
            "least 1 argument"
        } else {
            "most 3 arguments"
        };
        return Err(PyErr::type_error(
            py,
            format!("{name}() takes at {how} ({} given)", args.len()),
        ));
    }
    let chars: Vec<char> = s.chars().collect();
    let len = chars.len() as i64;
    let start = slice_bound(py, args.get(1), len, 0)?;
    let end = slice_bound(py, args.get(2), len, len)?.min(len);
    let candidates: Vec<String> = match args[0].downcast::<TupleObject>() {
        Ok(t) => t
            .items(py)
            .iter()
            .map(|x| {
                x.downcast::<StrObject>()
                    .map(|x| x.as_str().to_owned())
                    .map_err(|_| {
                        PyErr::type_error(
                            py,
                            format!(
                                "tuple for {name} must only contain str, not {}",
                                x.type_name()
                            ),
                        )
                    })
            })
            .collect::<PyResult<_>>()?,
        Err(_) => match args[0].downcast::<StrObject>() {
            Ok(x) => vec![x.as_str().to_owned()],
            Err(_) => {
                return Err(PyErr::type_error(
                    py,
                    format!(
                        "{name} first arg must be str or a tuple of str, not {}",
                        args[0].type_name()
                    ),
                ));
            }
        },
    };
    let found = start <= len
        && candidates.iter().any(|c| {
            let c: Vec<char> = c.chars().collect();
            let n = c.len() as i64;
            if end - start < n {
                return false;
            }
            let from = if at_end { end - n } else { start } as usize;
            chars[from..from + n as usize] == c[..]
        });
    Ok(bool_obj(py, found))
}

fn startswith<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    affix(py, obj, args, "startswith", false)
}

fn endswith<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    affix(py, obj, args, "endswith", true)
}

fn upper<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_str(py, &text(py, obj)?.to_uppercase())
}

fn lower<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_str(py, &text(py, obj)?.to_lowercase())
}

/// `replace(old, new, count=-1, /)`.
fn replace<'py>(py: Python<'py>, obj: &Bound<'py>, args: &[Bound<'py>]) -> PyResult<Bound<'py>> {
    let s = text(py, obj)?;
    let args = positional(py, "replace", args, 2, 3)?;
    let arg = |i: usize| {
        args[i]
            .downcast::<StrObject>()
            .map(|x| x.as_str())
            .map_err(|_| {
                PyErr::type_error(
                    py,
                    format!(
                        "replace() argument {} must be str, not {}",
                        i + 1,
                        args[i].type_name()
                    ),
                )
            })
    };
    let (old, new) = (arg(0)?, arg(1)?);
    let count = args
        .get(2)
        .map(|c| int_arg(py, c))
        .transpose()?
        .unwrap_or(-1);
    let r = if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    };
    new_str(py, &r)
}

const fn def(name: &'static str, meth: MethodFn, doc: &'static str) -> MethodDef {
    MethodDef {
        name,
        meth,
        flags: MethodFlags(0),
        doc: Some(doc),
    }
}

/// `str`'s `tp_methods`.
pub(crate) static STR_METHODS: [MethodDef; 10] = [
    def(
        "join",
        MethodFn::O(join),
        "join($self, iterable, /)\n--\n\nConcatenate any number of strings.\n\nThe string whose method is called is inserted in between each given string.\nThe result is returned as a new string.\n\nExample: '.'.join(['ab', 'pq', 'rs']) -> 'ab.pq.rs'",
    ),
    def(
        "split",
        MethodFn::Keywords(split),
        "split($self, /, sep=None, maxsplit=-1)\n--\n\nReturn a list of the substrings in the string, using sep as the separator string.\n\n  sep\n    The separator used to split the string.\n\n    When set to None (the default value), will split on any whitespace\n    character (including \\n \\r \\t \\f and spaces) and will discard\n    empty strings from the result.\n  maxsplit\n    Maximum number of splits (starting from the left).\n    -1 (the default value) means no limit.\n\nNote, str.split() is mainly useful for data that has been intentionally\ndelimited.  With natural text that includes punctuation, consider using\nthe regular expression module.",
    ),
    def(
        "strip",
        MethodFn::Fast(strip),
        "strip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading and trailing whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead.",
    ),
    def(
        "lstrip",
        MethodFn::Fast(lstrip),
        "lstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with leading whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead.",
    ),
    def(
        "rstrip",
        MethodFn::Fast(rstrip),
        "rstrip($self, chars=None, /)\n--\n\nReturn a copy of the string with trailing whitespace removed.\n\nIf chars is given and not None, remove characters in chars instead.",
    ),
    def(
        "startswith",
        MethodFn::Fast(startswith),
        "S.startswith(prefix[, start[, end]]) -> bool\n\nReturn True if S starts with the specified prefix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nprefix can also be a tuple of strings to try.",
    ),
    def(
        "endswith",
        MethodFn::Fast(endswith),
        "S.endswith(suffix[, start[, end]]) -> bool\n\nReturn True if S ends with the specified suffix, False otherwise.\nWith optional start, test S beginning at that position.\nWith optional end, stop comparing S at that position.\nsuffix can also be a tuple of strings to try.",
    ),
    def(
        "upper",
        MethodFn::NoArgs(upper),
        "upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase.",
    ),
    def(
        "lower",
        MethodFn::NoArgs(lower),
        "lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase.",
    ),
    def(
        "replace",
        MethodFn::Fast(replace),
        "replace($self, old, new, count=-1, /)\n--\n\nReturn a copy with all occurrences of substring old replaced by new.\n\n  count\n    Maximum number of occurrences to replace.\n    -1 (the default value) means replace all occurrences.\n\nIf the optional argument count is given, only the first count occurrences are\nreplaced.",
    ),
];
