//! Raw hash functions: strings (a fast 64-bit mix) and integers (CPython's modular
//! hash, so `hash(n)` matches CPython for 64-bit ints).
//!
//! Owns hash arithmetic only.

/// The modulus of CPython's integer hash, 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;

/// murmur3's 64-bit finaliser: spreads entropy to every bit.
///
/// ```
/// assert_ne!(pyrt_core::builtins::mix_hash(1), pyrt_core::builtins::mix_hash(2));
/// ```
#[inline(always)]
pub fn mix_hash(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Hash of a byte string; never -1.
///
/// ```
/// let h = pyrt_core::builtins::hash_bytes(b"abc");
/// assert_eq!(h, pyrt_core::builtins::hash_bytes(b"abc"));
/// assert_ne!(h, -1);
/// ```
pub fn hash_bytes(b: &[u8]) -> isize {
    let mut h: u64 = 0x243f_6a88_85a3_08d3 ^ (b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
    let mut w = [0u8; 8];
    w[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(w)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let r = mix_hash(h) as isize;
    if r == -1 { -2 } else { r }
}

/// CPython's hash of an integer: `n mod (2**61 - 1)` with the sign kept, -1 → -2.
///
/// ```
/// assert_eq!(pyrt_core::builtins::hash_i64(5), 5);
/// assert_eq!(pyrt_core::builtins::hash_i64(-1), -2);
/// assert_eq!(pyrt_core::builtins::hash_i64(1 << 61), 1);
/// ```
pub fn hash_i64(v: i64) -> isize {
    let m = (v.unsigned_abs() % MODULUS) as isize;
    let r = if v < 0 { -m } else { m };
    if r == -1 { -2 } else { r }
}
