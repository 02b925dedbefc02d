//! Where an instance keeps its `__dict__`: `tp_dictoffset` (positive: from the start;
//! negative: from the end of the variable-size instance).
//!
//! Owns the address computation only.

use pyrt_core::PyResult;
use pyrt_core::builtins::{DictObject, dict_new};
use pyrt_core::types::ObjCell;
use pyrt_core::{Bound, PyAny, Python};

/// The instance's dict slot, if its type has one.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let o = pyrt_typeobject::call_type(py, &a, &[]).unwrap();
///     assert!(pyrt_typeobject::attr::instance_dict_slot(&o).is_some());
/// });
/// ```
pub fn instance_dict_slot<'a>(obj: &'a Bound<'_, PyAny>) -> Option<&'a ObjCell<PyAny>> {
    pyrt_core::object::dict_slot(obj.as_any_ref())
}

/// The instance's dict, created on first use; `None` if the type has no dict slot.
pub fn instance_dict<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, DictObject>>> {
    let Some(slot) = instance_dict_slot(obj) else {
        return Ok(None);
    };
    if let Some(d) = slot.get(py) {
        // SAFETY: dict slots hold dicts (or dict subclasses) only.
        return Ok(Some(
            unsafe { d.downcast_unchecked::<DictObject>() }.clone(),
        ));
    }
    let d = dict_new(py)?;
    slot.set(py, Some(d.clone().into_any()));
    Ok(Some(d))
}
