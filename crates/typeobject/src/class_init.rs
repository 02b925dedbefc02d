//! The parts of class creation that surround readying: preparing the namespace
//! (`__eq__` without `__hash__` → `__hash__ = None`; a function-like `__new__` becomes a
//! `staticmethod`, a function-like `__init_subclass__` / `__class_getitem__` a
//! `classmethod`), and, once the class is ready and its slots fixed up, the hooks that
//! run user code: `__set_name__` on every namespace value whose type defines it (errors
//! wrapped in `RuntimeError` as CPython 3.11 does), then the parent's
//! `__init_subclass__` with the class keywords.
//!
//! "Function-like" means: a callable whose type binds like a function (it has
//! `tp_descr_get` and the `METHOD_DESCRIPTOR` flag) and is not one of the builtin
//! descriptor types — the stand-in for CPython's `PyFunction_Check`, so an
//! interpreter's function type qualifies.
//!
//! Owns these steps and `object.__init_subclass__`. Must not build the type itself
//! (`class::build_class`) or decide slots (`slotdefs`).

use crate::call::call;
use crate::class::build_class;
use crate::descr::{classmethod_new, staticmethod_new};
use crate::mro::mro_of;
use crate::names;
use crate::slotdefs::method::lookup_method_str;
use pyrt_core::builtins::{BaseExceptionObject, DictObject, StrObject, TupleObject, tuple_new};
use pyrt_core::types::MethodDef;
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};

/// Creates a class as a `class` statement with keywords does: `type.__new__(meta,
/// name, bases, ns, **kwargs)`. The keywords go to the parent's `__init_subclass__`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let kw = pyrt_core::builtins::dict_new(py).unwrap();
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     kw.set_item(py, pyrt_core::builtins::intern(py, "x").unwrap().as_any(), &one).unwrap();
///     let e = pyrt_typeobject::new_class_with_kwargs(py, py.builtins().type_(), "A", &[], None, Some(&kw))
///         .unwrap_err();
///     assert_eq!(e.message(py), "A.__init_subclass__() takes no keyword arguments");
/// });
/// ```
pub fn new_class_with_kwargs<'py>(
    py: Python<'py>,
    requested_meta: &TypeObject,
    name: &str,
    bases: &[Bound<'py, PyAny>],
    ns: Option<&Bound<'py, DictObject>>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, TypeObject>> {
    let tp = build_class(py, requested_meta, name, bases, ns)?;
    // With an empty namespace the class dict holds only what class creation put there
    // (a `str`, `None`, `__dict__`/`__weakref__` getset descriptors): instances of
    // immutable builtin types without `__set_name__`.
    if crate::class::has_entries(ns) {
        set_names(py, &tp)?;
    }
    init_subclass(py, &tp, kwargs)?;
    Ok(tp)
}

/// Step before readying: the namespace rules of `type_new`.
pub(crate) fn prepare_namespace(py: Python<'_>, dict: &Bound<'_, DictObject>) -> PyResult<()> {
    crate::slotdefs::set_hash_none_if_eq(py, dict)?;
    wrap_function(
        py,
        dict,
        &pyrt_core::interned!(py, "__new__")?,
        Wrap::Static,
    )?;
    let init_subclass = pyrt_core::interned!(py, "__init_subclass__")?;
    wrap_function(py, dict, &init_subclass, Wrap::Class)?;
    let class_getitem = pyrt_core::interned!(py, "__class_getitem__")?;
    wrap_function(py, dict, &class_getitem, Wrap::Class)
}

enum Wrap {
    Static,
    Class,
}

/// Whether `v` binds like a function (see the module doc).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let append = pyrt_typeobject::attr::lookup_str(py, py.builtins().list(), "append").unwrap();
///     assert!(!pyrt_typeobject::class_init::is_function_like(py, &append));
/// });
/// ```
pub fn is_function_like(py: Python<'_>, v: &Bound<'_, PyAny>) -> bool {
    let t = v.ob_type();
    let b = py.builtins();
    let builtin_descr = [
        b.method_descriptor(),
        b.classmethod_descriptor(),
        b.wrapper_descriptor(),
    ]
    .iter()
    .any(|d| std::ptr::eq(t, *d));
    t.has_flag(TypeFlags::METHOD_DESCRIPTOR) && t.tp_descr_get.get().is_some() && !builtin_descr
}

fn wrap_function(
    py: Python<'_>,
    dict: &Bound<'_, DictObject>,
    key: &Bound<'_, StrObject>,
    how: Wrap,
) -> PyResult<()> {
    // SAFETY: the value is owned by the dict; a reference is taken at once.
    let Some(v) = dict
        .get_str_raw(py, key)
        .map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
    else {
        return Ok(());
    };
    if !is_function_like(py, &v) {
        return Ok(());
    }
    let wrapped = match how {
        Wrap::Static => staticmethod_new(py, &v)?.into_any(),
        Wrap::Class => classmethod_new(py, &v)?.into_any(),
    };
    dict.set_item(py, key.as_any(), &wrapped)
}

