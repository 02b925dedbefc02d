//! The generic dispatchers: slot functions installed in heap types whose MRO defines a
//! dunder; each looks the dunder up on the object's type and calls it. One module per
//! family of slot shapes.
//!
//! Owns calling shapes and result checks. Must not decide which types get them.

pub(crate) mod binary;
pub(crate) mod container;
pub(crate) mod type_slots;
pub(crate) mod unary;
