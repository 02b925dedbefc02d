//! The runtime handle: entering the runtime (taking the lock) and the one-time
//! initialisation of every builtin type, readied by the same `type_ready` as any type.
//!
//! Owns the init sequence: core layouts → `type`'s slots → the builtins' behaviour
//! slots → static bases → readying every builtin.

use crate::builtins::exception_base_of;
use crate::type_ready::type_ready;
use pyrt_core::builtins::init_core_layouts;
use pyrt_core::{Bound, Python, TypeFlags, TypeObject};

/// The runtime handle. There is one runtime per process; [`Runtime::with`] takes the
/// runtime lock (reentrantly) and hands out the [`Python`] token.
///
/// ```
/// use pyrt_typeobject::Runtime;
/// let name = Runtime::with(|py| pyrt_typeobject::names::name(py, py.builtins().int()));
/// assert_eq!(name, "int");
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Runtime;

/// Entering the runtime; the first entry readies every builtin type.
///
/// ```
/// use pyrt_core::TypeFlags;
/// pyrt_typeobject::Runtime::with(|py| {
///     let all = py.builtins().all();
///     assert!(all.iter().any(|(name, _)| *name == "int"));
///     assert!(all.iter().all(|(_, tp)| tp.has_flag(TypeFlags::READY)));
/// });
/// ```
impl Runtime {
    /// Runs `f` under the runtime lock with a token, initialising the runtime on first
    /// use. Reentrant: `with` may be called again inside `f`.
    ///
    /// ```
    /// use pyrt_typeobject::Runtime;
    /// let ok = Runtime::with(|py| {
    ///     let before = py.live_objects();
    ///     let s = pyrt_core::builtins::str_new(py, "hi").unwrap();
    ///     let inner = Runtime::with(|_py2| s.as_str().to_owned());
    ///     drop(s);
    ///     inner == "hi" && py.live_objects() == before
    /// });
    /// assert!(ok);
    /// ```
    pub fn with<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
        pyrt_core::runtime::enter(init, f)
    }
}

fn init(py: Python<'_>) {
    crate::method_cache::install(py);
    init_core_layouts(py);
    crate::type_type::install(py);
    crate::builtins::install_behaviour_slots(py);
    crate::slot_wrapper::install_types(py);
    crate::ops::install_types(py);
    crate::builtins::install_iterator_types(py);
    set_static_bases(py);
    for (_, tp) in py.builtins().all() {
        // SAFETY: DEFAULT is HAVE_VERSION_TAG only; no layout depends on it.
        unsafe {
            tp.add_flags(TypeFlags::DEFAULT);
        }
    }
    for (name, tp) in py.builtins().all() {
        if let Err(e) = type_ready(py, tp) {
            // Readying the builtins cannot fail unless pyrt itself is broken.
            panic!("pyrt: readying builtin type '{name}' failed: {e:?}");
        }
    }
}

fn set_static_bases(py: Python<'_>) {
    let all = py.builtins().all();
    let find =
        |n: &str| -> Option<&TypeObject> { all.iter().find(|(m, _)| *m == n).map(|(_, t)| *t) };
    for (name, tp) in &all {
        let base_name = if *name == "bool" {
            "int"
        } else {
            exception_base_of(name)
        };
        if let Some(base) = find(base_name) {
            // SAFETY: each builtin's payload extends its CPython base's (bool is an int,
            // every exception a BaseExceptionObject); no instance exists yet.
            unsafe {
                tp.tp_base.set(py, Some(Bound::from_ref(py, base)));
            }
        }
    }
}
