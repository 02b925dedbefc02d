//! Native functions written in Rust: `builtin_function_or_method` (free functions like
//! `len`, and methods bound to an instance like `[].append`) and `method_descriptor`
//! (a builtin type's method looked up on the type, like `list.append`). TEMPORARY —
//! minipy's own, used until pyrt's builtin functions and method descriptors land
//! (branch `descr`); then the tables here become `MethodDef`s.
//!
//! Owns the registry of native functions and the two types.

use super::native_type::{NativeObject, alloc_native, is_type, make_native_type};
use pyrt_core::builtins::{DictObject, StrObject, TupleObject, str_new};
use pyrt_core::protocol::none;
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject};
use std::cell::RefCell;

/// A native function: `(self or None, positional args, keyword args)`.
pub type NativeFn = for<'py> fn(
    Python<'py>,
    Option<&Bound<'py, PyAny>>,
    &[Bound<'py, PyAny>],
    Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, PyAny>>;

/// A registered native function.
#[derive(Clone, Copy)]
pub struct NativeDef {
    /// Its name.
    pub name: &'static str,
    /// The function.
    pub f: NativeFn,
}

thread_local! {
    static REGISTRY: RefCell<Vec<NativeDef>> = const { RefCell::new(Vec::new()) };
}

fn register(def: NativeDef) -> i64 {
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.push(def);
        r.len() as i64
    })
}

fn lookup(i: i64) -> Option<NativeDef> {
    let i = usize::try_from(i).ok()?.checked_sub(1)?;
    REGISTRY.with(|r| r.borrow().get(i).copied())
}

/// A builtin: field 0 is the bound instance (empty for free functions); word 0 the
/// registry index.
pub type BuiltinObject = NativeObject<1>;

pub(super) fn make_builtin_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<1>(py, "builtin_function_or_method", false, &[])?;
    let tp = t.bind(py);
    tp.tp_call.set(Some(builtin_call));
    tp.tp_repr.set(Some(builtin_repr));
    tp.tp_getattro.set(Some(builtin_getattro));
    Ok(t)
}

pub(super) fn make_descr_type(py: Python<'_>) -> PyResult<Py<TypeObject>> {
    let t = make_native_type::<1>(py, "method_descriptor", false, &[])?;
    let tp = t.bind(py);
    tp.tp_call.set(Some(descr_call));
    tp.tp_repr.set(Some(descr_repr));
    tp.tp_descr_get.set(Some(descr_get));
    tp.tp_getattro.set(Some(builtin_getattro));
    Ok(t)
}

/// A free builtin function.
pub fn new_builtin<'py>(
    py: Python<'py>,
    name: &'static str,
    f: NativeFn,
) -> PyResult<Bound<'py, PyAny>> {
    let b = alloc_native::<1>(py, super::types(py).builtin.bind(py))?;
    b.set_word(0, register(NativeDef { name, f }));
    Ok(b.into_any())
}

fn bound_builtin<'py>(
    py: Python<'py>,
    idx: i64,
    this: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let b = alloc_native::<1>(py, super::types(py).builtin.bind(py))?;
    b.set_word(0, idx);
    b.set(py, 0, Some(this.clone()));
    Ok(b.into_any())
}

/// Stores method descriptors for `methods` in `owner`'s dict (a builtin type).
pub fn install_methods(
    py: Python<'_>,
    owner: &TypeObject,
    methods: &[(&'static str, NativeFn)],
) -> PyResult<()> {
    for (name, f) in methods {
        let d = alloc_native::<1>(py, super::types(py).method_descr.bind(py))?;
        d.set_word(0, register(NativeDef { name, f: *f }));
        d.set(py, 0, Some(Bound::from_ref(py, owner).into_any()));
        let key = pyrt_core::builtins::intern(py, name)?.into_any();
        pyrt_typeobject::attr::type_dict_set(py, owner, &key, Some(d.as_any()))?;
    }
    Ok(())
}

fn payload<'a, 'py>(obj: &'a Bound<'py, PyAny>) -> Option<&'a Bound<'py, BuiltinObject>> {
    obj.downcast::<BuiltinObject>().ok()
}

fn builtin_call<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let b = payload(obj).ok_or_else(|| PyErr::system_error(py, "bad builtin"))?;
    let def = lookup(b.word(0)).ok_or_else(|| PyErr::system_error(py, "unknown builtin"))?;
    // SAFETY: tp_call receives an args tuple.
    let args = unsafe { args.downcast_unchecked::<TupleObject>() };
    // SAFETY: tp_call receives a kwargs dict or nothing.
    let kw = kwargs.map(|k| unsafe { k.downcast_unchecked::<DictObject>() });
    let this = b.get(py, 0);
    (def.f)(py, this.as_ref(), args.items(py), kw)
}

fn builtin_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let b = payload(obj).ok_or_else(|| PyErr::system_error(py, "bad builtin"))?;
    let name = lookup(b.word(0)).map_or("?", |d| d.name);
    let text = match b.get(py, 0) {
        None => format!("<built-in function {name}>"),
        Some(s) => format!(
            "<built-in method {name} of {} object at {:#x}>",
            s.type_name(),
            s.as_any_ref().addr()
        ),
    };
    Ok(str_new(py, &text)?.into_any())
}

