//! Interior-mutable fields of the type object that hold object references or tables.
//!
//! Owns the ownership discipline of those fields: an [`ObjCell`] holds one strong
//! reference (or nothing); replacing its content releases the old reference only after
//! the new one is stored. All cells are valid when zero-filled.

use crate::handle::Bound;
use crate::object::{PyAny, PyLayout};
use crate::runtime::Python;
use crate::types::TypeObject;
use std::cell::Cell;
use std::ptr::NonNull;

/// A field holding an optional strong reference to an object laid out as `T`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let cell: pyrt_core::types::ObjCell<pyrt_core::builtins::StrObject> = Default::default();
///     cell.set(py, Some(pyrt_core::builtins::str_new(py, "x").unwrap()));
///     assert_eq!(cell.get(py).unwrap().as_str(), "x");
///     cell.set(py, None);
/// });
/// ```
#[repr(transparent)]
pub struct ObjCell<T: PyLayout = PyAny> {
    ptr: Cell<Option<NonNull<T>>>,
}

impl<T: PyLayout> Default for ObjCell<T> {
    fn default() -> Self {
        ObjCell {
            ptr: Cell::new(None),
        }
    }
}

/// Reading (raw, as a new reference, borrowed), storing and taking the content.
///
/// ```
/// use pyrt_core::{builtins::{StrObject, str_new}, types::ObjCell};
/// pyrt_core::with_test_runtime(|py| {
///     let cell = ObjCell::<StrObject>::default();
///     cell.set(py, Some(str_new(py, "x").unwrap()));
///     assert_eq!(cell.take(py).unwrap().as_str(), "x");
///     assert!(cell.is_none());
/// });
/// ```
impl<T: PyLayout> ObjCell<T> {
    /// The raw pointer, without touching the refcount.
    ///
    /// ```
    /// use pyrt_core::{builtins::{StrObject, str_new}, types::ObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (cell, s) = (ObjCell::<StrObject>::default(), str_new(py, "x").unwrap());
    ///     assert_eq!(cell.as_ptr(), None);
    ///     cell.set(py, Some(s.clone()));
    ///     assert_eq!(cell.as_ptr().map(|p| p.cast()), Some(s.as_ptr()));
    ///     assert_eq!(s.refcnt(), 2); // `as_ptr` took no reference
    ///     cell.set(py, None);
    /// });
    /// ```
    #[inline(always)]
    pub fn as_ptr(&self) -> Option<NonNull<T>> {
        self.ptr.get()
    }

    /// A new strong reference to the content.
    ///
    /// ```
    /// use pyrt_core::{builtins::{StrObject, str_new}, types::ObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let cell = ObjCell::<StrObject>::default();
    ///     assert!(cell.get(py).is_none());
    ///     cell.set(py, Some(str_new(py, "x").unwrap()));
    ///     let s = cell.get(py).unwrap();
    ///     assert_eq!((s.as_str(), s.refcnt()), ("x", 2)); // the cell's and ours
    ///     cell.set(py, None);
    /// });
    /// ```
    pub fn get<'py>(&self, py: Python<'py>) -> Option<Bound<'py, T>> {
        // SAFETY: the cell owns a strong reference, so the object is live.
        self.ptr
            .get()
            .map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
    }

    /// A borrowed view of the content, valid while the cell is not modified.
    ///
    /// ```
    /// use pyrt_core::{builtins::{StrObject, str_new}, types::ObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let cell = ObjCell::<StrObject>::default();
    ///     cell.set(py, Some(str_new(py, "x").unwrap()));
    ///     // SAFETY: the cell is not modified while `s` is used.
    ///     let s = unsafe { cell.get_ref() }.unwrap();
    ///     assert_eq!((s.as_str(), s.ob_base.ob_base.ob_refcnt.get()), ("x", 1)); // borrowed
    ///     cell.set(py, None);
    /// });
    /// ```
    ///
    /// # Safety
    /// The caller must not let the cell be replaced or cleared while the reference lives.
    pub unsafe fn get_ref(&self) -> Option<&T> {
        // SAFETY: the cell owns a strong reference; the caller keeps the cell unchanged.
        self.ptr.get().map(|p| unsafe { &*p.as_ptr() })
    }

    /// Stores `value`, then releases the previous content.
    ///
    /// ```
    /// use pyrt_core::{builtins::{StrObject, str_new}, types::ObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (cell, a) = (ObjCell::<StrObject>::default(), str_new(py, "a").unwrap());
    ///     cell.set(py, Some(a.clone()));
    ///     assert_eq!(a.refcnt(), 2);
    ///     cell.set(py, Some(str_new(py, "b").unwrap())); // releases `a`
    ///     assert_eq!(a.refcnt(), 1);
    ///     cell.set(py, None);
    /// });
    /// ```
    pub fn set(&self, py: Python<'_>, value: Option<Bound<'_, T>>) {
        let new = value.map(Bound::into_non_null);
        let old = self.ptr.replace(new);
        if let Some(old) = old {
            // SAFETY: the cell owned this reference; it is released after the store.
            unsafe { crate::object::decref(py, old.cast()) };
        }
    }

    /// Takes the content out, leaving the cell empty.
    ///
    /// ```
    /// use pyrt_core::{builtins::{StrObject, str_new}, types::ObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let cell = ObjCell::<StrObject>::default();
    ///     cell.set(py, Some(str_new(py, "x").unwrap()));
    ///     let s = cell.take(py).unwrap(); // the cell's reference, now ours
    ///     assert_eq!((s.as_str(), s.refcnt()), ("x", 1));
    ///     assert!(cell.is_none());
    /// });
    /// ```
    pub fn take<'py>(&self, py: Python<'py>) -> Option<Bound<'py, T>> {
        // SAFETY: the cell's strong reference moves into the returned handle.
        self.ptr
            .take()
            .map(|p| unsafe { Bound::from_owned_ptr(py, p) })
    }

    /// Whether the cell is empty.
    ///
    /// ```
    /// use pyrt_core::{builtins::{TupleObject, tuple_new}, types::ObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let cell = ObjCell::<TupleObject>::default();
    ///     assert!(cell.is_none());
    ///     cell.set(py, Some(tuple_new(py, &[]).unwrap()));
    ///     assert!(!cell.is_none());
    ///     cell.set(py, None);
    /// });
    /// ```
    pub fn is_none(&self) -> bool {
        self.ptr.get().is_none()
    }
}

