//! The attributes of `BaseException` instances as getset descriptors: `args`,
//! `__traceback__`, `__context__`, `__cause__` and `__suppress_context__`, with
//! CPython 3.11's messages (recorded by `tests/fixtures/record_exception_attrs.py`).
//!
//! Owns the `GETSET` table stored in `BaseException`'s `tp_getset`. Must not touch the
//! payload layout (`pyrt_core::builtins::BaseExceptionObject`).

use crate::builtins::call::collect_iterable;
use pyrt_core::builtins::{BaseExceptionObject, tuple_new};
use pyrt_core::protocol::{bool_obj, is_true, none};
use pyrt_core::types::GetSetDef;
use pyrt_core::{Bound, PyErr, PyResult, Python};

fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py>,
) -> PyResult<&'a Bound<'py, BaseExceptionObject>> {
    obj.downcast::<BaseExceptionObject>()
        .map_err(|_| PyErr::type_error(py, "descriptor requires a 'BaseException' object"))
}

fn is_none(py: Python<'_>, v: &Bound<'_>) -> bool {
    std::ptr::eq(v.as_any_ref(), py.singletons().none())
}

fn get_args<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    match payload(py, obj)?.args.get(py) {
        Some(a) => Ok(a.into_any()),
        None => Ok(tuple_new(py, &[])?.into_any()),
    }
}

fn set_args<'py>(py: Python<'py>, obj: &Bound<'py>, v: Option<&Bound<'py>>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(PyErr::type_error(py, "args may not be deleted"));
    };
    let items = collect_iterable(py, v)?;
    payload(py, obj)?.args.set(py, Some(tuple_new(py, &items)?));
    Ok(())
}

fn get_traceback<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(payload(py, obj)?
        .traceback
        .get(py)
        .unwrap_or_else(|| none(py)))
}

fn set_traceback<'py>(py: Python<'py>, obj: &Bound<'py>, v: Option<&Bound<'py>>) -> PyResult<()> {
    let p = payload(py, obj)?;
    match v {
        None => Err(PyErr::type_error(py, "__traceback__ may not be deleted")),
        Some(v) if is_none(py, v) => {
            p.traceback.set(py, None);
            Ok(())
        }
        Some(_) => Err(PyErr::type_error(
            py,
            "__traceback__ must be a traceback or None",
        )),
    }
}

/// An exception or `None` for `__context__` / `__cause__`.
fn exception_or_none<'py>(
    py: Python<'py>,
    v: Option<&Bound<'py>>,
    what: &str,
) -> PyResult<Option<Bound<'py>>> {
    match v {
        None => Err(PyErr::type_error(py, format!("{what} may not be deleted"))),
        Some(v) if is_none(py, v) => Ok(None),
        Some(v) if v.downcast::<BaseExceptionObject>().is_ok() => Ok(Some(v.clone())),
        Some(_) => Err(PyErr::type_error(
            py,
            format!(
                "exception {} must be None or derive from BaseException",
                &what[2..what.len() - 2]
            ),
        )),
    }
}

fn get_context<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(payload(py, obj)?
        .context
        .get(py)
        .unwrap_or_else(|| none(py)))
}

fn set_context<'py>(py: Python<'py>, obj: &Bound<'py>, v: Option<&Bound<'py>>) -> PyResult<()> {
    let v = exception_or_none(py, v, "__context__")?;
    payload(py, obj)?.context.set(py, v);
    Ok(())
}

fn get_cause<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(payload(py, obj)?.cause.get(py).unwrap_or_else(|| none(py)))
}

fn set_cause<'py>(py: Python<'py>, obj: &Bound<'py>, v: Option<&Bound<'py>>) -> PyResult<()> {
    let v = exception_or_none(py, v, "__cause__")?;
    let p = payload(py, obj)?;
    p.cause.set(py, v);
    p.suppress_context.set(true);
    Ok(())
}

fn get_suppress<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(bool_obj(py, payload(py, obj)?.suppress_context.get()))
}

fn set_suppress<'py>(py: Python<'py>, obj: &Bound<'py>, v: Option<&Bound<'py>>) -> PyResult<()> {
    let Some(v) = v else {
        return Err(PyErr::type_error(
            py,
            "__suppress_context__ may not be deleted",
        ));
    };
    let flag = is_true(py, v)?;
    payload(py, obj)?.suppress_context.set(flag);
    Ok(())
}

/// `BaseException`'s getset table.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let e = pyrt_core::PyErr::value_error(py, "bad").into_value(py);
///     let k = pyrt_core::builtins::intern(py, "args").unwrap().into_any();
///     let args = pyrt_typeobject::attr::getattr(py, &e, &k).unwrap();
///     assert_eq!(args.type_name(), "tuple");
/// });
/// ```
pub static GETSET: [GetSetDef; 5] = [
    GetSetDef {
        name: "args",
        get: Some(get_args),
        set: Some(set_args),
        doc: None,
    },
    GetSetDef {
        name: "__traceback__",
        get: Some(get_traceback),
        set: Some(set_traceback),
        doc: None,
    },
    GetSetDef {
        name: "__context__",
        get: Some(get_context),
        set: Some(set_context),
        doc: Some("exception context"),
    },
    GetSetDef {
        name: "__cause__",
        get: Some(get_cause),
        set: Some(set_cause),
        doc: Some("exception cause"),
    },
    GetSetDef {
        name: "__suppress_context__",
        get: Some(get_suppress),
        set: Some(set_suppress),
        doc: None,
    },
];
