//! pyrt: a clean-room Python object runtime in Rust.
//!
//! Objects with a refcount and a type; type objects with the full slot table;
//! `type_ready` with slot inheritance; the C3 MRO; types from specs; refcounting, PEP 442
//! finalizers, weak references ([`weakref`]) and a cyclic garbage collector with
//! Python's `gc` API ([`gc`]). This crate is the facade: it re-exports the public API of
//! the workspace crates (`pyrt-core`: objects, handles, layouts; `pyrt-typeobject`:
//! type semantics; `pyrt-gc`: the collector).
//!
//! ```
//! use pyrt::{Runtime, new_class, names};
//! Runtime::with(|py| {
//!     let a = new_class(py, "A", &[], None).unwrap();
//!     let b = new_class(py, "B", &[a.clone()], None).unwrap();
//!     assert!(b.is_subtype(&a));
//!     assert_eq!(names::name(py, &b), "B");
//! });
//! ```

pub use pyrt_core::gc;
pub use pyrt_core::{Bound, Py, PyAny, PyErr, PyLayout, PyResult, Python, TypeFlags, TypeObject};
pub use pyrt_core::{builtins, object, protocol, types, unraisable, weakref};
pub use pyrt_gc as collector;
/// Native types: a Rust payload struct plus closures ([`native::NativeClass`]), GC support derived (`#[derive(Trace)]`).
pub use pyrt_native as native;
pub use pyrt_typeobject::{
    Runtime, Slot, TypeSpec, attr, call, call_type, descr, from_spec, from_spec_unchecked, layout,
    metaclass, mro, names, new_class, new_class_with_meta, type_ready,
};
pub use pyrt_typeobject::{class_init, new_class_with_kwargs, ops, slot_wrapper, slotdefs};
pub use pyrt_typeobject::{method_cache, mro_invoke, type_modified, type_mutation, watchers};
