//! The payload layouts of the descriptor and callable types: native functions
//! (`builtin_function_or_method`), method / classmethod descriptors, member and getset
//! descriptors, bound methods (`method`), `classmethod` / `staticmethod`, `property` and
//! `mappingproxy`; and their layout half (dealloc, traverse, clear), including the
//! allocation and deallocation of native functions and bound methods through their
//! free lists (`native_function_alloc`, `bound_method_alloc`, the in-place
//! constructors `native_function_new` / `bound_method_new`, and `free_list_death`, the
//! deallocation driver's lean path for both types).
//!
//! Owns the data representation and the ownership of the fields. Must not define any
//! Python-visible behaviour (binding, calling, repr, messages): that is
//! `pyrt-typeobject`'s `descr` module.

use crate::builtins::StrObject;
use crate::err::PyResult;
use crate::handle::Bound;
use crate::object::{FreeList, ObjectHeader, PyAny, PyLayout, RawCell, gc_free, generic_alloc};
use crate::runtime::Python;
use crate::runtime::{BuiltinTypes, RuntimeState};
use crate::types::{FreeFunc, GetSetDef, MethodDef, ObjCell, TypeObject};
use crate::weakref::WeakListHead;
use std::cell::Cell;
use std::ptr::NonNull;

/// Views a typed cell as an untyped one (for traversal and release).
fn any_cell<T: PyLayout>(c: &ObjCell<T>) -> &ObjCell<PyAny> {
    // SAFETY: ObjCell<T> is repr(transparent) over the same pointer for every T, and
    // releasing or visiting a reference does not depend on T.
    unsafe { &*(c as *const ObjCell<T> as *const ObjCell<PyAny>) }
}

/// Whether `obj`'s type is (a subtype of) one of the builtin types named by `pick`:
/// the types whose instances are laid out as a given payload.
fn instance_of_any(obj: &PyAny, pick: fn(&BuiltinTypes) -> [&TypeObject; 2]) -> bool {
    // The state exists whenever an object does (objects are made under a token).
    let Some(st) = crate::runtime::state_if_created() else {
        return false;
    };
    let tp = obj.ob_type();
    pick(&st.builtins).iter().any(|t| tp.is_subtype(t))
}

/// The `N` object fields of a payload, for the shared dealloc/traverse/clear below: a
/// fixed array, so none of them allocates.
pub(crate) trait OwnedFields<const N: usize> {
    fn fields(&self) -> [&ObjCell<PyAny>; N];
}

/// The payloads of the free-list types, which carry their own weak reference list.
pub(crate) trait WeakListed {
    /// `tp_weaklistoffset` of the types laid out as this payload.
    const WEAKLIST_OFFSET: isize;
    fn weakreflist(&self) -> &WeakListHead;
}

/// Moves every field's reference out of `o` (the cells are left empty), in field order.
#[inline]
fn take_fields<'py, T: OwnedFields<N>, const N: usize>(
    py: Python<'py>,
    o: &T,
) -> [Option<Bound<'py, PyAny>>; N] {
    o.fields().map(|c| c.take(py))
}

/// `tp_traverse` of a payload `T`.
pub(crate) fn traverse_fields<T: OwnedFields<N>, const N: usize>(
    obj: &PyAny,
    visit: &mut dyn FnMut(NonNull<PyAny>),
) {
    // SAFETY: installed only on types laid out as T.
    let o = unsafe { &*(obj as *const PyAny as *const T) };
    o.fields().iter().filter_map(|c| c.as_ptr()).for_each(visit);
}

/// `tp_clear` of a payload `T`: every field is moved out first, released after (each
/// release may run arbitrary code).
pub(crate) fn clear_fields<T: OwnedFields<N>, const N: usize>(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
) {
    // SAFETY: installed only on types laid out as T.
    let o = unsafe { &*(obj.as_ptr().as_ptr() as *const T) };
    drop(take_fields(py, o));
}

