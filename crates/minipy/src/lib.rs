//! minipy: a toy Python interpreter embedding pyrt — the proof that the runtime embeds.
//!
//! The front end turns source text into tokens ([`lexer`]) and an AST allocated in a
//! `bumpalo` arena ([`parser`], [`ast`]); errors are [`syntax_error::SyntaxError`]s
//! with CPython's messages and positions.
//!
//! ```
//! let arena = bumpalo::Bump::new();
//! let m = minipy::parser::parse_module(&arena, "print('hi')\n").unwrap();
//! assert_eq!(m.body.len(), 1);
//! ```

pub mod ast;
pub mod lexer;
pub mod parser;
pub mod syntax_error;
