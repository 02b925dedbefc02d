//! The `list` payload: a boxed vector of item pointers.
//!
//! Owns layout, construction, append/access, traversal, clear and destruction of lists.
//! Mutations take items out before releasing references, so a deallocation triggered
//! by a release never sees the list mid-update.

use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::{PyAny, PyLayout, VarHeader, generic_alloc};
use crate::runtime::Python;
use crate::types::TypeFlags;
use std::cell::UnsafeCell;
use std::ptr::NonNull;

/// A `list` object.
///
/// ```
/// use pyrt_core::builtins::{int_new, list_new};
/// pyrt_core::with_test_runtime(|py| {
///     let l = list_new(py, &[int_new(py, 1).unwrap().into_any()]).unwrap();
///     l.append(&int_new(py, 2).unwrap().into_any());
///     assert_eq!(l.len(), 2);
///     assert_eq!(l.type_name(), "list");
/// });
/// ```
#[repr(C)]
pub struct ListObject {
    /// Header (`ob_size` unused; the vector knows its length).
    pub ob_base: VarHeader,
    // Boxed and optional because instances are zero-filled: `None` is all-zero, a bare
    // `Vec` is not.
    #[allow(clippy::box_collection)]
    items: UnsafeCell<Option<Box<Vec<NonNull<PyAny>>>>>,
}

// SAFETY: repr(C), header first, zero-valid (None box); LIST_SUBCLASS marks lists.
unsafe impl PyLayout for ListObject {
    fn type_check(obj: &PyAny) -> bool {
        obj.ob_type().has_flag(TypeFlags::LIST_SUBCLASS)
    }
}

/// Size, append, item access and clearing.
///
/// ```
/// use pyrt_core::builtins::{int_new, list_new};
/// pyrt_core::with_test_runtime(|py| {
///     let l = list_new(py, &[]).unwrap();
///     l.append(&int_new(py, 3).unwrap().into_any());
///     assert_eq!((l.len(), l.to_vec(py).len()), (1, 1));
/// });
/// ```
impl ListObject {
    /// Runs `f` on the item vector. `f` must not call back into the runtime.
    fn with<R>(&self, f: impl FnOnce(&mut Vec<NonNull<PyAny>>) -> R) -> R {
        // SAFETY: lock held (a &ListObject exists only under a token); `f` does not
        // re-enter, so this is the only live borrow.
        let slot = unsafe { &mut *self.items.get() };
        f(slot.get_or_insert_with(Default::default))
    }

    /// The length.
    ///
    /// ```
    /// use pyrt_core::builtins::{int_new, list_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let one = int_new(py, 1).unwrap().into_any();
    ///     assert_eq!(list_new(py, &[one.clone(), one.clone(), one]).unwrap().len(), 3);
    /// });
    /// ```
    pub fn len(&self) -> usize {
        // SAFETY: read-only peek under the lock.
        unsafe { (*self.items.get()).as_ref().map_or(0, |v| v.len()) }
    }

    /// Whether the list is empty.
    ///
    /// ```
    /// use pyrt_core::builtins::{int_new, list_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let l = list_new(py, &[]).unwrap();
    ///     assert!(l.is_empty());
    ///     l.append(&int_new(py, 1).unwrap().into_any());
    ///     assert!(!l.is_empty());
    /// });
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends a new reference to `item`.
    ///
    /// ```
    /// use pyrt_core::builtins::{list_new, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (l, s) = (list_new(py, &[]).unwrap(), str_new(py, "x").unwrap());
    ///     l.append(s.as_any());
    ///     assert_eq!(s.refcnt(), 2); // ours and the list's
    ///     assert!(l.get(py, 0).unwrap().is(&s));
    /// });
    /// ```
    pub fn append(&self, item: &Bound<'_, PyAny>) {
        let p = item.clone().into_non_null();
        self.with(|v| v.push(p));
    }

