//! `wrapper_descriptor`: the unbound slot wrapper a type's dict holds for each slot the
//! type defines itself (`int.__add__`). Calling it checks that the first argument is an
//! instance of the owning type and calls the wrapped slot function; `__get__` binds it
//! into a `method-wrapper`.
//!
//! Owns the payload, its constructor and the type's slots. Must not decide which
//! wrappers a type gets (that is `type_ready::slot_wrappers`).

use super::method_wrapper::method_wrapper_new;
use crate::names;
use crate::slotdefs::{SLOTDEFS, SlotDefRow, call_wrapper};
use pyrt_core::builtins::{DictObject, TupleObject, str_new};
use pyrt_core::object::{ObjectHeader, PyAny, PyLayout, gc_free, generic_alloc};
use pyrt_core::types::{GetSetDef, ObjCell, SlotValue};
use pyrt_core::{Bound, PyErr, PyResult, Python, TypeObject};
use std::cell::Cell;
use std::ptr::NonNull;

/// A `wrapper_descriptor` instance.
///
/// Invariant: once made by [`wrapper_descr_new`], `d_type` is set, `row` is the index
/// of the row in [`SLOTDEFS`] plus one, and `func` holds a function of that row's kind.
///
/// ```
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::slot_wrapper::WrapperDescrObject;
/// pyrt_typeobject::Runtime::with(|py| {
///     let w = pyrt_typeobject::attr::lookup_str(py, py.builtins().int(), "__neg__").unwrap();
///     let w = w.downcast::<WrapperDescrObject>().unwrap();
///     assert_eq!(w.row().slot, SlotId::NB_NEGATIVE);
///     assert!(std::ptr::eq(w.owner_ref().unwrap(), py.builtins().int()));
///     assert!(w.owner(py).is_some() && w.func().is_some());
/// });
/// ```
#[repr(C)]
pub struct WrapperDescrObject {
    /// Header.
    pub ob_base: ObjectHeader,
    d_type: ObjCell<TypeObject>,
    row: Cell<u32>,
    func: Cell<Option<Box<SlotValue<'static>>>>,
}

// SAFETY: repr(C), header first; every field is valid zeroed (empty cell, 0, None box);
// type_check accepts exactly instances of `wrapper_descriptor`, which is laid out as
// this struct and cannot be subclassed.
unsafe impl PyLayout for WrapperDescrObject {
    fn type_check(obj: &PyAny) -> bool {
        // SAFETY: objects are only reachable under the runtime lock, whose state exists.
        let py = unsafe { Python::assume_locked() };
        std::ptr::eq(obj.ob_type(), py.builtins().wrapper_descriptor())
    }
}

impl WrapperDescrObject {
    /// The table row this wrapper calls the slot of.
    pub fn row(&self) -> &'static SlotDefRow {
        &SLOTDEFS[(self.row.get().max(1) - 1) as usize]
    }

    /// The wrapped slot function.
    pub fn func(&self) -> Option<SlotValue<'static>> {
        let b = self.func.take();
        let v = b.as_deref().copied();
        self.func.set(b);
        v
    }

    /// The type whose slot this is (`__objclass__`).
    pub fn owner<'py>(&self, py: Python<'py>) -> Option<Bound<'py, TypeObject>> {
        self.d_type.get(py)
    }

    /// The owner, borrowed.
    pub fn owner_ref(&self) -> Option<&TypeObject> {
        // SAFETY: the cell is only written at construction and by clear (garbage).
        unsafe { self.d_type.get_ref() }
    }
}

/// A new slot wrapper for row `row` of [`SLOTDEFS`] of `tp`, wrapping `func`.
///
/// ```
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::slotdefs::{slotdefs, static_fn};
/// pyrt_typeobject::Runtime::with(|py| {
///     let int = py.builtins().int();
///     let i = slotdefs().iter().position(|r| r.slot == SlotId::NB_NEGATIVE).unwrap();
///     let f = int.get_slot(SlotId::NB_NEGATIVE).and_then(static_fn).unwrap();
///     let w = pyrt_typeobject::slot_wrapper::wrapper_descr_new(py, int, i, f).unwrap();
///     let r = pyrt_typeobject::ops::repr(py, w.as_any()).unwrap();
///     assert_eq!(r.as_str(), "<slot wrapper '__neg__' of 'int' objects>");
/// });
/// ```
pub fn wrapper_descr_new<'py>(
    py: Python<'py>,
    tp: &TypeObject,
    row: usize,
    func: SlotValue<'static>,
) -> PyResult<Bound<'py, WrapperDescrObject>> {
    if row >= SLOTDEFS.len() {
        return Err(PyErr::system_error(py, "slot wrapper row out of range"));
    }
    let obj = generic_alloc(py, py.builtins().wrapper_descriptor(), 0)?;
    // SAFETY: just allocated as a wrapper_descriptor.
    let w = unsafe { obj.downcast_unchecked::<WrapperDescrObject>() };
    w.d_type.set(py, Some(Bound::from_ref(py, tp)));
    w.row.set(row as u32 + 1);
    w.func.set(Some(Box::new(func)));
    Ok(w.clone())
}

fn this<'a, 'py>(obj: &'a Bound<'py>) -> &'a Bound<'py, WrapperDescrObject> {
    // SAFETY: installed on wrapper_descriptor, which is not subclassable.
    unsafe { obj.downcast_unchecked::<WrapperDescrObject>() }
}

fn owner_name(w: &WrapperDescrObject) -> String {
    w.owner_ref().map(names::tp_name).unwrap_or_default()
}

