//! The behaviour slots of the builtin types: `object`, `int`, `bool`, `str`, `tuple`,
//! `list`, `dict`, `NoneType`, `NotImplementedType` and the builtin exceptions, as plain
//! functions, plus [`install_behaviour_slots`], which stores them in the static type
//! objects.
//!
//! Owns: what these types *do* (repr, str, hash, comparison, arithmetic, sequence and
//! mapping access, construction and initialisation) and the `tp_flags` bits that
//! describe that behaviour (`BASETYPE`, `SEQUENCE`, `MAPPING`, `MATCH_SELF`). Every
//! message and repr matches CPython 3.11; the expectations are recorded by
//! `crates/typeobject/tests/fixtures/record_builtins.py`.
//!
//! Must not touch: the layout half of the types (names, sizes, alloc/dealloc/free,
//! traverse/clear, GC and fast-subclass flags: `pyrt_core::builtins::init_core_layouts`),
//! readying, `tp_base`/MRO, slot inheritance, attribute lookup, or `type`'s own slots.
//! Slots a CPython type inherits rather than defines are left empty here so that slot
//! inheritance reproduces CPython's type dictionaries (e.g. `NoneType.__hash__` and
//! `ValueError.__repr__` come from `object` and `BaseException`).
//!
//! Deliberate differences from CPython, all due to pyrt's current object model:
//! * `int` is 64-bit: any result outside `i64` raises `OverflowError: int too large`.
//! * There is no `float`: `int ** negative` raises `ValueError` (see the `int` module),
//!   and there is no true division.
//! * Iteration (`tuple(x)`, `list(x)`, `dict(x)`) uses the argument's `tp_iter` if it
//!   has one, else reads `tuple`/`list`/`dict`/`str` payloads directly.
//! * `str` reprs follow Unicode 14.0's printable set, as CPython 3.11 does.
//!
//! ```
//! fn init(py: pyrt_core::Python<'_>) {
//!     pyrt_core::builtins::init_core_layouts(py);
//!     pyrt_typeobject::builtins::install_behaviour_slots(py);
//! }
//! pyrt_core::runtime::enter(init, |py| {
//!     let t = pyrt_core::builtins::tuple_new(py, &[]).unwrap();
//!     let r = pyrt_typeobject::builtins::call::repr_of(py, t.as_any()).unwrap();
//!     assert_eq!(r.as_str(), "()");
//! });
//! ```

pub(crate) mod args;
mod boolean;
pub mod call;
mod dict;
mod dict_iter;
mod dict_methods;
pub mod docs;
mod exception_attrs;
mod exceptions;
mod int;
pub(crate) mod iterator_type;
mod list;
mod list_methods;
mod none;
mod object;
mod repr_guard;
mod seq_iter;
mod sequence;
mod string;
mod tuple;
mod weakref;

pub use exceptions::exception_base_of;
pub(crate) use object::{is_plain_constructor, new_plain_instance_no_args};
pub use object::{
    object_hash, object_init, object_new, object_repr, object_richcompare, object_str,
};

use pyrt_core::Python;
use pyrt_core::types::{TypeFlags, TypeObject};
use std::ptr::NonNull;

/// Stores the behaviour slots in every builtin type object and sets the behavioural
/// `tp_flags` bits. Call it after `pyrt_core::builtins::init_core_layouts` and before
/// readying the types. Idempotent.
///
/// Sub-table pointers (`tp_as_number`, `tp_as_sequence`, `tp_as_mapping`) are pointed
/// at the type's own inline storage only for the tables the type defines slots in, as
/// CPython's static types leave the other ones NULL.
///
/// ```
/// fn init(py: pyrt_core::Python<'_>) {
///     pyrt_core::builtins::init_core_layouts(py);
///     pyrt_typeobject::builtins::install_behaviour_slots(py);
/// }
/// pyrt_core::runtime::enter(init, |py| {
///     let int = py.builtins().int();
///     assert!(int.number().unwrap().nb_add.get().is_some());
///     assert!(int.sequence().is_none());
///     assert!(int.has_flag(pyrt_core::TypeFlags::BASETYPE));
///     assert!(!py.builtins().bool_().has_flag(pyrt_core::TypeFlags::BASETYPE));
/// });
/// ```
pub fn install_behaviour_slots(py: Python<'_>) {
    let b = py.builtins();
    object::install(b.object());
    docs::install(py);
    // SAFETY: behaviour flags (subclassing, pattern matching); no layout depends on them.
    unsafe {
        b.type_().add_flags(TypeFlags::BASETYPE);
    }
    int::install(b.int());
    boolean::install(b.bool_());
    string::install(b.str_());
    tuple::install(b.tuple());
    list::install(b.list());
    dict::install(b.dict());
    none::install(b.none_type(), b.not_implemented_type());
    exceptions::install(py);
    crate::descr::install(py);
    weakref::install(b.weakref());
}

/// Sets up the builtin iterator types (`dict_keyiterator`, `list_iterator`,
/// `tuple_iterator`, `str_ascii_iterator`, `str_iterator`) and the `tp_iter` slots
/// that create them; runs after the slot-wrapper types exist.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     assert!(py.builtins().dict().tp_iter.get().is_some());
/// });
/// ```
pub fn install_iterator_types(py: Python<'_>) {
    dict_iter::install(py, py.builtins().dict());
    seq_iter::install(py);
}

/// Points `tp_as_number` at the type's inline number table.
fn use_number_table(tp: &TypeObject) {
    // SAFETY: the base's sub-table outlives this static type (static types are never
    // freed) and holds only plain functions.
    unsafe {
        tp.tp_as_number.set(Some(NonNull::from(&tp.as_number)));
    }
}

/// Points `tp_as_sequence` at the type's inline sequence table.
fn use_sequence_table(tp: &TypeObject) {
    // SAFETY: the base's sub-table outlives this static type (static types are never
    // freed) and holds only plain functions.
    unsafe {
        tp.tp_as_sequence.set(Some(NonNull::from(&tp.as_sequence)));
    }
}

/// Points `tp_as_mapping` at the type's inline mapping table.
fn use_mapping_table(tp: &TypeObject) {
    // SAFETY: the base's sub-table outlives this static type (static types are never
    // freed) and holds only plain functions.
    unsafe {
        tp.tp_as_mapping.set(Some(NonNull::from(&tp.as_mapping)));
    }
}
