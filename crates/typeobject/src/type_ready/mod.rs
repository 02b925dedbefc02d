//! `type_ready` (`PyType_Ready`): completes a type object in a checklist of small named
//! steps, each establishing one thing, chained with `?`:
//!
//! `pre_checks` → `set_immutable` → `set_dict` → `set_base` → `set_type` → `set_bases`
//! → `set_mro` → `set_new` → `add_slot_wrappers` → `fill_dict` → `inherit` → `set_hash` → `add_subclasses`
//! → `post_checks`, then `READY`.
//!
//! Owns the order and the READYING/READY flags. Each step lives in the sibling module
//! named after what it establishes; none of them may call user code.

mod base;
mod checks;
mod dict;
mod hash;
mod inherit;
mod mro;
mod new;
mod slot_wrappers;
mod subclasses;

pub use hash::hash_not_implemented;
pub use mro::install_mro;

use pyrt_core::{PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Readies `tp`. Readying a ready type does nothing; reaching a type that is being
/// readied (a cycle through `tp_base`) is a `SystemError`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let int = py.builtins().int();
///     assert!(pyrt_typeobject::type_ready(py, int).is_ok()); // already ready: no-op
///     assert!(int.has_flag(pyrt_core::TypeFlags::READY));
/// });
/// ```
pub fn type_ready(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    if tp.has_flag(TypeFlags::READY) {
        return Ok(());
    }
    if tp.has_flag(TypeFlags::READYING) {
        return Err(PyErr::system_error(
            py,
            format!(
                "type '{}' is reached again while it is being readied",
                tp.name_string()
            ),
        ));
    }
    // SAFETY: the readying bits describe progress only; no layout depends on them.
    unsafe {
        tp.add_flags(TypeFlags::READYING);
    }
    let result = run_steps(py, tp);
    // SAFETY: the readying bits describe progress only; no layout depends on them.
    unsafe {
        tp.remove_flags(TypeFlags::READYING);
    }
    if result.is_ok() {
        // SAFETY: the readying bits describe progress only; no layout depends on them.
        unsafe {
            tp.add_flags(TypeFlags::READY);
        }
        debug_assert!(
            checks::is_consistent(tp),
            "type_ready left '{}' inconsistent",
            tp.name_string()
        );
    }
    result
}

fn run_steps(py: Python<'_>, tp: &TypeObject) -> PyResult<()> {
    checks::pre_checks(py, tp)?;
    checks::set_immutable(tp);
    dict::set_dict(py, tp)?;
    base::set_base(py, tp)?;
    base::set_type(tp);
    base::set_bases(py, tp)?;
    mro::set_mro(py, tp)?;
    new::set_new(py, tp)?;
    slot_wrappers::add_slot_wrappers(py, tp)?;
    dict::fill_dict(py, tp)?;
    inherit::inherit(py, tp)?;
    hash::set_hash(py, tp)?;
    subclasses::add_subclasses(tp);
    checks::post_checks(py, tp)
}
