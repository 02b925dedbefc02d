//! The calling convention of native methods (`MethodDef`): checking the arguments
//! against the method's flavour (`NoArgs`, `O`, `VarArgs`, `Keywords`, `Fast`) with
//! CPython 3.11's messages, then calling the Rust function.
//!
//! Owns the arity/keyword checks and the dispatch. Must not bind methods or look
//! anything up; callers pass the receiver and the name used in messages.

use pyrt_core::builtins::{DictObject, tuple_new};
use pyrt_core::protocol::none;
use pyrt_core::types::{MethodDef, MethodFn};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// Calls `def` with receiver `self_` (`None` when unbound: the function receives
/// Python's `None`), positional `args` and keyword `kwargs`. `fname` gives the name
/// messages use (`list.append`, `len`), computed only on error.
///
/// Messages: `NAME() takes no keyword arguments`, `NAME() takes no arguments (N given)`,
/// `NAME() takes exactly one argument (N given)`.
///
/// ```
/// use pyrt_core::types::{MethodDef, MethodFn, MethodFlags};
/// fn first<'py>(_py: pyrt_core::Python<'py>, _s: &pyrt_core::Bound<'py>, a: &pyrt_core::Bound<'py>)
///     -> pyrt_core::PyResult<pyrt_core::Bound<'py>> { Ok(a.clone()) }
/// static DEF: MethodDef = MethodDef { name: "first", meth: MethodFn::O(first), flags: MethodFlags(0), doc: None };
/// pyrt_typeobject::Runtime::with(|py| {
///     let x = pyrt_core::builtins::int_new(py, 3).unwrap().into_any();
///     let r = pyrt_typeobject::descr::call_def(py, &DEF, None, &[x.clone()], None, || "first".into()).unwrap();
///     assert!(r.is(&x));
///     let e = pyrt_typeobject::descr::call_def(py, &DEF, None, &[], None, || "first".into()).unwrap_err();
///     assert_eq!(e.message(py), "first() takes exactly one argument (0 given)");
/// });
/// ```
pub fn call_def<'py>(
    py: Python<'py>,
    def: &MethodDef,
    self_: Option<&Bound<'py, PyAny>>,
    args: &[Bound<'py, PyAny>],
    kwargs: Option<&Bound<'py, DictObject>>,
    fname: impl FnOnce() -> String,
) -> PyResult<Bound<'py, PyAny>> {
    let none_obj;
    let recv = match self_ {
        Some(s) => s,
        None => {
            none_obj = none(py);
            &none_obj
        }
    };
    let has_kw = kwargs.is_some_and(|k| !k.is_empty());
    match def.meth {
        MethodFn::Keywords(f) => {
            let t = tuple_new(py, args)?;
            f(py, recv, &t, kwargs.filter(|k| !k.is_empty()))
        }
        _ if has_kw => Err(PyErr::type_error(
            py,
            format!("{}() takes no keyword arguments", fname()),
        )),
        MethodFn::NoArgs(f) => match args {
            [] => f(py, recv),
            _ => Err(PyErr::type_error(
                py,
                format!("{}() takes no arguments ({} given)", fname(), args.len()),
            )),
        },
        MethodFn::O(f) => match args {
            [a] => f(py, recv, a),
            _ => Err(PyErr::type_error(
                py,
                format!(
                    "{}() takes exactly one argument ({} given)",
                    fname(),
                    args.len()
                ),
            )),
        },
        MethodFn::VarArgs(f) => f(py, recv, &tuple_new(py, args)?),
        MethodFn::Fast(f) => f(py, recv, args),
    }
}
