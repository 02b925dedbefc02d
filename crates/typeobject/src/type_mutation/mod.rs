//! Changing a ready type's structure: installing a new MRO (with cache invalidation),
//! recomputing the MROs of a type and its subclasses with restore on error, layout
//! compatibility for assignments, and `__bases__` assignment.
//!
//! Owns those mutations. Must not touch type dicts (that is `attr::type_dict_set`) or
//! decide slot contents.

mod bases;
mod hierarchy;
mod install;
mod layout_compat;

pub use bases::set_bases;
pub use hierarchy::update_mro_hierarchy;
pub use install::install_mro;
pub use layout_compat::compatible_for_assignment;
