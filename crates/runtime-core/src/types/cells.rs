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

impl<T: PyLayout> ObjCell<T> {
    /// The raw pointer, without touching the refcount.
    #[inline(always)]
    pub fn as_ptr(&self) -> Option<NonNull<T>> {
        self.ptr.get()
    }

    /// A new strong reference to the content.
    pub fn get<'py>(&self, py: Python<'py>) -> Option<Bound<'py, T>> {
        // SAFETY: the cell owns a strong reference, so the object is live.
        self.ptr
            .get()
            .map(|p| unsafe { Bound::from_borrowed_ptr(py, p) })
    }

    /// A borrowed view of the content, valid while the cell is not modified.
    ///
    /// # Safety
    /// The caller must not let the cell be replaced or cleared while the reference lives.
    pub unsafe fn get_ref(&self) -> Option<&T> {
        // SAFETY: the cell owns a strong reference; the caller keeps the cell unchanged.
        self.ptr.get().map(|p| unsafe { &*p.as_ptr() })
    }

    /// Stores `value`, then releases the previous content.
    pub fn set(&self, py: Python<'_>, value: Option<Bound<'_, T>>) {
        let new = value.map(Bound::into_non_null);
        let old = self.ptr.replace(new);
        if let Some(old) = old {
            // SAFETY: the cell owned this reference; it is released after the store.
            unsafe { crate::object::decref(py, old.cast()) };
        }
    }

    /// Takes the content out, leaving the cell empty.
    pub fn take<'py>(&self, py: Python<'py>) -> Option<Bound<'py, T>> {
        // SAFETY: the cell's strong reference moves into the returned handle.
        self.ptr
            .take()
            .map(|p| unsafe { Bound::from_owned_ptr(py, p) })
    }

    /// Whether the cell is empty.
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

impl<T: PyLayout> RawObjCell<T> {
    /// The raw pointer.
    #[inline(always)]
    pub fn as_ptr(&self) -> Option<NonNull<T>> {
        self.0.as_ptr()
    }

    /// A new strong reference to the content.
    pub fn get<'py>(&self, py: Python<'py>) -> Option<Bound<'py, T>> {
        self.0.get(py)
    }

    /// A borrowed view (see [`ObjCell::get_ref`]).
    ///
    /// # Safety
    /// As for [`ObjCell::get_ref`].
    pub unsafe fn get_ref(&self) -> Option<&T> {
        // SAFETY: forwarded.
        unsafe { self.0.get_ref() }
    }

    /// Whether the cell is empty.
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    /// Stores `value`, then releases the previous content.
    ///
    /// # Safety
    /// The value must satisfy the invariants documented on the field.
    pub unsafe fn set(&self, py: Python<'_>, value: Option<Bound<'_, T>>) {
        self.0.set(py, value)
    }

    /// Takes the content out.
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

impl<T> DefTable<T> {
    /// The table (empty if unset).
    pub fn get(&self) -> &'static [T] {
        let p = self.ptr.get();
        if p.is_null() {
            return &[];
        }
        // SAFETY: ptr/len were taken from a `&'static [T]` in `set`.
        unsafe { std::slice::from_raw_parts(p, self.len.get()) }
    }

    /// Sets the table.
    pub fn set(&self, table: &'static [T]) {
        self.ptr.set(table.as_ptr());
        self.len.set(table.len());
    }

    /// Whether a table is set.
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

impl SubclassList {
    fn with<R>(&self, f: impl FnOnce(&mut SubclassMap) -> R) -> R {
        let mut b = self.map.take().unwrap_or_default();
        let r = f(&mut b);
        self.map
            .set(if b.entries.is_empty() { None } else { Some(b) });
        r
    }

    /// Adds `sub` (if not already present).
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
