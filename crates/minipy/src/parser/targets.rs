//! Assignment, deletion and augmented-assignment targets: which expressions may be
//! assigned to, with CPython 3.11's messages for the ones that may not.
//!
//! Owns target validation only.

use super::Parser;
use crate::ast::{Expr, ExprKind};
use crate::syntax_error::SyntaxError;

/// Where a target appears (the messages differ).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ctx {
    /// `target = value` (CPython adds "Maybe you meant '=='...").
    Assign,
    /// `for target in ...` and other binding positions.
    For,
    /// `del target`.
    Del,
}

/// How CPython names an expression that cannot be a target.
fn describe(e: &Expr<'_>) -> &'static str {
    match &e.kind {
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Str(_)
        | ExprKind::Ellipsis => "literal",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::None => "None",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Call(..) => "function call",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Compare(..) => "comparison",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp(..) => "list comprehension",
        ExprKind::DictComp(..) => "dict comprehension",
        ExprKind::GeneratorExp(..) => "generator expression",
        ExprKind::NamedExpr(..) => "named expression",
        _ => "expression",
    }
}

impl<'t, 'a> Parser<'t, 'a> {
    /// Checks that `e` can be assigned (or deleted) in context `ctx`.
    pub(crate) fn check_target(&self, e: &Expr<'a>, ctx: Ctx) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let stars = items
                    .iter()
                    .filter(|i| matches!(i.kind, ExprKind::Starred(_)))
                    .count();
                if stars > 1 && ctx != Ctx::Del {
                    return Err(SyntaxError::new(
                        "multiple starred expressions in assignment",
                        e.pos,
                    ));
                }
                let inner = if ctx == Ctx::Assign { Ctx::For } else { ctx };
                items.iter().try_for_each(|i| self.check_target(i, inner))
            }
            ExprKind::Starred(inner) if ctx != Ctx::Del => self.check_target(inner, ctx),
            ExprKind::Starred(_) => Err(SyntaxError::new("cannot delete starred", e.pos)),
            _ => {
                let what = describe(e);
                let msg = match ctx {
                    Ctx::Del => format!("cannot delete {what}"),
                    Ctx::For => format!("cannot assign to {what}"),
                    Ctx::Assign if matches!(what, "True" | "False" | "None" | "lambda") => {
                        format!("cannot assign to {what}")
                    }
                    Ctx::Assign => {
                        format!(
                            "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
                        )
                    }
                };
                Err(SyntaxError::new(msg, e.pos))
            }
        }
    }

    /// Checks the target of an augmented assignment (a name, attribute or subscript).
    pub(crate) fn check_aug_target(&self, e: &Expr<'a>) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
            ExprKind::Tuple(_) => Err(SyntaxError::new(
                "'tuple' is an illegal expression for augmented assignment",
                e.pos,
            )),
            ExprKind::List(_) => Err(SyntaxError::new(
                "'list' is an illegal expression for augmented assignment",
                e.pos,
            )),
            _ => Err(SyntaxError::new(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    describe(e)
                ),
                e.pos,
            )),
        }
    }
}
