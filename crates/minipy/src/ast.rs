//! The abstract syntax tree of minipy's Python subset, allocated in a `bumpalo` arena.
//!
//! Owns the node shapes only: every statement and expression carries its source
//! position ([`Pos`]). Must not evaluate or resolve anything (scoping is
//! `eval::scope`'s job, evaluation the rest of `eval`).
//!
//! ```
//! let arena = bumpalo::Bump::new();
//! let m = minipy::parser::parse_module(&arena, "x = 1\n").unwrap();
//! assert!(matches!(m.body[0].kind, minipy::ast::StmtKind::Assign { .. }));
//! ```

/// A source position: 1-based line, 0-based column (in characters).
///
/// ```
/// use minipy::ast::{Pos, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "x = 1\nif x:\n    y = 2\n").unwrap();
/// assert_eq!(m.body[1].pos, Pos { line: 2, col: 0 });
/// let StmtKind::If { body, .. } = &m.body[1].kind else { panic!() };
/// assert_eq!(body[0].pos, Pos { line: 3, col: 4 });
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// The line, from 1.
    pub line: u32,
    /// The column, from 0.
    pub col: u32,
}

/// A parsed module: its statements.
///
/// ```
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "a = 1\nb = 2\n").unwrap();
/// assert_eq!(m.body.len(), 2);
/// let empty = minipy::parser::parse_module(&arena, "# nothing\n").unwrap();
/// assert!(empty.body.is_empty());
/// ```
#[derive(Clone, Debug)]
pub struct Module<'a> {
    /// The top-level statements.
    pub body: &'a [Stmt<'a>],
}

/// A statement with its position.
///
/// ```
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "x = 1\npass\n").unwrap();
/// let s = &m.body[1];
/// assert_eq!(s.pos.line, 2);
/// assert!(matches!(s.kind, minipy::ast::StmtKind::Pass));
/// ```
#[derive(Clone, Debug)]
pub struct Stmt<'a> {
    /// Where the statement starts.
    pub pos: Pos,
    /// What it is.
    pub kind: StmtKind<'a>,
}

/// The statements of the subset.
///
/// ```
/// use minipy::ast::StmtKind;
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "for i in x:\n    break\nelse:\n    pass\n").unwrap();
/// let StmtKind::For { body, orelse, .. } = &m.body[0].kind else { panic!() };
/// assert!(matches!(body[0].kind, StmtKind::Break));
/// assert!(matches!(orelse[0].kind, StmtKind::Pass));
/// ```
#[derive(Clone, Debug)]
pub enum StmtKind<'a> {
    /// An expression evaluated for its effect.
    Expr(&'a Expr<'a>),
    /// `t1 = t2 = value`.
    Assign {
        /// The targets, left to right.
        targets: &'a [Expr<'a>],
        /// The value.
        value: &'a Expr<'a>,
    },
    /// `target op= value`.
    AugAssign {
        /// A name, attribute or subscript.
        target: &'a Expr<'a>,
        /// The operator.
        op: BinOp,
        /// The value.
        value: &'a Expr<'a>,
    },
    /// `if test: body elif ...: ... else: orelse` (elif is a nested `If` in `orelse`).
    If {
        /// The condition.
        test: &'a Expr<'a>,
        /// The block run when true.
        body: &'a [Stmt<'a>],
        /// The block run when false.
        orelse: &'a [Stmt<'a>],
    },
    /// `while test: body else: orelse`.
    While {
        /// The condition.
        test: &'a Expr<'a>,
        /// The loop body.
        body: &'a [Stmt<'a>],
        /// Run when the loop ends without `break`.
        orelse: &'a [Stmt<'a>],
    },
    /// `for target in iter: body else: orelse`.
    For {
        /// The loop target.
        target: &'a Expr<'a>,
        /// The iterable.
        iter: &'a Expr<'a>,
        /// The loop body.
        body: &'a [Stmt<'a>],
        /// Run when the loop ends without `break`.
        orelse: &'a [Stmt<'a>],
    },
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `return [value]`.
    Return(Option<&'a Expr<'a>>),
    /// `def`.
    FunctionDef(&'a FunctionDef<'a>),
    /// `class`.
    ClassDef(&'a ClassDef<'a>),
    /// `try: ... except ...: ... else: ... finally: ...`.
    Try {
        /// The protected block.
        body: &'a [Stmt<'a>],
        /// The handlers, in order.
        handlers: &'a [Handler<'a>],
        /// Run when the body raised nothing.
        orelse: &'a [Stmt<'a>],
        /// Always run.
        finalbody: &'a [Stmt<'a>],
    },
    /// `raise [exc [from cause]]`.
    Raise {
        /// The exception (class or instance); `None` re-raises.
        exc: Option<&'a Expr<'a>>,
        /// The `from` clause.
        cause: Option<&'a Expr<'a>>,
    },
    /// `assert test[, msg]`.
    Assert {
        /// The condition.
        test: &'a Expr<'a>,
        /// The message.
        msg: Option<&'a Expr<'a>>,
    },
    /// `del t1, t2`.
    Delete(&'a [Expr<'a>]),
    /// `global a, b`.
    Global(Declaration<'a>),
    /// `nonlocal a, b`.
    Nonlocal(Declaration<'a>),
    /// `with m1 as t1, m2: body`.
    With {
        /// The context managers and their optional `as` targets.
        items: &'a [WithItem<'a>],
        /// The body.
        body: &'a [Stmt<'a>],
    },
    /// `import a, b as c`.
    Import(&'a [Alias<'a>]),
    /// `from module import a, b as c`.
    ImportFrom {
        /// The module name.
        module: &'a str,
        /// The imported names.
        names: &'a [Alias<'a>],
    },
}

