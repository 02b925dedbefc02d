//! The MRO step: compute the C3 linearisation and install it as `tp_mro`.
//!
//! Owns `tp_mro` and the static-over-heap rule.

use crate::mro::{MroList, compute};
use crate::names;
use pyrt_core::builtins::tuple_new;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Computes and installs the MRO; a static type may not have a heap type in it.
pub(super) fn set_mro(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    let mro = compute(py, tp)?;
    if !tp.has_flag(TypeFlags::HEAPTYPE) {
        for t in &mro[1..] {
            // SAFETY: MRO entries are live types (owned by the bases' MROs).
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
    install_mro(py, tp, &mro)
}

/// Stores `mro` as `tp`'s `tp_mro` tuple.
pub fn install_mro(py: Python<'_>, tp: &TypeObject, mro: &MroList) -> PyResult<()> {
    // SAFETY: MRO entries are live types; each gets a new reference in the tuple.
    let items: Vec<Bound<'_, PyAny>> = mro
        .iter()
        .map(|t| Bound::from_ref(py, unsafe { t.as_ref() }).into_any())
        .collect();
    // SAFETY: `mro` is a C3 linearisation of ready types whose layouts the best-base check
    // made compatible.
    unsafe {
        tp.tp_mro.set(py, Some(tuple_new(py, &items)?));
    }
    Ok(())
}
