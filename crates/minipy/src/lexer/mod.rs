//! The tokenizer: source text to tokens, with Python's indentation rules (INDENT /
//! DEDENT), implicit line joining inside brackets, backslash continuations, comments,
//! string literals with escapes (`string`) and integer literals (`number`).
//!
//! Owns turning text into [`Token`]s and the lexical `SyntaxError`s (unterminated
//! strings, unclosed or unmatched brackets, bad indentation, bad literals). Must not
//! know the grammar.
//!
//! ```
//! use minipy::lexer::{tokenize, Tok};
//! let arena = bumpalo::Bump::new();
//! let toks = tokenize(&arena, "if x:\n    y = 'a\\n'\n").unwrap();
//! let kinds: Vec<Tok> = toks.iter().map(|t| t.tok).collect();
//! assert_eq!(kinds[3], Tok::Newline);
//! assert_eq!(kinds[4], Tok::Indent);
//! assert_eq!(kinds[7], Tok::Str { value: "a\n", fstring: false, raw: false });
//! ```

mod number;
mod string;
mod token;

pub use string::decode_escapes;
pub use token::{Tok, Token};

use crate::ast::Pos;
use crate::syntax_error::SyntaxError;
use bumpalo::Bump;

/// Tokenizes a whole module.
///
/// ```
/// use minipy::lexer::{Tok, tokenize};
/// let arena = bumpalo::Bump::new();
/// let toks = tokenize(&arena, "x = 10\n").unwrap();
/// let kinds: Vec<Tok> = toks.iter().map(|t| t.tok).collect();
/// assert_eq!(kinds, [Tok::Name("x"), Tok::Op("="), Tok::Int(10), Tok::Newline, Tok::Eof]);
/// let e = tokenize(&arena, "x = (1,\n").unwrap_err();
/// assert_eq!((e.msg.as_str(), e.pos.line, e.pos.col), ("'(' was never closed", 1, 4));
/// ```
pub fn tokenize<'a>(arena: &'a Bump, src: &str) -> Result<Vec<Token<'a>>, SyntaxError> {
    let (toks, unclosed) = tokenize_lenient(arena, src)?;
    match unclosed {
        Some(e) => Err(e),
        None => Ok(toks),
    }
}

/// Tokenizes a whole module; a bracket left open at the end of input is returned
/// beside the tokens instead of failing, because CPython reports it only if the parser
/// reaches the end of input without an earlier error.
///
/// ```
/// use minipy::lexer::{Tok, tokenize_lenient};
/// let arena = bumpalo::Bump::new();
/// let (toks, unclosed) = tokenize_lenient(&arena, "f(1,\n").unwrap();
/// assert_eq!(toks[0].tok, Tok::Name("f"));
/// assert_eq!(unclosed.unwrap().msg, "'(' was never closed");
/// assert!(tokenize_lenient(&arena, "f(1)\n").unwrap().1.is_none());
/// ```
pub fn tokenize_lenient<'a>(
    arena: &'a Bump,
    src: &str,
) -> Result<(Vec<Token<'a>>, Option<SyntaxError>), SyntaxError> {
    let mut lx = Lexer::new(arena, src);
    let unclosed = lx.run()?;
    Ok((lx.tokens, unclosed))
}

/// Tokenizes `src` as the inside of brackets (no indentation, newlines ignored), with
/// positions shifted to start at `origin`: used for f-string replacement fields.
///
/// ```
/// use minipy::{ast::Pos, lexer::{Tok, tokenize_inner}};
/// let arena = bumpalo::Bump::new();
/// let toks = tokenize_inner(&arena, "a +\n b", Pos { line: 3, col: 10 }).unwrap();
/// let kinds: Vec<Tok> = toks.iter().map(|t| t.tok).collect();
/// assert_eq!(kinds, [Tok::Name("a"), Tok::Op("+"), Tok::Name("b"), Tok::Newline, Tok::Eof]);
/// assert_eq!(toks[0].pos, Pos { line: 3, col: 10 });
/// ```
pub fn tokenize_inner<'a>(
    arena: &'a Bump,
    src: &str,
    origin: Pos,
) -> Result<Vec<Token<'a>>, SyntaxError> {
    let mut lx = Lexer::new(arena, src);
    lx.brackets.push(('(', origin));
    lx.line = origin.line;
    lx.col_shift = origin.col;
    lx.run_tokens_only()?;
    lx.push(Tok::Newline, lx.i, lx.i);
    lx.push(Tok::Eof, lx.i, lx.i);
    Ok(lx.tokens)
}

