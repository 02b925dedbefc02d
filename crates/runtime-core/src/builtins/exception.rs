//! The `BaseException` payload: `args`, the instance dict, and the chaining fields.
//!
//! Owns the layout, traversal, clear and destruction of exception instances. Message
//! formatting (`str(exc)`) is a slot filled by `pyrt-typeobject`.

use super::TupleObject;
use crate::handle::Bound;
use crate::object::{ObjectHeader, PyAny, PyLayout};
use crate::runtime::Python;
use crate::types::{ObjCell, TypeFlags};
use std::cell::Cell;
use std::ptr::NonNull;

/// An exception instance.
///
/// ```
/// use pyrt_core::builtins::BaseExceptionObject;
/// pyrt_core::with_test_runtime(|py| {
///     let e = pyrt_core::PyErr::value_error(py, "bad value").into_value(py);
///     let exc = e.downcast::<BaseExceptionObject>().unwrap();
///     assert_eq!(exc.args.get(py).unwrap().len(), 1); // `args == ("bad value",)`
///     assert!(exc.cause.is_none() && !exc.suppress_context.get());
/// });
/// ```
#[repr(C)]
pub struct BaseExceptionObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The instance `__dict__` (`tp_dictoffset` points here).
    pub dict: ObjCell<PyAny>,
    /// `args`.
    pub args: ObjCell<TupleObject>,
    /// `__notes__`.
    pub notes: ObjCell<PyAny>,
    /// `__traceback__`.
    pub traceback: ObjCell<PyAny>,
    /// `__context__`.
    pub context: ObjCell<PyAny>,
    /// `__cause__`.
    pub cause: ObjCell<PyAny>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
}

// SAFETY: repr(C), header first, zero-valid; BASE_EXC_SUBCLASS marks exception types.
unsafe impl PyLayout for BaseExceptionObject {
    fn type_check(obj: &PyAny) -> bool {
        obj.ob_type().has_flag(TypeFlags::BASE_EXC_SUBCLASS)
    }
}

impl BaseExceptionObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 6] {
        // SAFETY: ObjCell<T> is repr(transparent) over the same pointer for every T.
        let args =
            unsafe { &*(&self.args as *const ObjCell<TupleObject> as *const ObjCell<PyAny>) };
        [
            &self.dict,
            args,
            &self.notes,
            &self.traceback,
            &self.context,
            &self.cause,
        ]
    }
}

/// `tp_traverse` of exceptions.
pub(crate) fn exception_traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: only installed on exception types.
    let e = unsafe { &*(obj as *const PyAny as *const BaseExceptionObject) };
    e.fields().iter().filter_map(|c| c.as_ptr()).for_each(visit);
}

/// `tp_clear` of exceptions.
pub(crate) fn exception_clear(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    // SAFETY: only installed on exception types.
    let e = unsafe { obj.downcast_unchecked::<BaseExceptionObject>() };
    // Move every field out first, release after: each release may run arbitrary code.
    let taken: Vec<_> = e.fields().iter().filter_map(|c| c.take(py)).collect();
    drop(taken);
}

/// `tp_dealloc` of exceptions.
///
/// # Safety
/// `obj` is an exception with refcount zero.
pub(crate) unsafe fn exception_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: the object is still allocated.
    let e = unsafe { &*(obj.as_ptr() as *const BaseExceptionObject) };
    // Move every field out first, release after.
    let taken: Vec<_> = e.fields().iter().filter_map(|c| c.take(py)).collect();
    drop(taken);
    // SAFETY: payload destroyed.
    unsafe { super::layouts::call_tp_free(py, obj) };
}
