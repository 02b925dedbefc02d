//! The small-object allocator behind `tp_alloc`/`tp_free`: blocks of up to
//! [`MAX_SMALL`] bytes come from 16 KiB pools of one size class each (16-byte steps),
//! recycled through per-class free lists; larger blocks come from the C allocator.
//!
//! Owns pools, free lists and the map that tells a pool block from a C-allocator block
//! at free time (a two-level bitmap over 16 KiB-aligned addresses). Must not know what
//! an object is: it hands out zero-filled, 16-byte-aligned blocks and takes them back.
//!
//! Pools are carved from 1 MiB arenas that are returned to the system only when the
//! allocator is dropped (the runtime's never is): freed blocks wait on their class's
//! free list for the next allocation of that size (what a long-lived runtime reuses
//! anyway).
//!
//! With the environment variable [`SYSTEM_ALLOC_ENV`] set (to anything but `0` or the
//! empty string) when the runtime state is created, every block comes from the C
//! allocator instead, so memory checkers (valgrind, AddressSanitizer) see each object's
//! allocation and free — a pool hides use-after-free and overruns inside it.
//! Everything here runs under the runtime lock (the state that owns the allocator is
//! reached through a token).

use std::alloc::Layout;
use std::cell::UnsafeCell;
use std::ffi::c_void;
use std::ptr::{self, NonNull};

unsafe extern "C" {
    fn calloc(n: usize, size: usize) -> *mut c_void;
    fn free(p: *mut c_void);
}

/// Largest block served from pools.
pub(crate) const MAX_SMALL: usize = 512;
/// Largest block [`PoolAllocator::pop_free_tiny`] serves (the classes `zero_block`
/// clears with stores).
pub(crate) const MAX_TINY: usize = 4 * STEP;
/// Size-class granularity (also the blocks' alignment).
const STEP: usize = 16;
const CLASSES: usize = MAX_SMALL / STEP;
/// Pools are this size and aligned to it.
const POOL_SHIFT: u32 = 14;
const POOL_SIZE: usize = 1 << POOL_SHIFT;
/// The pool header (its class) occupies the first step of the pool.
const POOL_HEADER: usize = STEP;
/// Pools are carved from arenas of this many pools (1 MiB), allocated zeroed.
const POOLS_PER_ARENA: usize = 64;
/// Address bits 36.. select a region (a bitmap of its pools is allocated on demand).
const REGION_SHIFT: u32 = 36;
const REGIONS: usize = 1 << (48 - REGION_SHIFT);
const POOLS_PER_REGION: usize = 1 << (REGION_SHIFT - POOL_SHIFT);

/// A freed block: its first word links to the next free block of its class.
struct FreeBlock {
    next: *mut FreeBlock,
}

/// Which 16 KiB-aligned addresses start a pool: a bit per pool slot, per region.
type RegionBits = [u64; POOLS_PER_REGION / 64];

struct Pools {
    /// Free blocks per class (class `c` holds blocks of `(c + 1) * STEP` bytes).
    free: [*mut FreeBlock; CLASSES],
    /// Per class: the next never-used block of its newest pool, and that pool's end.
    bump: [(*mut u8, *mut u8); CLASSES],
    /// Per region: the pool bitmap, allocated when the region gets its first pool.
    regions: Vec<Option<Box<RegionBits>>>,
    /// The next unused pool of the newest arena, and that arena's end.
    arena: (*mut u8, *mut u8),
    /// Every arena allocated, for [`Drop`].
    arenas: Vec<NonNull<u8>>,
}

/// The environment variable that sends every block to the C allocator (read once, when
/// the runtime state is created): `PYRT_SYSTEM_ALLOC=1` for valgrind and ASan runs.
pub(crate) const SYSTEM_ALLOC_ENV: &str = "PYRT_SYSTEM_ALLOC";

/// The allocator. Valid for use only under the runtime lock.
pub(crate) struct PoolAllocator {
    pools: UnsafeCell<Pools>,
    /// Every block from the C allocator (no pools): see [`SYSTEM_ALLOC_ENV`].
    system_only: bool,
}