/// The tokenizer's state.
pub(crate) struct Lexer<'s, 'a> {
    arena: &'a Bump,
    src: &'s str,
    bytes: &'s [u8],
    i: usize,
    line: u32,
    line_start: usize,
    col_shift: u32,
    indents: Vec<usize>,
    brackets: Vec<(char, Pos)>,
    tokens: Vec<Token<'a>>,
}

impl<'s, 'a> Lexer<'s, 'a> {
    fn new(arena: &'a Bump, src: &'s str) -> Lexer<'s, 'a> {
        Lexer {
            arena,
            src,
            bytes: src.as_bytes(),
            i: 0,
            line: 1,
            line_start: 0,
            col_shift: 0,
            indents: vec![0],
            brackets: Vec::new(),
            tokens: Vec::new(),
        }
    }

    /// The position of byte offset `at` on the current line.
    pub(crate) fn pos_at(&self, at: usize) -> Pos {
        let at = at.min(self.src.len());
        let from = self.line_start.min(at);
        let col = self
            .src
            .get(from..at)
            .map_or(0, |s| s.chars().count() as u32);
        Pos {
            line: self.line,
            col: col
                + if self.line_start == 0 {
                    self.col_shift
                } else {
                    0
                },
        }
    }

    fn push(&mut self, tok: Tok<'a>, start: usize, end: usize) {
        let t = Token {
            tok,
            pos: self.pos_at(start),
            end: self.pos_at(end),
        };
        self.tokens.push(t);
    }

    /// Records a newline consumed inside a token or bracket (`self.i` is just past it).
    pub(crate) fn newline_inside(&mut self) {
        self.line += 1;
        self.line_start = self.i;
    }

