//! Importable modules: `gc` ([`gc`]), `weakref` ([`weakref`]) and minipy's own
//! `pyrt` ([`pyrt_stats`]: cache and GC statistics), each a small module object built
//! on first import and cached.
//!
//! Owns `import` name resolution and its `ModuleNotFoundError`.

pub mod gc;
pub mod pyrt_stats;
pub mod weakref;

use crate::objects::module::new_module;
use pyrt_core::builtins::intern;
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// `import name`: the module object.
pub fn import<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    let st = crate::eval::state(py);
    if let Some(m) = st.modules.borrow().get(name) {
        return Ok(m.bind(py).clone());
    }
    let funcs: &'static [MethodDef] = match name {
        "gc" => &gc::FUNCTIONS,
        "weakref" => &[],
        "pyrt" => &pyrt_stats::FUNCTIONS,
        _ => {
            let msg = format!("No module named '{name}'");
            return Err(
                match crate::builtins::exception_type(py, "ModuleNotFoundError") {
                    Some(t) => PyErr::new(py, &t, &msg),
                    None => PyErr::runtime_error(py, msg),
                },
            );
        }
    };
    let (m, d) = new_module(py, name)?;
    for def in funcs {
        let f = pyrt_typeobject::descr::native_function(py, def, None)?;
        d.set_item(py, intern(py, def.name)?.as_any(), f.as_any())?;
    }
    if name == "weakref" {
        for (k, v) in weakref::attributes(py) {
            d.set_item(py, intern(py, k)?.as_any(), &v)?;
        }
    }
    st.modules
        .borrow_mut()
        .insert(name.to_string(), m.clone().unbind());
    Ok(m)
}
