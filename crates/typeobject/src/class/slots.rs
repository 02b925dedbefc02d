//! `__slots__` in class creation: reading the declaration from the namespace, CPython
//! 3.11's validation and messages, name mangling (`__x` → `_A__x`), and the plan of
//! what the instances get (named pointer slots, `__dict__`, `__weakref__`).
//!
//! Owns the plan. Must not lay instances out or create descriptors (the class-creation
//! steps in `class.rs` do, from the plan).

use crate::builtins::call::collect_iterable;
use crate::names;
use pyrt_core::builtins::{DictObject, StrObject, intern};
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeObject};

/// What the class adds to its instances.
pub(crate) struct SlotsPlan<'py> {
    /// The slot names (mangled, sorted): one pointer slot each, in this order.
    pub names: Vec<Bound<'py, StrObject>>,
    /// Whether a `__dict__` slot is added.
    pub add_dict: bool,
    /// Whether a `__weakref__` slot is added.
    pub add_weakref: bool,
    /// Whether the namespace declared `__slots__`.
    pub declared: bool,
}

/// The plan for a class named `name` over `base` with namespace `ns`.
pub(crate) fn plan<'py>(
    py: Python<'py>,
    name: &str,
    ns: Option<&Bound<'py, DictObject>>,
    base: &TypeObject,
) -> PyResult<SlotsPlan<'py>> {
    // Type objects keep their namespace in `tp_dict` and their weak references in
    // `tp_weaklist` (CPython's `type` has both offsets set), so a metaclass adds neither
    // slot: an instance `__dict__` getset on it would shadow the classes' own `__dict__`.
    let is_meta = base.has_flag(pyrt_core::TypeFlags::TYPE_SUBCLASS);
    let may_add_dict = base.tp_dictoffset.get() == 0 && !is_meta;
    let may_add_weak = base.tp_weaklistoffset.get() == 0 && base.tp_itemsize.get() == 0 && !is_meta;
    let key = pyrt_core::interned!(py, "__slots__")?;
    let Some(decl) = ns
        .map(|d| d.get_item(py, key.as_any()))
        .transpose()?
        .flatten()
    else {
        return Ok(SlotsPlan {
            names: Vec::new(),
            add_dict: may_add_dict,
            add_weakref: may_add_weak,
            declared: false,
        });
    };
    let items = match decl.downcast::<StrObject>() {
        Ok(_) => vec![decl.clone()],
        Err(_) => collect_iterable(py, &decl)?,
    };
    if !items.is_empty() && base.tp_itemsize.get() != 0 {
        return Err(PyErr::type_error(
            py,
            format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                names::tp_name(base)
            ),
        ));
    }
    let mut p = SlotsPlan {
        names: Vec::new(),
        add_dict: false,
        add_weakref: false,
        declared: true,
    };
    for item in &items {
        let s = checked_name(py, item)?;
        match s.as_str() {
            "__dict__" => {
                if !may_add_dict || p.add_dict {
                    return Err(PyErr::type_error(
                        py,
                        "__dict__ slot disallowed: we already got one",
                    ));
                }
                p.add_dict = true;
            }
            "__weakref__" => {
                if !may_add_weak || p.add_weakref {
                    return Err(PyErr::type_error(
                        py,
                        "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0",
                    ));
                }
                p.add_weakref = true;
            }
            other => p.names.push(intern(py, &mangle(name, other))?),
        }
    }
    check_conflicts(py, ns, &p.names)?;
    p.names.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    Ok(p)
}

/// A slot name: a str (`__slots__ items must be strings, not 'int'`) that is an
/// identifier (`__slots__ must be identifiers`).
fn checked_name<'a, 'py>(
    py: Python<'py>,
    item: &'a Bound<'py, pyrt_core::PyAny>,
) -> PyResult<&'a Bound<'py, StrObject>> {
    let s = item.downcast::<StrObject>().map_err(|_| {
        PyErr::type_error(
            py,
            format!(
                "__slots__ items must be strings, not '{}'",
                names::tp_name(item.ob_type())
            ),
        )
    })?;
    if !is_identifier(s.as_str()) {
        return Err(PyErr::type_error(py, "__slots__ must be identifiers"));
    }
    Ok(s)
}

/// `str.isidentifier()`, approximated with Rust's Unicode classes: a letter or `_`,
/// then letters, digits or `_`.
///
/// ```
/// # use pyrt_typeobject::class::is_identifier;
/// assert!(is_identifier("_a1") && is_identifier("é"));
/// assert!(!is_identifier("1a") && !is_identifier("a b") && !is_identifier(""));
/// ```
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Private name mangling: `__x` in class `A` is `_A__x` (names ending in `__`, dotted
/// names, and classes named only with underscores are left alone).
///
/// ```
/// # use pyrt_typeobject::class::mangle;
/// assert_eq!(mangle("A", "__x"), "_A__x");
/// assert_eq!(mangle("__A", "__x"), "_A__x");
/// assert_eq!(mangle("A", "__x__"), "__x__");
/// assert_eq!(mangle("___", "__x"), "__x");
/// assert_eq!(mangle("A", "_x"), "_x");
/// ```
pub fn mangle(class: &str, name: &str) -> String {
    let stripped = class.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty()
    {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

/// `'x' in __slots__ conflicts with class variable`.
fn check_conflicts(
    py: Python<'_>,
    ns: Option<&Bound<'_, DictObject>>,
    names: &[Bound<'_, StrObject>],
) -> PyResult<()> {
    let Some(ns) = ns else { return Ok(()) };
    for n in names {
        if ns.get_item(py, n.as_any())?.is_some() {
            return Err(PyErr::value_error(
                py,
                format!(
                    "'{}' in __slots__ conflicts with class variable",
                    n.as_str()
                ),
            ));
        }
    }
    Ok(())
}
