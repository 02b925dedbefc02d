//! Instance attributes without a dict object: CPython 3.11's shared keys + values.
//!
//! A class created by `new_class` gets an [`InstanceKeys`] cell; its instances keep
//! their attributes in a `values` block indexed by the class's [`SharedKeys`] (one
//! table of interned names per class, append-only, at most 30) and record their own
//! insertion order. The instance's dict slot ([`DictSlot`]) holds nothing, a real dict,
//! or (tagged) the block. A dict is made from the values — after which the slot holds
//! it for good — when someone asks for `__dict__`, for a name that is not an exact
//! `str`, when the keys table is full, and before `__class__` assignment.
//!
//! Owns the representation switch: every reader of an instance's dict slot (generic
//! getattr/setattr, `__dict__`, traverse/clear/dealloc, `__class__` assignment) goes
//! through this module. Must not implement the attribute protocol's descriptor order.

mod keys;
mod slot;
mod storage;
mod values;

pub use keys::{InstanceKeys, SHARED_KEYS_CAPACITY, SharedKeys};
pub use slot::{DictSlot, Taken};
pub use storage::{
    AttrLookup, AttrWrite, FastAttr, InstanceAttrs, instance_attrs, probe_interned,
    replace_interned,
};
pub use values::ValuesBlock;
