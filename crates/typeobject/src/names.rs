//! Names of types: `tp_name`, `__name__`, `__qualname__`, `__module__` and the fully
//! qualified name, per the spec's definitions and pyrt's flag split (see
//! `docs/heaptype-flags.md`): builtin-style types (static, or heap with
//! `BUILTIN_STYLE`) parse them from `tp_name`; other heap types store them.
//!
//! Owns name derivation only. Must not mutate types.

use pyrt_core::builtins::StrObject;
use pyrt_core::{PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Whether names come from `tp_name` (static types and `BUILTIN_STYLE` heap types).
///
/// ```
/// use pyrt_typeobject::names::is_builtin_style;
/// pyrt_typeobject::Runtime::with(|py| {
///     assert!(is_builtin_style(py.builtins().int()));
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     assert!(!is_builtin_style(&a));
/// });
/// ```
pub fn is_builtin_style(tp: &TypeObject) -> bool {
    !tp.has_flag(TypeFlags::HEAPTYPE) || tp.has_flag(TypeFlags::BUILTIN_STYLE)
}

/// The raw `tp_name`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     assert_eq!(pyrt_typeobject::names::tp_name(py.builtins().int()), "int");
/// });
/// ```
pub fn tp_name(tp: &TypeObject) -> String {
    tp.name_string()
}

/// `__name__`: the part of `tp_name` after the last dot for builtin-style types, the
/// stored `ht_name` otherwise.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     assert_eq!(pyrt_typeobject::names::name(py, py.builtins().type_error()), "TypeError");
/// });
/// ```
pub fn name(_py: Python<'_>, tp: &TypeObject) -> String {
    if !is_builtin_style(tp) {
        // SAFETY: the name string is owned by tp and read before any modification.
        if let Some(n) = unsafe { tp.ht_name.get_ref() } {
            return n.as_str().to_owned();
        }
    }
    let full = tp.name_string();
    match full.rfind('.') {
        Some(i) => full[i + 1..].to_owned(),
        None => full,
    }
}

/// `__qualname__`: the stored `ht_qualname` for heap types that are not builtin-style,
/// else `__name__`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     assert_eq!(pyrt_typeobject::names::qualname(py, py.builtins().int()), "int");
/// });
/// ```
pub fn qualname(py: Python<'_>, tp: &TypeObject) -> String {
    if !is_builtin_style(tp) {
        // SAFETY: as in `name`.
        if let Some(n) = unsafe { tp.ht_qualname.get_ref() } {
            return n.as_str().to_owned();
        }
    }
    name(py, tp)
}

/// `__module__`: the part of `tp_name` before the last dot (or `"builtins"`) for
/// builtin-style types; the dict's `__module__` string for other heap types
/// (`AttributeError: __module__` when missing, as in CPython).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     assert_eq!(pyrt_typeobject::names::module_name(py, py.builtins().dict()).unwrap(), "builtins");
/// });
/// ```
pub fn module_name(py: Python<'_>, tp: &TypeObject) -> PyResult<String> {
    if is_builtin_style(tp) {
        let full = tp.name_string();
        return Ok(match full.rfind('.') {
            Some(i) => full[..i].to_owned(),
            None => "builtins".to_owned(),
        });
    }
    let key = pyrt_core::interned!(py, "__module__")?;
    let v = tp.tp_dict.get(py).and_then(|d| d.get_str_raw(py, &key));
    match v {
        // SAFETY: the dict owns the value; it is read before the dict is modified.
        Some(v) => match unsafe { v.as_ref() } {
            any if any.ob_type().has_flag(TypeFlags::UNICODE_SUBCLASS) => {
                // SAFETY: str layout checked.
                Ok(
                    unsafe { &*(any as *const pyrt_core::PyAny as *const StrObject) }
                        .as_str()
                        .to_owned(),
                )
            }
            _ => Err(PyErr::attribute_error(py, "__module__")),
        },
        None => Err(PyErr::attribute_error(py, "__module__")),
    }
}

/// `PyType_GetFullyQualifiedName`: `module.qualname`, or just the qualname when the
/// module is `builtins` or `__main__` (or unknown).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     assert_eq!(pyrt_typeobject::names::fully_qualified_name(py, py.builtins().int()), "int");
/// });
/// ```
pub fn fully_qualified_name(py: Python<'_>, tp: &TypeObject) -> String {
    let q = qualname(py, tp);
    match module_name(py, tp) {
        Ok(m) if m != "builtins" && m != "__main__" => format!("{m}.{q}"),
        _ => q,
    }
}