impl PoolAllocator {
    /// An allocator with no pools yet; system-allocator-only if [`SYSTEM_ALLOC_ENV`] is
    /// set.
    pub(crate) fn new() -> PoolAllocator {
        let system_only =
            std::env::var_os(SYSTEM_ALLOC_ENV).is_some_and(|v| !v.is_empty() && v != "0");
        PoolAllocator::with_system_only(system_only)
    }

    /// An allocator with no pools yet; `system_only` sends every block to the C
    /// allocator.
    fn with_system_only(system_only: bool) -> PoolAllocator {
        PoolAllocator {
            pools: UnsafeCell::new(Pools {
                free: [ptr::null_mut(); CLASSES],
                bump: [(ptr::null_mut(), ptr::null_mut()); CLASSES],
                regions: Vec::new(),
                arena: (ptr::null_mut(), ptr::null_mut()),
                arenas: Vec::new(),
            }),
            system_only,
        }
    }

    /// A zero-filled, 16-byte-aligned block of at least `size` bytes, or `None` when
    /// memory is exhausted. The free-list pop is inline; carving a new block and the
    /// C allocator are out of line.
    ///
    /// # Safety
    /// The runtime lock is held (no other use of the allocator is in progress).
    #[inline(always)]
    pub(crate) unsafe fn alloc(&self, size: usize) -> Option<NonNull<u8>> {
        // SAFETY: forwarded (lock held).
        if let Some(block) = unsafe { self.pop_free(size) } {
            return Some(block);
        }
        // SAFETY: forwarded (lock held).
        unsafe { self.alloc_slow(size) }
    }

    /// The fast half of [`PoolAllocator::alloc`]: a zero-filled block of at least
    /// `size` bytes from its class's free list, or `None` when `size` is 0 or not small
    /// or the list is empty (the caller then takes [`PoolAllocator::alloc`]'s slow
    /// path). Inline, no call.
    ///
    /// No `system_only` test: in that mode no pool is ever made, so `free` never finds
    /// a pool block to push and every free list stays empty.
    ///
    /// # Safety
    /// The runtime lock is held (no other use of the allocator is in progress).
    #[inline(always)]
    pub(crate) unsafe fn pop_free(&self, size: usize) -> Option<NonNull<u8>> {
        // SAFETY: forwarded (lock held).
        unsafe { self.pop_free_upto(size, MAX_SMALL) }
    }

    /// [`PoolAllocator::pop_free`] for blocks of at most [`MAX_TINY`] bytes only
    /// (`None` for larger ones): zeroed by a few stores, never a `memset` call, so a
    /// caller's fast path that uses it makes no call at all.
    ///
    /// # Safety
    /// The runtime lock is held (no other use of the allocator is in progress).
    #[inline(always)]
    pub(crate) unsafe fn pop_free_tiny(&self, size: usize) -> Option<NonNull<u8>> {
        // SAFETY: forwarded (lock held).
        unsafe { self.pop_free_upto(size, MAX_TINY) }
    }

    /// A free-list block for a `size` of 1..=`limit` bytes (`limit <= MAX_SMALL`).
    ///
    /// # Safety
    /// The runtime lock is held (no other use of the allocator is in progress).
    #[inline(always)]
    unsafe fn pop_free_upto(&self, size: usize, limit: usize) -> Option<NonNull<u8>> {
        if size.wrapping_sub(1) >= limit {
            return None;
        }
        let class = (size - 1) / STEP;
        // SAFETY: lock held: this is the only access to the pools.
        let pools = unsafe { &mut *self.pools.get() };
        let head = pools.free[class];
        if head.is_null() {
            return None;
        }
        // SAFETY: free-list blocks are unused blocks of this class, `(class + 1) * STEP`
        // bytes long, whose first word is the link.
        unsafe {
            pools.free[class] = (*head).next;
            zero_block(head as *mut u8, class);
        }
        NonNull::new(head as *mut u8)
    }

