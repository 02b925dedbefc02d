//! What calling a slot wrapper does: `int.__add__(a, b)` checks the arguments as
//! CPython's wrapper functions do (`expected 1 argument, got 0`, `wrapper __add__()
//! takes no keyword arguments`) and calls the wrapped slot function with them, one
//! shape per [`Wrapper`] kind, including the Carlo Verre check of `__setattr__` /
//! `__delattr__` ("can't apply this __setattr__ to type object").
//!
//! Owns the argument conventions of wrappers. Must not look dunders up (a wrapper
//! calls its C-level function directly).

use super::dispatch::type_slots::slot_tp_setattro;
use super::method::is_none;
use super::table::{SlotDefRow, Wrapper};
use crate::names;
use crate::ops;
use pyrt_core::builtins::{DictObject, TupleObject, int_new};
use pyrt_core::protocol::{bool_obj, none};
use pyrt_core::types::{ObjObjArgProc, SlotValue};
use pyrt_core::{Bound, PyErr, PyResult, Python};

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `check_num_args`: exactly `n` positional arguments.
fn exactly(py: Python<'_>, args: &[Bound<'_>], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(PyErr::type_error(
        py,
        format!("expected {n} argument{}, got {}", plural(n), args.len()),
    ))
}

/// `PyArg_UnpackTuple` with an empty name: between `min` and `max` arguments (note the
/// leading space of CPython's text).
fn unpack(py: Python<'_>, args: &[Bound<'_>], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    let msg = if min == max && n != min {
        format!(" expected {min} argument{}, got {n}", plural(min))
    } else if n < min {
        format!(" expected at least {min} argument{}, got {n}", plural(min))
    } else if n > max {
        format!(" expected at most {max} argument{}, got {n}", plural(max))
    } else {
        return Ok(());
    };
    Err(PyErr::type_error(py, msg))
}

/// The sequence index of a wrapper argument; negative indices count from the end when
/// the type has a length.
fn sequence_index(py: Python<'_>, obj: &Bound<'_>, arg: &Bound<'_>) -> PyResult<isize> {
    let i = ops::index_as_isize(py, arg)?;
    if i >= 0 {
        return Ok(i);
    }
    match obj.ob_type().sequence().and_then(|s| s.sq_length.get()) {
        Some(len) => Ok(i + len(py, obj)?),
        None => Ok(i),
    }
}

/// The Carlo Verre check: `object.__setattr__(x, ...)` may not bypass the `__setattr__`
/// of a native base of `type(x)` (for a type object, `type.__setattr__`).
fn check_setattr_applies(
    py: Python<'_>,
    obj: &Bound<'_>,
    func: ObjObjArgProc,
    what: &str,
) -> PyResult<()> {
    let tp = obj.ob_type();
    let dispatcher = slot_tp_setattro as ObjObjArgProc as usize;
    let mut defining = Some(tp);
    while let Some(t) =
        defining.filter(|t| t.tp_setattro.get().map(|f| f as usize) == Some(dispatcher))
    {
        defining = t.base();
    }
    match defining {
        Some(t) if t.tp_setattro.get().map(|f| f as usize) != Some(func as usize) => {
            Err(PyErr::type_error(
                py,
                format!("can't apply this {what} to {} object", names::tp_name(tp)),
            ))
        }
        _ => Ok(()),
    }
}

fn mismatch(py: Python<'_>) -> PyErr {
    PyErr::system_error(py, "slot wrapper holds a function of the wrong kind")
}

/// Calls the slot function `func` of `row` for `self_` with the wrapper's arguments.
pub(crate) fn call_wrapper<'py>(
    py: Python<'py>,
    row: &SlotDefRow,
    func: SlotValue<'static>,
    self_: &Bound<'py>,
    args: &[Bound<'py>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    let Some(kind) = row.wrapper else {
        return Err(mismatch(py));
    };
    if !matches!(kind, Wrapper::Call | Wrapper::Init) && kwargs.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(
            py,
            format!("wrapper {}() takes no keyword arguments", row.name.as_str()),
        ));
    }
    match kind {
        Wrapper::Call | Wrapper::Init => call_with_tuple(py, kind, func, self_, args, kwargs),
        Wrapper::Ternary | Wrapper::TernaryReflected | Wrapper::DescrGet => {
            unpack(py, args, 1, 2)?;
            call_two_optional(py, kind, func, self_, args)
        }
        Wrapper::IndexArg => {
            unpack(py, args, 1, 1)?;
            call_index_arg(py, func, self_, &args[0])
        }
        Wrapper::SetItem | Wrapper::SqSetItem | Wrapper::SetAttr | Wrapper::DescrSet => {
            unpack(py, args, 2, 2)?;
            call_setter(py, kind, func, self_, &args[0], Some(&args[1]))
        }
        Wrapper::DelItem | Wrapper::SqDelItem | Wrapper::DelAttr | Wrapper::DescrDelete => {
            exactly(py, args, 1)?;
            call_setter(py, kind, func, self_, &args[0], None)
        }
        Wrapper::Binary
        | Wrapper::BinaryReflected
        | Wrapper::SqItem
        | Wrapper::Contains
        | Wrapper::RichCompare(_)
        | Wrapper::GetAttr => {
            exactly(py, args, 1)?;
            call_one(py, kind, func, self_, &args[0])
        }
        Wrapper::Unary
        | Wrapper::Inquiry
        | Wrapper::Len
        | Wrapper::Hash
        | Wrapper::Next
        | Wrapper::Del => {
            exactly(py, args, 0)?;
            call_none(py, kind, func, self_)
        }
    }
}

