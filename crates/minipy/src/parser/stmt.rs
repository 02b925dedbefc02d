//! Statements: simple statements (assignments, `return`, `raise`, `del`, imports, ...)
//! and compound statements (`if`, `while`, `for`, `try`, `def`, `class`, decorators),
//! blocks and parameter lists.
//!
//! Owns statement syntax and the context checks CPython makes at compile time
//! (`'return' outside function`, `'break' outside loop`, ...).

use super::targets::Ctx;
use super::{Parser, Scope};
use crate::ast::{
    Alias, Arg, BinOp, ClassDef, Declaration, Expr, ExprKind, FunctionDef, Handler, Param, Params,
    Pos, Stmt, StmtKind,
};
use crate::lexer::{Tok, Token};
use crate::syntax_error::SyntaxError;

type S<'a> = Result<Stmt<'a>, SyntaxError>;

const AUG_OPS: [(&str, BinOp); 13] = [
    ("+=", BinOp::Add),
    ("-=", BinOp::Sub),
    ("*=", BinOp::Mul),
    ("/=", BinOp::Div),
    ("//=", BinOp::FloorDiv),
    ("%=", BinOp::Mod),
    ("**=", BinOp::Pow),
    ("<<=", BinOp::LShift),
    (">>=", BinOp::RShift),
    ("&=", BinOp::BitAnd),
    ("|=", BinOp::BitOr),
    ("^=", BinOp::BitXor),
    ("@=", BinOp::MatMul),
];