/// One `manager [as target]` of a `with` statement.
///
/// ```
/// use minipy::ast::{ExprKind, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "with a as b, c:\n    pass\n").unwrap();
/// let StmtKind::With { items, .. } = &m.body[0].kind else { panic!() };
/// assert_eq!(items.len(), 2);
/// assert!(matches!(items[0].target.as_ref().unwrap().kind, ExprKind::Name("b")));
/// assert!(matches!(items[1].context.kind, ExprKind::Name("c")));
/// assert!(items[1].target.is_none());
/// ```
#[derive(Clone, Debug)]
pub struct WithItem<'a> {
    /// The context manager expression.
    pub context: Expr<'a>,
    /// The `as` target.
    pub target: Option<Expr<'a>>,
}

/// `name [as asname]` in an import.
///
/// ```
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "import a, b as c\n").unwrap();
/// let minipy::ast::StmtKind::Import(names) = &m.body[0].kind else { panic!() };
/// assert_eq!((names[0].name, names[0].asname), ("a", None));
/// assert_eq!((names[1].name, names[1].asname), ("b", Some("c")));
/// ```
#[derive(Clone, Debug)]
pub struct Alias<'a> {
    /// The imported name.
    pub name: &'a str,
    /// The local name, if renamed.
    pub asname: Option<&'a str>,
}

/// The names of a `global` or `nonlocal` statement and where the statement ends (its
/// last name), so that scope errors can underline the whole statement as CPython does.
///
/// ```
/// use minipy::ast::{Pos, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "def f():\n    global a,  b\n").unwrap();
/// let StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
/// let StmtKind::Global(d) = &f.body[0].kind else { panic!() };
/// assert_eq!(d.names, ["a", "b"]);
/// assert_eq!(d.end, Pos { line: 2, col: 16 });
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Declaration<'a> {
    /// The declared names, in order.
    pub names: &'a [&'a str],
    /// Just past the last name.
    pub end: Pos,
}

/// An `except` clause.
///
/// ```
/// use minipy::ast::{ExprKind, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept:\n    pass\n").unwrap();
/// let StmtKind::Try { handlers, .. } = &m.body[0].kind else { panic!() };
/// assert_eq!((handlers[0].pos.line, handlers[0].name), (3, Some("e")));
/// assert!(matches!(handlers[0].typ.unwrap().kind, ExprKind::Tuple(t) if t.len() == 2));
/// assert!(handlers[1].typ.is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Handler<'a> {
    /// Where the clause starts.
    pub pos: Pos,
    /// The matched class or tuple of classes; `None` matches everything.
    pub typ: Option<&'a Expr<'a>>,
    /// The `as` name.
    pub name: Option<&'a str>,
    /// The handler block.
    pub body: &'a [Stmt<'a>],
}