/// A field holding an optional strong reference that the runtime relies on for memory
/// safety (`tp_base`, `tp_bases`, `tp_mro`): reading is safe, replacing is `unsafe`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let cell: pyrt_core::types::RawObjCell<pyrt_core::builtins::TupleObject> = Default::default();
///     assert!(cell.is_none());
///     // SAFETY: this cell guards no invariant in this example.
///     unsafe { cell.set(py, Some(pyrt_core::builtins::tuple_new(py, &[]).unwrap())) };
///     assert!(cell.get(py).is_some());
///     // SAFETY: as above.
///     drop(unsafe { cell.take(py) });
/// });
/// ```
#[repr(transparent)]
pub struct RawObjCell<T: PyLayout = PyAny>(ObjCell<T>);

impl<T: PyLayout> Default for RawObjCell<T> {
    fn default() -> Self {
        RawObjCell(ObjCell::default())
    }
}

/// Safe reads; `unsafe` stores and takes (the field's owner documents the invariant).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().tuple();
///     assert_eq!(t.tp_base.is_none(), t.tp_base.get(py).is_none());
/// });
/// ```
impl<T: PyLayout> RawObjCell<T> {
    /// The raw pointer.
    ///
    /// ```
    /// use pyrt_core::{builtins::{TupleObject, tuple_new}, types::RawObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (cell, t) = (RawObjCell::<TupleObject>::default(), tuple_new(py, &[]).unwrap());
    ///     // SAFETY: this cell guards no invariant in this example.
    ///     unsafe { cell.set(py, Some(t.clone())) };
    ///     assert_eq!(cell.as_ptr().map(|p| p.cast()), Some(t.as_ptr()));
    ///     // SAFETY: as above.
    ///     drop(unsafe { cell.take(py) });
    /// });
    /// ```
    #[inline(always)]
    pub fn as_ptr(&self) -> Option<NonNull<T>> {
        self.0.as_ptr()
    }

