//! The shared-keys table of a class: the attribute names its instances store in values
//! blocks, each at a fixed index.
//!
//! Owns the table (append-only, at most [`SHARED_KEYS_CAPACITY`] interned names) and the
//! per-type cell that holds it ([`InstanceKeys`]). Must not touch instances.

use crate::builtins::StrObject;
use std::cell::Cell;
use std::ptr::NonNull;

/// How many names a class's shared keys hold at most (CPython uses 30 as well); an
/// instance needing another name gets a real dict.
///
/// ```
/// assert_eq!(pyrt_core::object::SHARED_KEYS_CAPACITY, 30);
/// ```
pub const SHARED_KEYS_CAPACITY: usize = 30;

/// The names of a class's instance attributes, in the order the class first saw them.
///
/// Invariants: `names[..len]` are interned `str` objects (immortal, so the borrowed
/// pointers stay valid), pairwise distinct; entries are never removed or reordered, so
/// an index given out once names the same attribute for the table's whole life.
///
/// ```
/// # use pyrt_core::{TypeObject, builtins::{int_new, intern, str_new}, object::*};
/// # pyrt_core::with_test_runtime(|py| {
/// # // A scratch class: header + `__dict__` slot at +16; attributes in values blocks.
/// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size and offset describe
/// # // the instance below, whose slot is only read through `DictSlot`.
/// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
/// # unsafe { tp.tp_basicsize.set(24); tp.tp_dictoffset.set(16); tp.ht_cached_keys.enable() };
/// # let live = py.live_objects();
/// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
/// # // SAFETY: `obj` stays live until the teardown below.
/// # let o: &PyAny = unsafe { obj.as_ref() };
/// # { // the example's own handles are dropped before the teardown
/// // `o`: an instance of the class `tp`, whose instances use values blocks (hidden setup).
/// // The table is made on the class's first attribute store.
/// assert!(tp.ht_cached_keys.as_ptr().is_none());
/// let x = intern(py, "x").unwrap().into_any();
/// instance_attrs(o).unwrap().write_str(py, &x, Some(&x)).unwrap();
/// assert!(tp.ht_cached_keys.as_ptr().is_some());
/// # }
/// # // Teardown: release the attributes, free the instance, then the keys table.
/// # drop(dict_slot(o).unwrap().take(py));
/// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
/// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
/// # assert_eq!(py.live_objects(), live); // nothing left behind
/// # });
/// ```
pub struct SharedKeys {
    len: Cell<usize>,
    names: [Cell<*const StrObject>; SHARED_KEYS_CAPACITY],
}

impl SharedKeys {
    /// The number of names.
    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.len.get()
    }

    /// The index of `name`, comparing pointers only (enough for an interned `name`).
    #[inline(always)]
    pub(crate) fn find_ptr(&self, name: *const StrObject) -> Option<usize> {
        let len = self.len.get().min(SHARED_KEYS_CAPACITY);
        self.names[..len].iter().position(|n| n.get() == name)
    }

    /// The index of `name` (an exact `str`): by pointer, then, for a name that is not
    /// interned, by value.
    #[inline]
    pub(crate) fn find(&self, name: &StrObject) -> Option<usize> {
        match self.find_ptr(name) {
            Some(i) => Some(i),
            None if name.is_interned() => None,
            None => self.find_by_value(name),
        }
    }

    #[cold]
    fn find_by_value(&self, name: &StrObject) -> Option<usize> {
        let len = self.len.get().min(SHARED_KEYS_CAPACITY);
        (0..len).find(|&i| self.name(i).as_str() == name.as_str())
    }

    /// The name at index `i` (`i < len`).
    pub(crate) fn name(&self, i: usize) -> &StrObject {
        // SAFETY: entries below `len` are interned strings, which are immortal.
        unsafe { &*self.names[i].get() }
    }

    /// Appends the interned `name` (not present yet); `None` when the table is full.
    pub(crate) fn push(&self, name: &StrObject) -> Option<usize> {
        debug_assert!(name.is_interned() && self.find_ptr(name).is_none());
        let i = self.len.get();
        if i >= SHARED_KEYS_CAPACITY {
            return None;
        }
        self.names[i].set(name);
        self.len.set(i + 1);
        Some(i)
    }
}

const DISABLED: usize = 0;
const ENABLED_EMPTY: usize = 1;

