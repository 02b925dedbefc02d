//! The table of the method cache: [`SIZE`] direct-mapped entries, each holding a
//! version tag, a name and a borrowed value (null for "not found").
//!
//! Owns the entries, the index function, probing, filling and emptying. Must not walk
//! MROs or assign tags.
//!
//! Invariants an entry `(key, name, value)` relies on:
//! - `key` is [`key_of`]`(tag)` for a non-zero `tag` that was given to exactly one type
//!   (tags are never reused), plus the [`COUNTED`] bit while hit counting is on, so the
//!   entry can only be served for that type, and only while it still holds `tag`.
//! - `name` is an *interned* `str`. Interned strings are immortal, so no other object
//!   can ever be allocated at that address: pointer equality is name identity, and the
//!   entry needs no reference to the name.
//! - `value` is borrowed from a dict of the type's MRO, and every dict the lookup read
//!   was pinned; it stays valid until the type loses `tag` (every MRO or dict change
//!   drops the tag first) or a pinned dict changes (which empties the table first).
//!
//! Hit counting (`set_hit_counting`) costs the inlined hit path nothing: while it is on,
//! every stored key carries the [`COUNTED`] bit, which the inlined probe (comparing with
//! the bare `key_of(tag)`) never matches, so each hit takes the out-of-line path, which
//! matches the bit and counts. Switching counting on or off flips the bit of every
//! filled entry, so the table keeps its contents.

use crate::locked::Locked;
use pyrt_core::PyAny;
use pyrt_core::builtins::StrObject;
use std::cell::Cell;
use std::ptr::{self, NonNull};

/// log2 of the number of entries.
///
/// ```
/// assert_eq!(1 << pyrt_typeobject::method_cache::SIZE_EXP, pyrt_typeobject::method_cache::SIZE);
/// ```
pub const SIZE_EXP: u32 = 12;
/// Number of entries (a power of two, like CPython's 4096).
///
/// ```
/// assert!(pyrt_typeobject::method_cache::SIZE >= 4096);
/// ```
pub const SIZE: usize = 1 << SIZE_EXP;
const MASK: usize = SIZE - 1;

/// log2 of an entry's size: a key is the tag shifted by this much, so that it is also
/// the tag's contribution to the entry's byte offset (see [`Table::entry_at`]).
const ENTRY_SHIFT: u32 = 5;

/// The bit a stored key carries while hit counting is on (the low bits of a key are
/// zero: [`key_of`] shifts the tag by [`ENTRY_SHIFT`]).
pub(crate) const COUNTED: u64 = 1;

/// The key of `tag`: the tag shifted left by [`ENTRY_SHIFT`] bits, a one-to-one map (a
/// `u64` holds every `u32` tag shifted by 5). 0 for tag 0, which no entry stores.
#[inline(always)]
pub(crate) fn key_of(tag: u32) -> u64 {
    (tag as u64) << ENTRY_SHIFT
}

/// One entry. An empty entry has key 0 and a null name, which no lookup matches.
///
/// 32 bytes, aligned, in one cache line: the index computation yields the entry's byte
/// offset directly (see [`Table::entry_at`]), and the three fields are reached from one
/// base register.
#[repr(C, align(32))]
pub(crate) struct Entry {
    pub(crate) name: Cell<*const StrObject>,
    pub(crate) value: Cell<*mut PyAny>,
    /// [`key_of`] the tag, with [`COUNTED`] while hit counting is on; 0 when empty.
    pub(crate) key: Cell<u64>,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 1 << ENTRY_SHIFT);

impl Entry {
    const fn empty() -> Entry {
        Entry {
            key: Cell::new(0),
            name: Cell::new(ptr::null()),
            value: Cell::new(ptr::null_mut()),
        }
    }

    /// The entry's value, as a lookup result (`None`: "not found" on the MRO).
    #[inline(always)]
    pub(crate) fn result(&self) -> Option<NonNull<PyAny>> {
        NonNull::new(self.value.get())
    }
}

