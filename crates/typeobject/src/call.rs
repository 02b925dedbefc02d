//! Calling objects through `tp_call` (with the embedder conveniences `call0`, `call1`,
//! `call_args`, `call_method*`), and `type`'s own call and constructor slots
//! (`type(x)`, `type(name, bases, dict)`, `T(*args)` = `tp_new` then `tp_init`).
//!
//! Owns the call protocol's dispatch and messages. Must not implement any particular
//! type's constructor beyond `type`'s.

use crate::names;
use pyrt_core::builtins::{
    DictObject, MethodDescrObject, StrObject, TupleObject, intern, tuple_new,
};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

/// `callable(*args, **kwargs)` through the callable's type's `tp_call`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let int = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
///     let args = pyrt_core::builtins::tuple_new(py, &[]).unwrap();
///     let t = pyrt_typeobject::call(py, &int, &args, None).unwrap();
///     assert_eq!(t.type_name(), "int");
/// });
/// ```
#[inline]
pub fn call<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    match callable.ob_type().tp_call.get() {
        Some(f) => f(py, callable, args.as_any(), kwargs.map(|k| k.as_any())),
        None => Err(not_callable(py, callable)),
    }
}

/// `TypeError: 'X' object is not callable` (out of line: [`call`] is inlined into
/// its callers).
#[cold]
#[inline(never)]
fn not_callable(py: Python<'_>, callable: &Bound<'_, PyAny>) -> PyErr {
    PyErr::type_error(
        py,
        format!(
            "'{}' object is not callable",
            names::name(py, callable.ob_type())
        ),
    )
}

/// `callable()`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let list = pyrt_core::Bound::from_ref(py, py.builtins().list()).into_any();
///     let l = pyrt_typeobject::call::call0(py, &list).unwrap();
///     assert_eq!(l.type_name(), "list");
/// });
/// ```
pub fn call0<'py>(py: Python<'py>, callable: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    call_args(py, callable, &[], None)
}

/// `callable(arg)`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let t = pyrt_core::Bound::from_ref(py, py.builtins().type_()).into_any();
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let r = pyrt_typeobject::call::call1(py, &t, &one).unwrap();
///     assert!(std::ptr::eq(r.as_any_ref(), py.builtins().int().as_any()));
/// });
/// ```
pub fn call1<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    arg: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    call_args(py, callable, std::slice::from_ref(arg), None)
}

/// `callable(*args, **kwargs)` with the positional arguments as a slice.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let int = pyrt_core::Bound::from_ref(py, py.builtins().int()).into_any();
///     let s = pyrt_core::builtins::str_new(py, "12").unwrap().into_any();
///     let r = pyrt_typeobject::call::call_args(py, &int, &[s], None).unwrap();
///     assert_eq!(r.downcast::<pyrt_core::builtins::IntObject>().unwrap().value(), 12);
/// });
/// ```
pub fn call_args<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    if crate::descr::has_native_call(callable.ob_type()) {
        // A native function takes the slice as is: no argument tuple (its `tp_call`
        // would only unpack one).
        return crate::descr::native_function_vectorcall(py, callable, args, kwargs);
    }
    let args = tuple_new(py, args)?;
    call(py, callable, &args, kwargs)
}

/// `obj.name(*args)`. A method descriptor found on the type (and not shadowed by the
/// instance dict) is called directly with `obj` as the receiver, without creating a
/// bound method — CPython's method-call path, whose messages name the defining type
/// (`list.append() takes exactly one argument (0 given)`).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap().into_any();
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     pyrt_typeobject::call::call_method(py, &l, "append", &[one]).unwrap();
///     let e = pyrt_typeobject::call::call_method(py, &l, "append", &[]).unwrap_err();
///     assert_eq!(e.message(py), "list.append() takes exactly one argument (0 given)");
/// });
/// ```
pub fn call_method<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    call_method_kw(py, obj, name, args, None)
}

