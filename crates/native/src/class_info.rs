//! What a native type keeps besides its slots: the Rust closures behind its methods,
//! getters, setters and constructor ([`ClassInfo`]), held by a small non-collectable
//! object ([`InfoObject`]) stored in the type's `ht_module` (the field CPython gives a
//! type made from a spec for "its module or another value").
//!
//! Owns the info object's type (one per process, [`info_type`]), storing an info into a
//! new info object, and finding it again from a native type. Must not read payloads
//! (that is `layout`) or install slots (that is `build`).

use pyrt_core::builtins::{DictObject, TupleObject};
use pyrt_core::object::{ObjectHeader, PyLayout};
use pyrt_core::types::{SlotId, SlotValue};
use pyrt_core::{Bound, Py, PyAny, PyResult, Python, TypeFlags, TypeObject};
use pyrt_typeobject::{Slot, TypeSpec, from_spec_unchecked};
use std::any::Any;
use std::cell::Cell;
use std::ptr::NonNull;
use std::sync::OnceLock;

/// A method as stored: the object it was called on and the positional arguments.
pub(crate) type RawMethod = Box<
    dyn for<'py> Fn(
            Python<'py>,
            &Bound<'py, PyAny>,
            &[Bound<'py, PyAny>],
        ) -> PyResult<Bound<'py, PyAny>>
        + Send
        + Sync,
>;
/// A getter as stored.
pub(crate) type RawGetter = Box<
    dyn for<'py> Fn(Python<'py>, &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> + Send + Sync,
>;
/// A setter as stored.
pub(crate) type RawSetter = Box<
    dyn for<'py> Fn(Python<'py>, &Bound<'py, PyAny>, &Bound<'py, PyAny>) -> PyResult<()>
        + Send
        + Sync,
>;
/// A constructor as stored: the type being instantiated and the call's arguments.
pub(crate) type Constructor<T> = Box<
    dyn for<'py> Fn(
            Python<'py>,
            &Bound<'py, TypeObject>,
            &Bound<'py, TupleObject>,
            Option<&Bound<'py, DictObject>>,
        ) -> PyResult<T>
        + Send
        + Sync,
>;

/// The closures of one native type; index `i` of each table belongs to the `i`-th
/// trampoline of its kind (`slots/trampolines.rs`).
pub(crate) struct ClassInfo<T> {
    /// `tp_methods` order.
    pub methods: Vec<RawMethod>,
    /// `tp_getset` order.
    pub getsets: Vec<GetSetEntry>,
    /// `tp_new`'s payload constructor.
    pub constructor: Option<Constructor<T>>,
}

/// One getset attribute: its name, getter and setter.
pub(crate) struct GetSetEntry {
    /// The attribute name.
    pub name: &'static str,
    /// The getter.
    pub get: Option<RawGetter>,
    /// The setter.
    pub set: Option<RawSetter>,
}

/// The info object: a header and an owned, type-erased `ClassInfo<T>` (null when empty).
#[repr(C)]
pub(crate) struct InfoObject {
    ob_base: ObjectHeader,
    info: Cell<*mut Box<dyn Any + Send + Sync>>,
}

// SAFETY: repr(C), header first; a null pointer (zero-filled) is the empty state;
// type_check accepts only instances of the info type, which info_type lays out as Self.
unsafe impl PyLayout for InfoObject {
    fn type_check(obj: &PyAny) -> bool {
        INFO_TYPE
            .get()
            .is_some_and(|t| std::ptr::eq(obj.ob_type().as_ptr().as_ptr(), t.as_ptr().as_ptr()))
    }
}

impl InfoObject {
    /// The info, if this object holds a `ClassInfo<T>`.
    pub(crate) fn get<T: 'static>(&self) -> Option<&ClassInfo<T>> {
        let p = self.info.get();
        // SAFETY: a non-null pointer came from Box::into_raw in `new_info_object` and is
        // freed only by `info_dealloc`, when this object dies; the info is never mutated.
        let boxed = unsafe { p.as_ref() }?;
        boxed.downcast_ref::<ClassInfo<T>>()
    }
}