/// The type field saying whether instances keep their attributes in values blocks, and
/// holding the type's [`SharedKeys`] once it has any.
///
/// Zero (the zero-filled state) means "instances use a plain dict". Invariant: enabled
/// only for types whose instances' dict slot is read exclusively through
/// [`super::DictSlot`] (class-created types, whose `subtype_*` slots do so).
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     assert!(!py.builtins().object().ht_cached_keys.is_enabled());
/// });
/// ```
#[repr(transparent)]
#[derive(Default)]
pub struct InstanceKeys(Cell<usize>);

/// Enabling values blocks for a type's instances, reading and freeing its table.
///
/// ```
/// let keys = pyrt_core::object::InstanceKeys::default();
/// // SAFETY: a standalone cell: no type, no instances, no dict-slot readers.
/// unsafe { keys.enable() };
/// assert!(keys.is_enabled() && keys.as_ptr().is_none());
/// ```
impl InstanceKeys {
    /// Whether instances of the type may keep their attributes in values blocks.
    ///
    /// ```
    /// let keys = pyrt_core::object::InstanceKeys::default(); // zero: plain dicts
    /// assert!(!keys.is_enabled());
    /// // SAFETY: a standalone cell: no type, no instances, no dict-slot readers.
    /// unsafe { keys.enable() };
    /// assert!(keys.is_enabled());
    /// ```
    #[inline(always)]
    pub fn is_enabled(&self) -> bool {
        self.0.get() != DISABLED
    }

    /// Lets instances keep their attributes in values blocks.
    ///
    /// ```
    /// let keys = pyrt_core::object::InstanceKeys::default();
    /// // SAFETY: a standalone cell: no type, no instances, no dict-slot readers.
    /// unsafe { keys.enable() };
    /// assert!(keys.is_enabled());
    /// assert!(keys.as_ptr().is_none()); // the table itself comes with the first attribute
    /// ```
    ///
    /// # Safety
    /// Every reader of the instances' dict slot (the type's and its bases' `tp_traverse`,
    /// `tp_clear`, `tp_dealloc`, member descriptors) goes through [`super::DictSlot`],
    /// never through a raw pointer cell; no instance exists yet.
    pub unsafe fn enable(&self) {
        if self.0.get() == DISABLED {
            self.0.set(ENABLED_EMPTY);
        }
    }

    /// The keys table, if the type has one yet.
    #[inline(always)]
    pub(crate) fn get(&self) -> Option<&SharedKeys> {
        let p = self.0.get();
        if p <= ENABLED_EMPTY {
            return None;
        }
        // SAFETY: values above ENABLED_EMPTY are a live Box<SharedKeys> owned by this cell.
        Some(unsafe { &*(p as *const SharedKeys) })
    }

    /// The keys table, created on first use; `None` if the type is not enabled.
    #[inline]
    pub(crate) fn get_or_create(&self) -> Option<&SharedKeys> {
        match self.0.get() {
            DISABLED => None,
            ENABLED_EMPTY => {
                let keys = Box::new(SharedKeys {
                    len: Cell::new(0),
                    names: std::array::from_fn(|_| Cell::new(std::ptr::null())),
                });
                self.0.set(Box::into_raw(keys) as usize);
                self.get()
            }
            _ => self.get(),
        }
    }

    /// Frees the table (the type is being destroyed).
    ///
    /// ```
    /// let keys = pyrt_core::object::InstanceKeys::default();
    /// // SAFETY: a standalone cell: no type, no instances.
    /// unsafe {
    ///     keys.enable();
    ///     keys.free(); // no table yet: nothing to free
    /// }
    /// assert!(keys.is_enabled() && keys.as_ptr().is_none());
    /// ```
    ///
    /// # Safety
    /// No instance of the type exists any more (each would hold a reference to it).
    pub unsafe fn free(&self) {
        let p = self.0.get();
        if p > ENABLED_EMPTY {
            self.0.set(ENABLED_EMPTY);
            // SAFETY: p came from Box::into_raw in get_or_create and is freed once.
            drop(unsafe { Box::from_raw(p as *mut SharedKeys) });
        }
    }

    /// The table's address, for tests and diagnostics.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     // Builtin types keep plain dicts: no keys table.
    ///     assert!(py.builtins().object().ht_cached_keys.as_ptr().is_none());
    /// });
    /// ```
    pub fn as_ptr(&self) -> Option<NonNull<SharedKeys>> {
        self.get().map(NonNull::from)
    }
}