/// `tp_dealloc` of a payload `T`.
///
/// # Safety
/// `obj` is laid out as `T` and has refcount zero.
pub(crate) unsafe fn dealloc_fields<T: OwnedFields<N>, const N: usize>(
    py: Python<'_>,
    obj: NonNull<PyAny>,
) {
    // SAFETY: caller contract: the object is still allocated and laid out as T.
    let o = unsafe { &*(obj.as_ptr() as *const T) };
    drop(take_fields(py, o));
    // SAFETY: payload destroyed.
    unsafe { super::layouts::call_tp_free(py, obj) };
}

/// `tp_dealloc` of a payload `T` whose dead instances are kept on `list`: the fields
/// are released, then an instance of exactly `tp` freed by the default GC free goes on
/// the list (when it has room); anything else is freed by its `tp_free`.
///
/// # Safety
/// `obj` is laid out as `T` and has refcount zero; `list` keeps blocks of `tp` only and
/// `tp`'s instances are laid out as `T`.
unsafe fn dealloc_keeping<T: OwnedFields<N> + WeakListed, const N: usize>(
    py: Python<'_>,
    obj: NonNull<PyAny>,
    tp: &TypeObject,
    list: &FreeList,
) {
    // SAFETY: caller contract: the object is still allocated and laid out as T.
    let o = unsafe { &*(obj.as_ptr() as *const T) };
    // The driver cleared the weak references before calling `tp_dealloc`.
    debug_assert!(o.weakreflist().is_empty());
    drop(take_fields(py, o));
    // SAFETY: still allocated (only the payload was emptied).
    let ot = unsafe { obj.as_ref() }.ob_type();
    let default_free = ot
        .tp_free
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, gc_free as FreeFunc));
    // SAFETY: an instance of exactly `tp` freed by `gc_free` was allocated by
    // `generic_alloc` (the only allocator whose blocks `gc_free` takes); count zero,
    // payload destroyed, not used after a successful push.
    if std::ptr::eq(ot, tp) && default_free && unsafe { list.push(py, obj) } {
        return;
    }
    // SAFETY: payload destroyed.
    unsafe { super::layouts::call_tp_free(py, obj) };
}

/// The whole death of an instance of exactly `builtin_function_or_method` or `method`
/// (the two types with free lists): the deallocation driver's lean path, taken instead
/// of its generic steps. `false` (nothing done) for any other type. An instance that
/// still has weak references takes the driver's generic steps (which clear them and
/// run their callbacks, then call the type's `tp_dealloc`, which keeps the block all
/// the same).
///
/// For these two types without weak references the generic steps reduce to
/// untracking: they are static, have no `tp_finalize` and no dict, and cannot be
/// subclassed. So this untracks, moves the two fields out, keeps the block on the free
/// list (or frees it) and only then releases the fields — releasing may run code, and
/// by then the block is no longer this object's.
///
/// # Safety
/// `obj` is a live object whose refcount is zero; the caller (the driver) holds a
/// deallocation depth level for it, as for `tp_dealloc`.
#[inline(always)]
pub(crate) unsafe fn free_list_death(
    py: Python<'_>,
    st: &RuntimeState,
    obj: NonNull<PyAny>,
) -> bool {
    // SAFETY: the object is live.
    let tp = unsafe { obj.as_ref() }.ob_type();
    let b = &st.builtins;
    // SAFETY (both arms): an instance of exactly the list's type, laid out as its
    // payload, count zero; the driver holds the depth level.
    if std::ptr::eq(tp, b.builtin_function_or_method()) {
        unsafe {
            death_keeping::<NativeFunctionObject, 2>(py, st, obj, &st.free_lists.native_function)
        };
        return true;
    }
    if std::ptr::eq(tp, b.method()) {
        unsafe { death_keeping::<BoundMethodObject, 2>(py, st, obj, &st.free_lists.bound_method) };
        return true;
    }
    false
}

