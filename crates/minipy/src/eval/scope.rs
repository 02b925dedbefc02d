//! Scope analysis: for every function, lambda, comprehension, class body and module,
//! how each name is reached — a fast local slot, a cell (captured by or from an inner
//! function), the global dict, or the class/module namespace with fallbacks. The
//! implicit `__class__` cell of methods using `super` or `__class__` is created here.
//!
//! Owns the [`Code`] records (one per scope, leaked: they live as long as the AST they
//! describe) and the registry that finds a scope's `Code` from its AST node. Must not
//! evaluate anything.

use crate::ast::{
    Arg, ClassDef, Comprehension, Declaration, Expr, ExprKind, FPart, FunctionDef, Stmt, StmtKind,
};
use crate::parser::LaterErrors;
use crate::syntax_error::SyntaxError;
use declarations::{ASSIGNED, IMPORTED, PARAM, Symbols, USED};
use std::collections::HashMap;

mod declarations;

/// What kind of scope a [`Code`] is.
///
/// ```
/// use minipy::ast::StmtKind;
/// use minipy::eval::scope::{CodeKind, code_for};
/// let (m, code) = minipy::eval::compile("class C:\n    xs = [y for y in 'ab']\n").unwrap();
/// assert_eq!(code.kind, CodeKind::Module);
/// let StmtKind::ClassDef(c) = &m.body[0].kind else { panic!() };
/// assert_eq!(code_for(*c).unwrap().kind, CodeKind::Class);
/// let StmtKind::Assign { value, .. } = &c.body[0].kind else { panic!() };
/// assert_eq!(code_for(*value).unwrap().kind, CodeKind::Comprehension);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// The module body.
    Module,
    /// A `def` or `lambda`.
    Function,
    /// A class body.
    Class,
    /// A comprehension (a hidden function in CPython).
    Comprehension,
}

/// How a name is reached in one scope.
///
/// ```
/// use minipy::ast::StmtKind;
/// use minipy::eval::scope::{NameRef, code_for};
/// let src = "def f(a):\n    global g\n    b = a\n    return lambda: b + g\n";
/// let (m, module) = minipy::eval::compile(src).unwrap();
/// let StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
/// let f = code_for(*f).unwrap();
/// assert_eq!((f.resolve("a"), f.resolve("b")), (NameRef::Fast(0), NameRef::Cell(0)));
/// assert_eq!((f.resolve("g"), module.resolve("f")), (NameRef::Global, NameRef::Name));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRef {
    /// Fast local slot `i`.
    Fast(usize),
    /// Cell `i` of the frame (cell variables first, then free variables).
    Cell(usize),
    /// The global dict, then builtins.
    Global,
    /// The frame's namespace dict (module or class body), then globals, then builtins.
    Name,
}

/// The result of analysing one scope.
///
/// ```
/// use minipy::ast::StmtKind;
/// let src = "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n";
/// let (m, _) = minipy::eval::compile(src).unwrap();
/// let StmtKind::FunctionDef(outer) = &m.body[0].kind else { panic!() };
/// let StmtKind::FunctionDef(inner) = &outer.body[1].kind else { panic!() };
/// let (outer, inner) = (minipy::eval::scope::code_for(*outer).unwrap(), minipy::eval::scope::code_for(*inner).unwrap());
/// assert_eq!((outer.cellvars.as_slice(), outer.locals.as_slice()), (["x"].as_slice(), ["inner"].as_slice()));
/// assert_eq!(inner.qualname, "outer.<locals>.inner");
/// assert_eq!(inner.freevars, ["x"]);
/// ```
#[derive(Debug)]
pub struct Code {
    /// The scope kind.
    pub kind: CodeKind,
    /// The function or class name (`<module>`, `<lambda>`, `<listcomp>` ...).
    pub name: String,
    /// The dotted qualified name.
    pub qualname: String,
    /// Fast local names, by slot.
    pub locals: Vec<&'static str>,
    /// Names of the cells this scope creates.
    pub cellvars: Vec<&'static str>,
    /// Names of the cells this scope receives from its enclosing scope.
    pub freevars: Vec<&'static str>,
    /// Every name used in the scope and how to reach it.
    pub names: HashMap<&'static str, NameRef>,
    /// For a class body: whether it creates the implicit `__class__` cell.
    pub class_cell: bool,
}

