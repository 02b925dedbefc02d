//! The `__set_name__` step of class creation: every namespace value whose type defines
//! `__set_name__` is told its owner and name (`property` records it for its messages).
//!
//! Owns the step. Must not change the namespace.

use crate::attr::lookup_str;
use crate::call::call_args;
use pyrt_core::builtins::{BaseExceptionObject, DictObject};
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeObject};

/// Calls `value.__set_name__(owner, key)` for each item of `ns` that has it (looked up
/// on the value's type). CPython 3.11 reports a failure as
/// `RuntimeError: Error calling __set_name__ on 'T' instance 'key' in 'Owner'`.
pub(crate) fn call_set_names<'py>(
    py: Python<'py>,
    owner: &Bound<'py, TypeObject>,
    ns: &Bound<'py, DictObject>,
) -> PyResult<()> {
    for (key, value) in ns.items(py) {
        let Some(f) = lookup_str(py, value.ob_type(), "__set_name__") else {
            continue;
        };
        let bound = match f.ob_type().tp_descr_get.get() {
            Some(get) => get(py, &f, Some(&value), Some(value.get_type().as_any()))?,
            None => f,
        };
        if let Err(cause) = call_args(py, &bound, &[owner.clone().into_any(), key.clone()], None) {
            let key = crate::builtins::call::repr_of(py, &key)?;
            let err = PyErr::runtime_error(
                py,
                format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    crate::names::tp_name(value.ob_type()),
                    key.as_str(),
                    crate::names::name(py, owner)
                ),
            );
            if let Ok(exc) = err.value(py).downcast::<BaseExceptionObject>() {
                exc.cause.set(py, Some(cause.into_value(py)));
            }
            return Err(err);
        }
    }
    Ok(())
}
