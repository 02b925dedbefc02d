//! The `global` / `nonlocal` declaration errors, found in CPython 3.11's order.
//!
//! CPython finds them in two passes over the scopes, and minipy does the same so that a
//! file with several errors reports the one python3 reports (observed behaviour, recorded
//! by `tests/fixtures/record_scope_errors.py`):
//!
//! 1. While the scopes are walked in source order, each declaration is checked against
//!    what the scope has seen of the name so far: a parameter (`name 'x' is parameter
//!    and global`), a use (`name 'x' is used prior to global declaration`), then a
//!    binding other than an import (`name 'x' is assigned to before global
//!    declaration`). The first such error in the file wins.
//! 2. Then the scopes are visited parent first, children in source order; in each scope
//!    the names in the order they first appeared there: a name both `nonlocal` and
//!    `global`, a `nonlocal` at module level, a `nonlocal` no enclosing function binds.
//!
//! Every error underlines the declaration (its first one for the name, in pass 2).
//!
//! Owns the per-scope symbol flags and both checks. Must not decide how names resolve
//! (that is the rest of `scope`).

use super::{Analysis, CodeKind};
use crate::ast::{Declaration, Pos};
use crate::syntax_error::SyntaxError;
use std::collections::HashMap;

/// The name is a parameter of the scope.
pub(super) const PARAM: u8 = 1;
/// The name was read in the scope.
pub(super) const USED: u8 = 2;
/// The name was bound in the scope other than by an import.
pub(super) const ASSIGNED: u8 = 4;
/// The name was bound by an import (it does not make a later declaration an error).
pub(super) const IMPORTED: u8 = 8;
/// The name was declared `global`.
const GLOBAL: u8 = 16;
/// The name was declared `nonlocal`.
const NONLOCAL: u8 = 32;

/// One declaration of one name: the statement's start and end.
#[derive(Clone, Copy, Debug)]
struct Directive {
    name: &'static str,
    pos: Pos,
    end: Pos,
}

/// What one scope has seen of its names, in the order they first appeared.
#[derive(Debug, Default)]
pub(super) struct Symbols {
    order: Vec<&'static str>,
    flags: HashMap<&'static str, u8>,
    directives: Vec<Directive>,
}

impl Symbols {
    /// Records `flag` on `name`, noting the name's first appearance.
    pub(super) fn mark(&mut self, name: &'static str, flag: u8) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.order.push(name);
                self.flags.insert(name, flag);
            }
        }
    }

    fn flags(&self, name: &str) -> u8 {
        self.flags.get(name).copied().unwrap_or(0)
    }

    /// The error for the first declaration of `name` in this scope.
    fn error_at(&self, name: &str, msg: String) -> SyntaxError {
        let d = self.directives.iter().find(|d| d.name == name);
        let (pos, end) = d.map_or((Pos::default(), Pos::default()), |d| (d.pos, d.end));
        SyntaxError::new(msg, pos).with_end(end)
    }

    /// Pass 1 at a declaration starting at `pos`: checks each name against what was
    /// seen before (the first offending name's error is returned), then records it.
    pub(super) fn declare(
        &mut self,
        pos: Pos,
        decl: &Declaration<'static>,
        global: bool,
    ) -> Option<SyntaxError> {
        let what = if global { "global" } else { "nonlocal" };
        let mut error = None;
        for &name in decl.names {
            let f = self.flags(name);
            let msg = if f & PARAM != 0 {
                Some(format!("name '{name}' is parameter and {what}"))
            } else if f & USED != 0 {
                Some(format!("name '{name}' is used prior to {what} declaration"))
            } else if f & ASSIGNED != 0 {
                Some(format!(
                    "name '{name}' is assigned to before {what} declaration"
                ))
            } else {
                None
            };
            if let Some(msg) = msg
                && error.is_none()
            {
                error = Some(SyntaxError::new(msg, pos).with_end(decl.end));
            }
            self.mark(name, if global { GLOBAL } else { NONLOCAL });
            self.directives.push(Directive {
                name,
                pos,
                end: decl.end,
            });
        }
        error
    }

    /// Whether `name` was declared `nonlocal` (by a statement, not a comprehension's
    /// assignment expression).
    pub(super) fn is_declared_nonlocal(&self, name: &str) -> bool {
        self.flags(name) & NONLOCAL != 0
    }
}

impl Analysis {
    /// Pass 2 over every scope, parent first (scope ids are in that order): the first
    /// error found.
    pub(super) fn check_declarations(&self) -> Result<(), SyntaxError> {
        for id in 0..self.scopes.len() {
            let sym = &self.scopes[id].symbols;
            for &name in &sym.order {
                let f = sym.flags(name);
                if f & NONLOCAL == 0 {
                    continue;
                }
                if f & GLOBAL != 0 {
                    return Err(sym.error_at(name, format!("name '{name}' is nonlocal and global")));
                }
                if self.scopes[id].kind == CodeKind::Module {
                    return Err(sym.error_at(
                        name,
                        "nonlocal declaration not allowed at module level".to_string(),
                    ));
                }
                if !self.nonlocal_binding_exists(id, name) {
                    return Err(
                        sym.error_at(name, format!("no binding for nonlocal '{name}' found"))
                    );
                }
            }
        }
        Ok(())
    }

    /// Whether an enclosing function binds `name` for a `nonlocal` in scope `id` (class
    /// bodies are skipped, but give their methods the implicit `__class__`).
    fn nonlocal_binding_exists(&self, id: usize, name: &str) -> bool {
        if name == "__class__" {
            let mut p = self.parents[id];
            while let Some(pid) = p {
                match self.scopes[pid].kind {
                    CodeKind::Class => return true,
                    CodeKind::Module => break,
                    _ => p = self.parents[pid],
                }
            }
        }
        self.enclosing_binds(id, name)
    }
}
