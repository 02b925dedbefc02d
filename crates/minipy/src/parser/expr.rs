//! Expressions, from `lambda` and conditional expressions down to atoms and trailers
//! (calls, attributes, subscripts), displays and comprehensions.
//!
//! Owns operator precedence and the expression-level messages. Must not check
//! assignment targets (`targets`).

use super::Parser;
use crate::ast::{BinOp, CmpOp, Comprehension, Expr, ExprKind, FunctionDef, Pos, UnaryOp};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

type R<'a> = Result<Expr<'a>, SyntaxError>;

/// Binary operator levels from loosest to tightest (above unary operators).
const LEVELS: [&[(&str, BinOp)]; 6] = [
    &[("|", BinOp::BitOr)],
    &[("^", BinOp::BitXor)],
    &[("&", BinOp::BitAnd)],
    &[("<<", BinOp::LShift), (">>", BinOp::RShift)],
    &[("+", BinOp::Add), ("-", BinOp::Sub)],
    &[
        ("*", BinOp::Mul),
        ("/", BinOp::Div),
        ("//", BinOp::FloorDiv),
        ("%", BinOp::Mod),
        ("@", BinOp::MatMul),
    ],
];

impl<'t, 'a> Parser<'t, 'a> {
    pub(crate) fn mk(&self, pos: Pos, kind: ExprKind<'a>) -> Expr<'a> {
        Expr { pos, kind }
    }

    /// `test (',' test)* [',']` as a tuple when a comma appears; starred items allowed.
    pub(crate) fn testlist_star(&mut self) -> R<'a> {
        let pos = self.pos();
        let first = self.star_or_test()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_expr_end() {
                break;
            }
            items.push(self.star_or_test()?);
        }
        Ok(self.mk(pos, ExprKind::Tuple(self.alloc_slice(items))))
    }

    /// Whether the current token cannot start an expression (ends a list).
    fn at_expr_end(&self) -> bool {
        match self.tok().tok {
            Tok::Newline | Tok::Eof | Tok::Indent | Tok::Dedent => true,
            Tok::Op(o) => matches!(o, ")" | "]" | "}" | "=" | ":" | ";"),
            Tok::Name(n) => matches!(n, "in" | "for" | "if" | "else"),
            _ => false,
        }
    }

    /// Whether the current token can start an expression (for the missing-comma check).
    pub(crate) fn starts_expr(&self) -> bool {
        match self.tok().tok {
            Tok::Name(n) => {
                !super::is_keyword(n) || matches!(n, "True" | "False" | "None" | "lambda")
            }
            Tok::Int(_) | Tok::BigInt(_) | Tok::Float(_) | Tok::Str { .. } => true,
            Tok::Op(o) => matches!(o, "{" | "..."),
            _ => false,
        }
    }

    /// Inside brackets, an expression directly followed by another one is CPython's
    /// `invalid syntax. Perhaps you forgot a comma?` — unless input ends right after the
    /// second one, where CPython's tokenizer reports the unclosed bracket first.
    pub(crate) fn check_missing_comma(&mut self, prev: &Expr<'a>) -> Result<(), SyntaxError> {
        if !self.starts_expr() {
            return Ok(());
        }
        let at = self.pos();
        self.test()?;
        let next = self.tok();
        let at_end = match next.tok {
            Tok::Eof => true,
            Tok::Newline => self.peek(1) == Tok::Eof,
            _ => false,
        };
        // With a bracket left open at the end of input, CPython's tokenizer error wins
        // unless both expressions and what follows sit on one line (observed on 3.11).
        let one_line = prev.pos.line == at.line && next.pos.line == at.line;
        if at_end || (self.unclosed_at_eof.is_some() && !one_line) {
            return Err(self
                .unclosed_at_eof
                .clone()
                .unwrap_or_else(|| SyntaxError::new("invalid syntax", at)));
        }
        Err(self.forgot_comma(prev))
    }

    /// CPython's `invalid syntax. Perhaps you forgot a comma?` once the expression after
    /// `prev` has been parsed: the range runs from the start of the innermost expression
    /// that `prev` ends with (the `else` branch of a conditional, a lambda's body, the
    /// value of `:=`) to the end of the one after it.
    fn forgot_comma(&self, prev: &Expr<'a>) -> SyntaxError {
        let end = self.toks[self.i.saturating_sub(1)].end;
        SyntaxError::new(
            "invalid syntax. Perhaps you forgot a comma?",
            trailing_expression_start(prev),
        )
        .with_end(end)
    }

    /// The first element of a bracket display: with `inner_exempt` (the display starts
    /// the argument after a positional argument that follows a keyword argument) parsed
    /// as CPython does there (`call_args::first_after_offending`), stopping with a plain
    /// `invalid syntax` where that takes a second expression.
    fn first_in_brackets(&mut self, inner_exempt: bool) -> R<'a> {
        if inner_exempt {
            return self.first_after_offending()?.ok_or_else(|| self.invalid());
        }
        let first = self.star_or_test()?;
        self.check_missing_comma(&first)?;
        Ok(first)
    }

    /// `*expr` or a test.
    pub(crate) fn star_or_test(&mut self) -> R<'a> {
        if self.at_op("*") {
            let pos = self.advance().pos;
            let e = self.bitor()?;
            return Ok(self.mk(pos, ExprKind::Starred(self.alloc(e))));
        }
        self.test()
    }

    /// `lambda` | `or_test ['if' or_test 'else' test]` | `name := test`.
    pub(crate) fn test(&mut self) -> R<'a> {
        self.enter()?;
        let r = self.test_inner();
        self.leave();
        r
    }

    fn test_inner(&mut self) -> R<'a> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let pos = self.pos();
        if let (Tok::Name(n), Tok::Op(":=")) = (self.tok().tok, self.peek(1))
            && !super::is_keyword(n)
        {
            self.i += 2;
            let v = self.test()?;
            return Ok(self.mk(pos, ExprKind::NamedExpr(n, self.alloc(v))));
        }
        let body = self.or_test()?;
        if !self.at_kw("if") {
            return Ok(body);
        }
        let if_tok = self.advance();
        let test = self.or_test()?;
        if !self.eat_kw("else") {
            return Err(SyntaxError::new(
                "expected 'else' after 'if' expression",
                if_tok.pos,
            ));
        }
        let orelse = self.test()?;
        Ok(self.mk(
            pos,
            ExprKind::IfExp {
                test: self.alloc(test),
                body: self.alloc(body),
                orelse: self.alloc(orelse),
            },
        ))
    }

    /// A test without conditional expressions or lambdas (comprehension conditions).
    fn test_nocond(&mut self) -> R<'a> {
        self.enter()?;
        let r = self.or_test();
        self.leave();
        r
    }

    fn lambda(&mut self) -> R<'a> {
        let pos = self.advance().pos;
        let params = self.params(":", false)?;
        self.expect_op(":")?;
        self.scopes.push(super::Scope::Function);
        self.loops.push(0);
        let body = self.test();
        self.scopes.pop();
        self.loops.pop();
        let body = body?;
        let ret = crate::ast::Stmt {
            pos: body.pos,
            kind: crate::ast::StmtKind::Return(Some(self.alloc(body))),
        };
        let def = FunctionDef {
            pos,
            name: "<lambda>",
            params,
            body: self.alloc_slice(vec![ret]),
            decorators: &[],
            is_lambda: true,
        };
        Ok(self.mk(pos, ExprKind::Lambda(self.alloc(def))))
    }

    fn or_test(&mut self) -> R<'a> {
        let mut left = self.and_test()?;
        while self.at_kw("or") {
            self.advance();
            let right = self.and_test()?;
            left = self.mk(
                left.pos,
                ExprKind::BoolOp(false, self.alloc(left), self.alloc(right)),
            );
        }
        Ok(left)
    }

    fn and_test(&mut self) -> R<'a> {
        let mut left = self.not_test()?;
        while self.at_kw("and") {
            self.advance();
            let right = self.not_test()?;
            left = self.mk(
                left.pos,
                ExprKind::BoolOp(true, self.alloc(left), self.alloc(right)),
            );
        }
        Ok(left)
    }

    fn not_test(&mut self) -> R<'a> {
        if self.at_kw("not") {
            let pos = self.advance().pos;
            self.enter()?;
            let e = self.not_test();
            self.leave();
            let e = e?;
            return Ok(self.mk(pos, ExprKind::UnaryOp(UnaryOp::Not, self.alloc(e))));
        }
        self.comparison()
    }

    fn comp_op(&mut self) -> Option<CmpOp> {
        let op = match self.tok().tok {
            Tok::Op("==") => CmpOp::Eq,
            Tok::Op("!=") => CmpOp::Ne,
            Tok::Op("<") => CmpOp::Lt,
            Tok::Op("<=") => CmpOp::Le,
            Tok::Op(">") => CmpOp::Gt,
            Tok::Op(">=") => CmpOp::Ge,
            Tok::Name("in") => CmpOp::In,
            Tok::Name("is") => {
                if self.peek(1) == Tok::Name("not") {
                    self.i += 1;
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            Tok::Name("not") if self.peek(1) == Tok::Name("in") => {
                self.i += 1;
                CmpOp::NotIn
            }
            _ => return None,
        };
        self.i += 1;
        Some(op)
    }

    fn comparison(&mut self) -> R<'a> {
        let first = self.bitor()?;
        let mut rest = Vec::new();
        while let Some(op) = self.comp_op() {
            rest.push((op, self.bitor()?));
        }
        if rest.is_empty() {
            return Ok(first);
        }
        Ok(self.mk(
            first.pos,
            ExprKind::Compare(self.alloc(first), self.alloc_slice(rest)),
        ))
    }

    pub(crate) fn bitor(&mut self) -> R<'a> {
        self.binary_level(0)
    }

    fn binary_level(&mut self, level: usize) -> R<'a> {
        if level == LEVELS.len() {
            return self.factor();
        }
        let mut left = self.binary_level(level + 1)?;
        while let Tok::Op(o) = self.tok().tok {
            let Some((_, op)) = LEVELS[level].iter().find(|(s, _)| *s == o) else {
                break;
            };
            self.advance();
            let right = self.binary_level(level + 1)?;
            left = self.mk(
                left.pos,
                ExprKind::BinOp(*op, self.alloc(left), self.alloc(right)),
            );
        }
        Ok(left)
    }

    fn factor(&mut self) -> R<'a> {
        let op = match self.tok().tok {
            Tok::Op("-") => UnaryOp::Neg,
            Tok::Op("+") => UnaryOp::Pos,
            Tok::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        let pos = self.advance().pos;
        self.enter()?;
        let e = self.factor();
        self.leave();
        let e = e?;
        if let (UnaryOp::Neg, ExprKind::BigInt(s)) = (op, &e.kind)
            && s.trim_start_matches('0').replace('_', "") == "9223372036854775808"
        {
            return Ok(self.mk(pos, ExprKind::Int(i64::MIN)));
        }
        Ok(self.mk(pos, ExprKind::UnaryOp(op, self.alloc(e))))
    }

    fn power(&mut self) -> R<'a> {
        let base = self.primary()?;
        if !self.at_op("**") {
            return Ok(base);
        }
        self.advance();
        self.enter()?;
        let exp = self.factor();
        self.leave();
        let exp = exp?;
        Ok(self.mk(
            base.pos,
            ExprKind::BinOp(BinOp::Pow, self.alloc(base), self.alloc(exp)),
        ))
    }

    /// An atom followed by trailers: `.name`, `(args)`, `[subscript]`.
    fn primary(&mut self) -> R<'a> {
        let mut e = self.atom()?;
        loop {
            if self.eat_op(".") {
                let n = self.name()?;
                e = self.mk(e.pos, ExprKind::Attribute(self.alloc(e), n));
            } else if self.at_op("(") {
                self.advance();
                let args = self.call_args(")")?;
                e = self.mk(e.pos, ExprKind::Call(self.alloc(e), args));
            } else if self.at_op("[") {
                self.advance();
                let idx = self.subscript()?;
                self.expect_op("]")?;
                e = self.mk(e.pos, ExprKind::Subscript(self.alloc(e), self.alloc(idx)));
            } else {
                return Ok(e);
            }
        }
    }

    /// The inside of `[...]` after a primary: an index, a slice, or a tuple of them.
    fn subscript(&mut self) -> R<'a> {
        let pos = self.pos();
        let first = self.slice_item()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            items.push(self.slice_item()?);
        }
        Ok(self.mk(pos, ExprKind::Tuple(self.alloc_slice(items))))
    }

    fn slice_item(&mut self) -> R<'a> {
        let pos = self.pos();
        let lower = if self.at_op(":") {
            None
        } else {
            Some(self.test()?)
        };
        if !self.eat_op(":") {
            return lower.ok_or_else(|| self.invalid());
        }
        let bound = |p: &mut Self| -> Result<Option<&'a Expr<'a>>, SyntaxError> {
            if p.at_op(":") || p.at_op("]") || p.at_op(",") {
                Ok(None)
            } else {
                let e = p.test()?;
                Ok(Some(p.alloc(e)))
            }
        };
        let upper = bound(self)?;
        let step = if self.eat_op(":") { bound(self)? } else { None };
        let lower = lower.map(|l| self.alloc(l));
        Ok(self.mk(pos, ExprKind::Slice(lower, upper, step)))
    }

    /// `for target in iter [if cond]* ...` clauses.
    pub(crate) fn comprehension(&mut self) -> Result<&'a [Comprehension<'a>], SyntaxError> {
        let mut out = Vec::new();
        while self.eat_kw("for") {
            let target = self.target_list()?;
            self.check_target(&target, super::targets::Ctx::For)?;
            if !self.eat_kw("in") {
                return Err(self.invalid());
            }
            let iter = self.test_nocond()?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.test_nocond()?);
            }
            out.push(Comprehension {
                target,
                iter,
                ifs: self.alloc_slice(ifs),
            });
        }
        Ok(self.alloc_slice(out))
    }

    /// A comma-separated target list (for `for` loops and comprehensions).
    pub(crate) fn target_list(&mut self) -> R<'a> {
        let pos = self.pos();
        let mut items = Vec::new();
        loop {
            if self.at_op("*") {
                let p = self.advance().pos;
                let e = self.bitor()?;
                items.push(self.mk(p, ExprKind::Starred(self.alloc(e))));
            } else {
                items.push(self.bitor()?);
            }
            if !self.at_op(",") {
                break;
            }
            self.advance();
            if self.at_kw("in") || self.at_op("=") {
                return Ok(self.mk(pos, ExprKind::Tuple(self.alloc_slice(items))));
            }
        }
        if items.len() == 1 && !matches!(items[0].kind, ExprKind::Starred(_)) {
            return Ok(items.pop().unwrap_or_else(|| self.mk(pos, ExprKind::None)));
        }
        Ok(self.mk(pos, ExprKind::Tuple(self.alloc_slice(items))))
    }

    fn atom(&mut self) -> R<'a> {
        let t = self.tok();
        let pos = t.pos;
        match t.tok {
            Tok::Name(n) => {
                let kind = match n {
                    "True" => ExprKind::Bool(true),
                    "False" => ExprKind::Bool(false),
                    "None" => ExprKind::None,
                    _ if super::is_keyword(n) => return Err(self.invalid()),
                    _ => ExprKind::Name(n),
                };
                self.advance();
                Ok(self.mk(pos, kind))
            }
            Tok::Int(v) => {
                self.advance();
                Ok(self.mk(pos, ExprKind::Int(v)))
            }
            Tok::BigInt(s) => {
                self.advance();
                Ok(self.mk(pos, ExprKind::BigInt(s)))
            }
            Tok::Float(s) => {
                self.advance();
                Ok(self.mk(pos, ExprKind::Float(s)))
            }
            Tok::Str { .. } => self.strings(),
            Tok::Op("...") => {
                self.advance();
                Ok(self.mk(pos, ExprKind::Ellipsis))
            }
            Tok::Op("(") => self.paren(),
            Tok::Op("[") => self.list_display(),
            Tok::Op("{") => self.brace_display(),
            _ => Err(self.invalid()),
        }
    }

    fn paren(&mut self) -> R<'a> {
        let inner_exempt = self.exempt_at.take() == Some(self.pos());
        let pos = self.advance().pos;
        if self.eat_op(")") {
            return Ok(self.mk(pos, ExprKind::Tuple(&[])));
        }
        let first = self.first_in_brackets(inner_exempt)?;
        if self.at_kw("for") {
            let comp = self.comprehension()?;
            self.expect_op(")")?;
            return Ok(self.mk(pos, ExprKind::GeneratorExp(self.alloc(first), comp)));
        }
        if self.eat_op(")") {
            if matches!(first.kind, ExprKind::Starred(_)) {
                return Err(SyntaxError::new(
                    "cannot use starred expression here",
                    first.pos,
                ));
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            let e = self.star_or_test()?;
            self.check_missing_comma(&e)?;
            items.push(e);
        }
        self.expect_op(")")?;
        Ok(self.mk(pos, ExprKind::Tuple(self.alloc_slice(items))))
    }

    fn list_display(&mut self) -> R<'a> {
        let inner_exempt = self.exempt_at.take() == Some(self.pos());
        let pos = self.advance().pos;
        if self.eat_op("]") {
            return Ok(self.mk(pos, ExprKind::List(&[])));
        }
        let first = self.first_in_brackets(inner_exempt)?;
        if self.at_kw("for") {
            let comp = self.comprehension()?;
            self.expect_op("]")?;
            return Ok(self.mk(pos, ExprKind::ListComp(self.alloc(first), comp)));
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            let e = self.star_or_test()?;
            self.check_missing_comma(&e)?;
            items.push(e);
        }
        self.expect_op("]")?;
        Ok(self.mk(pos, ExprKind::List(self.alloc_slice(items))))
    }

    fn brace_display(&mut self) -> R<'a> {
        let pos = self.advance().pos;
        if self.eat_op("}") {
            return Ok(self.mk(pos, ExprKind::Dict(&[])));
        }
        let mut pairs = Vec::new();
        let first_key = if self.eat_op("**") {
            None
        } else {
            let k = self.star_or_test()?;
            if !self.at_op(":") {
                return self.set_display(pos, k);
            }
            self.advance();
            Some(k)
        };
        let first_val = if first_key.is_none() {
            self.bitor()?
        } else {
            self.test()?
        };
        self.check_missing_comma(&first_val)?;
        if first_key.is_some() && self.at_kw("for") {
            let comp = self.comprehension()?;
            self.expect_op("}")?;
            let k = first_key.unwrap_or_else(|| self.mk(pos, ExprKind::None));
            return Ok(self.mk(
                pos,
                ExprKind::DictComp(self.alloc(k), self.alloc(first_val), comp),
            ));
        }
        pairs.push((first_key, first_val));
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            if self.eat_op("**") {
                let v = self.bitor()?;
                pairs.push((None, v));
                continue;
            }
            let k = self.test()?;
            self.expect_op(":")?;
            let v = self.test()?;
            self.check_missing_comma(&v)?;
            pairs.push((Some(k), v));
        }
        self.expect_op("}")?;
        Ok(self.mk(pos, ExprKind::Dict(self.alloc_slice(pairs))))
    }

    fn set_display(&mut self, pos: Pos, first: Expr<'a>) -> R<'a> {
        if self.at_kw("for") {
            return Err(SyntaxError::new(
                "set comprehensions are not supported by minipy (pyrt has no set type)",
                pos,
            ));
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op("}") {
                break;
            }
            items.push(self.star_or_test()?);
        }
        self.expect_op("}")?;
        Ok(self.mk(pos, ExprKind::Set(self.alloc_slice(items))))
    }

    /// Adjacent string literals, joined; any f-string makes the result an f-string.
    fn strings(&mut self) -> R<'a> {
        let pos = self.pos();
        let mut parts = Vec::new();
        let mut any_f = false;
        while let Tok::Str {
            value,
            fstring,
            raw,
        } = self.tok().tok
        {
            let t = self.advance();
            if fstring {
                any_f = true;
                self.fstring_parts(value, raw, t.pos, &mut parts)?;
            } else {
                parts.push(crate::ast::FPart::Lit(value));
            }
        }
        if !any_f {
            let mut s = String::new();
            for p in &parts {
                if let crate::ast::FPart::Lit(l) = p {
                    s.push_str(l);
                }
            }
            return Ok(self.mk(pos, ExprKind::Str(self.arena.alloc_str(&s))));
        }
        Ok(self.mk(pos, ExprKind::FString(self.alloc_slice(parts))))
    }
}

/// Where the innermost expression that `e` ends with starts: CPython's missing-comma
/// check fires on the last `expression` parsed, which for `c if d else e`, `lambda: e`
/// and `x := e` is `e`.
fn trailing_expression_start(e: &Expr<'_>) -> Pos {
    match &e.kind {
        ExprKind::IfExp { orelse, .. } => trailing_expression_start(orelse),
        ExprKind::NamedExpr(_, value) => trailing_expression_start(value),
        ExprKind::Lambda(def) => match def.body {
            [
                crate::ast::Stmt {
                    kind: crate::ast::StmtKind::Return(Some(body)),
                    ..
                },
            ] => trailing_expression_start(body),
            _ => e.pos,
        },
        _ => e.pos,
    }
}
