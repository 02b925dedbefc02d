//! `builtin_function_or_method`: a native function (`MethodDef`), optionally bound to a
//! `__self__`. This is how embedders expose Rust functions, and what `obj.method`
//! gives for a method descriptor.
//!
//! Owns the type's slots (call, repr, comparison, hash), its attributes (`__name__`,
//! `__qualname__`, `__doc__`, `__self__`, `__text_signature__`, `__module__`) and the
//! constructor [`native_function`]. Must not implement the argument checks (those are
//! `native_call`'s).

use super::common::{call_parts, doc_body, new_str, opt_str, qualified, text_signature};
use super::native_call::call_def;
use crate::builtins::call::not_implemented;
use crate::names;
use pyrt_core::builtins::{DictObject, NativeFunctionObject, StrObject, native_function_new};
use pyrt_core::protocol::{bool_obj, none};
use pyrt_core::types::{
    CompareOp, GetSetDef, MemberDef, MemberKind, MethodDef, MethodFlags, TernaryFunc, TypeObject,
};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python};

/// A new native function for `def`, bound to `self_` when given.
///
/// ```
/// use pyrt_core::types::{MethodDef, MethodFn, MethodFlags};
/// fn answer<'py>(py: pyrt_core::Python<'py>, _s: &pyrt_core::Bound<'py>)
///     -> pyrt_core::PyResult<pyrt_core::Bound<'py>> {
///     Ok(pyrt_core::builtins::int_new(py, 42)?.into_any())
/// }
/// static ANSWER: MethodDef = MethodDef { name: "answer", meth: MethodFn::NoArgs(answer), flags: MethodFlags(0), doc: None };
/// pyrt_typeobject::Runtime::with(|py| {
///     let f = pyrt_typeobject::descr::native_function(py, &ANSWER, None).unwrap();
///     let r = pyrt_typeobject::call::call0(py, f.as_any()).unwrap();
///     assert_eq!(r.downcast::<pyrt_core::builtins::IntObject>().unwrap().value(), 42);
/// });
/// ```
pub fn native_function<'py>(
    py: Python<'py>,
    def: &'static MethodDef,
    self_: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, NativeFunctionObject>> {
    native_function_new(py, def, self_)
}

/// Stores the type's slots and attribute tables.
pub(crate) fn install(tp: &TypeObject) {
    tp.tp_call.set(Some(native_function_call));
    tp.tp_repr.set(Some(native_function_repr));
    tp.tp_richcompare.set(Some(native_function_richcompare));
    tp.tp_hash.set(Some(native_function_hash));
    tp.tp_getset.set(&GETSET);
    tp.tp_members.set(&MEMBERS);
}

#[inline]
fn payload<'a, 'py>(
    py: Python<'py>,
    obj: &'a Bound<'py, PyAny>,
) -> PyResult<&'a Bound<'py, NativeFunctionObject>> {
    if std::ptr::eq(obj.ob_type(), py.builtins().builtin_function_or_method()) {
        // SAFETY: the type lays its instances out as NativeFunctionObject.
        return Ok(unsafe { obj.downcast_unchecked::<NativeFunctionObject>() });
    }
    obj.downcast::<NativeFunctionObject>()
        .map_err(|_| PyErr::system_error(py, "expected a builtin_function_or_method"))
}

fn def_of(py: Python<'_>, f: &NativeFunctionObject) -> PyResult<&'static MethodDef> {
    f.def
        .get()
        .ok_or_else(|| PyErr::system_error(py, "builtin function without a definition"))
}

/// `__qualname__`: the name, qualified by `__self__`'s type (or `__self__` itself when
/// it is a type) for bound functions.
fn qualname(py: Python<'_>, f: &NativeFunctionObject, def: &MethodDef) -> String {
    match f.self_.get(py) {
        None => def.name.to_owned(),
        Some(s) => match s.downcast::<TypeObject>() {
            Ok(t) => qualified(py, t, def.name),
            Err(_) => qualified(py, s.ob_type(), def.name),
        },
    }
}

/// The name messages use: the qualified name, prefixed by a module name other than
/// `builtins`.
fn function_str(py: Python<'_>, f: &NativeFunctionObject, def: &MethodDef) -> String {
    let q = qualname(py, f, def);
    match f
        .module
        .get(py)
        .and_then(|m| m.downcast_into::<StrObject>().ok())
    {
        Some(m) if m.as_str() != "builtins" => format!("{}.{q}", m.as_str()),
        _ => q,
    }
}

fn native_function_call<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = call_parts(py, args, kwargs)?;
    native_function_vectorcall(py, callable, a.args.items(py), a.kwargs)
}

