//! The `TypeObject` struct: every field of CPython's `PyTypeObject` plus the heap-type
//! extension (inline sub-table storage, `ht_name`, `ht_qualname`, `ht_module`,
//! `ht_slots`).
//!
//! Owns the layout and plain accessors. Must not implement readying or lookups.

use super::cells::{DefTable, ObjCell, RawObjCell, SubclassList};
use super::defs::{GetSetDef, MemberDef, MethodDef};
use super::flags::TypeFlags;
use super::signatures::*;
use super::subtables::*;
use crate::builtins::{DictObject, StrObject, TupleObject};
use crate::object::{PyAny, PyLayout, RawCell, VarHeader};
use std::cell::Cell;
use std::ptr::NonNull;

/// A type object. Field names and meanings follow the spec's `PyTypeObject`.
///
/// Invariants: the struct is valid when zero-filled (all fields are cells of
/// nullable/zeroable values); object-valued fields own one strong reference each; the
/// `tp_as_*` pointers are null, point to this type's own inline `as_*` storage, or (for
/// static types) to a base's storage, which outlives the type.
///
/// Fields the runtime relies on for memory safety are [`RawCell`]s / [`RawObjCell`]s
/// (safe to read, `unsafe` to write): sizes and offsets must describe the instances'
/// real layout; `tp_alloc`, `tp_dealloc`, `tp_free`, `tp_traverse` and `tp_is_gc` must
/// agree with that layout and with `HAVE_GC`; `tp_base`, `tp_bases` and `tp_mro` hold
/// types (or tuples of types) that form an acyclic hierarchy; the flag word must be
/// truthful. Behaviour slots (repr, hash, number slots, ...) are plain `Cell`s: any
/// function of the right signature is memory-safe there.
///
/// ```
/// use pyrt_core::TypeFlags;
/// pyrt_core::with_test_runtime(|py| {
///     let list = py.builtins().list();
///     assert_eq!(list.name_string(), "list");
///     assert!(list.has_flag(TypeFlags::HAVE_GC | TypeFlags::LIST_SUBCLASS));
///     assert!(list.tp_basicsize.get() >= 16); // at least the object header
/// });
/// ```
#[repr(C)]
pub struct TypeObject {
    /// Header; `ob_size` is unused.
    pub ob_base: VarHeader,
    /// The name: `"module.Name"` for static types, `"Name"` for classes.
    pub tp_name: ObjCell<StrObject>,
    /// Instance size without items.
    pub tp_basicsize: RawCell<isize>,
    /// Size of one item for variable-size instances.
    pub tp_itemsize: RawCell<isize>,
    /// See [`Destructor`].
    pub tp_dealloc: RawCell<Option<Destructor>>,
    /// Offset of the per-instance vectorcall function pointer.
    pub tp_vectorcall_offset: RawCell<isize>,
    /// Deprecated string-name getattr.
    pub tp_getattr: Cell<Option<GetAttrFunc>>,
    /// Deprecated string-name setattr.
    pub tp_setattr: Cell<Option<SetAttrFunc>>,
    /// The async sub-table.
    pub tp_as_async: RawCell<Option<NonNull<AsyncMethods>>>,
    /// `repr()`.
    pub tp_repr: Cell<Option<UnaryFunc>>,
    /// The number sub-table.
    pub tp_as_number: RawCell<Option<NonNull<NumberMethods>>>,
    /// The sequence sub-table.
    pub tp_as_sequence: RawCell<Option<NonNull<SequenceMethods>>>,
    /// The mapping sub-table.
    pub tp_as_mapping: RawCell<Option<NonNull<MappingMethods>>>,
    /// `hash()`.
    pub tp_hash: Cell<Option<SsizeFunc>>,
    /// Calling instances.
    pub tp_call: Cell<Option<TernaryFunc>>,
    /// `str()`.
    pub tp_str: Cell<Option<UnaryFunc>>,
    /// Attribute get.
    pub tp_getattro: Cell<Option<BinaryFunc>>,
    /// Attribute set/delete.
    pub tp_setattro: Cell<Option<ObjObjArgProc>>,
    /// The buffer sub-table.
    pub tp_as_buffer: RawCell<Option<NonNull<BufferProcs>>>,
    /// `Py_TPFLAGS_*` bits.
    pub tp_flags: RawCell<u64>,
    /// The docstring (a str object).
    pub tp_doc: ObjCell<StrObject>,
    /// GC traversal.
    pub tp_traverse: RawCell<Option<TraverseProc>>,
    /// GC clear.
    pub tp_clear: Cell<Option<ObjProc>>,
    /// Rich comparison.
    pub tp_richcompare: Cell<Option<RichCmpFunc>>,
    /// Offset of the weakref list in instances (0: none).
    pub tp_weaklistoffset: RawCell<isize>,
    /// `iter()`.
    pub tp_iter: Cell<Option<UnaryFunc>>,
    /// `next()`.
    pub tp_iternext: Cell<Option<IterNextFunc>>,
    /// Methods table.
    pub tp_methods: DefTable<MethodDef>,
    /// Members table.
    pub tp_members: DefTable<MemberDef>,
    /// Getset table.
    pub tp_getset: DefTable<GetSetDef>,
    /// The primary base.
    pub tp_base: RawObjCell<TypeObject>,
    /// The type's namespace. Once the type is ready, change it through
    /// `pyrt_typeobject::attr::type_dict_set` (or call `type_modified` right after):
    /// other changes are memory-safe (the method cache empties itself when a dict it
    /// read changes) but cost a cache flush, and replacing the dict object leaves cached
    /// lookups stale until `type_modified`.
    pub tp_dict: ObjCell<DictObject>,
    /// Descriptor `__get__`.
    pub tp_descr_get: Cell<Option<DescrGetFunc>>,
    /// Descriptor `__set__`/`__delete__`.
    pub tp_descr_set: Cell<Option<ObjObjArgProc>>,
    /// Offset of the instance dict (0: none).
    pub tp_dictoffset: RawCell<isize>,
    /// `__init__`.
    pub tp_init: Cell<Option<InitProc>>,
    /// Instance allocation.
    pub tp_alloc: RawCell<Option<AllocFunc>>,
    /// `__new__`.
    pub tp_new: Cell<Option<NewFunc>>,
    /// Instance memory release.
    pub tp_free: RawCell<Option<FreeFunc>>,
    /// Per-instance collectability test.
    pub tp_is_gc: RawCell<Option<IsGcFunc>>,
    /// `__bases__`.
    pub tp_bases: RawObjCell<TupleObject>,
    /// `__mro__`.
    pub tp_mro: RawObjCell<TupleObject>,
    /// Unused (CPython internal).
    pub tp_cache: ObjCell<PyAny>,
    /// Direct subclasses, held weakly.
    pub tp_subclasses: SubclassList,
    /// Weak references to the type: the list head `type`'s `tp_weaklistoffset` names
    /// (borrowed pointers, maintained by the weakref module).
    pub tp_weaklist: crate::weakref::WeakListHead,
    /// Legacy finalizer.
    pub tp_del: Cell<Option<ObjProc>>,
    /// Attribute-cache version tag (0: none). The method cache trusts it: an entry
    /// keyed by this tag is served for this type, so a tag must never be shared with
    /// another type or reused after being dropped (only the method cache writes it).
    pub tp_version_tag: RawCell<u32>,
    /// PEP 442 finalizer.
    pub tp_finalize: Cell<Option<ObjProc>>,
    /// Vectorcall for calling the type itself.
    pub tp_vectorcall: Cell<Option<VectorcallFunc>>,
    /// Bit set of watchers watching this type.
    pub tp_watched: Cell<u8>,
    /// How many version tags this type has been given (the method cache bounds it).
    pub tp_versions_used: Cell<u16>,

