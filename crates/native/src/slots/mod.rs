//! The slot functions every native type gets: `tp_new` and `tp_dealloc`
//! ([`lifecycle`]), `tp_traverse` and `tp_clear` ([`gc`]), and the per-index
//! trampolines behind its methods, getters and setters ([`trampolines`]), plus the
//! panic fence around user closures ([`panics`]).
//!
//! Owns nothing but these functions; each is generic over the payload type `T` and
//! finds the payload through `layout`. Must not build types (that is `build`).

pub(crate) mod gc;
pub(crate) mod lifecycle;
pub(crate) mod panics;
pub(crate) mod trampolines;
