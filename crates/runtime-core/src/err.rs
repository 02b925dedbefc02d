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

/// Making exceptions (from a type and message, or per common type) and reading them
/// back (instance, type, message). `PyErr` prints as `Type: message` under the lock.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let r: pyrt_core::PyResult<()> = Err(pyrt_core::PyErr::runtime_error(py, "boom"));
///     let e = r.unwrap_err();
///     assert_eq!(e.to_string(), "RuntimeError: boom");
/// });
/// ```
impl PyErr {
    /// An exception of type `tp` with `args == (msg,)`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::new(py, py.builtins().key_error(), "missing");
    ///     assert_eq!(e.type_name(py), "KeyError");
    ///     assert_eq!(e.message(py), "missing");
    /// });
    /// ```
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
    ///
    /// ```
    /// use pyrt_core::builtins::{BaseExceptionObject, int_new, str_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (msg, code) = (str_new(py, "bad").unwrap(), int_new(py, 3).unwrap());
    ///     let args = tuple_new(py, &[msg.into_any(), code.into_any()]).unwrap();
    ///     let e = pyrt_core::PyErr::with_args(py, py.builtins().value_error(), args);
    ///     let exc = e.value(py).downcast::<BaseExceptionObject>().unwrap();
    ///     assert_eq!(exc.args.get(py).unwrap().len(), 2);
    ///     assert_eq!(e.message(py), "bad");
    /// });
    /// ```
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
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let v = pyrt_core::PyErr::index_error(py, "out of range").into_value(py);
    ///     let e = pyrt_core::PyErr::from_value(v.clone());
    ///     assert!(e.value(py).is(&v));
    ///     assert_eq!(e.message(py), "out of range");
    /// });
    /// ```
    pub fn from_value(value: Bound<'_, PyAny>) -> PyErr {
        PyErr {
            value: value.unbind(),
        }
    }

