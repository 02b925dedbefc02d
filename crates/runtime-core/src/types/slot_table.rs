//! The slot table: one row per slot with its stable-ABI number (as `PyType_Slot.slot`
//! and `PyType_GetSlot` use them), its name, the (sub-)table it lives in and its Rust
//! signature. Generic get/set/clear of any slot by number are generated from it.
//!
//! Owns slot numbering and raw slot access. Must not decide inheritance or defaults.

use super::defs::{GetSetDef, MemberDef, MethodDef};
use super::signatures::*;
use super::typeobject::TypeObject;
use crate::builtins::StrObject;
use crate::object::RawCell;
use std::cell::Cell;

/// A stable-ABI slot number (`Py_nb_add` = 7, `Py_tp_alloc` = 47, ...).
///
/// ```
/// use pyrt_core::types::SlotId;
/// assert_eq!(SlotId::NB_ADD.0, 7);
/// assert_eq!(SlotId::TP_ALLOC.0, 47);
/// assert_eq!(SlotId::NB_ADD.name(), Some("nb_add"));
/// assert_eq!(SlotId(0).name(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SlotId(pub u16);

/// Where a slot lives.
///
/// ```
/// use pyrt_core::types::{SlotId, SlotPlace};
/// assert_eq!(SlotId::NB_ADD.def().unwrap().place, SlotPlace::Number);
/// assert_eq!(SlotId::TP_FINALIZE.def().unwrap().place, SlotPlace::Type);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotPlace {
    /// Directly in the type object.
    Type,
    /// In `tp_as_number`.
    Number,
    /// In `tp_as_sequence`.
    Sequence,
    /// In `tp_as_mapping`.
    Mapping,
    /// In `tp_as_async`.
    Async,
    /// In `tp_as_buffer`.
    Buffer,
}

/// One row of the slot table.
///
/// ```
/// use pyrt_core::types::{FN_SLOTS, SlotId, SlotPlace};
/// let d = SlotId::MP_LENGTH.def().unwrap();
/// assert_eq!((d.id, d.name, d.place), (SlotId(4), "mp_length", SlotPlace::Mapping));
/// assert!(FN_SLOTS.windows(2).all(|w| w[0].id < w[1].id)); // in slot-number order
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SlotDef {
    /// The stable-ABI number.
    pub id: SlotId,
    /// The C field name.
    pub name: &'static str,
    /// The (sub-)table holding it.
    pub place: SlotPlace,
}