/// `repr()`: `<slot wrapper '__add__' of 'int' objects>`.
fn repr<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let w = this(obj);
    let text = format!(
        "<slot wrapper '{}' of '{}' objects>",
        w.row().name.as_str(),
        owner_name(w)
    );
    Ok(str_new(py, &text)?.into_any())
}

/// Checks that `obj` is an instance of the wrapper's owner.
pub(crate) fn check_self(py: Python<'_>, w: &WrapperDescrObject, obj: &Bound<'_>) -> PyResult<()> {
    match w.owner_ref() {
        Some(t) if obj.ob_type().is_subtype(t) => Ok(()),
        _ => Err(PyErr::type_error(
            py,
            format!(
                "descriptor '{}' requires a '{}' object but received a '{}'",
                w.row().name.as_str(),
                owner_name(w),
                names::tp_name(obj.ob_type())
            ),
        )),
    }
}

/// Calls the wrapped function for `self_`.
pub(crate) fn call_bound<'py>(
    py: Python<'py>,
    w: &WrapperDescrObject,
    self_: &Bound<'py>,
    args: &[Bound<'py>],
    kwargs: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py>> {
    let func = w
        .func()
        .ok_or_else(|| PyErr::system_error(py, "empty slot wrapper"))?;
    call_wrapper(py, w.row(), func, self_, args, kwargs)
}

/// `tp_call`: `int.__add__(a, b)`.
fn call<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    args: &Bound<'py>,
    kwargs: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let w = this(obj);
    // SAFETY: tp_call receives an args tuple and a kwargs dict (or nothing).
    let (args, kwargs) = unsafe {
        (
            args.downcast_unchecked::<TupleObject>(),
            kwargs.map(|k| k.downcast_unchecked::<DictObject>()),
        )
    };
    let items = args.items(py);
    let Some((self_, rest)) = items.split_first() else {
        return Err(PyErr::type_error(
            py,
            format!(
                "descriptor '{}' of '{}' object needs an argument",
                w.row().name.as_str(),
                owner_name(w)
            ),
        ));
    };
    check_self(py, w, self_)?;
    call_bound(py, w, self_, rest, kwargs)
}

/// `tp_descr_get`: the wrapper itself from the class, a `method-wrapper` from an
/// instance.
fn descr_get<'py>(
    py: Python<'py>,
    obj: &Bound<'py>,
    inst: Option<&Bound<'py>>,
    _owner: Option<&Bound<'py>>,
) -> PyResult<Bound<'py>> {
    let Some(inst) = inst.filter(|i| !std::ptr::eq(i.as_any_ref(), py.singletons().none())) else {
        return Ok(obj.clone());
    };
    let w = this(obj);
    if !w.owner_ref().is_some_and(|t| inst.ob_type().is_subtype(t)) {
        return Err(PyErr::type_error(
            py,
            format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                w.row().name.as_str(),
                owner_name(w),
                names::tp_name(inst.ob_type())
            ),
        ));
    }
    Ok(method_wrapper_new(py, w, inst)?.into_any())
}

fn get_name<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(this(obj).row().name.interned(py)?.into_any())
}

fn get_qualname<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    let w = this(obj);
    let owner = w
        .owner_ref()
        .map(|t| names::qualname(py, t))
        .unwrap_or_default();
    Ok(str_new(py, &format!("{owner}.{}", w.row().name.as_str()))?.into_any())
}

fn get_objclass<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    match this(obj).owner(py) {
        Some(t) => Ok(t.into_any()),
        None => Ok(pyrt_core::protocol::none(py)),
    }
}

fn get_doc<'py>(py: Python<'py>, obj: &Bound<'py>) -> PyResult<Bound<'py>> {
    Ok(str_new(py, this(obj).row().doc)?.into_any())
}

/// `__name__`, `__qualname__`, `__objclass__`, `__doc__`.
pub(crate) static GETSET: [GetSetDef; 4] = [
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
        name: "__objclass__",
        get: Some(get_objclass),
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

/// `tp_traverse`: the owner type.
fn traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: installed on wrapper_descriptor.
    let w = unsafe { &*(obj as *const PyAny as *const WrapperDescrObject) };
    if let Some(t) = w.d_type.as_ptr() {
        visit(t.cast());
    }
}

/// `tp_clear`: drops the owner type.
fn clear(py: Python<'_>, obj: &Bound<'_>) {
    drop(this(obj).d_type.take(py));
}

/// `tp_dealloc`.
///
/// # Safety
/// `obj` is a wrapper_descriptor with refcount zero.
unsafe fn dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: the object is still allocated and laid out as ours.
    let w = unsafe { &*(obj.as_ptr() as *const WrapperDescrObject) };
    drop(w.func.take());
    drop(w.d_type.take(py));
    // SAFETY: the payload is released; wrapper_descriptor instances carry a GC head.
    unsafe { gc_free(py, obj) };
}

/// Sets up the `wrapper_descriptor` type (layout and slots).
pub(crate) fn install(py: Python<'_>) {
    let tp = py.builtins().wrapper_descriptor();
    super::init_static_type(
        py,
        tp,
        "wrapper_descriptor",
        std::mem::size_of::<WrapperDescrObject>(),
        // SAFETY: `dealloc` releases exactly this payload and frees with gc_free;
        // `traverse` visits the one object it owns.
        unsafe { super::GcSlots::new(dealloc, traverse) },
    );
    tp.tp_clear.set(Some(clear));
    tp.tp_repr.set(Some(repr));
    tp.tp_call.set(Some(call));
    tp.tp_descr_get.set(Some(descr_get));
    tp.tp_getset.set(&GETSET);
    // SAFETY: binding behaviour flag; no layout depends on it.
    unsafe { tp.add_flags(pyrt_core::TypeFlags::METHOD_DESCRIPTOR) };
}