/// A `def` statement or a `lambda` (whose body is one `return`).
///
/// ```
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "@d\ndef f(a, b=2):\n    return a\n").unwrap();
/// let minipy::ast::StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
/// assert_eq!((f.name, f.pos.line, f.is_lambda), ("f", 2, false));
/// assert_eq!((f.decorators.len(), f.params.args.len(), f.body.len()), (1, 2, 1));
/// ```
#[derive(Clone, Debug)]
pub struct FunctionDef<'a> {
    /// Where the `def` (or `lambda`) starts (decorators excluded).
    pub pos: Pos,
    /// The name (`<lambda>` for lambdas).
    pub name: &'a str,
    /// The parameters.
    pub params: Params<'a>,
    /// The body.
    pub body: &'a [Stmt<'a>],
    /// The decorators, outermost first.
    pub decorators: &'a [Expr<'a>],
    /// Whether this is a lambda.
    pub is_lambda: bool,
}

/// A parameter with an optional default.
///
/// ```
/// use minipy::ast::{ExprKind, Pos, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "def f(a, b=2):\n    pass\n").unwrap();
/// let StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
/// let [a, b] = f.params.args else { panic!() };
/// assert!(a.default.is_none());
/// assert_eq!((b.name, b.pos), ("b", Pos { line: 1, col: 9 }));
/// assert!(matches!(b.default.unwrap().kind, ExprKind::Int(2)));
/// ```
#[derive(Clone, Debug)]
pub struct Param<'a> {
    /// The name.
    pub name: &'a str,
    /// The default value expression.
    pub default: Option<&'a Expr<'a>>,
    /// Where it is.
    pub pos: Pos,
}

/// A parameter list: `a, b=1, *args, c, d=2, **kwargs`.
///
/// ```
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "def f(a, /, b, *args, c, d=2, **kw):\n    pass\n").unwrap();
/// let minipy::ast::StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
/// let p = &f.params;
/// assert_eq!((p.args.len(), p.posonly, p.kwonly.len()), (2, 1, 2));
/// assert_eq!((p.vararg, p.kwarg), (Some("args"), Some("kw")));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Params<'a> {
    /// Positional-or-keyword parameters.
    pub args: &'a [Param<'a>],
    /// Positional-only parameters count (those before `/`), a prefix of `args`.
    pub posonly: usize,
    /// `*args`.
    pub vararg: Option<&'a str>,
    /// Keyword-only parameters.
    pub kwonly: &'a [Param<'a>],
    /// `**kwargs`.
    pub kwarg: Option<&'a str>,
}

/// A `class` statement.
///
/// ```
/// use minipy::ast::{Arg, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "class C(A, *more, metaclass=M, x=1):\n    pass\n").unwrap();
/// let StmtKind::ClassDef(c) = &m.body[0].kind else { panic!() };
/// assert_eq!((c.name, c.bases.len(), c.body.len()), ("C", 2, 1));
/// assert!(matches!(c.bases[1], Arg::Star(_)));
/// assert!(matches!(c.keywords[0], Arg::Keyword("metaclass", _)));
/// ```
#[derive(Clone, Debug)]
pub struct ClassDef<'a> {
    /// Where the `class` keyword is.
    pub pos: Pos,
    /// The name.
    pub name: &'a str,
    /// The base expressions (may contain `*args`).
    pub bases: &'a [Arg<'a>],
    /// Keywords (`metaclass=`, others go to `__init_subclass__`).
    pub keywords: &'a [Arg<'a>],
    /// The class body.
    pub body: &'a [Stmt<'a>],
    /// The decorators, outermost first.
    pub decorators: &'a [Expr<'a>],
}

