//! BaseException's getset attributes. Expectations printed by
//! `tests/fixtures/record_exception_attrs.py` (CPython 3.11):
//!
//! ```text
//! args after set: (1, 2)
//! __cause__ -> exception cause must be None or derive from BaseException
//! __context__ -> exception context must be None or derive from BaseException
//! __traceback__ -> __traceback__ must be a traceback or None
//! del args -> args may not be deleted
//! suppress before: False
//! suppress after cause=None: True
//! ```

use pyrt_core::builtins::{TupleObject, int_new, intern, list_new};
use pyrt_core::protocol::{is_true, none};
use pyrt_core::{Bound, PyAny, PyErr, Python};
use pyrt_typeobject::Runtime;
use pyrt_typeobject::attr::{getattr, setattr};

fn name<'py>(py: Python<'py>, n: &str) -> Bound<'py, PyAny> {
    intern(py, n).unwrap().into_any()
}

#[test]
fn exception_attributes_behave_as_in_cpython() {
    Runtime::with(|py| {
        let before = py.live_objects();
        {
            let one = int_new(py, 1).unwrap().into_any();
            let e = PyErr::with_args(
                py,
                py.builtins().value_error(),
                pyrt_core::builtins::tuple_new(py, std::slice::from_ref(&one)).unwrap(),
            )
            .into_value(py);
            let two = int_new(py, 2).unwrap().into_any();
            let l = list_new(py, &[one, two]).unwrap().into_any();
            setattr(py, &e, &name(py, "args"), Some(&l)).unwrap();
            let args = getattr(py, &e, &name(py, "args")).unwrap();
            assert_eq!(args.downcast::<TupleObject>().unwrap().len(), 2);
            let five = int_new(py, 5).unwrap().into_any();
            for (attr, msg) in [
                (
                    "__cause__",
                    "exception cause must be None or derive from BaseException",
                ),
                (
                    "__context__",
                    "exception context must be None or derive from BaseException",
                ),
                ("__traceback__", "__traceback__ must be a traceback or None"),
            ] {
                let err = setattr(py, &e, &name(py, attr), Some(&five)).unwrap_err();
                assert_eq!(err.message(py), msg);
            }
            let err = setattr(py, &e, &name(py, "args"), None).unwrap_err();
            assert_eq!(err.message(py), "args may not be deleted");
            let sup = name(py, "__suppress_context__");
            assert!(!is_true(py, &getattr(py, &e, &sup).unwrap()).unwrap());
            setattr(py, &e, &name(py, "__cause__"), Some(&none(py))).unwrap();
            assert!(is_true(py, &getattr(py, &e, &sup).unwrap()).unwrap());
        }
        pyrt_core::gc::collect(py, 2);
        assert_eq!(py.live_objects(), before);
    });
}