    /// A new strong reference to the content.
    ///
    /// ```
    /// use pyrt_core::{builtins::{TupleObject, tuple_new}, types::RawObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let cell = RawObjCell::<TupleObject>::default();
    ///     // SAFETY: this cell guards no invariant in this example.
    ///     unsafe { cell.set(py, Some(tuple_new(py, &[]).unwrap())) };
    ///     assert_eq!(cell.get(py).unwrap().len(), 0);
    ///     // SAFETY: as above.
    ///     drop(unsafe { cell.take(py) });
    /// });
    /// ```
    pub fn get<'py>(&self, py: Python<'py>) -> Option<Bound<'py, T>> {
        self.0.get(py)
    }

    /// A borrowed view (see [`ObjCell::get_ref`]).
    ///
    /// ```
    /// use pyrt_core::{builtins::{TupleObject, tuple_new}, types::RawObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let cell = RawObjCell::<TupleObject>::default();
    ///     // SAFETY: this cell guards no invariant in this example.
    ///     unsafe { cell.set(py, Some(tuple_new(py, &[]).unwrap())) };
    ///     // SAFETY: the cell is not modified while the view is used.
    ///     assert!(unsafe { cell.get_ref() }.unwrap().is_empty());
    ///     // SAFETY: as above.
    ///     drop(unsafe { cell.take(py) });
    /// });
    /// ```
    ///
    /// # Safety
    /// As for [`ObjCell::get_ref`].
    pub unsafe fn get_ref(&self) -> Option<&T> {
        // SAFETY: forwarded.
        unsafe { self.0.get_ref() }
    }

    /// Whether the cell is empty.
    ///
    /// ```
    /// let cell = pyrt_core::types::RawObjCell::<pyrt_core::PyAny>::default();
    /// assert!(cell.is_none());
    /// ```
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    /// Stores `value`, then releases the previous content.
    ///
    /// ```
    /// use pyrt_core::{builtins::{StrObject, str_new}, types::RawObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (cell, a) = (RawObjCell::<StrObject>::default(), str_new(py, "a").unwrap());
    ///     // SAFETY: this cell guards no invariant in this example.
    ///     unsafe { cell.set(py, Some(a.clone())) };
    ///     assert_eq!(a.refcnt(), 2);
    ///     // SAFETY: as above; storing nothing releases `a`.
    ///     unsafe { cell.set(py, None) };
    ///     assert_eq!(a.refcnt(), 1);
    /// });
    /// ```
    ///
    /// # Safety
    /// The value must satisfy the invariants documented on the field.
    pub unsafe fn set(&self, py: Python<'_>, value: Option<Bound<'_, T>>) {
        self.0.set(py, value)
    }

    /// Takes the content out.
    ///
    /// ```
    /// use pyrt_core::{builtins::{StrObject, str_new}, types::RawObjCell};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let cell = RawObjCell::<StrObject>::default();
    ///     // SAFETY: this cell guards no invariant in this example.
    ///     unsafe { cell.set(py, Some(str_new(py, "x").unwrap())) };
    ///     // SAFETY: as above.
    ///     let s = unsafe { cell.take(py) }.unwrap();
    ///     assert_eq!((s.as_str(), s.refcnt()), ("x", 1));
    ///     assert!(cell.is_none());
    /// });
    /// ```
    ///
    /// # Safety
    /// Nothing may rely on the content afterwards (the owning object is being destroyed
    /// or is about to receive a new valid value).
    pub unsafe fn take<'py>(&self, py: Python<'py>) -> Option<Bound<'py, T>> {
        self.0.take(py)
    }
}

/// A field holding a `'static` table (`tp_methods`, `tp_members`, `tp_getset`).
///
/// ```
/// use pyrt_core::types::{DefTable, MemberDef};
/// let t: DefTable<MemberDef> = Default::default();
/// assert!(t.get().is_empty());
/// ```
pub struct DefTable<T: 'static> {
    ptr: Cell<*const T>,
    len: Cell<usize>,
}

impl<T> Default for DefTable<T> {
    fn default() -> Self {
        DefTable {
            ptr: Cell::new(std::ptr::null()),
            len: Cell::new(0),
        }
    }
}

/// Setting and reading the `'static` table.
///
/// ```
/// static ITEMS: [i32; 3] = [1, 2, 3];
/// let t = pyrt_core::types::DefTable::<i32>::default();
/// t.set(&ITEMS);
/// assert_eq!((t.is_set(), t.get().len()), (true, 3));
/// ```
impl<T> DefTable<T> {
    /// The table (empty if unset).
    ///
    /// ```
    /// use pyrt_core::types::DefTable;
    /// static NAMES: [&str; 2] = ["a", "b"];
    /// let t = DefTable::<&str>::default();
    /// assert!(t.get().is_empty());
    /// t.set(&NAMES);
    /// assert_eq!(t.get(), ["a", "b"]);
    /// ```
    pub fn get(&self) -> &'static [T] {
        let p = self.ptr.get();
        if p.is_null() {
            return &[];
        }
        // SAFETY: ptr/len were taken from a `&'static [T]` in `set`.
        unsafe { std::slice::from_raw_parts(p, self.len.get()) }
    }

    /// Sets the table.
    ///
    /// ```
    /// use pyrt_core::types::DefTable;
    /// static FIRST: [u8; 1] = [1];
    /// static SECOND: [u8; 2] = [2, 3];
    /// let t = DefTable::<u8>::default();
    /// t.set(&FIRST);
    /// t.set(&SECOND); // replaces
    /// assert_eq!(t.get(), [2, 3]);
    /// ```
    pub fn set(&self, table: &'static [T]) {
        self.ptr.set(table.as_ptr());
        self.len.set(table.len());
    }

    /// Whether a table is set.
    ///
    /// ```
    /// use pyrt_core::types::DefTable;
    /// static EMPTY: [u8; 0] = [];
    /// let t = DefTable::<u8>::default();
    /// assert!(!t.is_set());
    /// t.set(&EMPTY);
    /// assert!(t.is_set()); // set, though empty
    /// ```
    pub fn is_set(&self) -> bool {
        !self.ptr.get().is_null()
    }
}

