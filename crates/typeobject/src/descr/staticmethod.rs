//! `staticmethod`: wraps a callable so that attribute access returns it unbound; the
//! wrapper itself is callable too (3.10+).
//!
//! Owns `staticmethod`'s binding and call slots and [`staticmethod_new`]; construction,
//! repr and attributes are shared with `classmethod` (`func_wrapper`).

use super::common::{call_parts, get_none_none};
use super::func_wrapper::{callable_of, install_shared, wrapper_new};
use crate::call::call;
use pyrt_core::builtins::FuncWrapperObject;
use pyrt_core::types::TypeObject;
use pyrt_core::{Bound, PyAny, PyResult, Python};

/// `staticmethod(callable)`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let f = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
///     let sm = pyrt_typeobject::descr::staticmethod_new(py, &f).unwrap();
///     assert_eq!(sm.type_name(), "staticmethod");
/// });
/// ```
pub fn staticmethod_new<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, FuncWrapperObject>> {
    wrapper_new(py, py.builtins().staticmethod(), callable)
}

/// Stores the type's slots.
pub(crate) fn install(tp: &TypeObject) {
    install_shared(tp);
    tp.tp_descr_get.set(Some(staticmethod_get));
    tp.tp_call.set(Some(staticmethod_call));
}

/// `__get__`: the wrapped callable itself.
fn staticmethod_get<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: Option<&Bound<'py, PyAny>>,
    owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    if obj.is_none() && owner.is_none() {
        return Err(get_none_none(py));
    }
    callable_of(py, descr)
}

/// Calling the wrapper calls the wrapped callable.
fn staticmethod_call<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let f = callable_of(py, callable)?;
    let a = call_parts(py, args, kwargs)?;
    call(py, &f, a.args, a.kwargs)
}
