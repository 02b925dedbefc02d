//! `dict_keyiterator`: what `iter(d)` returns for a dict, and `dict`'s `tp_iter`.
//!
//! The iterator walks the dict's insertion-ordered entries live (no snapshot), with
//! CPython 3.11's checks (recorded by `tests/py/dict_iteration_core.py`): a size change
//! since the iterator was made raises `RuntimeError: dictionary changed size during
//! iteration`, on that call and every later one; finding more keys than the dict had
//! when iteration started (a delete and an insert between two steps) raises
//! `RuntimeError: dictionary keys changed during iteration`; once exhausted, the
//! iterator drops the dict and stays exhausted.
//!
//! Owns the iterator type's payload and slots (the lifecycle is `iterator_type.rs`'s). Must not touch the dict's
//! table (it reads through [`DictObject::key_from`]).

use pyrt_core::builtins::DictObject;
use pyrt_core::object::{ObjectHeader, PyAny, PyLayout, generic_alloc};
use pyrt_core::types::{ObjCell, TypeObject};
use pyrt_core::{Bound, PyErr, PyResult, Python};
use std::cell::Cell;

/// The payload: the dict (null once exhausted), the next entry position, the dict's
/// size when iteration started (-1 after a size change was reported), and how many keys
/// are still expected.
#[repr(C)]
struct DictIterObject {
    ob_base: ObjectHeader,
    dict: ObjCell<PyAny>,
    pos: Cell<usize>,
    size: Cell<isize>,
    remaining: Cell<isize>,
}

// SAFETY: repr(C), header first, zero-valid fields; type_check accepts exactly
// instances of `dict_keyiterator`, laid out as this struct and not subclassable.
unsafe impl PyLayout for DictIterObject {
    fn type_check(obj: &PyAny) -> bool {
        // SAFETY: objects are only reachable under the runtime lock, whose state exists.
        let py = unsafe { Python::assume_locked() };
        std::ptr::eq(obj.ob_type(), py.builtins().dict_keyiterator())
    }
}

fn this<'a, 'py>(obj: &'a Bound<'py>) -> &'a Bound<'py, DictIterObject> {
    // SAFETY: installed on `dict_keyiterator`, which is not subclassable.
    unsafe { obj.downcast_unchecked::<DictIterObject>() }
}

/// `dict`'s `tp_iter`: a key iterator over `obj`.
fn dict_iter<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let d = obj
        .downcast::<DictObject>()
        .map_err(|_| PyErr::type_error(py, "descriptor '__iter__' requires a 'dict' object"))?;
    let len = d.len() as isize;
    let it = generic_alloc(py, py.builtins().dict_keyiterator(), 0)?;
    let p = this(&it);
    p.dict.set(py, Some(obj.clone()));
    p.size.set(len);
    p.remaining.set(len);
    Ok(it)
}

/// `tp_iternext`: the next key, with the size and key-change checks.
fn dict_iter_next<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Option<Bound<'py>>> {
    let it = this(obj);
    let Some(dict) = it.dict.get(py) else {
        return Ok(None);
    };
    // SAFETY: the iterator only ever holds a dict (set by `dict_iter`).
    let d = unsafe { dict.downcast_unchecked::<DictObject>() };
    if it.size.get() != d.len() as isize {
        it.size.set(-1);
        return Err(PyErr::runtime_error(
            py,
            "dictionary changed size during iteration",
        ));
    }
    let Some((at, key)) = d.key_from(py, it.pos.get()) else {
        it.dict.set(py, None);
        return Ok(None);
    };
    if it.remaining.get() <= 0 {
        return Err(PyErr::runtime_error(
            py,
            "dictionary keys changed during iteration",
        ));
    }
    it.pos.set(at + 1);
    it.remaining.set(it.remaining.get() - 1);
    Ok(Some(key))
}

/// Sets up `dict_keyiterator` and stores `dict`'s `tp_iter`.
pub(crate) fn install(py: Python<'_>, dict: &TypeObject) {
    let tp = py.builtins().dict_keyiterator();
    // SAFETY: `DictIterObject` is repr(C): header, the owned dict, plain numbers.
    unsafe {
        super::iterator_type::install(
            py,
            tp,
            "dict_keyiterator",
            std::mem::size_of::<DictIterObject>(),
            dict_iter_next,
        );
    }
    dict.tp_iter.set(Some(dict_iter));
}