    /// Inline storage for heap types' async sub-table.
    pub as_async: AsyncMethods,
    /// Inline storage for the number sub-table.
    pub as_number: NumberMethods,
    /// Inline storage for the mapping sub-table.
    pub as_mapping: MappingMethods,
    /// Inline storage for the sequence sub-table.
    pub as_sequence: SequenceMethods,
    /// Inline storage for the buffer sub-table.
    pub as_buffer: BufferProcs,
    /// `__name__` of heap types.
    pub ht_name: ObjCell<StrObject>,
    /// `__qualname__` of heap types.
    pub ht_qualname: ObjCell<StrObject>,
    /// The module object (or other value) associated with a type made from a spec.
    pub ht_module: ObjCell<PyAny>,
    /// `__slots__` names of heap types.
    pub ht_slots: ObjCell<TupleObject>,
    /// Whether instances keep their attributes in values blocks, and the shared keys
    /// indexing them (`ht_cached_keys` in CPython; see `object::instance_attrs`).
    pub ht_cached_keys: crate::object::InstanceKeys,
    /// Where a class's instances keep their references, computed at class creation
    /// (pyrt's own; see `gc::InstancePlan`). Zero-filled: no plan.
    pub ht_gc_plan: crate::gc::InstancePlan,
}

// SAFETY: repr(C), starts with VarHeader (which starts with ObjectHeader); all fields
// are zero-valid; instances of `type` and its subclasses are laid out as TypeObject.
unsafe impl PyLayout for TypeObject {
    fn type_check(obj: &PyAny) -> bool {
        obj.ob_type().flags().contains(TypeFlags::TYPE_SUBCLASS)
    }
}

