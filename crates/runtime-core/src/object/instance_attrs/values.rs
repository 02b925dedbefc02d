//! The values block of one instance: a value per shared-keys index plus the instance's
//! own insertion order.
//!
//! Owns the block's memory layout, allocation from the runtime's pool, growth and the
//! order bookkeeping. Must not decide when a block is used (see `storage.rs`).

use super::keys::SHARED_KEYS_CAPACITY;
use crate::object::PyAny;
use crate::runtime::Python;
use std::cell::Cell;
use std::ptr::NonNull;

/// A block of instance attribute values, allocated from the pool:
///
/// ```text
/// +0  cap   : u8          number of value cells
/// +1  len   : u8          number of set attributes (entries of `order`)
/// +2  order : [u8; 30]    indices of the set attributes, in insertion order
/// +32 values: [*PyAny; cap]   owned references (null: not set), by shared-keys index
/// ```
///
/// Invariants: `len <= cap <= 30`; `order[..len]` are the distinct indices whose value
/// cell is non-null; each non-null cell owns one strong reference.
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
/// let (attrs, x) = (instance_attrs(o).unwrap(), intern(py, "x").unwrap().into_any());
/// let v = str_new(py, "value").unwrap().into_any();
/// attrs.write_str(py, &x, Some(&v)).unwrap(); // makes the block
/// assert!(attrs.slot().holds_values());
/// assert_eq!(v.refcnt(), 2); // ours and the block's
/// # }
/// # // Teardown: release the attributes, free the instance, then the keys table.
/// # drop(dict_slot(o).unwrap().take(py));
/// # // SAFETY: ours is the only reference and the slot is empty; no instance remains.
/// # unsafe { o.ob_base.ob_refcnt.set(0); plain_free(py, obj); tp.ht_cached_keys.free() };
/// # assert_eq!(py.live_objects(), live); // nothing left behind
/// # });
/// ```
#[repr(C)]
pub struct ValuesBlock {
    cap: Cell<u8>,
    len: Cell<u8>,
    order: [Cell<u8>; SHARED_KEYS_CAPACITY],
    values: [Cell<*mut PyAny>; 0],
}

const HEADER: usize = 32;
const _: () = assert!(std::mem::size_of::<ValuesBlock>() == HEADER);

impl ValuesBlock {
    /// A zero-filled block with room for at least `min_cap` values (`None` when memory
    /// is exhausted).
    pub(crate) fn alloc(py: Python<'_>, min_cap: usize) -> Option<NonNull<ValuesBlock>> {
        // An even capacity fills the pool's 16-byte size class.
        let cap = (min_cap.max(2).div_ceil(2) * 2).min(SHARED_KEYS_CAPACITY);
        // SAFETY: the token proves the runtime lock is held.
        let block = unsafe { py.state().pool.alloc(HEADER + cap * 8) }?;
        let block = block.cast::<ValuesBlock>();
        // SAFETY: a fresh zero-filled block of HEADER + cap words, 16-byte aligned.
        unsafe { block.as_ref() }.cap.set(cap as u8);
        Some(block)
    }

    /// Gives the block's memory back (its values must have been moved out or released).
    ///
    /// # Safety
    /// `block` came from [`ValuesBlock::alloc`] and is not used afterwards.
    pub(crate) unsafe fn free(py: Python<'_>, block: NonNull<ValuesBlock>) {
        // SAFETY: caller contract; the token proves the lock is held.
        unsafe { py.state().pool.free(block.cast()) };
    }

    /// A copy of `self` with room for at least `min_cap` values; `self`'s memory is
    /// freed and its references now belong to the copy.
    ///
    /// # Safety
    /// `this` came from [`ValuesBlock::alloc`] and is not used afterwards.
    pub(crate) unsafe fn grow(
        py: Python<'_>,
        this: NonNull<ValuesBlock>,
        min_cap: usize,
    ) -> Option<NonNull<ValuesBlock>> {
        // SAFETY: caller contract: a live block.
        let old = unsafe { this.as_ref() };
        let new_ptr = ValuesBlock::alloc(py, min_cap.max(old.cap() * 2))?;
        // SAFETY: fresh block.
        let new = unsafe { new_ptr.as_ref() };
        new.len.set(old.len.get());
        for (d, s) in new.order.iter().zip(&old.order) {
            d.set(s.get());
        }
        for i in 0..old.cap() {
            new.cell(i).set(old.cell(i).get());
        }
        // SAFETY: the references moved to the copy; the old block is dead.
        unsafe { ValuesBlock::free(py, this) };
        Some(new_ptr)
    }

    /// The number of value cells.
    #[inline(always)]
    pub(crate) fn cap(&self) -> usize {
        self.cap.get() as usize
    }

    /// The cell for index `i` (`i < cap`).
    #[inline(always)]
    pub(crate) fn cell(&self, i: usize) -> &Cell<*mut PyAny> {
        debug_assert!(i < self.cap());
        // SAFETY: the block was allocated with `cap` value cells after the header, and
        // `i < cap` (callers check against `cap`).
        unsafe { &*(self.values.as_ptr().add(i)) }
    }

    /// The value at index `i`, borrowed (`None` if not set or beyond the capacity).
    #[inline(always)]
    pub(crate) fn get(&self, i: usize) -> Option<NonNull<PyAny>> {
        if i < self.cap() {
            NonNull::new(self.cell(i).get())
        } else {
            None
        }
    }

    /// The indices of the set attributes, in the instance's insertion order.
    pub(crate) fn order(&self) -> impl Iterator<Item = usize> + '_ {
        self.order[..self.len.get() as usize]
            .iter()
            .map(|c| c.get() as usize)
    }

    /// Records index `i` as set last.
    pub(crate) fn push_order(&self, i: usize) {
        let n = self.len.get() as usize;
        debug_assert!(n < SHARED_KEYS_CAPACITY);
        self.order[n].set(i as u8);
        self.len.set(n as u8 + 1);
    }

    /// Forgets index `i` in the order (its value was deleted).
    pub(crate) fn remove_order(&self, i: usize) {
        let n = self.len.get() as usize;
        if let Some(at) = self.order[..n].iter().position(|c| c.get() as usize == i) {
            for k in at..n - 1 {
                self.order[k].set(self.order[k + 1].get());
            }
            self.len.set(n as u8 - 1);
        }
    }

    /// Calls `visit` with every set value, in insertion order.
    #[inline(always)]
    pub(crate) fn visit<F: FnMut(NonNull<PyAny>) + ?Sized>(&self, visit: &mut F) {
        for i in self.order() {
            if let Some(v) = self.get(i) {
                visit(v);
            }
        }
    }
}