    /// [`PoolAllocator::alloc`] when the class's free list is empty or the block is not
    /// small: a never-used block from a pool, or the C allocator.
    ///
    /// # Safety
    /// As for [`PoolAllocator::alloc`].
    #[cold]
    #[inline(never)]
    unsafe fn alloc_slow(&self, size: usize) -> Option<NonNull<u8>> {
        if size == 0 || size > MAX_SMALL || self.system_only {
            // SAFETY: calloc with a non-zero size.
            return NonNull::new(unsafe { calloc(1, size.max(STEP)) } as *mut u8);
        }
        let class = (size - 1) / STEP;
        // SAFETY: lock held: this is the only access to the pools.
        let pools = unsafe { &mut *self.pools.get() };
        // SAFETY: `class < CLASSES` (size <= MAX_SMALL).
        if let Some(block) = unsafe { pools.carve(class) } {
            return Some(block);
        }
        // No pool (memory exhausted, or an address the bitmap cannot cover): the C
        // allocator serves the block, and `free` tells it apart by the bitmap.
        // SAFETY: calloc with a non-zero size.
        NonNull::new(unsafe { calloc(1, size) } as *mut u8)
    }

    /// Gives a block back.
    ///
    /// # Safety
    /// `block` came from [`PoolAllocator::alloc`] of this allocator, is not used
    /// afterwards, and the runtime lock is held.
    #[inline(always)]
    pub(crate) unsafe fn free(&self, block: NonNull<u8>) {
        // SAFETY: lock held.
        let pools = unsafe { &mut *self.pools.get() };
        let base = block.as_ptr().map_addr(|a| a & !(POOL_SIZE - 1));
        if !pools.in_newest_arena(base.addr()) && !pools.is_pool(base.addr()) {
            // SAFETY: not in a pool, so it came from calloc.
            unsafe { free(block.as_ptr() as *mut c_void) };
            return;
        }
        // SAFETY: `base` starts a pool (the bitmap says so) whose header holds its class,
        // below `CLASSES` (written only by `new_pool`, from a class index); the block is
        // unused from now on, so its first word may hold the link.
        unsafe {
            let class = *(base as *const usize);
            let list = pools.free.get_unchecked_mut(class);
            let b = block.as_ptr() as *mut FreeBlock;
            (*b).next = *list;
            *list = b;
        }
    }
}

/// Zero-fills a block of `class`. The four smallest classes (most objects) are written
/// with a cascade of 16-byte stores; larger ones call `memset`. (A `match` of
/// constant-size `write_bytes` calls is folded back into one variable-size `memset`
/// call by the optimiser, which costs more than the stores for small blocks.)
///
/// # Safety
/// `block` is 16-aligned and valid for writes of `(class + 1) * STEP` bytes.
#[inline(always)]
unsafe fn zero_block(block: *mut u8, class: usize) {
    if class >= 4 {
        // SAFETY: the block is `(class + 1) * STEP` bytes (caller contract).
        unsafe { ptr::write_bytes(block, 0, (class + 1) * STEP) };
        return;
    }
    let words = block as *mut [u64; 2];
    // SAFETY: `class < 4`: the block holds `class + 1` 16-byte units (caller contract),
    // and each store below writes unit `i` only when `i <= class`.
    unsafe {
        words.write([0; 2]);
        if class >= 1 {
            words.add(1).write([0; 2]);
        }
        if class >= 2 {
            words.add(2).write([0; 2]);
        }
        if class >= 3 {
            words.add(3).write([0; 2]);
        }
    }
}

impl Drop for PoolAllocator {
    /// Returns the arenas to the system. The process-wide allocator lives in the runtime
    /// state, which is never dropped; an allocator that is dropped (a test's) has no
    /// block in use any more.
    fn drop(&mut self) {
        let layout = ARENA_LAYOUT;
        for arena in self.pools.get_mut().arenas.drain(..) {
            // SAFETY: allocated in `new_pool` with this layout and freed only here.
            unsafe { std::alloc::dealloc(arena.as_ptr(), layout) };
        }
    }
}

/// The layout of an arena: `POOLS_PER_ARENA` pools, aligned to a pool (checked at
/// compile time).
const ARENA_LAYOUT: Layout = match Layout::from_size_align(POOL_SIZE * POOLS_PER_ARENA, POOL_SIZE) {
    Ok(l) => l,
    Err(_) => panic!("arena layout"),
};

impl Pools {
    /// A block of `class` from the newest pool of that class, or from a new pool.
    ///
    /// # Safety
    /// `class < CLASSES`.
    unsafe fn carve(&mut self, class: usize) -> Option<NonNull<u8>> {
        let size = (class + 1) * STEP;
        let (mut next, mut end) = self.bump[class];
        if next.is_null() || (end.addr() - next.addr()) < size {
            let pool = self.new_pool(class)?;
            // SAFETY: the pool is POOL_SIZE bytes; blocks start after the header.
            (next, end) = unsafe { (pool.add(POOL_HEADER), pool.add(POOL_SIZE)) };
        }
        // SAFETY: `next + size <= end`, inside the pool.
        self.bump[class] = (unsafe { next.add(size) }, end);
        // Never-used pool memory is zero (the pool was allocated zeroed).
        NonNull::new(next)
    }