/// Looking names up in an analysed scope.
///
/// ```
/// use minipy::eval::scope::NameRef;
/// let (_, module) = minipy::eval::compile("x = 1\n").unwrap();
/// assert_eq!(module.resolve("x"), NameRef::Name);
/// ```
impl Code {
    /// How `name` is reached (names not seen by the analysis are globals, or namespace
    /// names in module and class bodies).
    ///
    /// ```
    /// use minipy::ast::StmtKind;
    /// use minipy::eval::scope::{NameRef, code_for};
    /// let (m, module) = minipy::eval::compile("def f(a):\n    return a\n").unwrap();
    /// let StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
    /// let f = code_for(*f).unwrap();
    /// assert_eq!(f.resolve("a"), NameRef::Fast(0));
    /// assert_eq!(f.resolve("unseen"), NameRef::Global);
    /// assert_eq!(module.resolve("unseen"), NameRef::Name);
    /// ```
    pub fn resolve(&self, name: &str) -> NameRef {
        match self.names.get(name) {
            Some(r) => *r,
            None if matches!(self.kind, CodeKind::Module | CodeKind::Class) => NameRef::Name,
            None => NameRef::Global,
        }
    }
}

/// The codes of every analysed scope, by AST node address (process-wide: ASTs are
/// leaked, so addresses are never reused).
static REGISTRY: std::sync::Mutex<Option<HashMap<usize, &'static Code>>> =
    std::sync::Mutex::new(None);

fn with_registry<R>(f: impl FnOnce(&mut HashMap<usize, &'static Code>) -> R) -> R {
    let mut g = REGISTRY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f(g.get_or_insert_with(HashMap::new))
}

/// The `Code` of the scope whose AST node is at `node` (a `FunctionDef`, `ClassDef`,
/// comprehension `Expr` or `Module` body).
///
/// ```
/// use minipy::ast::StmtKind;
/// let (m, _) = minipy::eval::compile("def f():\n    pass\n").unwrap();
/// let StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
/// assert_eq!(minipy::eval::scope::code_for(*f).unwrap().name, "f");
/// // A tree that was only parsed, not analysed, has no codes.
/// let arena = bumpalo::Bump::new();
/// let m = minipy::parser::parse_module(&arena, "def f():\n    pass\n").unwrap();
/// let StmtKind::FunctionDef(f) = &m.body[0].kind else { panic!() };
/// assert!(minipy::eval::scope::code_for(*f).is_none());
/// ```
pub fn code_for<T>(node: &T) -> Option<&'static Code> {
    let key = node as *const T as usize;
    with_registry(|r| r.get(&key).copied())
}

/// One scope under construction.
struct Builder {
    kind: CodeKind,
    name: String,
    qualname: String,
    params: Vec<&'static str>,
    bound: Vec<&'static str>,
    used: Vec<&'static str>,
    globals: Vec<&'static str>,
    nonlocals: Vec<&'static str>,
    children: Vec<usize>,
    key: usize,
    uses_super: bool,
    /// What the scope saw of each name, for the declaration checks.
    symbols: Symbols,
}

/// The analysis of a module: a tree of builders, resolved when complete.
struct Analysis {
    scopes: Vec<Builder>,
    parents: Vec<Option<usize>>,
    /// The first declaration error of the source-order walk (CPython's first pass).
    first_error: Option<SyntaxError>,
}

/// Analyses a module body and registers a [`Code`] for it and every nested scope.
/// Returns the module's code.
///
/// ```
/// use minipy::eval::scope::{CodeKind, analyse_module};
/// // The codes live as long as the tree they describe: the arena is never freed.
/// let arena = minipy::eval::static_arena();
/// let m = minipy::parser::parse_module(arena, "x = 1\n").unwrap();
/// let code = analyse_module(m.body).unwrap();
/// assert_eq!((code.kind, code.name.as_str()), (CodeKind::Module, "<module>"));
/// let m = minipy::parser::parse_module(arena, "def f():\n    def g():\n        nonlocal x\n").unwrap();
/// let e = analyse_module(m.body).unwrap_err();
/// assert_eq!(e.last_line(), "SyntaxError: no binding for nonlocal 'x' found");
/// ```
pub fn analyse_module(body: &'static [Stmt<'static>]) -> Result<&'static Code, SyntaxError> {
    analyse_parsed(body, LaterErrors::default())
}

