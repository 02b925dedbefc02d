//! The slot definition table: one row per (dunder, slot) pair, in CPython's order
//! (type slots, number, mapping, sequence), saying how a slot wrapper calls the slot
//! ([`Wrapper`]) and which generic dispatcher heap types get when their MRO defines the
//! dunder.
//!
//! A slot may have several rows (the six comparisons all drive `tp_richcompare`;
//! `__add__` and `__radd__` both drive `nb_add`), and a name several slots
//! (`__getitem__` drives `mp_subscript` and `sq_item`). The first row that applies wins
//! when slot wrappers are made, so the number and mapping slots beat the sequence ones.
//!
//! Owns the table and queries over it. Must not call anything.

use super::dispatch::binary::{slot_binary, slot_inplace, slot_inplace_power, slot_power};
use super::dispatch::container::{
    slot_length, slot_mp_ass_subscript, slot_mp_subscript, slot_sq_ass_item, slot_sq_contains,
    slot_sq_item,
};
use super::dispatch::type_slots::{
    slot_tp_call, slot_tp_descr_get, slot_tp_descr_set, slot_tp_finalize, slot_tp_getattr_hook,
    slot_tp_hash, slot_tp_init, slot_tp_iternext, slot_tp_new, slot_tp_richcompare,
    slot_tp_setattro,
};
use super::dispatch::unary::{slot_nb_bool, slot_tp_iter, slot_unary};
use super::names::Dunder;
use crate::ops::BinOp;
use pyrt_core::types::{
    BinaryFunc, CompareOp, DescrGetFunc, InitProc, InquiryFunc, IterNextFunc, NewFunc,
    ObjObjArgProc, ObjObjProc, ObjProc, RichCmpFunc, SlotId, SlotValue, SsizeArgFunc, SsizeFunc,
    SsizeObjArgProc, TernaryFunc, UnaryFunc,
};

/// How a slot wrapper (`int.__add__`) turns its Python-level arguments into a call of
/// the slot function.
///
/// ```
/// use pyrt_typeobject::slotdefs::{Dunder, Wrapper, rows_named};
/// let radd = rows_named(Dunder::RAdd).next().unwrap();
/// assert_eq!(radd.wrapper, Some(Wrapper::BinaryReflected));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrapper {
    /// `f(self)`, no arguments (`__neg__`, `__repr__`, `__iter__`, ...).
    Unary,
    /// `f(self) -> bool` (`__bool__`).
    Inquiry,
    /// `f(self) -> int` (`__len__`).
    Len,
    /// `f(self) -> int` (`__hash__`).
    Hash,
    /// `f(self)`; exhaustion raises `StopIteration` (`__next__`).
    Next,
    /// `f(self)` for its side effect (`__del__`).
    Del,
    /// `f(self, other)`.
    Binary,
    /// `f(other, self)` (reflected operators).
    BinaryReflected,
    /// `f(self, other, mod=None)` (`__pow__`).
    Ternary,
    /// `f(other, self, mod=None)` (`__rpow__`).
    TernaryReflected,
    /// `f(self, n)` with `n` an index (`sq_repeat`).
    IndexArg,
    /// `f(self, i)` with `i` an index, negative counted from the end (`sq_item`).
    SqItem,
    /// `f(self, i, value)` (`sq_ass_item`).
    SqSetItem,
    /// `f(self, i, None)` (`sq_ass_item`).
    SqDelItem,
    /// `f(self, key) -> bool` (`__contains__`).
    Contains,
    /// `f(self, key, value)` (`mp_ass_subscript`).
    SetItem,
    /// `f(self, key, None)` (`mp_ass_subscript`).
    DelItem,
    /// `f(self, other, op)` (one per comparison).
    RichCompare(CompareOp),
    /// `f(self, args, kwargs)` (`__call__`).
    Call,
    /// `f(self, args, kwargs) -> None` (`__init__`).
    Init,
    /// `f(self, name)` (`__getattribute__`).
    GetAttr,
    /// `f(self, name, value)`, refusing to skip a base's `__setattr__` (`__setattr__`).
    SetAttr,
    /// `f(self, name, None)`, likewise (`__delattr__`).
    DelAttr,
    /// `f(self, obj, type)` (`__get__`).
    DescrGet,
    /// `f(self, obj, value)` (`__set__`).
    DescrSet,
    /// `f(self, obj, None)` (`__delete__`).
    DescrDelete,
}