/// A slot's value, tagged by signature.
///
/// ```
/// use pyrt_core::types::{SlotId, SlotValue};
/// pyrt_core::with_test_runtime(|py| {
///     let v = py.builtins().list().get_slot(SlotId::TP_TRAVERSE).unwrap();
///     assert!(matches!(v, SlotValue::Traverse(_)));
/// });
/// ```
#[derive(Clone, Copy)]
pub enum SlotValue<'a> {
    /// `allocfunc`
    Alloc(AllocFunc),
    /// `destructor` (`tp_dealloc`)
    Dealloc(Destructor),
    /// `freefunc`
    Free(FreeFunc),
    /// `tp_finalize`, `tp_del`, `tp_clear`
    ObjProc(ObjProc),
    /// `traverseproc`
    Traverse(TraverseProc),
    /// `tp_is_gc`
    IsGc(IsGcFunc),
    /// `newfunc`
    New(NewFunc),
    /// `initproc`
    Init(InitProc),
    /// `unaryfunc`, `reprfunc`, `getiterfunc`
    Unary(UnaryFunc),
    /// `binaryfunc`, `getattrofunc`
    Binary(BinaryFunc),
    /// `ternaryfunc`
    Ternary(TernaryFunc),
    /// `getattrfunc`
    GetAttr(GetAttrFunc),
    /// `setattrfunc`
    SetAttr(SetAttrFunc),
    /// `objobjargproc`, `setattrofunc`, `descrsetfunc`
    ObjObjArg(ObjObjArgProc),
    /// `descrgetfunc`
    DescrGet(DescrGetFunc),
    /// `hashfunc`, `lenfunc`
    Ssize(SsizeFunc),
    /// `richcmpfunc`
    RichCompare(RichCmpFunc),
    /// `iternextfunc`
    IterNext(IterNextFunc),
    /// `inquiry` (`nb_bool`)
    Inquiry(InquiryFunc),
    /// `ssizeargfunc`
    SsizeArg(SsizeArgFunc),
    /// `ssizeobjargproc`
    SsizeObjArg(SsizeObjArgProc),
    /// `objobjproc`
    ObjObj(ObjObjProc),
    /// `getbufferproc`
    GetBuffer(GetBufferProc),
    /// `releasebufferproc`
    ReleaseBuffer(ReleaseBufferProc),
    /// `sendfunc`
    Send(SendFunc),
    /// `tp_doc`
    Doc(&'a str),
    /// `tp_methods`
    Methods(&'static [MethodDef]),
    /// `tp_members`
    Members(&'static [MemberDef]),
    /// `tp_getset`
    GetSet(&'static [GetSetDef]),
    /// `tp_base`
    Base(&'a TypeObject),
    /// `tp_bases` (a tuple of types)
    Bases(&'a crate::builtins::TupleObject),
}

/// The function's address (to compare slots) and the signature's name.
///
/// ```
/// let doc = pyrt_core::types::SlotValue::Doc("text");
/// assert_eq!((doc.fn_addr(), doc.kind_name()), (0, "doc"));
/// ```
impl SlotValue<'_> {
    /// The function address for function-valued slots (used to compare slots), or 0.
    ///
    /// ```
    /// use pyrt_core::types::{SlotId, SlotValue};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let free = |t: &pyrt_core::TypeObject| t.get_slot(SlotId::TP_FREE).unwrap().fn_addr();
    ///     let b = py.builtins();
    ///     assert_eq!(free(b.str_()), free(b.int())); // the same plain free
    ///     assert_ne!(free(b.str_()), free(b.list())); // plain vs. GC free
    ///     assert_eq!(SlotValue::Doc("text").fn_addr(), 0); // not a function
    /// });
    /// ```
    pub fn fn_addr(&self) -> usize {
        match *self {
            SlotValue::Alloc(f) => f as usize,
            SlotValue::Dealloc(f) => f as usize,
            SlotValue::Free(f) => f as usize,
            SlotValue::ObjProc(f) => f as usize,
            SlotValue::Traverse(f) => f as usize,
            SlotValue::IsGc(f) => f as usize,
            SlotValue::New(f) => f as usize,
            SlotValue::Init(f) => f as usize,
            SlotValue::Unary(f) => f as usize,
            SlotValue::Binary(f) => f as usize,
            SlotValue::Ternary(f) => f as usize,
            SlotValue::GetAttr(f) => f as usize,
            SlotValue::SetAttr(f) => f as usize,
            SlotValue::ObjObjArg(f) => f as usize,
            SlotValue::DescrGet(f) => f as usize,
            SlotValue::Ssize(f) => f as usize,
            SlotValue::RichCompare(f) => f as usize,
            SlotValue::IterNext(f) => f as usize,
            SlotValue::Inquiry(f) => f as usize,
            SlotValue::SsizeArg(f) => f as usize,
            SlotValue::SsizeObjArg(f) => f as usize,
            SlotValue::ObjObj(f) => f as usize,
            SlotValue::GetBuffer(f) => f as usize,
            SlotValue::ReleaseBuffer(f) => f as usize,
            SlotValue::Send(f) => f as usize,
            SlotValue::Doc(_)
            | SlotValue::Methods(_)
            | SlotValue::Members(_)
            | SlotValue::GetSet(_)
            | SlotValue::Base(_)
            | SlotValue::Bases(_) => 0,
        }
    }

    /// The signature's name, for error messages.
    ///
    /// ```
    /// use pyrt_core::types::{SlotId, SlotValue};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let v = py.builtins().int().get_slot(SlotId::TP_DEALLOC).unwrap();
    ///     assert_eq!(v.kind_name(), "destructor");
    ///     assert_eq!(SlotValue::Doc("text").kind_name(), "doc");
    /// });
    /// ```
    pub fn kind_name(&self) -> &'static str {
        match self {
            SlotValue::Alloc(_) => "allocfunc",
            SlotValue::Dealloc(_) => "destructor",
            SlotValue::Free(_) => "freefunc",
            SlotValue::ObjProc(_) => "destructor/inquiry",
            SlotValue::Traverse(_) => "traverseproc",
            SlotValue::IsGc(_) => "inquiry",
            SlotValue::New(_) => "newfunc",
            SlotValue::Init(_) => "initproc",
            SlotValue::Unary(_) => "unaryfunc",
            SlotValue::Binary(_) => "binaryfunc",
            SlotValue::Ternary(_) => "ternaryfunc",
            SlotValue::GetAttr(_) => "getattrfunc",
            SlotValue::SetAttr(_) => "setattrfunc",
            SlotValue::ObjObjArg(_) => "objobjargproc",
            SlotValue::DescrGet(_) => "descrgetfunc",
            SlotValue::Ssize(_) => "hashfunc/lenfunc",
            SlotValue::RichCompare(_) => "richcmpfunc",
            SlotValue::IterNext(_) => "iternextfunc",
            SlotValue::Inquiry(_) => "inquiry",
            SlotValue::SsizeArg(_) => "ssizeargfunc",
            SlotValue::SsizeObjArg(_) => "ssizeobjargproc",
            SlotValue::ObjObj(_) => "objobjproc",
            SlotValue::GetBuffer(_) => "getbufferproc",
            SlotValue::ReleaseBuffer(_) => "releasebufferproc",
            SlotValue::Send(_) => "sendfunc",
            SlotValue::Doc(_) => "doc",
            SlotValue::Methods(_) => "PyMethodDef[]",
            SlotValue::Members(_) => "PyMemberDef[]",
            SlotValue::GetSet(_) => "PyGetSetDef[]",
            SlotValue::Base(_) => "type",
            SlotValue::Bases(_) => "tuple",
        }
    }
}

/// Why a slot could not be set.
///
/// ```
/// use pyrt_core::{TypeObject, types::{SlotId, SlotSetError, SlotValue}};
/// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
/// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
/// assert_eq!(t.set_fn_slot(SlotId::NB_ADD, None), Err(SlotSetError::NoSubtable));
/// assert_eq!(t.set_fn_slot(SlotId::TP_DOC, None), Err(SlotSetError::NotAFunction));
/// t.use_inline_subtables();
/// let doc = Some(SlotValue::Doc("not a function"));
/// assert_eq!(t.set_fn_slot(SlotId::NB_ADD, doc), Err(SlotSetError::WrongKind));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotSetError {
    /// The number is not a slot number.
    InvalidId,
    /// The value's signature does not match the slot.
    WrongKind,
    /// The slot's sub-table is absent.
    NoSubtable,
    /// The slot is not a function slot (doc, tables, bases).
    NotAFunction,
    /// The slot is one of the [`RAW_SLOTS`], which only the `unsafe` setter accepts.
    Unchecked,
}

/// Read/write access to a slot cell, plain (`Cell`) or guarded (`RawCell`).
trait SlotCell<F: Copy> {
    fn read(&self) -> Option<F>;
    /// # Safety
    /// For guarded cells, the value must satisfy the field's documented invariants.
    unsafe fn write(&self, v: Option<F>);
}

impl<F: Copy> SlotCell<F> for Cell<Option<F>> {
    fn read(&self) -> Option<F> {
        self.get()
    }
    unsafe fn write(&self, v: Option<F>) {
        self.set(v)
    }
}

impl<F: Copy> SlotCell<F> for RawCell<Option<F>> {
    fn read(&self) -> Option<F> {
        self.get()
    }
    unsafe fn write(&self, v: Option<F>) {
        // SAFETY: forwarded to the caller.
        unsafe { self.set(v) }
    }
}

/// Slots whose functions must agree with the instances' memory layout (allocation,
/// destruction, freeing, GC traversal and collectability): setting them is `unsafe`.
pub const RAW_SLOTS: [SlotId; 5] = [
    SlotId::TP_ALLOC,
    SlotId::TP_DEALLOC,
    SlotId::TP_FREE,
    SlotId::TP_TRAVERSE,
    SlotId::TP_IS_GC,
];

macro_rules! cell_of {
    ($tp:ident, Type, $f:ident) => {
        Some(&$tp.$f)
    };
    ($tp:ident, Number, $f:ident) => {
        $tp.number().map(|t| &t.$f)
    };
    ($tp:ident, Sequence, $f:ident) => {
        $tp.sequence().map(|t| &t.$f)
    };
    ($tp:ident, Mapping, $f:ident) => {
        $tp.mapping().map(|t| &t.$f)
    };
    ($tp:ident, Async, $f:ident) => {
        $tp.async_().map(|t| &t.$f)
    };
    ($tp:ident, Buffer, $f:ident) => {
        $tp.buffer().map(|t| &t.$f)
    };
}

macro_rules! fn_slots {
    ($($id:literal $field:ident $konst:ident $place:ident $variant:ident;)*) => {
        /// The function slots' numbers (`Py_*`, the stable-ABI values).
        ///
        /// ```
        /// use pyrt_core::types::SlotId;
        /// assert_eq!((SlotId::MP_LENGTH, SlotId::NB_ADD), (SlotId(4), SlotId(7)));
        /// ```
        impl SlotId {
            $(#[doc = concat!("`Py_", stringify!($field), "`")] pub const $konst: SlotId = SlotId($id);)*
        }

        /// Every function-valued slot, in slot-number order.
        pub static FN_SLOTS: &[SlotDef] = &[
            $(SlotDef { id: SlotId($id), name: stringify!($field), place: SlotPlace::$place },)*
        ];

        /// Reads a function slot (`None` if empty, absent sub-table, or not a function slot).
        pub(crate) fn get_fn(tp: &TypeObject, id: SlotId) -> Option<SlotValue<'static>> {
            match id.0 {
                $($id => cell_of!(tp, $place, $field).and_then(|c| c.read()).map(SlotValue::$variant),)*
                _ => None,
            }
        }

        /// Writes a function slot.
        ///
        /// # Safety
        /// For the [`RAW_SLOTS`], the function must agree with the type's instance layout.
        pub(crate) unsafe fn set_fn(tp: &TypeObject, id: SlotId, v: Option<SlotValue<'_>>) -> Result<(), SlotSetError> {
            match id.0 {
                $($id => {
                    let cell = cell_of!(tp, $place, $field).ok_or(SlotSetError::NoSubtable)?;
                    match v {
                        // SAFETY: forwarded to the caller.
                        None => unsafe { cell.write(None) },
                        // SAFETY: forwarded to the caller.
                        Some(SlotValue::$variant(f)) => unsafe { cell.write(Some(f)) },
                        Some(_) => return Err(SlotSetError::WrongKind),
                    }
                    Ok(())
                })*
                48 | 49 | 56 | 64 | 72 | 73 => Err(SlotSetError::NotAFunction),
                _ => Err(SlotSetError::InvalidId),
            }
        }
    };
}

fn_slots! {
    1 bf_getbuffer BF_GETBUFFER Buffer GetBuffer;
    2 bf_releasebuffer BF_RELEASEBUFFER Buffer ReleaseBuffer;
    3 mp_ass_subscript MP_ASS_SUBSCRIPT Mapping ObjObjArg;
    4 mp_length MP_LENGTH Mapping Ssize;
    5 mp_subscript MP_SUBSCRIPT Mapping Binary;
    6 nb_absolute NB_ABSOLUTE Number Unary;
    7 nb_add NB_ADD Number Binary;
    8 nb_and NB_AND Number Binary;
    9 nb_bool NB_BOOL Number Inquiry;
    10 nb_divmod NB_DIVMOD Number Binary;
    11 nb_float NB_FLOAT Number Unary;
    12 nb_floor_divide NB_FLOOR_DIVIDE Number Binary;
    13 nb_index NB_INDEX Number Unary;
    14 nb_inplace_add NB_INPLACE_ADD Number Binary;
    15 nb_inplace_and NB_INPLACE_AND Number Binary;
    16 nb_inplace_floor_divide NB_INPLACE_FLOOR_DIVIDE Number Binary;
    17 nb_inplace_lshift NB_INPLACE_LSHIFT Number Binary;
    18 nb_inplace_multiply NB_INPLACE_MULTIPLY Number Binary;
    19 nb_inplace_or NB_INPLACE_OR Number Binary;
    20 nb_inplace_power NB_INPLACE_POWER Number Ternary;
    21 nb_inplace_remainder NB_INPLACE_REMAINDER Number Binary;
    22 nb_inplace_rshift NB_INPLACE_RSHIFT Number Binary;
    23 nb_inplace_subtract NB_INPLACE_SUBTRACT Number Binary;
    24 nb_inplace_true_divide NB_INPLACE_TRUE_DIVIDE Number Binary;
    25 nb_inplace_xor NB_INPLACE_XOR Number Binary;
    26 nb_int NB_INT Number Unary;
    27 nb_invert NB_INVERT Number Unary;
    28 nb_lshift NB_LSHIFT Number Binary;
    29 nb_multiply NB_MULTIPLY Number Binary;
    30 nb_negative NB_NEGATIVE Number Unary;
    31 nb_or NB_OR Number Binary;
    32 nb_positive NB_POSITIVE Number Unary;
    33 nb_power NB_POWER Number Ternary;
    34 nb_remainder NB_REMAINDER Number Binary;
    35 nb_rshift NB_RSHIFT Number Binary;
    36 nb_subtract NB_SUBTRACT Number Binary;
    37 nb_true_divide NB_TRUE_DIVIDE Number Binary;
    38 nb_xor NB_XOR Number Binary;
    39 sq_ass_item SQ_ASS_ITEM Sequence SsizeObjArg;
    40 sq_concat SQ_CONCAT Sequence Binary;
    41 sq_contains SQ_CONTAINS Sequence ObjObj;
    42 sq_inplace_concat SQ_INPLACE_CONCAT Sequence Binary;
    43 sq_inplace_repeat SQ_INPLACE_REPEAT Sequence SsizeArg;
    44 sq_item SQ_ITEM Sequence SsizeArg;
    45 sq_length SQ_LENGTH Sequence Ssize;
    46 sq_repeat SQ_REPEAT Sequence SsizeArg;
    47 tp_alloc TP_ALLOC Type Alloc;
    50 tp_call TP_CALL Type Ternary;
    51 tp_clear TP_CLEAR Type ObjProc;
    52 tp_dealloc TP_DEALLOC Type Dealloc;
    53 tp_del TP_DEL Type ObjProc;
    54 tp_descr_get TP_DESCR_GET Type DescrGet;
    55 tp_descr_set TP_DESCR_SET Type ObjObjArg;
    57 tp_getattr TP_GETATTR Type GetAttr;
    58 tp_getattro TP_GETATTRO Type Binary;
    59 tp_hash TP_HASH Type Ssize;
    60 tp_init TP_INIT Type Init;
    61 tp_is_gc TP_IS_GC Type IsGc;
    62 tp_iter TP_ITER Type Unary;
    63 tp_iternext TP_ITERNEXT Type IterNext;
    65 tp_new TP_NEW Type New;
    66 tp_repr TP_REPR Type Unary;
    67 tp_richcompare TP_RICHCOMPARE Type RichCompare;
    68 tp_setattr TP_SETATTR Type SetAttr;
    69 tp_setattro TP_SETATTRO Type ObjObjArg;
    70 tp_str TP_STR Type Unary;
    71 tp_traverse TP_TRAVERSE Type Traverse;
    74 tp_free TP_FREE Type Free;
    75 nb_matrix_multiply NB_MATRIX_MULTIPLY Number Binary;
    76 nb_inplace_matrix_multiply NB_INPLACE_MATRIX_MULTIPLY Number Binary;
    77 am_await AM_AWAIT Async Unary;
    78 am_aiter AM_AITER Async Unary;
    79 am_anext AM_ANEXT Async Unary;
    80 tp_finalize TP_FINALIZE Type ObjProc;
    81 am_send AM_SEND Async Send;
}

/// The non-function slots' numbers, and a slot number's name, validity and row.
///
/// ```
/// use pyrt_core::types::SlotId;
/// assert_eq!(SlotId::TP_BASE.name(), Some("tp_base"));
/// assert!(SlotId::TP_BASE.is_valid() && SlotId::TP_BASE.def().is_none());
/// ```
impl SlotId {
    /// `Py_tp_base`
    pub const TP_BASE: SlotId = SlotId(48);
    /// `Py_tp_bases`
    pub const TP_BASES: SlotId = SlotId(49);
    /// `Py_tp_doc`
    pub const TP_DOC: SlotId = SlotId(56);
    /// `Py_tp_methods`
    pub const TP_METHODS: SlotId = SlotId(64);
    /// `Py_tp_members`
    pub const TP_MEMBERS: SlotId = SlotId(72);
    /// `Py_tp_getset`
    pub const TP_GETSET: SlotId = SlotId(73);
    /// The highest valid slot number.
    pub const MAX: SlotId = SlotId(81);

    /// The C field name, or `None` for an invalid number.
    ///
    /// ```
    /// use pyrt_core::types::SlotId;
    /// assert_eq!(SlotId::TP_DOC.name(), Some("tp_doc"));
    /// assert_eq!(SlotId(81).name(), Some("am_send"));
    /// assert_eq!(SlotId(82).name(), None);
    /// ```
    pub fn name(self) -> Option<&'static str> {
        match self.0 {
            48 => Some("tp_base"),
            49 => Some("tp_bases"),
            56 => Some("tp_doc"),
            64 => Some("tp_methods"),
            72 => Some("tp_members"),
            73 => Some("tp_getset"),
            _ => FN_SLOTS.iter().find(|d| d.id == self).map(|d| d.name),
        }
    }

    /// Whether this is a valid slot number (1..=81).
    ///
    /// ```
    /// use pyrt_core::types::SlotId;
    /// assert!(SlotId(1).is_valid() && SlotId::MAX.is_valid());
    /// assert!(!SlotId(0).is_valid() && !SlotId(82).is_valid());
    /// ```
    pub fn is_valid(self) -> bool {
        (1..=81).contains(&self.0)
    }

    /// The definition row of a function slot.
    ///
    /// ```
    /// use pyrt_core::types::SlotId;
    /// assert_eq!(SlotId::NB_ADD.def().unwrap().name, "nb_add");
    /// assert!(SlotId::TP_DOC.def().is_none()); // valid, but not a function slot
    /// ```
    pub fn def(self) -> Option<&'static SlotDef> {
        FN_SLOTS.iter().find(|d| d.id == self)
    }
}

