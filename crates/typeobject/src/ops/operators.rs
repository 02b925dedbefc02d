//! The operator enums of the abstract layer — binary (with their reflected and in-place
//! forms) and unary — and, for each, its symbol in messages, its slots and its dunders.
//!
//! Owns these facts only; dispatch lives in the sibling modules and in `slotdefs`.

use crate::slotdefs::Dunder;
use pyrt_core::types::SlotId;

/// A binary operator with a number slot.
///
/// The accessors below give, per operator, its message symbols, slots and dunders:
///
/// ```
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::ops::BinOp;
/// use pyrt_typeobject::slotdefs::Dunder;
/// assert_eq!(BinOp::Add.symbol(), "+");
/// assert_eq!(BinOp::Pow.inplace_symbol(), "**=");
/// assert_eq!(BinOp::Sub.slot(), SlotId::NB_SUBTRACT);
/// assert_eq!(BinOp::Sub.inplace_slot(), Some(SlotId::NB_INPLACE_SUBTRACT));
/// assert_eq!(BinOp::Divmod.inplace_slot(), None);
/// assert_eq!(BinOp::Mul.dunder(), Dunder::Mul);
/// assert_eq!(BinOp::Mul.reflected_dunder(), Dunder::RMul);
/// assert_eq!(BinOp::Mul.inplace_dunder(), Some(Dunder::IMul));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add = 0,
    /// `-`
    Sub = 1,
    /// `*`
    Mul = 2,
    /// `%`
    Mod = 3,
    /// `divmod()`
    Divmod = 4,
    /// `**` / `pow()` (two-argument form)
    Pow = 5,
    /// `<<`
    LShift = 6,
    /// `>>`
    RShift = 7,
    /// `&`
    And = 8,
    /// `^`
    Xor = 9,
    /// `|`
    Or = 10,
    /// `//`
    FloorDiv = 11,
    /// `/`
    TrueDiv = 12,
    /// `@`
    MatMul = 13,
}

/// Per-operator facts: (symbol, in-place symbol, slot, in-place slot, dunder, reflected
/// dunder, in-place dunder).
struct BinOpDef {
    symbol: &'static str,
    inplace_symbol: &'static str,
    slot: SlotId,
    inplace_slot: Option<SlotId>,
    name: Dunder,
    rname: Dunder,
    iname: Option<Dunder>,
}

const fn def(
    symbol: &'static str,
    inplace_symbol: &'static str,
    slot: SlotId,
    inplace_slot: Option<SlotId>,
    names: (Dunder, Dunder, Option<Dunder>),
) -> BinOpDef {
    BinOpDef {
        symbol,
        inplace_symbol,
        slot,
        inplace_slot,
        name: names.0,
        rname: names.1,
        iname: names.2,
    }
}

use Dunder as D;
static BINOPS: [BinOpDef; 14] = [
    def(
        "+",
        "+=",
        SlotId::NB_ADD,
        Some(SlotId::NB_INPLACE_ADD),
        (D::Add, D::RAdd, Some(D::IAdd)),
    ),
    def(
        "-",
        "-=",
        SlotId::NB_SUBTRACT,
        Some(SlotId::NB_INPLACE_SUBTRACT),
        (D::Sub, D::RSub, Some(D::ISub)),
    ),
    def(
        "*",
        "*=",
        SlotId::NB_MULTIPLY,
        Some(SlotId::NB_INPLACE_MULTIPLY),
        (D::Mul, D::RMul, Some(D::IMul)),
    ),
    def(
        "%",
        "%=",
        SlotId::NB_REMAINDER,
        Some(SlotId::NB_INPLACE_REMAINDER),
        (D::Mod, D::RMod, Some(D::IMod)),
    ),
    def(
        "divmod()",
        "divmod()",
        SlotId::NB_DIVMOD,
        None,
        (D::Divmod, D::RDivmod, None),
    ),
    def(
        "** or pow()",
        "**=",
        SlotId::NB_POWER,
        Some(SlotId::NB_INPLACE_POWER),
        (D::Pow, D::RPow, Some(D::IPow)),
    ),
    def(
        "<<",
        "<<=",
        SlotId::NB_LSHIFT,
        Some(SlotId::NB_INPLACE_LSHIFT),
        (D::LShift, D::RLShift, Some(D::ILShift)),
    ),
    def(
        ">>",
        ">>=",
        SlotId::NB_RSHIFT,
        Some(SlotId::NB_INPLACE_RSHIFT),
        (D::RShift, D::RRShift, Some(D::IRShift)),
    ),
    def(
        "&",
        "&=",
        SlotId::NB_AND,
        Some(SlotId::NB_INPLACE_AND),
        (D::And, D::RAnd, Some(D::IAnd)),
    ),
    def(
        "^",
        "^=",
        SlotId::NB_XOR,
        Some(SlotId::NB_INPLACE_XOR),
        (D::Xor, D::RXor, Some(D::IXor)),
    ),
    def(
        "|",
        "|=",
        SlotId::NB_OR,
        Some(SlotId::NB_INPLACE_OR),
        (D::Or, D::ROr, Some(D::IOr)),
    ),
    def(
        "//",
        "//=",
        SlotId::NB_FLOOR_DIVIDE,
        Some(SlotId::NB_INPLACE_FLOOR_DIVIDE),
        (D::FloorDiv, D::RFloorDiv, Some(D::IFloorDiv)),
    ),
    def(
        "/",
        "/=",
        SlotId::NB_TRUE_DIVIDE,
        Some(SlotId::NB_INPLACE_TRUE_DIVIDE),
        (D::TrueDiv, D::RTrueDiv, Some(D::ITrueDiv)),
    ),
    def(
        "@",
        "@=",
        SlotId::NB_MATRIX_MULTIPLY,
        Some(SlotId::NB_INPLACE_MATRIX_MULTIPLY),
        (D::MatMul, D::RMatMul, Some(D::IMatMul)),
    ),
];