    /// Item `i` as a new reference.
    ///
    /// ```
    /// use pyrt_core::builtins::{int_new, list_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let l = list_new(py, &[int_new(py, 7).unwrap().into_any()]).unwrap();
    ///     let first = l.get(py, 0).unwrap();
    ///     assert_eq!(first.downcast::<pyrt_core::builtins::IntObject>().unwrap().value(), 7);
    ///     assert!(l.get(py, 1).is_none()); // out of range
    /// });
    /// ```
    pub fn get<'py>(&self, py: Python<'py>, i: usize) -> Option<Bound<'py, PyAny>> {
        let p = self.with(|v| v.get(i).copied())?;
        // SAFETY: the list owns a reference to p.
        Some(unsafe { Bound::from_borrowed_ptr(py, p) })
    }

    /// New references to all items.
    ///
    /// ```
    /// use pyrt_core::builtins::{list_new, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = str_new(py, "x").unwrap().into_any();
    ///     let l = list_new(py, &[s.clone(), s.clone()]).unwrap();
    ///     let items = l.to_vec(py);
    ///     assert!(items.iter().all(|i| i.is(&s)));
    ///     assert_eq!(s.refcnt(), 5); // ours, the list's two, the vector's two
    /// });
    /// ```
    pub fn to_vec<'py>(&self, py: Python<'py>) -> Vec<Bound<'py, PyAny>> {
        let ptrs = self.with(|v| v.clone());
        // SAFETY: the list owns a reference to each.
        ptrs.into_iter()
            .map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
            .collect()
    }

    /// Removes all items.
    ///
    /// ```
    /// use pyrt_core::builtins::{list_new, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = str_new(py, "x").unwrap().into_any();
    ///     let l = list_new(py, &[s.clone()]).unwrap();
    ///     l.clear(py);
    ///     assert!(l.is_empty());
    ///     assert_eq!(s.refcnt(), 1); // the list's reference was released
    /// });
    /// ```
    pub fn clear(&self, py: Python<'_>) {
        // SAFETY: lock held; the vector is moved out before any release.
        let old = unsafe { (*self.items.get()).take() };
        for p in old.into_iter().flat_map(|b| *b) {
            // SAFETY: the list owned these references.
            unsafe { crate::object::decref(py, p) };
        }
    }
}

/// A new list of new references to `items`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
///     l.append(&pyrt_core::builtins::int_new(py, 1).unwrap().into_any());
///     assert_eq!(l.len(), 1);
/// });
/// ```
pub fn list_new<'py>(
    py: Python<'py>,
    items: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, ListObject>> {
    let o = generic_alloc(py, py.builtins().list(), 0)?;
    // SAFETY: allocated as a list.
    let l = unsafe { o.downcast_unchecked::<ListObject>() }.clone();
    items.iter().for_each(|i| l.append(i));
    Ok(l)
}

/// `tp_traverse` of lists.
pub(crate) fn list_traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    list_visit_items(obj, visit);
}

/// [`list_traverse`] with the visitor's type known (the collector's model inlines it).
#[inline(always)]
pub(crate) fn list_visit_items<V: FnMut(NonNull<PyAny>) + ?Sized>(obj: &PyAny, visit: &mut V) {
    // SAFETY: only called for objects whose tp_traverse is list_traverse: lists.
    let l = unsafe { &*(obj as *const PyAny as *const ListObject) };
    // SAFETY: traversal does not mutate; visit does not touch the list's vector.
    if let Some(v) = unsafe { (*l.items.get()).as_ref() } {
        for &p in v.iter() {
            visit(p);
        }
    }
}

/// `tp_dealloc` of lists.
///
/// # Safety
/// `obj` is a list with refcount zero.
pub(crate) unsafe fn list_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: caller contract.
    let l = unsafe { &*(obj.as_ptr() as *const ListObject) };
    l.clear(py);
    // SAFETY: payload destroyed.
    unsafe { super::layouts::call_tp_free(py, obj) };
}

/// `tp_clear` of lists.
pub(crate) fn list_clear(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    // SAFETY: only installed on list types.
    unsafe { obj.downcast_unchecked::<ListObject>() }.clear(py);
}
