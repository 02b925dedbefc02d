//! The dict slot of an instance (at `tp_dictoffset`): empty, a dict, or (tagged) a
//! values block.
//!
//! Owns the tagged word and the ownership rules of what it holds. Must not know about
//! shared keys (see `storage.rs` for the operations that need the instance's type).

use super::values::ValuesBlock;
use crate::builtins::DictObject;
use crate::handle::Bound;
use crate::object::PyAny;
use crate::runtime::Python;
use std::cell::Cell;
use std::ptr::NonNull;

/// The low bit marking a values block (blocks and objects are 16-byte aligned).
const VALUES_TAG: usize = 1;

/// An instance's `__dict__` slot.
///
/// Invariants: the word is 0 (nothing), the address of a dict (or dict subclass
/// instance) the slot owns one strong reference to, or the address of a
/// [`ValuesBlock`] the slot owns, with the low bit set. A values block is only ever
/// stored in instances whose type's [`super::InstanceKeys`] is enabled, and is indexed
/// by that type's shared keys.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::builtins::int_new(py, 1).unwrap();
///     assert!(pyrt_core::object::dict_slot(o.as_any_ref()).is_none());
/// });
/// ```
#[repr(transparent)]
pub struct DictSlot(Cell<usize>);

/// What a [`DictSlot`] holds, borrowed.
pub(crate) enum Contents<'a> {
    Empty,
    Dict(NonNull<PyAny>),
    Values(&'a ValuesBlock, NonNull<ValuesBlock>),
}

/// What the slot holds, storing a dict, visiting and emptying it.
///
/// ```
/// use pyrt_core::{builtins::dict_new, object::{dict_slot, generic_alloc}};
/// pyrt_core::with_test_runtime(|py| {
///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
///     let slot = dict_slot(o.as_any_ref()).unwrap();
///     slot.set_dict(py, Some(dict_new(py).unwrap()));
///     assert!(slot.dict(py).is_some() && !slot.holds_values());
/// });
/// ```
impl DictSlot {
    #[inline(always)]
    pub(crate) fn contents(&self) -> Contents<'_> {
        let w = self.0.get();
        if w & VALUES_TAG != 0 {
            let p = (w & !VALUES_TAG) as *mut ValuesBlock;
            // SAFETY: a tagged word is a live values block owned by this slot.
            return Contents::Values(unsafe { &*p }, unsafe { NonNull::new_unchecked(p) });
        }
        match NonNull::new(w as *mut PyAny) {
            Some(p) => Contents::Dict(p),
            None => Contents::Empty,
        }
    }

    /// Whether the slot holds nothing.
    ///
    /// ```
    /// use pyrt_core::{builtins::dict_new, object::{dict_slot, generic_alloc}};
    /// pyrt_core::with_test_runtime(|py| {
    ///     // `classmethod` instances have a `__dict__` slot.
    ///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
    ///     let slot = dict_slot(o.as_any_ref()).unwrap();
    ///     assert!(slot.is_empty());
    ///     slot.set_dict(py, Some(dict_new(py).unwrap()));
    ///     assert!(!slot.is_empty());
    /// });
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.get() == 0
    }

    /// Whether the slot holds a values block (attributes not materialised as a dict).
    ///
    /// ```
    /// use pyrt_core::{builtins::dict_new, object::{dict_slot, generic_alloc}};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
    ///     let slot = dict_slot(o.as_any_ref()).unwrap();
    ///     slot.set_dict(py, Some(dict_new(py).unwrap()));
    ///     assert!(!slot.holds_values()); // a dict, not a values block
    /// });
    /// ```
    pub fn holds_values(&self) -> bool {
        self.0.get() & VALUES_TAG != 0
    }

    /// The dict's address, if the slot holds a dict (no reference taken).
    ///
    /// ```
    /// use pyrt_core::{builtins::dict_new, object::{dict_slot, generic_alloc}};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
    ///     let (slot, d) = (dict_slot(o.as_any_ref()).unwrap(), dict_new(py).unwrap());
    ///     assert_eq!(slot.dict_ptr(), None);
    ///     slot.set_dict(py, Some(d.clone()));
    ///     assert_eq!(slot.dict_ptr(), Some(d.as_ptr()));
    ///     assert_eq!(d.refcnt(), 2); // ours and the slot's
    ///     drop(o); // the instance's deallocation releases its dict
    ///     assert_eq!(d.refcnt(), 1);
    /// });
    /// ```
    #[inline(always)]
    pub fn dict_ptr(&self) -> Option<NonNull<PyAny>> {
        match self.contents() {
            Contents::Dict(p) => Some(p),
            _ => None,
        }
    }

    /// A new reference to the dict, if the slot holds a dict (values are not
    /// materialised: see [`super::InstanceAttrs::materialize`]).
    ///
    /// ```
    /// use pyrt_core::{builtins::dict_new, object::{dict_slot, generic_alloc}};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
    ///     let (slot, d) = (dict_slot(o.as_any_ref()).unwrap(), dict_new(py).unwrap());
    ///     slot.set_dict(py, Some(d.clone()));
    ///     let got = slot.dict(py).unwrap();
    ///     assert!(got.is(&d));
    ///     assert_eq!(d.refcnt(), 3); // ours, the slot's, `got`
    /// });
    /// ```
    pub fn dict<'py>(&self, py: Python<'py>) -> Option<Bound<'py, DictObject>> {
        // SAFETY: the slot owns a reference to a dict, so it is live and a dict.
        self.dict_ptr()
            .map(|p| unsafe { Bound::from_borrowed_ptr(py, p.cast::<DictObject>()) })
    }

    /// Calls `visit` with every object the slot holds a reference to: the dict, or each
    /// value of the values block.
    ///
    /// ```
    /// use pyrt_core::{builtins::dict_new, object::{dict_slot, generic_alloc}};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
    ///     let (slot, d) = (dict_slot(o.as_any_ref()).unwrap(), dict_new(py).unwrap());
    ///     slot.set_dict(py, Some(d.clone()));
    ///     let mut seen = Vec::new();
    ///     slot.visit(&mut |p| seen.push(p));
    ///     assert_eq!(seen, [d.as_ptr()]);
    /// });
    /// ```
    #[inline(always)]
    pub fn visit<F: FnMut(NonNull<PyAny>) + ?Sized>(&self, visit: &mut F) {
        match self.contents() {
            Contents::Empty => {}
            Contents::Dict(d) => visit(d),
            Contents::Values(b, _) => b.visit(visit),
        }
    }

    /// Stores `dict` (or nothing), releasing what the slot held after the store.
    ///
    /// ```
    /// use pyrt_core::{builtins::dict_new, object::{dict_slot, generic_alloc}};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
    ///     let (slot, d) = (dict_slot(o.as_any_ref()).unwrap(), dict_new(py).unwrap());
    ///     slot.set_dict(py, Some(d.clone()));
    ///     assert_eq!(d.refcnt(), 2);
    ///     slot.set_dict(py, None); // releases the dict
    ///     assert_eq!((d.refcnt(), slot.is_empty()), (1, true));
    /// });
    /// ```
    pub fn set_dict(&self, py: Python<'_>, dict: Option<Bound<'_, DictObject>>) {
        let new = dict.map_or(0, |d| d.into_non_null().as_ptr() as usize);
        let old = self.replace_word(py, new);
        drop(old);
    }

    /// Empties the slot; the returned value releases what it held when dropped.
    ///
    /// ```
    /// use pyrt_core::{builtins::dict_new, object::{dict_slot, generic_alloc}};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
    ///     let (slot, d) = (dict_slot(o.as_any_ref()).unwrap(), dict_new(py).unwrap());
    ///     slot.set_dict(py, Some(d.clone()));
    ///     let taken = slot.take(py);
    ///     assert!(slot.is_empty() && !taken.is_empty());
    ///     assert_eq!(d.refcnt(), 2); // still held by `taken`
    ///     drop(taken);
    ///     assert_eq!(d.refcnt(), 1);
    /// });
    /// ```
    pub fn take<'py>(&self, py: Python<'py>) -> Taken<'py> {
        self.replace_word(py, 0)
    }

    /// Stores the raw word `new` (whose ownership the slot takes) and hands back the
    /// old content.
    fn replace_word<'py>(&self, py: Python<'py>, new: usize) -> Taken<'py> {
        let old = self.0.replace(new);
        Taken { py, word: old }
    }

    /// Stores a values block.
    pub(crate) fn store_values(&self, block: NonNull<ValuesBlock>) {
        self.0.set(block.as_ptr() as usize | VALUES_TAG);
    }

    /// Stores a dict, taking over the reference; the old content is dropped by the
    /// caller beforehand.
    pub(crate) fn store_dict_raw(&self, dict: NonNull<PyAny>) {
        self.0.set(dict.as_ptr() as usize);
    }
}