const ALL_BINOPS: [BinOp; 14] = [
    BinOp::Add,
    BinOp::Sub,
    BinOp::Mul,
    BinOp::Mod,
    BinOp::Divmod,
    BinOp::Pow,
    BinOp::LShift,
    BinOp::RShift,
    BinOp::And,
    BinOp::Xor,
    BinOp::Or,
    BinOp::FloorDiv,
    BinOp::TrueDiv,
    BinOp::MatMul,
];

impl BinOp {
    fn def(self) -> &'static BinOpDef {
        &BINOPS[self as usize]
    }

    /// The operator with index `i` (its discriminant); used by the const-generic
    /// dispatchers.
    pub(crate) const fn from_index(i: usize) -> BinOp {
        ALL_BINOPS[i]
    }

    /// Every binary operator.
    ///
    /// ```
    /// assert_eq!(pyrt_typeobject::ops::BinOp::all().len(), 14);
    /// ```
    pub fn all() -> &'static [BinOp] {
        &ALL_BINOPS
    }

    /// The symbol used in `unsupported operand type(s) for <symbol>: ...`.
    pub fn symbol(self) -> &'static str {
        self.def().symbol
    }

    /// The symbol of the in-place form (`+=`).
    pub fn inplace_symbol(self) -> &'static str {
        self.def().inplace_symbol
    }

    /// The number slot (`nb_add`).
    pub fn slot(self) -> SlotId {
        self.def().slot
    }

    /// The in-place number slot (`nb_inplace_add`), if the operator has one.
    pub fn inplace_slot(self) -> Option<SlotId> {
        self.def().inplace_slot
    }

    /// `__add__`.
    pub fn dunder(self) -> Dunder {
        self.def().name
    }

    /// `__radd__`.
    pub fn reflected_dunder(self) -> Dunder {
        self.def().rname
    }

    /// `__iadd__`, if the operator has an in-place form.
    pub fn inplace_dunder(self) -> Option<Dunder> {
        self.def().iname
    }
}

/// A unary operator with a number slot.
///
/// ```
/// use pyrt_core::types::SlotId;
/// use pyrt_typeobject::ops::UnaryOp;
/// assert_eq!(UnaryOp::Neg.symbol(), "unary -");
/// assert_eq!(UnaryOp::Abs.symbol(), "abs()");
/// assert_eq!(UnaryOp::Invert.slot(), SlotId::NB_INVERT);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `-x`
    Neg,
    /// `+x`
    Pos,
    /// `~x`
    Invert,
    /// `abs(x)`
    Abs,
}

impl UnaryOp {
    /// The text used in `bad operand type for <symbol>: 'A'`.
    pub fn symbol(self) -> &'static str {
        match self {
            UnaryOp::Neg => "unary -",
            UnaryOp::Pos => "unary +",
            UnaryOp::Invert => "unary ~",
            UnaryOp::Abs => "abs()",
        }
    }

    /// The number slot.
    pub fn slot(self) -> SlotId {
        match self {
            UnaryOp::Neg => SlotId::NB_NEGATIVE,
            UnaryOp::Pos => SlotId::NB_POSITIVE,
            UnaryOp::Invert => SlotId::NB_INVERT,
            UnaryOp::Abs => SlotId::NB_ABSOLUTE,
        }
    }
}
