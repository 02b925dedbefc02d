//! `cell`: the box a closure variable lives in, shared by the defining frame and every
//! inner function that uses the variable.
//!
//! Owns the cell type and its accessors.

use super::native_type::{NativeObject, alloc_native, make_native_type};
use pyrt_core::{Bound, Py, PyAny, PyResult, Python, TypeObject};

/// A cell: field 0 is the contents (empty when unbound).
pub type CellObject = NativeObject<1>;

pub(super) fn make_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<1>(py, "cell", false, &[])?;
    t.bind(py).tp_repr.set(Some(cell_repr));
    Ok(t)
}

/// A new cell holding `value`.
pub fn new_cell<'py>(
    py: Python<'py>,
    value: Option<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, CellObject>> {
    let c = alloc_native::<1>(py, super::types(py).cell.bind(py))?;
    c.set(py, 0, value);
    Ok(c)
}

fn cell_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let addr = obj.as_any_ref().addr();
    let text = match obj.downcast::<CellObject>().ok().and_then(|c| c.get(py, 0)) {
        Some(v) => format!(
            "<cell at {addr:#x}: {} object at {:#x}>",
            v.type_name(),
            v.as_any_ref().addr()
        ),
        None => format!("<cell at {addr:#x}: empty>"),
    };
    Ok(pyrt_core::builtins::str_new(py, &text)?.into_any())
}
