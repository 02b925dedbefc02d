//! Exceptions in the evaluator: `raise` (classes are instantiated, `from` sets the
//! cause, the exception being handled becomes the context), `except` matching, the
//! stack of exceptions being handled (for bare `raise`), and traceback entries, kept
//! in the exception's `__traceback__` field as a list of `(name, line)` tuples,
//! innermost first.
//!
//! Owns raise/catch semantics and their messages. Must not print (see `traceback`).

use super::expressions::eval;
use super::frames::{Frame, current_location};
use super::state;
use super::statements::{Flow, exec_block};
use crate::ast::{Expr, Handler};
use pyrt_core::builtins::{
    BaseExceptionObject, ListObject, TupleObject, int_new, list_new, str_new, tuple_new,
};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Whether `obj` is an exception class.
fn is_exception_class(obj: &Bound<'_, PyAny>) -> bool {
    obj.downcast::<TypeObject>()
        .is_ok_and(|t| t.has_flag(TypeFlags::BASE_EXC_SUBCLASS))
}

/// An exception instance from `raise X` (an instance, or a class to call).
pub fn make_exception<'py>(py: Python<'py>, v: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if is_exception_class(&v) {
        let e = pyrt_typeobject::call(py, &v, &tuple_new(py, &[])?, None)?;
        if e.downcast::<BaseExceptionObject>().is_err() {
            return Err(PyErr::type_error(
                py,
                format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    crate::builtins::repr_string(py, &v)?,
                    e.type_name()
                ),
            ));
        }
        return Ok(e);
    }
    if v.downcast::<BaseExceptionObject>().is_ok() {
        return Ok(v);
    }
    Err(PyErr::type_error(
        py,
        "exceptions must derive from BaseException",
    ))
}

/// Evaluates a `raise` statement into the error to propagate.
pub fn raise<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    exc: Option<&'static Expr<'static>>,
    cause: Option<&'static Expr<'static>>,
) -> PyResult<PyErr> {
    let Some(exc) = exc else {
        let cur = state(py).handling.borrow().last().map(|e| e.clone_ref(py));
        return match cur {
            Some(e) => Ok(PyErr::from_value(e.into_bound(py))),
            None => Ok(PyErr::runtime_error(py, "No active exception to reraise")),
        };
    };
    let v = eval(py, frame, exc)?;
    let e = make_exception(py, v)?;
    let payload = e
        .downcast::<BaseExceptionObject>()
        .map_err(|_| PyErr::system_error(py, "not an exception"))?;
    if let Some(c) = cause {
        let c = eval(py, frame, c)?;
        let c = if std::ptr::eq(c.as_any_ref(), py.singletons().none()) {
            None
        } else if is_exception_class(&c) || c.downcast::<BaseExceptionObject>().is_ok() {
            Some(make_exception(py, c)?)
        } else {
            return Err(PyErr::type_error(
                py,
                "exception causes must derive from BaseException",
            ));
        };
        payload.cause.set(py, c);
        payload.suppress_context.set(true);
    }
    Ok(PyErr::from_value(e))
}

/// Sets the context of a newly raised exception to the one being handled.
pub fn set_context(py: Python<'_>, e: &PyErr) {
    let cur = state(py).handling.borrow().last().map(|x| x.clone_ref(py));
    let Some(cur) = cur else { return };
    let cur = cur.into_bound(py);
    let v = e.value(py);
    if cur.is(v) {
        return;
    }
    if let Ok(p) = v.downcast::<BaseExceptionObject>()
        && p.context.is_none()
    {
        p.context.set(py, Some(cur));
    }
}

/// Whether the exception `e` matches the `except` clause value `typ`.
pub fn matches<'py>(py: Python<'py>, e: &PyErr, typ: &Bound<'py, PyAny>) -> PyResult<bool> {
    if let Ok(t) = typ.downcast::<TupleObject>() {
        for item in t.items(py) {
            if matches(py, e, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !is_exception_class(typ) {
        return Err(PyErr::type_error(
            py,
            "catching classes that do not inherit from BaseException is not allowed",
        ));
    }
    // SAFETY-free: checked to be a type above.
    let t = typ
        .downcast::<TypeObject>()
        .map_err(|_| PyErr::system_error(py, "not a type"))?;
    Ok(e.is_instance_of(py, t))
}

/// Runs the first matching handler of a `try`; re-raises if none matches.
pub fn handle<'py>(
    py: Python<'py>,
    frame: &mut Frame<'py>,
    e: PyErr,
    handlers: &'static [Handler<'static>],
) -> PyResult<Flow<'py>> {
    for h in handlers {
        let hit = match h.typ {
            None => true,
            Some(t) => {
                let tv = eval(py, frame, t)?;
                matches(py, &e, &tv)?
            }
        };
        if !hit {
            continue;
        }
        let value = e.value(py).clone();
        state(py).handling.borrow_mut().push(value.clone().unbind());
        if let Some(name) = h.name {
            frame.store(py, name, value)?;
        }
        let r = exec_block(py, frame, h.body);
        if let Err(e2) = &r {
            set_context(py, e2);
        }
        let popped = state(py).handling.borrow_mut().pop();
        drop(popped);
        if let Some(name) = h.name {
            let _ = frame.delete(py, name);
        }
        drop(e);
        return r;
    }
    Err(e)
}

/// Records the innermost frame's location in `e`'s traceback (called as the error
/// leaves a frame).
pub fn add_traceback_entry(py: Python<'_>, e: &PyErr) {
    let Some((name, line)) = current_location(py) else {
        return;
    };
    let Ok(p) = e.value(py).downcast::<BaseExceptionObject>() else {
        return;
    };
    let list = match p
        .traceback
        .get(py)
        .and_then(|t| t.downcast_into::<ListObject>().ok())
    {
        Some(l) => l,
        None => match list_new(py, &[]) {
            Ok(l) => {
                p.traceback.set(py, Some(l.clone().into_any()));
                l
            }
            Err(_) => return,
        },
    };
    let (Ok(n), Ok(l)) = (str_new(py, name), int_new(py, line as i64)) else {
        return;
    };
    if let Ok(t) = tuple_new(py, &[n.into_any(), l.into_any()]) {
        list.append(t.as_any());
    }
}
