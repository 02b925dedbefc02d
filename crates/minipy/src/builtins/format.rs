//! The format-spec mini-language for `format()`, f-strings and `str.format`: fill,
//! alignment, sign, `#`, zero padding, width, grouping, precision, and the integer
//! types `d b o x X c` (pyrt has no float, so `e f g %` are refused).
//!
//! Owns spec parsing and applying it to an `int` or a string.

use pyrt_core::builtins::IntObject;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse(py: Python<'_>, spec: &str) -> PyResult<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec {
        fill: ' ',
        align: None,
        sign: '-',
        alt: false,
        zero: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = chars[i];
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    s.width = chars[start..i]
        .iter()
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let st = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if st == i {
            return Err(PyErr::value_error(py, "Format specifier missing precision"));
        }
        s.precision = chars[st..i].iter().collect::<String>().parse().ok();
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err(PyErr::value_error(py, "Invalid format specifier"));
    }
    Ok(s)
}

fn pad(body: String, s: &Spec, default_align: char) -> String {
    let len = body.chars().count();
    if len >= s.width {
        return body;
    }
    let n = s.width - len;
    let fill: String = std::iter::repeat_n(s.fill, n).collect();
    match s.align.unwrap_or(default_align) {
        '<' => body + &fill,
        '^' => {
            let left: String = std::iter::repeat_n(s.fill, n / 2).collect();
            let right: String = std::iter::repeat_n(s.fill, n - n / 2).collect();
            left + &body + &right
        }
        _ => fill + &body,
    }
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn format_int(py: Python<'_>, v: i64, s: &Spec) -> PyResult<String> {
    let mag = v.unsigned_abs();
    let (digits, prefix) = match s.ty {
        None | Some('d') | Some('n') => (mag.to_string(), ""),
        Some('b') => (format!("{mag:b}"), "0b"),
        Some('o') => (format!("{mag:o}"), "0o"),
        Some('x') => (format!("{mag:x}"), "0x"),
        Some('X') => (format!("{mag:X}"), "0X"),
        Some('c') => {
            let c = u32::try_from(v)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| PyErr::overflow_error(py, "%c arg not in range(0x110000)"))?;
            return Ok(pad(c.to_string(), s, '<'));
        }
        Some(t) => {
            return Err(PyErr::value_error(
                py,
                format!("Unknown format code '{t}' for object of type 'int'"),
            ));
        }
    };
    if s.precision.is_some() {
        return Err(PyErr::value_error(
            py,
            "Precision not allowed in integer format specifier",
        ));
    }
    let digits = match s.grouping {
        Some(g) => group(
            &digits,
            g,
            if matches!(s.ty, Some('b' | 'o' | 'x' | 'X')) {
                4
            } else {
                3
            },
        ),
        None => digits,
    };
    let sign = match (v < 0, s.sign) {
        (true, _) => "-",
        (false, '+') => "+",
        (false, ' ') => " ",
        _ => "",
    };
    let prefix = if s.alt { prefix } else { "" };
    if s.zero && s.align.is_none() || s.align == Some('=') {
        let head = format!("{sign}{prefix}");
        let fill = if s.zero && s.align.is_none() {
            '0'
        } else {
            s.fill
        };
        let n = s
            .width
            .saturating_sub(head.chars().count() + digits.chars().count());
        let pad: String = std::iter::repeat_n(fill, n).collect();
        return Ok(format!("{head}{pad}{digits}"));
    }
    Ok(pad(format!("{sign}{prefix}{digits}"), s, '>'))
}

/// `format(value, spec)`.
pub fn format_value(py: Python<'_>, v: &Bound<'_, PyAny>, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return super::str_string(py, v);
    }
    let s = parse(py, spec)?;
    if let Ok(i) = v.downcast::<IntObject>() {
        return format_int(py, i.value(), &s);
    }
    if let Some(t) = s.ty.filter(|t| *t != 's') {
        return Err(PyErr::value_error(
            py,
            format!(
                "Unknown format code '{t}' for object of type '{}'",
                v.type_name()
            ),
        ));
    }
    if v.downcast::<pyrt_core::builtins::StrObject>().is_err() {
        return Err(PyErr::type_error(
            py,
            format!(
                "unsupported format string passed to {}.__format__",
                v.type_name()
            ),
        ));
    }
    let mut body = super::str_string(py, v)?;
    if let Some(p) = s.precision {
        body = body.chars().take(p).collect();
    }
    Ok(pad(body, &s, '<'))
}
