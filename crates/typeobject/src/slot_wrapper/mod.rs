//! Slot wrappers: the `wrapper_descriptor` type (`int.__add__`, unbound) and the
//! `method-wrapper` type (`(1).__add__`, bound), both real static types readied by
//! `type_ready`, plus the queries class creation needs ("is this object a wrapper of
//! slot S that applies to type T, and what function does it wrap?").
//!
//! Owns the two types and those queries. Must not decide which wrappers a type's dict
//! gets (`type_ready::slot_wrappers`) or what a slot does (`slotdefs`).

mod descriptor;
mod method_wrapper;

pub use descriptor::{WrapperDescrObject, wrapper_descr_new};
pub use method_wrapper::MethodWrapperObject;

use crate::slotdefs::SlotDefRow;
use pyrt_core::builtins::intern;
use pyrt_core::object::{PyAny, gc_free, generic_alloc};
use pyrt_core::types::{Destructor, SlotId, SlotValue, TraverseProc};
use pyrt_core::{Bound, Python, TypeFlags, TypeObject};

/// The layout-bearing functions of a collectable static type.
pub(crate) struct GcSlots {
    dealloc: Destructor,
    traverse: TraverseProc,
}

impl GcSlots {
    /// # Safety
    /// `dealloc` destroys exactly the payload of the type's instances and ends in
    /// `gc_free`; `traverse` visits only live objects an instance owns references to.
    pub(crate) unsafe fn new(dealloc: Destructor, traverse: TraverseProc) -> GcSlots {
        GcSlots { dealloc, traverse }
    }
}

/// Fills in a static type's header, name and collectable layout of `size` bytes.
pub(crate) fn init_static_type(
    py: Python<'_>,
    tp: &TypeObject,
    name: &str,
    size: usize,
    gc: GcSlots,
) {
    if let Ok(n) = intern(py, name) {
        tp.tp_name.set(py, Some(n));
    }
    // SAFETY: the storage is a zeroed static type object no instance uses yet; its
    // instances are `size`-byte payloads allocated with a GC head by generic_alloc,
    // destroyed by `gc.dealloc` (GcSlots' contract) and freed by gc_free.
    unsafe {
        let h = &tp.ob_base.ob_base;
        h.ob_refcnt.set(1);
        h.ob_type
            .set(py.builtins().type_() as *const TypeObject as *mut TypeObject);
        tp.tp_basicsize.set(size as isize);
        tp.add_flags(TypeFlags::HAVE_GC);
        tp.tp_alloc.set(Some(generic_alloc));
        tp.tp_free.set(Some(gc_free));
        tp.tp_dealloc.set(Some(gc.dealloc));
        tp.tp_traverse.set(Some(gc.traverse));
    }
}

/// Sets up `wrapper_descriptor` and `method-wrapper` (before any type is readied: the
/// readying of `object` already makes slot wrappers).
pub(crate) fn install_types(py: Python<'_>) {
    descriptor::install(py);
    method_wrapper::install(py);
}

/// If `obj` is a slot wrapper: its row, owner type and wrapped function.
///
/// ```
/// use pyrt_core::types::SlotId;
/// pyrt_typeobject::Runtime::with(|py| {
///     let w = pyrt_typeobject::attr::lookup_str(py, py.builtins().object(), "__repr__").unwrap();
///     let (row, owner, _f) = pyrt_typeobject::slot_wrapper::wrapper_parts(py, &w).unwrap();
///     assert_eq!(row.slot, SlotId::TP_REPR);
///     assert!(std::ptr::eq(owner, py.builtins().object()));
/// });
/// ```
pub fn wrapper_parts<'a>(
    py: Python<'_>,
    obj: &'a Bound<'_, PyAny>,
) -> Option<(&'static SlotDefRow, &'a TypeObject, SlotValue<'static>)> {
    if !std::ptr::eq(obj.ob_type(), py.builtins().wrapper_descriptor()) {
        return None;
    }
    // SAFETY: checked to be a wrapper_descriptor just above.
    let w: &'a WrapperDescrObject = unsafe { obj.downcast_unchecked::<WrapperDescrObject>() };
    Some((w.row(), w.owner_ref()?, w.func()?))
}

/// The function wrapped by `obj` if it is a slot wrapper of `slot` whose owner is a
/// base of `tp` (so calling the function directly on `tp`'s instances is what calling
/// the wrapper would do).
pub(crate) fn direct_slot_of(
    obj: &Bound<'_, PyAny>,
    slot: SlotId,
    tp: &TypeObject,
) -> Option<SlotValue<'static>> {
    let py = obj.py();
    let (row, owner, func) = wrapper_parts(py, obj)?;
    (row.slot == slot && tp.is_subtype(owner)).then_some(func)
}
