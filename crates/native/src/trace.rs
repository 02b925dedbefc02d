//! [`Trace`]: how a native payload shows its object references to the cycle collector
//! (`traverse`) and gives them up to break a cycle (`clear`), with the impls for
//! `Py<_>`, the std containers and plain data.
//!
//! Owns the trait, the visitor handed to `traverse` ([`Visit`]) and the list of values
//! `clear` moves out ([`Released`], dropped by the caller once the payload is consistent
//! again). Must not touch objects or memory: the slot functions that call these live in
//! `slots/`.

use pyrt_core::{Py, PyAny, PyLayout};
use std::any::Any;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::ptr::NonNull;

/// A payload type's GC support: `traverse` visits every object reference the value
/// holds, `clear` moves out the references that could be part of a cycle.
///
/// Derive it (`#[derive(Trace)]`): every field is traced through its own `Trace` impl
/// (`#[trace(skip)]` opts a field out). What the impls here do:
/// - `Py<U>`: visited; *not* cleared (a `Py<U>` cannot be emptied — use
///   `Option<Py<U>>` for references that can close a cycle);
/// - `Option<T>`, `Vec<T>`, `VecDeque<T>`, maps and sets holding references: visited,
///   and cleared by taking the whole value (`None` / empty);
/// - `Box<T>`, arrays and tuples: each part in turn;
/// - numbers, `bool`, `char`, `String`, `&'static str`, `()`: nothing.
///
/// # Safety
/// `traverse` must visit only references the value owns (each strong reference once)
/// and must not run Python code or touch objects; `clear` must only move values into
/// `released` (dropping nothing itself). The collector relies on both: visiting a
/// reference the value does not own makes it think an object is garbage.
///
/// ```
/// use pyrt_native::{Py, PyAny, Trace};
/// #[derive(Trace, Default)]
/// struct Node {
///     value: i64,
///     next: Option<Py<PyAny>>,
///     children: Vec<Py<PyAny>>,
/// }
/// assert!(<Node as Trace>::HAS_REFS);
/// #[derive(Trace)]
/// struct Plain { x: i64, name: String }
/// assert!(!<Plain as Trace>::HAS_REFS);
/// ```
pub unsafe trait Trace: 'static {
    /// Whether values of this type can hold object references (a native type whose
    /// payload holds none is not collectable).
    const HAS_REFS: bool = true;

    /// Visits every object reference the value owns.
    fn traverse(&self, visit: &mut Visit<'_>);

    /// Moves out every reference that can be given up (see the trait docs).
    fn clear(&mut self, released: &mut Released);
}

/// The visitor `traverse` reports references to.
///
/// ```
/// use pyrt_native::{Py, PyAny, Trace, Visit, Released};
/// struct Handle(Py<PyAny>);
/// // SAFETY: visits the one reference it owns; clear gives nothing up.
/// unsafe impl Trace for Handle {
///     fn traverse(&self, visit: &mut Visit<'_>) { visit.py(&self.0) }
///     fn clear(&mut self, _released: &mut Released) {}
/// }
/// ```
pub struct Visit<'a> {
    f: &'a mut dyn FnMut(NonNull<PyAny>),
}

impl<'a> Visit<'a> {
    /// Wraps a `tp_traverse` visit callback.
    pub(crate) fn new(f: &'a mut dyn FnMut(NonNull<PyAny>)) -> Self {
        Visit { f }
    }

    /// Reports one reference.
    ///
    /// ```
    /// use pyrt_native::{Py, PyAny, Trace, Visit, Released};
    /// struct Two(Py<PyAny>, Py<PyAny>);
    /// // SAFETY: each owned reference once.
    /// unsafe impl Trace for Two {
    ///     fn traverse(&self, visit: &mut Visit<'_>) { visit.py(&self.0); visit.py(&self.1) }
    ///     fn clear(&mut self, _released: &mut Released) {}
    /// }
    /// ```
    pub fn py<U: PyLayout>(&mut self, obj: &Py<U>) {
        (self.f)(obj.as_ptr());
    }
}

/// Values `clear` moved out of a payload; the caller drops them (releasing their
/// references, which may run arbitrary code) only after the payload is consistent.
///
/// ```
/// use pyrt_native::{Py, PyAny, Trace, Visit, Released};
/// struct Slot(Option<Py<PyAny>>);
/// // SAFETY: visits the owned reference; clear moves it out.
/// unsafe impl Trace for Slot {
///     fn traverse(&self, visit: &mut Visit<'_>) { if let Some(p) = &self.0 { visit.py(p) } }
///     fn clear(&mut self, released: &mut Released) { released.release_later(self.0.take()) }
/// }
/// ```
#[derive(Default)]
pub struct Released {
    items: Vec<Box<dyn Any>>,
}