/// `obj.name()`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let s = pyrt_core::builtins::str_new(py, "ab").unwrap().into_any();
///     let r = pyrt_typeobject::call::call_method0(py, &s, "upper").unwrap();
///     assert_eq!(r.downcast::<pyrt_core::builtins::StrObject>().unwrap().as_str(), "AB");
/// });
/// ```
pub fn call_method0<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    call_method_kw(py, obj, name, &[], None)
}

/// `obj.name(arg)`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap().into_any();
///     let x = pyrt_core::builtins::int_new(py, 7).unwrap().into_any();
///     pyrt_typeobject::call::call_method1(py, &l, "append", &x).unwrap();
///     assert_eq!(l.downcast::<pyrt_core::builtins::ListObject>().unwrap().len(), 1);
/// });
/// ```
pub fn call_method1<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
    arg: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    call_method_kw(py, obj, name, std::slice::from_ref(arg), None)
}

/// `obj.name(*args, **kwargs)` (see [`call_method`]).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap().into_any();
///     let kw = pyrt_core::builtins::dict_new(py).unwrap();
///     let t = pyrt_core::protocol::bool_obj(py, true);
///     kw.set_item(py, pyrt_core::builtins::intern(py, "reverse").unwrap().as_any(), &t).unwrap();
///     pyrt_typeobject::call::call_method_kw(py, &l, "sort", &[], Some(&kw)).unwrap();
/// });
/// ```
pub fn call_method_kw<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &str,
    args: &[Bound<'py, PyAny>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    let key = intern(py, name)?;
    if let Some(r) = call_method_descriptor(py, obj, &key, args, kwargs) {
        return r;
    }
    let f = crate::attr::getattr(py, obj, key.as_any())?;
    call_args(py, &f, args, kwargs)
}

/// The method-call shortcut: `Some` when `name` is a method descriptor on the type of an
/// object using the generic attribute lookup, not shadowed by its instance dict.
fn call_method_descriptor<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &StrObject,
    args: &[Bound<'py, PyAny>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> Option<PyResult<Bound<'py, PyAny>>> {
    let tp = obj.ob_type();
    let generic = crate::attr::generic_getattr as pyrt_core::types::BinaryFunc;
    if tp.tp_getattro.get().map(|f| f as usize) != Some(generic as usize) {
        return None;
    }
    let p = crate::attr::type_lookup(py, tp, name)?;
    // SAFETY: owned by a dict of the MRO; a reference is taken before any code runs.
    let d = unsafe { Bound::from_borrowed_ptr(py, p) };
    let descr = d.downcast::<MethodDescrObject>().ok()?;
    if !std::ptr::eq(d.ob_type(), py.builtins().method_descriptor()) {
        return None;
    }
    if let Some(attrs) = pyrt_core::object::instance_attrs(obj.as_any_ref()) {
        match attrs.lookup_str(name) {
            pyrt_core::object::AttrLookup::Found(_) => return None,
            pyrt_core::object::AttrLookup::Absent => {}
            pyrt_core::object::AttrLookup::Dict(_) => {
                let dict = attrs.slot().dict(py)?;
                if dict.get_str_raw(py, name).is_some() {
                    return None;
                }
            }
        }
    }
    let (t, def) = (descr.d_type.get(py)?, descr.def.get()?);
    Some(crate::descr::call_unbound(py, &t, def, obj, args, kwargs))
}

/// `tp(*args)` for a type: a convenience over [`call`].
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let o = pyrt_typeobject::call_type(py, &a, &[]).unwrap();
///     assert!(std::ptr::eq(o.ob_type(), &*a));
/// });
/// ```
pub fn call_type<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    let args = tuple_new(py, args)?;
    call(py, tp.as_any(), &args, None)
}