/// [`free_list_death`] for a payload `T`.
///
/// # Safety
/// `obj` has refcount zero, is an instance of exactly the static, collectable type
/// whose dead blocks `list` keeps, laid out as `T`, without finalizer or dict.
#[inline(always)]
unsafe fn death_keeping<T: OwnedFields<N> + WeakListed, const N: usize>(
    py: Python<'_>,
    st: &RuntimeState,
    obj: NonNull<PyAny>,
    list: &FreeList,
) {
    // SAFETY: caller contract: laid out as T, still allocated.
    let o = unsafe { &*(obj.as_ptr() as *const T) };
    // One load and a branch that is almost never taken: weak references to a bound
    // callable are rare, and the driver's generic steps handle them (out of line, so
    // this path keeps its registers).
    if !o.weakreflist().is_empty() {
        // SAFETY: forwarded: live, count zero, the depth level is held.
        unsafe { crate::object::dealloc_generic(py, obj) };
        return;
    }
    // SAFETY: caller contract: live, of a static type whose instances all carry a head.
    let ot = unsafe { obj.as_ref() }.ob_type();
    debug_assert!(
        ot.tp_finalize.get().is_none()
            && ot.tp_weaklistoffset.get() == T::WEAKLIST_OFFSET
            && ot.tp_dictoffset.get() == 0
            && !ot.has_flag(crate::types::TypeFlags::HEAPTYPE)
    );
    // SAFETY: as above; the driver's step 1 (the collector must not see a dying object).
    unsafe { st.gc.untrack(crate::object::gc_head_of(obj)) };
    let fields = take_fields(py, o);
    let default_free = ot
        .tp_free
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, gc_free as FreeFunc));
    // SAFETY: an instance of exactly the list's type freed by `gc_free` was allocated by
    // `generic_alloc`; count zero, untracked, payload emptied (its weak list is empty,
    // tested above), not used after a push.
    if !(default_free && unsafe { list.push(py, obj) }) {
        // SAFETY: payload emptied; not used afterwards.
        unsafe { super::layouts::call_tp_free(py, obj) };
    }
    drop(fields);
}

/// A new, empty `builtin_function_or_method` (count 1, tracked): a kept block of a dead
/// one when the free list has one, else a new block.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let f = pyrt_core::builtins::native_function_alloc(py).unwrap();
///     assert!(f.def.get().is_none() && f.self_.is_none() && f.module.is_none());
///     assert!(pyrt_core::gc::is_tracked(f.as_any()));
/// });
/// ```
pub fn native_function_alloc<'py>(py: Python<'py>) -> PyResult<Bound<'py, NativeFunctionObject>> {
    let tp = py.builtins().builtin_function_or_method();
    // SAFETY: the list holds only dead blocks of this static collectable type, whose
    // instances are laid out as NativeFunctionObject (`native_function_dealloc`).
    if let Some(o) = unsafe { py.state().free_lists.native_function.pop(py, tp) } {
        return Ok(o);
    }
    let o = generic_alloc(py, tp, 0)?;
    // SAFETY: a new instance of builtin_function_or_method: laid out as the payload.
    Ok(unsafe { Bound::from_owned_ptr(py, o.into_non_null().cast()) })
}

