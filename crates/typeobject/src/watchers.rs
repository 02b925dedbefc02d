//! Type watchers (`PyType_AddWatcher`, `PyType_ClearWatcher`, `PyType_Watch`,
//! `PyType_Unwatch`): up to [`MAX_TYPE_WATCHERS`] callbacks, each told when a type it
//! watches is modified.
//!
//! Owns the callback slots, the per-type watch bits (`tp_watched`), calling the
//! callbacks, and reporting their errors. Must not decide when a type is modified (that
//! is `crate::type_modified`).
//!
//! Rules, as in CPython 3.12: watching a type gives it a version tag; a modification of a
//! watched type (or of a base of it) calls each of its watchers once; further
//! modifications before the type's next lookup (which re-tags it) do not call them again.
//! A callback must not modify the type: pyrt does not report modifications made while
//! callbacks run (so a misbehaving callback cannot recurse). A callback's error is not
//! propagated: it goes to the error hook as "Exception ignored in type watcher callback
//! #N for <class 'C'>".

use crate::locked::Locked;
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeObject};
use std::cell::Cell;

/// The most watchers that can be registered at once (CPython's limit).
///
/// ```
/// assert_eq!(pyrt_typeobject::watchers::MAX_TYPE_WATCHERS, 8);
/// ```
pub const MAX_TYPE_WATCHERS: usize = 8;

/// A watcher: called with the modified type.
///
/// ```
/// fn on_change(_py: pyrt_core::Python<'_>, t: &pyrt_core::Bound<'_, pyrt_core::TypeObject>) -> pyrt_core::PyResult<()> {
///     println!("{} changed", t.name_string());
///     Ok(())
/// }
/// let _cb: pyrt_typeobject::watchers::TypeWatchCallback = on_change;
/// ```
pub type TypeWatchCallback = for<'py> fn(Python<'py>, &Bound<'py, TypeObject>) -> PyResult<()>;

/// Receives errors raised by watcher callbacks: the context line and the error.
///
/// ```
/// fn log(py: pyrt_core::Python<'_>, context: &str, e: pyrt_core::PyErr) {
///     eprintln!("{context}: {}", e.message(py));
/// }
/// let _hook: pyrt_typeobject::watchers::WatcherErrorHook = log;
/// ```
pub type WatcherErrorHook = for<'py> fn(Python<'py>, &str, PyErr);

struct State {
    callbacks: [Cell<Option<TypeWatchCallback>>; MAX_TYPE_WATCHERS],
    notifying: Cell<bool>,
    error_hook: Cell<Option<WatcherErrorHook>>,
}

static STATE: Locked<State> = Locked::new(State {
    callbacks: [const { Cell::new(None) }; MAX_TYPE_WATCHERS],
    notifying: Cell::new(false),
    error_hook: Cell::new(None),
});

/// Registers `callback`; returns its id (the lowest free one).
///
/// ```
/// use pyrt_typeobject::watchers;
/// fn seen(_py: pyrt_core::Python<'_>, _t: &pyrt_core::Bound<'_, pyrt_core::TypeObject>) -> pyrt_core::PyResult<()> { Ok(()) }
/// pyrt_typeobject::Runtime::with(|py| {
///     let id = watchers::add_watcher(py, seen).unwrap();
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     watchers::watch(py, id, &a).unwrap();
///     watchers::unwatch(py, id, &a).unwrap();
///     watchers::clear_watcher(py, id).unwrap();
/// });
/// ```
pub fn add_watcher(py: Python<'_>, callback: TypeWatchCallback) -> PyResult<i32> {
    let st = STATE.get(py);
    match st.callbacks.iter().position(|c| c.get().is_none()) {
        Some(i) => {
            st.callbacks[i].set(Some(callback));
            Ok(i as i32)
        }
        None => Err(PyErr::runtime_error(
            py,
            "no more type watcher IDs available",
        )),
    }
}

/// The slot of a registered watcher id, or CPython's `ValueError`.
fn registered(py: Python<'_>, id: i32) -> PyResult<&Cell<Option<TypeWatchCallback>>> {
    let st = STATE.get(py);
    let Some(slot) = usize::try_from(id).ok().and_then(|i| st.callbacks.get(i)) else {
        return Err(PyErr::value_error(
            py,
            format!("Invalid type watcher ID {id}"),
        ));
    };
    if slot.get().is_none() {
        return Err(PyErr::value_error(
            py,
            format!("No type watcher set for ID {id}"),
        ));
    }
    Ok(slot)
}

