//! The abstract operator layer an interpreter calls: binary, in-place and unary
//! operators, comparisons, item access, `len`, `in`, iteration, `repr`/`str`, truth,
//! `hash` and `index` — every one through the objects' slots (never around them), with
//! CPython 3.11's messages.
//!
//! Owns the order in which slots are tried and the generic messages. Must not
//! implement any type's behaviour (that is the slots') nor look dunders up (heap types'
//! slots do that themselves, see `slotdefs`).
//!
//! ```
//! use pyrt_typeobject::ops::{self, BinOp};
//! pyrt_typeobject::Runtime::with(|py| {
//!     let a = pyrt_core::builtins::int_new(py, 20).unwrap().into_any();
//!     let b = pyrt_core::builtins::int_new(py, 22).unwrap().into_any();
//!     let c = ops::binary_op(py, &a, &b, BinOp::Add).unwrap();
//!     assert_eq!(ops::repr(py, &c).unwrap().as_str(), "42");
//! });
//! ```

mod binary;
mod compare;
mod items;
mod iter;
mod number;
mod operators;
mod text;
mod unary;

pub use binary::{binary_op, inplace_op, power};
pub use compare::{compare, compare_bool};
pub use items::{contains, delitem, getitem, len, setitem};
pub use iter::{SeqIterObject, iter, next};
pub use number::{hash, index, index_as_isize, is_true, not};
pub use operators::{BinOp, UnaryOp};
pub use text::{repr, str};
pub use unary::unary_op;

pub(crate) use items::contains_by_iteration;
pub(crate) use iter::install_types;
