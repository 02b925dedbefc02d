//! The evaluator: a tree walker over the AST. Every object operation goes through
//! pyrt — attribute access by `tp_getattro`/`tp_setattro`, calls by `tp_call`,
//! operators by the number/sequence/mapping slots, comparison by `tp_richcompare`,
//! truth by `nb_bool`/length, iteration by `tp_iter`/`tp_iternext` — and classes are
//! created by calling the metaclass (pyrt's class-creation path).
//!
//! One concern per module: [`scope`] (name resolution), `frames` (frames, the frame
//! stack, recursion limit), `statements`, `expressions`, `assign` (targets),
//! `calls` (argument binding, the `function` call), `classes` (the `class`
//! statement), `exceptions` (raise, except matching, tracebacks), `operators`
//! (binary/unary/compare/contains dispatch), `subscript` (indexing and slicing).
//!
//! Owns the interpreter's per-thread state ([`state`]). Must not implement object
//! behaviour that belongs to pyrt's types.

pub(crate) mod assign;
pub(crate) mod calls;
pub(crate) mod classes;
pub(crate) mod exceptions;
pub(crate) mod expressions;
pub(crate) mod frames;
pub(crate) mod operators;
pub mod scope;
pub(crate) mod statements;
pub(crate) mod subscript;

use crate::ast::Module;
use crate::syntax_error::SyntaxError;
use pyrt_core::builtins::{DictObject, str_new};
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

/// The recursion limit (Python frames), as CPython's default.
pub const RECURSION_LIMIT: u32 = 1000;

/// The interpreter's per-thread state.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let st = minipy::eval::state(py);
///     assert!(std::ptr::eq(st, minipy::eval::state(py)));
///     let len = pyrt_core::builtins::intern(py, "len").unwrap();
///     assert!(st.builtins.bind(py).get_item(py, len.as_any()).unwrap().is_some());
///     assert!(st.frames.borrow().is_empty());
/// });
/// ```
pub struct State {
    /// The builtins namespace.
    pub builtins: Py<DictObject>,
    /// The script's file name (for tracebacks).
    pub filename: RefCell<String>,
    /// The current call depth.
    pub depth: Cell<u32>,
    /// The Python frame stack (name and current line), innermost last.
    pub frames: RefCell<Vec<frames::FrameInfo>>,
    /// Exceptions being handled (`except` blocks running), innermost last.
    pub handling: RefCell<Vec<Py<PyAny>>>,
    /// Imported modules by name.
    pub modules: RefCell<HashMap<String, Py<PyAny>>>,
}

thread_local! {
    static STATE: RefCell<Option<&'static State>> = const { RefCell::new(None) };
}

/// The interpreter state of this thread, created on first use.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| assert_eq!(minipy::eval::state(py).depth.get(), 0));
/// ```
pub fn state(py: Python<'_>) -> &'static State {
    if let Some(s) = STATE.with(|s| *s.borrow()) {
        return s;
    }
    let builtins = match crate::builtins::make_builtins(py) {
        Ok(b) => b.unbind(),
        Err(e) => panic!("minipy: creating the builtins failed: {e:?}"),
    };
    let s: &'static State = Box::leak(Box::new(State {
        builtins,
        filename: RefCell::new("<stdin>".into()),
        depth: Cell::new(0),
        frames: RefCell::new(Vec::new()),
        handling: RefCell::new(Vec::new()),
        modules: RefCell::new(HashMap::new()),
    }));
    STATE.with(|st| *st.borrow_mut() = Some(s));
    s
}

/// Why running source failed.
///
/// ```
/// use minipy::eval::{RunError, new_globals, run_source};
/// pyrt_typeobject::Runtime::with(|py| {
///     let g = new_globals(py).unwrap();
///     let Err(RunError::Syntax(e)) = run_source(py, "x = = 1\n", &g, false) else { panic!() };
///     assert_eq!(e.msg, "invalid syntax");
///     let Err(RunError::Exception(e)) = run_source(py, "[].pop()\n", &g, false) else { panic!() };
///     assert_eq!(e.message(py), "pop from empty list");
///     drop(e);
///     g.clear(py);
/// });
/// ```
#[derive(Debug)]
pub enum RunError {
    /// It did not parse.
    Syntax(SyntaxError),
    /// It raised an exception that was not caught.
    Exception(PyErr),
}

/// Parses `src` into an AST that lives for the rest of the process (the arena is
/// leaked: functions created from it may be called at any later time), then analyses
/// its scopes.
///
/// ```
/// let (module, code) = minipy::eval::compile("def f(x):\n    return x\n").unwrap();
/// assert_eq!(module.body.len(), 1);
/// assert_eq!(code.name, "<module>");
/// ```
pub fn compile(src: &str) -> Result<(&'static Module<'static>, &'static scope::Code), SyntaxError> {
    let (module, later) = crate::parser::parse_module_deferring(static_arena(), src)?;
    let code = scope::analyse_parsed(module.body, later)?;
    Ok((module, code))
}

/// A new arena that lives for the rest of the process, for a syntax tree whose code may
/// run at any later time ([`compile`] parses into one; so can embedders and tests that
/// call `scope::analyse_module` themselves). Never freed: the leak checkers' suppression
/// files name this function.
///
/// ```
/// let arena = minipy::eval::static_arena();
/// let m = minipy::parser::parse_module(arena, "x = 1\n").unwrap();
/// assert_eq!(m.body.len(), 1);
/// ```
#[inline(never)]
pub fn static_arena() -> &'static bumpalo::Bump {
    Box::leak(Box::new(bumpalo::Bump::new()))
}

/// A fresh `__main__` globals dict.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let g = minipy::eval::new_globals(py).unwrap();
///     assert_eq!(g.len(), 2);
///     g.clear(py);
/// });
/// ```
pub fn new_globals(py: Python<'_>) -> PyResult<Bound<'_, DictObject>> {
    let g = pyrt_core::builtins::dict_new(py)?;
    let key = pyrt_core::builtins::intern(py, "__name__")?;
    g.set_item(py, key.as_any(), str_new(py, "__main__")?.as_any())?;
    let key = pyrt_core::builtins::intern(py, "__builtins__")?;
    g.set_item(py, key.as_any(), state(py).builtins.bind(py).as_any())?;
    Ok(g)
}

/// Runs `src` as module code in `globals`. The last expression statement's value is
/// returned when `want_value` is set (the REPL prints it).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let g = minipy::eval::new_globals(py).unwrap();
///     let v = minipy::eval::run_source(py, "x = 20\nx + 22\n", &g, true).unwrap().unwrap();
///     assert_eq!(minipy::builtins_repr(py, &v), "42");
///     g.clear(py);
/// });
/// ```
pub fn run_source<'py>(
    py: Python<'py>,
    src: &str,
    globals: &Bound<'py, DictObject>,
    want_value: bool,
) -> Result<Option<Bound<'py, PyAny>>, RunError> {
    let (module, code) = compile(src).map_err(RunError::Syntax)?;
    frames::run_module(py, module, code, globals, want_value).map_err(RunError::Exception)
}
