//! The `tp_iter` of minipy's own iterator types (`range_iterator`): the iterator itself.
//! The core containers' iterators (`list_iterator`, `dict_keyiterator`, ...) are pyrt's.
//!
//! Owns only that slot function.

use pyrt_core::{Bound, PyAny, PyResult, Python};

/// `iter(it)` for iterators: the iterator itself.
pub fn self_iter<'py>(_py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(obj.clone())
}