/// Whether calling an instance of `tp` is a native function call (its `tp_call` is
/// `builtin_function_or_method`'s), so [`native_function_vectorcall`] may stand in
/// for it.
#[inline]
pub(crate) fn has_native_call(tp: &TypeObject) -> bool {
    tp.tp_call
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, native_function_call as TernaryFunc))
}

/// Calls a native function with its positional arguments as a slice: what its
/// `tp_call` does once the argument tuple is unpacked, so callers holding a slice
/// (`call::call_args`, `property.__get__`) need not build a tuple (CPython's vectorcall).
pub(crate) fn native_function_vectorcall<'py>(
    py: Python<'py>,
    callable: &Bound<'py, PyAny>,
    args: &[Bound<'py, PyAny>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>> {
    let f = payload(py, callable)?;
    let def = def_of(py, f)?;
    let self_ = f.self_.get(py).filter(|_| !is_static(def));
    call_def(py, def, self_.as_ref(), args, kwargs, || {
        function_str(py, f, def)
    })
}

/// `<built-in function NAME>` or `<built-in method NAME of T object at 0x…>`.
fn native_function_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py>> {
    let f = payload(py, obj)?;
    let def = def_of(py, f)?;
    let text = match f.self_.get(py) {
        None => format!("<built-in function {}>", def.name),
        Some(s) => format!(
            "<built-in method {} of {} object at {:#x}>",
            def.name,
            names::tp_name(s.ob_type()),
            s.as_any_ref().addr()
        ),
    };
    new_str(py, &text)
}

/// `==` / `!=`: the same definition bound to the same `__self__`.
fn native_function_richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py, PyAny>,
    b: &Bound<'py, PyAny>,
    op: CompareOp,
) -> PyResult<Bound<'py, PyAny>> {
    let (Ok(x), Ok(y)) = (
        a.downcast::<NativeFunctionObject>(),
        b.downcast::<NativeFunctionObject>(),
    ) else {
        return Ok(not_implemented(py));
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(not_implemented(py));
    }
    let same_def = match (x.def.get(), y.def.get()) {
        (Some(p), Some(q)) => std::ptr::eq(p, q),
        _ => false,
    };
    let same = same_def && x.self_.as_ptr() == y.self_.as_ptr();
    Ok(bool_obj(py, same == (op == CompareOp::Eq)))
}

/// Hash of the definition's address and `__self__`'s identity.
fn native_function_hash(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<isize> {
    let f = payload(py, obj)?;
    let d = f.def.get().map_or(0, |d| d as *const MethodDef as usize);
    let s = f.self_.as_ptr().map_or(0, |p| p.as_ptr() as usize);
    let h = (d.rotate_right(4) ^ s.rotate_right(4)) as isize;
    Ok(if h == -1 { -2 } else { h })
}

fn get_name<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(pyrt_core::builtins::intern(py, def_of(py, payload(py, obj)?)?.name)?.into_any())
}

fn get_qualname<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let f = payload(py, obj)?;
    new_str(py, &qualname(py, f, def_of(py, f)?))
}

fn get_doc<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let def = def_of(py, payload(py, obj)?)?;
    opt_str(py, doc_body(def.name, def.doc))
}

fn get_text_signature<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let def = def_of(py, payload(py, obj)?)?;
    opt_str(py, text_signature(def.name, def.doc))
}

/// `__self__`: the receiver (`None` for unbound and `METH_STATIC` functions).
fn get_self<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let f = payload(py, obj)?;
    let static_ = is_static(def_of(py, f)?);
    let s = f.self_.get(py).filter(|_| !static_);
    Ok(s.unwrap_or_else(|| none(py)))
}

/// `METH_STATIC` functions keep their type as `__self__` for their names and repr,
/// but are called (and report `__self__`) without it.
fn is_static(def: &MethodDef) -> bool {
    def.flags.0 & MethodFlags::STATIC.0 != 0
}

static GETSET: [GetSetDef; 5] = [
    GetSetDef {
        name: "__doc__",
        get: Some(get_doc),
        set: None,
        doc: None,
    },
    GetSetDef {
        name: "__name__",
        get: Some(get_name),
        set: None,
        doc: None,
    },
    GetSetDef {
        name: "__qualname__",
        get: Some(get_qualname),
        set: None,
        doc: None,
    },
    GetSetDef {
        name: "__self__",
        get: Some(get_self),
        set: None,
        doc: None,
    },
    GetSetDef {
        name: "__text_signature__",
        get: Some(get_text_signature),
        set: None,
        doc: None,
    },
];

static MEMBERS: [MemberDef; 1] = [MemberDef {
    name: "__module__",
    kind: MemberKind::Object,
    offset: std::mem::offset_of!(NativeFunctionObject, module) as isize,
    readonly: false,
    doc: None,
}];
