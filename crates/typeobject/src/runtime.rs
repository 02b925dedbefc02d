//! The runtime handle: entering the runtime (taking the lock) and the one-time
//! initialisation of every builtin type, readied by the same `type_ready` as any type.
//!
//! Owns the init sequence: core layouts → core type slots → static bases and flags →
//! readying every builtin.

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

impl Runtime {
    /// Runs `f` under the runtime lock with a token, initialising the runtime on first
    /// use.
    pub fn with<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
        pyrt_core::runtime::enter(init, f)
    }
}

/// The CPython base of each builtin exception (others derive from `object`).
pub(crate) fn builtin_base_name(name: &str) -> Option<&'static str> {
    Some(match name {
        "bool" => "int",
        "BaseException" => "object",
        "Exception" => "BaseException",
        "LookupError" | "ArithmeticError" | "TypeError" | "AttributeError" | "ValueError"
        | "SystemError" | "MemoryError" | "RuntimeError" | "NameError" | "StopIteration"
        | "AssertionError" => "Exception",
        "KeyError" | "IndexError" => "LookupError",
        "OverflowError" | "ZeroDivisionError" => "ArithmeticError",
        "RecursionError" | "NotImplementedError" => "RuntimeError",
        _ => return None,
    })
}

/// Types that may not be subclassed.
fn is_final(name: &str) -> bool {
    matches!(name, "bool" | "NoneType" | "NotImplementedType")
}

fn init(py: Python<'_>) {
    init_core_layouts(py);
    crate::type_type::install(py);
    set_static_bases(py);
    for (name, tp) in py.builtins().all() {
        if !is_final(name) {
            tp.add_flags(TypeFlags::BASETYPE);
        }
        tp.add_flags(TypeFlags::DEFAULT);
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
        if let Some(base) = builtin_base_name(name).and_then(find) {
            tp.tp_base.set(py, Some(Bound::from_ref(py, base)));
        }
    }
}