/// Unregisters watcher `id`. Types keep their watch bit for `id` (as in CPython), so a
/// watcher later given the same id is told about them.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let e = pyrt_typeobject::watchers::clear_watcher(py, 99).unwrap_err();
///     assert_eq!(e.message(py), "Invalid type watcher ID 99");
/// });
/// ```
pub fn clear_watcher(py: Python<'_>, id: i32) -> PyResult<()> {
    registered(py, id)?.set(None);
    Ok(())
}

/// Makes watcher `id` watch `tp` (and gives `tp` a version tag, so its next modification
/// is reported).
///
/// ```
/// use pyrt_typeobject::watchers;
/// fn seen(_py: pyrt_core::Python<'_>, _t: &pyrt_core::Bound<'_, pyrt_core::TypeObject>) -> pyrt_core::PyResult<()> { Ok(()) }
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let id = watchers::add_watcher(py, seen).unwrap();
///     watchers::watch(py, id, &a).unwrap();
///     assert_ne!(a.tp_version_tag.get(), 0);
///     watchers::clear_watcher(py, id).unwrap();
/// });
/// ```
pub fn watch(py: Python<'_>, id: i32, tp: &TypeObject) -> PyResult<()> {
    registered(py, id)?;
    crate::method_cache::assign_version_tag(py, tp);
    tp.tp_watched.set(tp.tp_watched.get() | (1u8 << id));
    Ok(())
}

/// Makes watcher `id` stop watching `tp`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     assert!(pyrt_typeobject::watchers::unwatch(py, -1, &a).is_err());
/// });
/// ```
pub fn unwatch(py: Python<'_>, id: i32, tp: &TypeObject) -> PyResult<()> {
    registered(py, id)?;
    tp.tp_watched.set(tp.tp_watched.get() & !(1u8 << id));
    Ok(())
}

/// Installs the hook that receives callback errors (`None`: print them to stderr, the
/// default); returns the previous hook.
///
/// ```
/// fn quiet(_py: pyrt_core::Python<'_>, _context: &str, _e: pyrt_core::PyErr) {}
/// pyrt_typeobject::Runtime::with(|py| {
///     let previous = pyrt_typeobject::watchers::set_error_hook(py, Some(quiet));
///     pyrt_typeobject::watchers::set_error_hook(py, previous);
/// });
/// ```
pub fn set_error_hook(py: Python<'_>, hook: Option<WatcherErrorHook>) -> Option<WatcherErrorHook> {
    STATE.get(py).error_hook.replace(hook)
}

/// Clears the "callbacks running" mark even if a callback panics.
struct NotifyingGuard<'a>(&'a Cell<bool>);

impl Drop for NotifyingGuard<'_> {
    fn drop(&mut self) {
        self.0.set(false);
    }
}

/// Calls the watchers of each type (in the given order). Modifications made by the
/// callbacks themselves are not reported.
pub(crate) fn notify<'a, 'py: 'a>(
    py: Python<'py>,
    types: impl Iterator<Item = &'a Bound<'py, TypeObject>>,
) {
    let st = STATE.get(py);
    if st.notifying.replace(true) {
        return;
    }
    let _guard = NotifyingGuard(&st.notifying);
    for tp in types {
        let bits = tp.tp_watched.get();
        for (id, slot) in st.callbacks.iter().enumerate() {
            if bits & (1u8 << id) == 0 {
                continue;
            }
            let Some(cb) = slot.get() else { continue };
            if let Err(e) = cb(py, tp) {
                report(py, id, tp, e);
            }
        }
    }
}

fn report(py: Python<'_>, id: usize, tp: &Bound<'_, TypeObject>, e: PyErr) {
    let what = crate::type_type::type_repr(py, tp.as_any())
        .ok()
        .and_then(|r| r.downcast_into::<pyrt_core::builtins::StrObject>().ok())
        .map(|s| s.as_str().to_owned())
        .unwrap_or_else(|| tp.name_string());
    let context = format!("Exception ignored in type watcher callback #{id} for {what}");
    match STATE.get(py).error_hook.get() {
        Some(hook) => hook(py, &context, e),
        None => eprintln!("{context}\n{}: {}", e.type_name(py), e.message(py)),
    }
}
