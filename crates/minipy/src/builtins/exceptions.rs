//! Exception classes minipy needs beyond pyrt's builtin ones (`UnboundLocalError`,
//! `ImportError`, `ModuleNotFoundError`, `LookupError`'s and `ArithmeticError`'s
//! siblings are pyrt's): created as classes over pyrt's exceptions through the
//! normal class-creation path, with `__module__ = 'builtins'`.
//!
//! Owns that list.

use pyrt_core::builtins::{DictObject, dict_new, intern, str_new};
use pyrt_core::{Bound, PyAny, PyResult, Python, TypeObject};

/// Each extra exception and its base's name.
const EXTRA: [(&str, &str); 5] = [
    ("UnboundLocalError", "NameError"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
];

pub(super) fn install(py: Python<'_>, builtins: &Bound<'_, DictObject>) -> PyResult<()> {
    for (name, base) in EXTRA {
        let base = builtins
            .get_item(py, intern(py, base)?.as_any())?
            .and_then(|b| b.downcast_into::<TypeObject>().ok());
        let Some(base) = base else { continue };
        let ns = dict_new(py)?;
        ns.set_item(
            py,
            intern(py, "__module__")?.as_any(),
            str_new(py, "builtins")?.as_any(),
        )?;
        let cls = pyrt_typeobject::new_class(py, name, &[base], Some(&ns))?;
        builtins.set_item(py, intern(py, name)?.as_any(), cls.as_any())?;
    }
    let _: Option<Bound<'_, PyAny>> = None;
    Ok(())
}
