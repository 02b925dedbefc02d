//! The MRO step: the C3 linearisation, or the metaclass's `mro()` result
//! (`crate::mro_invoke`), installed as `tp_mro`.
//!
//! Owns the static-over-heap rule. The only step of `type_ready` that may run user code
//! (a metaclass `mro()`), as in CPython.

use crate::mro::MroList;
use crate::mro_invoke::{NewMro, mro_for};
use crate::names;
use crate::type_mutation;
use pyrt_core::builtins::tuple_new;
use pyrt_core::{PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Computes and installs the MRO; a static type may not have a heap type in it.
pub(super) fn set_mro(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let new = mro_for(py, tp)?;
    if !tp.has_flag(TypeFlags::HEAPTYPE) {
        for t in crate::mro::as_types(&new.tuple).iter().skip(1) {
            // SAFETY: MRO entries are live types (owned by the new tuple).
            let t = unsafe { t.as_ref() };
            if t.has_flag(TypeFlags::HEAPTYPE) {
                return Err(PyErr::type_error(
                    py,
                    format!(
                        "type '{}' is not dynamically allocated but its base type '{}' is dynamically allocated",
                        names::tp_name(tp),
                        names::tp_name(t)
                    ),
                ));
            }
        }
    }
    type_mutation::install_mro(py, tp, &new);
    Ok(())
}

/// Stores `mro` (a C3 linearisation of `tp`'s bases) as `tp`'s `tp_mro` tuple.
pub fn install_mro(py: Python<'_>, tp: &TypeObject, mro: &MroList) -> PyResult<()> {
    let new = NewMro {
        // SAFETY: MRO entries are live types; each gets a new reference in the tuple.
        tuple: tuple_new(py, unsafe { crate::mro::as_handles(py, mro) })?,
        custom: false,
    };
    type_mutation::install_mro(py, tp, &new);
    Ok(())
}
