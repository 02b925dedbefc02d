//! pyrt-native: a safe, PyO3-style API for native types.
//!
//! A native type is a Rust struct `T` (the *payload*, living inside each instance after
//! the base's fields) plus methods, getters and setters written as closures over `&T` /
//! `&mut T`, built with [`NativeClass`] on top of pyrt's `from_spec`. GC support comes
//! from `#[derive(Trace)]` ([`Trace`]): the type is collectable, with `tp_traverse` and
//! `tp_clear` generated from the payload's fields, whenever `T` can hold references.
//!
//! ```
//! use pyrt_native::{NativeClass, Py, PyAny, Trace, extract_i64, int, none};
//!
//! #[derive(Trace, Default)]
//! struct Counter { count: i64, parent: Option<Py<PyAny>> }
//!
//! pyrt_native::Runtime::with(|py| {
//!     let ty = NativeClass::<Counter>::new("mymod.Counter")
//!         .method("inc", |py, this: &mut Counter, _args| { this.count += 1; Ok(none(py)) })
//!         .getter("count", |py, this: &Counter| int(py, this.count))
//!         .setter("count", |_py, this: &mut Counter, v| { this.count = extract_i64(v)?; Ok(()) })
//!         .base_type(true)
//!         .build(py)
//!         .unwrap();
//!     let c = pyrt_native::call::call0(py, ty.as_any()).unwrap();
//!     pyrt_native::call::call_method0(py, &c, "inc").unwrap();
//!     assert_eq!(pyrt_native::borrow::<Counter>(&c).unwrap().count, 1);
//! });
//! ```
//!
//! Soundness rests on three rules: the payload is reached only through a per-object
//! borrow flag (`borrow`/`borrow_mut`, PyO3's `RuntimeError: Already borrowed`), so no
//! `&mut T` aliases; the payload's place is found from the instance's type alone
//! (`layout`), never from data Python code can change; and user closures run behind a
//! panic fence. Owns the public API of native types; must not reach into pyrt's
//! internals beyond `from_spec_unchecked` and the public layout helpers.

mod borrow;
mod build;
mod builder;
mod class_info;
mod convert;
mod def_tables;
mod layout;
mod payload;
mod slots;
mod trace;

pub use borrow::{PayloadRef, PayloadRefMut, borrow, borrow_mut, has_payload};
pub use builder::NativeClass;
pub use convert::{extract_i64, get_attr, int, none, set_attr, string};
pub use pyrt_derive::Trace;
pub use slots::trampolines::MAX_PER_KIND;
pub use trace::{Released, Trace, Visit};

pub use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject, builtins, types};
pub use pyrt_typeobject::{Runtime, attr, call, names, new_class, ops};

/// Creates the objects the native layer keeps for the whole process (the type of the
/// per-class info objects). Building the first native type does it too; call it first
/// when you count live objects around your own code.
///
/// ```
/// pyrt_native::Runtime::with(|py| {
///     pyrt_native::init(py).unwrap();
///     let before = py.live_objects();
///     pyrt_native::init(py).unwrap();
///     assert_eq!(py.live_objects(), before);
/// });
/// ```
pub fn init(py: Python<'_>) -> PyResult<()> {
    class_info::info_type(py).map(|_| ())
}

/// An instance of native type `ty` (or of a subclass of it) holding `value`, made from
/// Rust without calling the type's constructor.
///
/// ```
/// use pyrt_native::{NativeClass, Trace};
/// #[derive(Trace)]
/// struct Id(u64);
/// pyrt_native::Runtime::with(|py| {
///     let ty = NativeClass::<Id>::without_constructor("demo.Id").build(py).unwrap();
///     let obj = pyrt_native::instantiate(py, &ty, Id(3)).unwrap();
///     assert_eq!(pyrt_native::borrow::<Id>(&obj).unwrap().0, 3);
///     let object = pyrt_native::Bound::from_ref(py, py.builtins().object());
///     assert!(pyrt_native::instantiate(py, &object, Id(4)).is_err());
/// });
/// ```
pub fn instantiate<'py, T: Trace + Send>(
    py: Python<'py>,
    ty: &Bound<'py, TypeObject>,
    value: T,
) -> PyResult<Bound<'py, PyAny>> {
    let Some(d) = layout::defining_type::<T>(ty) else {
        return Err(PyErr::type_error(
            py,
            format!(
                "'{}' is not a native type for this payload",
                names::tp_name(ty)
            ),
        ));
    };
    let alloc = ty
        .tp_alloc
        .get()
        .unwrap_or(pyrt_core::object::generic_alloc);
    let obj = alloc(py, ty, 0)?;
    // SAFETY: `d` is the defining type of `ty`, the new object's type.
    let c = unsafe { layout::cell::<T>(obj.as_any_ref(), d) };
    if c.store(value).is_err() {
        return Err(PyErr::system_error(
            py,
            "a new instance already had a payload",
        ));
    }
    Ok(obj)
}
