//! `PyErr` and `PyResult<T>`: errors are real exception objects carried in a `Result`.
//!
//! Owns creating exception instances for Rust-side errors and reading them back.
//! Must not format messages of particular operations (callers pass CPython's text).

use crate::builtins::{BaseExceptionObject, StrObject, TupleObject, str_new, tuple_new};
use crate::handle::{Bound, Py};
use crate::object::{PyAny, generic_alloc};
use crate::runtime::Python;
use crate::types::TypeObject;

/// The result of a fallible runtime operation.
pub type PyResult<T> = Result<T, PyErr>;

/// A raised exception: owns an instance of a `BaseException` subclass.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let e = pyrt_core::PyErr::type_error(py, "bad operand");
///     assert_eq!(e.type_name(py), "TypeError");
///     assert_eq!(e.message(py), "bad operand");
/// });
/// ```
pub struct PyErr {
    value: Py<PyAny>,
}

impl PyErr {
    /// An exception of type `tp` with `args == (msg,)`.
    pub fn new(py: Python<'_>, tp: &TypeObject, msg: &str) -> PyErr {
        let args = match str_new(py, msg) {
            Ok(s) => tuple_new(py, &[s.into_any()]),
            Err(e) => return e,
        };
        match args {
            Ok(args) => PyErr::with_args(py, tp, args),
            Err(e) => e,
        }
    }

    /// An exception of type `tp` with the given args tuple.
    pub fn with_args(py: Python<'_>, tp: &TypeObject, args: Bound<'_, TupleObject>) -> PyErr {
        let obj = match generic_alloc(py, tp, 0) {
            Ok(o) => o,
            Err(e) => return e,
        };
        // SAFETY: exception types lay out instances as BaseExceptionObject (their
        // basicsize is at least its size: checked by the exception types' layout init).
        let exc = unsafe { obj.downcast_unchecked::<BaseExceptionObject>() };
        exc.args.set(py, Some(args));
        PyErr {
            value: obj.unbind(),
        }
    }

    /// Wraps an existing exception instance.
    pub fn from_value(value: Bound<'_, PyAny>) -> PyErr {
        PyErr {
            value: value.unbind(),
        }
    }

    /// A `MemoryError`. Allocation failure while creating it aborts the process, as the
    /// standard library's allocation failure handling does.
    pub fn memory_error(py: Python<'_>) -> PyErr {
        let tp = py.builtins().memory_error();
        let empty = match tuple_new(py, &[]) {
            Ok(t) => t,
            Err(_) => {
                std::alloc::handle_alloc_error(std::alloc::Layout::new::<BaseExceptionObject>())
            }
        };
        PyErr::with_args(py, tp, empty)
    }

    /// `TypeError(msg)`.
    pub fn type_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().type_error(), msg.as_ref())
    }

    /// `ValueError(msg)`.
    pub fn value_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().value_error(), msg.as_ref())
    }

    /// `AttributeError(msg)`.
    pub fn attribute_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().attribute_error(), msg.as_ref())
    }

    /// `SystemError(msg)`.
    pub fn system_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().system_error(), msg.as_ref())
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().overflow_error(), msg.as_ref())
    }

    /// `IndexError(msg)`.
    pub fn index_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().index_error(), msg.as_ref())
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().runtime_error(), msg.as_ref())
    }

    /// `KeyError(key)`.
    pub fn key_error(py: Python<'_>, key: &Bound<'_, PyAny>) -> PyErr {
        match tuple_new(py, std::slice::from_ref(key)) {
            Ok(args) => PyErr::with_args(py, py.builtins().key_error(), args),
            Err(e) => e,
        }
    }

    /// The exception instance.
    pub fn value<'py>(&self, py: Python<'py>) -> &Bound<'py, PyAny> {
        self.value.bind(py)
    }

    /// Converts into the exception instance.
    pub fn into_value(self, py: Python<'_>) -> Bound<'_, PyAny> {
        self.value.into_bound(py)
    }

    /// The exception's type.
    pub fn get_type<'py>(&self, py: Python<'py>) -> &'py TypeObject {
        let v = self.value.bind(py);
        // SAFETY: the instance (owned by self) keeps its type alive; 'py is bounded by
        // the token, and the type of an exception instance is not reassigned while the
        // caller uses the reference.
        unsafe { &*(v.ob_type() as *const TypeObject) }
    }

    /// The exception type's name (`tp_name`).
    pub fn type_name(&self, py: Python<'_>) -> String {
        self.get_type(py).name_string()
    }

    /// Whether the exception is an instance of `tp` (or a subclass).
    pub fn is_instance_of(&self, py: Python<'_>, tp: &TypeObject) -> bool {
        self.get_type(py).is_subtype(tp)
    }

    /// The first argument if it is a string (the message), else an empty string.
    pub fn message(&self, py: Python<'_>) -> String {
        let v = self.value.bind(py);
        // SAFETY: every exception instance is laid out as BaseExceptionObject.
        let exc = unsafe { v.downcast_unchecked::<BaseExceptionObject>() };
        exc.args
            .get(py)
            .and_then(|a| a.get(py, 0))
            .and_then(|m| {
                m.downcast::<StrObject>()
                    .ok()
                    .map(|s| s.as_str().to_owned())
            })
            .unwrap_or_default()
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if crate::runtime::lock_held_by_this_thread() {
            // SAFETY: this thread holds the lock and the state exists (a PyErr exists).
            let py = unsafe { Python::assume_locked() };
            write!(f, "{}: {}", self.type_name(py), self.message(py))
        } else {
            write!(f, "PyErr({:?})", self.value)
        }
    }
}

impl std::fmt::Display for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for PyErr {}
