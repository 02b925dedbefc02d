//! Descriptors and callables, each a real static builtin type readied by `type_ready`:
//!
//! | type | file | what it is |
//! |---|---|---|
//! | `builtin_function_or_method` | `native_function` | a Rust function (`MethodDef`), optionally bound to `__self__` |
//! | `method_descriptor`, `classmethod_descriptor` | `method_descr` | a `tp_methods` entry |
//! | `member_descriptor` | `member` | a field at an offset (`tp_members`, `__slots__`) |
//! | `getset_descriptor` | `getset` | a computed attribute (`tp_getset`) |
//! | `method` | `bound_method` | a callable bound to an instance |
//! | `classmethod`, `staticmethod` | `classmethod`, `staticmethod` (+ `func_wrapper`) | binding wrappers |
//! | `property` | `property` | accessor-based data descriptor |
//! | `mappingproxy` | `mappingproxy` | read-only view of a mapping (`T.__dict__`) |
//!
//! plus the calling convention of native methods (`native_call`), the shared
//! `__dict__`/`__weakref__` attributes (`dict_attr`) and helpers (`common`).
//!
//! Owns the behaviour of these types (the payload layouts, dealloc and traverse are
//! `pyrt_core::builtins::descr`'s). Must not look attributes up (the attribute
//! protocol's job) or fill type dicts (`type_ready`'s `fill_dict` calls the
//! constructors here).

mod bound_method;
mod classmethod;
mod common;
pub(crate) mod dict_attr;
mod func_wrapper;
mod getset;
mod mappingproxy;
mod member;
mod method_descr;
mod native_call;
mod native_function;
mod property;
mod staticmethod;

pub use bound_method::bound_method;
pub use classmethod::classmethod_new;
pub use common::{doc_body, text_signature};
pub use getset::getset_descr_new;
pub use mappingproxy::mappingproxy_new;
pub use member::member_descr_new;
#[allow(unused_imports)]
pub(crate) use member::member_descr_raw;
pub(crate) use method_descr::call_unbound;
pub use method_descr::method_descr_new;
pub(crate) use method_descr::{as_method_descriptor, bind_to_instance};
pub use native_call::call_def;
pub use native_function::native_function;
pub(crate) use native_function::{has_native_call, native_function_vectorcall};
pub use staticmethod::staticmethod_new;

use pyrt_core::Python;

/// Stores the behaviour slots and attribute tables of every descriptor type. Called by
/// the runtime's init before the builtin types are readied.
pub(crate) fn install(py: Python<'_>) {
    let b = py.builtins();
    native_function::install(b.builtin_function_or_method());
    method_descr::install(b.method_descriptor(), b.classmethod_descriptor());
    member::install(b.member_descriptor());
    getset::install(b.getset_descriptor());
    bound_method::install(b.method());
    classmethod::install(b.classmethod());
    staticmethod::install(b.staticmethod());
    property::install(b.property());
    mappingproxy::install(b.mappingproxy());
}
