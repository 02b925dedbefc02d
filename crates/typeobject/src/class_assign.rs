//! `object.__class__`: reading an object's type, and `__class__` assignment between
//! layout-compatible types with CPython 3.11's checks and messages, in its order:
//! deletion, a non-class value, immutable types, different deallocators (`tp_free`),
//! then the layout (both types must reduce to the same ancestor, or to sibling classes
//! with the same `__slots__`).
//!
//! Owns the getset and the compatibility rule. Must not change anything but the
//! object's type pointer (and the heap-type references that go with it).

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
    let free = |t: &TypeObject| t.tp_free.get().map(|f| f as usize);
    if free(old) != free(new) {
        return Err(PyErr::type_error(
            py,
            format!(
                "__class__ assignment: '{}' deallocator differs from '{}'",
                names::tp_name(new),
                names::tp_name(old)
            ),
        ));
    }
    if !compatible_layouts(py, old, new) {
        return Err(PyErr::type_error(
            py,
            format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                names::tp_name(new),
                names::tp_name(old)
            ),
        ));
    }
    Ok(())
}

/// Whether `a` and `b` lay instances out identically (sizes, offsets, collectability).
fn same_layout(a: &TypeObject, b: &TypeObject) -> bool {
    a.tp_basicsize.get() == b.tp_basicsize.get()
        && a.tp_itemsize.get() == b.tp_itemsize.get()
        && a.tp_dictoffset.get() == b.tp_dictoffset.get()
        && a.tp_weaklistoffset.get() == b.tp_weaklistoffset.get()
        && a.has_flag(TypeFlags::HAVE_GC) == b.has_flag(TypeFlags::HAVE_GC)
}

/// The nearest ancestor-or-self whose base lays instances out differently.
fn reduce(t: &TypeObject) -> &TypeObject {
    let mut t = t;
    while let Some(b) = t.base().filter(|b| same_layout(t, b)) {
        t = b;
    }
    t
}

/// CPython's rule: the reduced types are the same, or are sibling classes (made by
/// class creation, over the same base) adding the same slots.
fn compatible_layouts(py: Python<'_>, old: &TypeObject, new: &TypeObject) -> bool {
    let (o, n) = (reduce(old), reduce(new));
    if std::ptr::eq(o, n) {
        return true;
    }
    let same_base = match (o.base(), n.base()) {
        (Some(x), Some(y)) => std::ptr::eq(x, y),
        _ => false,
    };
    same_base
        && crate::class::is_class_created(o)
        && crate::class::is_class_created(n)
        && same_layout(o, n)
        && same_slot_names(py, o, n)
}

/// The `__slots__` names the two classes added (`ht_slots`), compared as sets.
fn same_slot_names(py: Python<'_>, a: &TypeObject, b: &TypeObject) -> bool {
    let names = |t: &TypeObject| -> Vec<String> {
        let mut v: Vec<String> = t
            .ht_slots
            .get(py)
            .map(|s| {
                s.items(py)
                    .iter()
                    .filter_map(|n| {
                        n.downcast::<pyrt_core::builtins::StrObject>()
                            .ok()
                            .map(|s| s.as_str().to_owned())
                    })
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    names(a) == names(b)
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