/// The registry of a type's direct subclasses, held weakly (a subclass removes itself
/// when it is freed), in insertion order. Adding and removing are O(1): a class that is
/// garbage until the next collection costs nothing to its base's registry.
///
/// ```
/// let l = pyrt_core::types::SubclassList::default();
/// assert!(l.snapshot().is_empty());
/// ```
#[derive(Default)]
pub struct SubclassList {
    // Boxed and optional so the field is valid when zero-filled (a bare map is not).
    // Maps a subclass's address to its insertion sequence number.
    map: Cell<Option<Box<SubclassMap>>>,
}

#[derive(Default)]
struct SubclassMap {
    entries: hashbrown::HashMap<usize, u64>,
    next: u64,
}

/// Adding, removing and listing subclasses (by address; no references are held).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let l = pyrt_core::types::SubclassList::default();
///     l.add(py.builtins().bool_());
///     assert_eq!(l.snapshot().len(), 1);
///     l.remove(py.builtins().bool_());
///     assert!(l.snapshot().is_empty());
/// });
/// ```
impl SubclassList {
    fn with<R>(&self, f: impl FnOnce(&mut SubclassMap) -> R) -> R {
        let mut b = self.map.take().unwrap_or_default();
        let r = f(&mut b);
        self.map
            .set(if b.entries.is_empty() { None } else { Some(b) });
        r
    }

    /// Adds `sub` (if not already present).
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (b, l) = (py.builtins(), pyrt_core::types::SubclassList::default());
    ///     l.add(b.bool_());
    ///     l.add(b.int());
    ///     l.add(b.bool_()); // already present
    ///     assert_eq!(l.snapshot().len(), 2);
    /// });
    /// ```
    pub fn add(&self, sub: &TypeObject) {
        let key = sub as *const TypeObject as usize;
        self.with(|m| {
            let seq = m.next;
            if m.entries.try_insert(key, seq).is_ok() {
                m.next += 1;
            }
        });
    }

    /// Removes `sub` if present.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (b, l) = (py.builtins(), pyrt_core::types::SubclassList::default());
    ///     l.add(b.bool_());
    ///     l.remove(b.int()); // absent: nothing happens
    ///     l.remove(b.bool_());
    ///     assert!(l.snapshot().is_empty());
    /// });
    /// ```
    pub fn remove(&self, sub: &TypeObject) {
        let key = sub as *const TypeObject as usize;
        self.with(|m| m.entries.remove(&key));
    }

    /// Calls `f` with each current subclass, in no particular order, without allocating.
    /// `f` must not add to or remove from this list (it is not visible to `f`).
    ///
    /// ```
    /// let l = pyrt_core::types::SubclassList::default();
    /// let mut n = 0;
    /// l.for_each(|_| n += 1);
    /// assert_eq!(n, 0);
    /// ```
    #[inline]
    pub fn for_each(&self, mut f: impl FnMut(NonNull<TypeObject>)) {
        let b = self.map.take();
        if let Some(m) = &b {
            // SAFETY: keys are addresses of live types (a type removes itself when freed).
            m.entries
                .keys()
                .for_each(|&k| f(unsafe { NonNull::new_unchecked(k as *mut TypeObject) }));
        }
        self.map.set(b);
    }

    /// The current subclasses, in insertion order.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (b, l) = (py.builtins(), pyrt_core::types::SubclassList::default());
    ///     l.add(b.tuple());
    ///     l.add(b.bool_());
    ///     let order: Vec<_> = l.snapshot().iter().map(|t| t.as_ptr().cast_const()).collect();
    ///     assert_eq!(order, [b.tuple() as *const _, b.bool_() as *const _]);
    ///     l.remove(b.tuple());
    ///     l.remove(b.bool_());
    /// });
    /// ```
    pub fn snapshot(&self) -> Vec<NonNull<TypeObject>> {
        self.with(|m| {
            let mut v: Vec<(u64, usize)> = m.entries.iter().map(|(k, s)| (*s, *k)).collect();
            v.sort_unstable();
            // SAFETY: keys are addresses of live types (a type removes itself when freed).
            v.into_iter()
                .map(|(_, k)| unsafe { NonNull::new_unchecked(k as *mut TypeObject) })
                .collect()
        })
    }
}
