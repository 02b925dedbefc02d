//! minipy: a toy Python interpreter embedding pyrt — the proof that the runtime embeds.
//!
//! The front end turns source text into tokens ([`lexer`]) and an AST allocated in a
//! `bumpalo` arena ([`parser`], [`ast`]); errors are [`syntax_error::SyntaxError`]s
//! with CPython's messages and positions. The evaluator ([`eval`]) walks the AST and
//! does every object operation through pyrt's slots; `objects` are the
//! interpreter's own pyrt types (functions, cells, iterators, ...), `builtins` the
//! builtins namespace, `modules` `gc` and `weakref`. [`cli`], [`repl`] and
//! [`traceback`] are the `pyrt` binary's parts.
//!
//! ```
//! let arena = bumpalo::Bump::new();
//! let m = minipy::parser::parse_module(&arena, "print('hi')\n").unwrap();
//! assert_eq!(m.body.len(), 1);
//! ```

pub mod ast;
pub(crate) mod builtins;
pub mod cli;
pub mod eval;
pub mod io;
pub mod lexer;
pub(crate) mod modules;
pub(crate) mod objects;
pub mod parser;
pub mod repl;
pub mod syntax_error;
pub mod traceback;

/// `repr(obj)` as a Rust string (for embedders and examples).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let t = pyrt_core::builtins::tuple_new(py, &[]).unwrap();
///     assert_eq!(minipy::builtins_repr(py, t.as_any()), "()");
/// });
/// ```
pub fn builtins_repr(
    py: pyrt_core::Python<'_>,
    obj: &pyrt_core::Bound<'_, pyrt_core::PyAny>,
) -> String {
    builtins::repr_string(py, obj).unwrap_or_else(|e| format!("<repr failed: {e:?}>"))
}
