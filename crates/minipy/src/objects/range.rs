//! `range` and its iterator.
//!
//! Owns both types: construction with CPython's messages, repr, length, indexing,
//! membership and iteration.

use super::native_type::{NativeObject, alloc_native, make_native_type};
use pyrt_core::builtins::{DictObject, IntObject, TupleObject, int_new, str_new};
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject};

/// A range: words `start`, `stop`, `step`.
pub type RangeObject = NativeObject<0>;

pub(super) fn make_range_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<0>(py, "range", false, &[])?;
    let tp = t.bind(py);
    tp.tp_new.set(Some(range_new));
    tp.tp_repr.set(Some(range_repr));
    tp.tp_iter.set(Some(range_iter));
    tp.tp_richcompare.set(Some(range_richcompare));
    tp.tp_hash.set(Some(range_hash));
    tp.use_inline_subtables();
    tp.as_sequence.sq_length.set(Some(range_len));
    tp.as_sequence.sq_item.set(Some(range_item));
    tp.as_sequence.sq_contains.set(Some(range_contains));
    Ok(t)
}

pub(super) fn make_iter_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<0>(py, "range_iterator", false, &[])?;
    let tp = t.bind(py);
    tp.tp_iter.set(Some(super::iter::self_iter));
    tp.tp_iternext.set(Some(range_next));
    Ok(t)
}

/// The integer value of an index-like argument, with CPython's message otherwise.
pub fn index_arg(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<i64> {
    if let Ok(i) = v.downcast::<IntObject>() {
        return Ok(i.value());
    }
    if let Some(f) = v.ob_type().number().and_then(|n| n.nb_index.get()) {
        let r = f(py, v)?;
        if let Ok(i) = r.downcast::<IntObject>() {
            return Ok(i.value());
        }
    }
    Err(PyErr::type_error(
        py,
        format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ),
    ))
}

fn range_new<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    if kwargs.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(py, "range() takes no keyword arguments"));
    }
    let items = args.items(py);
    let (start, stop, step) = match items.len() {
        0 => {
            return Err(PyErr::type_error(
                py,
                "range expected at least 1 argument, got 0",
            ));
        }
        1 => (0, index_arg(py, &items[0])?, 1),
        2 => (index_arg(py, &items[0])?, index_arg(py, &items[1])?, 1),
        3 => (
            index_arg(py, &items[0])?,
            index_arg(py, &items[1])?,
            index_arg(py, &items[2])?,
        ),
        n => {
            return Err(PyErr::type_error(
                py,
                format!("range expected at most 3 arguments, got {n}"),
            ));
        }
    };
    if step == 0 {
        return Err(PyErr::value_error(py, "range() arg 3 must not be zero"));
    }
    new_range(py, tp, start, stop, step)
}

fn new_range<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    start: i64,
    stop: i64,
    step: i64,
) -> PyResult<Bound<'py, PyAny>> {
    let r = alloc_native::<0>(py, tp)?;
    r.set_word(0, start);
    r.set_word(1, stop);
    r.set_word(2, step);
    Ok(r.into_any())
}

fn words(obj: &Bound<'_, PyAny>) -> (i64, i64, i64) {
    match obj.downcast::<RangeObject>() {
        Ok(r) => (r.word(0), r.word(1), r.word(2)),
        Err(_) => (0, 0, 1),
    }
}

/// The number of items of `range(start, stop, step)`.
pub fn range_length(start: i64, stop: i64, step: i64) -> i64 {
    let (s, e, k) = (start as i128, stop as i128, step as i128);
    let n = if k > 0 && s < e {
        (e - s - 1) / k + 1
    } else if k < 0 && s > e {
        (s - e - 1) / (-k) + 1
    } else {
        0
    };
    n.min(i64::MAX as i128) as i64
}

fn range_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let (a, b, c) = words(obj);
    let text = if c == 1 {
        format!("range({a}, {b})")
    } else {
        format!("range({a}, {b}, {c})")
    };
    Ok(str_new(py, &text)?.into_any())
}

fn range_len(_py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    let (a, b, c) = words(obj);
    Ok(range_length(a, b, c) as isize)
}

fn range_item<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    i: isize,
) -> PyResult<Bound<'py, PyAny>> {
    let (a, b, c) = words(obj);
    let n = range_length(a, b, c) as isize;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error(py, "range object index out of range"));
    }
    Ok(int_new(py, a + c * i as i64)?.into_any())
}

fn range_contains(_py: Python<'_>, obj: &Bound<'_, PyAny>, v: &Bound<'_, PyAny>) -> PyResult<bool> {
    let (a, b, c) = words(obj);
    let Ok(v) = v.downcast::<IntObject>().map(|i| i.value()) else {
        return Ok(false);
    };
    let inside = if c > 0 {
        a <= v && v < b
    } else {
        b < v && v <= a
    };
    Ok(inside && (v as i128 - a as i128) % c as i128 == 0)
}

fn range_iter<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let (a, b, c) = words(obj);
    let it = alloc_native::<0>(py, super::types(py).range_iter.bind(py))?;
    it.set_word(0, a);
    it.set_word(1, range_length(a, b, c));
    it.set_word(2, c);
    Ok(it.into_any())
}

fn range_next<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let Ok(it) = obj.downcast::<RangeObject>() else {
        return Ok(None);
    };
    let left = it.word(1);
    if left <= 0 {
        return Ok(None);
    }
    let cur = it.word(0);
    it.set_word(1, left - 1);
    it.set_word(0, cur.wrapping_add(it.word(2)));
    Ok(Some(int_new(py, cur)?.into_any()))
}

/// The values a range produces, normalised: `(length, first, step)` with the parts that
/// do not matter for short ranges zeroed (CPython compares ranges as sequences).
fn normalised(obj: &Bound<'_, PyAny>) -> (i64, i64, i64) {
    let (a, b, c) = words(obj);
    let n = range_length(a, b, c);
    match n {
        0 => (0, 0, 0),
        1 => (1, a, 0),
        _ => (n, a, c),
    }
}

fn range_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: pyrt_core::types::CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    use pyrt_core::types::CompareOp;
    let is_range = |o: &Bound<'py, PyAny>| super::native_type::is_type(o, &super::types(py).range);
    if !is_range(a) || !is_range(b) || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Bound::from_ref(py, py.singletons().not_implemented()));
    }
    let same = normalised(a) == normalised(b);
    Ok(pyrt_core::protocol::bool_obj(
        py,
        same == (op == CompareOp::Eq),
    ))
}

fn range_hash(_py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    let (n, a, c) = normalised(obj);
    let h = pyrt_core::builtins::mix_hash(
        (n as u64) ^ (a as u64).rotate_left(21) ^ (c as u64).rotate_left(42),
    );
    Ok(if h as isize == -1 { -2 } else { h as isize })
}
