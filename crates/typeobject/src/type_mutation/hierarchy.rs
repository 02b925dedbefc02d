//! Recomputing the MRO of a type and of all its subclasses (`mro_hierarchy`), depth
//! first in subclass-registration order, with an explicit stack; on any error every MRO
//! already replaced is restored, last first.
//!
//! Owns that walk and the restore. Must not change bases or subclass lists.

use super::install::install_mro;
use crate::mro_invoke::{NewMro, mro_for};
use crate::type_modified::is_custom;
use pyrt_core::builtins::TupleObject;
use pyrt_core::{Bound, PyResult, Python, TypeObject};

/// A replaced MRO, for the restore.
struct Saved<'py> {
    tp: Bound<'py, TypeObject>,
    old: Bound<'py, TupleObject>,
    custom: bool,
}

/// Gives `tp` and every subclass (transitively) the MRO they get now from their bases
/// (C3 or their metaclass's `mro()`). On error, restores every MRO it replaced and
/// returns the error. Custom `mro()`s run user code; everything used after them is held
/// by strong references. When an `mro()` itself replaced the MRO it is computing (a
/// reentrant `__bases__` assignment), that newer MRO is kept and its subclasses are
/// left to the inner assignment.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let a = pyrt_typeobject::new_class(py, "A", &[], None).unwrap();
///     let b = pyrt_typeobject::new_class(py, "B", &[a.clone()], None).unwrap();
///     pyrt_typeobject::type_mutation::update_mro_hierarchy(py, &a).unwrap();
///     assert_eq!(pyrt_typeobject::mro::mro_of(&b).len(), 3);
/// });
/// ```
pub fn update_mro_hierarchy<'py>(py: Python<'py>, tp: &Bound<'py, TypeObject>) -> PyResult<()> {
    let mut saved: Vec<Saved<'py>> = Vec::new();
    let mut stack: Vec<Bound<'py, TypeObject>> = vec![tp.clone()];
    while let Some(t) = stack.pop() {
        let old = t.tp_mro.get(py);
        let old_custom = is_custom(py, &t);
        let new = match mro_for(py, &t) {
            Ok(n) => n,
            Err(e) => {
                restore(py, saved);
                return Err(e);
            }
        };
        if t.tp_mro.as_ptr() != old.as_ref().map(|o| o.as_ptr().cast()) {
            continue;
        }
        install_mro(py, &t, &new);
        if let Some(old) = old {
            saved.push(Saved {
                tp: t.clone(),
                old,
                custom: old_custom,
            });
        }
        let subclasses = t.tp_subclasses.snapshot();
        // Pushed last-first so the first registered subclass is recomputed first.
        for s in subclasses.iter().rev() {
            // SAFETY: subclass lists hold live types; we take a reference at once.
            stack.push(Bound::from_ref(py, unsafe { s.as_ref() }));
        }
    }
    Ok(())
}

/// Puts back the MROs replaced so far, last first.
fn restore<'py>(py: Python<'py>, saved: Vec<Saved<'py>>) {
    for s in saved.into_iter().rev() {
        install_mro(
            py,
            &s.tp,
            &NewMro {
                tuple: s.old,
                custom: s.custom,
            },
        );
    }
}
