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
    /// Where the offending construct ends, when CPython underlines a range (`^^^^`)
    /// rather than pointing with one caret; `None` prints a single `^`.
    pub end: Option<Pos>,
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
            end: None,
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
            end: None,
        }
    }

    /// The same error underlining the range from its position to `end` (exclusive), as
    /// CPython 3.11 does for errors found after parsing (a whole `global` statement, ...).
    ///
    /// ```
    /// use minipy::{ast::Pos, syntax_error::SyntaxError};
    /// let e = SyntaxError::new("m", Pos { line: 1, col: 0 }).with_end(Pos { line: 1, col: 10 });
    /// assert_eq!(e.report("x.py", "nonlocal x\n"), "  File \"x.py\", line 1\n    nonlocal x\n    ^^^^^^^^^^\nSyntaxError: m\n");
    /// ```
    pub fn with_end(mut self, end: Pos) -> SyntaxError {
        self.end = Some(end);
        self
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
                let carets = self.caret_count(text.trim_end().chars().count());
                out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(carets)));
            }
        }
        out.push_str(&self.last_line());
        out.push('\n');
        out
    }

    /// How many carets underline the error on its line, whose text (trailing blanks
    /// removed) is `line_len` characters long: one without an end; the columns up to
    /// the end on the same line; up to the end of the line when the range goes on to
    /// later lines (a backslash continuation). Never fewer than one.
    fn caret_count(&self, line_len: usize) -> usize {
        let start = self.pos.col as usize;
        let stop = match self.end {
            None => return 1,
            Some(end) if end.line == self.pos.line => end.col as usize,
            Some(end) if end.line > self.pos.line => line_len,
            Some(_) => return 1,
        };
        stop.saturating_sub(start).max(1)
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

#[cfg(test)]
mod tests {
    //! Caret printing; the expected reports are CPython 3.11's for the same sources
    //! (`tests/fixtures/record_scope_errors.py` records them from python3).
    use super::*;

    fn at(line: u32, col: u32) -> Pos {
        Pos { line, col }
    }

    #[test]
    fn a_range_on_one_line_gets_one_caret_per_column() {
        let src =
            "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal   x ,  y  # c\n";
        let e = SyntaxError::new(
            "name 'x' is assigned to before nonlocal declaration",
            at(5, 8),
        )
        .with_end(at(5, 25));
        assert_eq!(
            e.report("f.py", src),
            "  File \"f.py\", line 5\n    nonlocal   x ,  y  # c\n    ^^^^^^^^^^^^^^^^^\n\
             SyntaxError: name 'x' is assigned to before nonlocal declaration\n"
        );
    }

    #[test]
    fn a_range_after_other_statements_starts_at_its_column() {
        let e = SyntaxError::new("m", at(1, 7)).with_end(at(1, 15));
        assert_eq!(
            e.report("f.py", "x = 1; global x\n"),
            "  File \"f.py\", line 1\n    x = 1; global x\n           ^^^^^^^^\nSyntaxError: m\n"
        );
    }

    #[test]
    fn a_range_going_on_to_the_next_line_stops_at_the_end_of_the_first() {
        let src = "def f():\n    x=1\n    global \\\n      x\n";
        let e = SyntaxError::new("m", at(3, 4)).with_end(at(4, 7));
        assert_eq!(
            e.report("f.py", src),
            "  File \"f.py\", line 3\n    global \\\n    ^^^^^^^^\nSyntaxError: m\n"
        );
    }

    #[test]
    fn without_an_end_or_with_an_empty_range_one_caret_is_printed() {
        let plain = SyntaxError::new("invalid syntax", at(1, 4));
        let empty = plain.clone().with_end(at(1, 4));
        let backwards = plain.clone().with_end(at(0, 9));
        for e in [plain, empty, backwards] {
            assert_eq!(
                e.report("x.py", "x = = 1\n"),
                "  File \"x.py\", line 1\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n"
            );
        }
    }

    #[test]
    fn tab_indentation_is_stripped_before_the_carets() {
        let e = SyntaxError::new("m", at(3, 1)).with_end(at(3, 9));
        assert_eq!(
            e.report("f.py", "def f():\n\tx=1\n\tglobal x\n"),
            "  File \"f.py\", line 3\n    global x\n    ^^^^^^^^\nSyntaxError: m\n"
        );
    }
}
