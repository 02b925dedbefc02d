//! Class creation, the path a `class` statement takes (`type_new`): metaclass
//! calculation, best base, allocation of the heap type, names and namespace, instance
//! layout (`__dict__` and `__weakref__` slots), then `type_ready` (which computes the C3
//! MRO and inherits slots).
//!
//! Owns the steps of class creation (`__slots__` planning in `class/slots.rs`) and the
//! slots of instances of such classes (`subtype_dealloc`, `subtype_traverse`,
//! `subtype_clear`), which handle every pointer slot the classes added (named slots,
//! `__dict__`). Must not implement the dunder → slot resolution itself (`slotdefs`),
//! which it calls after readying, nor the steps that run user code (`class_init`).

mod slots;

pub use slots::{is_identifier, mangle};

use crate::descr::dict_attr::{DICT_GETSET, WEAKREF_GETSET};
use crate::layout::best_base;
use crate::metaclass;
use crate::type_ready::type_ready;
use pyrt_core::builtins::{DictObject, StrObject, dict_with_capacity, intern, tuple_new};
use pyrt_core::gc::InstancePlan;
use pyrt_core::object::{gc_free, generic_alloc};
use pyrt_core::types::{Destructor, GetSetDef, ObjProc, TraverseProc};
use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeFlags, TypeObject};
use std::ptr::NonNull;

const WORD: isize = std::mem::size_of::<usize>() as isize;

/// Entries class creation adds to the namespace's copy of a plain class.
const NAMESPACE_EXTRA: usize = 5;

/// Creates a class with metatype `type`: `type(name, bases, ns)`.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let b = pyrt_typeobject::new_class(py, "B", &[a.clone()], None).unwrap();
///     assert!(b.is_subtype(&a));
///     assert_eq!(pyrt_typeobject::names::name(py, &b), "B");
/// });
/// ```
pub fn new_class<'py>(
    py: Python<'py>,
    name: &str,
    bases: &[Bound<'py, TypeObject>],
    ns: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, TypeObject>> {
    new_class_with_meta(py, py.builtins().type_(), name, types_as_any(bases), ns)
}

/// A slice of type handles viewed as object handles (no copy, no reference taken).
fn types_as_any<'a, 'py>(bases: &'a [Bound<'py, TypeObject>]) -> &'a [Bound<'py, PyAny>] {
    // SAFETY: `Bound` is `repr(transparent)` over a `NonNull`, the same for every
    // layout, and a type object is an object; the view borrows the handles it shows.
    unsafe { std::slice::from_raw_parts(bases.as_ptr().cast(), bases.len()) }
}

