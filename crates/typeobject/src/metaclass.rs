//! The metaclass calculation (`_PyType_CalculateMetaclass`): the most derived of the
//! requested metaclass and the types of all bases.
//!
//! Owns only that choice and its error.

use pyrt_core::{Bound, PyAny, PyErr, PyResult, Python, TypeObject};

/// The most derived metaclass among `requested` and the types of `bases`, or
/// "metaclass conflict: ..." when two are unrelated. Non-type bases count through their
/// type.
///
/// ```
/// pyrt_typeobject::Runtime::with(|py| {
///     let t = py.builtins().type_();
///     let m = pyrt_typeobject::metaclass::calculate(py, t, &[]).unwrap();
///     assert!(std::ptr::eq(&*m, t));
/// });
/// ```
pub fn calculate<'py>(
    py: Python<'py>,
    requested: &TypeObject,
    bases: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, TypeObject>> {
    let mut winner = requested;
    for b in bases {
        let t = b.ob_type();
        if winner.is_subtype(t) {
            continue;
        }
        if t.is_subtype(winner) {
            winner = t;
            continue;
        }
        return Err(PyErr::type_error(
            py,
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(Bound::from_ref(py, winner))
}