/// [`analyse_module`] for a body parsed by `parser::parse_module_deferring`: the
/// errors the parser kept aside are reported in CPython's order. A duplicate parameter
/// competes by position with the first walk's declaration errors; the walk's first
/// error (or that one) beats the second pass, which beats `'return' outside function`
/// and the other code-generator errors.
///
/// ```
/// let arena = minipy::eval::static_arena();
/// let src = "return 1\nnonlocal x\n";
/// let (m, later) = minipy::parser::parse_module_deferring(arena, src).unwrap();
/// let e = minipy::eval::scope::analyse_parsed(m.body, later).unwrap_err();
/// assert_eq!((e.msg.as_str(), e.pos.line), ("nonlocal declaration not allowed at module level", 2));
/// ```
pub fn analyse_parsed(
    body: &'static [Stmt<'static>],
    later: LaterErrors,
) -> Result<&'static Code, SyntaxError> {
    let mut a = Analysis {
        scopes: Vec::new(),
        parents: Vec::new(),
        first_error: None,
    };
    let root = a.new_scope(None, CodeKind::Module, "<module>", body.as_ptr() as usize);
    a.block(root, body);
    let first = match (a.first_error.take(), later.symtable) {
        (Some(walk), Some(dup)) if (dup.pos.line, dup.pos.col) < (walk.pos.line, walk.pos.col) => {
            Some(dup)
        }
        (walk, dup) => walk.or(dup),
    };
    if let Some(e) = first {
        return Err(e);
    }
    a.check_declarations()?;
    if let Some(e) = later.compiler {
        return Err(e);
    }
    a.resolve_all(root)
}

impl Analysis {
    fn new_scope(
        &mut self,
        parent: Option<usize>,
        kind: CodeKind,
        name: &str,
        key: usize,
    ) -> usize {
        let qualname = match parent.map(|p| &self.scopes[p]) {
            Some(p) if p.kind == CodeKind::Function || p.kind == CodeKind::Comprehension => {
                format!("{}.<locals>.{name}", p.qualname)
            }
            Some(p) if p.kind == CodeKind::Class => format!("{}.{name}", p.qualname),
            _ => name.to_string(),
        };
        self.scopes.push(Builder {
            kind,
            name: name.to_string(),
            qualname,
            params: Vec::new(),
            bound: Vec::new(),
            used: Vec::new(),
            globals: Vec::new(),
            nonlocals: Vec::new(),
            children: Vec::new(),
            key,
            uses_super: false,
            symbols: Symbols::default(),
        });
        self.parents.push(parent);
        let id = self.scopes.len() - 1;
        if let Some(p) = parent {
            self.scopes[p].children.push(id);
        }
        id
    }

    fn bind(&mut self, s: usize, name: &'static str) {
        self.bind_as(s, name, ASSIGNED);
    }

    /// Binds `name` in scope `s`, noting `flag` (how it was bound) for the checks.
    fn bind_as(&mut self, s: usize, name: &'static str, flag: u8) {
        self.scopes[s].symbols.mark(name, flag);
        if !self.scopes[s].bound.contains(&name) {
            self.scopes[s].bound.push(name);
        }
    }

    fn use_name(&mut self, s: usize, name: &'static str) {
        self.scopes[s].symbols.mark(name, USED);
        self.note_read(s, name);
    }

    /// Records that scope `s` reads `name`, for resolution only (the target of an
    /// augmented assignment: CPython counts it as assigned, not used, in its checks).
    fn note_read(&mut self, s: usize, name: &'static str) {
        if !self.scopes[s].used.contains(&name) {
            self.scopes[s].used.push(name);
        }
        if name == "super" || name == "__class__" {
            self.scopes[s].uses_super = true;
        }
        if name == "super" && self.scopes[s].kind == CodeKind::Function {
            // A function naming `super` reads the implicit `__class__` cell.
            self.scopes[s].symbols.mark("__class__", USED);
        }
    }

