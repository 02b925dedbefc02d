//! The structural attributes of types: `__bases__` (read here; assignment is
//! `type_mutation::set_bases`), `__dict__` (a read-only `mappingproxy`), `mro()` and
//! `__subclasses__()`.
//!
//! Owns those getters and methods. Must not change a type's bases or MRO.

use super::names::as_type;
use crate::descr::mappingproxy_new;
use pyrt_core::builtins::list_new;
use pyrt_core::protocol::none;
use pyrt_core::{Bound, PyAny, PyResult, Python};

pub(super) fn get_bases<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    Ok(tp
        .tp_bases
        .get(py)
        .map_or_else(|| none(py), Bound::into_any))
}

/// `T.__bases__ = value` / `del T.__bases__`.
pub(super) fn set_bases<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    value: Option<&Bound<'py, PyAny>>,
) -> PyResult<()> {
    crate::type_mutation::set_bases(py, as_type(py, obj)?, value)
}

pub(super) fn get_dict<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    let Some(d) = tp.tp_dict.get(py) else {
        return Ok(none(py));
    };
    Ok(mappingproxy_new(py, d.as_any())?.into_any())
}

/// `T.mro()`: the C3 linearisation computed afresh, as a list.
pub(super) fn mro<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    let order = crate::mro::compute(py, tp)?;
    // SAFETY: the entries are kept alive by tp's bases and their MROs; each gets a new
    // reference before any code runs.
    let items: Vec<Bound<'py, PyAny>> = order
        .iter()
        .map(|t| Bound::from_ref(py, unsafe { t.as_ref() }).into_any())
        .collect();
    Ok(list_new(py, &items)?.into_any())
}

/// `T.__subclasses__()`: the live direct subclasses, in creation order.
pub(super) fn subclasses<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = as_type(py, obj)?;
    // SAFETY: the registry holds only live types (a type removes itself when freed);
    // each gets a new reference at once.
    let items: Vec<Bound<'py, PyAny>> = tp
        .tp_subclasses
        .snapshot()
        .into_iter()
        .map(|t| Bound::from_ref(py, unsafe { t.as_ref() }).into_any())
        .collect();
    Ok(list_new(py, &items)?.into_any())
}
