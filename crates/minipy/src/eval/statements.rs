//! Statement execution: blocks, assignments, control flow (`if`, `while`, `for`,
//! `break`, `continue`, `return`), `try`/`except`/`else`/`finally`, `raise`,
//! `assert`, `del`, `def`, `class`, imports.
//!
//! Owns control flow. Must not evaluate expressions itself (`expressions`), bind
//! targets (`assign`) or create classes (`classes`).

use super::exceptions;
use super::expressions::{eval, eval_truth};
use super::frames::{Frame, set_line};
use super::{assign, calls, classes, operators};
use crate::ast::{Handler, Stmt, StmtKind};
use pyrt_core::protocol::none;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// How a block finished.
pub enum Flow<'py> {
    /// Fell off the end.
    Normal,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return value`.
    Return(Bound<'py, PyAny>),
}

/// Runs a module body; with `want_value`, returns the value of a final expression
/// statement (for the REPL).
pub fn exec_module_body<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    body: &'static [Stmt<'static>],
    want_value: bool,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let mut last = None;
    for (i, st) in body.iter().enumerate() {
        if want_value
            && i + 1 == body.len()
            && let StmtKind::Expr(e) = &st.kind
        {
            set_line(py, st.pos.line);
            last = Some(eval(py, frame, e)?);
            break;
        }
        exec(py, frame, st)?;
    }
    Ok(last)
}

/// Runs a block.
pub fn exec_block<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    body: &'static [Stmt<'static>],
) -> PyResult<Flow<'py>> {
    for st in body {
        match exec(py, frame, st)? {
            Flow::Normal => {}
            other => return Ok(other),
        }
    }
    Ok(Flow::Normal)
}

/// Runs one statement.
pub fn exec<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    st: &'static Stmt<'static>,
) -> PyResult<Flow<'py>> {
    set_line(py, st.pos.line);
    // A statement boundary is a safe point: no object is half-updated, every value the
    // evaluator holds is owned by a frame. Automatic collections run here.
    pyrt_core::gc::safe_point(py);
    match &st.kind {
        StmtKind::Expr(e) => {
            eval(py, frame, e)?;
        }
        StmtKind::Assign { targets, value } => {
            let v = eval(py, frame, value)?;
            for t in targets.iter() {
                assign::store(py, frame, t, v.clone())?;
            }
        }
        StmtKind::AugAssign { target, op, value } => {
            assign::aug_assign(py, frame, target, *op, value)?
        }
        StmtKind::If { test, body, orelse } => {
            return if eval_truth(py, frame, test)? {
                exec_block(py, frame, body)
            } else {
                exec_block(py, frame, orelse)
            };
        }
        StmtKind::While { test, body, orelse } => {
            while eval_truth(py, frame, test)? {
                match exec_block(py, frame, body)? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
            }
            return exec_block(py, frame, orelse);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            let it = operators::get_iter(py, &eval(py, frame, iter)?)?;
            while let Some(item) = operators::next(py, &it)? {
                assign::store(py, frame, target, item)?;
                match exec_block(py, frame, body)? {
                    Flow::Break => return Ok(Flow::Normal),
                    Flow::Return(v) => return Ok(Flow::Return(v)),
                    Flow::Normal | Flow::Continue => {}
                }
            }
            return exec_block(py, frame, orelse);
        }
        StmtKind::Break => return Ok(Flow::Break),
        StmtKind::Continue => return Ok(Flow::Continue),
        StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        StmtKind::Return(v) => {
            let v = match v {
                Some(e) => eval(py, frame, e)?,
                None => none(py),
            };
            return Ok(Flow::Return(v));
        }
        StmtKind::FunctionDef(def) => {
            let f = calls::make_function(py, frame, def)?;
            let f = calls::apply_decorators(py, frame, def.decorators, f)?;
            frame.store(py, def.name, f)?;
        }
        StmtKind::ClassDef(def) => {
            let c = classes::class_statement(py, frame, def)?;
            frame.store(py, def.name, c)?;
        }
        StmtKind::With { items, body } => return exec_with(py, frame, items, body),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            return exec_try(py, frame, body, handlers, orelse, finalbody);
        }
        StmtKind::Raise { exc, cause } => return Err(exceptions::raise(py, frame, *exc, *cause)?),
        StmtKind::Assert { test, msg } => {
            if !eval_truth(py, frame, test)? {
                let tp = py.builtins().assertion_error();
                return Err(match msg {
                    Some(m) => {
                        let m = eval(py, frame, m)?;
                        let args = pyrt_core::builtins::tuple_new(py, &[m])?;
                        PyErr::with_args(py, tp, args)
                    }
                    None => PyErr::with_args(py, tp, pyrt_core::builtins::tuple_new(py, &[])?),
                });
            }
        }
        StmtKind::Delete(targets) => {
            for t in targets.iter() {
                assign::delete(py, frame, t)?;
            }
        }
        StmtKind::Import(aliases) => {
            for a in aliases.iter() {
                let m = crate::modules::import(py, a.name)?;
                let local = a.asname.unwrap_or(a.name);
                frame.store(py, local, m)?;
            }
        }
        StmtKind::ImportFrom { module, names } => {
            let m = crate::modules::import(py, module)?;
            for a in names.iter() {
                let key = pyrt_core::builtins::intern(py, a.name)?.into_any();
                let v = pyrt_typeobject::attr::getattr(py, &m, &key).map_err(|e| {
                    if e.is_instance_of(py, py.builtins().attribute_error()) {
                        PyErr::new(
                            py,
                            &crate::builtins::exception_type(py, "ImportError").unwrap_or_else(
                                || Bound::from_ref(py, py.builtins().attribute_error()),
                            ),
                            &format!(
                                "cannot import name '{}' from '{module}' (unknown location)",
                                a.name
                            ),
                        )
                    } else {
                        e
                    }
                })?;
                frame.store(py, a.asname.unwrap_or(a.name), v)?;
            }
        }
    }
    Ok(Flow::Normal)
}

/// `try` with handlers, `else` and `finally`.
fn exec_try<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    body: &'static [Stmt<'static>],
    handlers: &'static [Handler<'static>],
    orelse: &'static [Stmt<'static>],
    finalbody: &'static [Stmt<'static>],
) -> PyResult<Flow<'py>> {
    let outcome = match exec_block(py, frame, body) {
        Ok(Flow::Normal) => exec_block(py, frame, orelse),
        Ok(flow) => Ok(flow),
        Err(e) if !handlers.is_empty() => exceptions::handle(py, frame, e, handlers),
        Err(e) => Err(e),
    };
    if finalbody.is_empty() {
        return outcome;
    }
    // The finally block runs with the pending exception (if any) as the one being
    // handled, so that exceptions raised inside it chain to it.
    let pending = outcome.as_ref().err().map(|e| e.value(py).clone().unbind());
    let pushed = pending.is_some();
    if let Some(p) = pending {
        super::state(py).handling.borrow_mut().push(p);
    }
    let fin = exec_block(py, frame, finalbody);
    if pushed {
        let popped = super::state(py).handling.borrow_mut().pop();
        drop(popped);
    }
    match fin? {
        Flow::Normal => outcome,
        other => Ok(other),
    }
}

/// `with` over `items` (the first item's manager wraps the rest): `__enter__` and
/// `__exit__` looked up on the manager's type, `__exit__(type, value, traceback)` on an
/// exception (a true result swallows it), `__exit__(None, None, None)` otherwise.
fn exec_with<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    items: &'static [crate::ast::WithItem<'static>],
    body: &'static [Stmt<'static>],
) -> PyResult<Flow<'py>> {
    let Some((first, rest)) = items.split_first() else {
        return exec_block(py, frame, body);
    };
    let mgr = eval(py, frame, &first.context)?;
    let tp = mgr.get_type();
    let lookup = |name: &str| pyrt_typeobject::attr::lookup_str(py, &tp, name);
    let Some(enter) = lookup("__enter__") else {
        return Err(PyErr::type_error(
            py,
            format!(
                "'{}' object does not support the context manager protocol",
                mgr.type_name()
            ),
        ));
    };
    let Some(exit) = lookup("__exit__") else {
        return Err(PyErr::type_error(
            py,
            format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                mgr.type_name()
            ),
        ));
    };
    let value = calls::call_object(py, &enter, vec![mgr.clone()], None)?;
    let outcome = match &first.target {
        Some(t) => assign::store(py, frame, t, value),
        None => Ok(()),
    }
    .and_then(|()| exec_with(py, frame, rest, body));
    match outcome {
        Ok(flow) => {
            let none = none(py);
            calls::call_object(py, &exit, vec![mgr, none.clone(), none.clone(), none], None)?;
            Ok(flow)
        }
        Err(e) => {
            let v = e.value(py).clone();
            let tb = match v.downcast::<pyrt_core::builtins::BaseExceptionObject>() {
                Ok(p) => p.traceback.get(py).unwrap_or_else(|| none(py)),
                Err(_) => none(py),
            };
            super::state(py)
                .handling
                .borrow_mut()
                .push(v.clone().unbind());
            let r = calls::call_object(py, &exit, vec![mgr, v.get_type().into_any(), v, tb], None);
            let popped = super::state(py).handling.borrow_mut().pop();
            drop(popped);
            if pyrt_core::protocol::is_true(py, &r?)? {
                Ok(Flow::Normal)
            } else {
                Err(e)
            }
        }
    }
}