    fn block(&mut self, s: usize, body: &'static [Stmt<'static>]) {
        for st in body {
            self.stmt(s, st);
        }
    }

    fn stmt(&mut self, s: usize, st: &'static Stmt<'static>) {
        match &st.kind {
            StmtKind::Expr(e) => self.expr(s, e),
            StmtKind::Assign { targets, value } => {
                self.expr(s, value);
                targets.iter().for_each(|t| self.target(s, t));
            }
            StmtKind::AugAssign { target, value, .. } => {
                match &target.kind {
                    ExprKind::Name(n) => self.note_read(s, n),
                    _ => self.expr(s, target),
                }
                self.expr(s, value);
                self.target(s, target);
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(s, test);
                self.block(s, body);
                self.block(s, orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(s, iter);
                self.target(s, target);
                self.block(s, body);
                self.block(s, orelse);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Return(v) => v.iter().for_each(|e| self.expr(s, e)),
            StmtKind::FunctionDef(def) => {
                def.decorators.iter().for_each(|d| self.expr(s, d));
                self.function(s, def);
                self.bind(s, def.name);
            }
            StmtKind::ClassDef(def) => self.class(s, def),
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.block(s, body);
                for h in handlers.iter() {
                    h.typ.iter().for_each(|t| self.expr(s, t));
                    if let Some(n) = h.name {
                        self.bind(s, n);
                    }
                    self.block(s, h.body);
                }
                self.block(s, orelse);
                self.block(s, finalbody);
            }
            StmtKind::With { items, body } => {
                for it in items.iter() {
                    self.expr(s, &it.context);
                    if let Some(t) = &it.target {
                        self.target(s, t);
                    }
                }
                self.block(s, body);
            }
            StmtKind::Raise { exc, cause } => {
                exc.iter().chain(cause.iter()).for_each(|e| self.expr(s, e));
            }
            StmtKind::Assert { test, msg } => {
                self.expr(s, test);
                msg.iter().for_each(|e| self.expr(s, e));
            }
            StmtKind::Delete(targets) => targets.iter().for_each(|t| self.target(s, t)),
            StmtKind::Global(decl) => {
                self.declare(s, st, decl, true);
                self.scopes[s].globals.extend(decl.names.iter().copied());
            }
            StmtKind::Nonlocal(decl) => {
                self.declare(s, st, decl, false);
                self.scopes[s].nonlocals.extend(decl.names.iter().copied());
            }
            StmtKind::Import(aliases) => {
                for a in aliases.iter() {
                    let local = a
                        .asname
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or(a.name));
                    self.bind_as(s, local, IMPORTED);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names.iter() {
                    self.bind_as(s, a.asname.unwrap_or(a.name), IMPORTED);
                }
            }
        }
    }

    /// Pass 1 of the declaration checks at a `global` (or `nonlocal`) statement; the
    /// first error of the walk is kept.
    fn declare(&mut self, s: usize, st: &Stmt<'static>, decl: &Declaration<'static>, global: bool) {
        let err = self.scopes[s].symbols.declare(st.pos, decl, global);
        if self.first_error.is_none() {
            self.first_error = err;
        }
    }

    fn function(&mut self, s: usize, def: &'static FunctionDef<'static>) {
        let p = &def.params;
        for prm in p.args.iter().chain(p.kwonly.iter()) {
            if let Some(d) = prm.default {
                self.expr(s, d);
            }
        }
        let f = self.new_scope(
            Some(s),
            CodeKind::Function,
            def.name,
            def as *const _ as usize,
        );
        let mut params: Vec<&'static str> = p.args.iter().map(|a| a.name).collect();
        params.extend(p.vararg);
        params.extend(p.kwonly.iter().map(|a| a.name));
        params.extend(p.kwarg);
        for n in &params {
            self.bind_as(f, n, PARAM);
        }
        self.scopes[f].params = params;
        self.block(f, def.body);
    }

    fn class(&mut self, s: usize, def: &'static ClassDef<'static>) {
        def.decorators.iter().for_each(|d| self.expr(s, d));
        for a in def.bases.iter().chain(def.keywords.iter()) {
            self.arg(s, a);
        }
        let c = self.new_scope(Some(s), CodeKind::Class, def.name, def as *const _ as usize);
        self.block(c, def.body);
        self.bind(s, def.name);
    }

    fn comprehension(
        &mut self,
        s: usize,
        e: &'static Expr<'static>,
        name: &str,
        comps: &'static [Comprehension<'static>],
        elts: &[&'static Expr<'static>],
    ) {
        if let Some(first) = comps.first() {
            self.expr(s, &first.iter);
        }
        let c = self.new_scope(
            Some(s),
            CodeKind::Comprehension,
            name,
            e as *const _ as usize,
        );
        self.bind(c, ".0");
        self.scopes[c].params = vec![".0"];
        for (i, comp) in comps.iter().enumerate() {
            if i > 0 {
                self.expr(c, &comp.iter);
            }
            self.target(c, &comp.target);
            comp.ifs.iter().for_each(|x| self.expr(c, x));
        }
        for e in elts {
            self.expr(c, e);
        }
    }

    fn arg(&mut self, s: usize, a: &'static Arg<'static>) {
        match a {
            Arg::Positional(e) | Arg::Star(e) | Arg::Keyword(_, e) | Arg::DoubleStar(e) => {
                self.expr(s, e)
            }
        }
    }

    fn target(&mut self, s: usize, t: &'static Expr<'static>) {
        match &t.kind {
            ExprKind::Name(n) => self.bind(s, n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().for_each(|i| self.target(s, i))
            }
            ExprKind::Starred(inner) => self.target(s, inner),
            ExprKind::Attribute(v, _) => self.expr(s, v),
            ExprKind::Subscript(v, i) => {
                self.expr(s, v);
                self.expr(s, i);
            }
            _ => self.expr(s, t),
        }
    }

    fn expr(&mut self, s: usize, e: &'static Expr<'static>) {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(s, n),
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => {}
            ExprKind::FString(parts) => self.fparts(s, parts),
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                items.iter().for_each(|i| self.expr(s, i))
            }
            ExprKind::Dict(pairs) => {
                for (k, v) in pairs.iter() {
                    k.iter().for_each(|k| self.expr(s, k));
                    self.expr(s, v);
                }
            }
            ExprKind::Starred(v) | ExprKind::Attribute(v, _) | ExprKind::UnaryOp(_, v) => {
                self.expr(s, v)
            }
            ExprKind::Subscript(a, b) | ExprKind::BinOp(_, a, b) | ExprKind::BoolOp(_, a, b) => {
                self.expr(s, a);
                self.expr(s, b);
            }
            ExprKind::Slice(a, b, c) => [a, b, c]
                .into_iter()
                .flatten()
                .for_each(|x| self.expr(s, x)),
            ExprKind::Call(f, args) => {
                self.expr(s, f);
                args.iter().for_each(|a| self.arg(s, a));
            }
            ExprKind::Compare(first, rest) => {
                self.expr(s, first);
                rest.iter().for_each(|(_, x)| self.expr(s, x));
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(s, test);
                self.expr(s, body);
                self.expr(s, orelse);
            }
            ExprKind::Lambda(def) => self.function(s, def),
            ExprKind::ListComp(elt, comps) => self.comprehension(s, e, "<listcomp>", comps, &[elt]),
            ExprKind::GeneratorExp(elt, comps) => {
                self.comprehension(s, e, "<genexpr>", comps, &[elt])
            }
            ExprKind::DictComp(k, v, comps) => {
                self.comprehension(s, e, "<dictcomp>", comps, &[k, v])
            }
            ExprKind::NamedExpr(n, v) => {
                self.expr(s, v);
                let mut t = s;
                while self.scopes[t].kind == CodeKind::Comprehension {
                    match self.parents[t] {
                        Some(p) => t = p,
                        None => break,
                    }
                }
                self.bind(t, n);
                if t != s {
                    self.scopes[s].nonlocals.push(n);
                    self.use_name(s, n);
                }
            }
        }
    }

    fn fparts(&mut self, s: usize, parts: &'static [FPart<'static>]) {
        for p in parts {
            if let FPart::Expr { value, spec, .. } = p {
                self.expr(s, value);
                self.fparts(s, spec);
            }
        }
    }

    /// Resolves every scope (children after parents) and registers the codes.
    fn resolve_all(mut self, root: usize) -> Result<&'static Code, SyntaxError> {
        let n = self.scopes.len();
        // Free variables needed by each scope, propagated upward: a scope that needs a
        // name free passes the need to its parent unless the parent binds it.
        let mut free: Vec<Vec<&'static str>> = vec![Vec::new(); n];
        let mut cells: Vec<Vec<&'static str>> = vec![Vec::new(); n];
        // Post-order: children have larger ids than their parents.
        for id in (0..n).rev() {
            let b = &self.scopes[id];
            let is_fn = matches!(b.kind, CodeKind::Function | CodeKind::Comprehension);
            let mut needs: Vec<&'static str> = Vec::new();
            if is_fn {
                for u in b.used.iter().chain(b.nonlocals.iter()) {
                    let local =
                        b.bound.contains(u) && !b.globals.contains(u) && !b.nonlocals.contains(u);
                    if !local
                        && !b.globals.contains(u)
                        && self.enclosing_binds(id, u)
                        && !needs.contains(u)
                    {
                        needs.push(u);
                    }
                }
            }
            if is_fn && b.uses_super && self.in_class(id) && !needs.contains(&"__class__") {
                needs.push("__class__");
            }
            // Children's needs: satisfied here (become cells) or passed up.
            let children = b.children.clone();
            for c in children {
                for name in free[c].clone() {
                    let b = &self.scopes[id];
                    let binds_here = match b.kind {
                        CodeKind::Class => name == "__class__",
                        CodeKind::Module => false,
                        _ => {
                            b.bound.contains(&name)
                                && !b.globals.contains(&name)
                                && !b.nonlocals.contains(&name)
                        }
                    };
                    if binds_here {
                        if !cells[id].contains(&name) {
                            cells[id].push(name);
                        }
                    } else if b.kind != CodeKind::Module && !needs.contains(&name) {
                        needs.push(name);
                    }
                }
            }
            if b.kind == CodeKind::Class {
                // A class body's `nonlocal` names are cells of an enclosing function.
                for name in &b.nonlocals {
                    if b.symbols.is_declared_nonlocal(name) && !needs.contains(name) {
                        needs.push(name);
                    }
                }
            }
            free[id] = needs;
        }
        let mut root_code = None;
        for id in 0..n {
            let b = &self.scopes[id];
            let mut names = HashMap::new();
            let mut locals = Vec::new();
            let cellvars = cells[id].clone();
            let freevars: Vec<&'static str> = free[id]
                .iter()
                .filter(|f| !cellvars.contains(f))
                .copied()
                .collect();
            for (i, c) in cellvars.iter().chain(freevars.iter()).enumerate() {
                names.insert(*c, NameRef::Cell(i));
            }
            let is_fn = matches!(b.kind, CodeKind::Function | CodeKind::Comprehension);
            for p in &b.params {
                if !names.contains_key(p) {
                    names.insert(*p, NameRef::Fast(locals.len()));
                }
                locals.push(*p);
            }
            for name in b.bound.iter().chain(b.used.iter()) {
                if names.contains_key(name) {
                    continue;
                }
                let r = if b.globals.contains(name) {
                    NameRef::Global
                } else if !is_fn {
                    NameRef::Name
                } else if b.bound.contains(name) {
                    locals.push(*name);
                    NameRef::Fast(locals.len() - 1)
                } else {
                    NameRef::Global
                };
                names.insert(*name, r);
            }
            if b.kind == CodeKind::Class {
                // Class bodies keep `__class__` for their methods only.
                if let Some(NameRef::Cell(_)) = names.get("__class__")
                    && !b.used.contains(&"__class__")
                    && !b.bound.contains(&"__class__")
                {
                    names.remove("__class__");
                }
            }
            let code: &'static Code = Box::leak(Box::new(Code {
                kind: b.kind,
                name: b.name.clone(),
                qualname: b.qualname.clone(),
                locals,
                class_cell: b.kind == CodeKind::Class && cellvars.contains(&"__class__"),
                cellvars,
                freevars,
                names,
            }));
            with_registry(|r| r.insert(b.key, code));
            if id == root {
                root_code = Some(code);
            }
        }
        std::mem::take(&mut self.scopes);
        root_code.ok_or_else(|| {
            SyntaxError::new(
                "internal error: no module scope",
                crate::ast::Pos::default(),
            )
        })
    }

    /// Whether an enclosing function scope (class scopes are skipped) binds `name`.
    fn enclosing_binds(&self, id: usize, name: &str) -> bool {
        let mut p = self.parents[id];
        while let Some(pid) = p {
            let b = &self.scopes[pid];
            match b.kind {
                CodeKind::Module => return false,
                CodeKind::Class => {}
                _ => {
                    if b.globals.contains(&name) {
                        return false;
                    }
                    if b.bound.contains(&name) || b.nonlocals.contains(&name) {
                        return true;
                    }
                }
            }
            p = self.parents[pid];
        }
        false
    }

    /// Whether some enclosing scope is a class body.
    fn in_class(&self, id: usize) -> bool {
        let mut p = self.parents[id];
        while let Some(pid) = p {
            if self.scopes[pid].kind == CodeKind::Class {
                return true;
            }
            p = self.parents[pid];
        }
        false
    }
}

#[cfg(test)]
mod tests;
