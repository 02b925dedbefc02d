//! Integer literals: decimal, `0x`, `0o`, `0b`, with `_` separators. Values beyond
//! `i64` become [`Tok::BigInt`] (pyrt's `int` is 64-bit; evaluating one raises
//! `OverflowError`). Float literals are refused: pyrt has no `float`.
//!
//! Owns number scanning and its messages (as CPython 3.11 words them).

use super::Lexer;
use super::token::Tok;
use crate::syntax_error::SyntaxError;

impl<'s, 'a> Lexer<'s, 'a> {
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
        if radix == 10 && matches!(b.get(self.i), Some(b'.'))
            || text.contains(['e', 'E'])
                && radix == 10
                && text
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == 'e' || c == 'E' || c == '_')
        {
            return Err(SyntaxError::new(
                "float literals are not supported by minipy (pyrt has no float type)",
                self.pos_at(start),
            ));
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