/// A dispatcher function, tagged by slot signature (the function-valued subset of
/// [`SlotValue`], which can live in a `static`).
///
/// ```
/// use pyrt_typeobject::slotdefs::{Dunder, rows_named};
/// let d = rows_named(Dunder::Len).next().unwrap().dispatcher.unwrap();
/// assert_eq!(d.value().kind_name(), "hashfunc/lenfunc");
/// ```
#[derive(Clone, Copy)]
pub enum Dispatcher {
    /// `unaryfunc`
    Unary(UnaryFunc),
    /// `binaryfunc`
    Binary(BinaryFunc),
    /// `ternaryfunc`
    Ternary(TernaryFunc),
    /// `inquiry`
    Inquiry(InquiryFunc),
    /// `hashfunc` / `lenfunc`
    Ssize(SsizeFunc),
    /// `richcmpfunc`
    RichCompare(RichCmpFunc),
    /// `iternextfunc`
    IterNext(IterNextFunc),
    /// `descrgetfunc`
    DescrGet(DescrGetFunc),
    /// `objobjargproc`
    ObjObjArg(ObjObjArgProc),
    /// `initproc`
    Init(InitProc),
    /// `newfunc`
    New(NewFunc),
    /// `destructor` (`tp_finalize`)
    ObjProc(ObjProc),
    /// `ssizeargfunc`
    SsizeArg(SsizeArgFunc),
    /// `ssizeobjargproc`
    SsizeObjArg(SsizeObjArgProc),
    /// `objobjproc`
    ObjObj(ObjObjProc),
}

impl Dispatcher {
    /// The function as a slot value.
    ///
    /// ```
    /// use pyrt_typeobject::slotdefs::{Dunder, rows_named};
    /// let d = rows_named(Dunder::Neg).next().unwrap().dispatcher.unwrap();
    /// assert_ne!(d.value().fn_addr(), 0);
    /// ```
    pub fn value(self) -> SlotValue<'static> {
        match self {
            Dispatcher::Unary(f) => SlotValue::Unary(f),
            Dispatcher::Binary(f) => SlotValue::Binary(f),
            Dispatcher::Ternary(f) => SlotValue::Ternary(f),
            Dispatcher::Inquiry(f) => SlotValue::Inquiry(f),
            Dispatcher::Ssize(f) => SlotValue::Ssize(f),
            Dispatcher::RichCompare(f) => SlotValue::RichCompare(f),
            Dispatcher::IterNext(f) => SlotValue::IterNext(f),
            Dispatcher::DescrGet(f) => SlotValue::DescrGet(f),
            Dispatcher::ObjObjArg(f) => SlotValue::ObjObjArg(f),
            Dispatcher::Init(f) => SlotValue::Init(f),
            Dispatcher::New(f) => SlotValue::New(f),
            Dispatcher::ObjProc(f) => SlotValue::ObjProc(f),
            Dispatcher::SsizeArg(f) => SlotValue::SsizeArg(f),
            Dispatcher::SsizeObjArg(f) => SlotValue::SsizeObjArg(f),
            Dispatcher::ObjObj(f) => SlotValue::ObjObj(f),
        }
    }
}

