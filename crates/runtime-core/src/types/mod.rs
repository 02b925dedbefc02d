//! The type object's layout: every `tp_*` field, the five sub-tables, the slot function
//! signatures, the flag bits and the stable-ABI slot numbering.
//!
//! Owns data layout and raw slot access only. Must not implement type semantics
//! (readying, inheritance, MRO, attribute lookup live in `pyrt-typeobject`).

mod cells;
mod defs;
mod flags;
mod signatures;
mod slot_table;
mod subtables;
mod typeobject;

pub use crate::object::RawCell;
pub use cells::{DefTable, ObjCell, RawObjCell, SubclassList};
pub use defs::{
    GetSetDef, Getter, KeywordsFn, MemberDef, MemberKind, MethodDef, MethodFlags, MethodFn, Setter,
};
pub use flags::TypeFlags;
pub use signatures::*;
pub use slot_table::{FN_SLOTS, RAW_SLOTS, SlotDef, SlotId, SlotPlace, SlotSetError, SlotValue};
pub use subtables::{AsyncMethods, BufferProcs, MappingMethods, NumberMethods, SequenceMethods};
pub use typeobject::TypeObject;
