//! `tp_flags` bits, with CPython 3.11's values, plus pyrt's own bits above bit 40.
//!
//! Owns the bit values only.

/// A set of `Py_TPFLAGS_*` bits.
///
/// ```
/// use pyrt_core::types::TypeFlags;
/// assert_eq!(TypeFlags::HEAPTYPE.0, 1 << 9);
/// assert!(TypeFlags::DEFAULT.contains(TypeFlags::HAVE_VERSION_TAG));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct TypeFlags(pub u64);

/// The flag bits (CPython 3.11's values, pyrt's own above bit 40) and set tests.
///
/// ```
/// use pyrt_core::TypeFlags;
/// assert_eq!(TypeFlags::HAVE_GC.0, 1 << 14);
/// assert!((TypeFlags::HAVE_GC | TypeFlags::READY).contains(TypeFlags::READY));
/// ```
impl TypeFlags {
    /// Deprecated; always assumed.
    pub const HAVE_FINALIZE: TypeFlags = TypeFlags(1 << 0);
    /// Weakref list managed by the runtime (3.12+ in CPython).
    pub const MANAGED_WEAKREF: TypeFlags = TypeFlags(1 << 3);
    /// Instance dict managed by the runtime.
    pub const MANAGED_DICT: TypeFlags = TypeFlags(1 << 4);
    /// Instances are sequences for pattern matching.
    pub const SEQUENCE: TypeFlags = TypeFlags(1 << 5);
    /// Instances are mappings for pattern matching.
    pub const MAPPING: TypeFlags = TypeFlags(1 << 6);
    /// `tp_new` is NULL and the type cannot be instantiated.
    pub const DISALLOW_INSTANTIATION: TypeFlags = TypeFlags(1 << 7);
    /// Type attributes cannot be set or deleted.
    pub const IMMUTABLETYPE: TypeFlags = TypeFlags(1 << 8);
    /// Allocated at run time; instances own a reference to it.
    pub const HEAPTYPE: TypeFlags = TypeFlags(1 << 9);
    /// The type may be subclassed.
    pub const BASETYPE: TypeFlags = TypeFlags(1 << 10);
    /// Instances implement vectorcall.
    pub const HAVE_VECTORCALL: TypeFlags = TypeFlags(1 << 11);
    /// `type_ready` completed.
    pub const READY: TypeFlags = TypeFlags(1 << 12);
    /// `type_ready` in progress.
    pub const READYING: TypeFlags = TypeFlags(1 << 13);
    /// Instances are collectable by the cycle collector.
    pub const HAVE_GC: TypeFlags = TypeFlags(1 << 14);
    /// Reserved for Stackless (0 in normal builds).
    pub const HAVE_STACKLESS_EXTENSION: TypeFlags = TypeFlags(0);
    /// Instances behave like unbound methods.
    pub const METHOD_DESCRIPTOR: TypeFlags = TypeFlags(1 << 17);
    /// Always set (legacy).
    pub const HAVE_VERSION_TAG: TypeFlags = TypeFlags(1 << 18);
    /// `tp_version_tag` is valid.
    pub const VALID_VERSION_TAG: TypeFlags = TypeFlags(1 << 19);
    /// The type is abstract.
    pub const IS_ABSTRACT: TypeFlags = TypeFlags(1 << 20);
    /// Matches itself in class patterns.
    pub const MATCH_SELF: TypeFlags = TypeFlags(1 << 22);
    /// Items at the end of the instance (3.12+).
    pub const ITEMS_AT_END: TypeFlags = TypeFlags(1 << 23);
    /// Subclass of `int`.
    pub const LONG_SUBCLASS: TypeFlags = TypeFlags(1 << 24);
    /// Subclass of `list`.
    pub const LIST_SUBCLASS: TypeFlags = TypeFlags(1 << 25);
    /// Subclass of `tuple`.
    pub const TUPLE_SUBCLASS: TypeFlags = TypeFlags(1 << 26);
    /// Subclass of `bytes`.
    pub const BYTES_SUBCLASS: TypeFlags = TypeFlags(1 << 27);
    /// Subclass of `str`.
    pub const UNICODE_SUBCLASS: TypeFlags = TypeFlags(1 << 28);
    /// Subclass of `dict`.
    pub const DICT_SUBCLASS: TypeFlags = TypeFlags(1 << 29);
    /// Subclass of `BaseException`.
    pub const BASE_EXC_SUBCLASS: TypeFlags = TypeFlags(1 << 30);
    /// Subclass of `type`.
    pub const TYPE_SUBCLASS: TypeFlags = TypeFlags(1 << 31);
    /// `HAVE_STACKLESS_EXTENSION | HAVE_VERSION_TAG`.
    pub const DEFAULT: TypeFlags = TypeFlags(1 << 18);

    /// pyrt only: builtin-style naming, repr and doc behaviour independent of
    /// `HEAPTYPE` (see `docs/heaptype-flags.md`).
    pub const BUILTIN_STYLE: TypeFlags = TypeFlags(1 << 40);

    /// The "fast subclass" bits, exactly one of which a type inherits.
    pub const FAST_SUBCLASS_MASK: TypeFlags = TypeFlags(0xff << 24);

    /// Whether every bit of `other` is set.
    ///
    /// ```
    /// use pyrt_core::TypeFlags;
    /// let f = TypeFlags::HEAPTYPE | TypeFlags::BASETYPE;
    /// assert!(f.contains(TypeFlags::HEAPTYPE));
    /// assert!(!f.contains(TypeFlags::HEAPTYPE | TypeFlags::HAVE_GC));
    /// ```
    pub const fn contains(self, other: TypeFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any bit of `other` is set.
    ///
    /// ```
    /// use pyrt_core::TypeFlags;
    /// let f = TypeFlags::HEAPTYPE | TypeFlags::BASETYPE;
    /// assert!(f.intersects(TypeFlags::HEAPTYPE | TypeFlags::HAVE_GC));
    /// assert!(!f.intersects(TypeFlags::HAVE_GC));
    /// ```
    pub const fn intersects(self, other: TypeFlags) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for TypeFlags {
    type Output = TypeFlags;
    fn bitor(self, rhs: TypeFlags) -> TypeFlags {
        TypeFlags(self.0 | rhs.0)
    }
}

impl std::ops::BitAnd for TypeFlags {
    type Output = TypeFlags;
    fn bitand(self, rhs: TypeFlags) -> TypeFlags {
        TypeFlags(self.0 & rhs.0)
    }
}

impl std::ops::Not for TypeFlags {
    type Output = TypeFlags;
    fn not(self) -> TypeFlags {
        TypeFlags(!self.0)
    }
}