/// Views of the type as an object, its flags, name and base, the sub-table accessors,
/// and the subtype test.
///
/// ```
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().str_();
///     assert_eq!(t.name_string(), "str");
///     assert!(t.is_subtype(t));
/// });
/// ```
impl TypeObject {
    /// The type as an object pointer.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = py.builtins().dict();
    ///     let handle = pyrt_core::Bound::from_ref(py, t);
    ///     assert_eq!(t.as_ptr(), handle.as_ptr());
    /// });
    /// ```
    pub fn as_ptr(&self) -> NonNull<PyAny> {
        NonNull::from(self).cast()
    }

    /// The type as a plain object.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let t = py.builtins().dict();
    ///     assert!(std::ptr::eq(t.as_any().ob_type(), py.builtins().type_()));
    ///     assert_eq!(t.as_any().addr(), t.as_ptr().as_ptr() as usize);
    /// });
    /// ```
    pub fn as_any(&self) -> &PyAny {
        // SAFETY: a TypeObject starts with an object header.
        unsafe { &*(self as *const TypeObject as *const PyAny) }
    }

    /// The flags.
    ///
    /// ```
    /// use pyrt_core::TypeFlags;
    /// pyrt_core::with_test_runtime(|py| {
    ///     let f = py.builtins().tuple().flags();
    ///     assert!(f.contains(TypeFlags::TUPLE_SUBCLASS));
    ///     assert!(!f.contains(TypeFlags::HEAPTYPE)); // a static type
    /// });
    /// ```
    #[inline(always)]
    pub fn flags(&self) -> TypeFlags {
        TypeFlags(self.tp_flags.get())
    }

    /// Whether all bits of `f` are set.
    ///
    /// ```
    /// use pyrt_core::TypeFlags;
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = py.builtins().str_();
    ///     assert!(s.has_flag(TypeFlags::UNICODE_SUBCLASS));
    ///     assert!(!s.has_flag(TypeFlags::UNICODE_SUBCLASS | TypeFlags::HAVE_GC)); // not all set
    /// });
    /// ```
    #[inline(always)]
    pub fn has_flag(&self, f: TypeFlags) -> bool {
        self.flags().contains(f)
    }

    /// Sets the bits of `f`.
    ///
    /// ```
    /// use pyrt_core::{TypeFlags, TypeObject};
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// // SAFETY: `t` has no instances, so no flag can misdescribe one.
    /// unsafe { t.add_flags(TypeFlags::BASETYPE) };
    /// assert!(t.has_flag(TypeFlags::BASETYPE));
    /// ```
    ///
    /// # Safety
    /// The flags must keep describing the type truthfully: `HAVE_GC` matches how
    /// instances are allocated and freed, the fast-subclass bits match the layout
    /// (`PyLayout::type_check` relies on them), `HEAPTYPE` matches how the type was
    /// allocated.
    pub unsafe fn add_flags(&self, f: TypeFlags) {
        // SAFETY: forwarded to the caller.
        unsafe { self.tp_flags.set(self.tp_flags.get() | f.0) };
    }