/// `__call__` and `__init__`: the arguments as a tuple plus the keywords.
fn call_with_tuple<'py>(
    py: Python<'py>,
    kind: Wrapper,
    func: SlotValue<'static>,
    self_: &Bound<'py>,
    args: &[Bound<'py>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    let tuple: Bound<'py, TupleObject> = pyrt_core::builtins::tuple_new(py, args)?;
    match (kind, func) {
        (Wrapper::Call, SlotValue::Ternary(f)) => {
            f(py, self_, tuple.as_any(), kwargs.map(|k| k.as_any()))
        }
        (Wrapper::Init, SlotValue::Init(f)) => f(py, self_, &tuple, kwargs).map(|()| none(py)),
        _ => Err(mismatch(py)),
    }
}

/// `__pow__`/`__rpow__` (`mod` defaults to `None`) and `__get__` (`type` defaults to
/// `None`; both `None` is refused).
fn call_two_optional<'py>(
    py: Python<'py>,
    kind: Wrapper,
    func: SlotValue<'static>,
    self_: &Bound<'py>,
    args: &[Bound<'py>],
) -> PyResult<Bound<'py>> {
    let second = args.get(1).cloned().unwrap_or_else(|| none(py));
    match (kind, func) {
        (Wrapper::Ternary, SlotValue::Ternary(f)) => f(py, self_, &args[0], Some(&second)),
        (Wrapper::TernaryReflected, SlotValue::Ternary(f)) => f(py, &args[0], self_, Some(&second)),
        (Wrapper::DescrGet, SlotValue::DescrGet(f)) => {
            let obj = Some(&args[0]).filter(|o| !is_none(py, o));
            let owner = Some(&second).filter(|o| !is_none(py, o));
            if obj.is_none() && owner.is_none() {
                return Err(PyErr::type_error(py, "__get__(None, None) is invalid"));
            }
            f(py, self_, obj, owner)
        }
        _ => Err(mismatch(py)),
    }
}

/// `sq_repeat` / `sq_inplace_repeat`: the argument as an index.
fn call_index_arg<'py>(
    py: Python<'py>,
    func: SlotValue<'static>,
    self_: &Bound<'py>,
    arg: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    let SlotValue::SsizeArg(f) = func else {
        return Err(mismatch(py));
    };
    f(py, self_, ops::index_as_isize(py, arg)?)
}

/// The setters and deleters (`None` value deletes); they return `None`.
fn call_setter<'py>(
    py: Python<'py>,
    kind: Wrapper,
    func: SlotValue<'static>,
    self_: &Bound<'py>,
    key: &Bound<'py>,
    value: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    match (kind, func) {
        (Wrapper::SetAttr | Wrapper::DelAttr, SlotValue::ObjObjArg(f)) => {
            let what = if value.is_some() {
                "__setattr__"
            } else {
                "__delattr__"
            };
            check_setattr_applies(py, self_, f, what)?;
            f(py, self_, key, value)?;
        }
        (
            Wrapper::SetItem | Wrapper::DelItem | Wrapper::DescrSet | Wrapper::DescrDelete,
            SlotValue::ObjObjArg(f),
        ) => f(py, self_, key, value)?,
        (Wrapper::SqSetItem | Wrapper::SqDelItem, SlotValue::SsizeObjArg(f)) => {
            let i = sequence_index(py, self_, key)?;
            f(py, self_, i, value)?
        }
        _ => return Err(mismatch(py)),
    }
    Ok(none(py))
}

/// The one-argument shapes.
fn call_one<'py>(
    py: Python<'py>,
    kind: Wrapper,
    func: SlotValue<'static>,
    self_: &Bound<'py>,
    arg: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    match (kind, func) {
        (Wrapper::Binary | Wrapper::GetAttr, SlotValue::Binary(f)) => f(py, self_, arg),
        (Wrapper::BinaryReflected, SlotValue::Binary(f)) => f(py, arg, self_),
        (Wrapper::SqItem, SlotValue::SsizeArg(f)) => f(py, self_, sequence_index(py, self_, arg)?),
        (Wrapper::Contains, SlotValue::ObjObj(f)) => Ok(bool_obj(py, f(py, self_, arg)?)),
        (Wrapper::RichCompare(op), SlotValue::RichCompare(f)) => f(py, self_, arg, op),
        _ => Err(mismatch(py)),
    }
}

/// The no-argument shapes.
fn call_none<'py>(
    py: Python<'py>,
    kind: Wrapper,
    func: SlotValue<'static>,
    self_: &Bound<'py>,
) -> PyResult<Bound<'py>> {
    match (kind, func) {
        (Wrapper::Unary, SlotValue::Unary(f)) => f(py, self_),
        (Wrapper::Inquiry, SlotValue::Inquiry(f)) => Ok(bool_obj(py, f(py, self_)?)),
        (Wrapper::Len | Wrapper::Hash, SlotValue::Ssize(f)) => {
            Ok(int_new(py, f(py, self_)? as i64)?.into_any())
        }
        (Wrapper::Next, SlotValue::IterNext(f)) => match f(py, self_)? {
            Some(v) => Ok(v),
            None => Err(PyErr::with_args(
                py,
                py.builtins().stop_iteration(),
                pyrt_core::builtins::tuple_new(py, &[])?,
            )),
        },
        (Wrapper::Del, SlotValue::ObjProc(f)) => {
            f(py, self_);
            Ok(none(py))
        }
        _ => Err(mismatch(py)),
    }
}
