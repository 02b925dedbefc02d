//! `SyntaxError` / `IndentationError` as the front end reports them: a message and a
//! position, printed the way CPython prints an uncaught syntax error.
//!
//! Owns the error value and its text. Must not know how it was detected.

use crate::ast::Pos;

/// Which class of error CPython would raise.
///
/// ```
/// use minipy::syntax_error::SyntaxErrorKind;
/// let arena = bumpalo::Bump::new();
/// let e = minipy::parser::parse_module(&arena, "if x:\ny\n").unwrap_err();
/// assert_eq!(e.kind, SyntaxErrorKind::Indentation);
/// let e = minipy::parser::parse_module(&arena, "x = = 1\n").unwrap_err();
/// assert_eq!(e.kind, SyntaxErrorKind::Syntax);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`.
    Syntax,
    /// `IndentationError` (a `SyntaxError` subclass in CPython).
    Indentation,
}

/// Naming the kinds.
///
/// ```
/// assert_eq!(minipy::syntax_error::SyntaxErrorKind::Syntax.name(), "SyntaxError");
/// ```
impl SyntaxErrorKind {
    /// The Python class name.
    ///
    /// ```
    /// assert_eq!(minipy::syntax_error::SyntaxErrorKind::Indentation.name(), "IndentationError");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
        }
    }
}

/// A syntax error at a position (line from 1, column from 0).
///
/// ```
/// use minipy::{ast::Pos, syntax_error::SyntaxError};
/// let arena = bumpalo::Bump::new();
/// let e = minipy::parser::parse_module(&arena, "if x:\ny\n").unwrap_err();
/// assert_eq!(e, SyntaxError::indentation("expected an indented block after 'if' statement on line 1", Pos { line: 2, col: 0 }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// `SyntaxError` or `IndentationError`.
    pub kind: SyntaxErrorKind,
    /// CPython's message, e.g. `invalid syntax`.
    pub msg: String,
    /// Where.
    pub pos: Pos,
}

/// Making and printing syntax errors.
///
/// ```
/// use minipy::{ast::Pos, syntax_error::SyntaxError};
/// let e = SyntaxError::new("invalid syntax", Pos { line: 1, col: 4 });
/// assert_eq!(e.report("<stdin>", "x = = 1\n").lines().last(), Some("SyntaxError: invalid syntax"));
/// ```
impl SyntaxError {
    /// A `SyntaxError`.
    ///
    /// ```
    /// use minipy::{ast::Pos, syntax_error::SyntaxError};
    /// let e = SyntaxError::new("invalid syntax", Pos { line: 2, col: 4 });
    /// assert_eq!(e.last_line(), "SyntaxError: invalid syntax");
    /// ```
    pub fn new(msg: impl Into<String>, pos: Pos) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            msg: msg.into(),
            pos,
        }
    }

    /// An `IndentationError`.
    ///
    /// ```
    /// use minipy::{ast::Pos, syntax_error::SyntaxError};
    /// let e = SyntaxError::indentation("unexpected indent", Pos { line: 1, col: 0 });
    /// assert_eq!(e.last_line(), "IndentationError: unexpected indent");
    /// ```
    pub fn indentation(msg: impl Into<String>, pos: Pos) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::Indentation,
            msg: msg.into(),
            pos,
        }
    }

    /// `Kind: message`, the last line CPython prints.
    ///
    /// ```
    /// let arena = bumpalo::Bump::new();
    /// let e = minipy::parser::parse_module(&arena, "x = (1,\n").unwrap_err();
    /// assert_eq!(e.last_line(), "SyntaxError: '(' was never closed");
    /// ```
    pub fn last_line(&self) -> String {
        format!("{}: {}", self.kind.name(), self.msg)
    }

    /// The full report CPython prints for an uncaught syntax error in `filename` whose
    /// text is `source`: the file and line, the offending line, a caret, the last line.
    ///
    /// ```
    /// use minipy::{ast::Pos, syntax_error::SyntaxError};
    /// let e = SyntaxError::new("invalid syntax", Pos { line: 1, col: 4 });
    /// let r = e.report("x.py", "x = = 1\n");
    /// assert_eq!(r, "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
    /// ```
    pub fn report(&self, filename: &str, source: &str) -> String {
        let mut out = format!("  File \"{filename}\", line {}\n", self.pos.line);
        if let Some(text) = source.lines().nth(self.pos.line.saturating_sub(1) as usize) {
            let trimmed = text.trim_start();
            let indent = text.chars().count() - trimmed.chars().count();
            let trimmed = trimmed.trim_end();
            if !trimmed.is_empty() {
                out.push_str(&format!("    {trimmed}\n"));
                let col = (self.pos.col as usize).saturating_sub(indent);
                out.push_str(&format!("    {}^\n", " ".repeat(col)));
            }
        }
        out.push_str(&self.last_line());
        out.push('\n');
        out
    }
}

impl std::fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.last_line(),
            self.pos.line,
            self.pos.col + 1
        )
    }
}

impl std::error::Error for SyntaxError {}