    /// Clears the bits of `f`.
    ///
    /// ```
    /// use pyrt_core::{TypeFlags, TypeObject};
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// // SAFETY: `t` has no instances, so no flag can misdescribe one.
    /// unsafe {
    ///     t.add_flags(TypeFlags::BASETYPE | TypeFlags::READY);
    ///     t.remove_flags(TypeFlags::BASETYPE);
    /// }
    /// assert_eq!(t.flags(), TypeFlags::READY);
    /// ```
    ///
    /// # Safety
    /// As for [`TypeObject::add_flags`].
    pub unsafe fn remove_flags(&self, f: TypeFlags) {
        // SAFETY: forwarded to the caller.
        unsafe { self.tp_flags.set(self.tp_flags.get() & !f.0) };
    }

    /// `tp_name` as a Rust string (empty if unset).
    ///
    /// ```
    /// use pyrt_core::TypeObject;
    /// pyrt_core::with_test_runtime(|py| {
    ///     assert_eq!(py.builtins().dict().name_string(), "dict");
    ///     // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    ///     let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    ///     assert_eq!(t.name_string(), "");
    /// });
    /// ```
    pub fn name_string(&self) -> String {
        // SAFETY: the reference is used before any modification of the cell.
        unsafe { self.tp_name.get_ref() }
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default()
    }

    /// The primary base, borrowed.
    ///
    /// ```
    /// use pyrt_core::{Bound, TypeObject};
    /// pyrt_core::with_test_runtime(|py| {
    ///     // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    ///     let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    ///     assert!(t.base().is_none());
    ///     let int = py.builtins().int();
    ///     // SAFETY: `int` as the base keeps the hierarchy acyclic.
    ///     unsafe { t.tp_base.set(py, Some(Bound::from_ref(py, int))) };
    ///     assert!(std::ptr::eq(t.base().unwrap(), int));
    ///     // SAFETY: the scratch type is about to be dropped.
    ///     drop(unsafe { t.tp_base.take(py) });
    /// });
    /// ```
    pub fn base(&self) -> Option<&TypeObject> {
        // SAFETY: the base is kept alive by the cell; callers do not hold it across
        // `__bases__` assignment (documented on the accessor's users).
        unsafe { self.tp_base.get_ref() }
    }

    /// Whether instances of this type with this particular object are collectable
    /// (`HAVE_GC` and, if present, `tp_is_gc`).
    ///
    /// ```
    /// use pyrt_core::builtins::{list_new, str_new};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let (l, s) = (list_new(py, &[]).unwrap(), str_new(py, "x").unwrap());
    ///     assert!(l.ob_type().is_gc_object(l.as_any_ref()));
    ///     assert!(!s.ob_type().is_gc_object(s.as_any_ref()));
    /// });
    /// ```
    #[inline]
    pub fn is_gc_object(&self, obj: &PyAny) -> bool {
        self.has_flag(TypeFlags::HAVE_GC) && self.tp_is_gc.get().is_none_or(|f| f(obj))
    }

    /// The number sub-table, if present.
    ///
    /// ```
    /// use pyrt_core::TypeObject;
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// assert!(t.number().is_none());
    /// t.use_inline_subtables();
    /// assert!(t.number().unwrap().nb_bool.get().is_none()); // present, no slot set
    /// ```
    pub fn number(&self) -> Option<&NumberMethods> {
        // SAFETY: type invariant: the pointer is null or points to live storage.
        self.tp_as_number.get().map(|p| unsafe { &*p.as_ptr() })
    }

    /// The sequence sub-table, if present.
    ///
    /// ```
    /// use pyrt_core::TypeObject;
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// assert!(t.sequence().is_none());
    /// t.use_inline_subtables();
    /// assert!(t.sequence().unwrap().sq_length.get().is_none());
    /// ```
    pub fn sequence(&self) -> Option<&SequenceMethods> {
        // SAFETY: as for `number`.
        self.tp_as_sequence.get().map(|p| unsafe { &*p.as_ptr() })
    }

    /// The mapping sub-table, if present.
    ///
    /// ```
    /// use pyrt_core::TypeObject;
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// assert!(t.mapping().is_none());
    /// t.use_inline_subtables();
    /// assert!(t.mapping().unwrap().mp_length.get().is_none());
    /// ```
    pub fn mapping(&self) -> Option<&MappingMethods> {
        // SAFETY: as for `number`.
        self.tp_as_mapping.get().map(|p| unsafe { &*p.as_ptr() })
    }