    /// A new zero-filled pool for `class` (`< CLASSES`: `free` indexes the free lists
    /// with the header's class unchecked), registered in the bitmap.
    fn new_pool(&mut self, class: usize) -> Option<*mut u8> {
        assert!(class < CLASSES, "pool class out of range");
        let (mut next, mut end) = self.arena;
        if next == end {
            // SAFETY: the layout has a non-zero size. Arenas are freed only when the
            // allocator is dropped.
            let arena = unsafe { std::alloc::alloc_zeroed(ARENA_LAYOUT) };
            let arena = NonNull::new(arena)?;
            self.arenas.push(arena);
            let arena = arena.as_ptr();
            // SAFETY: the arena is POOLS_PER_ARENA pools long.
            (next, end) = (arena, unsafe { arena.add(POOL_SIZE * POOLS_PER_ARENA) });
            self.arena = (next, end);
        }
        if !self.mark_pool(next.addr()) {
            // An address the bitmap does not cover: the caller falls back to calloc.
            return None;
        }
        let pool = next;
        // SAFETY: `pool` is a POOL_SIZE-aligned, zeroed, unused pool inside the arena;
        // the header is its first word.
        unsafe {
            *(pool as *mut usize) = class;
            self.arena = (pool.add(POOL_SIZE), end);
        }
        Some(pool)
    }

    /// Records that a pool starts at `addr`; `false` if the bitmap cannot be extended.
    fn mark_pool(&mut self, addr: usize) -> bool {
        let (region, bit) = split(addr);
        if region >= REGIONS {
            return false;
        }
        if self.regions.len() <= region {
            self.regions.resize_with(region + 1, || None);
        }
        let bits = self.regions[region].get_or_insert_with(|| {
            // SAFETY: an array of integers is valid zero-filled.
            unsafe { Box::<RegionBits>::new_zeroed().assume_init() }
        });
        bits[bit / 64] |= 1 << (bit % 64);
        true
    }

    /// Whether the 16 KiB-aligned address `addr` lies inside the newest arena: a cheap
    /// first test for [`PoolAllocator::free`] (a subtraction and a compare against the
    /// arena's start, instead of the region bitmap's loads). Sound because a live block
    /// handed to `free` that lies inside an arena's memory can only have come from one
    /// of its pools: the arena is one live allocation until the allocator is dropped, so
    /// no `calloc` block overlaps it, and every pool of the arena below `arena.0` was
    /// carved by `new_pool`. Before the first arena `end` is null and the test is false
    /// for every real address (`addr - start` is then `addr + ARENA_BYTES`, which does not
    /// wrap for an address below 2^48).
    #[inline(always)]
    fn in_newest_arena(&self, addr: usize) -> bool {
        const ARENA_BYTES: usize = POOL_SIZE * POOLS_PER_ARENA;
        let start = self.arena.1.addr().wrapping_sub(ARENA_BYTES);
        addr.wrapping_sub(start) < ARENA_BYTES
    }

    /// Whether a pool starts at the 16 KiB-aligned address `addr`.
    #[inline(always)]
    fn is_pool(&self, addr: usize) -> bool {
        let (region, bit) = split(addr);
        match self.regions.get(region) {
            Some(Some(bits)) => bits[bit / 64] & (1 << (bit % 64)) != 0,
            _ => false,
        }
    }
}