/// The former content of a [`DictSlot`]; dropping it releases the dict or the values
/// (in insertion order) and frees the block.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::builtins::int_new(py, 1).unwrap();
///     assert!(pyrt_core::object::dict_slot(o.as_any_ref()).is_none());
/// });
/// ```
pub struct Taken<'py> {
    py: Python<'py>,
    word: usize,
}

/// Whether anything was taken; dropping releases it.
///
/// ```
/// use pyrt_core::object::{dict_slot, generic_alloc};
/// pyrt_core::with_test_runtime(|py| {
///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
///     assert!(dict_slot(o.as_any_ref()).unwrap().take(py).is_empty());
/// });
/// ```
impl Taken<'_> {
    /// Whether nothing was taken.
    ///
    /// ```
    /// use pyrt_core::object::{dict_slot, generic_alloc};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let o = generic_alloc(py, py.builtins().classmethod(), 0).unwrap();
    ///     assert!(dict_slot(o.as_any_ref()).unwrap().take(py).is_empty()); // the slot was empty
    /// });
    /// ```
    pub fn is_empty(&self) -> bool {
        self.word == 0
    }
}

impl Drop for Taken<'_> {
    #[inline]
    fn drop(&mut self) {
        if self.word != 0 {
            self.release();
        }
    }
}

impl Taken<'_> {
    /// Releases the taken dict or values (the slow part of dropping).
    #[inline(never)]
    fn release(&mut self) {
        let py = self.py;
        let slot = DictSlot(Cell::new(std::mem::take(&mut self.word)));
        match slot.contents() {
            Contents::Empty => {}
            // SAFETY: the slot owned this reference; it is released once.
            Contents::Dict(d) => unsafe { crate::object::decref(py, d) },
            Contents::Values(b, ptr) => {
                // The block is detached (no slot names it any more), so code run by
                // a release cannot reach it: release the values straight from it, in
                // insertion order, then free it.
                for i in b.order() {
                    if let Some(v) = b.get(i) {
                        // SAFETY: each set cell owns a reference, released once here
                        // (nothing else can reach the detached block).
                        unsafe { crate::object::decref(py, v) };
                    }
                }
                // SAFETY: the block is detached and its references were released.
                unsafe { ValuesBlock::free(py, ptr) };
            }
        }
    }
}
