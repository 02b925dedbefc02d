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
///
/// ```
/// use pyrt_core::builtins::{int_new, tuple_new};
/// pyrt_core::with_test_runtime(|py| {
///     let t = tuple_new(py, &[int_new(py, 1).unwrap().into_any()]).unwrap();
///     assert_eq!((t.ob_base.ob_size.get(), t.len()), (1, 1));
///     assert_eq!(t.type_name(), "tuple");
/// });
/// ```
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

/// Size and item access (raw, borrowed or as new references).
///
/// ```
/// use pyrt_core::builtins::{int_new, tuple_new};
/// pyrt_core::with_test_runtime(|py| {
///     let t = tuple_new(py, &[int_new(py, 1).unwrap().into_any()]).unwrap();
///     assert_eq!((t.len(), t.items(py).len()), (1, 1));
/// });
/// ```
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
    ///
    /// ```
    /// use pyrt_core::builtins::{int_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let one = int_new(py, 1).unwrap().into_any();
    ///     assert_eq!(tuple_new(py, &[one.clone(), one]).unwrap().len(), 2);
    /// });
    /// ```
    #[inline]
    pub fn len(&self) -> usize {
        self.ob_base.ob_size.get().max(0) as usize
    }

    /// Whether the tuple is empty.
    ///
    /// ```
    /// use pyrt_core::builtins::{int_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert!(tuple_new(py, &[]).unwrap().is_empty());
    ///     assert!(!tuple_new(py, &[int_new(py, 1).unwrap().into_any()]).unwrap().is_empty());
    /// });
    /// ```
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items as raw pointers (every item is set: tuple invariant).
    ///
    /// ```
    /// use pyrt_core::builtins::{str_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = str_new(py, "x").unwrap().into_any();
    ///     let t = tuple_new(py, &[s.clone()]).unwrap();
    ///     assert_eq!(t.items_raw(), [s.as_ptr()]);
    ///     assert_eq!(s.refcnt(), 2); // no new reference taken by `items_raw`
    /// });
    /// ```
    pub fn items_raw(&self) -> &[NonNull<PyAny>] {
        let s = self.slots();
        // SAFETY: tuple invariant: every slot is Some, so Cell<Option<NonNull>> has the
        // same bits as NonNull; tuples are never mutated after construction.
        unsafe { std::slice::from_raw_parts(s.as_ptr() as *const NonNull<PyAny>, s.len()) }
    }

    /// The items as borrowed handles.
    ///
    /// ```
    /// use pyrt_core::builtins::{str_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let a = str_new(py, "a").unwrap().into_any();
    ///     let b = str_new(py, "b").unwrap().into_any();
    ///     let t = tuple_new(py, &[a.clone(), b.clone()]).unwrap();
    ///     let items = t.items(py);
    ///     assert!(items[0].is(&a) && items[1].is(&b));
    ///     assert_eq!(a.refcnt(), 2); // borrowed: ours and the tuple's
    /// });
    /// ```
    pub fn items<'a, 'py>(&'a self, _py: Python<'py>) -> &'a [Bound<'py, PyAny>] {
        let r = self.items_raw();
        // SAFETY: Bound is repr(transparent) over NonNull; a shared slice never drops them.
        unsafe { std::slice::from_raw_parts(r.as_ptr() as *const Bound<'py, PyAny>, r.len()) }
    }

    /// Item `i` as a new reference.
    ///
    /// ```
    /// use pyrt_core::builtins::{str_new, tuple_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = str_new(py, "x").unwrap().into_any();
    ///     let t = tuple_new(py, &[s.clone()]).unwrap();
    ///     let first = t.get(py, 0).unwrap();
    ///     assert!(first.is(&s));
    ///     assert_eq!(s.refcnt(), 3); // ours, the tuple's, `first`
    ///     assert!(t.get(py, 1).is_none());
    /// });
    /// ```
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