/// `(region index, pool index within the region)` of an address.
#[inline]
fn split(addr: usize) -> (usize, usize) {
    (
        addr >> REGION_SHIFT,
        (addr >> POOL_SHIFT) & (POOLS_PER_REGION - 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_only_blocks_bypass_the_pools() {
        let a = PoolAllocator::with_system_only(true);
        // SAFETY: single-threaded test: the allocator is used by this thread only; every
        // block is freed once and not used afterwards.
        unsafe {
            let b = a.alloc(40).unwrap();
            assert_eq!(b.as_ptr().addr() % STEP, 0);
            assert!(
                std::slice::from_raw_parts(b.as_ptr(), 40)
                    .iter()
                    .all(|&x| x == 0)
            );
            let pools = &*a.pools.get();
            assert!(pools.regions.is_empty(), "no pool was created");
            assert!(!pools.is_pool(b.as_ptr().addr() & !(POOL_SIZE - 1)));
            a.free(b);
            // The free lists stay empty, which is why `pop_free` needs no mode test.
            let pools = &*a.pools.get();
            assert!(pools.free.iter().all(|f| f.is_null()));
            assert!(a.pop_free(40).is_none() && a.pop_free_tiny(40).is_none());
        }
    }

    #[test]
    fn blocks_are_zeroed_aligned_and_recycled_by_class() {
        let a = PoolAllocator::with_system_only(false);
        // SAFETY: single-threaded test: the allocator is used by this thread only; every
        // block is freed once and not used afterwards.
        unsafe {
            let b1 = a.alloc(40).unwrap();
            assert_eq!(b1.as_ptr().addr() % STEP, 0);
            assert!(
                std::slice::from_raw_parts(b1.as_ptr(), 48)
                    .iter()
                    .all(|&x| x == 0)
            );
            ptr::write_bytes(b1.as_ptr(), 0xAB, 48);
            a.free(b1);
            assert!(
                a.pop_free_tiny(MAX_TINY + 1).is_none(),
                "past the tiny classes"
            );
            let b2 = a.pop_free_tiny(48).unwrap();
            assert_eq!(b1, b2, "same class, recycled");
            assert!(
                std::slice::from_raw_parts(b2.as_ptr(), 48)
                    .iter()
                    .all(|&x| x == 0)
            );
            let big = a.alloc(MAX_SMALL + 1).unwrap();
            assert!(
                std::slice::from_raw_parts(big.as_ptr(), MAX_SMALL + 1)
                    .iter()
                    .all(|&x| x == 0)
            );
            a.free(big);
            let many: Vec<_> = (0..2000)
                .map(|i| a.alloc(16 + (i % 30) * 16).unwrap())
                .collect();
            let mut addrs: Vec<usize> = many.iter().map(|b| b.as_ptr().addr()).collect();
            addrs.sort_unstable();
            addrs.dedup();
            assert_eq!(addrs.len(), 2000, "distinct blocks");
            for b in many {
                a.free(b);
            }
            a.free(b2);
        }
    }

    #[test]
    fn newest_arena_test_agrees_with_the_bitmap() {
        let a = PoolAllocator::with_system_only(false);
        // SAFETY: single-threaded test: the allocator is used by this thread only; every
        // block is freed once and not used afterwards.
        unsafe {
            let pools = &*a.pools.get();
            assert!(!pools.in_newest_arena(0x7000_0000_0000), "before any arena");
            // Blocks of 512 bytes: 31 per pool, 64 pools per arena, so this spans more
            // than two arenas, and the older arenas' blocks take the bitmap test.
            let blocks: Vec<_> = (0..31 * 64 * 2 + 100)
                .map(|_| a.alloc(MAX_SMALL).unwrap())
                .collect();
            let big = a.alloc(MAX_SMALL + 1).unwrap();
            let pools = &*a.pools.get();
            assert!(pools.arenas.len() >= 3);
            let base = |b: NonNull<u8>| b.as_ptr().addr() & !(POOL_SIZE - 1);
            let (mut newest, mut older) = (0, 0);
            for &b in &blocks {
                assert!(pools.is_pool(base(b)));
                if pools.in_newest_arena(base(b)) {
                    newest += 1;
                } else {
                    older += 1;
                }
            }
            assert!(newest > 0 && older > 0, "{newest} {older}");
            assert!(!pools.in_newest_arena(base(big)) && !pools.is_pool(base(big)));
            a.free(big);
            for b in blocks.iter().rev() {
                a.free(*b);
            }
            // Every block went back to its class's free list (none to `free(3)`).
            let pools = &*a.pools.get();
            let mut n = 0;
            let mut cur = pools.free[MAX_SMALL / STEP - 1];
            while !cur.is_null() {
                n += 1;
                cur = (*cur).next;
            }
            assert_eq!(n, blocks.len());
        }
    }
}