    /// The async sub-table, if present.
    ///
    /// ```
    /// use pyrt_core::TypeObject;
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// assert!(t.async_().is_none());
    /// t.use_inline_subtables();
    /// assert!(std::ptr::eq(t.async_().unwrap(), &t.as_async));
    /// ```
    pub fn async_(&self) -> Option<&AsyncMethods> {
        // SAFETY: as for `number`.
        self.tp_as_async.get().map(|p| unsafe { &*p.as_ptr() })
    }

    /// The buffer sub-table, if present.
    ///
    /// ```
    /// use pyrt_core::TypeObject;
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// assert!(t.buffer().is_none());
    /// t.use_inline_subtables();
    /// assert!(std::ptr::eq(t.buffer().unwrap(), &t.as_buffer));
    /// ```
    pub fn buffer(&self) -> Option<&BufferProcs> {
        // SAFETY: as for `number`.
        self.tp_as_buffer.get().map(|p| unsafe { &*p.as_ptr() })
    }

    /// Points every sub-table at this type's own inline storage (heap types).
    ///
    /// ```
    /// use pyrt_core::TypeObject;
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// t.use_inline_subtables();
    /// assert!(std::ptr::eq(t.number().unwrap(), &t.as_number));
    /// assert!(std::ptr::eq(t.mapping().unwrap(), &t.as_mapping));
    /// assert!(std::ptr::eq(t.sequence().unwrap(), &t.as_sequence));
    /// ```
    pub fn use_inline_subtables(&self) {
        // SAFETY: the inline storage lives exactly as long as the type.
        unsafe {
            self.tp_as_async.set(Some(NonNull::from(&self.as_async)));
            self.tp_as_number.set(Some(NonNull::from(&self.as_number)));
            self.tp_as_mapping
                .set(Some(NonNull::from(&self.as_mapping)));
            self.tp_as_sequence
                .set(Some(NonNull::from(&self.as_sequence)));
            self.tp_as_buffer.set(Some(NonNull::from(&self.as_buffer)));
        }
    }

    /// `PyType_IsSubtype`: walks `tp_mro` if set, else the `tp_base` chain.
    ///
    /// ```
    /// use pyrt_core::{Bound, TypeObject};
    /// pyrt_core::with_test_runtime(|py| {
    ///     // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    ///     let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    ///     let int = py.builtins().int();
    ///     // SAFETY: `int` as the base keeps the hierarchy acyclic.
    ///     unsafe { t.tp_base.set(py, Some(Bound::from_ref(py, int))) };
    ///     assert!(t.is_subtype(&t) && t.is_subtype(int)); // no MRO: the base chain
    ///     assert!(!int.is_subtype(&t));
    ///     // SAFETY: the scratch type is about to be dropped.
    ///     drop(unsafe { t.tp_base.take(py) });
    /// });
    /// ```
    pub fn is_subtype(&self, other: &TypeObject) -> bool {
        if std::ptr::eq(self, other) {
            return true;
        }
        // SAFETY: the MRO tuple is read without modifying the cell.
        if let Some(mro) = unsafe { self.tp_mro.get_ref() } {
            let items = mro.items_raw();
            // Along a single-inheritance chain `other` is as far from the end of this
            // MRO as its own MRO is long: one probe answers the common case (a hit is a
            // hit whatever the shape; a miss falls back to the walk).
            // SAFETY: as above, for `other`'s MRO.
            if let Some(k) = unsafe { other.tp_mro.get_ref() }.map(|m| m.len())
                && let Some(p) = items.len().checked_sub(k).and_then(|i| items.get(i))
                && std::ptr::eq(p.as_ptr() as *const TypeObject, other)
            {
                return true;
            }
            return items
                .iter()
                .any(|p| std::ptr::eq(p.as_ptr() as *const TypeObject, other));
        }
        let mut t = Some(self);
        while let Some(cur) = t {
            if std::ptr::eq(cur, other) {
                return true;
            }
            t = cur.base();
        }
        false
    }
}