/// An expression with its position.
///
/// ```
/// use minipy::ast::{ExprKind, Pos, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "y = a.b\n").unwrap();
/// let StmtKind::Assign { value, .. } = &m.body[0].kind else { panic!() };
/// assert_eq!(value.pos, Pos { line: 1, col: 4 });
/// assert!(matches!(value.kind, ExprKind::Attribute(_, "b")));
/// ```
#[derive(Clone, Debug)]
pub struct Expr<'a> {
    /// Where it starts.
    pub pos: Pos,
    /// What it is.
    pub kind: ExprKind<'a>,
}

/// One argument of a call (or of a class statement).
///
/// ```
/// use minipy::ast::{Arg, ExprKind, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "f(1, *xs, k=2, **kw)\n").unwrap();
/// let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
/// let ExprKind::Call(_, args) = &e.kind else { panic!() };
/// assert!(matches!(args, [Arg::Positional(_), Arg::Star(_), Arg::Keyword("k", _), Arg::DoubleStar(_)]));
/// ```
#[derive(Clone, Debug)]
pub enum Arg<'a> {
    /// `value`.
    Positional(Expr<'a>),
    /// `*value`.
    Star(Expr<'a>),
    /// `name=value`.
    Keyword(&'a str, Expr<'a>),
    /// `**value`.
    DoubleStar(Expr<'a>),
}

/// One `for ... in ... if ...` clause of a comprehension.
///
/// ```
/// use minipy::ast::{ExprKind, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "[x for x in xs if x if y]\n").unwrap();
/// let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
/// let ExprKind::ListComp(_, [clause]) = &e.kind else { panic!() };
/// assert!(matches!(clause.target.kind, ExprKind::Name("x")));
/// assert!(matches!(clause.iter.kind, ExprKind::Name("xs")));
/// assert_eq!(clause.ifs.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Comprehension<'a> {
    /// The loop target.
    pub target: Expr<'a>,
    /// The iterable.
    pub iter: Expr<'a>,
    /// The `if` filters.
    pub ifs: &'a [Expr<'a>],
}

/// A piece of an f-string.
///
/// ```
/// use minipy::ast::{ExprKind, FPart, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "f\"a{b!r:>5}\"\n").unwrap();
/// let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
/// let ExprKind::FString([FPart::Lit("a"), FPart::Expr { conversion, spec, .. }]) = &e.kind else { panic!() };
/// assert_eq!(*conversion, Some('r'));
/// assert!(matches!(spec, [FPart::Lit(">5")]));
/// ```
#[derive(Clone, Debug)]
pub enum FPart<'a> {
    /// Literal text.
    Lit(&'a str),
    /// `{expr!conv:spec}`.
    Expr {
        /// The expression.
        value: Expr<'a>,
        /// `'r'`, `'s'` or none.
        conversion: Option<char>,
        /// The format spec (itself an f-string).
        spec: &'a [FPart<'a>],
    },
}

