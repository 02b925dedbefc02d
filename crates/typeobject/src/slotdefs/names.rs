//! The dunder names the slot table knows, as a closed enum with a per-name cache of the
//! interned `str` object (so dispatchers look a name up without hashing a Rust string).
//!
//! Owns the spelling of each name and its interned object. Must not know which slot a
//! name drives (that is the table's job).

use pyrt_core::builtins::{StrObject, intern_cached};
use pyrt_core::{Bound, PyResult, Python};
use std::sync::OnceLock;
use std::sync::atomic::AtomicPtr;

macro_rules! dunders {
    ($($variant:ident => $text:literal,)*) => {
        /// A dunder name that drives a slot.
        ///
        /// ```
        /// use pyrt_typeobject::slotdefs::Dunder;
        /// assert_eq!(Dunder::RAdd.as_str(), "__radd__");
        /// assert_eq!(Dunder::from_name("__len__"), Some(Dunder::Len));
        /// assert_eq!(Dunder::from_name("__foo__"), None);
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Dunder {
            $(#[doc = concat!("`", $text, "`")] $variant,)*
        }

        const TEXTS: &[&str] = &[$($text,)*];
        const ALL: &[Dunder] = &[$(Dunder::$variant,)*];

        fn lookup(name: &str) -> Option<Dunder> {
            match name {
                $($text => Some(Dunder::$variant),)*
                _ => None,
            }
        }
    };
}

dunders! {
    GetAttribute => "__getattribute__",
    GetAttr => "__getattr__",
    SetAttr => "__setattr__",
    DelAttr => "__delattr__",
    Repr => "__repr__",
    Hash => "__hash__",
    Call => "__call__",
    Str => "__str__",
    Lt => "__lt__",
    Le => "__le__",
    Eq => "__eq__",
    Ne => "__ne__",
    Gt => "__gt__",
    Ge => "__ge__",
    Iter => "__iter__",
    Next => "__next__",
    Get => "__get__",
    Set => "__set__",
    Delete => "__delete__",
    Init => "__init__",
    New => "__new__",
    Del => "__del__",
    Add => "__add__",
    RAdd => "__radd__",
    IAdd => "__iadd__",
    Sub => "__sub__",
    RSub => "__rsub__",
    ISub => "__isub__",
    Mul => "__mul__",
    RMul => "__rmul__",
    IMul => "__imul__",
    Mod => "__mod__",
    RMod => "__rmod__",
    IMod => "__imod__",
    Divmod => "__divmod__",
    RDivmod => "__rdivmod__",
    Pow => "__pow__",
    RPow => "__rpow__",
    IPow => "__ipow__",
    Neg => "__neg__",
    Pos => "__pos__",
    Abs => "__abs__",
    Bool => "__bool__",
    Invert => "__invert__",
    LShift => "__lshift__",
    RLShift => "__rlshift__",
    ILShift => "__ilshift__",
    RShift => "__rshift__",
    RRShift => "__rrshift__",
    IRShift => "__irshift__",
    And => "__and__",
    RAnd => "__rand__",
    IAnd => "__iand__",
    Xor => "__xor__",
    RXor => "__rxor__",
    IXor => "__ixor__",
    Or => "__or__",
    ROr => "__ror__",
    IOr => "__ior__",
    Int => "__int__",
    Float => "__float__",
    FloorDiv => "__floordiv__",
    RFloorDiv => "__rfloordiv__",
    IFloorDiv => "__ifloordiv__",
    TrueDiv => "__truediv__",
    RTrueDiv => "__rtruediv__",
    ITrueDiv => "__itruediv__",
    Index => "__index__",
    MatMul => "__matmul__",
    RMatMul => "__rmatmul__",
    IMatMul => "__imatmul__",
    Len => "__len__",
    GetItem => "__getitem__",
    SetItem => "__setitem__",
    DelItem => "__delitem__",
    Contains => "__contains__",
}

const COUNT: usize = TEXTS.len();

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: AtomicPtr<StrObject> = AtomicPtr::new(std::ptr::null_mut());
static INTERNED: [AtomicPtr<StrObject>; COUNT] = [EMPTY; COUNT];

/// The interned dunder objects by address (interned strings are immortal, so an
/// address stays theirs for the life of the process).
static BY_ADDRESS: OnceLock<hashbrown::HashMap<usize, Dunder>> = OnceLock::new();

impl Dunder {
    /// The name's text.
    ///
    /// ```
    /// assert_eq!(pyrt_typeobject::slotdefs::Dunder::Eq.as_str(), "__eq__");
    /// ```
    pub fn as_str(self) -> &'static str {
        TEXTS[self as usize]
    }

    /// The interned `str` object of the name (cached after the first call).
    ///
    /// ```
    /// use pyrt_typeobject::slotdefs::Dunder;
    /// pyrt_typeobject::Runtime::with(|py| {
    ///     let a = Dunder::Add.interned(py).unwrap();
    ///     assert!(a.is(&pyrt_core::builtins::intern(py, "__add__").unwrap()));
    /// });
    /// ```
    pub fn interned(self, py: Python<'_>) -> PyResult<Bound<'_, StrObject>> {
        intern_cached(py, TEXTS[self as usize], &INTERNED[self as usize])
    }

    /// The dunder spelled `name`, if the table knows it.
    ///
    /// ```
    /// use pyrt_typeobject::slotdefs::Dunder;
    /// assert_eq!(Dunder::from_name("__iadd__"), Some(Dunder::IAdd));
    /// assert_eq!(Dunder::from_name("__init_subclass__"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Dunder> {
        let b = name.as_bytes();
        if b.len() < 6 || b[..2] != *b"__" || b[b.len() - 2..] != *b"__" {
            return None;
        }
        lookup(name)
    }

    /// The dunder a dict key spells, if any. Interned keys (all type-dict keys made by
    /// class creation and attribute assignment) are recognised by identity through a
    /// table of the interned dunder objects; other strings by their text.
    ///
    /// ```
    /// use pyrt_typeobject::slotdefs::Dunder;
    /// pyrt_typeobject::Runtime::with(|py| {
    ///     let k = pyrt_core::builtins::intern(py, "__len__").unwrap();
    ///     assert_eq!(Dunder::from_key(py, &k), Some(Dunder::Len));
    ///     let plain = pyrt_core::builtins::str_new(py, "__len__").unwrap();
    ///     assert_eq!(Dunder::from_key(py, &plain), Some(Dunder::Len));
    /// });
    /// ```
    pub fn from_key(py: Python<'_>, key: &StrObject) -> Option<Dunder> {
        if !key.is_interned() {
            return Dunder::from_name(key.as_str());
        }
        let table = BY_ADDRESS.get_or_init(|| {
            ALL.iter()
                .filter_map(|d| Some((d.interned(py).ok()?.as_ptr().as_ptr() as usize, *d)))
                .collect()
        });
        table.get(&(key as *const StrObject as usize)).copied()
    }

    /// Every dunder the table knows.
    ///
    /// ```
    /// assert!(pyrt_typeobject::slotdefs::Dunder::all().len() > 70);
    /// ```
    pub fn all() -> &'static [Dunder] {
        ALL
    }
}
