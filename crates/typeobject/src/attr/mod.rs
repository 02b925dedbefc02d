//! The attribute protocol: name lookup along the MRO and the generic get/set for
//! instances and for types.
//!
//! Owns lookup order and CPython's attribute messages. Must not cache by itself: the
//! method cache with version tags is `crate::method_cache`, which [`type_lookup`] uses.

mod dict_ptr;
mod generic;
mod lookup;
mod type_attr;
mod type_dict;

pub use dict_ptr::{instance_dict, instance_dict_slot};
pub use generic::{generic_getattr, generic_setattr, getattr, setattr};
pub use lookup::{lookup_str, type_lookup, type_lookup_uncached};
pub use type_attr::{type_getattro, type_setattro};
pub use type_dict::type_dict_set;