/// `PyType_GetSlot` and the slot setters (checked, and `unsafe` for the raw slots).
///
/// ```
/// use pyrt_core::types::{SlotId, SlotSetError};
/// pyrt_core::with_test_runtime(|py| {
///     let t = py.builtins().tuple();
///     assert!(t.get_slot(SlotId::TP_DEALLOC).is_some());
///     assert_eq!(t.set_fn_slot(SlotId::TP_DEALLOC, None), Err(SlotSetError::Unchecked));
/// });
/// ```
impl TypeObject {
    /// `PyType_GetSlot`: the value of slot `id`, or `None` when the slot is empty, its
    /// sub-table is absent, or `id` is not a slot number.
    ///
    /// ```
    /// use pyrt_core::types::SlotId;
    /// pyrt_core::with_test_runtime(|py| {
    ///     let int = py.builtins().int();
    ///     assert!(int.get_slot(SlotId::TP_DEALLOC).is_some());
    ///     assert!(int.get_slot(SlotId::NB_ADD).is_none()); // no number table at the core level
    ///     assert!(int.get_slot(SlotId(999)).is_none());
    /// });
    /// ```
    pub fn get_slot(&self, id: SlotId) -> Option<SlotValue<'_>> {
        match id.0 {
            48 => self.base().map(SlotValue::Base),
            // SAFETY: the references are tied to `self`, whose cells are not modified while
            // the returned value is used (documented on `SlotValue`).
            49 => unsafe { self.tp_bases.get_ref() }.map(SlotValue::Bases),
            // SAFETY: as above.
            56 => unsafe { self.tp_doc.get_ref() }.map(|d: &StrObject| SlotValue::Doc(d.as_str())),
            64 => self
                .tp_methods
                .is_set()
                .then(|| SlotValue::Methods(self.tp_methods.get())),
            72 => self
                .tp_members
                .is_set()
                .then(|| SlotValue::Members(self.tp_members.get())),
            73 => self
                .tp_getset
                .is_set()
                .then(|| SlotValue::GetSet(self.tp_getset.get())),
            _ => get_fn(self, id),
        }
    }

    /// Sets (or with `None` empties) function slot `id`. The [`RAW_SLOTS`] are refused
    /// with [`SlotSetError::Unchecked`]: use [`TypeObject::set_fn_slot_unchecked`].
    ///
    /// ```
    /// use pyrt_core::types::{SlotId, SlotSetError};
    /// pyrt_core::with_test_runtime(|py| {
    ///     let int = py.builtins().int();
    ///     assert_eq!(int.set_fn_slot(SlotId(0), None), Err(SlotSetError::InvalidId));
    ///     assert_eq!(int.set_fn_slot(SlotId::TP_FREE, None), Err(SlotSetError::Unchecked));
    /// });
    /// ```
    pub fn set_fn_slot(&self, id: SlotId, v: Option<SlotValue<'_>>) -> Result<(), SlotSetError> {
        if RAW_SLOTS.contains(&id) {
            return Err(SlotSetError::Unchecked);
        }
        // SAFETY: the raw slots were refused above; other slots hold plain functions.
        unsafe { set_fn(self, id, v) }
    }

    /// Sets any function slot, including the [`RAW_SLOTS`].
    ///
    /// ```
    /// use pyrt_core::{TypeObject, object::plain_free, types::{SlotId, SlotValue}};
    /// // SAFETY: all-zero bytes are a valid (empty) TypeObject: the struct's invariant.
    /// let t: Box<TypeObject> = unsafe { Box::new_zeroed().assume_init() };
    /// let free = Some(SlotValue::Free(plain_free));
    /// // SAFETY: `t` has no instances; `plain_free` matches a layout without a GC head.
    /// let r = unsafe { t.set_fn_slot_unchecked(SlotId::TP_FREE, free) };
    /// assert_eq!(r, Ok(()));
    /// assert!(t.get_slot(SlotId::TP_FREE).is_some());
    /// ```
    ///
    /// # Safety
    /// A raw slot's function must agree with the type's instance layout: `tp_alloc`
    /// returns blocks laid out as the type's instances; `tp_dealloc` destroys exactly
    /// that payload and ends in `tp_free`; `tp_free` matches the allocation (GC head or
    /// not); `tp_traverse` visits only live objects the instance owns references to;
    /// `tp_is_gc` says true only for objects allocated with a GC head.
    pub unsafe fn set_fn_slot_unchecked(
        &self,
        id: SlotId,
        v: Option<SlotValue<'_>>,
    ) -> Result<(), SlotSetError> {
        // SAFETY: forwarded to the caller.
        unsafe { set_fn(self, id, v) }
    }
}