/// Creates a class with the given requested metatype (the most derived of it and the
/// bases' metatypes is used), then runs `__set_name__` and `__init_subclass__` (see
/// [`crate::class_init::new_class_with_kwargs`] for class keywords).
///
/// ```
/// use pyrt_typeobject::{Runtime, new_class, new_class_with_meta};
/// Runtime::with(|py| {
///     let meta = new_class(py, "Meta", &[pyrt_core::Bound::from_ref(py, py.builtins().type_())], None).unwrap();
///     let a = new_class_with_meta(py, &meta, "A", &[], None).unwrap();
///     assert!(a.get_type().is(&meta));
///     // A subclass of `A` gets `Meta` even when `type` is requested.
///     let b = new_class_with_meta(py, py.builtins().type_(), "B", &[a.into_any()], None).unwrap();
///     assert!(b.get_type().is(&meta));
/// });
/// ```
pub fn new_class_with_meta<'py>(
    py: Python<'py>,
    requested_meta: &TypeObject,
    name: &str,
    bases: &[Bound<'py, PyAny>],
    ns: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, TypeObject>> {
    crate::class_init::new_class_with_kwargs(py, requested_meta, name, bases, ns, None)
}

/// The steps of class creation up to readying and slot fixup (no user code runs).
pub(crate) fn build_class<'py>(
    py: Python<'py>,
    requested_meta: &TypeObject,
    name: &str,
    bases: &[Bound<'py, PyAny>],
    ns: Option<&Bound<'py, DictObject>>,
) -> PyResult<Bound<'py, TypeObject>> {
    let meta = metaclass::calculate(py, requested_meta, bases)?;
    let object_only: [Bound<'py, PyAny>; 1];
    let bases: &[Bound<'py, PyAny>] = if bases.is_empty() {
        object_only = [Bound::from_ref(py, py.builtins().object()).into_any()];
        &object_only
    } else {
        bases
    };
    let base = best_base(py, bases)?;
    let plan = slots::plan(py, name, ns, &base)?;
    let tp = allocate_type(py, &meta)?;
    set_names(py, &tp, name, ns)?;
    // SAFETY: `bases` are ready types whose layouts best_base found compatible, and
    // `base` (the best base) is one of them; the MRO is computed from them by type_ready.
    unsafe {
        tp.tp_bases.set(py, Some(tuple_new(py, bases)?));
        tp.tp_base.set(py, Some(base.clone()));
    }
    set_namespace(py, &tp, ns)?;
    // An empty namespace has none of the names the namespace rules look at.
    if has_entries(ns)
        && let Some(dict) = tp.tp_dict.get(py)
    {
        crate::class_init::prepare_namespace(py, &dict)?;
    }
    set_instance_layout(&tp, &base, &plan);
    add_slot_members(py, &tp, &base, &plan)?;
    set_instance_slots(&tp);
    type_ready(py, &tp)?;
    install_instance_plan(py, &tp);
    if slot_fixup_can_change_anything(py, &tp, ns) {
        crate::slotdefs::fixup_slot_dispatchers(py, &tp)?;
    }
    Ok(tp)
}

/// Step guard: whether the dunder fixup could change a slot of the new class `tp`.
///
/// The fixup re-resolves only the slots whose dunders appear in the dicts along the
/// MRO other than `object`'s. With an empty namespace and the MRO `(tp, object)`, the
/// only such dict is `tp`'s, which then holds just what class creation put there
/// (`__module__`, `__doc__`, the `__dict__`/`__weakref__` getsets): no table dunder, so
/// the fixup would find nothing and every slot keeps what inheritance from `object`
/// gave it. Skipping the scan of the dict saves its per-key dunder classification.
fn slot_fixup_can_change_anything(
    py: Python<'_>,
    tp: &TypeObject,
    ns: Option<&Bound<'_, DictObject>>,
) -> bool {
    let skip = !has_entries(ns)
        && matches!(crate::mro::mro_of(tp), [first, rest] if std::ptr::eq(first.as_ptr(), tp)
            && std::ptr::eq(rest.as_ptr(), py.builtins().object()));
    if skip {
        debug_assert!(own_dict_has_no_table_dunder(py, tp));
    }
    !skip
}

/// Debug check of the guard above: no key of `tp`'s own dict names a slot-table dunder.
fn own_dict_has_no_table_dunder(py: Python<'_>, tp: &TypeObject) -> bool {
    let Some(dict) = tp.tp_dict.get(py) else {
        return true;
    };
    dict.keys(py).iter().all(|k| {
        k.downcast::<StrObject>()
            .map_or(true, |s| crate::slotdefs::Dunder::from_key(py, s).is_none())
    })
}

/// Whether the class namespace has any entry.
pub(crate) fn has_entries(ns: Option<&Bound<'_, DictObject>>) -> bool {
    ns.is_some_and(|d| !d.is_empty())
}

/// Whether `tp` is a class made by class creation (its instances are destroyed by
/// `subtype_dealloc`, and everything it added to its base's layout is pointer slots).
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     assert!(pyrt_typeobject::class::is_class_created(&a));
///     assert!(!pyrt_typeobject::class::is_class_created(py.builtins().int()));
/// });
/// ```
pub fn is_class_created(tp: &TypeObject) -> bool {
    tp.tp_dealloc
        .get()
        .is_some_and(|d| d as usize == subtype_dealloc as Destructor as usize)
}

/// Step: a zeroed heap type, instance of `meta`, with its inline sub-tables in use.
fn allocate_type<'py>(py: Python<'py>, meta: &TypeObject) -> PyResult<Bound<'py, TypeObject>> {
    let alloc = meta.tp_alloc.get().unwrap_or(generic_alloc);
    let obj = alloc(py, meta, 0)?;
    // SAFETY: instances of metatypes are laid out as TypeObject (basicsize >= its size,
    // zero-filled, which is a valid empty TypeObject).
    let tp = unsafe { obj.downcast_unchecked::<TypeObject>() }.clone();
    tp.use_inline_subtables();
    // SAFETY: the type was just allocated by its metatype (a heap type, a GC object);
    // its instances will be allocated with a GC head by `set_instance_slots`.
    unsafe {
        tp.add_flags(
            TypeFlags::DEFAULT | TypeFlags::HEAPTYPE | TypeFlags::BASETYPE | TypeFlags::HAVE_GC,
        )
    };
    Ok(tp)
}