fn builtin_getattro<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    name: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if let (Ok(n), Some(b)) = (name.downcast::<StrObject>(), payload(obj)) {
        let def_name = lookup(b.word(0)).map_or("?", |d| d.name);
        match n.as_str() {
            "__name__" | "__qualname__" => return Ok(str_new(py, def_name)?.into_any()),
            "__self__" if is_type(obj, &super::types(py).builtin) => {
                return Ok(b.get(py, 0).unwrap_or_else(|| none(py)));
            }
            "__objclass__" if is_type(obj, &super::types(py).method_descr) => {
                return Ok(b.get(py, 0).unwrap_or_else(|| none(py)));
            }
            _ => {}
        }
    }
    pyrt_typeobject::attr::generic_getattr(py, obj, name)
}

fn owner_of<'py>(py: Python<'py>, d: &BuiltinObject) -> Option<Bound<'py, TypeObject>> {
    d.get(py, 0)?.downcast_into::<TypeObject>().ok()
}

fn check_self(py: Python<'_>, d: &BuiltinObject, this: &Bound<'_, PyAny>) -> PyResult<()> {
    let Some(owner) = owner_of(py, d) else {
        return Ok(());
    };
    if this.ob_type().is_subtype(&owner) {
        return Ok(());
    }
    let name = lookup(d.word(0)).map_or("?", |x| x.name);
    Err(PyErr::type_error(
        py,
        format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            owner.name_string(),
            this.type_name()
        ),
    ))
}

fn descr_get<'py>(
    py: Python<'py>,
    descr: &Bound<'py, PyAny>,
    obj: Option<&Bound<'py, PyAny>>,
    _owner: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let d = payload(descr).ok_or_else(|| PyErr::system_error(py, "bad descriptor"))?;
    match obj {
        Some(o) if !std::ptr::eq(o.as_any_ref(), py.singletons().none()) => {
            check_self(py, d, o)?;
            bound_builtin(py, d.word(0), o)
        }
        _ => Ok(descr.clone()),
    }
}

fn descr_call<'py>(
    py: Python<'py>,
    obj: &Bound<'py, PyAny>,
    args: &Bound<'py, PyAny>,
    kwargs: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let d = payload(obj).ok_or_else(|| PyErr::system_error(py, "bad descriptor"))?;
    let def = lookup(d.word(0)).ok_or_else(|| PyErr::system_error(py, "unknown builtin"))?;
    // SAFETY: tp_call receives an args tuple.
    let args = unsafe { args.downcast_unchecked::<TupleObject>() };
    // SAFETY: tp_call receives a kwargs dict or nothing.
    let kw = kwargs.map(|k| unsafe { k.downcast_unchecked::<DictObject>() });
    let items = args.items(py);
    let Some((this, rest)) = items.split_first() else {
        let owner = owner_of(py, d).map(|o| o.name_string()).unwrap_or_default();
        return Err(PyErr::type_error(
            py,
            format!("unbound method {owner}.{}() needs an argument", def.name),
        ));
    };
    check_self(py, d, this)?;
    (def.f)(py, Some(this), rest, kw)
}

fn descr_repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let d = payload(obj).ok_or_else(|| PyErr::system_error(py, "bad descriptor"))?;
    let name = lookup(d.word(0)).map_or("?", |x| x.name);
    let owner = owner_of(py, d).map(|o| o.name_string()).unwrap_or_default();
    Ok(str_new(py, &format!("<method '{name}' of '{owner}' objects>"))?.into_any())
}