/// One row of the table.
///
/// ```
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::slotdefs::{Dunder, rows_named};
/// let row = rows_named(Dunder::Repr).next().unwrap();
/// assert_eq!((row.slot, row.doc), (SlotId::TP_REPR, "Return repr(self)."));
/// ```
#[derive(Clone, Copy)]
pub struct SlotDefRow {
    /// The dunder.
    pub name: Dunder,
    /// The slot it drives.
    pub slot: SlotId,
    /// How the slot wrapper calls the slot (`None`: the dunder gets no wrapper, e.g.
    /// `__getattr__`, `__new__`).
    pub wrapper: Option<Wrapper>,
    /// The dispatcher heap types get (`None`: the row only makes wrappers, e.g. the
    /// sequence `__add__`).
    pub dispatcher: Option<Dispatcher>,
    /// The wrapper's `__doc__`.
    pub doc: &'static str,
}

const fn row(
    name: Dunder,
    slot: SlotId,
    wrapper: Option<Wrapper>,
    dispatcher: Option<Dispatcher>,
    doc: &'static str,
) -> SlotDefRow {
    SlotDefRow {
        name,
        slot,
        wrapper,
        dispatcher,
        doc,
    }
}

use Dispatcher as V;
use Dunder as D;
use Wrapper as W;

/// A binary operator row (`__add__` / `__radd__` → `nb_add`) with its dispatcher.
macro_rules! binary {
    ($op:ident, $name:ident, $slot:ident, $wrapper:ident, $doc:literal) => {
        row(
            D::$name,
            SlotId::$slot,
            Some(W::$wrapper),
            Some(V::Binary(slot_binary::<{ BinOp::$op as usize }>)),
            $doc,
        )
    };
}

/// An in-place operator row (`__iadd__` → `nb_inplace_add`) with its dispatcher.
macro_rules! inplace {
    ($op:ident, $name:ident, $slot:ident, $doc:literal) => {
        row(
            D::$name,
            SlotId::$slot,
            Some(W::Binary),
            Some(V::Binary(slot_inplace::<{ BinOp::$op as usize }>)),
            $doc,
        )
    };
}

/// A one-argument row (`__neg__` → `nb_negative`) with its dispatcher.
macro_rules! unary {
    ($name:ident, $slot:ident, $doc:literal) => {
        row(
            D::$name,
            SlotId::$slot,
            Some(W::Unary),
            Some(V::Unary(slot_unary::<{ D::$name as u8 }>)),
            $doc,
        )
    };
}

