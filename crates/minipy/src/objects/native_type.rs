//! The interpreter's own native types (`function`, `cell`, iterators, `range`, ...)
//! share one payload shape, [`NativeObject<N>`]: `N` owned object fields and three
//! plain data words. They are made through pyrt's public `from_spec_unchecked`, so
//! they are real pyrt types readied by `type_ready`, collectable, with `tp_traverse`
//! and `tp_clear` over their fields.
//!
//! Owns that payload, its dealloc/traverse/clear, and the type recipe. Behaviour slots
//! are set by each type's own module.

use pyrt_core::object::{ObjectHeader, PyAny, PyLayout, gc_free};
use pyrt_core::types::{GetSetDef, ObjCell, SlotId, SlotValue};
use pyrt_core::{Bound, Py, PyErr, PyResult, Python, TypeFlags, TypeObject};
use pyrt_typeobject::{Slot, TypeSpec, from_spec_unchecked};
use std::cell::Cell;
use std::ptr::NonNull;

/// The payload of every minipy native object: `N` object fields (each an owned
/// reference or empty) and three plain integers.
#[repr(C)]
pub struct NativeObject<const N: usize> {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The object fields.
    pub fields: [ObjCell<PyAny>; N],
    /// Plain data (indexes, counters, flags).
    pub words: [Cell<i64>; 3],
}

// SAFETY: repr(C), header first; ObjCell and Cell<i64> are zero-valid; type_check
// accepts only objects whose type destroys them with this layout's dealloc, which
// `make_native_type` installs only on types whose basicsize is this struct's size.
unsafe impl<const N: usize> PyLayout for NativeObject<N> {
    fn type_check(obj: &PyAny) -> bool {
        let tp = obj.ob_type();
        tp.tp_dealloc.get().map(|f| f as usize)
            == Some(native_dealloc::<N> as pyrt_core::types::Destructor as usize)
            && tp.tp_basicsize.get() as usize >= std::mem::size_of::<Self>()
    }
}

impl<const N: usize> NativeObject<N> {
    /// Field `i` as a new reference.
    pub fn get<'py>(&self, py: Python<'py>, i: usize) -> Option<Bound<'py, PyAny>> {
        self.fields.get(i).and_then(|f| f.get(py))
    }

    /// Stores field `i` (releasing the old value after the store).
    pub fn set(&self, py: Python<'_>, i: usize, v: Option<Bound<'_, PyAny>>) {
        if let Some(f) = self.fields.get(i) {
            f.set(py, v);
        }
    }

    /// Word `i`.
    pub fn word(&self, i: usize) -> i64 {
        self.words.get(i).map_or(0, Cell::get)
    }

    /// Sets word `i`.
    pub fn set_word(&self, i: usize, v: i64) {
        if let Some(w) = self.words.get(i) {
            w.set(v);
        }
    }
}

/// `tp_dealloc` of native objects: releases the fields, then frees the block.
///
/// # Safety
/// `obj` is a `NativeObject<N>` with refcount zero, allocated with a GC head.
unsafe fn native_dealloc<const N: usize>(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract: the object is still allocated and laid out as Self.
    let o = unsafe { &*(obj.as_ptr() as *const NativeObject<N>) };
    let taken: Vec<_> = o.fields.iter().filter_map(|f| f.take(py)).collect();
    drop(taken);
    // SAFETY: payload released; native types are HAVE_GC, allocated by generic_alloc.
    unsafe { gc_free(py, obj) };
}

fn native_traverse<const N: usize>(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    // SAFETY: installed only on types laid out as NativeObject<N>.
    let o = unsafe { &*(obj as *const PyAny as *const NativeObject<N>) };
    o.fields.iter().filter_map(|f| f.as_ptr()).for_each(visit);
}

fn native_clear<const N: usize>(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    // SAFETY: installed only on types laid out as NativeObject<N>.
    let o = unsafe { obj.downcast_unchecked::<NativeObject<N>>() };
    let taken: Vec<_> = o.fields.iter().filter_map(|f| f.take(py)).collect();
    drop(taken);
}

/// The native types whose instances can be weakly referenced (as in CPython).
const WEAKREFABLE: [&str; 1] = ["function"];

/// Creates a collectable, immutable, builtin-style heap type whose instances are
/// `NativeObject<N>`.
pub fn make_native_type<const N: usize>(
    py: Python<'_>,
    name: &'static str,
    basetype: bool,
    getset: &'static [GetSetDef],
) -> PyResult<Py<TypeObject>> {
    let mut slots = vec![
        Slot::new(SlotId::TP_DEALLOC, SlotValue::Dealloc(native_dealloc::<N>)),
        Slot::new(
            SlotId::TP_TRAVERSE,
            SlotValue::Traverse(native_traverse::<N>),
        ),
        Slot::new(SlotId::TP_CLEAR, SlotValue::ObjProc(native_clear::<N>)),
    ];
    if !getset.is_empty() {
        slots.push(Slot::new(SlotId::TP_GETSET, SlotValue::GetSet(getset)));
    }
    let mut flags = TypeFlags::DEFAULT
        | TypeFlags::HAVE_GC
        | TypeFlags::IMMUTABLETYPE
        | TypeFlags::BUILTIN_STYLE;
    if basetype {
        flags = flags | TypeFlags::BASETYPE;
    }
    if name == "function" {
        // Functions bind like methods (CPython's Py_TPFLAGS_METHOD_DESCRIPTOR): class
        // creation wraps `__init_subclass__` in a classmethod only for such values.
        flags = flags | TypeFlags::METHOD_DESCRIPTOR;
    }
    if WEAKREFABLE.contains(&name) {
        // The runtime adds, traverses and clears the weakref list slot.
        flags = flags | TypeFlags::MANAGED_WEAKREF;
    }
    let spec = TypeSpec {
        name,
        basicsize: std::mem::size_of::<NativeObject<N>>() as i32,
        itemsize: 0,
        flags,
        slots: &slots,
    };
    // SAFETY: the dealloc/traverse/clear installed are NativeObject<N>'s, matching the
    // basicsize given; the type is HAVE_GC so instances get the GC head gc_free expects.
    let tp = unsafe { from_spec_unchecked(py, &spec, None, None, None)? };
    Ok(tp.unbind())
}

/// Allocates a zeroed instance of a native type made by [`make_native_type`].
pub fn alloc_native<'py, const N: usize>(
    py: Python<'py>,
    tp: &TypeObject,
) -> PyResult<Bound<'py, NativeObject<N>>> {
    let obj = pyrt_core::object::generic_alloc(py, tp, 0)?;
    obj.downcast_into::<NativeObject<N>>()
        .map_err(|o| PyErr::system_error(py, format!("'{}' is not a native type", o.type_name())))
}

/// Whether `obj` is exactly of type `tp`.
pub fn is_type(obj: &Bound<'_, PyAny>, tp: &Py<TypeObject>) -> bool {
    std::ptr::eq(obj.ob_type(), tp.as_ptr().as_ptr() as *const TypeObject)
}
