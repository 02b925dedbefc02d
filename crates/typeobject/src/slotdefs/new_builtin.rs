//! The `__new__` a type with its own `tp_new` gets in its dict: a builtin bound to the
//! type that checks its first argument (`object.__new__(X): X is not a type object
//! (int)`, `int.__new__(str): str is not a subtype of int`, `object.__new__(int) is not
//! safe, use int.__new__()`) and then calls the type's `tp_new`.
//!
//! Owns that function and the test "is this a type's builtin `__new__`". Must not
//! create any other descriptor.

use super::dispatch::type_slots::slot_tp_new;
use crate::names;
use pyrt_core::builtins::{DictObject, NativeFunctionObject, TupleObject, tuple_new};
use pyrt_core::types::{MethodDef, MethodFlags, MethodFn, NewFunc};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

/// `T.__new__(S, *args, **kwargs)` for the type `T` bound as `self_`.
fn tp_new_wrapper<'py>(
    py: Python<'py>,
    self_: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    let Ok(t) = self_.downcast::<TypeObject>() else {
        return Err(PyErr::system_error(py, "__new__ bound to a non-type"));
    };
    let tname = names::tp_name(t);
    let items = args.items(py);
    let Some((first, rest)) = items.split_first() else {
        return Err(PyErr::type_error(
            py,
            format!("{tname}.__new__(): not enough arguments"),
        ));
    };
    let Ok(sub) = first.downcast::<TypeObject>() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "{tname}.__new__(X): X is not a type object ({})",
                names::tp_name(first.ob_type())
            ),
        ));
    };
    let sname = names::tp_name(sub);
    if !sub.is_subtype(t) {
        return Err(PyErr::type_error(
            py,
            format!("{tname}.__new__({sname}): {sname} is not a subtype of {tname}"),
        ));
    }
    check_safe(py, t, sub)?;
    let Some(new) = t.tp_new.get() else {
        return Err(PyErr::type_error(
            py,
            format!("cannot create '{tname}' instances"),
        ));
    };
    new(py, sub, &tuple_new(py, rest)?, kwargs)
}

/// `T.__new__(S)` may only be used when `T.tp_new` is what the nearest base of `S`
/// with a native `tp_new` uses.
fn check_safe(py: Python<'_>, t: &TypeObject, sub: &TypeObject) -> PyResult<()> {
    let dispatcher = slot_tp_new as NewFunc as usize;
    let mut base = Some(sub);
    while let Some(b) = base.filter(|b| b.tp_new.get().map(|f| f as usize) == Some(dispatcher)) {
        base = b.base();
    }
    let addr = |x: &TypeObject| x.tp_new.get().map(|f| f as usize);
    match base {
        Some(b) if addr(b) != addr(t) => Err(PyErr::type_error(
            py,
            format!(
                "{}.__new__({}) is not safe, use {}.__new__()",
                names::tp_name(t),
                names::tp_name(sub),
                names::tp_name(b)
            ),
        )),
        _ => Ok(()),
    }
}

/// The definition of every type's builtin `__new__`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let new = pyrt_typeobject::attr::lookup_str(py, py.builtins().int(), "__new__").unwrap();
///     let f = new.downcast::<pyrt_core::builtins::NativeFunctionObject>().unwrap();
///     assert!(std::ptr::eq(f.def.get().unwrap(), &pyrt_typeobject::slotdefs::NEW_DEF));
/// });
/// ```
pub static NEW_DEF: MethodDef = MethodDef {
    name: "__new__",
    meth: MethodFn::Keywords(tp_new_wrapper),
    flags: MethodFlags(0),
    doc: Some("Create and return a new object.  See help(type) for accurate signature."),
};

/// Whether `obj` is some type's builtin `__new__` (made from [`NEW_DEF`]).
pub(crate) fn is_builtin_new(_py: Python<'_>, obj: &Bound<'_, PyAny>) -> bool {
    obj.downcast::<NativeFunctionObject>()
        .is_ok_and(|f| f.def.get().is_some_and(|d| std::ptr::eq(d, &NEW_DEF)))
}