/// The process-wide type of info objects (made on first use, never freed).
static INFO_TYPE: OnceLock<Py<TypeObject>> = OnceLock::new();

/// The info objects' type, created on first use. It is a process-lifetime object: call
/// [`crate::init`] before counting live objects.
pub(crate) fn info_type(py: Python<'_>) -> PyResult<&'static Py<TypeObject>> {
    if let Some(t) = INFO_TYPE.get() {
        return Ok(t);
    }
    let slots = [Slot::new(
        SlotId::TP_DEALLOC,
        SlotValue::Dealloc(info_dealloc),
    )];
    let spec = TypeSpec {
        name: "pyrt.native.ClassInfo",
        basicsize: std::mem::size_of::<InfoObject>() as i32,
        itemsize: 0,
        flags: TypeFlags::DEFAULT | TypeFlags::IMMUTABLETYPE | TypeFlags::DISALLOW_INSTANTIATION,
        slots: &slots,
    };
    // SAFETY: info_dealloc destroys exactly an InfoObject (the basicsize given) and ends
    // in the plain free of a non-GC type; no members.
    let tp = unsafe { from_spec_unchecked(py, &spec, None, None, None)? };
    // The runtime lock is held, so no other thread can have set it meanwhile.
    let _ = INFO_TYPE.set(tp.unbind());
    Ok(INFO_TYPE.get().expect("just set"))
}

/// `tp_dealloc` of info objects: drops the info, frees the block.
///
/// # Safety
/// `obj` is an info object with refcount zero.
unsafe fn info_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: still allocated, laid out as InfoObject.
    let o = unsafe { &*(obj.as_ptr() as *const InfoObject) };
    let p = o.info.replace(std::ptr::null_mut());
    if !p.is_null() {
        // SAFETY: from Box::into_raw in new_info_object, released exactly once (nulled).
        drop(unsafe { Box::from_raw(p) });
    }
    // SAFETY: the payload is destroyed; the type is not HAVE_GC and its instances come
    // from generic_alloc.
    unsafe { pyrt_core::object::plain_free(py, obj) };
}

/// A new info object owning `info`.
pub(crate) fn new_info_object<'py, T: Send + 'static>(
    py: Python<'py>,
    info: ClassInfo<T>,
) -> PyResult<Bound<'py, PyAny>> {
    let tp = info_type(py)?;
    let obj = pyrt_core::object::generic_alloc(py, tp.bind(py), 0)?;
    let o = obj
        .downcast::<InfoObject>()
        .map_err(|_| pyrt_core::PyErr::system_error(py, "info object of the wrong type"))?;
    let boxed: Box<dyn Any + Send + Sync> = Box::new(info);
    o.info.set(Box::into_raw(Box::new(boxed)));
    Ok(obj)
}

/// The info object of native type `d`, as a new reference (so the info stays alive for
/// the call even if the type's `ht_module` is replaced meanwhile).
pub(crate) fn info_object<'py>(py: Python<'py>, d: &TypeObject) -> Option<Bound<'py, InfoObject>> {
    d.ht_module.get(py)?.downcast_into::<InfoObject>().ok()
}

/// Whether `d` holds the info of a `ClassInfo<T>`.
pub(crate) fn holds_info<T: 'static>(d: &TypeObject) -> bool {
    // SAFETY: the module object is owned by `d` and not released during this read (no
    // code runs between the load and the check).
    let Some(m) = d.ht_module.as_ptr().map(|p| unsafe { p.as_ref() }) else {
        return false;
    };
    if !InfoObject::type_check(m) {
        return false;
    }
    // SAFETY: checked just above: the object is an InfoObject.
    let o = unsafe { &*(m as *const PyAny as *const InfoObject) };
    o.get::<T>().is_some()
}