/// A new `builtin_function_or_method` for `def`, bound to `self_` when given (count 1,
/// tracked, no `__module__`): a kept block of a dead one when the free list has one
/// (its fields written directly), else a new block.
///
/// ```
/// use pyrt_core::types::{MethodDef, MethodFn, MethodFlags};
/// fn answer<'py>(py: pyrt_core::Python<'py>, _s: &pyrt_core::Bound<'py>)
///     -> pyrt_core::PyResult<pyrt_core::Bound<'py>> {
///     Ok(pyrt_core::builtins::int_new(py, 42)?.into_any())
/// }
/// static ANSWER: MethodDef = MethodDef { name: "answer", meth: MethodFn::NoArgs(answer), flags: MethodFlags(0), doc: None };
/// pyrt_core::with_test_runtime(|py| {
///     let s = pyrt_core::builtins::int_new(py, 7).unwrap().into_any();
///     let f = pyrt_core::builtins::native_function_new(py, &ANSWER, Some(&s)).unwrap();
///     assert!(std::ptr::eq(f.def.get().unwrap(), &ANSWER));
///     assert!(f.self_.get(py).unwrap().is(&s) && f.module.is_none());
///     assert!(pyrt_core::gc::is_tracked(f.as_any()));
/// });
/// ```
#[inline]
pub fn native_function_new<'py>(
    py: Python<'py>,
    def: &'static MethodDef,
    self_: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, NativeFunctionObject>> {
    let st = py.state();
    let tp = st.builtins.builtin_function_or_method();
    // SAFETY: the list holds only dead blocks of this static collectable type, whose
    // instances are laid out as NativeFunctionObject (`native_function_dealloc`).
    let Some(f) = (unsafe { st.free_lists.native_function.pop_uninit(py, tp) }) else {
        return native_function_new_block(py, def, self_);
    };
    let f: NonNull<NativeFunctionObject> = f;
    let self_ = self_.map(|s| s.clone().into_non_null());
    // SAFETY: `pop_uninit`'s contract: every payload field is written, raw (the stale
    // contents are not owned), before any use and with no code run in between. Each
    // `ObjCell` is a transparent `Option<NonNull<PyAny>>`; the cells take ownership of
    // the new reference to `self_`; the weak list starts empty (a reused block never
    // carries the dead instance's list).
    unsafe {
        let o = f.as_ptr();
        std::ptr::addr_of_mut!((*o).def).write(Cell::new(Some(def)));
        (std::ptr::addr_of_mut!((*o).self_) as *mut Option<NonNull<PyAny>>).write(self_);
        (std::ptr::addr_of_mut!((*o).module) as *mut Option<NonNull<PyAny>>).write(None);
        std::ptr::addr_of_mut!((*o).weakreflist).write(WeakListHead::default());
        Ok(Bound::from_owned_ptr(py, f))
    }
}

/// [`native_function_new`] from a new block (the free list is empty).
#[cold]
#[inline(never)]
fn native_function_new_block<'py>(
    py: Python<'py>,
    def: &'static MethodDef,
    self_: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, NativeFunctionObject>> {
    let f = native_function_alloc(py)?;
    f.def.set(Some(def));
    f.self_.set(py, self_.cloned());
    Ok(f)
}

/// `tp_dealloc` of `builtin_function_or_method`.
///
/// # Safety
/// `obj` is an instance laid out as [`NativeFunctionObject`] with refcount zero.
pub(crate) unsafe fn native_function_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    let tp = py.builtins().builtin_function_or_method();
    // SAFETY: forwarded; the list keeps this type's blocks only.
    unsafe {
        dealloc_keeping::<NativeFunctionObject, 2>(
            py,
            obj,
            tp,
            &py.state().free_lists.native_function,
        )
    }
}

/// A new, empty bound method (`method`; count 1, tracked): a kept block of a dead one
/// when the free list has one, else a new block.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let m = pyrt_core::builtins::bound_method_alloc(py).unwrap();
///     assert!(m.func.is_none() && m.self_.is_none());
/// });
/// ```
pub fn bound_method_alloc<'py>(py: Python<'py>) -> PyResult<Bound<'py, BoundMethodObject>> {
    let tp = py.builtins().method();
    // SAFETY: the list holds only dead blocks of this static collectable type, whose
    // instances are laid out as BoundMethodObject (`bound_method_dealloc`).
    if let Some(o) = unsafe { py.state().free_lists.bound_method.pop(py, tp) } {
        return Ok(o);
    }
    let o = generic_alloc(py, tp, 0)?;
    // SAFETY: a new instance of method: laid out as the payload.
    Ok(unsafe { Bound::from_owned_ptr(py, o.into_non_null().cast()) })
}

