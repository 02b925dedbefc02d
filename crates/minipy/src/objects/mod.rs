//! The interpreter's own object types, all real pyrt types built from
//! [`native_type::NativeObject`]: functions and cells, modules, iterators, `range`, `slice`,
//! dict views and `super`.
//!
//! Owns the registry of those types ([`types`]). Must not evaluate Python code (a
//! function's `tp_call` hands over to `eval::calls`).

pub mod cell;
pub mod function;
pub mod iter;
pub mod module;
pub mod native_type;
pub mod range;
pub mod slice;
pub mod super_type;
pub mod views;

use pyrt_core::{Py, PyResult, Python, TypeObject};
use std::cell::OnceCell;

/// Every type minipy defines.
pub struct Types {
    /// `function`.
    pub function: Py<TypeObject>,
    /// `cell`.
    pub cell: Py<TypeObject>,
    /// `module`.
    pub module: Py<TypeObject>,
    /// `range`.
    pub range: Py<TypeObject>,
    /// `range_iterator`.
    pub range_iter: Py<TypeObject>,
    /// `slice`.
    pub slice: Py<TypeObject>,
    /// `super`.
    pub super_: Py<TypeObject>,
    /// `dict_keys`, `dict_values`, `dict_items`.
    pub views: [Py<TypeObject>; 3],
    /// `ellipsis` (the type of `...`).
    pub ellipsis: Py<TypeObject>,
}

thread_local! {
    static TYPES: OnceCell<&'static Types> = const { OnceCell::new() };
}

/// The types, created on first use (once per thread that runs the interpreter).
pub fn types(py: Python<'_>) -> &'static Types {
    TYPES.with(|t| {
        *t.get_or_init(|| match make_types(py) {
            Ok(t) => Box::leak(Box::new(t)),
            Err(e) => panic!("minipy: creating the interpreter's types failed: {e:?}"),
        })
    })
}

fn make_types(py: Python<'_>) -> PyResult<Types> {
    let t = Types {
        function: function::make_type(py)?,
        cell: cell::make_type(py)?,
        module: module::make_type(py)?,
        range: range::make_range_type(py)?,
        range_iter: range::make_iter_type(py)?,
        slice: slice::make_type(py)?,
        super_: super_type::make_type(py)?,
        views: views::make_types(py)?,
        ellipsis: make_ellipsis_type(py)?,
    };
    Ok(t)
}

fn make_ellipsis_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = native_type::make_native_type::<0>(py, "ellipsis", false, &[])?;
    t.bind(py).tp_repr.set(Some(ellipsis_repr));
    Ok(t)
}

fn ellipsis_repr<'py>(
    py: Python<'py>,
    _obj: &pyrt_core::Bound<'py, pyrt_core::PyAny>,
) -> PyResult<pyrt_core::Bound<'py, pyrt_core::PyAny>> {
    Ok(pyrt_core::builtins::str_new(py, "Ellipsis")?.into_any())
}