/// Step: `tp_name` and `__name__` from `name`; `__qualname__` from the namespace (a
/// str) or the name.
fn set_names(
    py: Python<'_>,
    tp: &TypeObject,
    name: &str,
    ns: Option<&Bound<'_, DictObject>>,
) -> PyResult<()> {
    if name.contains('\0') {
        return Err(PyErr::value_error(
            py,
            "type name must not contain null characters",
        ));
    }
    let n = intern(py, name)?;
    tp.tp_name.set(py, Some(n.clone()));
    tp.ht_name.set(py, Some(n.clone()));
    let key = pyrt_core::interned!(py, "__qualname__")?;
    let qual = match ns
        .map(|d| d.get_item(py, key.as_any()))
        .transpose()?
        .flatten()
    {
        Some(q) => q.downcast_into::<StrObject>().map_err(|q| {
            PyErr::type_error(
                py,
                format!("type __qualname__ must be a str, not {}", q.type_name()),
            )
        })?,
        None => n,
    };
    tp.ht_qualname.set(py, Some(qual));
    Ok(())
}

/// Step: the type dict is a copy of the namespace, minus `__qualname__`, with
/// `__module__` defaulting to `"__main__"`.
fn set_namespace(
    py: Python<'_>,
    tp: &TypeObject,
    ns: Option<&Bound<'_, DictObject>>,
) -> PyResult<()> {
    // Room for the namespace plus what readying adds to a plain class (`__module__`,
    // `__dict__`, `__weakref__`, `__doc__`), so the dict never grows on this path.
    let dict = dict_with_capacity(py, ns.map_or(0, |d| d.len()) + NAMESPACE_EXTRA)?;
    let qualname = pyrt_core::interned!(py, "__qualname__")?;
    if let Some(ns) = ns {
        for (k, v) in ns.items(py) {
            if !k.is(&qualname) {
                let k = match k.downcast_into::<StrObject>() {
                    Ok(s) => pyrt_core::builtins::intern_bound(py, s).into_any(),
                    Err(k) => k,
                };
                dict.set_item(py, &k, &v)?;
            }
        }
    }
    let module = pyrt_core::interned!(py, "__module__")?;
    if dict.get_str_raw(py, &module).is_none() {
        let main = pyrt_core::interned!(py, "__main__")?;
        dict.set_item(py, module.as_any(), main.as_any())?;
    }
    tp.tp_dict.set(py, Some(dict));
    Ok(())
}

