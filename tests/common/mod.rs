//! Helpers shared by the class-creation suites (`mro_fixtures`, `mro_properties`,
//! `class_errors`). Each test binary uses a subset of them.
#![allow(dead_code)]

use pyrt::{Bound, PyErr, Python, TypeObject, mro, names};

/// `[c.__name__ for c in tp.__mro__]`.
pub fn mro_names(py: Python<'_>, tp: &TypeObject) -> Vec<String> {
    mro::mro_of(tp)
        .iter()
        // SAFETY: the entries are kept alive by `tp`'s MRO tuple, which is not replaced
        // while the names are read.
        .map(|t| names::name(py, unsafe { t.as_ref() }))
        .collect()
}

/// The builtin type with this Python name, for the builtins the fixtures use as bases.
pub fn builtin<'py>(py: Python<'py>, name: &str) -> Option<Bound<'py, TypeObject>> {
    let b = py.builtins();
    let tp = match name {
        "object" => b.object(),
        "int" => b.int(),
        "str" => b.str_(),
        "tuple" => b.tuple(),
        "dict" => b.dict(),
        "bool" => b.bool_(),
        "type" => b.type_(),
        "list" => b.list(),
        _ => return None,
    };
    Some(Bound::from_ref(py, tp))
}

/// `"<ExceptionType>: <message>"`, as `f"{type(e).__name__}: {e}"` prints it.
pub fn describe_err(py: Python<'_>, e: &PyErr) -> String {
    format!("{}: {}", e.type_name(py), e.message(py))
}

/// Runs `f` in the runtime and checks that every object it allocated is freed by its end
/// (after a full collection: classes are cycles through their MRO).
pub fn checked<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
    pyrt::Runtime::with(|py| {
        pyrt::gc::collect(py, 2);
        let before = py.live_objects();
        let r = f(py);
        pyrt::gc::collect(py, 2);
        assert_eq!(py.live_objects(), before, "objects leaked by the test");
        r
    })
}