/// A new bound method (`method`) of `func` bound to `self_` (count 1, tracked): a kept
/// block of a dead one when the free list has one (its fields written directly), else
/// a new block.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let f = pyrt_core::builtins::int_new(py, 1).unwrap().into_any();
///     let s = pyrt_core::builtins::int_new(py, 2).unwrap().into_any();
///     let m = pyrt_core::builtins::bound_method_new(py, &f, &s).unwrap();
///     assert!(m.func.get(py).unwrap().is(&f) && m.self_.get(py).unwrap().is(&s));
///     assert!(pyrt_core::gc::is_tracked(m.as_any()));
/// });
/// ```
#[inline]
pub fn bound_method_new<'py>(
    py: Python<'py>,
    func: &Bound<'py, PyAny>,
    self_: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, BoundMethodObject>> {
    let st = py.state();
    let tp = st.builtins.method();
    // SAFETY: the list holds only dead blocks of this static collectable type, whose
    // instances are laid out as BoundMethodObject (`bound_method_dealloc`).
    let Some(m) = (unsafe { st.free_lists.bound_method.pop_uninit(py, tp) }) else {
        return bound_method_new_block(py, func, self_);
    };
    let m: NonNull<BoundMethodObject> = m;
    let (func, self_) = (func.clone().into_non_null(), self_.clone().into_non_null());
    // SAFETY: `pop_uninit`'s contract: every payload field is written, raw, before any
    // use and with no code run in between; each `ObjCell` is a transparent
    // `Option<NonNull<PyAny>>` and takes ownership of the new reference; the weak list
    // starts empty (a reused block never carries the dead instance's list).
    unsafe {
        let o = m.as_ptr();
        (std::ptr::addr_of_mut!((*o).func) as *mut Option<NonNull<PyAny>>).write(Some(func));
        (std::ptr::addr_of_mut!((*o).self_) as *mut Option<NonNull<PyAny>>).write(Some(self_));
        std::ptr::addr_of_mut!((*o).weakreflist).write(WeakListHead::default());
        Ok(Bound::from_owned_ptr(py, m))
    }
}

/// [`bound_method_new`] from a new block (the free list is empty).
#[cold]
#[inline(never)]
fn bound_method_new_block<'py>(
    py: Python<'py>,
    func: &Bound<'py, PyAny>,
    self_: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, BoundMethodObject>> {
    let m = bound_method_alloc(py)?;
    m.func.set(py, Some(func.clone()));
    m.self_.set(py, Some(self_.clone()));
    Ok(m)
}

/// `tp_dealloc` of `method`.
///
/// # Safety
/// `obj` is an instance laid out as [`BoundMethodObject`] with refcount zero.
pub(crate) unsafe fn bound_method_dealloc(py: Python<'_>, obj: NonNull<PyAny>) {
    let tp = py.builtins().method();
    // SAFETY: forwarded; the list keeps this type's blocks only.
    unsafe {
        dealloc_keeping::<BoundMethodObject, 2>(py, obj, tp, &py.state().free_lists.bound_method)
    }
}

/// A native function (`builtin_function_or_method`): a [`MethodDef`] optionally bound
/// to a `__self__`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().builtin_function_or_method();
///     let o = pyrt_core::object::generic_alloc(py, t, 0).unwrap();
///     let f = o.downcast::<pyrt_core::builtins::NativeFunctionObject>().unwrap();
///     assert!(f.def.get().is_none() && f.self_.is_none());
/// });
/// ```
#[repr(C)]
pub struct NativeFunctionObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The definition (always set by the constructor).
    pub def: Cell<Option<&'static MethodDef>>,
    /// `__self__` (empty: unbound, `None` in Python).
    pub self_: ObjCell<PyAny>,
    /// `__module__` (empty: `None`).
    pub module: ObjCell<PyAny>,
    /// The weak references to this object (`tp_weaklistoffset` names this field; not
    /// an object field: it holds borrowed links, emptied before the object dies).
    pub weakreflist: WeakListHead,
}

impl OwnedFields<2> for NativeFunctionObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 2] {
        [&self.self_, &self.module]
    }
}

