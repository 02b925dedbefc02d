//! The parser: tokens to an AST allocated in a `bumpalo` arena, by recursive descent
//! over Python's grammar for minipy's subset. Statements are in `stmt`, expressions
//! in `expr`, assignment-target checks in `targets`, f-strings in `fstring`.
//!
//! Owns the grammar and the `SyntaxError`s CPython raises while parsing or compiling
//! (`invalid syntax`, `'return' outside function`, `cannot assign to literal`, ...).
//! Must not evaluate or resolve names.
//!
//! ```
//! let arena = bumpalo::Bump::new();
//! let m = minipy::parser::parse_module(&arena, "def f(a, b=2):\n    return a + b\n").unwrap();
//! assert_eq!(m.body.len(), 1);
//! let e = minipy::parser::parse_module(&arena, "x = = 1\n").unwrap_err();
//! assert_eq!((e.msg.as_str(), e.pos.line, e.pos.col), ("invalid syntax", 1, 4));
//! ```

mod call_args;
mod expr;
mod fstring;
mod stmt;
mod targets;

use crate::ast::{Module, Pos};
use crate::lexer::{Tok, Token, tokenize_lenient};
use crate::syntax_error::SyntaxError;
use bumpalo::Bump;

/// Parses a module's source text into a tree allocated in `arena`; the first error is
/// returned, whichever stage of CPython's compilation reports it.
///
/// ```
/// use minipy::ast::StmtKind;
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "while x:\n    x -= 1\n").unwrap();
/// assert!(matches!(m.body[0].kind, StmtKind::While { body: [_], .. }));
/// let e = minipy::parser::parse_module(&arena, "return 1\n").unwrap_err();
/// assert_eq!(e.last_line(), "SyntaxError: 'return' outside function");
/// ```
pub fn parse_module<'a>(arena: &'a Bump, src: &str) -> Result<&'a Module<'a>, SyntaxError> {
    let (module, later) = parse_module_deferring(arena, src)?;
    match later.symtable.or(later.compiler) {
        Some(e) => Err(e),
        None => Ok(module),
    }
}

/// Errors found while parsing a module that parses, which CPython reports only from a
/// later stage of compilation, so that an error of an earlier stage found later in the
/// file wins over them (the scope pass decides: `eval::scope::analyse_parsed`).
///
/// ```
/// let arena = bumpalo::Bump::new();
/// let src = "def f(a, a):\n    pass\nbreak\n";
/// let (_, later) = minipy::parser::parse_module_deferring(&arena, src).unwrap();
/// assert_eq!(later.symtable.unwrap().msg, "duplicate argument 'a' in function definition");
/// assert_eq!(later.compiler.unwrap().msg, "'break' outside loop");
/// ```
#[derive(Clone, Debug, Default)]
pub struct LaterErrors {
    /// The first error of CPython's symbol-table walk seen by the parser (a duplicate
    /// parameter); it competes by position with the scope pass's first walk.
    pub symtable: Option<SyntaxError>,
    /// The first error of CPython's code generator (`'return' outside function`,
    /// `'break' outside loop`, `'continue' not properly in loop`): reported only when
    /// the scope pass finds nothing.
    pub compiler: Option<SyntaxError>,
}

/// Parses a module's source text, keeping the errors CPython finds after parsing
/// aside (see [`LaterErrors`]); `Err` is a parse error proper.
///
/// ```
/// let arena = bumpalo::Bump::new();
/// let (m, later) = minipy::parser::parse_module_deferring(&arena, "return 1\n").unwrap();
/// assert_eq!(m.body.len(), 1);
/// assert_eq!(later.compiler.unwrap().msg, "'return' outside function");
/// ```
pub fn parse_module_deferring<'a>(
    arena: &'a Bump,
    src: &str,
) -> Result<(&'a Module<'a>, LaterErrors), SyntaxError> {
    let (toks, unclosed) = tokenize_lenient(arena, src)?;
    let mut p = Parser::new(arena, &toks);
    p.unclosed_at_eof = unclosed.clone();
    let body = match (p.module(), unclosed) {
        (Ok(_), Some(e)) => return Err(e),
        (Ok(body), None) => body,
        (Err(e), Some(u)) if e.msg == "invalid syntax" && p.i + 2 >= toks.len() => {
            return Err(if e.kind == crate::syntax_error::SyntaxErrorKind::Syntax {
                u
            } else {
                e
            });
        }
        (Err(e), _) => return Err(e),
    };
    Ok((arena.alloc(Module { body }), p.later))
}

