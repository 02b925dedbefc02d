//! Integer literals: decimal, `0x`, `0o`, `0b`, with `_` separators. Values beyond
//! `i64` become [`Tok::BigInt`] (pyrt's `int` is 64-bit; evaluating one raises
//! `OverflowError`). Float literals become [`Tok::Float`]: pyrt has no `float`, so
//! evaluating one raises (the rest of the script still runs).
//!
//! Owns number scanning and its messages (as CPython 3.11 words them).

use super::Lexer;
use super::token::Tok;
use crate::syntax_error::SyntaxError;

impl<'s, 'a> Lexer<'s, 'a> {
    /// Whether a decimal literal whose digits (and letters) are `text` is a float:
    /// consumes a fraction (`.digits`) and an exponent (`e[+-]digits`) if present.
    fn float_tail(&mut self, text: &str) -> bool {
        let b = self.bytes;
        let mut is_float = false;
        let all_digits = text.chars().all(|c| c.is_ascii_digit() || c == '_');
        if all_digits && b.get(self.i) == Some(&b'.') {
            is_float = true;
            self.i += 1;
            while b
                .get(self.i)
                .is_some_and(|c| c.is_ascii_digit() || *c == b'_')
            {
                self.i += 1;
            }
            if matches!(b.get(self.i), Some(b'e' | b'E')) {
                let mut k = self.i + 1;
                if matches!(b.get(k), Some(b'+' | b'-')) {
                    k += 1;
                }
                if b.get(k).is_some_and(u8::is_ascii_digit) {
                    self.i = k;
                    while b.get(self.i).is_some_and(u8::is_ascii_digit) {
                        self.i += 1;
                    }
                }
            }
        } else if let Some(e) = text.find(['e', 'E']) {
            let (mant, exp) = (&text[..e], &text[e + 1..]);
            let digits =
                |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '_');
            if digits(mant)
                && (digits(exp) || (exp.is_empty() && matches!(b.get(self.i), Some(b'+' | b'-'))))
            {
                is_float = true;
                if exp.is_empty() {
                    self.i += 1;
                    while b.get(self.i).is_some_and(u8::is_ascii_digit) {
                        self.i += 1;
                    }
                }
            }
        }
        is_float
    }

    pub(super) fn number(&mut self) -> Result<(), SyntaxError> {
        let start = self.i;
        let b = self.bytes;
        let (radix, name) = match (b.get(self.i), b.get(self.i + 1).map(u8::to_ascii_lowercase)) {
            (Some(b'0'), Some(b'x')) => (16, "hexadecimal"),
            (Some(b'0'), Some(b'o')) => (8, "octal"),
            (Some(b'0'), Some(b'b')) => (2, "binary"),
            _ => (10, "decimal"),
        };
        if radix != 10 {
            self.i += 2;
        }
        let digits_start = self.i;
        while let Some(&c) = b.get(self.i) {
            if c == b'_' || c.is_ascii_alphanumeric() {
                self.i += 1;
            } else {
                break;
            }
        }
        let text = &self.src[digits_start..self.i];
        if radix == 10 && self.float_tail(text) {
            let lit = self.arena.alloc_str(&self.src[start..self.i]);
            self.push(Tok::Float(lit), start, self.i);
            return Ok(());
        }
        let clean: String = text.chars().filter(|c| *c != '_').collect();
        if let Some((k, bad)) = clean.char_indices().find(|(_, c)| !c.is_digit(radix)) {
            let at = digits_start + k;
            let msg = if bad.is_ascii_digit() {
                format!("invalid digit '{bad}' in {name} literal")
            } else {
                format!("invalid {name} literal")
            };
            return Err(SyntaxError::new(msg, self.pos_at(at)));
        }
        if clean.is_empty() || text.starts_with('_') || text.ends_with('_') || text.contains("__") {
            return Err(SyntaxError::new(
                format!("invalid {name} literal"),
                self.pos_at(self.i),
            ));
        }
        if radix == 10
            && clean.len() > 1
            && clean.starts_with('0')
            && clean.chars().any(|c| c != '0')
        {
            return Err(SyntaxError::new(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                self.pos_at(start),
            ));
        }
        let tok = match i64::from_str_radix(&clean, radix) {
            Ok(v) => Tok::Int(v),
            Err(_) => Tok::BigInt(self.arena.alloc_str(&self.src[start..self.i])),
        };
        self.push(tok, start, self.i);
        Ok(())
    }
}
