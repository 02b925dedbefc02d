//! The object-model trait through which the collector sees objects.
//!
//! Owns only the contract; implementations live in `pyrt-core`.

use crate::head::GcHead;
use std::ptr::NonNull;

/// How the collector sees the objects behind GC heads.
///
/// # Safety
/// Implementors promise, for every tracked head:
/// 1. `refcount` returns the object's true strong count.
/// 2. `traverse` reports every strong reference the object holds to another
///    collectable object exactly once, by that object's head, and nothing else.
/// 3. `clear` drops the object's references to other objects, leaving it safe to touch.
pub unsafe trait ObjectModel {
    /// The object's current reference count.
    fn refcount(head: NonNull<GcHead>) -> isize;
    /// Calls `visit` with the head of each collectable object this one references.
    fn traverse(head: NonNull<GcHead>, visit: &mut dyn FnMut(NonNull<GcHead>));
}
