//! `method-wrapper`: a slot wrapper bound to an instance (`(1).__add__`). Calling it
//! calls the wrapped slot function with the instance as `self`.
//!
//! Owns the payload, its constructor and the type's slots (repr, call, equality and
//! hash by (wrapper, instance) identity, traverse/clear/dealloc).

use super::descriptor::{WrapperDescrObject, call_bound};
use pyrt_core::builtins::{DictObject, TupleObject, str_new};
use pyrt_core::object::{ObjectHeader, PyAny, PyLayout, gc_free, generic_alloc};
use pyrt_core::protocol::bool_obj;
use pyrt_core::types::{CompareOp, GetSetDef, ObjCell};
use pyrt_core::{Bound, PyErr, PyResult, Python};
use std::ptr::NonNull;

/// A `method-wrapper` instance: a slot wrapper and the instance it is bound to.
///
/// ```
/// use pyrt_typeobject::slot_wrapper::MethodWrapperObject;
/// pyrt_typeobject::Runtime::with(|py| {
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let name = pyrt_core::builtins::intern(py, "__add__").unwrap().into_any();
///     let m = pyrt_typeobject::attr::getattr(py, &one, &name).unwrap();
///     let m = m.downcast::<MethodWrapperObject>().unwrap();
///     assert!(m.bound_self(py).unwrap().is(&one));
///     assert_eq!(m.descriptor(py).unwrap().row().name.as_str(), "__add__");
/// });
/// ```
#[repr(C)]
pub struct MethodWrapperObject {
    /// Header.
    pub ob_base: ObjectHeader,
    descr: ObjCell<WrapperDescrObject>,
    self_: ObjCell<PyAny>,
}

// SAFETY: repr(C), header first, zero-valid cells; type_check accepts exactly
// instances of `method-wrapper`, laid out as this struct and not subclassable.
unsafe impl PyLayout for MethodWrapperObject {
    fn type_check(obj: &PyAny) -> bool {
        // SAFETY: objects are only reachable under the runtime lock, whose state exists.
        let py = unsafe { Python::assume_locked() };
        std::ptr::eq(obj.ob_type(), py.builtins().method_wrapper())
    }
}

impl MethodWrapperObject {
    /// The instance the wrapper is bound to (`__self__`).
    pub fn bound_self<'py>(&self, py: Python<'py>) -> Option<Bound<'py>> {
        self.self_.get(py)
    }

    /// The unbound slot wrapper.
    pub fn descriptor<'py>(&self, py: Python<'py>) -> Option<Bound<'py, WrapperDescrObject>> {
        self.descr.get(py)
    }
}

/// `descr` bound to `self_` (the caller has checked `self_`'s type).
pub(crate) fn method_wrapper_new<'py>(
    py: Python<'py>,
    descr: &Bound<'py, WrapperDescrObject>,
    self_: &Bound<'py>,
) -> PyResult<Bound<'py, MethodWrapperObject>> {
    let obj = generic_alloc(py, py.builtins().method_wrapper(), 0)?;
    // SAFETY: just allocated as a method-wrapper.
    let m = unsafe { obj.downcast_unchecked::<MethodWrapperObject>() };
    m.descr.set(py, Some(descr.clone()));
    m.self_.set(py, Some(self_.clone()));
    Ok(m.clone())
}

fn this<'a, 'py>(obj: &'a Bound<'py>) -> &'a Bound<'py, MethodWrapperObject> {
    // SAFETY: installed on method-wrapper, which is not subclassable.
    unsafe { obj.downcast_unchecked::<MethodWrapperObject>() }
}

fn parts<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
) -> PyResult<(Bound<'py, WrapperDescrObject>, Bound<'py>)> {
    let m = this(obj);
    match (m.descr.get(py), m.self_.get(py)) {
        (Some(d), Some(s)) => Ok((d, s)),
        _ => Err(PyErr::system_error(py, "method-wrapper has been cleared")),
    }
}

/// `repr()`: `<method-wrapper '__add__' of int object at 0x...>`.
fn repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let (d, s) = parts(py, obj)?;
    let text = format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        d.row().name.as_str(),
        crate::names::tp_name(s.ob_type()),
        s.as_any_ref().addr()
    );
    Ok(str_new(py, &text)?.into_any())
}