impl<'t, 'a> Parser<'t, 'a> {
    /// The whole module, through EOF.
    pub(crate) fn module(&mut self) -> Result<&'a [Stmt<'a>], SyntaxError> {
        let mut body = Vec::new();
        loop {
            match self.tok().tok {
                Tok::Eof => break,
                Tok::Newline => {
                    self.advance();
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(self.alloc_slice(body))
    }

    /// One statement line (several simple statements may share it) or one compound
    /// statement, appended to `out`.
    fn statement(&mut self, out: &mut Vec<Stmt<'a>>) -> Result<(), SyntaxError> {
        if let Tok::Name(kw) = self.tok().tok {
            let s = match kw {
                "if" => Some(self.if_stmt("if")?),
                "while" => Some(self.while_stmt()?),
                "for" => Some(self.for_stmt()?),
                "try" => Some(self.try_stmt()?),
                "with" => Some(self.with_stmt()?),
                "def" => Some(self.funcdef(&[])?),
                "class" => Some(self.classdef(&[])?),
                _ => None,
            };
            if let Some(s) = s {
                out.push(s);
                return Ok(());
            }
        }
        if self.at_op("@") {
            out.push(self.decorated()?);
            return Ok(());
        }
        self.simple_stmts(out)
    }

    /// `small (';' small)* [';'] NEWLINE`.
    fn simple_stmts(&mut self, out: &mut Vec<Stmt<'a>>) -> Result<(), SyntaxError> {
        loop {
            out.push(self.small_stmt()?);
            if !self.eat_op(";") {
                break;
            }
            if matches!(self.tok().tok, Tok::Newline | Tok::Eof) {
                break;
            }
        }
        match self.tok().tok {
            Tok::Newline => {
                self.advance();
                Ok(())
            }
            Tok::Eof => Ok(()),
            _ => Err(self.invalid()),
        }
    }

    /// A block after `:`: simple statements on the same line, or an indented suite.
    fn block(&mut self, what: &str, line: u32) -> Result<&'a [Stmt<'a>], SyntaxError> {
        if !self.at_op(":") {
            // CPython: a `def` always demands its colon; other statements say so when
            // the line ends where the colon should be.
            if what == "function definition" || matches!(self.tok().tok, Tok::Newline) {
                return Err(SyntaxError::new("expected ':'", self.pos()));
            }
            return Err(self.invalid());
        }
        self.advance();
        let mut body = Vec::new();
        if !matches!(self.tok().tok, Tok::Newline) {
            self.simple_stmts(&mut body)?;
            return Ok(self.alloc_slice(body));
        }
        self.advance();
        if !matches!(self.tok().tok, Tok::Indent) {
            return Err(SyntaxError::indentation(
                format!("expected an indented block after {what} on line {line}"),
                self.pos(),
            ));
        }
        self.advance();
        while !matches!(self.tok().tok, Tok::Dedent | Tok::Eof) {
            if matches!(self.tok().tok, Tok::Newline) {
                self.advance();
                continue;
            }
            self.statement(&mut body)?;
        }
        self.eat_dedent();
        Ok(self.alloc_slice(body))
    }

    fn eat_dedent(&mut self) {
        if matches!(self.tok().tok, Tok::Dedent) {
            self.advance();
        }
    }

    fn loop_block(&mut self, what: &str, line: u32) -> Result<&'a [Stmt<'a>], SyntaxError> {
        if let Some(l) = self.loops.last_mut() {
            *l += 1;
        }
        let r = self.block(what, line);
        if let Some(l) = self.loops.last_mut() {
            *l -= 1;
        }
        r
    }

    fn if_stmt(&mut self, kw: &str) -> S<'a> {
        let pos = self.advance().pos;
        let test = self.test()?;
        let body = self.block(&format!("'{kw}' statement"), pos.line)?;
        let orelse: &'a [Stmt<'a>] = if self.at_kw("elif") {
            let s = self.if_stmt("elif")?;
            self.alloc_slice(vec![s])
        } else if self.at_kw("else") {
            let l = self.advance().pos.line;
            self.block("'else' statement", l)?
        } else {
            &[]
        };
        let test = self.alloc(test);
        Ok(Stmt {
            pos,
            kind: StmtKind::If { test, body, orelse },
        })
    }

    fn else_block(&mut self) -> Result<&'a [Stmt<'a>], SyntaxError> {
        if self.at_kw("else") {
            let l = self.advance().pos.line;
            return self.block("'else' statement", l);
        }
        Ok(&[])
    }

    fn while_stmt(&mut self) -> S<'a> {
        let pos = self.advance().pos;
        let test = self.test_ref()?;
        let body = self.loop_block("'while' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            pos,
            kind: StmtKind::While { test, body, orelse },
        })
    }

    fn for_stmt(&mut self) -> S<'a> {
        let pos = self.advance().pos;
        let target = self.target_list()?;
        self.check_target(&target, Ctx::For)?;
        if !self.eat_kw("in") {
            return Err(self.invalid());
        }
        let iter = self.testlist_star()?;
        let body = self.loop_block("'for' statement", pos.line)?;
        let orelse = self.else_block()?;
        Ok(Stmt {
            pos,
            kind: StmtKind::For {
                target: self.alloc(target),
                iter: self.alloc(iter),
                body,
                orelse,
            },
        })
    }

    fn with_stmt(&mut self) -> S<'a> {
        let pos = self.advance().pos;
        let mut items = Vec::new();
        loop {
            let context = self.test()?;
            let target = if self.eat_kw("as") {
                let t = self.target_list_single()?;
                self.check_target(&t, Ctx::For)?;
                Some(t)
            } else {
                None
            };
            items.push(crate::ast::WithItem { context, target });
            if !self.eat_op(",") {
                break;
            }
        }
        let body = self.block("'with' statement", pos.line)?;
        Ok(Stmt {
            pos,
            kind: StmtKind::With {
                items: self.alloc_slice(items),
                body,
            },
        })
    }

    /// One assignment target (a name, attribute, subscript or parenthesised tuple).
    fn target_list_single(&mut self) -> Result<Expr<'a>, SyntaxError> {
        self.bitor()
    }

    fn try_stmt(&mut self) -> S<'a> {
        let pos = self.advance().pos;
        let body = self.block("'try' statement", pos.line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let hpos = self.advance().pos;
            let (mut typ, mut name) = (None, None);
            if !self.at_op(":") {
                let t = self.test_or_tuple()?;
                typ = Some(self.alloc(t));
                if self.eat_kw("as") {
                    name = Some(self.name()?);
                }
            }
            let hbody = self.block("'except' statement", hpos.line)?;
            handlers.push(Handler {
                pos: hpos,
                typ,
                name,
                body: hbody,
            });
        }
        let orelse = if handlers.is_empty() {
            &[]
        } else {
            self.else_block()?
        };
        let finalbody = if self.at_kw("finally") {
            let l = self.advance().pos.line;
            self.block("'finally' statement", l)?
        } else {
            &[]
        };
        if handlers.is_empty() && finalbody.is_empty() {
            // CPython underlines the token that follows the body (dedents are skipped).
            let pos = self.pos();
            let next = self.toks[self.i..].iter().find(|t| t.tok != Tok::Dedent);
            let e = SyntaxError::new("expected 'except' or 'finally' block", pos);
            return Err(match next {
                Some(t) if t.pos == pos && !matches!(t.tok, Tok::Eof | Tok::Newline) => {
                    e.with_end(t.end)
                }
                _ => e,
            });
        }
        Ok(Stmt {
            pos,
            kind: StmtKind::Try {
                body,
                handlers: self.alloc_slice(handlers),
                orelse,
                finalbody,
            },
        })
    }

    fn test_ref(&mut self) -> Result<&'a Expr<'a>, SyntaxError> {
        let e = self.test()?;
        Ok(self.alloc(e))
    }

    fn testlist_ref(&mut self) -> Result<&'a Expr<'a>, SyntaxError> {
        let e = self.testlist_star()?;
        Ok(self.alloc(e))
    }

    /// `test (',' test)*` as a tuple when there is a comma (no starred items).
    fn test_or_tuple(&mut self) -> Result<Expr<'a>, SyntaxError> {
        let pos = self.pos();
        let first = self.test()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") || matches!(self.tok().tok, Tok::Newline) {
                break;
            }
            items.push(self.test()?);
        }
        Ok(Expr {
            pos,
            kind: ExprKind::Tuple(self.alloc_slice(items)),
        })
    }

    fn decorated(&mut self) -> S<'a> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.test()?);
            if !matches!(self.tok().tok, Tok::Newline) {
                return Err(self.invalid());
            }
            self.advance();
        }
        let decorators = self.alloc_slice(decorators);
        if self.at_kw("def") {
            self.funcdef(decorators)
        } else if self.at_kw("class") {
            self.classdef(decorators)
        } else {
            Err(self.invalid())
        }
    }

    fn funcdef(&mut self, decorators: &'a [Expr<'a>]) -> S<'a> {
        let pos = self.advance().pos;
        let name = self.name()?;
        self.expect_op("(")?;
        let params = self.params(")", true)?;
        self.expect_op(")")?;
        if self.eat_op("->") {
            self.test()?;
        }
        self.scopes.push(Scope::Function);
        self.loops.push(0);
        let body = self.block("function definition", pos.line);
        self.scopes.pop();
        self.loops.pop();
        let def = FunctionDef {
            pos,
            name,
            params,
            body: body?,
            decorators,
            is_lambda: false,
        };
        Ok(Stmt {
            pos,
            kind: StmtKind::FunctionDef(self.alloc(def)),
        })
    }

    /// A parameter list up to (not including) `close`; annotations are parsed and
    /// dropped when `annotations` is set (lambdas have none).
    pub(crate) fn params(
        &mut self,
        close: &str,
        annotations: bool,
    ) -> Result<Params<'a>, SyntaxError> {
        let mut p = Params::default();
        let (mut args, mut kwonly) = (Vec::new(), Vec::new());
        let mut seen: Vec<&str> = Vec::new();
        let (mut star, mut default_seen) = (false, false);
        let mut bare_star_pos = None;
        while !self.at_op(close) {
            let pos = self.pos();
            if p.kwarg.is_some() {
                return Err(SyntaxError::new(
                    "arguments cannot follow var-keyword argument",
                    pos,
                ));
            }
            if self.eat_op("/") {
                if star || p.posonly > 0 || args.is_empty() {
                    return Err(SyntaxError::new("invalid syntax", pos));
                }
                p.posonly = args.len();
            } else if self.eat_op("**") {
                let n = self.param_name(&mut seen, annotations)?;
                p.kwarg = Some(n);
            } else if self.eat_op("*") {
                if star {
                    return Err(SyntaxError::new("* argument may appear only once", pos));
                }
                star = true;
                if self.at_op(",") || self.at_op(close) {
                    bare_star_pos = Some(pos);
                } else {
                    p.vararg = Some(self.param_name(&mut seen, annotations)?);
                }
            } else {
                let name = self.param_name(&mut seen, annotations)?;
                let default = if self.eat_op("=") {
                    Some(self.test_ref()?)
                } else {
                    None
                };
                if star {
                    kwonly.push(Param { name, default, pos });
                    bare_star_pos = None;
                } else {
                    if default.is_none() && default_seen {
                        return Err(SyntaxError::new(
                            "non-default argument follows default argument",
                            pos,
                        ));
                    }
                    default_seen |= default.is_some();
                    args.push(Param { name, default, pos });
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if let Some(pos) = bare_star_pos {
            return Err(SyntaxError::new("named arguments must follow bare *", pos));
        }
        p.args = self.alloc_slice(args);
        p.kwonly = self.alloc_slice(kwonly);
        Ok(p)
    }

    fn param_name(
        &mut self,
        seen: &mut Vec<&'a str>,
        annotations: bool,
    ) -> Result<&'a str, SyntaxError> {
        let Token { pos, end, .. } = self.tok();
        let n = self.name()?;
        if seen.contains(&n) {
            let msg = format!("duplicate argument '{n}' in function definition");
            self.defer_symtable_error(SyntaxError::new(msg, pos).with_end(end));
        }
        seen.push(n);
        if annotations && self.eat_op(":") {
            self.test()?;
        }
        Ok(n)
    }

    fn classdef(&mut self, decorators: &'a [Expr<'a>]) -> S<'a> {
        let pos = self.advance().pos;
        let name = self.name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.eat_op("(") {
            for a in self.call_args(")")? {
                match a {
                    Arg::Keyword(..) | Arg::DoubleStar(_) => keywords.push(a.clone()),
                    _ => bases.push(a.clone()),
                }
            }
        }
        self.scopes.push(Scope::Class);
        self.loops.push(0);
        let body = self.block("class definition", pos.line);
        self.scopes.pop();
        self.loops.pop();
        let def = ClassDef {
            pos,
            name,
            bases: self.alloc_slice(bases),
            keywords: self.alloc_slice(keywords),
            body: body?,
            decorators,
        };
        Ok(Stmt {
            pos,
            kind: StmtKind::ClassDef(self.alloc(def)),
        })
    }

    fn small_stmt(&mut self) -> S<'a> {
        let t = self.tok();
        let pos = t.pos;
        let kind = match t.tok {
            Tok::Name("pass") => {
                self.advance();
                StmtKind::Pass
            }
            Tok::Name("break") | Tok::Name("continue") => {
                self.advance();
                if self.loops.last().copied().unwrap_or(0) == 0 {
                    let msg = if t.tok == Tok::Name("break") {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    self.defer_compiler_error(SyntaxError::new(msg, pos).with_end(t.end));
                }
                if t.tok == Tok::Name("break") {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                }
            }
            Tok::Name("return") => {
                self.advance();
                let v = if self.at_simple_end() {
                    None
                } else {
                    Some(self.testlist_ref()?)
                };
                if self.scopes.last() != Some(&Scope::Function) {
                    // Underlines the whole statement, value included, as CPython does.
                    let end = self.toks[self.i.saturating_sub(1)].end;
                    let e = SyntaxError::new("'return' outside function", pos).with_end(end);
                    self.defer_compiler_error(e);
                }
                StmtKind::Return(v)
            }
            Tok::Name("raise") => {
                self.advance();
                let (mut exc, mut cause) = (None, None);
                if !self.at_simple_end() {
                    exc = Some(self.test_ref()?);
                    if self.eat_kw("from") {
                        cause = Some(self.test_ref()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Tok::Name("assert") => {
                self.advance();
                let test = self.test_ref()?;
                let msg = if self.eat_op(",") {
                    Some(self.test_ref()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Tok::Name("del") => {
                self.advance();
                let e = self.testlist_star()?;
                self.check_target(&e, Ctx::Del)?;
                let items = match e.kind {
                    ExprKind::Tuple(items) => items,
                    _ => self.alloc_slice(vec![e]),
                };
                StmtKind::Delete(items)
            }
            Tok::Name("global") | Tok::Name("nonlocal") => {
                // A module-level `nonlocal` is refused by the scope pass (CPython reports
                // it after the whole file parses, in its symbol-table order).
                self.advance();
                let mut names = vec![self.name()?];
                while self.eat_op(",") {
                    names.push(self.name()?);
                }
                let end = self.toks[self.i.saturating_sub(1)].end;
                let decl = Declaration {
                    names: self.alloc_slice(names),
                    end,
                };
                if t.tok == Tok::Name("global") {
                    StmtKind::Global(decl)
                } else {
                    StmtKind::Nonlocal(decl)
                }
            }
            Tok::Name("import") => {
                self.advance();
                StmtKind::Import(self.aliases()?)
            }
            Tok::Name("from") => {
                self.advance();
                let module = self.dotted_name()?;
                if !self.eat_kw("import") {
                    return Err(self.invalid());
                }
                let paren = self.eat_op("(");
                let names = self.aliases()?;
                if paren {
                    self.expect_op(")")?;
                }
                StmtKind::ImportFrom { module, names }
            }
            _ => return self.expr_stmt(),
        };
        Ok(Stmt { pos, kind })
    }

    fn at_simple_end(&self) -> bool {
        matches!(self.tok().tok, Tok::Newline | Tok::Eof | Tok::Op(";"))
    }

    fn dotted_name(&mut self) -> Result<&'a str, SyntaxError> {
        let mut s = self.name()?.to_string();
        while self.eat_op(".") {
            s.push('.');
            s.push_str(self.name()?);
        }
        Ok(self.arena.alloc_str(&s))
    }

    fn aliases(&mut self) -> Result<&'a [Alias<'a>], SyntaxError> {
        let mut out = Vec::new();
        loop {
            let name = self.dotted_name()?;
            let asname = if self.eat_kw("as") {
                Some(self.name()?)
            } else {
                None
            };
            out.push(Alias { name, asname });
            if !self.eat_op(",") || self.at_op(")") {
                break;
            }
        }
        Ok(self.alloc_slice(out))
    }

    /// An expression statement, an assignment chain, an augmented or an annotated
    /// assignment.
    fn expr_stmt(&mut self) -> S<'a> {
        let pos = self.pos();
        let first = self.testlist_star()?;
        if let Tok::Op(o) = self.tok().tok {
            if let Some((_, op)) = AUG_OPS.iter().find(|(s, _)| *s == o) {
                self.check_aug_target(&first)?;
                self.advance();
                let value = self.testlist_ref()?;
                return Ok(Stmt {
                    pos,
                    kind: StmtKind::AugAssign {
                        target: self.alloc(first),
                        op: *op,
                        value,
                    },
                });
            }
            if o == ":" {
                return self.annotated(pos, first);
            }
        }
        if !self.at_op("=") {
            if let ExprKind::Starred(_) = first.kind {
                return Err(SyntaxError::new(
                    "can't use starred expression here",
                    first.pos,
                ));
            }
            return Ok(Stmt {
                pos,
                kind: StmtKind::Expr(self.alloc(first)),
            });
        }
        let mut exprs = vec![first];
        while self.eat_op("=") {
            exprs.push(self.testlist_star()?);
        }
        let value = exprs.pop().unwrap_or(Expr {
            pos,
            kind: ExprKind::None,
        });
        if let ExprKind::Starred(_) = value.kind {
            return Err(SyntaxError::new(
                "can't use starred expression here",
                value.pos,
            ));
        }
        for t in &exprs {
            if let ExprKind::Starred(_) = t.kind {
                return Err(SyntaxError::new(
                    "starred assignment target must be in a list or tuple",
                    t.pos,
                ));
            }
            self.check_target(t, Ctx::Assign)?;
        }
        Ok(Stmt {
            pos,
            kind: StmtKind::Assign {
                targets: self.alloc_slice(exprs),
                value: self.alloc(value),
            },
        })
    }

    /// `target: annotation [= value]` (the annotation is evaluated and dropped).
    fn annotated(&mut self, pos: Pos, target: Expr<'a>) -> S<'a> {
        self.advance();
        match target.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
            _ => {
                return Err(SyntaxError::new(
                    "only single target (not tuple) can be annotated",
                    target.pos,
                ));
            }
        }
        let ann = self.test()?;
        if !self.eat_op("=") {
            return Ok(Stmt {
                pos,
                kind: StmtKind::Expr(self.alloc(ann)),
            });
        }
        let value = self.testlist_ref()?;
        Ok(Stmt {
            pos,
            kind: StmtKind::Assign {
                targets: self.alloc_slice(vec![target]),
                value,
            },
        })
    }
}