impl Released {
    /// Keeps `value` to be dropped later.
    ///
    /// ```
    /// use pyrt_native::{Py, PyAny, Trace, Visit, Released};
    /// struct Many(Vec<Py<PyAny>>);
    /// // SAFETY: every owned reference once; clear moves the vector out.
    /// unsafe impl Trace for Many {
    ///     fn traverse(&self, visit: &mut Visit<'_>) { self.0.iter().for_each(|p| visit.py(p)) }
    ///     fn clear(&mut self, released: &mut Released) {
    ///         released.release_later(std::mem::take(&mut self.0))
    ///     }
    /// }
    /// ```
    pub fn release_later<V: 'static>(&mut self, value: V) {
        self.items.push(Box::new(value));
    }
}

// SAFETY: one owned reference, visited once; nothing moved.
unsafe impl<U: PyLayout + 'static> Trace for Py<U> {
    fn traverse(&self, visit: &mut Visit<'_>) {
        visit.py(self);
    }
    fn clear(&mut self, _released: &mut Released) {}
}

// SAFETY: forwards to the inner value; clear moves the whole value out.
unsafe impl<T: Trace> Trace for Option<T> {
    const HAS_REFS: bool = T::HAS_REFS;
    fn traverse(&self, visit: &mut Visit<'_>) {
        if let Some(v) = self {
            v.traverse(visit);
        }
    }
    fn clear(&mut self, released: &mut Released) {
        if T::HAS_REFS {
            released.release_later(self.take());
        }
    }
}

// SAFETY: forwards to the boxed value.
unsafe impl<T: Trace> Trace for Box<T> {
    const HAS_REFS: bool = T::HAS_REFS;
    fn traverse(&self, visit: &mut Visit<'_>) {
        (**self).traverse(visit);
    }
    fn clear(&mut self, released: &mut Released) {
        (**self).clear(released);
    }
}

// SAFETY: forwards to each element.
unsafe impl<T: Trace, const N: usize> Trace for [T; N] {
    const HAS_REFS: bool = T::HAS_REFS;
    fn traverse(&self, visit: &mut Visit<'_>) {
        self.iter().for_each(|v| v.traverse(visit));
    }
    fn clear(&mut self, released: &mut Released) {
        self.iter_mut().for_each(|v| v.clear(released));
    }
}

/// Collections: every element traversed; cleared by taking the whole collection.
macro_rules! trace_collection {
    ($($coll:ident < $($p:ident),+ > => |$s:ident, $v:ident| $iter:expr;)*) => {$(
        // SAFETY: every element's references visited once; clear moves the collection out.
        unsafe impl<$($p: Trace),+> Trace for $coll<$($p),+> {
            const HAS_REFS: bool = false $(|| $p::HAS_REFS)+;
            fn traverse(&self, $v: &mut Visit<'_>) {
                let $s = self;
                $iter;
            }
            fn clear(&mut self, released: &mut Released) {
                if Self::HAS_REFS {
                    released.release_later(std::mem::take(self));
                }
            }
        }
    )*};
}

trace_collection! {
    Vec<T> => |s, v| s.iter().for_each(|x| x.traverse(v));
    VecDeque<T> => |s, v| s.iter().for_each(|x| x.traverse(v));
    HashSet<T> => |s, v| s.iter().for_each(|x| x.traverse(v));
    BTreeSet<T> => |s, v| s.iter().for_each(|x| x.traverse(v));
    HashMap<K, V> => |s, v| s.iter().for_each(|(k, x)| { k.traverse(v); x.traverse(v) });
    BTreeMap<K, V> => |s, v| s.iter().for_each(|(k, x)| { k.traverse(v); x.traverse(v) });
}

/// Tuples: each part in turn.
macro_rules! trace_tuple {
    ($(($($p:ident $i:tt),+))*) => {$(
        // SAFETY: forwards to each part.
        unsafe impl<$($p: Trace),+> Trace for ($($p,)+) {
            const HAS_REFS: bool = false $(|| $p::HAS_REFS)+;
            fn traverse(&self, visit: &mut Visit<'_>) {
                $(self.$i.traverse(visit);)+
            }
            fn clear(&mut self, released: &mut Released) {
                $(self.$i.clear(released);)+
            }
        }
    )*};
}

trace_tuple! {
    (A 0)
    (A 0, B 1)
    (A 0, B 1, C 2)
    (A 0, B 1, C 2, D 3)
}

/// Plain data: holds no references.
macro_rules! trace_plain {
    ($($t:ty),*) => {$(
        // SAFETY: no references: nothing visited, nothing moved.
        unsafe impl Trace for $t {
            const HAS_REFS: bool = false;
            fn traverse(&self, _visit: &mut Visit<'_>) {}
            fn clear(&mut self, _released: &mut Released) {}
        }
    )*};
}

trace_plain!(
    (),
    bool,
    char,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    f32,
    f64,
    String,
    &'static str,
    std::time::Duration
);

// SAFETY: no references: nothing visited, nothing moved.
unsafe impl<T: ?Sized + 'static> Trace for std::marker::PhantomData<T> {
    const HAS_REFS: bool = false;
    fn traverse(&self, _visit: &mut Visit<'_>) {}
    fn clear(&mut self, _released: &mut Released) {}
}
