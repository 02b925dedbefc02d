//! Helpers shared by the `native_*` suites: a leak-checked runtime section that first
//! creates the native layer's process-wide objects, and short call/attribute helpers.
#![allow(dead_code)]

use pyrt::native::{self, get_attr};
use pyrt::{Bound, PyAny, PyErr, PyResult, Python};

/// Runs `f` in the runtime and checks that every object it allocated is freed by its end
/// (after a full collection), and that the collector's bookkeeping is consistent.
pub fn checked<R>(f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
    pyrt::Runtime::with(|py| {
        native::init(py).unwrap();
        // Once minipy has run in the process, core types call into it (it installs
        // `tp_iter` on tuple, list, ...), and it makes its own types on each thread's
        // first use: make them before counting.
        let _ = minipy::eval::state(py);
        pyrt::gc::collect(py, 2);
        let before = py.live_objects();
        let r = f(py);
        pyrt::gc::collect(py, 2);
        pyrt::gc::verify(py).expect("gc::verify");
        assert_eq!(py.live_objects(), before, "objects leaked by the test");
        r
    })
}

/// `"<ExceptionType>: <message>"`.
pub fn describe(py: Python<'_>, e: &PyErr) -> String {
    format!("{}: {}", e.type_name(py), e.message(py))
}

/// `obj.name` as an i64.
pub fn get_i64(py: Python<'_>, obj: &Bound<'_, PyAny>, name: &str) -> i64 {
    native::extract_i64(&get_attr(py, obj, name).unwrap()).unwrap()
}

/// `obj.name(*args)`.
pub fn call_method<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    pyrt::call::call_method(py, obj, name, args)
}