    /// A `MemoryError`. Allocation failure while creating it aborts the process, as the
    /// standard library's allocation failure handling does.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::memory_error(py);
    ///     assert_eq!(e.type_name(py), "MemoryError");
    ///     assert_eq!(e.message(py), ""); // `args == ()`
    /// });
    /// ```
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
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::type_error(py, format!("unhashable type: '{}'", "list"));
    ///     assert!(e.is_instance_of(py, py.builtins().type_error()));
    ///     assert_eq!(e.message(py), "unhashable type: 'list'");
    /// });
    /// ```
    pub fn type_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().type_error(), msg.as_ref())
    }

    /// `ValueError(msg)`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::value_error(py, "bad value");
    ///     assert!(e.is_instance_of(py, py.builtins().value_error()));
    ///     assert_eq!(e.message(py), "bad value");
    /// });
    /// ```
    pub fn value_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().value_error(), msg.as_ref())
    }

    /// `AttributeError(msg)`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::attribute_error(py, "no attribute 'x'");
    ///     assert!(e.is_instance_of(py, py.builtins().attribute_error()));
    ///     assert_eq!(e.message(py), "no attribute 'x'");
    /// });
    /// ```
    pub fn attribute_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().attribute_error(), msg.as_ref())
    }

    /// `SystemError(msg)`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::system_error(py, "internal error");
    ///     assert!(e.is_instance_of(py, py.builtins().system_error()));
    ///     assert_eq!(e.message(py), "internal error");
    /// });
    /// ```
    pub fn system_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().system_error(), msg.as_ref())
    }

    /// `OverflowError(msg)`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::overflow_error(py, "too large");
    ///     assert!(e.is_instance_of(py, py.builtins().overflow_error()));
    ///     assert_eq!(e.message(py), "too large");
    /// });
    /// ```
    pub fn overflow_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().overflow_error(), msg.as_ref())
    }

    /// `IndexError(msg)`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::index_error(py, "list index out of range");
    ///     assert!(e.is_instance_of(py, py.builtins().index_error()));
    ///     assert_eq!(e.message(py), "list index out of range");
    /// });
    /// ```
    pub fn index_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().index_error(), msg.as_ref())
    }

    /// `RuntimeError(msg)`.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::runtime_error(py, "boom");
    ///     assert!(e.is_instance_of(py, py.builtins().runtime_error()));
    ///     assert_eq!(e.message(py), "boom");
    /// });
    /// ```
    pub fn runtime_error(py: Python<'_>, msg: impl AsRef<str>) -> PyErr {
        PyErr::new(py, py.builtins().runtime_error(), msg.as_ref())
    }

    /// `KeyError(key)`.
    ///
    /// ```
    /// use pyrt_core::builtins::{int_new, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::key_error(py, str_new(py, "spam").unwrap().as_any());
    ///     assert_eq!(e.type_name(py), "KeyError");
    ///     assert_eq!(e.message(py), "spam"); // `args == (key,)`
    ///     let e = pyrt_core::PyErr::key_error(py, int_new(py, 1).unwrap().as_any());
    ///     assert_eq!(e.message(py), ""); // the key is not a string
    /// });
    /// ```
    pub fn key_error(py: Python<'_>, key: &Bound<'_, PyAny>) -> PyErr {
        match tuple_new(py, std::slice::from_ref(key)) {
            Ok(args) => PyErr::with_args(py, py.builtins().key_error(), args),
            Err(e) => e,
        }
    }

    /// The exception instance.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::type_error(py, "bad operand");
    ///     assert_eq!(e.value(py).type_name(), "TypeError");
    ///     assert_eq!(e.value(py).refcnt(), 1); // owned by `e` alone
    /// });
    /// ```
    pub fn value<'py>(&self, py: Python<'py>) -> &Bound<'py, PyAny> {
        self.value.bind(py)
    }

    /// Converts into the exception instance.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let before = py.live_objects();
    ///     let v = pyrt_core::PyErr::value_error(py, "bad value").into_value(py);
    ///     assert_eq!((v.type_name(), v.refcnt()), ("ValueError".to_owned(), 1));
    ///     drop(v);
    ///     assert_eq!(py.live_objects(), before);
    /// });
    /// ```
    pub fn into_value(self, py: Python<'_>) -> Bound<'_, PyAny> {
        self.value.into_bound(py)
    }

    /// The exception's type.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::type_error(py, "bad operand");
    ///     assert!(std::ptr::eq(e.get_type(py), py.builtins().type_error()));
    /// });
    /// ```
    pub fn get_type<'py>(&self, py: Python<'py>) -> &'py TypeObject {
        let v = self.value.bind(py);
        // SAFETY: the instance (owned by self) keeps its type alive; 'py is bounded by
        // the token, and the type of an exception instance is not reassigned while the
        // caller uses the reference.
        unsafe { &*(v.ob_type() as *const TypeObject) }
    }

    /// The exception type's name (`tp_name`).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::overflow_error(py, "too large");
    ///     assert_eq!(e.type_name(py), "OverflowError");
    /// });
    /// ```
    pub fn type_name(&self, py: Python<'_>) -> String {
        self.get_type(py).name_string()
    }

    /// Whether the exception is an instance of `tp` (or a subclass).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let e = pyrt_core::PyErr::type_error(py, "bad operand");
    ///     assert!(e.is_instance_of(py, py.builtins().type_error()));
    ///     assert!(!e.is_instance_of(py, py.builtins().value_error()));
    /// });
    /// ```
    pub fn is_instance_of(&self, py: Python<'_>, tp: &TypeObject) -> bool {
        self.get_type(py).is_subtype(tp)
    }

    /// The first argument if it is a string (the message), else an empty string.
    ///
    /// ```
    /// use pyrt_core::builtins::{int_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert_eq!(pyrt_core::PyErr::value_error(py, "bad value").message(py), "bad value");
    ///     let args = tuple_new(py, &[int_new(py, 7).unwrap().into_any()]).unwrap();
    ///     let e = pyrt_core::PyErr::with_args(py, py.builtins().value_error(), args);
    ///     assert_eq!(e.message(py), "");
    /// });
    /// ```
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
