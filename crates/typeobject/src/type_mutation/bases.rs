//! `__bases__` assignment (`type_set_bases`), checked in CPython 3.11's order: the
//! type is mutable; not a deletion; a tuple; non-empty; every item a class that does not
//! derive from the type; the best base of the new bases; its layout against the old
//! base's; the MROs of the type and its subclasses (all restored on failure); then the
//! subclass registrations move.
//!
//! Owns those steps and their messages. Must not touch the type's dict. The last step
//! re-resolves the dunder-driven slots of the type and its subclasses
//! (`slotdefs::update_hierarchy_slots`).

use super::hierarchy::update_mro_hierarchy;
use super::layout_compat::compatible_for_assignment;
use crate::layout::best_base;
use crate::mro::as_types;
use crate::names;
use pyrt_core::builtins::TupleObject;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};
use smallvec::SmallVec;
use std::ptr::NonNull;

/// `tp.__bases__ = value` (`value` `None`: `del tp.__bases__`).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     use pyrt_typeobject::{new_class, type_mutation::set_bases};
///     let c = new_class(py, "C", &[], None).unwrap();
///     let c2 = new_class(py, "C2", &[], None).unwrap();
///     let d = new_class(py, "D", &[c.clone()], None).unwrap();
///     let bases = pyrt_core::builtins::tuple_new(py, &[c2.clone().into_any()]).unwrap();
///     set_bases(py, &d, Some(bases.as_any())).unwrap();
///     assert!(d.is_subtype(&c2) && !d.is_subtype(&c));
/// });
/// ```
pub fn set_bases<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    let new_bases = check_value(py, tp, value)?;
    check_items(py, tp, &new_bases)?;
    let new_base = best_base(py, new_bases.items(py))?;
    let Some(old_base) = tp.tp_base.get(py) else {
        return Err(PyErr::system_error(py, "a type without a base"));
    };
    compatible_for_assignment(py, &old_base, &new_base, "__bases__")?;
    let old_bases = tp.tp_bases.get(py);
    // SAFETY: the new bases are classes, none derived from `tp` (no cycle), and the best
    // base's layout is compatible with the old base's, so `tp`'s instances stay valid.
    unsafe {
        tp.tp_bases.set(py, Some(new_bases.clone()));
        tp.tp_base.set(py, Some(new_base));
    }
    if let Err(e) = update_mro_hierarchy(py, tp) {
        // SAFETY: puts back the bases the type had (and that its restored MRO reflects).
        unsafe {
            tp.tp_bases.set(py, old_bases);
            tp.tp_base.set(py, Some(old_base));
        }
        return Err(e);
    }
    if let Some(old) = &old_bases {
        for b in as_types(old) {
            // SAFETY: the old bases tuple (held above) keeps these types alive.
            unsafe { b.as_ref() }.tp_subclasses.remove(tp);
        }
    }
    for b in as_types(&new_bases) {
        // SAFETY: the new bases tuple keeps these types alive.
        unsafe { b.as_ref() }.tp_subclasses.add(tp);
    }
    // One walk over `tp` and its subclasses: the chain below each changed, so its
    // instance plan (the base functions its instances defer to) and its dispatched
    // slots are resolved again.
    crate::subclass_walk::for_each_in_hierarchy(py, tp, |t| {
        crate::class::install_instance_plan(py, t);
        crate::slotdefs::update_heap_type_slots(py, t)
    })
}

/// Steps 1–4: a mutable type, an assignment, a non-empty tuple.
fn check_value<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, TupleObject>> {
    let name = names::tp_name(tp);
    if tp.has_flag(TypeFlags::IMMUTABLETYPE) {
        return Err(PyErr::type_error(
            py,
            format!("cannot set '__bases__' attribute of immutable type '{name}'"),
        ));
    }
    let Some(value) = value else {
        return Err(PyErr::type_error(
            py,
            format!("cannot delete '__bases__' attribute of immutable type '{name}'"),
        ));
    };
    let Ok(t) = value.downcast::<TupleObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "can only assign tuple to {name}.__bases__, not {}",
                names::tp_name(value.ob_type())
            ),
        ));
    };
    if t.is_empty() {
        return Err(PyErr::type_error(
            py,
            format!("can only assign non-empty tuple to {name}.__bases__, not ()"),
        ));
    }
    Ok(t.clone())
}

/// Step 5, item by item: a class, and not one that derives from `tp`.
fn check_items(py: Python<'_>, tp: &TypeObject, bases: &TupleObject) -> PyResult<()> {
    for item in bases.items(py) {
        let Ok(b) = item.downcast::<TypeObject>() else {
            return Err(PyErr::type_error(
                py,
                format!(
                    "{}.__bases__ must be tuple of classes, not '{}'",
                    names::tp_name(tp),
                    names::tp_name(item.ob_type())
                ),
            ));
        };
        if b.is_subtype(tp) || reaches_through_bases(b, tp) {
            return Err(PyErr::type_error(
                py,
                "a __bases__ item causes an inheritance cycle",
            ));
        }
    }
    Ok(())
}

/// Whether `target` is `from` or one of its ancestors through `__bases__` (a custom MRO
/// may leave an ancestor out of `from`'s MRO).
fn reaches_through_bases(from: &TypeObject, target: &TypeObject) -> bool {
    let mut seen: SmallVec<[NonNull<TypeObject>; 16]> = SmallVec::new();
    let mut work: SmallVec<[NonNull<TypeObject>; 16]> = SmallVec::new();
    work.push(NonNull::from(from));
    while let Some(t) = work.pop() {
        if std::ptr::eq(t.as_ptr(), target) {
            return true;
        }
        if seen.contains(&t) {
            continue;
        }
        seen.push(t);
        // SAFETY: `from` is alive and each type's bases tuple keeps its bases alive; no
        // code runs during the walk.
        if let Some(bases) = unsafe { t.as_ref().tp_bases.get_ref() } {
            work.extend(as_types(bases).iter().copied());
        }
    }
    false
}