/// The entries, the hit counter and the counting switch.
pub(crate) struct Table {
    entries: [Entry; SIZE],
    /// Lookups answered from the table while hit counting was on (read by `stats`).
    pub(crate) hits: Cell<u64>,
    /// Whether hits are counted (`set_hit_counting`; off by default). Read only on the
    /// out-of-line path: the mode is also in the stored keys ([`COUNTED`]).
    count_hits: Cell<bool>,
}

static TABLE: Locked<Table> = Locked::new(Table {
    entries: [const { Entry::empty() }; SIZE],
    hits: Cell::new(0),
    count_hits: Cell::new(false),
});

/// The table, under the lock.
#[inline(always)]
pub(crate) fn table(py: pyrt_core::Python<'_>) -> &Table {
    TABLE.get(py)
}

impl Table {
    /// The entry for `(key, name)`, `key` being [`key_of`] a tag and `name` any object
    /// (only an interned `str` can match an entry): index `(tag + (addr >> 4)) & MASK`,
    /// the tag mixed with the name's address (objects are 16-byte aligned, so the low
    /// four bits carry nothing). Computed as the byte offset
    /// `(key + 2 * addr) & (MASK << 5)` of a 32-byte entry — one `lea` and one `and`
    /// from the key the hit path compares anyway.
    #[inline(always)]
    pub(crate) fn entry_at(&self, key: u64, addr: usize) -> &Entry {
        let off = (key as usize).wrapping_add(addr << 1) & (MASK << ENTRY_SHIFT);
        // SAFETY: `off >> ENTRY_SHIFT` is an index below SIZE and entries are
        // `1 << ENTRY_SHIFT` bytes, so `off` is the offset of that entry in `entries`.
        unsafe {
            &*(self.entries.as_ptr() as *const u8)
                .add(off)
                .cast::<Entry>()
        }
    }

    /// The key stored for `tag` in the current counting mode.
    #[inline]
    fn stored_key(&self, tag: u32) -> u64 {
        key_of(tag) | if self.count_hits.get() { COUNTED } else { 0 }
    }

    /// The cached result for `(tag, name)`, whatever the counting mode, without counting
    /// (`None`: not in the table). For the out-of-line paths.
    #[inline]
    pub(crate) fn find(&self, tag: u32, name: *const PyAny) -> Option<Option<NonNull<PyAny>>> {
        let e = self.entry_at(key_of(tag), name as usize);
        let matches = tag != 0
            && e.key.get() == self.stored_key(tag)
            && ptr::eq(e.name.get().cast::<PyAny>(), name);
        matches.then(|| e.result())
    }

    /// Stores the result of a lookup (`tag` non-zero, `name` interned; see the module's
    /// invariants).
    #[inline]
    pub(crate) fn fill(&self, tag: u32, name: &StrObject, value: Option<NonNull<PyAny>>) {
        let e = self.entry_at(key_of(tag), name as *const StrObject as usize);
        e.key.set(self.stored_key(tag));
        e.name.set(name);
        e.value.set(value.map_or(ptr::null_mut(), NonNull::as_ptr));
    }

    /// Whether hits are being counted.
    pub(crate) fn counting(&self) -> bool {
        self.count_hits.get()
    }

    /// Turns hit counting on or off, moving every filled entry to the new mode (its
    /// [`COUNTED`] bit), so no entry is lost and none is served uncounted.
    pub(crate) fn set_counting(&self, on: bool) {
        if self.count_hits.replace(on) == on {
            return;
        }
        for e in &self.entries {
            let k = e.key.get();
            if k != 0 {
                e.key.set(k ^ COUNTED);
            }
        }
    }

    /// Empties every entry.
    pub(crate) fn clear(&self) {
        for e in &self.entries {
            e.key.set(0);
            e.name.set(ptr::null());
            e.value.set(ptr::null_mut());
        }
    }
}
