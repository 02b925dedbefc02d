//! Token kinds and positions produced by the tokenizer.
//!
//! Owns the token shapes. Must not scan text.

use crate::ast::Pos;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    /// An identifier or keyword.
    Name(&'a str),
    /// An integer literal that fits in `i64`.
    Int(i64),
    /// An integer literal that does not (its digits, underscores removed).
    BigInt(&'a str),
    /// A float literal (its text): pyrt has no float type.
    Float(&'a str),
    /// A string literal. For an f-string `value` is the raw body (escapes and
    /// replacement fields are processed by the parser); otherwise it is the decoded text.
    Str {
        /// The decoded text, or the raw body of an f-string.
        value: &'a str,
        /// Whether it is an f-string.
        fstring: bool,
        /// Whether it had an `r` prefix.
        raw: bool,
    },
    /// An operator or delimiter.
    Op(&'static str),
    /// The end of a logical line.
    Newline,
    /// An increase of indentation.
    Indent,
    /// A decrease of indentation.
    Dedent,
    /// The end of input.
    Eof,
}

/// A token and where it starts and ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token.
    pub tok: Tok<'a>,
    /// Its first character.
    pub pos: Pos,
    /// Just past its last character.
    pub end: Pos,
}

/// The operators and delimiters, longest first so that a prefix scan finds the longest.
pub(crate) const OPERATORS: [&str; 49] = [
    "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", "+", "-", "*", "/", "%", "@", "&", "|",
    "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "!", "\\",
];
