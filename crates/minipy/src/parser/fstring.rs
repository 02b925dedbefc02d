//! f-strings: splitting the raw body into literal text and replacement fields
//! (`{expr}`, `{expr!r}`, `{expr:spec}`, `{{` / `}}`), each field's expression parsed by
//! a nested parser over its own tokens.
//!
//! Owns f-string syntax and its messages. Must not format values.

use super::Parser;
use crate::ast::{FPart, Pos};
use crate::lexer::{Tok, decode_escapes, tokenize_inner};
use crate::syntax_error::SyntaxError;

impl<'t, 'a> Parser<'t, 'a> {
    /// Appends the parts of one f-string literal whose raw body is `body`.
    pub(super) fn fstring_parts(
        &mut self,
        body: &'a str,
        raw: bool,
        pos: Pos,
        out: &mut Vec<FPart<'a>>,
    ) -> Result<(), SyntaxError> {
        let bytes = body.as_bytes();
        let mut lit = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            if c == b'{' && bytes.get(i + 1) == Some(&b'{') {
                lit.push('{');
                i += 2;
            } else if c == b'}' && bytes.get(i + 1) == Some(&b'}') {
                lit.push('}');
                i += 2;
            } else if c == b'}' {
                return Err(SyntaxError::new("f-string: single '}' is not allowed", pos));
            } else if c == b'{' {
                self.flush_literal(&mut lit, raw, pos, out)?;
                i = self.field(body, i + 1, pos, out)?;
            } else {
                let ch = body[i..].chars().next().unwrap_or('\u{fffd}');
                lit.push(ch);
                i += ch.len_utf8();
            }
        }
        self.flush_literal(&mut lit, raw, pos, out)
    }

    fn flush_literal(
        &mut self,
        lit: &mut String,
        raw: bool,
        pos: Pos,
        out: &mut Vec<FPart<'a>>,
    ) -> Result<(), SyntaxError> {
        if lit.is_empty() {
            return Ok(());
        }
        let text = if raw {
            std::mem::take(lit)
        } else {
            let t = decode_escapes(lit).map_err(|m| SyntaxError::new(m, pos))?;
            lit.clear();
            t
        };
        out.push(FPart::Lit(self.arena.alloc_str(&text)));
        Ok(())
    }

    /// Parses the replacement field starting after `{` at byte `start`; returns the
    /// byte index after its closing `}`.
    fn field(
        &mut self,
        body: &'a str,
        start: usize,
        pos: Pos,
        out: &mut Vec<FPart<'a>>,
    ) -> Result<usize, SyntaxError> {
        let bytes = body.as_bytes();
        let (mut i, mut depth, mut quote) = (start, 0i32, None::<u8>);
        while i < bytes.len() {
            let c = bytes[i];
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    b'\'' | b'"' => quote = Some(c),
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' => depth -= 1,
                    b'}' if depth > 0 => depth -= 1,
                    b'}' | b':' if depth == 0 => break,
                    b'!' if depth == 0 && bytes.get(i + 1) != Some(&b'=') => break,
                    _ => {}
                },
            }
            i += 1;
        }
        if i >= bytes.len() {
            return Err(SyntaxError::new("f-string: expecting '}'", pos));
        }
        let mut expr_src = &body[start..i];
        let debug = expr_src.trim_end().ends_with('=')
            && !expr_src.trim_end().ends_with("==")
            && !expr_src.trim_end().ends_with("!=");
        if debug {
            out.push(FPart::Lit(self.arena.alloc_str(expr_src)));
            let t = expr_src.trim_end();
            expr_src = &t[..t.len() - 1];
        }
        if expr_src.trim().is_empty() {
            return Err(SyntaxError::new(
                "f-string: empty expression not allowed",
                pos,
            ));
        }
        let value = self.field_expr(expr_src, pos)?;
        let mut conversion = if debug { Some('r') } else { None };
        if bytes[i] == b'!' {
            let c = body[i + 1..].chars().next();
            match c {
                Some(c @ ('r' | 's' | 'a')) => conversion = Some(c),
                _ => {
                    return Err(SyntaxError::new(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        pos,
                    ));
                }
            }
            i += 2;
        }
        let mut spec = Vec::new();
        if bytes.get(i) == Some(&b':') {
            let spec_start = i + 1;
            let mut d = 0;
            i = spec_start;
            while i < bytes.len() {
                match bytes[i] {
                    b'{' => d += 1,
                    b'}' if d == 0 => break,
                    b'}' => d -= 1,
                    _ => {}
                }
                i += 1;
            }
            let spec_body = &body[spec_start..i.min(body.len())];
            self.fstring_parts(spec_body, true, pos, &mut spec)?;
            if debug && conversion == Some('r') {
                conversion = None;
            }
        }
        if bytes.get(i) != Some(&b'}') {
            return Err(SyntaxError::new("f-string: expecting '}'", pos));
        }
        out.push(FPart::Expr {
            value,
            conversion,
            spec: self.alloc_slice(spec),
        });
        Ok(i + 1)
    }

    fn field_expr(&mut self, src: &str, pos: Pos) -> Result<crate::ast::Expr<'a>, SyntaxError> {
        let toks = tokenize_inner(self.arena, src, pos)?;
        let toks = self.arena.alloc_slice_copy(&toks);
        let mut sub = Parser::new(self.arena, toks);
        sub.depth = self.depth;
        sub.scopes = self.scopes.clone();
        let e = sub.testlist_star()?;
        if sub.tok().tok != Tok::Newline {
            return Err(SyntaxError::new("f-string: invalid syntax", pos));
        }
        Ok(e)
    }
}
