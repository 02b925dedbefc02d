//! `object.__class__`: reading an object's type, and `__class__` assignment between
//! layout-compatible types with CPython 3.11's checks and messages, in its order:
//! deletion, a non-class value, immutable types, different deallocators (`tp_free`),
//! then the layout (both types must reduce to the same ancestor, or to sibling classes
//! with the same `__slots__`).
//!
//! Owns the getset and the compatibility rule. Must not change anything but the
//! object's type pointer (and the heap-type references that go with it), except that
//! attribute values indexed by the old type's shared keys become a dict first.

use crate::names;
use pyrt_core::types::{GetSetDef, TypeObject};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags};

/// `object`'s `tp_getset`.
pub(crate) static OBJECT_GETSET: [GetSetDef; 1] = [GetSetDef {
    name: "__class__",
    get: Some(get_class),
    set: Some(set_class),
    doc: Some("the object's class"),
}];

fn get_class<'py>(_py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(obj.get_type().into_any())
}

fn set_class<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error(py, "can't delete __class__ attribute"));
    };
    let Ok(new) = value.downcast::<TypeObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "__class__ must be set to a class, not '{}' object",
                names::tp_name(value.ob_type())
            ),
        ));
    };
    let old = obj.get_type();
    check_assignable(py, &old, new)?;
    keep_attributes_in_a_dict(py, obj, &old, new)?;
    swap_type(py, obj, &old, new);
    Ok(())
}

/// The checks after the value is known to be a class.
fn check_assignable(py: Python<'_>, old: &TypeObject, new: &TypeObject) -> PyResult<()> {
    if old.has_flag(TypeFlags::IMMUTABLETYPE) || new.has_flag(TypeFlags::IMMUTABLETYPE) {
        return Err(PyErr::type_error(
            py,
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    crate::type_mutation::compatible_for_assignment(py, old, new, "__class__")
}

/// Attribute values are indexed by the old type's shared keys: for another type they
/// become a dict first (which any type with the same layout reads).
fn keep_attributes_in_a_dict(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
    old: &TypeObject,
    new: &TypeObject,
) -> PyResult<()> {
    if let Some(attrs) = pyrt_core::object::instance_attrs(obj.as_any_ref())
        && attrs.slot().holds_values()
        && !std::ptr::eq(old, new)
    {
        attrs.materialize(py)?;
    }
    Ok(())
}

/// Replaces the object's type, moving the heap-type reference the instance owns.
fn swap_type(py: Python<'_>, obj: &Bound<'_, PyAny>, old: &TypeObject, new: &TypeObject) {
    if new.has_flag(TypeFlags::HEAPTYPE) {
        // The instance will own a reference to its new heap type.
        std::mem::forget(Bound::from_ref(py, new));
    }
    // SAFETY: `check_assignable` established that both types lay instances out the
    // same way (same sizes, offsets, GC-ness, free function, and — for sibling classes —
    // the same pointer slots), so the object is a valid instance of `new`.
    unsafe {
        obj.as_any_ref()
            .ob_base
            .ob_type
            .set(new as *const TypeObject as *mut TypeObject);
    }
    if old.has_flag(TypeFlags::HEAPTYPE) {
        // SAFETY: the instance owned one reference to its old heap type; the caller keeps
        // `old` alive (a handle) until after this call.
        unsafe { pyrt_core::object::decref(py, old.as_ptr()) };
    }
}
