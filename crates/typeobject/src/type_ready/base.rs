//! Steps that connect a type to its base: `tp_base` (default `object`, readied first),
//! the metatype, and `tp_bases`.
//!
//! Owns `tp_base`, `ob_type` (when unset) and `tp_bases`.

use super::type_ready;
use pyrt_core::builtins::tuple_new;
use pyrt_core::{Bound, PyResult, Python, TypeObject};

/// `tp_base` defaults to `object` (except for `object` itself); the base is readied first.
pub(super) fn set_base(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let object = py.builtins().object();
    if tp.tp_base.is_none() && !std::ptr::eq(tp, object) {
        // SAFETY: every type extends object's layout (the 16-byte header).
        unsafe {
            tp.tp_base.set(py, Some(Bound::from_ref(py, object)));
        }
    }
    match tp.base() {
        Some(base) => type_ready(py, base),
        None => Ok(()),
    }
}

/// A type whose metatype is unset (static storage) takes its base's metatype.
pub(super) fn set_type(tp: &TypeObject) {
    let header = &tp.ob_base.ob_base;
    if header.ob_type.get().is_null()
        && let Some(base) = tp.base()
    {
        // SAFETY: the base's metatype (a type object) describes this type object too.
        unsafe {
            header.ob_type.set(base.ob_base.ob_base.ob_type.get());
        }
    }
}

/// `tp_bases` defaults to `(tp_base,)`, or `()` for `object`.
pub(super) fn set_bases(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    if !tp.tp_bases.is_none() {
        return Ok(());
    }
    let bases = match tp.tp_base.get(py) {
        Some(b) => tuple_new(py, &[b.into_any()])?,
        None => tuple_new(py, &[])?,
    };
    // SAFETY: the bases tuple holds exactly the (ready) primary base.
    unsafe {
        tp.tp_bases.set(py, Some(bases));
    }
    Ok(())
}
