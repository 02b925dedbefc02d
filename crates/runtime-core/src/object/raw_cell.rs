//! `RawCell<T>`: an interior-mutable field whose value the runtime relies on for memory
//! safety (a refcount, a type pointer, a size, an offset, a deallocator, a flag word).
//! Reading is safe; writing is `unsafe`, so safe code cannot break the invariants the
//! field's owner documents.
//!
//! Owns nothing but that access discipline.

use std::cell::Cell;

/// A `Cell` whose writes are `unsafe`.
///
/// ```
/// use pyrt_core::object::RawCell;
/// let c = RawCell::new(3isize);
/// assert_eq!(c.get(), 3);
/// // SAFETY: this cell guards no invariant in this example.
/// unsafe { c.set(4) };
/// assert_eq!(c.get(), 4);
/// ```
#[repr(transparent)]
#[derive(Default)]
pub struct RawCell<T: Copy>(Cell<T>);

/// Making, reading (safe) and writing (`unsafe`) the cell, and its address.
///
/// ```
/// let c = pyrt_core::object::RawCell::new(1i64);
/// // SAFETY: this cell guards no invariant in this example.
/// unsafe { c.set(c.get() + 1) };
/// assert_eq!(c.get(), 2);
/// ```
impl<T: Copy> RawCell<T> {
    /// A cell holding `v`.
    ///
    /// ```
    /// let c = pyrt_core::object::RawCell::new(7u32);
    /// assert_eq!(c.get(), 7);
    /// ```
    pub const fn new(v: T) -> RawCell<T> {
        RawCell(Cell::new(v))
    }

    /// The value.
    ///
    /// ```
    /// pyrt_core::with_test_runtime(|py| {
    ///     let s = pyrt_core::builtins::str_new(py, "abc").unwrap();
    ///     assert_eq!(s.ob_base.ob_size.get(), 3); // `ob_size` is a RawCell
    /// });
    /// ```
    #[inline(always)]
    pub fn get(&self) -> T {
        self.0.get()
    }

    /// Replaces the value.
    ///
    /// ```
    /// let c = pyrt_core::object::RawCell::new(false);
    /// // SAFETY: this cell guards no invariant in this example.
    /// unsafe { c.set(true) };
    /// assert!(c.get());
    /// ```
    ///
    /// # Safety
    /// The new value must satisfy the invariants documented on the field (and on the
    /// struct that owns it) for as long as it is stored.
    #[inline(always)]
    pub unsafe fn set(&self, v: T) {
        self.0.set(v)
    }

    /// The address of the value, for code that updates it in place (the refcount's
    /// read-modify-write in `refcount.rs`). Writing through it carries the same duty as
    /// [`RawCell::set`].
    ///
    /// ```
    /// use pyrt_core::object::RawCell;
    /// let c = RawCell::new(3isize);
    /// // SAFETY: the pointer comes from a live cell; this cell guards no invariant here.
    /// unsafe { *c.as_ptr() += 1 };
    /// assert_eq!(c.get(), 4);
    /// ```
    #[inline(always)]
    pub fn as_ptr(&self) -> *mut T {
        self.0.as_ptr()
    }
}
