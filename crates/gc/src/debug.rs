//! Debug flags (Python's `gc.DEBUG_*`) and where their messages go.
//!
//! Owns [`DebugFlags`] and the message sink. Must not touch lists or objects: callers
//! format the messages, this module only routes them.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign};

/// A set of debug flags, with the same bit values as Python's `gc` module.
///
/// ```
/// use pyrt_gc::DebugFlags;
/// assert_eq!(DebugFlags::LEAK.bits(), 38);
/// assert!(DebugFlags::LEAK.contains(DebugFlags::SAVEALL));
/// assert!(!DebugFlags::LEAK.contains(DebugFlags::STATS));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DebugFlags(u32);

/// The flag values (Python's `gc.DEBUG_*`) and bit-set helpers.
///
/// ```
/// use pyrt_gc::DebugFlags;
/// let f = DebugFlags::STATS | DebugFlags::SAVEALL;
/// assert!(f.contains(DebugFlags::SAVEALL) && !f.contains(DebugFlags::LEAK));
/// assert_eq!(DebugFlags::from_bits(f.bits()), f);
/// ```
impl DebugFlags {
    /// No debugging.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::DebugFlags::NONE.bits(), 0);
    /// ```
    pub const NONE: DebugFlags = DebugFlags(0);

    /// Report each collection: generation sizes before, results and time after.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::DebugFlags::STATS.bits(), 1);
    /// ```
    pub const STATS: DebugFlags = DebugFlags(1);

    /// Report each collectable object found.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::DebugFlags::COLLECTABLE.bits(), 2);
    /// ```
    pub const COLLECTABLE: DebugFlags = DebugFlags(2);

    /// Report each uncollectable object found.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::DebugFlags::UNCOLLECTABLE.bits(), 4);
    /// ```
    pub const UNCOLLECTABLE: DebugFlags = DebugFlags(4);

    /// Put every unreachable object into `garbage` instead of clearing it.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::DebugFlags::SAVEALL.bits(), 32);
    /// ```
    pub const SAVEALL: DebugFlags = DebugFlags(32);

    /// COLLECTABLE | UNCOLLECTABLE | SAVEALL: what a leaking program wants.
    ///
    /// ```
    /// use pyrt_gc::DebugFlags as D;
    /// assert_eq!(D::LEAK, D::COLLECTABLE | D::UNCOLLECTABLE | D::SAVEALL);
    /// ```
    pub const LEAK: DebugFlags = DebugFlags(2 | 4 | 32);

    /// The flags from raw bits; unknown bits are kept (Python accepts any int).
    ///
    /// ```
    /// assert_eq!(pyrt_gc::DebugFlags::from_bits(1), pyrt_gc::DebugFlags::STATS);
    /// ```
    pub const fn from_bits(bits: u32) -> DebugFlags {
        DebugFlags(bits)
    }

    /// The raw bits.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::DebugFlags::SAVEALL.bits(), 32);
    /// ```
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// Whether every flag of `other` is set in `self`.
    ///
    /// ```
    /// use pyrt_gc::DebugFlags as D;
    /// assert!((D::STATS | D::SAVEALL).contains(D::SAVEALL));
    /// ```
    pub const fn contains(self, other: DebugFlags) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for DebugFlags {
    type Output = DebugFlags;
    fn bitor(self, rhs: DebugFlags) -> DebugFlags {
        DebugFlags(self.0 | rhs.0)
    }
}

impl BitOrAssign for DebugFlags {
    fn bitor_assign(&mut self, rhs: DebugFlags) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for DebugFlags {
    type Output = DebugFlags;
    fn bitand(self, rhs: DebugFlags) -> DebugFlags {
        DebugFlags(self.0 & rhs.0)
    }
}

impl fmt::Debug for DebugFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DebugFlags({:#x})", self.0)
    }
}

/// A sink for debug messages (one line each, without the newline).
///
/// ```
/// let sink: pyrt_gc::DebugSink = Box::new(|line| assert!(line.starts_with("gc: ")));
/// let s = pyrt_gc::GcState::new();
/// assert!(s.set_debug_output(Some(sink)).is_none());
/// ```
pub type DebugSink = Box<dyn FnMut(&str)>;

/// The flags in force and the sink that receives messages (stderr when none is set).
pub(crate) struct DebugState {
    flags: Cell<DebugFlags>,
    sink: RefCell<Option<DebugSink>>,
}

impl DebugState {
    /// No flags; messages to stderr.
    pub(crate) fn new() -> DebugState {
        DebugState {
            flags: Cell::new(DebugFlags::NONE),
            sink: RefCell::new(None),
        }
    }

