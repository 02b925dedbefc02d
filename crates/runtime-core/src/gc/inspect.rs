//! The introspection half of the `gc` API: tracked objects, referents, referrers,
//! tracking and finalization state, and `garbage`.
//!
//! Owns turning the collector's heads into handles and walking `tp_traverse` for
//! *all* referents (the collector only sees collectable ones). Must not change what is
//! tracked.

use super::object_of;
use crate::err::{PyErr, PyResult};
use crate::handle::Bound;
use crate::object::{PyAny, gc_head_of};
use crate::runtime::Python;
use pyrt_gc::{GcHead, Generation};
use std::ptr::NonNull;

/// A new reference to the object behind a tracked head.
fn handle<'py>(py: Python<'py>, head: NonNull<GcHead>) -> Bound<'py, PyAny> {
    // SAFETY: tracked heads belong to live objects (the collector's duty 1 and the
    // untrack-before-free rule of the deallocation driver).
    unsafe { Bound::from_borrowed_ptr(py, object_of(head)) }
}

/// The head of `obj` if it is collectable.
fn head_of(obj: &PyAny) -> Option<&GcHead> {
    obj.ob_type().is_gc_object(obj).then(|| {
        // SAFETY: collectable objects carry a head, live as long as the object.
        unsafe { gc_head_of(NonNull::from(obj)).as_ref() }
    })
}

/// Calls `visit` with every object `obj` holds a strong reference to, as its
/// `tp_traverse` reports them (plus a runtime-managed `__dict__`); nothing for objects
/// that are not collectable, as in Python.
fn traverse_all(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    if head_of(obj).is_none() {
        return;
    }
    if let Some(slot) = crate::object::managed_dict_slot(obj) {
        slot.visit(visit);
    }
    if let Some(traverse) = obj.ob_type().tp_traverse.get() {
        traverse(obj, visit);
    }
}

/// The tracked objects of `generation`, or of all generations for `None`
/// (`gc.get_objects(generation=None)`); `ValueError` for a generation beyond 2.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     let young = pyrt_core::gc::get_objects(py, Some(0)).unwrap();
///     assert!(young.iter().any(|o| o.is(&l)));
///     assert!(pyrt_core::gc::get_objects(py, Some(3)).is_err());
/// });
/// ```
pub fn get_objects(py: Python<'_>, generation: Option<usize>) -> PyResult<Vec<Bound<'_, PyAny>>> {
    let generation = match generation {
        None => None,
        Some(g) => Some(Generation::new(g).ok_or_else(|| {
            PyErr::value_error(
                py,
                "generation parameter must be less than the number of available generations (3)",
            )
        })?),
    };
    let heads = py.state().gc.objects(generation);
    Ok(heads.into_iter().map(|h| handle(py, h)).collect())
}

/// The objects the given objects reference, as their `tp_traverse` reports them
/// (`gc.get_referents(*objs)`); objects that are not collectable contribute nothing.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let l = pyrt_core::builtins::list_new(py, &[one.clone()]).unwrap();
///     let refs = pyrt_core::gc::get_referents(py, &[l.into_any()]);
///     assert!(refs.len() == 1 && refs[0].is(&one));
///     assert!(pyrt_core::gc::get_referents(py, &[one]).is_empty());
/// });
/// ```
pub fn get_referents<'py>(py: Python<'py>, objs: &[Bound<'py, PyAny>]) -> Vec<Bound<'py, PyAny>> {
    let mut found = Vec::new();
    for o in objs {
        traverse_all(o.as_any_ref(), &mut |p| found.push(p));
    }
    // SAFETY: each referent is kept alive by the object that reported it, which the
    // caller's handles keep alive.
    found
        .into_iter()
        .map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
        .collect()
}

/// The tracked objects (generations 0–2) that reference any of `objs`
/// (`gc.get_referrers(*objs)`), each once.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let one = pyrt_core::builtins::int_new(py, 12345).unwrap().into_any();
///     let l = pyrt_core::builtins::list_new(py, &[one.clone()]).unwrap();
///     let who = pyrt_core::gc::get_referrers(py, &[one]);
///     assert!(who.iter().any(|o| o.is(&l)));
/// });
/// ```
pub fn get_referrers<'py>(py: Python<'py>, objs: &[Bound<'py, PyAny>]) -> Vec<Bound<'py, PyAny>> {
    let mut targets: Vec<NonNull<PyAny>> = objs.iter().map(Bound::as_ptr).collect();
    targets.sort_unstable();
    let mut out = Vec::new();
    for head in py.state().gc.objects(None) {
        // SAFETY: tracked heads belong to live objects.
        let obj = unsafe { object_of(head).as_ref() };
        let mut hit = false;
        traverse_all(obj, &mut |p| hit |= targets.binary_search(&p).is_ok());
        if hit {
            out.push(handle(py, head));
        }
    }
    out
}

/// Whether the collector tracks `obj` (`gc.is_tracked`).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     assert!(pyrt_core::gc::is_tracked(l.as_any()));
///     let n = pyrt_core::builtins::int_new(py, 1).unwrap();
///     assert!(!pyrt_core::gc::is_tracked(n.as_any()));
/// });
/// ```
pub fn is_tracked(obj: &PyAny) -> bool {
    head_of(obj).is_some_and(GcHead::is_tracked)
}

/// Whether `obj`'s finalizer has already run (`gc.is_finalized`; always `false` for
/// objects that are not collectable).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     assert!(!pyrt_core::gc::is_finalized(l.as_any()));
/// });
/// ```
pub fn is_finalized(obj: &PyAny) -> bool {
    head_of(obj).is_some_and(GcHead::is_finalized)
}

/// A snapshot of `gc.garbage`: objects found uncollectable (a legacy `tp_del` or
/// reachable from one) and, under `DebugFlags::SAVEALL`, every unreachable object
/// found. The list keeps them alive until [`clear_garbage`].
///
/// ```
/// pyrt_core::with_test_runtime(|py| assert!(pyrt_core::gc::garbage(py).is_empty()));
/// ```
pub fn garbage(py: Python<'_>) -> Vec<Bound<'_, PyAny>> {
    py.state()
        .gc
        .garbage()
        .into_iter()
        .map(|h| handle(py, h))
        .collect()
}

/// Empties `gc.garbage` (`del gc.garbage[:]`), releasing its references; cycles among
/// the released objects are left for the next collection.
///
/// ```
/// pyrt_core::with_test_runtime(|py| pyrt_core::gc::clear_garbage(py));
/// ```
pub fn clear_garbage(py: Python<'_>) {
    py.state().gc.clear_garbage::<super::PyGcModel>();
    crate::object::release_dealloc_queue(py);
}
