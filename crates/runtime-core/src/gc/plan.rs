//! A class's *instance plan*: what the class-instance slots (`subtype_traverse`,
//! `subtype_clear`, `subtype_dealloc` in `pyrt-typeobject`) would find by walking the
//! class chain on every call — which words of an instance are named `__slots__`
//! cells, and which base functions come after the class's own fields — computed once
//! when the class is created (and again when its `__bases__` change), and stored on
//! the type ([`TypeObject::ht_gc_plan`]).
//!
//! The collector's model runs a planned traversal inline, with its visitor statically
//! known, instead of calling `tp_traverse`; the class slots use the plan instead of
//! their walks. A type without a plan (every type not made by class creation, and
//! classes whose named slots span more than [`InstancePlan::MAX_SLOT_WORDS`] words)
//! keeps the slots' general path.
//!
//! Owns the plan's representation and the planned walks. Must not decide what a plan
//! holds (class creation computes it) nor touch anything outside the instance's own
//! pointer slots and dict slot.

use crate::handle::Bound;
use crate::object::{PyAny, dict_slot, pointer_slot};
use crate::runtime::Python;
use crate::types::{Destructor, ObjCell, ObjProc, TraverseProc, TypeFlags, TypeObject};
use std::cell::Cell;
use std::ptr::NonNull;

const WORD: isize = std::mem::size_of::<usize>() as isize;

/// The instance plan of a type (see the module doc). Zero-filled, it is "no plan".
///
/// Invariant (upheld by [`InstancePlan::install`]'s contract): when `traverse` is set,
/// every word the mask names is, in every instance of the type that owns the plan, a
/// pointer slot holding an owned reference or null, and the base functions are the
/// ones the class slots would find by walking the chain.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     // Builtin types have no plan; class creation installs one.
///     let one = pyrt_core::builtins::int_new(py, 1).unwrap();
///     assert!(pyrt_core::gc::InstancePlan::of(one.as_any_ref()).is_none());
/// });
/// ```
#[repr(C)]
#[derive(Default)]
pub struct InstancePlan {
    /// The `tp_traverse` the plan stands for; `None`: no plan.
    traverse: Cell<Option<TraverseProc>>,
    /// What comes after the class's fields in a traversal (`None`: nothing).
    base_traverse: Cell<Option<TraverseProc>>,
    /// What comes after the class's fields in a clear (`None`: nothing).
    base_clear: Cell<Option<ObjProc>>,
    /// What destroys the base payload and frees (`None`: just free the block).
    base_dealloc: Cell<Option<Destructor>>,
    /// Bit `i` set: the word at `slots_first + 8 * i` is a named slot.
    slots_mask: Cell<u64>,
    /// Byte offset of the word bit 0 stands for.
    slots_first: Cell<isize>,
}

/// What a plan is made of, for [`InstancePlan::install`].
///
/// ```
/// let parts = pyrt_core::gc::PlanParts {
///     named_slots: &[], base_traverse: None, base_clear: None, base_dealloc: None,
/// };
/// assert!(parts.named_slots.is_empty());
/// ```
pub struct PlanParts<'a> {
    /// Byte offsets of the named `__slots__` cells, in increasing order.
    pub named_slots: &'a [isize],
    /// The traversal after the class's fields.
    pub base_traverse: Option<TraverseProc>,
    /// The clear after the class's fields.
    pub base_clear: Option<ObjProc>,
    /// The deallocation after the class's fields (`None`: free the block with the
    /// type's `tp_free`).
    pub base_dealloc: Option<Destructor>,
}

/// Finding an object's plan, and installing or removing a type's plan.
///
/// ```
/// let plan = pyrt_core::gc::InstancePlan::default(); // zero: no plan
/// assert!(!plan.is_set());
/// plan.remove(); // removing no plan is harmless
/// assert!(!plan.is_set());
/// ```
impl InstancePlan {
    /// How many words the named slots may span (first to last) for a plan to exist.
    ///
    /// ```
    /// assert_eq!(pyrt_core::gc::InstancePlan::MAX_SLOT_WORDS, 64);
    /// ```
    pub const MAX_SLOT_WORDS: usize = 64;

