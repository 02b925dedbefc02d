//! pyrt-typeobject: type semantics.
//!
//! Owns readying types ([`type_ready`](mod@type_ready): the checklist of steps, slot and flag
//! inheritance), the C3 MRO ([`mro`]), instance layouts and the best base ([`layout`]),
//! the metaclass calculation ([`metaclass`]), class creation ([`new_class`]), types from
//! specs ([`spec`]), names ([`names`]), the attribute protocol ([`attr`]), calls
//! ([`call`](mod@call)), dunder → slot coupling ([`slotdefs`]) with slot wrappers
//! ([`slot_wrapper`]), the abstract operator layer ([`ops`]), the builtin types'
//! initialisation, and the [`Runtime`] entry point.
//! The object core (header, refcounts, layouts, handles) is `pyrt-core`, below.
//!
//! ```
//! use pyrt_typeobject::{Runtime, new_class, names};
//! Runtime::with(|py| {
//!     let a = new_class(py, "A", &[], None).unwrap();
//!     let b = new_class(py, "B", &[a.clone()], None).unwrap();
//!     let c = new_class(py, "C", &[a.clone()], None).unwrap();
//!     let d = new_class(py, "D", &[b, c], None).unwrap();
//!     let mro: Vec<String> = pyrt_typeobject::mro::mro_of(&d)
//!         .iter()
//!         .map(|t| names::name(py, unsafe { t.as_ref() }))
//!         .collect();
//!     assert_eq!(mro, ["D", "B", "C", "A", "object"]);
//! });
//! ```

pub mod attr;
pub mod builtins;
pub mod call;
pub mod class;
mod class_assign;
pub mod class_init;
pub mod descr;
pub mod layout;
mod locked;
pub mod metaclass;
pub mod method_cache;
pub mod mro;
pub mod mro_invoke;
pub mod names;
pub mod ops;
pub mod runtime;
pub mod slot_wrapper;
pub mod slotdefs;
pub mod spec;
mod subclass_walk;
mod type_attrs;
pub mod type_modified;
pub mod type_mutation;
pub mod type_ready;
mod type_type;
pub mod watchers;

pub use call::{call, call_type};
pub use class::{new_class, new_class_with_meta};
pub use class_init::new_class_with_kwargs;
pub use runtime::Runtime;
pub use spec::{Slot, TypeSpec, from_spec, from_spec_unchecked};
pub use type_modified::type_modified;
pub use type_ready::type_ready;
