//! The iterators of the core sequences and their `tp_iter` slots: `list_iterator`,
//! `tuple_iterator`, and `str_ascii_iterator` / `str_iterator` (CPython 3.11 picks the
//! type by whether the string is ASCII; so does pyrt).
//!
//! Behaviour recorded from CPython 3.11 by `tests/py/seq_iteration_core.py`: a list
//! iterator reads the list live by index (items appended during iteration are seen,
//! a shrunk list ends early); once exhausted, an iterator drops its sequence and stays
//! exhausted even if the sequence grows again.
//!
//! Owns the payload, the slots and the lifecycle of these four types. Must not touch
//! the sequences' storage (reads go through `ListObject::get` / `TupleObject::get` /
//! `StrObject::as_str`).

use pyrt_core::builtins::{ListObject, StrObject, TupleObject, str_new};
use pyrt_core::object::{ObjectHeader, PyAny, PyLayout, gc_free, generic_alloc};
use pyrt_core::types::{ObjCell, TypeObject};
use pyrt_core::{Bound, PyResult, Python};
use std::cell::Cell;
use std::ptr::NonNull;

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

/// `tp_iter` of the iterators: themselves.
fn self_iter<'py>(_py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(obj.clone())
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

fn traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: installed only on the four iterator types.
    let it = unsafe { &*(obj as *const PyAny as *const SeqIterObject) };
    if let Some(s) = it.seq.as_ptr() {
        visit(s);
    }
}

fn clear(py: Python<'_>, obj: &Bound<'_>) {
    drop(this(obj).seq.take(py));
}

/// # Safety
/// `obj` is one of the four iterators, with refcount zero.
unsafe fn dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: still allocated, laid out as ours.
    let it = unsafe { &*(obj.as_ptr() as *const SeqIterObject) };
    drop(it.seq.take(py));
    // SAFETY: payload released; the instances carry a GC head.
    unsafe { gc_free(py, obj) };
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
        crate::slot_wrapper::init_static_type(
            py,
            tp,
            name,
            std::mem::size_of::<SeqIterObject>(),
            // SAFETY: `dealloc` releases exactly this payload and frees with gc_free;
            // `traverse` visits the one object it owns.
            unsafe { crate::slot_wrapper::GcSlots::new(dealloc, traverse) },
        );
        tp.tp_clear.set(Some(clear));
        tp.tp_iter.set(Some(self_iter));
        tp.tp_iternext.set(Some(seq_next));
    }
    b.list().tp_iter.set(Some(list_iter));
    b.tuple().tp_iter.set(Some(tuple_iter));
    b.str_().tp_iter.set(Some(str_iter));
}