    /// The plan of `obj`'s type, if it has one.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
    ///     assert!(pyrt_core::gc::InstancePlan::of(l.as_any()).is_none());
    /// });
    /// ```
    #[inline(always)]
    pub fn of(obj: &PyAny) -> Option<Planned<'_>> {
        let plan = &obj.ob_type().ht_gc_plan;
        plan.traverse
            .get()
            .is_some()
            .then_some(Planned { obj, plan })
    }

    /// Whether the type has a plan.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert!(!py.builtins().object().ht_gc_plan.is_set());
    /// });
    /// ```
    pub fn is_set(&self) -> bool {
        self.traverse.get().is_some()
    }

    /// Whether the plan stands for `traverse` (the type's current `tp_traverse`).
    #[inline(always)]
    pub(crate) fn stands_for(&self, traverse: TraverseProc) -> bool {
        self.traverse
            .get()
            .is_some_and(|f| f as usize == traverse as usize)
    }

    /// Installs a plan standing for `traverse`; returns `false` (and leaves no plan)
    /// when the named slots span more than [`Self::MAX_SLOT_WORDS`] words.
    ///
    /// ```
    /// let plan = pyrt_core::gc::InstancePlan::default();
    /// fn trav(_: &pyrt_core::PyAny, _: &mut dyn FnMut(std::ptr::NonNull<pyrt_core::PyAny>)) {}
    /// let parts = pyrt_core::gc::PlanParts {
    ///     named_slots: &[16, 24], base_traverse: None, base_clear: None, base_dealloc: None,
    /// };
    /// // SAFETY: the plan belongs to no type, so no instance is ever walked with it.
    /// assert!(unsafe { plan.install(trav, &parts) });
    /// assert!(plan.is_set());
    /// ```
    ///
    /// # Safety
    /// `self` is the plan of a type `T` whose `tp_traverse`, `tp_clear` and
    /// `tp_dealloc`, for instances of `T`, visit / release exactly the named slots at
    /// `parts.named_slots` (pointer slots holding an owned reference or null), then the
    /// dict slot, then the type (a heap type), then defer to the `parts` base functions.
    pub unsafe fn install(&self, traverse: TraverseProc, parts: &PlanParts<'_>) -> bool {
        self.traverse.set(None);
        let first = parts.named_slots.first().copied().unwrap_or(0);
        let mut mask = 0u64;
        for &o in parts.named_slots {
            let word = (o - first) / WORD;
            if o < first || (o - first) % WORD != 0 || word as usize >= Self::MAX_SLOT_WORDS {
                return false;
            }
            mask |= 1 << word;
        }
        self.slots_first.set(first);
        self.slots_mask.set(mask);
        self.base_traverse.set(parts.base_traverse);
        self.base_clear.set(parts.base_clear);
        self.base_dealloc.set(parts.base_dealloc);
        self.traverse.set(Some(traverse));
        true
    }

    /// Removes the plan (the class slots take their general path).
    ///
    /// ```
    /// let plan = pyrt_core::gc::InstancePlan::default();
    /// plan.remove();
    /// assert!(!plan.is_set());
    /// ```
    pub fn remove(&self) {
        self.traverse.set(None);
    }
}

