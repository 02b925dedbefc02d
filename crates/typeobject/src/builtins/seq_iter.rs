//! The iterators of the core sequences and their `tp_iter` slots: `list_iterator`,
//! `tuple_iterator`, and `str_ascii_iterator` / `str_iterator` (CPython 3.11 picks the
//! type by whether the string is ASCII; so does pyrt).
//!
//! Behaviour recorded from CPython 3.11 by `tests/py/seq_iteration_core.py`: a list
//! iterator reads the list live by index (items appended during iteration are seen,
//! a shrunk list ends early); once exhausted, an iterator drops its sequence and stays
//! exhausted even if the sequence grows again.
//!
//! Owns the payload and the slots of these four types (their lifecycle is
//! `iterator_type.rs`'s). Must not touch
//! the sequences' storage (reads go through `ListObject::get` / `TupleObject::get` /
//! `StrObject::as_str`).

use pyrt_core::builtins::{ListObject, StrObject, TupleObject, str_new};
use pyrt_core::object::{ObjectHeader, PyAny, PyLayout, generic_alloc};
use pyrt_core::types::{ObjCell, TypeObject};
use pyrt_core::{Bound, PyResult, Python};
use std::cell::Cell;

/// The payload shared by the four types: the sequence (null once exhausted) and the
/// next position (an item index; a byte offset for strings).
#[repr(C)]
struct SeqIterObject {
    ob_base: ObjectHeader,
    seq: ObjCell<PyAny>,
    pos: Cell<usize>,
}

/// Whether `tp` is one of the four iterator types laid out as [`SeqIterObject`].
fn is_seq_iter_type(py: Python<'_>, tp: &TypeObject) -> bool {
    let b = py.builtins();
    [
        b.list_iterator(),
        b.tuple_iterator(),
        b.str_ascii_iterator(),
        b.str_iterator(),
    ]
    .iter()
    .any(|t| std::ptr::eq(*t, tp))
}

// SAFETY: repr(C), header first, zero-valid fields; type_check accepts exactly the four
// iterator types, all laid out as this struct and none subclassable.
unsafe impl PyLayout for SeqIterObject {
    fn type_check(obj: &PyAny) -> bool {
        // SAFETY: objects are only reachable under the runtime lock, whose state exists.
        let py = unsafe { Python::assume_locked() };
        is_seq_iter_type(py, obj.ob_type())
    }
}

fn this<'a, 'py>(obj: &'a Bound<'py>) -> &'a Bound<'py, SeqIterObject> {
    // SAFETY: installed only on the four iterator types, which are not subclassable.
    unsafe { obj.downcast_unchecked::<SeqIterObject>() }
}

fn new_iter<'py>(py: Python<'py>, tp: &TypeObject, seq: &Bound<'py>) -> PyResult<Bound<'py>> {
    let it = generic_alloc(py, tp, 0)?;
    this(&it).seq.set(py, Some(seq.clone()));
    Ok(it)
}

fn list_iter<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_iter(py, py.builtins().list_iterator(), obj)
}

fn tuple_iter<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    new_iter(py, py.builtins().tuple_iterator(), obj)
}

fn str_iter<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let ascii = obj
        .downcast::<StrObject>()
        .is_ok_and(|s| s.as_str().is_ascii());
    let b = py.builtins();
    let tp = if ascii {
        b.str_ascii_iterator()
    } else {
        b.str_iterator()
    };
    new_iter(py, tp, obj)
}

/// `tp_iternext` of all four: the item at the position, or the end (dropping the
/// sequence).
fn seq_next<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Option<Bound<'py>>> {
    let it = this(obj);
    let Some(seq) = it.seq.get(py) else {
        return Ok(None);
    };
    let i = it.pos.get();
    let item = if let Ok(l) = seq.downcast::<ListObject>() {
        l.get(py, i).map(|v| (v, i + 1))
    } else if let Ok(t) = seq.downcast::<TupleObject>() {
        t.get(py, i).map(|v| (v, i + 1))
    } else if let Ok(s) = seq.downcast::<StrObject>() {
        match s.as_str().get(i..).and_then(|r| r.chars().next()) {
            Some(c) => {
                let mut buf = [0u8; 4];
                let v = str_new(py, c.encode_utf8(&mut buf))?.into_any();
                Some((v, i + c.len_utf8()))
            }
            None => None,
        }
    } else {
        None
    };
    match item {
        Some((v, next)) => {
            it.pos.set(next);
            Ok(Some(v))
        }
        None => {
            it.seq.set(py, None);
            Ok(None)
        }
    }
}

/// Sets up the four iterator types and stores the `tp_iter` of `list`, `tuple` and
/// `str`.
pub(crate) fn install(py: Python<'_>) {
    let b = py.builtins();
    for (tp, name) in [
        (b.list_iterator(), "list_iterator"),
        (b.tuple_iterator(), "tuple_iterator"),
        (b.str_ascii_iterator(), "str_ascii_iterator"),
        (b.str_iterator(), "str_iterator"),
    ] {
        // SAFETY: `SeqIterObject` is repr(C): header, the owned sequence, a plain
        // position.
        unsafe {
            super::iterator_type::install(
                py,
                tp,
                name,
                std::mem::size_of::<SeqIterObject>(),
                seq_next,
            );
        }
    }
    b.list().tp_iter.set(Some(list_iter));
    b.tuple().tp_iter.set(Some(tuple_iter));
    b.str_().tp_iter.set(Some(str_iter));
}