/// Step: instances get one pointer slot per `__slots__` name, then (as planned) a
/// `__dict__` slot and a `__weakref__` slot, after the base's fields. Variable-size
/// bases (which allow no named slots) keep the dict at the end (negative offset).
fn set_instance_layout(tp: &TypeObject, base: &TypeObject, plan: &slots::SlotsPlan<'_>) {
    let mut size = base.tp_basicsize.get() + WORD * plan.names.len() as isize;
    let itemsize = base.tp_itemsize.get();
    let dictoffset = if plan.add_dict {
        let off = if itemsize != 0 { -WORD } else { size };
        size += WORD;
        off
    } else {
        0
    };
    let weaklistoffset = if plan.add_weakref {
        size += WORD;
        size - WORD
    } else {
        0
    };
    // SAFETY: the class is being created, no instance exists yet; the sizes extend the
    // base's layout by the dict and weakref pointers placed at the offsets computed here.
    unsafe {
        tp.tp_itemsize.set(itemsize);
        tp.tp_dictoffset.set(dictoffset);
        tp.tp_weaklistoffset.set(weaklistoffset);
        tp.tp_basicsize.set(size);
    }
    tp.tp_getset
        .set(instance_getsets(dictoffset != 0, weaklistoffset != 0));
    if itemsize == 0 && (plan.add_dict || base.ht_cached_keys.is_enabled()) {
        // SAFETY: no instance exists yet; the dict slot is one a class added (here or in
        // an enabled base), which only the subtype_* slots, the attribute protocol and
        // `__dict__` read, all through `DictSlot`.
        unsafe { tp.ht_cached_keys.enable() };
    }
}

static DICT_AND_WEAKREF: [GetSetDef; 2] = [DICT_GETSET, WEAKREF_GETSET];
static DICT_ONLY: [GetSetDef; 1] = [DICT_GETSET];
static WEAKREF_ONLY: [GetSetDef; 1] = [WEAKREF_GETSET];

/// The `__dict__` / `__weakref__` attributes for the slots the class added itself
/// (`type_ready` puts them in the class dict).
fn instance_getsets(dict: bool, weakref: bool) -> &'static [GetSetDef] {
    match (dict, weakref) {
        (true, true) => &DICT_AND_WEAKREF,
        (true, false) => &DICT_ONLY,
        (false, true) => &WEAKREF_ONLY,
        (false, false) => &[],
    }
}

/// Step: a member descriptor per `__slots__` name (at the offsets `set_instance_layout`
/// gave them), and `ht_slots`, the tuple of those names.
fn add_slot_members(
    py: Python<'_>,
    tp: &TypeObject,
    base: &TypeObject,
    plan: &slots::SlotsPlan<'_>,
) -> PyResult<()> {
    if !plan.declared {
        return Ok(());
    }
    let Some(dict) = tp.tp_dict.get(py) else {
        return Ok(());
    };
    let first = base.tp_basicsize.get();
    for (i, name) in plan.names.iter().enumerate() {
        let offset = first + WORD * i as isize;
        // SAFETY: `set_instance_layout` reserved a pointer slot at this offset in every
        // instance of `tp` (zero-filled at allocation, released by subtype_dealloc).
        let d = unsafe {
            crate::descr::member_descr_raw(
                py,
                tp,
                name.clone(),
                pyrt_core::types::MemberKind::ObjectEx,
                offset,
                false,
            )?
        };
        dict.set_item(py, name.as_any(), &d)?;
    }
    let names: Vec<Bound<'_, PyAny>> = plan.names.iter().map(|n| n.clone().into_any()).collect();
    tp.ht_slots.set(py, Some(tuple_new(py, &names)?));
    Ok(())
}

/// Step: instances are allocated generically, collected, and destroyed by the
/// `subtype_*` slots, which handle the class's own fields then defer to the base.
fn set_instance_slots(tp: &TypeObject) {
    // SAFETY: no instance exists yet; instances are allocated generically with a GC head
    // (the class has HAVE_GC), freed with gc_free, and destroyed/traversed by the
    // subtype_* functions, which handle exactly the class's own fields (the dict slot)
    // and defer to the base's functions for the rest.
    unsafe {
        tp.tp_alloc.set(Some(generic_alloc));
        tp.tp_free.set(Some(gc_free));
        tp.tp_dealloc.set(Some(subtype_dealloc));
        tp.tp_traverse.set(Some(subtype_traverse));
    }
    tp.tp_clear.set(Some(subtype_clear));
}