/// The expressions of the subset.
///
/// ```
/// use minipy::ast::{ExprKind, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "a if b else [1, 2]\n").unwrap();
/// let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
/// let ExprKind::IfExp { test, body, orelse } = &e.kind else { panic!() };
/// assert!(matches!((&test.kind, &body.kind), (ExprKind::Name("b"), ExprKind::Name("a"))));
/// assert!(matches!(orelse.kind, ExprKind::List([_, _])));
/// ```
#[derive(Clone, Debug)]
pub enum ExprKind<'a> {
    /// A name.
    Name(&'a str),
    /// An integer literal that fits in 64 bits.
    Int(i64),
    /// An integer literal too large for pyrt's 64-bit `int` (raises `OverflowError`).
    BigInt(&'a str),
    /// A float literal (pyrt has no float type: evaluating it raises).
    Float(&'a str),
    /// A string literal (adjacent literals already joined).
    Str(&'a str),
    /// An f-string.
    FString(&'a [FPart<'a>]),
    /// `True` / `False`.
    Bool(bool),
    /// `None`.
    None,
    /// `...`.
    Ellipsis,
    /// `(a, b)`.
    Tuple(&'a [Expr<'a>]),
    /// `[a, b]`.
    List(&'a [Expr<'a>]),
    /// `{k: v}`; a `None` key is `**mapping`.
    Dict(&'a [(Option<Expr<'a>>, Expr<'a>)]),
    /// `{a, b}` (no set type yet: evaluation raises).
    Set(&'a [Expr<'a>]),
    /// `*value` inside a display or assignment target.
    Starred(&'a Expr<'a>),
    /// `value.attr`.
    Attribute(&'a Expr<'a>, &'a str),
    /// `value[index]`.
    Subscript(&'a Expr<'a>, &'a Expr<'a>),
    /// `lower:upper:step` inside a subscript.
    Slice(
        Option<&'a Expr<'a>>,
        Option<&'a Expr<'a>>,
        Option<&'a Expr<'a>>,
    ),
    /// `func(args)`.
    Call(&'a Expr<'a>, &'a [Arg<'a>]),
    /// `left op right`.
    BinOp(BinOp, &'a Expr<'a>, &'a Expr<'a>),
    /// `op operand`.
    UnaryOp(UnaryOp, &'a Expr<'a>),
    /// `a and b` / `a or b` (`true` for `and`).
    BoolOp(bool, &'a Expr<'a>, &'a Expr<'a>),
    /// `a < b < c`.
    Compare(&'a Expr<'a>, &'a [(CmpOp, Expr<'a>)]),
    /// `body if test else orelse`.
    IfExp {
        /// The condition.
        test: &'a Expr<'a>,
        /// The value when true.
        body: &'a Expr<'a>,
        /// The value when false.
        orelse: &'a Expr<'a>,
    },
    /// `lambda params: body`.
    Lambda(&'a FunctionDef<'a>),
    /// `[elt for ...]`.
    ListComp(&'a Expr<'a>, &'a [Comprehension<'a>]),
    /// `(elt for ...)` (evaluated eagerly into a list iterator).
    GeneratorExp(&'a Expr<'a>, &'a [Comprehension<'a>]),
    /// `{k: v for ...}`.
    DictComp(&'a Expr<'a>, &'a Expr<'a>, &'a [Comprehension<'a>]),
    /// `name := value`.
    NamedExpr(&'a str, &'a Expr<'a>),
}

/// Binary operators.
///
/// ```
/// use minipy::ast::{BinOp, ExprKind, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "x = 2 ** 3\nx //= 2\n").unwrap();
/// let StmtKind::Assign { value, .. } = &m.body[0].kind else { panic!() };
/// assert!(matches!(value.kind, ExprKind::BinOp(BinOp::Pow, _, _)));
/// assert!(matches!(m.body[1].kind, StmtKind::AugAssign { op: BinOp::FloorDiv, .. }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `//`
    FloorDiv,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `&`
    BitAnd,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `@`
    MatMul,
}

/// Reading operators back as text.
///
/// ```
/// use minipy::ast::BinOp;
/// let ops: Vec<&str> = [BinOp::Add, BinOp::Pow, BinOp::MatMul].iter().map(|op| op.symbol()).collect();
/// assert_eq!(ops, ["+", "**", "@"]);
/// ```
impl BinOp {
    /// The operator's symbol.
    ///
    /// ```
    /// assert_eq!(minipy::ast::BinOp::FloorDiv.symbol(), "//");
    /// ```
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::MatMul => "@",
        }
    }
}

/// Unary operators.
///
/// ```
/// use minipy::ast::{ExprKind, StmtKind, UnaryOp};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "not -x\n").unwrap();
/// let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
/// let ExprKind::UnaryOp(UnaryOp::Not, inner) = &e.kind else { panic!() };
/// assert!(matches!(inner.kind, ExprKind::UnaryOp(UnaryOp::Neg, _)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-`
    Neg,
    /// `+`
    Pos,
    /// `~`
    Invert,
    /// `not`
    Not,
}

/// Comparison operators.
///
/// ```
/// use minipy::ast::{CmpOp, ExprKind, StmtKind};
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "a is not b not in c\n").unwrap();
/// let StmtKind::Expr(e) = &m.body[0].kind else { panic!() };
/// let ExprKind::Compare(_, [(first, _), (second, _)]) = &e.kind else { panic!() };
/// assert_eq!((*first, *second), (CmpOp::IsNot, CmpOp::NotIn));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}