/// The table, in CPython's order: type slots, number, mapping, sequence.
///
/// ```
/// use pyrt_typeobject::slotdefs::{Dunder, SLOTDEFS};
/// assert_eq!(SLOTDEFS[0].name, Dunder::GetAttribute);
/// ```
pub static SLOTDEFS: [SlotDefRow; 85] = [
    row(
        D::GetAttribute,
        SlotId::TP_GETATTRO,
        Some(W::GetAttr),
        Some(V::Binary(slot_tp_getattr_hook)),
        "Return getattr(self, name).",
    ),
    row(
        D::GetAttr,
        SlotId::TP_GETATTRO,
        None,
        Some(V::Binary(slot_tp_getattr_hook)),
        "",
    ),
    row(
        D::SetAttr,
        SlotId::TP_SETATTRO,
        Some(W::SetAttr),
        Some(V::ObjObjArg(slot_tp_setattro)),
        "Implement setattr(self, name, value).",
    ),
    row(
        D::DelAttr,
        SlotId::TP_SETATTRO,
        Some(W::DelAttr),
        Some(V::ObjObjArg(slot_tp_setattro)),
        "Implement delattr(self, name).",
    ),
    unary!(Repr, TP_REPR, "Return repr(self)."),
    row(
        D::Hash,
        SlotId::TP_HASH,
        Some(W::Hash),
        Some(V::Ssize(slot_tp_hash)),
        "Return hash(self).",
    ),
    row(
        D::Call,
        SlotId::TP_CALL,
        Some(W::Call),
        Some(V::Ternary(slot_tp_call)),
        "Call self as a function.",
    ),
    unary!(Str, TP_STR, "Return str(self)."),
    row(
        D::Lt,
        SlotId::TP_RICHCOMPARE,
        Some(W::RichCompare(CompareOp::Lt)),
        Some(V::RichCompare(slot_tp_richcompare)),
        "Return self<value.",
    ),
    row(
        D::Le,
        SlotId::TP_RICHCOMPARE,
        Some(W::RichCompare(CompareOp::Le)),
        Some(V::RichCompare(slot_tp_richcompare)),
        "Return self<=value.",
    ),
    row(
        D::Eq,
        SlotId::TP_RICHCOMPARE,
        Some(W::RichCompare(CompareOp::Eq)),
        Some(V::RichCompare(slot_tp_richcompare)),
        "Return self==value.",
    ),
    row(
        D::Ne,
        SlotId::TP_RICHCOMPARE,
        Some(W::RichCompare(CompareOp::Ne)),
        Some(V::RichCompare(slot_tp_richcompare)),
        "Return self!=value.",
    ),
    row(
        D::Gt,
        SlotId::TP_RICHCOMPARE,
        Some(W::RichCompare(CompareOp::Gt)),
        Some(V::RichCompare(slot_tp_richcompare)),
        "Return self>value.",
    ),
    row(
        D::Ge,
        SlotId::TP_RICHCOMPARE,
        Some(W::RichCompare(CompareOp::Ge)),
        Some(V::RichCompare(slot_tp_richcompare)),
        "Return self>=value.",
    ),
    row(
        D::Iter,
        SlotId::TP_ITER,
        Some(W::Unary),
        Some(V::Unary(slot_tp_iter)),
        "Implement iter(self).",
    ),
    row(
        D::Next,
        SlotId::TP_ITERNEXT,
        Some(W::Next),
        Some(V::IterNext(slot_tp_iternext)),
        "Implement next(self).",
    ),
    row(
        D::Get,
        SlotId::TP_DESCR_GET,
        Some(W::DescrGet),
        Some(V::DescrGet(slot_tp_descr_get)),
        "Return an attribute of instance, which is of type owner.",
    ),
    row(
        D::Set,
        SlotId::TP_DESCR_SET,
        Some(W::DescrSet),
        Some(V::ObjObjArg(slot_tp_descr_set)),
        "Set an attribute of instance to value.",
    ),
    row(
        D::Delete,
        SlotId::TP_DESCR_SET,
        Some(W::DescrDelete),
        Some(V::ObjObjArg(slot_tp_descr_set)),
        "Delete an attribute of instance.",
    ),
    row(
        D::Init,
        SlotId::TP_INIT,
        Some(W::Init),
        Some(V::Init(slot_tp_init)),
        "Initialize self.  See help(type(self)) for accurate signature.",
    ),
    row(
        D::New,
        SlotId::TP_NEW,
        None,
        Some(V::New(slot_tp_new)),
        "Create and return a new object.  See help(type) for accurate signature.",
    ),
    row(
        D::Del,
        SlotId::TP_FINALIZE,
        Some(W::Del),
        Some(V::ObjProc(slot_tp_finalize)),
        "Called when the instance is about to be destroyed.",
    ),
    binary!(Add, Add, NB_ADD, Binary, "Return self+value."),
    binary!(Add, RAdd, NB_ADD, BinaryReflected, "Return value+self."),
    binary!(Sub, Sub, NB_SUBTRACT, Binary, "Return self-value."),
    binary!(
        Sub,
        RSub,
        NB_SUBTRACT,
        BinaryReflected,
        "Return value-self."
    ),
    binary!(Mul, Mul, NB_MULTIPLY, Binary, "Return self*value."),
    binary!(
        Mul,
        RMul,
        NB_MULTIPLY,
        BinaryReflected,
        "Return value*self."
    ),
    binary!(Mod, Mod, NB_REMAINDER, Binary, "Return self%value."),
    binary!(
        Mod,
        RMod,
        NB_REMAINDER,
        BinaryReflected,
        "Return value%self."
    ),
    binary!(
        Divmod,
        Divmod,
        NB_DIVMOD,
        Binary,
        "Return divmod(self, value)."
    ),
    binary!(
        Divmod,
        RDivmod,
        NB_DIVMOD,
        BinaryReflected,
        "Return divmod(value, self)."
    ),
    row(
        D::Pow,
        SlotId::NB_POWER,
        Some(W::Ternary),
        Some(V::Ternary(slot_power)),
        "Return pow(self, value, mod).",
    ),
    row(
        D::RPow,
        SlotId::NB_POWER,
        Some(W::TernaryReflected),
        Some(V::Ternary(slot_power)),
        "Return pow(value, self, mod).",
    ),
    unary!(Neg, NB_NEGATIVE, "-self"),
    unary!(Pos, NB_POSITIVE, "+self"),
    unary!(Abs, NB_ABSOLUTE, "abs(self)"),
    row(
        D::Bool,
        SlotId::NB_BOOL,
        Some(W::Inquiry),
        Some(V::Inquiry(slot_nb_bool)),
        "True if self else False",
    ),
    unary!(Invert, NB_INVERT, "~self"),
    binary!(LShift, LShift, NB_LSHIFT, Binary, "Return self<<value."),
    binary!(
        LShift,
        RLShift,
        NB_LSHIFT,
        BinaryReflected,
        "Return value<<self."
    ),
    binary!(RShift, RShift, NB_RSHIFT, Binary, "Return self>>value."),
    binary!(
        RShift,
        RRShift,
        NB_RSHIFT,
        BinaryReflected,
        "Return value>>self."
    ),
    binary!(And, And, NB_AND, Binary, "Return self&value."),
    binary!(And, RAnd, NB_AND, BinaryReflected, "Return value&self."),
    binary!(Xor, Xor, NB_XOR, Binary, "Return self^value."),
    binary!(Xor, RXor, NB_XOR, BinaryReflected, "Return value^self."),
    binary!(Or, Or, NB_OR, Binary, "Return self|value."),
    binary!(Or, ROr, NB_OR, BinaryReflected, "Return value|self."),
    unary!(Int, NB_INT, "int(self)"),
    unary!(Float, NB_FLOAT, "float(self)"),
    inplace!(Add, IAdd, NB_INPLACE_ADD, "Implement self+=value."),
    inplace!(Sub, ISub, NB_INPLACE_SUBTRACT, "Return self-=value."),
    inplace!(Mul, IMul, NB_INPLACE_MULTIPLY, "Implement self*=value."),
    inplace!(Mod, IMod, NB_INPLACE_REMAINDER, "Return self%=value."),
    row(
        D::IPow,
        SlotId::NB_INPLACE_POWER,
        Some(W::Binary),
        Some(V::Ternary(slot_inplace_power)),
        "Return self**=value.",
    ),
    inplace!(LShift, ILShift, NB_INPLACE_LSHIFT, "Return self<<=value."),
    inplace!(RShift, IRShift, NB_INPLACE_RSHIFT, "Return self>>=value."),
    inplace!(And, IAnd, NB_INPLACE_AND, "Return self&=value."),
    inplace!(Xor, IXor, NB_INPLACE_XOR, "Return self^=value."),
    inplace!(Or, IOr, NB_INPLACE_OR, "Return self|=value."),
    binary!(
        FloorDiv,
        FloorDiv,
        NB_FLOOR_DIVIDE,
        Binary,
        "Return self//value."
    ),
    binary!(
        FloorDiv,
        RFloorDiv,
        NB_FLOOR_DIVIDE,
        BinaryReflected,
        "Return value//self."
    ),
    binary!(
        TrueDiv,
        TrueDiv,
        NB_TRUE_DIVIDE,
        Binary,
        "Return self/value."
    ),
    binary!(
        TrueDiv,
        RTrueDiv,
        NB_TRUE_DIVIDE,
        BinaryReflected,
        "Return value/self."
    ),
    inplace!(
        FloorDiv,
        IFloorDiv,
        NB_INPLACE_FLOOR_DIVIDE,
        "Return self//=value."
    ),
    inplace!(
        TrueDiv,
        ITrueDiv,
        NB_INPLACE_TRUE_DIVIDE,
        "Return self/=value."
    ),
    unary!(
        Index,
        NB_INDEX,
        "Return self converted to an integer, if self is suitable for use as an index into a list."
    ),
    binary!(
        MatMul,
        MatMul,
        NB_MATRIX_MULTIPLY,
        Binary,
        "Return self@value."
    ),
    binary!(
        MatMul,
        RMatMul,
        NB_MATRIX_MULTIPLY,
        BinaryReflected,
        "Return value@self."
    ),
    inplace!(
        MatMul,
        IMatMul,
        NB_INPLACE_MATRIX_MULTIPLY,
        "Return self@=value."
    ),
    row(
        D::Len,
        SlotId::MP_LENGTH,
        Some(W::Len),
        Some(V::Ssize(slot_length)),
        "Return len(self).",
    ),
    row(
        D::GetItem,
        SlotId::MP_SUBSCRIPT,
        Some(W::Binary),
        Some(V::Binary(slot_mp_subscript)),
        "Return self[key].",
    ),
    row(
        D::SetItem,
        SlotId::MP_ASS_SUBSCRIPT,
        Some(W::SetItem),
        Some(V::ObjObjArg(slot_mp_ass_subscript)),
        "Set self[key] to value.",
    ),
    row(
        D::DelItem,
        SlotId::MP_ASS_SUBSCRIPT,
        Some(W::DelItem),
        Some(V::ObjObjArg(slot_mp_ass_subscript)),
        "Delete self[key].",
    ),
    row(
        D::Len,
        SlotId::SQ_LENGTH,
        Some(W::Len),
        Some(V::Ssize(slot_length)),
        "Return len(self).",
    ),
    row(
        D::Add,
        SlotId::SQ_CONCAT,
        Some(W::Binary),
        None,
        "Return self+value.",
    ),
    row(
        D::Mul,
        SlotId::SQ_REPEAT,
        Some(W::IndexArg),
        None,
        "Return self*value.",
    ),
    row(
        D::RMul,
        SlotId::SQ_REPEAT,
        Some(W::IndexArg),
        None,
        "Return value*self.",
    ),
    row(
        D::GetItem,
        SlotId::SQ_ITEM,
        Some(W::SqItem),
        Some(V::SsizeArg(slot_sq_item)),
        "Return self[key].",
    ),
    row(
        D::SetItem,
        SlotId::SQ_ASS_ITEM,
        Some(W::SqSetItem),
        Some(V::SsizeObjArg(slot_sq_ass_item)),
        "Set self[key] to value.",
    ),
    row(
        D::DelItem,
        SlotId::SQ_ASS_ITEM,
        Some(W::SqDelItem),
        Some(V::SsizeObjArg(slot_sq_ass_item)),
        "Delete self[key].",
    ),
    row(
        D::Contains,
        SlotId::SQ_CONTAINS,
        Some(W::Contains),
        Some(V::ObjObj(slot_sq_contains)),
        "Return key in self.",
    ),
    row(
        D::IAdd,
        SlotId::SQ_INPLACE_CONCAT,
        Some(W::Binary),
        None,
        "Implement self+=value.",
    ),
    row(
        D::IMul,
        SlotId::SQ_INPLACE_REPEAT,
        Some(W::IndexArg),
        None,
        "Implement self*=value.",
    ),
];

