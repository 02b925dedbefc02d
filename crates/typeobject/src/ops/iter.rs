//! Iteration through `tp_iter` / `tp_iternext`, and the `iterator` type CPython uses
//! for objects that have no `__iter__` but are sequences (`sq_item`): it calls
//! `obj[0]`, `obj[1]`, ... until `IndexError` or `StopIteration`.
//!
//! Owns `iter()`, `next()` and the sequence iterator type; messages `'A' object is not
//! iterable`, `iter() returned non-iterator of type 'int'`, `'int' object is not an
//! iterator`.

use crate::names::tp_name;
use pyrt_core::object::{ObjectHeader, PyAny, PyLayout, generic_alloc};
use pyrt_core::types::ObjCell;
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeFlags};
use std::cell::Cell;

/// `iter(obj)`: `tp_iter` (whose result must have `tp_iternext`), else a sequence
/// iterator over `sq_item`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let l = pyrt_core::builtins::list_new(py, &[one.clone()]).unwrap().into_any();
///     let it = pyrt_typeobject::ops::iter(py, &l).unwrap();
///     assert!(pyrt_typeobject::ops::next(py, &it).unwrap().unwrap().is(&one));
///     assert!(pyrt_typeobject::ops::next(py, &it).unwrap().is_none());
///     let e = pyrt_typeobject::ops::iter(py, &one).unwrap_err();
///     assert_eq!(e.message(py), "'int' object is not iterable");
/// });
/// ```
pub fn iter<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let tp = obj.ob_type();
    if let Some(f) = tp.tp_iter.get() {
        let it = f(py, obj)?;
        if it.ob_type().tp_iternext.get().is_none() {
            return Err(PyErr::type_error(
                py,
                format!(
                    "iter() returned non-iterator of type '{}'",
                    tp_name(it.ob_type())
                ),
            ));
        }
        return Ok(it);
    }
    let is_sequence = tp.sequence().and_then(|s| s.sq_item.get()).is_some()
        && !tp.has_flag(TypeFlags::DICT_SUBCLASS);
    if is_sequence {
        return seq_iter_new(py, obj);
    }
    Err(PyErr::type_error(
        py,
        format!("'{}' object is not iterable", tp_name(tp)),
    ))
}

/// `next(it)`: `Ok(None)` when the iterator is exhausted.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let e = pyrt_typeobject::ops::next(py, &one).unwrap_err();
///     assert_eq!(e.message(py), "'int' object is not an iterator");
/// });
/// ```
pub fn next<'py>(py: Python<'py>, it: &Bound<'py>) -> PyResult<Option<Bound<'py>>> {
    match it.ob_type().tp_iternext.get() {
        Some(f) => f(py, it),
        None => Err(PyErr::type_error(
            py,
            format!("'{}' object is not an iterator", tp_name(it.ob_type())),
        )),
    }
}

/// An `iterator` over a sequence: the sequence (cleared when exhausted) and the next
/// index.
///
/// ```
/// use pyrt_core::types::{SlotId, SlotValue};
/// use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags};
/// use pyrt_typeobject::{Slot, TypeSpec, from_spec};
/// // A sequence with `sq_item` and no `__iter__`: items 0, 1, 2.
/// fn item<'py>(py: Python<'py>, _s: &Bound<'py, PyAny>, i: isize) -> PyResult<Bound<'py, PyAny>> {
///     if i < 3 {
///         Ok(pyrt_core::builtins::int_new(py, i as i64)?.into_any())
///     } else {
///         Err(PyErr::index_error(py, "out of range"))
///     }
/// }
/// pyrt_typeobject::Runtime::with(|py| {
///     let slots = [Slot::new(SlotId::SQ_ITEM, SlotValue::SsizeArg(item))];
///     let spec = TypeSpec { name: "m.Seq", basicsize: 0, itemsize: 0, flags: TypeFlags::DEFAULT, slots: &slots };
///     let tp = from_spec(py, &spec, None, None, None).unwrap();
///     let seq = pyrt_typeobject::call_type(py, &tp, &[]).unwrap();
///     let it = pyrt_typeobject::ops::iter(py, &seq).unwrap();
///     assert!(it.downcast::<pyrt_typeobject::ops::SeqIterObject>().is_ok());
///     let mut n = 0;
///     while pyrt_typeobject::ops::next(py, &it).unwrap().is_some() {
///         n += 1;
///     }
///     assert_eq!(n, 3);
/// });
/// ```
#[repr(C)]
pub struct SeqIterObject {
    /// Header.
    pub ob_base: ObjectHeader,
    seq: ObjCell<PyAny>,
    index: Cell<isize>,
}

// SAFETY: repr(C), header first, zero-valid fields; type_check accepts exactly
// instances of `iterator`, laid out as this struct and not subclassable.
unsafe impl PyLayout for SeqIterObject {
    fn type_check(obj: &PyAny) -> bool {
        // SAFETY: objects are only reachable under the runtime lock, whose state exists.
        let py = unsafe { Python::assume_locked() };
        std::ptr::eq(obj.ob_type(), py.builtins().seq_iterator())
    }
}

fn seq_iter_new<'py>(py: Python<'py>, seq: &Bound<'py>) -> PyResult<Bound<'py>> {
    let obj = generic_alloc(py, py.builtins().seq_iterator(), 0)?;
    // SAFETY: just allocated as an `iterator`.
    let it = unsafe { obj.downcast_unchecked::<SeqIterObject>() };
    it.seq.set(py, Some(seq.clone()));
    Ok(obj)
}

fn this<'a, 'py>(obj: &'a Bound<'py>) -> &'a Bound<'py, SeqIterObject> {
    // SAFETY: installed on `iterator`, which is not subclassable.
    unsafe { obj.downcast_unchecked::<SeqIterObject>() }
}

/// `tp_iternext`: `seq[i]`; `IndexError` or `StopIteration` ends the iteration.
fn seq_iter_next<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Option<Bound<'py>>> {
    let it = this(obj);
    let Some(seq) = it.seq.get(py) else {
        return Ok(None);
    };
    let Some(f) = seq.ob_type().sequence().and_then(|s| s.sq_item.get()) else {
        it.seq.set(py, None);
        return Ok(None);
    };
    match f(py, &seq, it.index.get()) {
        Ok(v) => {
            it.index.set(it.index.get() + 1);
            Ok(Some(v))
        }
        Err(e)
            if e.is_instance_of(py, py.builtins().index_error())
                || e.is_instance_of(py, py.builtins().stop_iteration()) =>
        {
            it.seq.set(py, None);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Sets up the `iterator` type.
pub(crate) fn install_types(py: Python<'_>) {
    let tp = py.builtins().seq_iterator();
    // SAFETY: `SeqIterObject` is repr(C): header, the owned sequence, a plain index.
    unsafe {
        crate::builtins::iterator_type::install(
            py,
            tp,
            "iterator",
            std::mem::size_of::<SeqIterObject>(),
            seq_iter_next,
        );
    }
}
