//! The attribute protocol: name lookup along the MRO and the generic get/set for
//! instances and for types.
//!
//! Owns lookup order and CPython's attribute messages. Must not cache (the method
//! cache with version tags belongs to its own module when it arrives).

mod dict_ptr;
mod generic;
mod lookup;
mod type_attr;
mod type_dict;

pub use dict_ptr::{instance_dict, instance_dict_slot};
pub use generic::{generic_getattr, generic_setattr, getattr, setattr};
pub use lookup::{lookup_str, type_lookup};
pub use type_attr::{type_getattro, type_setattro};
pub use type_dict::type_dict_set;
