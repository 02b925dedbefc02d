//! `str.__repr__`'s quoting: the quote character and the escapes, as CPython 3.11
//! prints them.
//!
//! Owns: the text transformation only. Must not: allocate objects.

use super::printable::NON_PRINTABLE;
use std::fmt::Write;

/// Whether `repr()` keeps `c` (a non-ASCII character) as it is.
fn is_printable(c: char) -> bool {
    let cp = c as u32;
    let i = NON_PRINTABLE.partition_point(|&(_, hi)| hi < cp);
    NON_PRINTABLE.get(i).is_none_or(|&(lo, _)| lo > cp)
}

/// The repr of a string: single quotes, unless it contains `'` and no `"`; `\\`, the
/// quote, `\t`, `\n`, `\r` escaped; other non-printable characters as `\xNN`, `\uNNNN`
/// or `\UNNNNNNNN`; printable non-ASCII characters kept.
pub(crate) fn quote(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        let cp = c as u32;
        // `write!` to a String cannot fail.
        let _ = match c {
            '\\' => write!(out, "\\\\"),
            '\t' => write!(out, "\\t"),
            '\n' => write!(out, "\\n"),
            '\r' => write!(out, "\\r"),
            _ if c == q => write!(out, "\\{c}"),
            ' '..='~' => write!(out, "{c}"),
            _ if cp < 0x80 => write!(out, "\\x{cp:02x}"),
            _ if is_printable(c) => write!(out, "{c}"),
            _ if cp < 0x100 => write!(out, "\\x{cp:02x}"),
            _ if cp < 0x10000 => write!(out, "\\u{cp:04x}"),
            _ => write!(out, "\\U{cp:08x}"),
        };
    }
    out.push(q);
    out
}