/// An object together with its type's plan (from [`InstancePlan::of`]).
///
/// ```
/// # use pyrt_core::{Bound, PyAny, Python, TypeObject, builtins::{dict_new, str_new}};
/// # use pyrt_core::gc::{InstancePlan, PlanParts};
/// # use pyrt_core::object::{dict_slot, generic_alloc, plain_free, pointer_slot};
/// # use std::{cell::Cell, ptr::NonNull};
/// # thread_local! { static BASE_CLEARS: Cell<u32> = const { Cell::new(0) }; }
/// # fn trav(_: &PyAny, _: &mut dyn FnMut(NonNull<PyAny>)) {}
/// # fn base_clear(_: Python<'_>, _: &Bound<'_>) { BASE_CLEARS.with(|c| c.set(c.get() + 1)) }
/// # pyrt_core::with_test_runtime(|py| {
/// # // A scratch class: header, one `__slots__` cell at +16, a `__dict__` slot at +24.
/// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size, offset, free and
/// # // plan describe the instance below (nothing else walks it).
/// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
/// # unsafe { tp.tp_basicsize.set(32); tp.tp_dictoffset.set(24) };
/// # unsafe { tp.tp_free.set(Some(plain_free)) };
/// # let parts = PlanParts {
/// #     named_slots: &[16],
/// #     base_traverse: None,
/// #     base_clear: Some(base_clear),
/// #     base_dealloc: None,
/// # };
/// # assert!(unsafe { tp.ht_gc_plan.install(trav, &parts) });
/// # let live = py.live_objects();
/// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
/// # // SAFETY: `obj` stays live until the teardown below.
/// # let o: &PyAny = unsafe { obj.as_ref() };
/// # { // the example's own handles are dropped before the teardown
/// // `o`: an instance of a class with a plan: one `__slots__` cell (+16) and a `__dict__`.
/// let planned = InstancePlan::of(o).unwrap(); // `o`'s type has a plan
/// let s = str_new(py, "x").unwrap().into_any();
/// // SAFETY: +16 is the plan's named slot, a pointer slot of every instance.
/// unsafe { pointer_slot(o, 16) }.set(py, Some(s.clone()));
/// let mut seen = Vec::new();
/// planned.traverse(&mut |p| seen.push(p));
/// assert_eq!(seen, [s.as_ptr()]);
/// # }
/// # let planned = InstancePlan::of(o).unwrap();
/// # planned.clear_fields(py);
/// # // SAFETY: ours is the only reference; the fields were released; `o` is not used again.
/// # unsafe { o.ob_base.ob_refcnt.set(0); planned.dealloc_base(py) };
/// # assert_eq!(py.live_objects(), live); // nothing left behind
/// # });
/// ```
#[derive(Clone, Copy)]
pub struct Planned<'a> {
    obj: &'a PyAny,
    plan: &'a InstancePlan,
}

/// The planned walks over one instance: traversal, clearing, and the base's share of
/// clearing and deallocation.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     // Only class-created types have plans: a dict has none to walk.
///     let d = pyrt_core::builtins::dict_new(py).unwrap();
///     assert!(pyrt_core::gc::InstancePlan::of(d.as_any_ref()).is_none());
/// });
/// ```
impl<'a> Planned<'a> {
    /// Calls `f` with each named slot cell, in offset order.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let l = pyrt_core::builtins::list_new(py, &[]).unwrap();
    ///     assert!(pyrt_core::gc::InstancePlan::of(l.as_any()).is_none());
    /// });
    /// ```
    #[inline(always)]
    pub fn for_each_slot(self, mut f: impl FnMut(&'a ObjCell<PyAny>)) {
        let mut mask = self.plan.slots_mask.get();
        let first = self.plan.slots_first.get();
        while mask != 0 {
            let word = mask.trailing_zeros() as isize;
            mask &= mask - 1;
            // SAFETY: plan invariant: in every instance of the plan's type (`obj`'s
            // type, whose plan this is), the word is a pointer slot holding an owned
            // reference or null.
            f(unsafe { pointer_slot(self.obj, first + word * WORD) });
        }
    }

    /// The traversal the plan stands for: the named slots, the dict slot (dict or
    /// values), the type if it is a heap type, then the base's traversal.
    ///
    /// ```
    /// # use pyrt_core::{Bound, PyAny, Python, TypeObject, builtins::{dict_new, str_new}};
    /// # use pyrt_core::gc::{InstancePlan, PlanParts};
    /// # use pyrt_core::object::{dict_slot, generic_alloc, plain_free, pointer_slot};
    /// # use std::{cell::Cell, ptr::NonNull};
    /// # thread_local! { static BASE_CLEARS: Cell<u32> = const { Cell::new(0) }; }
    /// # fn trav(_: &PyAny, _: &mut dyn FnMut(NonNull<PyAny>)) {}
    /// # fn base_clear(_: Python<'_>, _: &Bound<'_>) { BASE_CLEARS.with(|c| c.set(c.get() + 1)) }
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header, one `__slots__` cell at +16, a `__dict__` slot at +24.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size, offset, free and
    /// # // plan describe the instance below (nothing else walks it).
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(32); tp.tp_dictoffset.set(24) };
    /// # unsafe { tp.tp_free.set(Some(plain_free)) };
    /// # let parts = PlanParts {
    /// #     named_slots: &[16],
    /// #     base_traverse: None,
    /// #     base_clear: Some(base_clear),
    /// #     base_dealloc: None,
    /// # };
    /// # assert!(unsafe { tp.ht_gc_plan.install(trav, &parts) });
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of a class with a plan: one `__slots__` cell (+16) and a `__dict__`.
    /// let planned = InstancePlan::of(o).unwrap();
    /// let (s, d) = (str_new(py, "x").unwrap().into_any(), dict_new(py).unwrap());
    /// // SAFETY: +16 is the plan's named slot, a pointer slot of every instance.
    /// unsafe { pointer_slot(o, 16) }.set(py, Some(s.clone()));
    /// dict_slot(o).unwrap().set_dict(py, Some(d.clone()));
    /// let mut seen = Vec::new();
    /// planned.traverse(&mut |p| seen.push(p));
    /// assert_eq!(seen, [s.as_ptr(), d.as_ptr()]); // the named slots, then the dict
    /// # }
    /// # let planned = InstancePlan::of(o).unwrap();
    /// # planned.clear_fields(py);
    /// # // SAFETY: ours is the only reference; the fields were released; `o` is not used again.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); planned.dealloc_base(py) };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    #[inline(always)]
    pub fn traverse<V: FnMut(NonNull<PyAny>)>(self, visit: &mut V) {
        self.for_each_slot(|c| {
            if let Some(p) = c.as_ptr() {
                visit(p);
            }
        });
        if let Some(slot) = dict_slot(self.obj) {
            slot.visit(visit);
        }
        let tp = self.obj.ob_type();
        if tp.has_flag(TypeFlags::HEAPTYPE) {
            visit(tp.as_ptr());
        }
        if let Some(f) = self.plan.base_traverse.get() {
            f(self.obj, visit);
        }
    }