impl WeakListed for NativeFunctionObject {
    const WEAKLIST_OFFSET: isize = std::mem::offset_of!(NativeFunctionObject, weakreflist) as isize;
    fn weakreflist(&self) -> &WeakListHead {
        &self.weakreflist
    }
}
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `builtin_function_or_method`/`builtin_function_or_method` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for NativeFunctionObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| {
            [
                b.builtin_function_or_method(),
                b.builtin_function_or_method(),
            ]
        })
    }
}

/// A method descriptor (`method_descriptor`, `classmethod_descriptor`): a
/// `tp_methods` entry of `d_type`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().classmethod_descriptor(), 0).unwrap();
///     assert!(o.downcast::<pyrt_core::builtins::MethodDescrObject>().is_ok());
/// });
/// ```
#[repr(C)]
pub struct MethodDescrObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The type that defines the method (`__objclass__`).
    pub d_type: ObjCell<TypeObject>,
    /// `__name__`.
    pub d_name: ObjCell<StrObject>,
    /// The definition (always set by the constructor).
    pub def: Cell<Option<&'static MethodDef>>,
}

impl OwnedFields<2> for MethodDescrObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 2] {
        [any_cell(&self.d_type), any_cell(&self.d_name)]
    }
}
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `method_descriptor`/`classmethod_descriptor` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for MethodDescrObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.method_descriptor(), b.classmethod_descriptor()])
    }
}

/// A member descriptor (`member_descriptor`): a field at a fixed offset inside the
/// instances of `d_type`.
///
/// Invariant: `kind` and `offset` describe a real field of every instance of `d_type`
/// (a pointer slot holding an owned reference or null for the object kinds; a plain
/// value otherwise). They are [`RawCell`]s: safe to read, `unsafe` to write.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().member_descriptor(), 0).unwrap();
///     let m = o.downcast::<pyrt_core::builtins::MemberDescrObject>().unwrap();
///     assert_eq!(m.offset.get(), 0); // set (unsafely) by the constructor only
/// });
/// ```
#[repr(C)]
pub struct MemberDescrObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The type whose instances hold the field (`__objclass__`).
    pub d_type: ObjCell<TypeObject>,
    /// `__name__`.
    pub d_name: ObjCell<StrObject>,
    /// The field's kind as `MemberKind as u8`.
    pub kind: RawCell<u8>,
    /// Byte offset from the start of the instance.
    pub offset: RawCell<isize>,
    /// Whether assignment and deletion are refused.
    pub readonly: Cell<bool>,
    /// `__doc__`.
    pub doc: Cell<Option<&'static str>>,
}

impl OwnedFields<2> for MemberDescrObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 2] {
        [any_cell(&self.d_type), any_cell(&self.d_name)]
    }
}
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `member_descriptor`/`member_descriptor` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for MemberDescrObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.member_descriptor(), b.member_descriptor()])
    }
}

/// A getset descriptor (`getset_descriptor`): a `tp_getset` entry of `d_type`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().getset_descriptor(), 0).unwrap();
///     assert!(o.downcast::<pyrt_core::builtins::GetSetDescrObject>().is_ok());
///     assert!(o.downcast::<pyrt_core::builtins::MemberDescrObject>().is_err());
/// });
/// ```
#[repr(C)]
pub struct GetSetDescrObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The type that defines the attribute (`__objclass__`).
    pub d_type: ObjCell<TypeObject>,
    /// `__name__`.
    pub d_name: ObjCell<StrObject>,
    /// The definition (always set by the constructor).
    pub def: Cell<Option<&'static GetSetDef>>,
}

impl OwnedFields<2> for GetSetDescrObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 2] {
        [any_cell(&self.d_type), any_cell(&self.d_name)]
    }
}
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `getset_descriptor`/`getset_descriptor` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for GetSetDescrObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.getset_descriptor(), b.getset_descriptor()])
    }
}