/// `__set_name__(owner, name)` on each value of the new class's dict whose type has it.
fn set_names(py: Python<'_>, tp: &Bound<'_, TypeObject>) -> PyResult<()> {
    let Some(dict) = tp.tp_dict.get(py) else {
        return Ok(());
    };
    let hook = pyrt_core::interned!(py, "__set_name__")?;
    for (k, v) in dict.items(py) {
        let Some(m) = lookup_method_str(py, &v, &hook)? else {
            continue;
        };
        if let Err(e) = m.call(py, &v, &[tp.clone().into_any(), k.clone()], None) {
            return Err(set_name_error(py, e, &v, &k, tp));
        }
    }
    Ok(())
}

/// `RuntimeError: Error calling __set_name__ on 'D' instance 'x' in 'A'`, caused by `e`.
fn set_name_error(
    py: Python<'_>,
    e: PyErr,
    v: &Bound<'_>,
    k: &Bound<'_>,
    tp: &TypeObject,
) -> PyErr {
    let key = match crate::ops::repr(py, k) {
        Ok(r) => r.as_str().to_owned(),
        Err(err) => return err,
    };
    let wrapped = PyErr::runtime_error(
        py,
        format!(
            "Error calling __set_name__ on '{}' instance {key} in '{}'",
            names::tp_name(v.ob_type()),
            names::tp_name(tp)
        ),
    );
    if let Ok(exc) = wrapped.value(py).downcast::<BaseExceptionObject>() {
        exc.cause.set(py, Some(e.into_value(py)));
        exc.suppress_context.set(true);
    }
    wrapped
}

/// `super(tp, tp).__init_subclass__(**kwargs)`: the first `__init_subclass__` after `tp`
/// in its MRO, bound to `tp`.
fn init_subclass<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<()> {
    let key = pyrt_core::interned!(py, "__init_subclass__")?;
    let found = mro_of(tp).iter().skip(1).find_map(|t| {
        // SAFETY: MRO entries are live types owned by tp's MRO tuple.
        let dict = unsafe { t.as_ref() }.tp_dict.get(py)?;
        // SAFETY: owned by the dict; a reference is taken at once.
        dict.get_str_raw(py, &key)
            .map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
    });
    let Some(d) = found else {
        return Ok(());
    };
    if kwargs.is_none_or(|k| k.is_empty()) && is_object_init_subclass(py, &d) {
        // `object.__init_subclass__()` does nothing: skip binding and calling it.
        return Ok(());
    }
    let f = match d.ob_type().tp_descr_get.get() {
        Some(get) => get(py, &d, None, Some(tp.as_any()))?,
        None => d,
    };
    call(py, &f, &tuple_new(py, &[])?, kwargs).map(drop)
}

/// Whether `d` is `object`'s own `__init_subclass__` descriptor.
fn is_object_init_subclass(py: Python<'_>, d: &Bound<'_, PyAny>) -> bool {
    std::ptr::eq(d.ob_type(), py.builtins().classmethod_descriptor())
        && d.downcast::<pyrt_core::builtins::MethodDescrObject>()
            .is_ok_and(|m| {
                m.def
                    .get()
                    .is_some_and(|def| def.name == "__init_subclass__" && is_object_def(def))
            })
}

fn is_object_def(def: &MethodDef) -> bool {
    matches!(def.meth, pyrt_core::types::MethodFn::Keywords(f) if f as usize == object_init_subclass as pyrt_core::types::KeywordsFn as usize)
}

/// `object.__init_subclass__`: accepts no arguments.
fn object_init_subclass<'py>(
    py: Python<'py>,
    cls: &Bound<'py>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    if !args.is_empty() {
        return Err(PyErr::type_error(
            py,
            format!(
                "object.__init_subclass__() takes no arguments ({} given)",
                args.len()
            ),
        ));
    }
    if kwargs.is_some_and(|k| !k.is_empty()) {
        let who = match cls.downcast::<TypeObject>() {
            Ok(t) => names::qualname(py, t),
            Err(_) => "object".to_owned(),
        };
        return Err(PyErr::type_error(
            py,
            format!("{who}.__init_subclass__() takes no keyword arguments"),
        ));
    }
    Ok(pyrt_core::protocol::none(py))
}

/// `object.__init_subclass__` (a class method).
pub(crate) const OBJECT_INIT_SUBCLASS: MethodDef = MethodDef {
    name: "__init_subclass__",
    meth: pyrt_core::types::MethodFn::Keywords(object_init_subclass),
    flags: pyrt_core::types::MethodFlags::CLASS,
    doc: Some(
        "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n",
    ),
};
