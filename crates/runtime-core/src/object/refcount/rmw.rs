//! The two counter updates, `*rc += 1` and `*rc -= 1` with a branch at zero, as machine
//! code.
//!
//! Owns only the encoding; what the counts mean is `super`'s business.
//!
//! # Why assembly on x86-64
//! Written in Rust, LLVM's generic x86-64 tuning emits the memory forms of `inc` and
//! `dec`. On Intel cores those decode to one fused µop more than `add`/`sub` with an
//! immediate (they leave the carry flag alone, which costs a flag merge), and an
//! incref/decref pair on one counter ran 25–40% slower on this project's machine
//! (`scripts/microbench/rmw_encoding.c`). gcc emits `addq $1`/`subq $1` for CPython's
//! `Py_INCREF`/`Py_DECREF`. So on x86-64 each update is one instruction of inline
//! assembly: `add qword ptr [rc], 1`, and `sub qword ptr [rc], 1` followed by `jz` into
//! a label block (an `asm goto`: the zero test is the `sub`'s own flag, as in the
//! compiled C, and the deallocation stays out of line).
//!
//! The price: the compiler must assume each block may touch any memory (a compiler
//! barrier; no fence instruction is emitted), so values it held in registers across a
//! refcount update are reloaded. The instruction counts of the benchmarked operations
//! moved by at most 4 in ~200 (`docs/performance/gc.md`).
//!
//! Other targets, Miri, and builds with `--cfg pyrt_plain_refcount` use the plain Rust
//! arithmetic. The AddressSanitizer run (`scripts/sanitizers.sh asan`) sets that cfg,
//! because ASan does not see memory accesses made by inline assembly.

#[cfg(all(target_arch = "x86_64", not(miri), not(pyrt_plain_refcount)))]
mod imp {
    /// `*rc += 1`.
    ///
    /// # Safety
    /// `rc` is valid for reads and writes of one `isize`, and no other thread accesses
    /// it during the call.
    #[inline(always)]
    pub(in crate::object::refcount) unsafe fn add_one(rc: *mut isize) {
        // SAFETY: the caller's contract makes `[rc]` a valid, unshared `isize`; the
        // instruction reads and writes that word and the flags, and uses no stack.
        unsafe { std::arch::asm!("add qword ptr [{rc}], 1", rc = in(reg) rc, options(nostack)) }
    }

    /// `*rc -= 1`, then `at_zero()` if the result is zero.
    ///
    /// # Safety
    /// As [`add_one`].
    #[inline(always)]
    pub(in crate::object::refcount) unsafe fn sub_one(rc: *mut isize, at_zero: impl FnOnce()) {
        // SAFETY: as in `add_one`. `jz` jumps to the label block exactly when the `sub`
        // left zero; otherwise execution falls through past the block.
        unsafe {
            std::arch::asm!(
                "sub qword ptr [{rc}], 1",
                "jz {zero}",
                rc = in(reg) rc,
                zero = label { at_zero() },
                options(nostack)
            )
        }
    }
}

#[cfg(not(all(target_arch = "x86_64", not(miri), not(pyrt_plain_refcount))))]
mod imp {
    /// `*rc += 1`.
    ///
    /// # Safety
    /// `rc` is valid for reads and writes of one `isize`, and no other thread accesses
    /// it during the call.
    #[inline(always)]
    pub(in crate::object::refcount) unsafe fn add_one(rc: *mut isize) {
        // SAFETY: the caller's contract.
        unsafe { *rc += 1 }
    }

    /// `*rc -= 1`, then `at_zero()` if the result is zero.
    ///
    /// # Safety
    /// As [`add_one`].
    #[inline(always)]
    pub(in crate::object::refcount) unsafe fn sub_one(rc: *mut isize, at_zero: impl FnOnce()) {
        // SAFETY: the caller's contract.
        let n = unsafe {
            *rc -= 1;
            *rc
        };
        if n == 0 {
            at_zero();
        }
    }
}

pub(super) use imp::{add_one, sub_one};
