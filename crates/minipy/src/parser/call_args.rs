//! Argument lists of calls, class bases and decorators (`f(a, *b, c=1, **d)`), with the
//! errors CPython 3.11 reports for them where it reports them: a positional argument
//! after a keyword argument (at the furthest token CPython's parser looked at, usually
//! the closing bracket), a generator expression that needs parentheses (underlining it),
//! `=` after something that is not a name, and a repeated keyword (a code-generator
//! error, deferred).
//!
//! Owns the argument grammar and those messages. Must not parse the expressions inside
//! the arguments itself (`expr`) or check assignment targets (`targets`).
//!
//! Where CPython points was observed with python3 (`tests/fixtures/record_call_errors.py`
//! records every case `tests/minipy_call_errors.rs` checks).

use super::Parser;
use crate::ast::{Arg, Expr, ExprKind, Pos};
use crate::lexer::Tok;
use crate::syntax_error::{SyntaxError, SyntaxErrorKind};

/// What has been seen so far in one argument list.
#[derive(Default)]
struct Seen<'a> {
    keyword: bool,
    double_star: bool,
    /// Keyword names, to find a repeated one.
    names: Vec<&'a str>,
}

impl<'t, 'a> Parser<'t, 'a> {
    /// Call arguments up to and including `close`, with CPython's ordering checks.
    pub(crate) fn call_args(&mut self, close: &str) -> Result<&'a [Arg<'a>], SyntaxError> {
        let mut args: Vec<Arg<'a>> = Vec::new();
        let mut seen = Seen::default();
        while !self.at_op(close) {
            let pos = self.pos();
            if self.eat_op("**") {
                args.push(Arg::DoubleStar(self.test()?));
                seen.double_star = true;
            } else if self.eat_op("*") {
                if seen.double_star {
                    return Err(SyntaxError::new(
                        "iterable argument unpacking follows keyword argument unpacking",
                        pos,
                    ));
                }
                args.push(Arg::Star(self.test()?));
            } else if let Some((name, value)) = self.keyword_argument()? {
                self.check_repeated_keyword(&mut seen, name, pos);
                args.push(Arg::Keyword(name, value));
                seen.keyword = true;
            } else if seen.keyword || seen.double_star {
                return Err(self.positional_after_keyword(seen.double_star, close));
            } else {
                let (e, bare_generator) = self.positional_argument()?;
                if bare_generator && (!args.is_empty() || !self.at_op(close)) {
                    return Err(self.unparenthesized_generator(&e));
                }
                args.push(Arg::Positional(e));
            }
            if !self.eat_op(",") {
                break;
            }
        }
        self.expect_op(close)?;
        Ok(self.alloc_slice(args))
    }

    /// `name=value`, or `None` (nothing consumed) when the argument is not a keyword
    /// argument. `True=`/`False=`/`None=` and `name=value for ...` are CPython's errors,
    /// underlining from the name to the `=`.
    fn keyword_argument(&mut self) -> Result<Option<(&'a str, Expr<'a>)>, SyntaxError> {
        let (Tok::Name(n), Tok::Op("=")) = (self.tok().tok, self.peek(1)) else {
            return Ok(None);
        };
        let start = self.pos();
        let equals_end = self.toks[self.i + 1].end;
        if matches!(n, "True" | "False" | "None") {
            let msg = format!("cannot assign to {n}");
            return Err(SyntaxError::new(msg, start).with_end(equals_end));
        }
        if super::is_keyword(n) {
            return Err(self.invalid());
        }
        self.i += 2;
        let value = self.test()?;
        if self.at_kw("for") {
            return Err(SyntaxError::new(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                start,
            )
            .with_end(equals_end));
        }
        Ok(Some((n, value)))
    }

    /// A repeated keyword is CPython's code generator's error, underlining the second
    /// `name=value`; kept aside so that parse and symbol-table errors win over it.
    fn check_repeated_keyword(&mut self, seen: &mut Seen<'a>, name: &'a str, pos: Pos) {
        if seen.names.contains(&name) {
            let end = self.toks[self.i.saturating_sub(1)].end;
            let msg = format!("keyword argument repeated: {name}");
            self.defer_compiler_error(SyntaxError::new(msg, pos).with_end(end));
        } else {
            seen.names.push(name);
        }
    }

    /// A positional argument, which must not be followed by `=` nor directly by another
    /// expression, or an unparenthesized generator expression (then `true`).
    fn positional_argument(&mut self) -> Result<(Expr<'a>, bool), SyntaxError> {
        let e = self.test()?;
        if self.at_op("=") {
            let end = self.tok().end;
            return Err(SyntaxError::new(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                e.pos,
            )
            .with_end(end));
        }
        if self.at_kw("for") {
            let comp = self.comprehension()?;
            let g = self.mk(e.pos, ExprKind::GeneratorExp(self.alloc(e), comp));
            return Ok((g, true));
        }
        self.check_missing_comma(&e)?;
        Ok((e, false))
    }

    /// `Generator expression must be parenthesized`, underlining it.
    fn unparenthesized_generator(&self, g: &Expr<'a>) -> SyntaxError {
        let end = self.toks[self.i.saturating_sub(1)].end;
        SyntaxError::new("Generator expression must be parenthesized", g.pos).with_end(end)
    }

    /// The error for a positional argument after a keyword argument (`unpacking`: after
    /// `**`). CPython reports it after trying to parse the rest of the argument list, at
    /// the furthest token it looked at (usually `close`), unless something there is an
    /// error it reports first (a missing comma, a generator expression).
    fn positional_after_keyword(&mut self, unpacking: bool, close: &str) -> SyntaxError {
        let msg = if unpacking {
            "positional argument follows keyword argument unpacking"
        } else {
            "positional argument follows keyword argument"
        };
        let start = self.pos();
        let bracket = self.at_op("(") || self.at_op("[");
        if bracket {
            self.exempt_at = Some(start);
        }
        let offending = self.positional_argument();
        self.exempt_at = None;
        match offending {
            // A display whose first two elements miss their comma: CPython's plain
            // `invalid syntax` at the bracket (observed).
            Err(e) if bracket && is_plain_invalid(&e) => {
                return SyntaxError::new("invalid syntax", start);
            }
            Err(e) if is_plain_invalid(&e) => return self.ordering_error(msg),
            Err(e) => return e,
            Ok((e, true)) => return self.unparenthesized_generator(&e),
            Ok(_) => {}
        }
        match self.rest_of_arguments(close) {
            Err(e) if !is_plain_invalid(&e) => e,
            _ => self.ordering_error(msg),
        }
    }

    /// `msg` at the current token, the furthest CPython looked at, underlining it; when
    /// that is the end of input with a bracket left open, the unclosed bracket instead.
    fn ordering_error(&self, msg: &str) -> SyntaxError {
        if self.at_input_end()
            && let Some(unclosed) = self.unclosed_at_eof.clone()
        {
            return unclosed;
        }
        let t = self.tok();
        SyntaxError::new(msg, t.pos).with_end(t.end)
    }

    /// Whether only the end of input (perhaps after a last NEWLINE) is left.
    fn at_input_end(&self) -> bool {
        match self.tok().tok {
            Tok::Eof => true,
            Tok::Newline => self.peek(1) == Tok::Eof,
            _ => false,
        }
    }

    /// Parses the arguments after the offending one as far as they go, for the errors
    /// that win over the ordering one.
    fn rest_of_arguments(&mut self, close: &str) -> Result<(), SyntaxError> {
        let mut first = true;
        while self.eat_op(",") {
            if self.at_op(close) {
                break;
            }
            if self.eat_op("**") {
                self.test()?;
            } else if let Some((_, value)) = self.keyword_argument()? {
                self.check_missing_comma(&value)?;
            } else if first {
                self.first_after_offending()?;
            } else {
                let e = self.star_or_test()?;
                self.check_missing_comma(&e)?;
            }
            first = false;
        }
        Ok(())
    }

    /// The positional argument right after the offending one (or the first element of
    /// a bracket display starting it), parsed the way CPython 3.11 was observed to: a
    /// leading name followed by something that can start an expression is taken alone
    /// and what follows is parsed as an expression of its own (`c d`, `c [0] d`,
    /// `c -1`); a leading starred expression may be followed by one expression too.
    /// Those give `None`: a display stops there. Otherwise the whole expression, whose
    /// own missing comma is reported only when it ends with a nested expression
    /// (`c if d else e f`) or starts with a bracket or an operand that is not a name.
    pub(crate) fn first_after_offending(&mut self) -> Result<Option<Expr<'a>>, SyntaxError> {
        match self.tok().tok {
            Tok::Name(n) if !super::is_keyword(n) => {
                if self.starts_expression_after_name() {
                    self.advance();
                    let starred = self.at_op("*");
                    let e = self.star_or_test()?;
                    if !starred {
                        self.check_missing_comma(&e)?;
                    }
                    return Ok(None);
                }
                let e = self.test()?;
                if matches!(
                    e.kind,
                    ExprKind::IfExp { .. } | ExprKind::Lambda(_) | ExprKind::NamedExpr(..)
                ) {
                    self.check_missing_comma(&e)?;
                }
                Ok(Some(e))
            }
            Tok::Op("(" | "[") => {
                self.exempt_at = Some(self.pos());
                let e = self.star_or_test();
                self.exempt_at = None;
                let e = e?;
                self.check_missing_comma(&e)?;
                Ok(Some(e))
            }
            Tok::Op("*") => {
                let e = self.star_or_test()?;
                if self.starts_expr() {
                    let next = self.star_or_test()?;
                    self.check_missing_comma(&next)?;
                    return Ok(None);
                }
                self.check_missing_comma(&e)?;
                Ok(Some(e))
            }
            _ => {
                let e = self.star_or_test()?;
                self.check_missing_comma(&e)?;
                Ok(Some(e))
            }
        }
    }

    /// Whether the token after the current name can start an expression of its own
    /// (for `first_after_offending`): an operand, `not` (not `not in`), a unary
    /// operator, `[` or `*`.
    fn starts_expression_after_name(&self) -> bool {
        match self.peek(1) {
            Tok::Name("not") => self.peek(2) != Tok::Name("in"),
            Tok::Name(m) => {
                !super::is_keyword(m) || matches!(m, "True" | "False" | "None" | "lambda")
            }
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Str { .. } => true,
            Tok::Op(o) => matches!(o, "{" | "..." | "+" | "-" | "~" | "[" | "*"),
            _ => false,
        }
    }
}

/// Whether `e` is the parser's generic `invalid syntax` (not a more specific message).
fn is_plain_invalid(e: &SyntaxError) -> bool {
    e.msg == "invalid syntax" && e.kind == SyntaxErrorKind::Syntax
}
