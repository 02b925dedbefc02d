//! Whether instances laid out for one type may be treated as laid out for another
//! (`compatible_for_assignment`), as `__bases__` (and `__class__`) assignment require.
//!
//! Owns the rule and its messages:
//! 1. the two types must free instances the same way, else
//!    "`<attr>` assignment: 'New' deallocator differs from 'Old'";
//! 2. each type is reduced to its nearest ancestor that adds instance fields (walking
//!    up while a type has its base's sizes, offsets and GC flag, and no deallocator of
//!    its own besides the class one); the reductions must be the same type, or two
//!    siblings (same base) that add the same slots (same size, same `__slots__` names,
//!    both or neither with `__dict__` and `__weakref__`), else
//!    "`<attr>` assignment: 'New' object layout differs from 'Old'".
//!
//! Must not change anything.

use crate::class::subtype_dealloc;
use crate::names;
use pyrt_core::types::Destructor;
use pyrt_core::{PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Checks that instances of `old` could be instances of `new` (`attr` names the
/// assignment in the message, e.g. `"__bases__"`).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let b = pyrt_typeobject::new_class(py, "B", &[], None).unwrap();
///     use pyrt_typeobject::type_mutation::compatible_for_assignment;
///     assert!(compatible_for_assignment(py, &a, &b, "__class__").is_ok());
///     let list = py.builtins().list();
///     assert!(compatible_for_assignment(py, &a, list, "__class__").is_err());
/// });
/// ```
pub fn compatible_for_assignment(
    py: Python<'_>,
    old: &TypeObject,
    new: &TypeObject,
    attr: &str,
) -> PyResult<()> {
    if new.tp_free.get().map(|f| f as usize) != old.tp_free.get().map(|f| f as usize) {
        return Err(PyErr::type_error(
            py,
            format!(
                "{attr} assignment: '{}' deallocator differs from '{}'",
                names::tp_name(new),
                names::tp_name(old)
            ),
        ));
    }
    let (n, o) = (reduce(new), reduce(old));
    let same_base = match (n.base(), o.base()) {
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        _ => false,
    };
    // Siblings qualify only when both were made by class creation, whose instance
    // layout (slots, dict, weaklist) pyrt knows in full.
    let siblings = same_base
        && crate::class::is_class_created(n)
        && crate::class::is_class_created(o)
        && same_slots_added(py, n, o);
    if std::ptr::eq(n, o) || siblings {
        return Ok(());
    }
    Err(PyErr::type_error(
        py,
        format!(
            "{attr} assignment: '{}' object layout differs from '{}'",
            names::tp_name(new),
            names::tp_name(old)
        ),
    ))
}

/// Whether `tp` lays out its instances exactly as its base does.
fn same_layout_as_base(tp: &TypeObject) -> bool {
    let Some(base) = tp.base() else {
        return false;
    };
    let own_dealloc = tp.tp_dealloc.get().map(|f| f as usize);
    tp.tp_basicsize.get() == base.tp_basicsize.get()
        && tp.tp_itemsize.get() == base.tp_itemsize.get()
        && tp.tp_dictoffset.get() == base.tp_dictoffset.get()
        && tp.tp_weaklistoffset.get() == base.tp_weaklistoffset.get()
        && tp.has_flag(TypeFlags::HAVE_GC) == base.has_flag(TypeFlags::HAVE_GC)
        && (own_dealloc == Some(subtype_dealloc as Destructor as usize)
            || own_dealloc == base.tp_dealloc.get().map(|f| f as usize))
}

/// The nearest ancestor (or `tp`) that adds instance fields.
fn reduce(mut tp: &TypeObject) -> &TypeObject {
    while same_layout_as_base(tp) {
        match tp.base() {
            Some(b) => tp = b,
            None => break,
        }
    }
    tp
}

/// Whether siblings `a` and `b` add the same fields to their common base.
fn same_slots_added(py: Python<'_>, a: &TypeObject, b: &TypeObject) -> bool {
    a.tp_basicsize.get() == b.tp_basicsize.get()
        && a.tp_itemsize.get() == b.tp_itemsize.get()
        && (a.tp_dictoffset.get() != 0) == (b.tp_dictoffset.get() != 0)
        && (a.tp_weaklistoffset.get() != 0) == (b.tp_weaklistoffset.get() != 0)
        && slot_names(py, a) == slot_names(py, b)
}

/// The `__slots__` names a heap type added, sorted (CPython stores them sorted).
fn slot_names(py: Python<'_>, tp: &TypeObject) -> Vec<String> {
    let mut names: Vec<String> = tp
        .ht_slots
        .get(py)
        .map(|t| {
            t.items(py)
                .iter()
                .map(|n| {
                    n.downcast::<pyrt_core::builtins::StrObject>()
                        .map(|s| s.as_str().to_owned())
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