/// A bound method (`method`): a callable and the instance it is bound to.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().method(), 0).unwrap();
///     let m = o.downcast::<pyrt_core::builtins::BoundMethodObject>().unwrap();
///     m.self_.set(py, Some(pyrt_core::builtins::int_new(py, 1).unwrap().into_any()));
///     assert!(!m.self_.is_none()); // released with the method
/// });
/// ```
#[repr(C)]
pub struct BoundMethodObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// `__func__`.
    pub func: ObjCell<PyAny>,
    /// `__self__`.
    pub self_: ObjCell<PyAny>,
    /// The weak references to this object (`tp_weaklistoffset` names this field; not
    /// an object field: it holds borrowed links, emptied before the object dies).
    pub weakreflist: WeakListHead,
}

impl OwnedFields<2> for BoundMethodObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 2] {
        [&self.func, &self.self_]
    }
}

impl WeakListed for BoundMethodObject {
    const WEAKLIST_OFFSET: isize = std::mem::offset_of!(BoundMethodObject, weakreflist) as isize;
    fn weakreflist(&self) -> &WeakListHead {
        &self.weakreflist
    }
}
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `method`/`method` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for BoundMethodObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.method(), b.method()])
    }
}

/// `classmethod` and `staticmethod`: a wrapped callable plus an instance `__dict__`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().staticmethod(), 0).unwrap();
///     assert!(o.downcast::<pyrt_core::builtins::FuncWrapperObject>().is_ok());
///     assert!(pyrt_core::object::dict_slot(o.as_any_ref()).is_some());
/// });
/// ```
#[repr(C)]
pub struct FuncWrapperObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// `__func__`.
    pub callable: ObjCell<PyAny>,
    /// The instance dict (`tp_dictoffset` points here).
    pub dict: ObjCell<PyAny>,
}

impl OwnedFields<2> for FuncWrapperObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 2] {
        [&self.callable, &self.dict]
    }
}
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `classmethod`/`staticmethod` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for FuncWrapperObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.classmethod(), b.staticmethod()])
    }
}

/// `property`: accessor functions, the doc, and the name given by `__set_name__`.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().property(), 0).unwrap();
///     let p = o.downcast::<pyrt_core::builtins::PropertyObject>().unwrap();
///     assert!(p.fget.is_none() && !p.getter_doc.get());
/// });
/// ```
#[repr(C)]
pub struct PropertyObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// `fget`.
    pub fget: ObjCell<PyAny>,
    /// `fset`.
    pub fset: ObjCell<PyAny>,
    /// `fdel`.
    pub fdel: ObjCell<PyAny>,
    /// `__doc__`.
    pub doc: ObjCell<PyAny>,
    /// The attribute name (set by `__set_name__`).
    pub name: ObjCell<PyAny>,
    /// Whether the doc was taken from `fget.__doc__`.
    pub getter_doc: Cell<bool>,
}

impl OwnedFields<5> for PropertyObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 5] {
        [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name]
    }
}
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `property`/`property` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for PropertyObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.property(), b.property()])
    }
}

/// `mappingproxy`: a read-only view of a mapping.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let o = pyrt_core::object::generic_alloc(py, py.builtins().mappingproxy(), 0).unwrap();
///     assert!(o.downcast::<pyrt_core::builtins::MappingProxyObject>().unwrap().mapping.is_none());
/// });
/// ```
#[repr(C)]
pub struct MappingProxyObject {
    /// Header.
    pub ob_base: ObjectHeader,
    /// The mapping viewed.
    pub mapping: ObjCell<PyAny>,
}

impl OwnedFields<1> for MappingProxyObject {
    fn fields(&self) -> [&ObjCell<PyAny>; 1] {
        [&self.mapping]
    }
}
// SAFETY: repr(C), header first, every field zero-valid (cells of nullable pointers,
// options of references, plain numbers); only `mappingproxy`/`mappingproxy` and their subtypes lay
// instances out as this payload (set in `layouts.rs`; subclasses extend it).
unsafe impl PyLayout for MappingProxyObject {
    fn type_check(obj: &PyAny) -> bool {
        instance_of_any(obj, |b| [b.mappingproxy(), b.mappingproxy()])
    }
}