    fn run(&mut self) -> Result<Option<SyntaxError>, SyntaxError> {
        while self.i < self.bytes.len() {
            if !self.line_start_indent()? {
                continue;
            }
            self.line_tokens()?;
        }
        let unclosed = self
            .brackets
            .first()
            .map(|(c, pos)| SyntaxError::new(format!("'{c}' was never closed"), *pos));
        let end = self.bytes.len();
        if !matches!(
            self.tokens.last().map(|t| t.tok),
            None | Some(Tok::Newline) | Some(Tok::Dedent)
        ) {
            self.push(Tok::Newline, end, end);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, end, end);
        }
        self.push(Tok::Eof, end, end);
        Ok(unclosed)
    }

    /// Step: measures the indentation of a new line. Returns `false` for a blank or
    /// comment-only line (consumed entirely); emits INDENT/DEDENT otherwise.
    fn line_start_indent(&mut self) -> Result<bool, SyntaxError> {
        let mut width = 0usize;
        while let Some(&c) = self.bytes.get(self.i) {
            match c {
                b' ' => width += 1,
                b'\t' => width = (width / 8 + 1) * 8,
                b'\x0c' => width = 0,
                _ => break,
            }
            self.i += 1;
        }
        match self.bytes.get(self.i) {
            None => return Ok(false),
            Some(b'#') => {
                self.skip_comment();
                self.eat_newline();
                return Ok(false);
            }
            Some(b'\n') | Some(b'\r') => {
                self.eat_newline();
                return Ok(false);
            }
            Some(b'\\') if self.bytes.get(self.i + 1) == Some(&b'\n') => {
                self.i += 2;
                self.newline_inside();
                return Ok(false);
            }
            _ => {}
        }
        let cur = *self.indents.last().unwrap_or(&0);
        if width > cur {
            if self.indents.len() > 100 {
                return Err(SyntaxError::indentation(
                    "too many levels of indentation",
                    self.pos_at(self.i),
                ));
            }
            self.indents.push(width);
            self.push(Tok::Indent, self.i, self.i);
        } else if width < cur {
            while *self.indents.last().unwrap_or(&0) > width {
                self.indents.pop();
                self.push(Tok::Dedent, self.i, self.i);
            }
            if *self.indents.last().unwrap_or(&0) != width {
                let end = self.src[self.i..]
                    .find('\n')
                    .map_or(self.src.len(), |n| self.i + n);
                return Err(SyntaxError::indentation(
                    "unindent does not match any outer indentation level",
                    self.pos_at(end),
                ));
            }
        }
        Ok(true)
    }

    fn skip_comment(&mut self) {
        while let Some(&c) = self.bytes.get(self.i) {
            if c == b'\n' {
                break;
            }
            self.i += 1;
        }
    }

    fn eat_newline(&mut self) {
        if self.bytes.get(self.i) == Some(&b'\r') {
            self.i += 1;
        }
        if self.bytes.get(self.i) == Some(&b'\n') {
            self.i += 1;
        }
        self.newline_inside();
    }

    /// Step: the tokens of one logical line, through its NEWLINE.
    fn line_tokens(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.i >= self.bytes.len() {
                return Ok(());
            }
            let c = self.bytes[self.i];
            if (c == b'\n' || c == b'\r') && self.brackets.is_empty() {
                let at = self.i;
                self.push(Tok::Newline, at, at + 1);
                self.eat_newline();
                return Ok(());
            }
            self.one_token()?;
        }
    }

    /// Tokens of a bracketed fragment until the end of input (f-string fields).
    fn run_tokens_only(&mut self) -> Result<(), SyntaxError> {
        while self.i < self.bytes.len() {
            self.one_token()?;
        }
        Ok(())
    }

    /// Scans one token (or skips whitespace, a comment, or a newline inside brackets).
    fn one_token(&mut self) -> Result<(), SyntaxError> {
        let c = self.bytes[self.i];
        match c {
            b' ' | b'\t' | b'\x0c' => self.i += 1,
            b'#' => self.skip_comment(),
            b'\n' | b'\r' => self.eat_newline(),
            b'\\' => {
                if self.bytes.get(self.i + 1) == Some(&b'\n') {
                    self.i += 2;
                    self.newline_inside();
                } else if self.bytes.get(self.i + 1) == Some(&b'\r') {
                    self.i += 2;
                    self.eat_newline();
                } else {
                    return Err(SyntaxError::new(
                        "unexpected character after line continuation character",
                        self.pos_at(self.i + 1),
                    ));
                }
            }
            b'0'..=b'9' => self.number()?,
            b'.' if self.bytes.get(self.i + 1).is_some_and(u8::is_ascii_digit) => self.number()?,
            b'"' | b'\'' => {
                let start = self.i;
                let t = self.string("")?;
                self.push_spanning(t, start);
            }
            _ if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 => self.name()?,
            _ => self.operator()?,
        }
        Ok(())
    }

    /// Pushes a token that started at byte `start`, possibly on an earlier line.
    fn push_spanning(&mut self, tok: Tok<'a>, start: usize) {
        let end = self.pos_at(self.i);
        let pos = if start >= self.line_start {
            self.pos_at(start)
        } else {
            let line_start = self.src[..start].rfind('\n').map_or(0, |n| n + 1);
            let lines = self.src[start..self.i].matches('\n').count() as u32;
            Pos {
                line: self.line - lines,
                col: self.src[line_start..start].chars().count() as u32,
            }
        };
        self.tokens.push(Token { tok, pos, end });
    }

    fn name(&mut self) -> Result<(), SyntaxError> {
        let start = self.i;
        while let Some(ch) = self.src[self.i..].chars().next() {
            if ch == '_' || ch.is_alphanumeric() {
                self.i += ch.len_utf8();
            } else {
                break;
            }
        }
        if self.i == start {
            let ch = self.src[self.i..].chars().next().unwrap_or('?');
            return Err(SyntaxError::new(
                format!("invalid character '{ch}' (U+{:04X})", ch as u32),
                self.pos_at(start),
            ));
        }
        let text = &self.src[start..self.i];
        if matches!(self.bytes.get(self.i), Some(b'"') | Some(b'\''))
            && string::is_string_prefix(text)
        {
            let t = self.string(text)?;
            self.push_spanning(t, start);
            return Ok(());
        }
        let name = self.arena.alloc_str(text);
        self.push(Tok::Name(name), start, self.i);
        Ok(())
    }

    fn operator(&mut self) -> Result<(), SyntaxError> {
        let rest = &self.src[self.i..];
        let Some(op) = token::OPERATORS.iter().find(|o| rest.starts_with(**o)) else {
            return Err(SyntaxError::new("invalid syntax", self.pos_at(self.i)));
        };
        let start = self.i;
        let pos = self.pos_at(start);
        match *op {
            "(" | "[" | "{" => {
                if self.brackets.len() >= 200 {
                    return Err(SyntaxError::new("too many nested parentheses", pos));
                }
                self.brackets.push((op.chars().next().unwrap_or('('), pos));
            }
            ")" | "]" | "}" => {
                let close = op.chars().next().unwrap_or(')');
                match self.brackets.pop() {
                    None => {
                        return Err(SyntaxError::new(format!("unmatched '{close}'"), pos));
                    }
                    Some((open, opos)) => {
                        let want = match open {
                            '(' => ')',
                            '[' => ']',
                            _ => '}',
                        };
                        if want != close {
                            let msg = if opos.line == pos.line {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {}",
                                    opos.line
                                )
                            };
                            return Err(SyntaxError::new(msg, pos));
                        }
                    }
                }
            }
            "!" | "\\" => return Err(SyntaxError::new("invalid syntax", pos)),
            _ => {}
        }
        self.i += op.len();
        self.push(Tok::Op(op), start, self.i);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