/// Step: the instance plan (`pyrt_core::gc::InstancePlan`): the named slots and the
/// base functions [`subtype_traverse`], [`subtype_clear`] and [`subtype_dealloc`] would
/// find by walking the chain, so they (and the collector) need not walk it per call.
/// Also run after `__bases__` assignment (`type_mutation/bases.rs`, over `subclass_walk`). A class whose
/// named slots span too many words gets no plan and keeps the walks.
pub(crate) fn install_instance_plan(py: Python<'_>, tp: &TypeObject) {
    tp.ht_gc_plan.remove();
    if !is_class_created(tp) {
        return;
    }
    let mut named: smallvec::SmallVec<[isize; 8]> = smallvec::SmallVec::new();
    for_each_named_offset(tp, |o| named.push(o));
    let object_dealloc = py.builtins().object().tp_dealloc.get().map(|f| f as usize);
    let base_dealloc = nearest_other(
        tp,
        |t| t.tp_dealloc.get(),
        subtype_dealloc as Destructor as usize,
        |f| f as usize,
    )
    // `object`'s dealloc is `tp_free`, which is what "no base dealloc" does.
    .filter(|d| Some(*d as usize) != object_dealloc);
    let parts = pyrt_core::gc::PlanParts {
        named_slots: &named,
        base_traverse: nearest_other(
            tp,
            |t| t.tp_traverse.get(),
            subtype_traverse as TraverseProc as usize,
            |f| f as usize,
        ),
        base_clear: nearest_other(
            tp,
            |t| t.tp_clear.get(),
            subtype_clear as ObjProc as usize,
            |f| f as usize,
        ),
        base_dealloc,
    };
    // SAFETY: `tp` is a class (its dealloc is subtype_dealloc): its instances' named
    // slots are exactly the words `for_each_named_offset` yields (pointer slots holding
    // owned references or null), and the base functions are what the subtype_* slots'
    // walks find now; `__bases__` assignment recomputes them (`type_mutation/bases.rs`).
    unsafe { tp.ht_gc_plan.install(subtype_traverse, &parts) };
}

/// Calls `f` with the offset of each named `__slots__` cell of `tp`'s instances: every
/// pointer slot the classes between `tp` and its nearest non-class base added, except
/// the `__dict__` and `__weakref__` slots. (Variable-size instances have none.)
fn for_each_named_offset(tp: &TypeObject, mut f: impl FnMut(isize)) {
    if tp.tp_itemsize.get() != 0 {
        return;
    }
    let mut native = tp;
    while is_class_created(native)
        && let Some(b) = native.base()
    {
        native = b;
    }
    let (dict, weak) = (tp.tp_dictoffset.get(), tp.tp_weaklistoffset.get());
    let (mut o, end) = (native.tp_basicsize.get(), tp.tp_basicsize.get());
    while o < end {
        if o != dict && o != weak {
            f(o);
        }
        o += WORD;
    }
}

/// The nearest base of `tp` whose slot (read by `get`) differs from `own`.
fn nearest_other<T: Copy>(
    tp: &TypeObject,
    get: impl Fn(&TypeObject) -> Option<T>,
    own: usize,
    addr: impl Fn(T) -> usize,
) -> Option<T> {
    let mut b = tp.base();
    while let Some(cur) = b {
        match get(cur) {
            Some(f) if addr(f) != own => return Some(f),
            Some(_) => b = cur.base(),
            None => return None,
        }
    }
    None
}

/// Calls `f` with each named `__slots__` cell of a class instance: every pointer slot
/// the classes between the instance's type and its nearest non-class base added,
/// except the `__dict__` and `__weakref__` slots. (Variable-size instances have none.)
/// The general path, for classes without an instance plan.
#[inline]
fn for_each_named_slot<'a>(
    obj: &'a PyAny,
    mut f: impl FnMut(&'a pyrt_core::types::ObjCell<PyAny>),
) {
    for_each_named_offset(obj.ob_type(), |o| {
        // SAFETY: class creation lays out everything a class adds to a fixed-size
        // base as pointer slots holding owned references or null (named slots, dict,
        // weakref list), and `tp_dealloc == subtype_dealloc` marks exactly such
        // classes; the dict and weakref slots are not yielded.
        f(unsafe { pyrt_core::object::pointer_slot(obj, o) })
    });
}

