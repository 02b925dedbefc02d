//! The `tuple` payload: item pointers stored inline (`tp_itemsize` 8).
//!
//! Owns layout, construction, item access, traversal and destruction of tuples.
//! Invariant: a tuple visible outside `tuple_new` has every item set.

use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::{PyAny, PyLayout, VarHeader, generic_alloc};
use crate::runtime::Python;
use crate::types::TypeFlags;
use std::cell::Cell;
use std::ptr::NonNull;

/// A `tuple` object; `ob_size` items follow the struct.
#[repr(C)]
pub struct TupleObject {
    /// Header; `ob_size` is the length.
    pub ob_base: VarHeader,
}

// SAFETY: repr(C), header first, zero-valid; TUPLE_SUBCLASS marks tuple and subtypes.
unsafe impl PyLayout for TupleObject {
    fn type_check(obj: &PyAny) -> bool {
        obj.ob_type().has_flag(TypeFlags::TUPLE_SUBCLASS)
    }
}

impl TupleObject {
    fn slots(&self) -> &[Cell<Option<NonNull<PyAny>>>] {
        let n = self.ob_base.ob_size.get().max(0) as usize;
        // SAFETY: the allocation holds `n` item slots right after the struct; Cell<Option<NonNull>>
        // is zero-valid.
        unsafe {
            let p = (self as *const TupleObject).add(1) as *const Cell<Option<NonNull<PyAny>>>;
            std::slice::from_raw_parts(p, n)
        }
    }

    /// The length.
    #[inline]
    pub fn len(&self) -> usize {
        self.ob_base.ob_size.get().max(0) as usize
    }

    /// Whether the tuple is empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items as raw pointers (every item is set: tuple invariant).
    pub fn items_raw(&self) -> &[NonNull<PyAny>] {
        let s = self.slots();
        // SAFETY: tuple invariant: every slot is Some, so Cell<Option<NonNull>> has the
        // same bits as NonNull; tuples are never mutated after construction.
        unsafe { std::slice::from_raw_parts(s.as_ptr() as *const NonNull<PyAny>, s.len()) }
    }

    /// The items as borrowed handles.
    pub fn items<'a, 'py>(&'a self, _py: Python<'py>) -> &'a [Bound<'py, PyAny>] {
        let r = self.items_raw();
        // SAFETY: Bound is repr(transparent) over NonNull; a shared slice never drops them.
        unsafe { std::slice::from_raw_parts(r.as_ptr() as *const Bound<'py, PyAny>, r.len()) }
    }

    /// Item `i` as a new reference.
    pub fn get<'py>(&self, py: Python<'py>, i: usize) -> Option<Bound<'py, PyAny>> {
        self.items(py).get(i).cloned()
    }
}

/// A new tuple holding new references to `items`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let a = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let t = pyrt_core::builtins::tuple_new(py, &[a.clone(), a]).unwrap();
///     assert_eq!(t.len(), 2);
/// });
/// ```
pub fn tuple_new<'py>(
    py: Python<'py>,
    items: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, TupleObject>> {
    tuple_alloc(py, py.builtins().tuple(), items)
}

/// A new instance of `tp` (`tuple` or a subclass) holding new references to `items`.
/// Items sit right after the tuple header whatever the subclass (its extra fields, like
/// a `__dict__` slot, live at the end of the instance).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = pyrt_core::builtins::tuple_alloc(py, py.builtins().tuple(), &[]).unwrap();
///     assert!(t.is_empty());
/// });
/// ```
pub fn tuple_alloc<'py>(
    py: Python<'py>,
    tp: &crate::types::TypeObject,
    items: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, TupleObject>> {
    let alloc = tp.tp_alloc.get().unwrap_or(generic_alloc);
    let o = alloc(py, tp, items.len() as isize)?;
    // SAFETY: allocated as a tuple of items.len() slots.
    let t = unsafe { o.downcast_unchecked::<TupleObject>() };
    for (slot, item) in t.slots().iter().zip(items) {
        slot.set(Some(item.clone().into_non_null().cast()));
    }
    Ok(t.clone())
}

/// `tp_traverse` of tuples.
pub(crate) fn tuple_traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    tuple_visit_items(obj, visit);
}

/// [`tuple_traverse`] with the visitor's type known (the collector's model inlines it).
#[inline(always)]
pub(crate) fn tuple_visit_items<V: FnMut(NonNull<PyAny>) + ?Sized>(obj: &PyAny, visit: &mut V) {
    // SAFETY: only called for objects whose tp_traverse is tuple_traverse: tuples.
    let t = unsafe { &*(obj as *const PyAny as *const TupleObject) };
    for p in t.slots().iter().filter_map(Cell::get) {
        visit(p);
    }
}

/// `tp_dealloc` of tuples: releases the items (some may be unset if construction
/// failed), then frees.
///
/// # Safety
/// `obj` is a tuple with refcount zero.
pub(crate) unsafe fn tuple_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract.
    let t = unsafe { &*(obj.as_ptr() as *const TupleObject) };
    for slot in t.slots() {
        if let Some(item) = slot.take() {
            // SAFETY: the slot owned this reference.
            unsafe { crate::object::decref(py, item) };
        }
    }
    // SAFETY: payload destroyed; free per the type's tp_free.
    unsafe { super::layouts::call_tp_free(py, obj) };
}