    /// The flags in force.
    #[inline]
    pub(crate) fn flags(&self) -> DebugFlags {
        self.flags.get()
    }

    /// Replaces the flags.
    pub(crate) fn set_flags(&self, flags: DebugFlags) {
        self.flags.set(flags);
    }

    /// Whether `flag` is on.
    #[inline]
    pub(crate) fn on(&self, flag: DebugFlags) -> bool {
        self.flags.get().contains(flag)
    }

    /// Replaces the sink, returning the old one.
    pub(crate) fn set_sink(&self, sink: Option<DebugSink>) -> Option<DebugSink> {
        match self.sink.try_borrow_mut() {
            Ok(mut slot) => std::mem::replace(&mut *slot, sink),
            // A sink replacing itself while it runs: keep the running one.
            Err(_) => sink,
        }
    }

    /// Sends one line to the sink (or stderr). A sink that emits a message from inside
    /// itself has that message sent to stderr instead of recursing.
    pub(crate) fn emit(&self, line: fmt::Arguments<'_>) {
        let text = line.to_string();
        match self.sink.try_borrow_mut() {
            Ok(mut slot) => match slot.as_mut() {
                Some(sink) => sink(&text),
                None => eprintln!("{text}"),
            },
            Err(_) => eprintln!("{text}"),
        }
    }
}

/// Debug flags and where debug output goes (Python's `gc.set_debug`/`gc.get_debug`).
///
/// ```
/// let s = pyrt_gc::GcState::new();
/// s.set_debug(pyrt_gc::DebugFlags::STATS);
/// assert_eq!(s.get_debug(), pyrt_gc::DebugFlags::STATS);
/// ```
impl crate::GcState {
    /// Sets the debug flags (Python's `gc.set_debug`).
    ///
    /// ```
    /// let s = pyrt_gc::GcState::new();
    /// s.set_debug(pyrt_gc::DebugFlags::SAVEALL);
    /// assert_eq!(s.get_debug(), pyrt_gc::DebugFlags::SAVEALL);
    /// ```
    pub fn set_debug(&self, flags: DebugFlags) {
        self.debug.set_flags(flags);
    }

    /// The debug flags in force.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::GcState::new().get_debug(), pyrt_gc::DebugFlags::NONE);
    /// ```
    pub fn get_debug(&self) -> DebugFlags {
        self.debug.flags()
    }

    /// Routes debug messages to `sink` (`None`: back to stderr); returns the previous
    /// sink.
    ///
    /// ```
    /// use std::{cell::RefCell, rc::Rc};
    /// use pyrt_gc::example::{with_gc, NodeModel};
    /// let lines = Rc::new(RefCell::new(Vec::new()));
    /// let out = lines.clone();
    /// with_gc(|gc| {
    ///     gc.set_debug_output(Some(Box::new(move |l: &str| out.borrow_mut().push(l.to_owned()))));
    ///     gc.set_debug(pyrt_gc::DebugFlags::STATS);
    ///     gc.collect::<NodeModel>(pyrt_gc::Generation::OLD);
    ///     gc.set_debug(pyrt_gc::DebugFlags::NONE);
    ///     gc.set_debug_output(None);
    /// });
    /// assert_eq!(lines.borrow()[0], "gc: collecting generation 2...");
    /// ```
    pub fn set_debug_output(&self, sink: Option<DebugSink>) -> Option<DebugSink> {
        self.debug.set_sink(sink)
    }
}