/// `tp_call`: the wrapped slot function with the bound instance as `self`.
fn call<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py>,
    kwargs: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let (d, s) = parts(py, obj)?;
    // SAFETY: tp_call receives an args tuple and a kwargs dict (or nothing).
    let (args, kwargs) = unsafe {
        (
            args.downcast_unchecked::<TupleObject>(),
            kwargs.map(|k| k.downcast_unchecked::<DictObject>()),
        )
    };
    call_bound(py, &d, &s, args.items(py), kwargs)
}

/// `==` / `!=`: the same wrapper bound to the same instance.
fn richcompare<'py>(
    py: Python<'py>,
    a: &Bound<'py>,
    b: &Bound<'py>,
    op: CompareOp,
) -> PyResult<Bound<'py>> {
    let same_kind = std::ptr::eq(b.ob_type(), py.builtins().method_wrapper());
    if !same_kind || !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Bound::from_ref(py, py.singletons().not_implemented()));
    }
    let (x, y) = (this(a), this(b));
    let eq = x.descr.as_ptr() == y.descr.as_ptr() && x.self_.as_ptr() == y.self_.as_ptr();
    Ok(bool_obj(py, eq == (op == CompareOp::Eq)))
}

/// `hash()`: from the two identities.
fn hash(_py: Python<'_>, obj: &Bound<'_>) -> PyResult<isize> {
    let m = this(obj);
    let addr = |p: Option<NonNull<PyAny>>| p.map_or(0, |p| p.as_ptr() as usize).rotate_right(4);
    let h = (addr(m.self_.as_ptr()) ^ addr(m.descr.as_ptr().map(NonNull::cast))) as isize;
    Ok(if h == -1 { -2 } else { h })
}

fn get_self<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(parts(py, obj)?.1)
}

fn get_name<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(parts(py, obj)?.0.row().name.interned(py)?.into_any())
}

fn get_qualname<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let d = parts(py, obj)?.0;
    let owner = d
        .owner_ref()
        .map(|t| crate::names::qualname(py, t))
        .unwrap_or_default();
    Ok(str_new(py, &format!("{owner}.{}", d.row().name.as_str()))?.into_any())
}

fn get_doc<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(str_new(py, parts(py, obj)?.0.row().doc)?.into_any())
}

/// `__self__`, `__name__`, `__qualname__`, `__doc__`.
static GETSET: [GetSetDef; 4] = [
    GetSetDef {
        name: "__self__",
        get: Some(get_self),
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
        name: "__doc__",
        get: Some(get_doc),
        set: None,
        doc: None,
    },
];

fn traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: installed on method-wrapper.
    let m = unsafe { &*(obj as *const PyAny as *const MethodWrapperObject) };
    if let Some(d) = m.descr.as_ptr() {
        visit(d.cast());
    }
    if let Some(s) = m.self_.as_ptr() {
        visit(s);
    }
}

fn clear(py: Python<'_>, obj: &Bound<'_>) {
    let m = this(obj);
    drop(m.self_.take(py));
    drop(m.descr.take(py));
}

/// # Safety
/// `obj` is a method-wrapper with refcount zero.
unsafe fn dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: still allocated, laid out as ours.
    let m = unsafe { &*(obj.as_ptr() as *const MethodWrapperObject) };
    drop(m.self_.take(py));
    drop(m.descr.take(py));
    // SAFETY: payload released; method-wrapper instances carry a GC head.
    unsafe { gc_free(py, obj) };
}

/// Sets up the `method-wrapper` type (layout and slots).
pub(crate) fn install(py: Python<'_>) {
    let tp = py.builtins().method_wrapper();
    super::init_static_type(
        py,
        tp,
        "method-wrapper",
        std::mem::size_of::<MethodWrapperObject>(),
        // SAFETY: `dealloc` releases exactly this payload and frees with gc_free;
        // `traverse` visits the two objects it owns.
        unsafe { super::GcSlots::new(dealloc, traverse) },
    );
    tp.tp_clear.set(Some(clear));
    tp.tp_repr.set(Some(repr));
    tp.tp_call.set(Some(call));
    tp.tp_richcompare.set(Some(richcompare));
    tp.tp_hash.set(Some(hash));
    tp.tp_getset.set(&GETSET);
}