/// The deepest expression nesting accepted (deeper input is a `SyntaxError`, so that
/// neither the parser nor the evaluator can run out of stack on it).
const MAX_DEPTH: u32 = 400;

/// What kind of scope the parser is in, for `return`/`break`/`nonlocal` checks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Module,
    Function,
    Class,
}

/// The parser's state: the token stream and the context checks need.
pub(crate) struct Parser<'t, 'a> {
    arena: &'a Bump,
    toks: &'t [Token<'a>],
    i: usize,
    depth: u32,
    scopes: Vec<Scope>,
    loops: Vec<u32>,
    /// Whether a bracket is still open at the end of input (CPython then reports
    /// `'(' was never closed` in place of most parse errors).
    unclosed_at_eof: Option<SyntaxError>,
    /// Errors of later compilation stages, kept aside while parsing goes on.
    later: LaterErrors,
    /// Where an expression starts whose missing comma CPython tolerates (see
    /// `call_args::first_after_offending`); taken by the bracket display starting there.
    exempt_at: Option<Pos>,
}

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Whether `name` is a reserved word.
pub(crate) fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

impl<'t, 'a> Parser<'t, 'a> {
    pub(crate) fn new(arena: &'a Bump, toks: &'t [Token<'a>]) -> Parser<'t, 'a> {
        Parser {
            arena,
            toks,
            i: 0,
            depth: 0,
            scopes: vec![Scope::Module],
            loops: vec![0],
            unclosed_at_eof: None,
            later: LaterErrors::default(),
            exempt_at: None,
        }
    }

    /// The current token (the final EOF once exhausted).
    fn tok(&self) -> Token<'a> {
        self.toks
            .get(self.i)
            .or(self.toks.last())
            .copied()
            .unwrap_or(Token {
                tok: Tok::Eof,
                pos: Pos::default(),
                end: Pos::default(),
            })
    }

    fn peek(&self, k: usize) -> Tok<'a> {
        self.toks.get(self.i + k).map_or(Tok::Eof, |t| t.tok)
    }

    fn pos(&self) -> Pos {
        self.tok().pos
    }

    fn advance(&mut self) -> Token<'a> {
        let t = self.tok();
        if self.i < self.toks.len() {
            self.i += 1;
        }
        t
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.tok().tok, Tok::Op(o) if o == op)
    }

    fn at_kw(&self, kw: &str) -> bool {
        matches!(self.tok().tok, Tok::Name(n) if n == kw)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Keeps `e`, a symbol-table stage error, unless an earlier one was kept.
    fn defer_symtable_error(&mut self, e: SyntaxError) {
        self.later.symtable.get_or_insert(e);
    }

    /// Keeps `e`, a code-generator stage error, unless an earlier one was kept.
    fn defer_compiler_error(&mut self, e: SyntaxError) {
        self.later.compiler.get_or_insert(e);
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// `invalid syntax` at the current token (IndentationError for a stray INDENT).
    fn invalid(&self) -> SyntaxError {
        let t = self.tok();
        match t.tok {
            Tok::Indent => SyntaxError::indentation("unexpected indent", t.pos),
            Tok::Dedent if false => SyntaxError::new("invalid syntax", t.pos),
            _ => SyntaxError::new("invalid syntax", t.pos),
        }
    }

    fn expect_op(&mut self, op: &str) -> Result<Token<'a>, SyntaxError> {
        if self.at_op(op) {
            Ok(self.advance())
        } else {
            Err(self.invalid())
        }
    }

    /// An identifier that is not a keyword.
    fn name(&mut self) -> Result<&'a str, SyntaxError> {
        match self.tok().tok {
            Tok::Name(n) if !is_keyword(n) => {
                self.i += 1;
                Ok(n)
            }
            _ => Err(self.invalid()),
        }
    }

    fn alloc<T>(&self, v: T) -> &'a T {
        self.arena.alloc(v)
    }

    fn alloc_slice<T>(&self, v: Vec<T>) -> &'a [T] {
        self.arena.alloc_slice_fill_iter(v)
    }

    /// Guards recursion: every nested expression level goes through here.
    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError::new(
                "too many nested expressions (minipy's parser limit)",
                self.pos(),
            ));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }
}

#[cfg(test)]
mod tests;
