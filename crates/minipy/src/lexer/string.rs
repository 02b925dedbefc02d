//! String literals: prefixes, quotes (single, double, triple), and backslash escapes.
//!
//! Owns scanning one literal and decoding escapes. Must not handle f-string replacement
//! fields (the parser does; [`decode_escapes`] is shared with it).

use super::Lexer;
use super::token::Tok;
use crate::syntax_error::SyntaxError;

/// Whether `prefix` (lowercased letters before a quote) is a valid string prefix.
pub(super) fn is_string_prefix(prefix: &str) -> bool {
    matches!(
        prefix.to_ascii_lowercase().as_str(),
        "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf"
    )
}

impl<'s, 'a> Lexer<'s, 'a> {
    /// Scans a string literal whose prefix (possibly empty) ends at `self.i`, which is
    /// at the opening quote.
    pub(super) fn string(&mut self, prefix: &str) -> Result<Tok<'a>, SyntaxError> {
        let p = prefix.to_ascii_lowercase();
        let raw = p.contains('r');
        let fstring = p.contains('f');
        if p.contains('b') {
            return Err(SyntaxError::new(
                "bytes literals are not supported by minipy",
                self.pos_at(self.i),
            ));
        }
        let start = self.pos_at(self.i - prefix.len());
        let q = self.bytes[self.i];
        let triple =
            self.bytes.get(self.i + 1) == Some(&q) && self.bytes.get(self.i + 2) == Some(&q);
        self.i += if triple { 3 } else { 1 };
        let body_start = self.i;
        loop {
            let Some(&c) = self.bytes.get(self.i) else {
                return Err(self.unterminated(triple, start));
            };
            if c == b'\\' {
                if self.bytes.get(self.i + 1) == Some(&b'\n') {
                    self.i += 2;
                    self.newline_inside();
                } else {
                    self.i += 2.min(self.bytes.len() - self.i);
                    if self.i > self.bytes.len() {
                        self.i = self.bytes.len();
                    }
                }
                continue;
            }
            if c == b'\n' {
                if !triple {
                    return Err(self.unterminated(false, start));
                }
                self.i += 1;
                self.newline_inside();
                continue;
            }
            if c == q {
                if !triple {
                    break;
                }
                if self.bytes.get(self.i + 1) == Some(&q) && self.bytes.get(self.i + 2) == Some(&q)
                {
                    break;
                }
            }
            self.i += 1;
        }
        let body = &self.src[body_start..self.i];
        self.i += if triple { 3 } else { 1 };
        if fstring {
            return Ok(Tok::Str {
                value: self.arena.alloc_str(body),
                fstring: true,
                raw,
            });
        }
        let value = if raw {
            body.to_string()
        } else {
            decode_escapes(body).map_err(|m| SyntaxError::new(m, start))?
        };
        Ok(Tok::Str {
            value: self.arena.alloc_str(&value),
            fstring: false,
            raw,
        })
    }

    fn unterminated(&self, triple: bool, start: crate::ast::Pos) -> SyntaxError {
        let what = if triple {
            "unterminated triple-quoted string literal"
        } else {
            "unterminated string literal"
        };
        SyntaxError::new(format!("{what} (detected at line {})", self.line), start)
    }
}

/// Decodes backslash escapes: `\n \t \r \0 \\ \' \" \a \b \f \v \xHH \uHHHH
/// \UHHHHHHHH \ooo`, a backslash-newline continuation; unknown escapes are kept as is
/// (as CPython does, with a warning it does not print by default).
///
/// ```
/// assert_eq!(minipy::lexer::decode_escapes(r"a\tb\x41\n").unwrap(), "a\tbA\n");
/// assert!(minipy::lexer::decode_escapes(r"\xZ").is_err());
/// ```
pub fn decode_escapes(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'v' => out.push('\x0b'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some((_, d)) if d.is_digit(8) => {
                            v = v * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for k in 0..n {
                    match chars.peek() {
                        Some((_, d)) if d.is_ascii_hexdigit() => {
                            v = v * 16 + d.to_digit(16).unwrap_or(0);
                            chars.next();
                        }
                        _ => {
                            let name = match e {
                                'x' => "truncated \\xXX escape",
                                'u' => "truncated \\uXXXX escape",
                                _ => "truncated \\UXXXXXXXX escape",
                            };
                            let pos = i;
                            return Err(format!(
                                "(unicode error) 'unicodeescape' codec can't decode bytes in position {pos}-{}: {name}",
                                pos + k + 1
                            ));
                        }
                    }
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{}: illegal Unicode character",
                            i + n + 1
                        ));
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
