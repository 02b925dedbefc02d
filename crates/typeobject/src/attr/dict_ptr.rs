//! An instance's `__dict__` as a dict object: the slot at `tp_dictoffset` (positive: from
//! the start; negative: from the end of the variable-size instance), materialised from
//! the instance's values block when it has one.
//!
//! Owns "give me the dict" only; the representation is `pyrt_core::object::instance_attrs`'.

use pyrt_core::PyResult;
use pyrt_core::builtins::{DictObject, dict_new};
use pyrt_core::object::DictSlot;
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
pub fn instance_dict_slot<'a>(obj: &'a Bound<'_, PyAny>) -> Option<&'a DictSlot> {
    pyrt_core::object::dict_slot(obj.as_any_ref())
}

/// The instance's dict — created on first use, or made from its attribute values (the
/// instance then keeps the dict for good); `None` if the type has no dict slot.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let o = pyrt_typeobject::call_type(py, &a, &[]).unwrap();
///     let d = pyrt_typeobject::attr::instance_dict(py, &o).unwrap().unwrap();
///     assert_eq!(d.len(), 0);
/// });
/// ```
pub fn instance_dict<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, DictObject>>> {
    let Some(attrs) = pyrt_core::object::instance_attrs(obj.as_any_ref()) else {
        return Ok(None);
    };
    if let Some(d) = attrs.materialize(py)? {
        return Ok(Some(d));
    }
    let d = dict_new(py)?;
    attrs.slot().set_dict(py, Some(d.clone()));
    Ok(Some(d))
}
