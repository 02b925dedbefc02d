//! Errors nobody can receive: an exception raised by a finalizer, a weakref callback or
//! a deallocator has no caller to propagate to. CPython reports them through
//! `sys.unraisablehook`; pyrt routes them through one replaceable hook kept in the
//! runtime state.
//!
//! Owns the hook slot, the report record and the default text. Must not decide *when*
//! something is unraisable (the finalization and weakref code call
//! [`write_unraisable`]).
//!
//! The default hook prints what CPython prints, minus the traceback (pyrt has no
//! frames):
//!
//! ```text
//! Exception ignored in: <function cb at 0x7f...>
//! ValueError: boom
//! ```

use crate::builtins::StrObject;
use crate::err::PyErr;
use crate::handle::Bound;
use crate::object::PyAny;
use crate::runtime::Python;
use std::sync::Arc;

/// One unraisable error, as the hook sees it.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let err = pyrt_core::PyErr::value_error(py, "boom");
///     let report = pyrt_core::unraisable::Unraisable { error: &err, object: None };
///     assert!(report.object.is_none());
/// });
/// ```
pub struct Unraisable<'a, 'py> {
    /// The exception.
    pub error: &'a PyErr,
    /// The object the error is attributed to (`Exception ignored in: <object>`): the
    /// finalizer or callback that raised, or the object being finalized.
    pub object: Option<&'a Bound<'py, PyAny>>,
}

/// A replacement for the default report (CPython's `sys.unraisablehook`). It runs under
/// the runtime lock; errors it would raise have nowhere to go, so it returns nothing.
///
/// ```
/// let quiet: pyrt_core::unraisable::UnraisableHook = std::sync::Arc::new(|_py, _report| {});
/// pyrt_core::with_test_runtime(|py| {
///     let old = pyrt_core::unraisable::set_unraisable_hook(py, Some(quiet));
///     pyrt_core::unraisable::set_unraisable_hook(py, old);
/// });
/// ```
pub type UnraisableHook = Arc<dyn for<'a, 'py> Fn(Python<'py>, &Unraisable<'a, 'py>) + Send + Sync>;

/// Reports an error that cannot propagate: calls the installed hook, or prints
/// [`format_unraisable`]'s text to stderr.
///
/// ```
/// use std::sync::{Arc, Mutex};
/// pyrt_core::with_test_runtime(|py| {
///     let seen = Arc::new(Mutex::new(Vec::new()));
///     let log = seen.clone();
///     let old = pyrt_core::unraisable::set_unraisable_hook(
///         py,
///         Some(Arc::new(move |py, u| log.lock().unwrap().push(u.error.message(py)))),
///     );
///     pyrt_core::unraisable::write_unraisable(py, pyrt_core::PyErr::value_error(py, "boom"), None);
///     pyrt_core::unraisable::set_unraisable_hook(py, old);
///     assert_eq!(*seen.lock().unwrap(), ["boom"]);
/// });
/// ```
pub fn write_unraisable(py: Python<'_>, error: PyErr, object: Option<&Bound<'_, PyAny>>) {
    let hook = py.state().unraisable_hook.borrow().clone();
    let report = Unraisable {
        error: &error,
        object,
    };
    match hook {
        Some(hook) => hook(py, &report),
        None => eprint!("{}", format_unraisable(py, &report)),
    }
}

/// Installs `hook` (`None`: back to the default report) and returns the previous one.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert!(pyrt_core::unraisable::set_unraisable_hook(py, None).is_none());
/// });
/// ```
pub fn set_unraisable_hook(py: Python<'_>, hook: Option<UnraisableHook>) -> Option<UnraisableHook> {
    std::mem::replace(&mut *py.state().unraisable_hook.borrow_mut(), hook)
}

/// The default report: `Exception ignored in: <repr of object>` (when there is an
/// object; `<object repr() failed>` when its repr raises), then `Type: message` as
/// `str(exception)` gives it.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let err = pyrt_core::PyErr::value_error(py, "boom");
///     let text = pyrt_core::unraisable::format_unraisable(
///         py,
///         &pyrt_core::unraisable::Unraisable { error: &err, object: None },
///     );
///     assert_eq!(text, "ValueError: boom\n");
/// });
/// ```
pub fn format_unraisable(py: Python<'_>, report: &Unraisable<'_, '_>) -> String {
    let mut out = String::new();
    if let Some(obj) = report.object {
        let shown = repr_text(py, obj).unwrap_or_else(|| "<object repr() failed>".to_owned());
        out.push_str(&format!("Exception ignored in: {shown}\n"));
    }
    let value = report.error.value(py);
    let name = report.error.type_name(py);
    let text = str_text(py, value).unwrap_or_else(|| report.error.message(py));
    out.push_str(&format!("{name}: {text}\n"));
    out
}

/// `repr(obj)` through `tp_repr`, or the `<T object at 0x…>` default; `None` if it fails.
fn repr_text(py: Python<'_>, obj: &Bound<'_, PyAny>) -> Option<String> {
    match obj.ob_type().tp_repr.get() {
        Some(f) => text_of(f(py, obj).ok()?),
        None => Some(format!(
            "<{} object at {:#x}>",
            obj.type_name(),
            obj.as_ptr().as_ptr() as usize
        )),
    }
}

/// `str(exc)` through `tp_str`; `None` when there is no slot or it fails.
fn str_text(py: Python<'_>, exc: &Bound<'_, PyAny>) -> Option<String> {
    let f = exc.ob_type().tp_str.get()?;
    text_of(f(py, exc).ok()?)
}

fn text_of(obj: Bound<'_, PyAny>) -> Option<String> {
    obj.downcast::<StrObject>()
        .ok()
        .map(|s| s.as_str().to_owned())
}