/// Every row of the table.
///
/// ```
/// use pyrt_typeobject::slotdefs::{Dunder, slotdefs};
/// use pyrt_core::types::SlotId;
/// let add: Vec<_> = slotdefs().iter().filter(|r| r.name == Dunder::Add).map(|r| r.slot).collect();
/// assert_eq!(add, [SlotId::NB_ADD, SlotId::SQ_CONCAT]);
/// ```
pub fn slotdefs() -> &'static [SlotDefRow] {
    &SLOTDEFS
}

/// The rows of `name`.
///
/// ```
/// use pyrt_typeobject::slotdefs::{Dunder, rows_named};
/// assert_eq!(rows_named(Dunder::Len).count(), 2); // mp_length and sq_length
/// ```
pub fn rows_named(name: Dunder) -> impl Iterator<Item = &'static SlotDefRow> {
    SLOTDEFS.iter().filter(move |r| r.name == name)
}

/// The rows driving `slot`.
///
/// ```
/// use pyrt_core::types::SlotId;
/// assert_eq!(pyrt_typeobject::slotdefs::rows_for_slot(SlotId::TP_RICHCOMPARE).count(), 6);
/// ```
pub fn rows_for_slot(slot: SlotId) -> impl Iterator<Item = &'static SlotDefRow> {
    SLOTDEFS.iter().filter(move |r| r.slot == slot)
}