/// Releases the named slots' and the dict's references one at a time, each slot
/// emptied before its referent is released (CPython's `Py_CLEAR` discipline), so the
/// object stays consistent whatever that release runs.
fn clear_class_fields(py: Python<'_>, obj: &PyAny) {
    for_each_named_slot(obj, |c| drop(c.take(py)));
    if let Some(slot) = pyrt_core::object::dict_slot(obj) {
        drop(slot.take(py));
    }
}

/// `tp_dealloc` of class instances: releases the named slots and the `__dict__`, then
/// the nearest base's own `tp_dealloc` destroys the base payload and frees.
///
/// # Safety
/// `obj` is an instance of a class created by [`new_class_with_meta`], refcount zero.
pub(crate) unsafe fn subtype_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    // SAFETY: the object is still allocated.
    let o = unsafe { obj.as_ref() };
    if let Some(planned) = InstancePlan::of(o) {
        planned.clear_fields(py);
        // SAFETY: refcount zero, fields released; `obj` is not used afterwards.
        return unsafe { planned.dealloc_base(py) };
    }
    let tp = o.ob_type();
    clear_class_fields(py, o);
    let base_dealloc = nearest_other(
        tp,
        |t| t.tp_dealloc.get(),
        subtype_dealloc as Destructor as usize,
        |f| f as usize,
    );
    match base_dealloc {
        // SAFETY: the base's dealloc handles the base payload and ends in tp_free.
        Some(d) => unsafe { d(py, obj) },
        // SAFETY: no base payload to destroy; free the block.
        None => unsafe { gc_free(py, obj) },
    }
}

/// `tp_traverse` of class instances: the named slots, the `__dict__`, the (heap) type,
/// then the base's.
///
/// Classes with an instance plan (nearly all) follow it; the collector's model runs
/// the same plan inline without calling this function. Others walk the chain.
pub(crate) fn subtype_traverse(obj: &PyAny, visit: &mut dyn FnMut(NonNull<PyAny>)) {
    if let Some(planned) = InstancePlan::of(obj) {
        return planned.traverse(&mut |p| visit(p));
    }
    let tp = obj.ob_type();
    for_each_named_slot(obj, |c| {
        if let Some(p) = c.as_ptr() {
            visit(p);
        }
    });
    if let Some(slot) = pyrt_core::object::dict_slot(obj) {
        slot.visit(visit);
    }
    if tp.has_flag(TypeFlags::HEAPTYPE) {
        visit(tp.as_ptr());
    }
    let base = nearest_other(
        tp,
        |t| t.tp_traverse.get(),
        subtype_traverse as TraverseProc as usize,
        |f| f as usize,
    );
    if let Some(f) = base {
        f(obj, visit);
    }
}

/// `tp_clear` of class instances: drops the named slots and the `__dict__`, then the
/// base's clear.
///
/// The base's clear is the one of the type the object has after its fields were
/// released (releasing one may run code, which may assign `__class__`).
pub(crate) fn subtype_clear(py: Python<'_>, obj: &Bound<'_, PyAny>) {
    match InstancePlan::of(obj.as_any_ref()) {
        Some(planned) => planned.clear_fields(py),
        None => clear_class_fields(py, obj.as_any_ref()),
    }
    let base = match InstancePlan::of(obj.as_any_ref()) {
        Some(planned) => planned.base_clear(),
        None => nearest_other(
            obj.ob_type(),
            |t| t.tp_clear.get(),
            subtype_clear as ObjProc as usize,
            |f| f as usize,
        ),
    };
    if let Some(f) = base {
        f(py, obj);
    }
}
