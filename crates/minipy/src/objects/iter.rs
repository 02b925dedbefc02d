//! Iterators over the core sequences (`list`, `tuple`, `str`) and the `tp_iter` slots
//! that create them. pyrt's core has only the generic sequence iterator for these, so
//! minipy installs faster ones at start-up (before any class exists, so every subclass
//! inherits them through `type_ready`).
//!
//! Owns the `iterator` type and those three `tp_iter` slots.

use super::native_type::{NativeObject, alloc_native, make_native_type};
use pyrt_core::builtins::{ListObject, StrObject, TupleObject, str_new};
use pyrt_core::{Bound, Py, PyAny, PyResult, Python, TypeObject};

/// An iterator: field 0 the sequence, word 0 the next index (a byte offset for `str`).
pub type SeqIterObject = NativeObject<1>;

pub(super) fn make_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<1>(py, "iterator", false, &[])?;
    let tp = t.bind(py);
    tp.tp_iter.set(Some(self_iter));
    tp.tp_iternext.set(Some(seq_next));
    Ok(t)
}

/// `iter(it)` for iterators: the iterator itself.
pub fn self_iter<'py>(_py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(obj.clone())
}

/// An iterator over a list, tuple or str.
pub fn seq_iter<'py>(py: Python<'py>, seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let it = alloc_native::<1>(py, super::types(py).seq_iter.bind(py))?;
    it.set(py, 0, Some(seq.clone()));
    Ok(it.into_any())
}

fn seq_next<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Ok(it) = obj.downcast::<SeqIterObject>() else {
        return Ok(None);
    };
    let Some(seq) = it.get(py, 0) else {
        return Ok(None);
    };
    let i = it.word(0);
    let item = if let Ok(l) = seq.downcast::<ListObject>() {
        l.get(py, i as usize)
    } else if let Ok(t) = seq.downcast::<TupleObject>() {
        t.get(py, i as usize)
    } else if let Ok(s) = seq.downcast::<StrObject>() {
        match s.as_str().get(i as usize..).and_then(|r| r.chars().next()) {
            Some(c) => {
                it.set_word(0, i + c.len_utf8() as i64);
                let mut buf = [0u8; 4];
                return Ok(Some(str_new(py, c.encode_utf8(&mut buf))?.into_any()));
            }
            None => None,
        }
    } else {
        None
    };
    match item {
        Some(v) => {
            it.set_word(0, i + 1);
            Ok(Some(v))
        }
        None => {
            it.set(py, 0, None);
            Ok(None)
        }
    }
}

fn list_iter<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    seq_iter(py, obj)
}

/// Installs `tp_iter` on `list`, `tuple` and `str` (`dict` has pyrt's own
/// `dict_keyiterator`).
pub(super) fn install_container_iterators(py: Python<'_>) {
    let b = py.builtins();
    for tp in [b.list(), b.tuple(), b.str_()] {
        tp.tp_iter.set(Some(list_iter));
    }
}