    /// The clear after the class's fields.
    ///
    /// ```
    /// # use pyrt_core::{Bound, PyAny, Python, TypeObject, builtins::{dict_new, str_new}};
    /// # use pyrt_core::gc::{InstancePlan, PlanParts};
    /// # use pyrt_core::object::{dict_slot, generic_alloc, plain_free, pointer_slot};
    /// # use std::{cell::Cell, ptr::NonNull};
    /// # thread_local! { static BASE_CLEARS: Cell<u32> = const { Cell::new(0) }; }
    /// # fn trav(_: &PyAny, _: &mut dyn FnMut(NonNull<PyAny>)) {}
    /// # fn base_clear(_: Python<'_>, _: &Bound<'_>) { BASE_CLEARS.with(|c| c.set(c.get() + 1)) }
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header, one `__slots__` cell at +16, a `__dict__` slot at +24.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size, offset, free and
    /// # // plan describe the instance below (nothing else walks it).
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(32); tp.tp_dictoffset.set(24) };
    /// # unsafe { tp.tp_free.set(Some(plain_free)) };
    /// # let parts = PlanParts {
    /// #     named_slots: &[16],
    /// #     base_traverse: None,
    /// #     base_clear: Some(base_clear),
    /// #     base_dealloc: None,
    /// # };
    /// # assert!(unsafe { tp.ht_gc_plan.install(trav, &parts) });
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of a class with a plan: one `__slots__` cell (+16) and a `__dict__`.
    /// let planned = InstancePlan::of(o).unwrap();
    /// assert!(planned.base_clear().is_some()); // this class's base has a clear
    /// # }
    /// # let planned = InstancePlan::of(o).unwrap();
    /// # planned.clear_fields(py);
    /// # // SAFETY: ours is the only reference; the fields were released; `o` is not used again.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); planned.dealloc_base(py) };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    #[inline(always)]
    pub fn base_clear(self) -> Option<ObjProc> {
        self.plan.base_clear.get()
    }

    /// Releases the named slots, then the dict slot, one at a time, each emptied
    /// before its referent is released (CPython's `Py_CLEAR`).
    ///
    /// ```
    /// # use pyrt_core::{Bound, PyAny, Python, TypeObject, builtins::{dict_new, str_new}};
    /// # use pyrt_core::gc::{InstancePlan, PlanParts};
    /// # use pyrt_core::object::{dict_slot, generic_alloc, plain_free, pointer_slot};
    /// # use std::{cell::Cell, ptr::NonNull};
    /// # thread_local! { static BASE_CLEARS: Cell<u32> = const { Cell::new(0) }; }
    /// # fn trav(_: &PyAny, _: &mut dyn FnMut(NonNull<PyAny>)) {}
    /// # fn base_clear(_: Python<'_>, _: &Bound<'_>) { BASE_CLEARS.with(|c| c.set(c.get() + 1)) }
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header, one `__slots__` cell at +16, a `__dict__` slot at +24.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size, offset, free and
    /// # // plan describe the instance below (nothing else walks it).
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(32); tp.tp_dictoffset.set(24) };
    /// # unsafe { tp.tp_free.set(Some(plain_free)) };
    /// # let parts = PlanParts {
    /// #     named_slots: &[16],
    /// #     base_traverse: None,
    /// #     base_clear: Some(base_clear),
    /// #     base_dealloc: None,
    /// # };
    /// # assert!(unsafe { tp.ht_gc_plan.install(trav, &parts) });
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of a class with a plan: one `__slots__` cell (+16) and a `__dict__`.
    /// let planned = InstancePlan::of(o).unwrap();
    /// let (s, d) = (str_new(py, "x").unwrap().into_any(), dict_new(py).unwrap());
    /// // SAFETY: +16 is the plan's named slot, a pointer slot of every instance.
    /// unsafe { pointer_slot(o, 16) }.set(py, Some(s.clone()));
    /// dict_slot(o).unwrap().set_dict(py, Some(d.clone()));
    /// planned.clear_fields(py);
    /// assert_eq!((s.refcnt(), d.refcnt()), (1, 1)); // both released
    /// assert!(dict_slot(o).unwrap().is_empty());
    /// # }
    /// # let planned = InstancePlan::of(o).unwrap();
    /// # planned.clear_fields(py);
    /// # // SAFETY: ours is the only reference; the fields were released; `o` is not used again.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); planned.dealloc_base(py) };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    #[inline(always)]
    pub fn clear_fields(self, py: Python<'_>) {
        self.for_each_slot(|c| drop(c.take(py)));
        if let Some(slot) = dict_slot(self.obj) {
            drop(slot.take(py));
        }
    }

    /// Calls the base's clear, if any, on `obj` (this plan's object).
    ///
    /// ```
    /// # use pyrt_core::{Bound, PyAny, Python, TypeObject, builtins::{dict_new, str_new}};
    /// # use pyrt_core::gc::{InstancePlan, PlanParts};
    /// # use pyrt_core::object::{dict_slot, generic_alloc, plain_free, pointer_slot};
    /// # use std::{cell::Cell, ptr::NonNull};
    /// # thread_local! { static BASE_CLEARS: Cell<u32> = const { Cell::new(0) }; }
    /// # fn trav(_: &PyAny, _: &mut dyn FnMut(NonNull<PyAny>)) {}
    /// # fn base_clear(_: Python<'_>, _: &Bound<'_>) { BASE_CLEARS.with(|c| c.set(c.get() + 1)) }
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header, one `__slots__` cell at +16, a `__dict__` slot at +24.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size, offset, free and
    /// # // plan describe the instance below (nothing else walks it).
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(32); tp.tp_dictoffset.set(24) };
    /// # unsafe { tp.tp_free.set(Some(plain_free)) };
    /// # let parts = PlanParts {
    /// #     named_slots: &[16],
    /// #     base_traverse: None,
    /// #     base_clear: Some(base_clear),
    /// #     base_dealloc: None,
    /// # };
    /// # assert!(unsafe { tp.ht_gc_plan.install(trav, &parts) });
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of a class with a plan: one `__slots__` cell (+16) and a `__dict__`.
    /// let planned = InstancePlan::of(o).unwrap();
    /// // SAFETY: `o` is live; the handle takes its own reference.
    /// let handle = unsafe { Bound::from_borrowed_ptr(py, NonNull::from(o)) };
    /// planned.clear_base(py, &handle);
    /// assert_eq!(BASE_CLEARS.with(Cell::get), 1); // the plan's base clear ran once
    /// # }
    /// # let planned = InstancePlan::of(o).unwrap();
    /// # planned.clear_fields(py);
    /// # // SAFETY: ours is the only reference; the fields were released; `o` is not used again.
    /// # unsafe { o.ob_base.ob_refcnt.set(0); planned.dealloc_base(py) };
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    #[inline(always)]
    pub fn clear_base(self, py: Python<'_>, obj: &Bound<'_, PyAny>) {
        debug_assert!(std::ptr::eq(obj.as_any_ref(), self.obj));
        if let Some(f) = self.plan.base_clear.get() {
            f(py, obj);
        }
    }

    /// Destroys the base payload and frees the block: the base's deallocation, or
    /// the type's `tp_free` when there is none.
    ///
    /// ```
    /// # use pyrt_core::{Bound, PyAny, Python, TypeObject, builtins::{dict_new, str_new}};
    /// # use pyrt_core::gc::{InstancePlan, PlanParts};
    /// # use pyrt_core::object::{dict_slot, generic_alloc, plain_free, pointer_slot};
    /// # use std::{cell::Cell, ptr::NonNull};
    /// # thread_local! { static BASE_CLEARS: Cell<u32> = const { Cell::new(0) }; }
    /// # fn trav(_: &PyAny, _: &mut dyn FnMut(NonNull<PyAny>)) {}
    /// # fn base_clear(_: Python<'_>, _: &Bound<'_>) { BASE_CLEARS.with(|c| c.set(c.get() + 1)) }
    /// # pyrt_core::with_test_runtime(|py| {
    /// # // A scratch class: header, one `__slots__` cell at +16, a `__dict__` slot at +24.
    /// # // SAFETY: all-zero bytes are a valid (empty) TypeObject; the size, offset, free and
    /// # // plan describe the instance below (nothing else walks it).
    /// # let tp: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// # unsafe { tp.tp_basicsize.set(32); tp.tp_dictoffset.set(24) };
    /// # unsafe { tp.tp_free.set(Some(plain_free)) };
    /// # let parts = PlanParts {
    /// #     named_slots: &[16],
    /// #     base_traverse: None,
    /// #     base_clear: Some(base_clear),
    /// #     base_dealloc: None,
    /// # };
    /// # assert!(unsafe { tp.ht_gc_plan.install(trav, &parts) });
    /// # let live = py.live_objects();
    /// # let obj = generic_alloc(py, &tp, 0).unwrap().into_non_null();
    /// # // SAFETY: `obj` stays live until the teardown below.
    /// # let o: &PyAny = unsafe { obj.as_ref() };
    /// # { // the example's own handles are dropped before the teardown
    /// // `o`: an instance of a class with a plan: one `__slots__` cell (+16) and a `__dict__`.
    /// let planned = InstancePlan::of(o).unwrap();
    /// planned.clear_fields(py); // the class's own fields first
    /// // SAFETY: ours is the only reference (given up here), the fields are released, and
    /// // `o` is not used afterwards.
    /// unsafe {
    ///     o.ob_base.ob_refcnt.set(0);
    ///     planned.dealloc_base(py); // no base deallocation: the type's `tp_free`
    /// }
    /// # }
    /// # assert_eq!(py.live_objects(), live); // nothing left behind
    /// # });
    /// ```
    ///
    /// # Safety
    /// The object's refcount is zero, its class fields were released, and it is not
    /// used afterwards.
    #[inline(always)]
    pub unsafe fn dealloc_base(self, py: Python<'_>) {
        let obj = NonNull::from(self.obj);
        match self.plan.base_dealloc.get() {
            // SAFETY: the base's dealloc handles the base payload and ends in tp_free.
            Some(d) => unsafe { d(py, obj) },
            // SAFETY: forwarded from the caller.
            None => unsafe { free_block(py, self.obj.ob_type(), obj) },
        }
    }
}

/// Frees a class instance's block with its type's `tp_free` (`gc_free` when unset:
/// class instances are collectable), as `object`'s deallocation would.
///
/// # Safety
/// `obj` is an instance of `tp` with refcount zero, not used afterwards.
#[inline(always)]
unsafe fn free_block(py: Python<'_>, tp: &TypeObject, obj: NonNull<PyAny>) {
    match tp.tp_free.get() {
        // SAFETY: the type's free matches how its instances were allocated.
        Some(free) => unsafe { free(py, obj) },
        // SAFETY: class instances carry a GC head.
        None => unsafe { crate::object::gc_free(py, obj) },
    }
}