/// The distinct slots that have a dispatcher, in table order.
///
/// ```
/// use pyrt_core::types::SlotId;
/// let slots: Vec<SlotId> = pyrt_typeobject::slotdefs::dispatched_slots().collect();
/// assert!(slots.contains(&SlotId::NB_ADD) && !slots.contains(&SlotId::SQ_CONCAT));
/// ```
pub fn dispatched_slots() -> impl Iterator<Item = SlotId> {
    SLOTDEFS
        .iter()
        .enumerate()
        .filter(|(i, r)| {
            r.dispatcher.is_some()
                && !SLOTDEFS[..*i]
                    .iter()
                    .any(|p| p.slot == r.slot && p.dispatcher.is_some())
        })
        .map(|(_, r)| r.slot)
}

/// A function-valued slot value detached from the type it was read from (functions are
/// `'static`); `None` for the table/doc/base values.
///
/// ```
/// use pyrt_core::types::SlotValue;
/// assert!(pyrt_typeobject::slotdefs::static_fn(SlotValue::Doc("x")).is_none());
/// ```
pub fn static_fn(v: SlotValue<'_>) -> Option<SlotValue<'static>> {
    Some(match v {
        SlotValue::Alloc(f) => SlotValue::Alloc(f),
        SlotValue::Dealloc(f) => SlotValue::Dealloc(f),
        SlotValue::Free(f) => SlotValue::Free(f),
        SlotValue::ObjProc(f) => SlotValue::ObjProc(f),
        SlotValue::Traverse(f) => SlotValue::Traverse(f),
        SlotValue::IsGc(f) => SlotValue::IsGc(f),
        SlotValue::New(f) => SlotValue::New(f),
        SlotValue::Init(f) => SlotValue::Init(f),
        SlotValue::Unary(f) => SlotValue::Unary(f),
        SlotValue::Binary(f) => SlotValue::Binary(f),
        SlotValue::Ternary(f) => SlotValue::Ternary(f),
        SlotValue::GetAttr(f) => SlotValue::GetAttr(f),
        SlotValue::SetAttr(f) => SlotValue::SetAttr(f),
        SlotValue::ObjObjArg(f) => SlotValue::ObjObjArg(f),
        SlotValue::DescrGet(f) => SlotValue::DescrGet(f),
        SlotValue::Ssize(f) => SlotValue::Ssize(f),
        SlotValue::RichCompare(f) => SlotValue::RichCompare(f),
        SlotValue::IterNext(f) => SlotValue::IterNext(f),
        SlotValue::Inquiry(f) => SlotValue::Inquiry(f),
        SlotValue::SsizeArg(f) => SlotValue::SsizeArg(f),
        SlotValue::SsizeObjArg(f) => SlotValue::SsizeObjArg(f),
        SlotValue::ObjObj(f) => SlotValue::ObjObj(f),
        SlotValue::GetBuffer(f) => SlotValue::GetBuffer(f),
        SlotValue::ReleaseBuffer(f) => SlotValue::ReleaseBuffer(f),
        SlotValue::Send(f) => SlotValue::Send(f),
        SlotValue::Doc(_)
        | SlotValue::Methods(_)
        | SlotValue::Members(_)
        | SlotValue::GetSet(_)
        | SlotValue::Base(_)
        | SlotValue::Bases(_) => return None,
    })
}
