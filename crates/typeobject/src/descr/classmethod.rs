//! `classmethod`: wraps a callable so that it is bound to the class (the owner type)
//! rather than the instance. If the wrapped object is itself a descriptor, its
//! `__get__` is called with the owner (CPython 3.9–3.12 chaining).
//!
//! Owns `classmethod`'s binding slot and [`classmethod_new`]; construction, repr and
//! attributes are shared with `staticmethod` (`func_wrapper`).

use super::bound_method::bound_method;
use super::common::get_none_none;
use super::func_wrapper::{callable_of, install_shared, wrapper_new};
use pyrt_core::builtins::FuncWrapperObject;
use pyrt_core::types::TypeObject;
use pyrt_core::{Bound, PyAny, PyResult, Python};

/// `classmethod(callable)`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let len = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
///     let cm = pyrt_typeobject::descr::classmethod_new(py, &len).unwrap();
///     assert_eq!(cm.type_name(), "classmethod");
/// });
/// ```
pub fn classmethod_new<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, FuncWrapperObject>> {
    wrapper_new(py, py.builtins().classmethod(), callable)
}

/// Stores the type's slots.
pub(crate) fn install(tp: &TypeObject) {
    install_shared(tp);
    tp.tp_descr_get.set(Some(classmethod_get));
}

/// `__get__`: a method bound to `owner` (else `type(obj)`).
fn classmethod_get<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: Option<&Bound<'py, PyAny>>,
    owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let f = callable_of(py, descr)?;
    let owner = match (owner, obj) {
        (Some(t), _) => t.clone(),
        (None, Some(o)) => o.get_type().into_any(),
        (None, None) => return Err(get_none_none(py)),
    };
    if let Some(get) = f.ob_type().tp_descr_get.get() {
        let meta = owner.get_type().into_any();
        return get(py, &f, Some(&owner), Some(&meta));
    }
    Ok(bound_method(py, &f, &owner)?.into_any())
}
