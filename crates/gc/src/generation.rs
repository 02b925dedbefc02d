//! Generation numbers: a checked index so an invalid generation cannot reach the
//! collector.
//!
//! Owns [`Generation`] and its error type. Must not touch lists or counters.

use std::fmt;

/// Number of collectable generations (the permanent generation of
/// [`crate::GcState::freeze`] is not counted).
///
/// ```
/// assert_eq!(pyrt_gc::GENERATIONS, 3);
/// ```
pub const GENERATIONS: usize = 3;

/// One of the three generations: 0 (young), 1, 2 (old). Collecting a generation
/// collects it together with all younger ones.
///
/// ```
/// use pyrt_gc::Generation;
/// assert_eq!(Generation::new(2), Some(Generation::OLD));
/// assert_eq!(Generation::new(3), None);
/// assert_eq!(Generation::YOUNG.index(), 0);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Generation(u8);

/// The three generations, by constant or index, and where survivors go.
///
/// ```
/// use pyrt_gc::Generation;
/// assert_eq!(Generation::ALL.map(Generation::index), [0, 1, 2]);
/// assert_eq!(Generation::new(3), None);
/// ```
impl Generation {
    /// Generation 0, where new objects are tracked.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Generation::YOUNG.index(), 0);
    /// ```
    pub const YOUNG: Generation = Generation(0);

    /// Generation 1.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Generation::MIDDLE.index(), 1);
    /// ```
    pub const MIDDLE: Generation = Generation(1);

    /// Generation 2; collecting it is a full collection.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Generation::OLD.index(), 2);
    /// ```
    pub const OLD: Generation = Generation(2);

    /// All generations, youngest first.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Generation::ALL.len(), pyrt_gc::GENERATIONS);
    /// ```
    pub const ALL: [Generation; GENERATIONS] =
        [Generation::YOUNG, Generation::MIDDLE, Generation::OLD];

    /// The generation with this index, if there is one.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Generation::new(1), Some(pyrt_gc::Generation::MIDDLE));
    /// ```
    pub const fn new(index: usize) -> Option<Generation> {
        if index < GENERATIONS {
            Some(Generation(index as u8))
        } else {
            None
        }
    }

    /// The generation's index, `0..GENERATIONS`.
    ///
    /// ```
    /// assert_eq!(pyrt_gc::Generation::OLD.index(), 2);
    /// ```
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// Where survivors of a collection of this generation go: the next older
    /// generation, or the old generation itself.
    ///
    /// ```
    /// use pyrt_gc::Generation;
    /// assert_eq!(Generation::YOUNG.older(), Generation::MIDDLE);
    /// assert_eq!(Generation::OLD.older(), Generation::OLD);
    /// ```
    pub const fn older(self) -> Generation {
        if self.0 as usize + 1 < GENERATIONS {
            Generation(self.0 + 1)
        } else {
            self
        }
    }
}

/// The error for a generation index out of range (Python: "invalid generation").
///
/// ```
/// use pyrt_gc::{Generation, InvalidGeneration};
/// assert_eq!(Generation::try_from(7), Err(InvalidGeneration(7)));
/// assert_eq!(InvalidGeneration(7).to_string(), "invalid generation 7");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct InvalidGeneration(pub usize);

impl fmt::Display for InvalidGeneration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid generation {}", self.0)
    }
}

impl std::error::Error for InvalidGeneration {}

impl TryFrom<usize> for Generation {
    type Error = InvalidGeneration;

    fn try_from(index: usize) -> Result<Generation, InvalidGeneration> {
        Generation::new(index).ok_or(InvalidGeneration(index))
    }
}

impl fmt::Display for Generation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
