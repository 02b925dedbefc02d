//! Handles to objects: [`Bound<'py, T>`] (a strong reference usable while the runtime
//! lock is held; clone = incref, drop = decref) and [`Py<T>`] (a strong reference for
//! storage, `Send`, re-bound to a token to use it). Borrowed arguments are `&Bound<'py, T>`.
//!
//! Owns reference ownership in the safe API. Must not know any payload.

mod bound;
mod py;

pub use bound::{Bound, DowncastError};
pub use py::Py;
