//! The methods of `tuple` (`index`, `count`), installed as method descriptors (pyrt's
//! `list` has its own `tp_methods`; `tuple` has none yet).
//!
//! Owns these methods and their messages.

use super::native;
use super::{check_count, no_kwargs, one_arg};
use pyrt_core::builtins::{DictObject, TupleObject, int_new};
use pyrt_core::protocol::rich_compare_bool;
use pyrt_core::types::CompareOp;
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

type Slf<'a, 'py> = Option<&'a Bound<'py, PyAny>>;
type Kw<'a, 'py> = Option<&'a Bound<'py, DictObject>>;
type R<'py> = PyResult<Bound<'py, PyAny>>;

/// Installs `tuple.index` and `tuple.count`.
pub(super) fn install(py: Python<'_>) -> PyResult<()> {
    super::install_methods(py, py.builtins().tuple(), &METHODS)
}

fn items<'py>(py: Python<'py>, s: Slf<'_, 'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    s.and_then(|s| s.downcast::<TupleObject>().ok())
        .map(|t| t.items(py).to_vec())
        .ok_or_else(|| PyErr::type_error(py, "descriptor requires a 'tuple' object"))
}

fn index<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    no_kwargs(py, "index", kw)?;
    check_count(py, "index", args, 1, 3)?;
    for (i, it) in items(py, s)?.iter().enumerate() {
        if rich_compare_bool(py, it, &args[0], CompareOp::Eq)? {
            return Ok(int_new(py, i as i64)?.into_any());
        }
    }
    Err(PyErr::value_error(py, "tuple.index(x): x not in tuple"))
}

fn count<'py>(
    py: Python<'py>,
    s_obj: &Bound<'py, PyAny>,
    args_t: &Bound<'py, TupleObject>,
    kw: Kw<'_, 'py>,
) -> R<'py> {
    let s = Some(s_obj);
    let args = args_t.items(py);
    no_kwargs(py, "count", kw)?;
    let x = one_arg(py, "count", args)?;
    let mut n = 0;
    for it in items(py, s)? {
        if rich_compare_bool(py, &it, x, CompareOp::Eq)? {
            n += 1;
        }
    }
    Ok(int_new(py, n)?.into_any())
}

static METHODS: [MethodDef; 2] = [native("index", index), native("count", count)];
