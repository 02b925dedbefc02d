//! Dunders drive slots: the slot definition table ([`SLOTDEFS`]: for each dunder, the
//! slot it drives, how a slot wrapper calls that slot, and the generic dispatcher heap
//! types get), the dispatchers themselves, the wrapper calling conventions, and the
//! (re)resolution of a heap type's slots from the dunders along its MRO — at class
//! creation ([`fixup_slot_dispatchers`]) and when a class's dict changes
//! ([`update_slot`], called by `attr::type_dict_set`).
//!
//! Owns the coupling between names and slots. Must not implement any particular type's
//! slots, and must not look attributes up other than through `attr::type_lookup`.
//!
//! ```
//! use pyrt_core::types::SlotId;
//! use pyrt_typeobject::slotdefs::{Dunder, rows_named};
//! let slots: Vec<SlotId> = rows_named(Dunder::GetItem).map(|r| r.slot).collect();
//! assert_eq!(slots, [SlotId::MP_SUBSCRIPT, SlotId::SQ_ITEM]);
//! ```

mod dispatch;
pub(crate) mod method;
mod names;
pub(crate) mod new_builtin;
mod table;
mod update;
mod wrappers;

pub use names::Dunder;
pub use new_builtin::NEW_DEF;
pub use table::{
    Dispatcher, SLOTDEFS, SlotDefRow, Wrapper, dispatched_slots, rows_for_slot, rows_named,
    slotdefs, static_fn,
};
pub(crate) use update::update_heap_type_slots;
pub use update::{
    Resolved, fixup_slot_dispatchers, resolve_slot, update_all_slots, update_hierarchy_slots,
    update_slot, update_slot_for_key,
};

pub(crate) use update::set_hash_none_if_eq;
pub(crate) use wrappers::call_wrapper;
