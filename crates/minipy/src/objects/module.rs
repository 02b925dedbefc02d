//! `module`: a namespace object (`import gc` gives one) whose attributes live in its
//! `__dict__`.
//!
//! Owns the module type, its repr and its attribute-error message.

use super::native_type::{NativeObject, alloc_native, make_native_type};
use pyrt_core::builtins::{DictObject, StrObject, dict_new, str_new};
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject};

/// A module: field 0 is its dict.
pub type ModuleObject = NativeObject<1>;

pub(super) fn make_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<1>(py, "module", false, &[])?;
    let tp = t.bind(py);
    let off = std::mem::offset_of!(ModuleObject, fields);
    // SAFETY: field 0 of the payload is an ObjCell<PyAny> holding the module dict
    // (owned, released by the native dealloc, visited by its traverse).
    unsafe { tp.tp_dictoffset.set(off as isize) };
    tp.tp_repr.set(Some(module_repr));
    tp.tp_getattro.set(Some(module_getattro));
    Ok(t)
}

/// A new module named `name` with an empty dict (plus `__name__`).
pub fn new_module<'py>(
    py: Python<'py>,
    name: &str,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, DictObject>)> {
    let m = alloc_native::<1>(py, super::types(py).module.bind(py))?;
    let d = dict_new(py)?;
    d.set_item(
        py,
        pyrt_core::builtins::intern(py, "__name__")?.as_any(),
        str_new(py, name)?.as_any(),
    )?;
    m.set(py, 0, Some(d.clone().into_any()));
    Ok((m.into_any(), d))
}

fn module_name(py: Python<'_>, obj: &Bound<'_, PyAny>) -> String {
    pyrt_typeobject::attr::instance_dict(py, obj)
        .ok()
        .flatten()
        .and_then(|d| {
            let k = pyrt_core::builtins::intern(py, "__name__").ok()?;
            d.get_item(py, k.as_any()).ok().flatten()
        })
        .and_then(|n| {
            n.downcast::<StrObject>()
                .ok()
                .map(|s| s.as_str().to_owned())
        })
        .unwrap_or_else(|| "?".into())
}

fn module_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let name = module_name(py, obj);
    Ok(str_new(py, &format!("<module '{name}' (built-in)>"))?.into_any())
}

fn module_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    match pyrt_typeobject::attr::generic_getattr(py, obj, name) {
        Err(e) if e.is_instance_of(py, py.builtins().attribute_error()) => {
            let n = name
                .downcast::<StrObject>()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default();
            Err(PyErr::attribute_error(
                py,
                format!("module '{}' has no attribute '{n}'", module_name(py, obj)),
            ))
        }
        r => r,
    }
}
