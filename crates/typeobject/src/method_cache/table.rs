//! The table of the method cache: [`SIZE`] direct-mapped entries, each holding a
//! version tag, a name and a borrowed value (null for "not found").
//!
//! Owns the entries, the index function, probing, filling and emptying. Must not walk
//! MROs or assign tags.
//!
//! Invariants an entry `(tag, name, value)` relies on:
//! - `tag` is non-zero and was given to exactly one type (tags are never reused), so
//!   the entry can only be served for that type, and only while it still holds `tag`.
//! - `name` is an *interned* `str`. Interned strings are immortal, so no other object
//!   can ever be allocated at that address: pointer equality is name identity, and the
//!   entry needs no reference to the name.
//! - `value` is borrowed from a dict of the type's MRO, and every dict the lookup read
//!   was pinned; it stays valid until the type loses `tag` (every MRO or dict change
//!   drops the tag first) or a pinned dict changes (which empties the table first).

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

/// One entry. An empty entry has tag 0 and a null name, which no lookup matches.
///
/// 32 bytes, aligned: the index computation yields the entry's byte offset directly
/// (see [`Table::entry`]), and the three fields are reached from one base register.
#[repr(C, align(32))]
pub(crate) struct Entry {
    pub(crate) name: Cell<*const StrObject>,
    pub(crate) value: Cell<*mut PyAny>,
    pub(crate) version: Cell<u32>,
}

const _: () = assert!(std::mem::size_of::<Entry>() == 32);

impl Entry {
    const fn empty() -> Entry {
        Entry {
            version: Cell::new(0),
            name: Cell::new(ptr::null()),
            value: Cell::new(ptr::null_mut()),
        }
    }
}

/// The entries, the hit counter and its switch (kept here so the inlined hit path
/// reaches them relative to the table's address it already holds, instead of loading
/// a second static's address).
pub(crate) struct Table {
    entries: [Entry; SIZE],
    /// Lookups answered from the table while hit counting was on (read by `stats`).
    pub(crate) hits: Cell<u64>,
    /// Whether hits are counted (`set_hit_counting`; off by default, so the hit path
    /// does a load and a predictable branch, not a loop-carried store).
    pub(crate) count_hits: Cell<bool>,
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
    /// The entry for `(tag, name)`: index `(tag ^ (addr >> 4)) & MASK`, the tag mixed
    /// with the name's address (objects are 16-byte aligned, so the low four bits carry
    /// nothing). Computed as the byte offset `((addr ^ (tag << 4)) & (MASK << 4)) * 2`
    /// of a 32-byte entry: a shift, a xor and a mask, then one scaled address.
    #[inline(always)]
    pub(crate) fn entry(&self, tag: u32, name: &StrObject) -> &Entry {
        self.entry_at(tag, name as *const StrObject as usize)
    }

    /// [`Table::entry`] by the name's address (any object: only an interned `str`
    /// can match an entry).
    #[inline(always)]
    pub(crate) fn entry_at(&self, tag: u32, addr: usize) -> &Entry {
        let off16 = (addr ^ ((tag as usize) << 4)) & (MASK << 4);
        // SAFETY: `off16 / 16` is an index below SIZE, so `off16 * 2` is the offset of
        // that entry (32 bytes each) inside `entries`.
        unsafe {
            &*(self.entries.as_ptr() as *const u8)
                .add(off16 * 2)
                .cast::<Entry>()
        }
    }

    /// Stores the result of a lookup (`tag` non-zero, `name` interned; see the module's
    /// invariants).
    #[inline]
    pub(crate) fn fill(&self, tag: u32, name: &StrObject, value: Option<NonNull<PyAny>>) {
        let e = self.entry(tag, name);
        e.version.set(tag);
        e.name.set(name);
        e.value.set(value.map_or(ptr::null_mut(), NonNull::as_ptr));
    }

    /// Empties every entry.
    pub(crate) fn clear(&self) {
        for e in &self.entries {
            e.version.set(0);
            e.name.set(ptr::null());
            e.value.set(ptr::null_mut());
        }
    }
}
