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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// The line, from 1.
    pub line: u32,
    /// The column, from 0.
    pub col: u32,
}

/// A parsed module: its statements.
#[derive(Clone, Debug)]
pub struct Module<'a> {
    /// The top-level statements.
    pub body: &'a [Stmt<'a>],
}

/// A statement with its position.
#[derive(Clone, Debug)]
pub struct Stmt<'a> {
    /// Where the statement starts.
    pub pos: Pos,
    /// What it is.
    pub kind: StmtKind<'a>,
}

/// The statements of the subset.
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
#[derive(Clone, Debug)]
pub struct WithItem<'a> {
    /// The context manager expression.
    pub context: Expr<'a>,
    /// The `as` target.
    pub target: Option<Expr<'a>>,
}

/// `name [as asname]` in an import.
#[derive(Clone, Debug)]
pub struct Alias<'a> {
    /// The imported name.
    pub name: &'a str,
    /// The local name, if renamed.
    pub asname: Option<&'a str>,
}

/// The names of a `global` or `nonlocal` statement and where the statement ends (its
/// last name), so that scope errors can underline the whole statement as CPython does.
#[derive(Clone, Copy, Debug)]
pub struct Declaration<'a> {
    /// The declared names, in order.
    pub names: &'a [&'a str],
    /// Just past the last name.
    pub end: Pos,
}

/// An `except` clause.
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
#[derive(Clone, Debug)]
pub struct Expr<'a> {
    /// Where it starts.
    pub pos: Pos,
    /// What it is.
    pub kind: ExprKind<'a>,
}

/// One argument of a call (or of a class statement).
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
