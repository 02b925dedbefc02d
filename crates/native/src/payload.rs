//! The payload cell a native type adds to its instances: the user's `T` plus an
//! initialised flag and a borrow flag, at a fixed offset inside the object.
//!
//! Owns the cell's layout and its state machine: zero-filled (as allocation leaves it)
//! is *empty*; `tp_new` stores a value (*initialised*); `tp_dealloc` takes it out again.
//! While initialised, the borrow counter is `0` (free), `n > 0` (`n` shared borrows) or
//! [`MUT`] (one exclusive borrow). Every access goes through these flags, so no `&mut T`
//! ever aliases another reference to the value, whatever user code re-enters. Must not
//! know about types or slots (that is `class_info` and `slots/`).

use pyrt_core::{PyErr, PyResult, Python};
use std::cell::{Cell, UnsafeCell};
use std::mem::MaybeUninit;

/// The borrow counter's value while a `&mut T` exists.
pub(crate) const MUT: isize = -1;

/// The cell: valid when zero-filled (empty, not borrowed).
#[repr(C)]
pub(crate) struct PayloadCell<T> {
    /// 0: empty; 1: holds a value.
    init: Cell<usize>,
    /// 0: free; n > 0: shared borrows; [`MUT`]: borrowed exclusively.
    borrow: Cell<isize>,
    value: UnsafeCell<MaybeUninit<T>>,
}

impl<T> PayloadCell<T> {
    /// The largest alignment a payload may have (object blocks are 8-aligned at least).
    pub(crate) const MAX_ALIGN: usize = 8;

    /// Whether the cell holds a value.
    pub(crate) fn is_initialised(&self) -> bool {
        self.init.get() == 1
    }

    /// The borrow counter.
    pub(crate) fn borrow_state(&self) -> isize {
        self.borrow.get()
    }

    /// Stores `value` in an empty cell; gives it back if the cell already holds one.
    pub(crate) fn store(&self, value: T) -> Result<(), T> {
        if self.is_initialised() {
            return Err(value);
        }
        // SAFETY: the cell is empty, so no reference to its value exists.
        unsafe { (*self.value.get()).write(value) };
        self.init.set(1);
        self.borrow.set(0);
        Ok(())
    }

    /// Moves the value out (empty afterwards), unless it is absent or borrowed.
    pub(crate) fn take(&self) -> Option<T> {
        if !self.is_initialised() || self.borrow.get() != 0 {
            return None;
        }
        self.init.set(0);
        // SAFETY: the value was initialised and no borrow exists; the flag now says
        // empty, so it is never read again.
        Some(unsafe { (*self.value.get()).assume_init_read() })
    }

    /// Starts a shared borrow.
    pub(crate) fn acquire_shared(&self, py: Python<'_>, type_name: &str) -> PyResult<()> {
        self.check_init(py, type_name)?;
        let b = self.borrow.get();
        if b == MUT || b == isize::MAX {
            return Err(PyErr::runtime_error(py, "Already mutably borrowed"));
        }
        self.borrow.set(b + 1);
        Ok(())
    }

    /// Starts the exclusive borrow.
    pub(crate) fn acquire_mut(&self, py: Python<'_>, type_name: &str) -> PyResult<()> {
        self.check_init(py, type_name)?;
        if self.borrow.get() != 0 {
            return Err(PyErr::runtime_error(py, "Already borrowed"));
        }
        self.borrow.set(MUT);
        Ok(())
    }

    /// Starts the exclusive borrow if the cell holds a value and is free.
    pub(crate) fn try_acquire_mut(&self) -> bool {
        let ok = self.is_initialised() && self.borrow.get() == 0;
        if ok {
            self.borrow.set(MUT);
        }
        ok
    }

    /// Ends a shared borrow.
    pub(crate) fn release_shared(&self) {
        self.borrow.set(self.borrow.get() - 1);
    }

    /// Ends the exclusive borrow.
    pub(crate) fn release_mut(&self) {
        self.borrow.set(0);
    }

    /// The value, for a holder of a shared borrow (or for a reader that checked no
    /// exclusive borrow exists and keeps the reference for the duration of a call that
    /// runs no user code, such as `tp_traverse`).
    ///
    /// # Safety
    /// The cell is initialised and not exclusively borrowed for the reference's lifetime.
    pub(crate) unsafe fn get(&self) -> &T {
        // SAFETY: caller contract.
        unsafe { (*self.value.get()).assume_init_ref() }
    }

    /// The value, for the holder of the exclusive borrow.
    ///
    /// # Safety
    /// The caller holds the exclusive borrow for the reference's lifetime.
    #[allow(clippy::mut_from_ref)]
    pub(crate) unsafe fn get_mut(&self) -> &mut T {
        // SAFETY: caller contract: exclusive, initialised.
        unsafe { (*self.value.get()).assume_init_mut() }
    }

    fn check_init(&self, py: Python<'_>, type_name: &str) -> PyResult<()> {
        if self.is_initialised() {
            return Ok(());
        }
        Err(PyErr::runtime_error(
            py,
            format!("'{type_name}' object is not initialized (its payload is missing)"),
        ))
    }
}
