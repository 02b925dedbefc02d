//! Payload layouts and Rust-level constructors of the core builtin objects (`str`,
//! `int`/`bool`, `tuple`, `list`, `dict`, exceptions), and the layout half of their
//! type objects (sizes, dealloc, free, traverse).
//!
//! Owns data representation. Must not define Python-visible behaviour (repr, hashing
//! rules beyond the raw hash, comparison): those are slots filled by `pyrt-typeobject`.

mod descr;
mod dict;
mod dict_pin;
mod exception;
mod hash;
mod int;
mod layouts;
mod list;
mod str;
mod tuple;

pub(crate) use descr::free_list_death;
pub use descr::{
    BoundMethodObject, FuncWrapperObject, GetSetDescrObject, MappingProxyObject, MemberDescrObject,
    MethodDescrObject, NativeFunctionObject, PropertyObject,
};
pub use descr::{bound_method_alloc, bound_method_new, native_function_alloc, native_function_new};
pub use dict::{DictObject, dict_new, dict_with_capacity};
pub use dict_pin::{PinnedDictHook, set_pinned_dict_hook};
pub use exception::BaseExceptionObject;
pub use hash::{hash_bytes, hash_i64, mix_hash};
pub use int::{
    INT_ITEMS, IntObject, SMALL_INT_COUNT, SMALL_INT_MAX, SMALL_INT_MIN, int_alloc, int_dealloc,
    int_new,
};
pub(crate) use layouts::call_tp_free;
pub use layouts::init_core_layouts;
pub use list::{ListObject, list_new};
pub(crate) use list::{list_traverse, list_visit_items};
pub use str::{StrObject, intern, intern_bound, intern_cached, str_alloc, str_new};
pub use tuple::{TupleObject, tuple_alloc, tuple_new};
pub(crate) use tuple::{tuple_traverse, tuple_visit_items};