/// `tp_call` of `type`: `type(x)` gives `x`'s type; otherwise `tp_new`, then `tp_init`
/// when the result is an instance of the called type.
pub(crate) fn type_call<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: installed on `type` (and inherited by metatypes): callables are types.
    let tp = unsafe { callable.downcast_unchecked::<TypeObject>() };
    // SAFETY: tp_call receives an args tuple.
    let args = unsafe { args.downcast_unchecked::<TupleObject>() };
    // SAFETY: tp_call receives a kwargs dict or nothing.
    let kwargs = kwargs.map(|k| unsafe { k.downcast_unchecked::<DictObject>() });
    if args.is_empty()
        && kwargs.is_none_or(|k| k.is_empty())
        && crate::builtins::is_plain_constructor(tp)
    {
        // `object.__new__` then `object.__init__` with no arguments, in one step.
        return crate::builtins::new_plain_instance_no_args(py, tp);
    }
    type_call_general(py, tp, args, kwargs)
}

/// [`type_call`] past the no-argument fast path: `type(x)`, then `tp_new` and
/// `tp_init`. Out of line, so the fast path needs no stack frame of its own.
#[inline(never)]
fn type_call_general<'py>(
    py: Python<'py>,
    tp: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    if std::ptr::eq(&**tp, py.builtins().type_())
        && args.len() == 1
        && kwargs.is_none_or(|k| k.is_empty())
    {
        return Ok(args.items(py)[0].get_type().into_any());
    }
    let Some(new) = tp.tp_new.get() else {
        return Err(PyErr::type_error(
            py,
            format!("cannot create '{}' instances", names::tp_name(tp)),
        ));
    };
    let obj = new(py, tp, args, kwargs)?;
    if !obj.ob_type().is_subtype(tp) {
        return Ok(obj);
    }
    if let Some(init) = obj.ob_type().tp_init.get() {
        init(py, &obj, args, kwargs)?;
    }
    Ok(obj)
}

/// `tp_new` of `type`: `type(name, bases, dict)` creates a class.
pub(crate) fn type_new_slot<'py>(
    py: Python<'py>,
    meta: &Bound<'py, TypeObject>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    let items = args.items(py);
    if items.len() != 3 {
        let has_kw = kwargs.is_some_and(|k| !k.is_empty());
        let msg = if items.len() == 1 && has_kw {
            "type() takes no keyword arguments"
        } else {
            "type() takes 1 or 3 arguments"
        };
        return Err(PyErr::type_error(py, msg));
    }
    let name = items[0].downcast::<StrObject>().map_err(|_| {
        PyErr::type_error(
            py,
            format!(
                "type.__new__() argument 1 must be str, not {}",
                items[0].type_name()
            ),
        )
    })?;
    let bases = items[1].downcast::<TupleObject>().map_err(|_| {
        PyErr::type_error(
            py,
            format!(
                "type.__new__() argument 2 must be tuple, not {}",
                items[1].type_name()
            ),
        )
    })?;
    let dict = items[2].downcast::<DictObject>().map_err(|_| {
        PyErr::type_error(
            py,
            format!(
                "type.__new__() argument 3 must be dict, not {}",
                items[2].type_name()
            ),
        )
    })?;
    let (name, bases) = (name.as_str(), bases.items(py));
    crate::class_init::new_class_with_kwargs(py, meta, name, bases, Some(dict), kwargs)
        .map(Bound::into_any)
}

/// `tp_init` of `type`: only checks the argument count.
pub(crate) fn type_init<'py>(
    py: Python<'py>,
    _obj: &Bound<'py, PyAny>,
    args: &Bound<'py, TupleObject>,
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<()> {
    if args.len() == 1 && kwargs.is_some_and(|k| !k.is_empty()) {
        return Err(PyErr::type_error(
            py,
            "type.__init__() takes no keyword arguments",
        ));
    }
    if args.len() != 1 && args.len() != 3 {
        return Err(PyErr::type_error(
            py,
            "type.__init__() takes 1 or 3 arguments",
        ));
    }
    Ok(())
}
