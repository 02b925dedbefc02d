//! [`NativeClass`]: the plain-function builder of a native type — a payload type `T`
//! plus methods, getters and setters as closures — turned into a ready heap type by
//! [`NativeClass::build`].
//!
//! Owns the builder's data and the wrapping of typed closures (`&T` / `&mut T`) into
//! stored ones that borrow the payload through `borrow`. Must not create types itself
//! (that is `build`).

use crate::borrow::{borrow, borrow_mut};
use crate::class_info::{Constructor, GetSetEntry, RawMethod};
use pyrt_core::builtins::{DictObject, TupleObject};
use pyrt_core::types::{SlotId, SlotValue};
use pyrt_core::{Bound, Py, PyAny, PyErr, PyResult, Python, TypeObject};
use pyrt_typeobject::names;

/// A method's entry before building.
pub(crate) struct MethodEntry {
    pub name: &'static str,
    pub doc: Option<&'static str>,
    pub call: RawMethod,
}

/// The builder of a native type whose instances carry a `T` payload.
///
/// ```
/// use pyrt_native::{NativeClass, Py, PyAny, Trace, extract_i64, int, none};
/// #[derive(Trace, Default)]
/// struct Counter { count: i64, parent: Option<Py<PyAny>> }
/// pyrt_native::Runtime::with(|py| {
///     let ty = NativeClass::<Counter>::new("mymod.Counter")
///         .method("inc", |py, this: &mut Counter, _args| { this.count += 1; Ok(none(py)) })
///         .getter("count", |py, this: &Counter| int(py, this.count))
///         .setter("count", |_py, this: &mut Counter, v| { this.count = extract_i64(v)?; Ok(()) })
///         .base_type(true)
///         .build(py)
///         .unwrap();
///     let c = pyrt_native::call::call0(py, ty.as_any()).unwrap();
///     pyrt_native::call::call_method0(py, &c, "inc").unwrap();
///     let n = pyrt_native::get_attr(py, &c, "count").unwrap();
///     assert_eq!(extract_i64(&n).unwrap(), 1);
/// });
/// ```
pub struct NativeClass<T> {
    pub(crate) name: String,
    pub(crate) doc: Option<String>,
    pub(crate) methods: Vec<MethodEntry>,
    pub(crate) getsets: Vec<GetSetEntry>,
    pub(crate) constructor: Option<Constructor<T>>,
    pub(crate) base: Option<Py<TypeObject>>,
    pub(crate) basetype: bool,
    pub(crate) weakrefable: bool,
    pub(crate) extra_slots: Vec<(SlotId, SlotValue<'static>)>,
}

impl<T: crate::Trace + Send + Default> NativeClass<T> {
    /// A builder for type `name` (`"module.Name"`) whose instances start as
    /// `T::default()`. Calling the type with arguments raises
    /// `TypeError: Name() takes no arguments` unless a subclass defines `__init__`.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P").build(py).unwrap();
    ///     let one = pyrt_native::int(py, 1).unwrap();
    ///     let e = pyrt_native::call::call1(py, ty.as_any(), &one).unwrap_err();
    ///     assert_eq!(e.message(py), "demo.P() takes no arguments");
    /// });
    /// ```
    pub fn new(name: &str) -> Self {
        let ctor: Constructor<T> = Box::new(|py, subtype, args, kwargs| {
            let has_args = !args.is_empty() || kwargs.is_some_and(|k| !k.is_empty());
            let object_init = py.builtins().object().tp_init.get().map(|f| f as usize);
            if has_args && subtype.tp_init.get().map(|f| f as usize) == object_init {
                return Err(PyErr::type_error(
                    py,
                    format!("{}() takes no arguments", names::tp_name(subtype)),
                ));
            }
            Ok(T::default())
        });
        Self::empty(name, Some(ctor))
    }
}

impl<T: crate::Trace + Send> NativeClass<T> {
    fn empty(name: &str, constructor: Option<Constructor<T>>) -> Self {
        NativeClass {
            name: name.to_owned(),
            doc: None,
            methods: Vec::new(),
            getsets: Vec::new(),
            constructor,
            base: None,
            basetype: false,
            weakrefable: false,
            extra_slots: Vec::new(),
        }
    }

    /// A builder whose payload comes from `ctor(py, args, kwargs)` when the type (or a
    /// subclass) is called.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace, extract_i64};
    /// #[derive(Trace)]
    /// struct Start { at: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<Start>::with_constructor("demo.Start", |_py, args, _kw| {
    ///         Ok(Start { at: match args.first() { Some(a) => extract_i64(a)?, None => 0 } })
    ///     })
    ///     .build(py)
    ///     .unwrap();
    ///     let seven = pyrt_native::int(py, 7).unwrap();
    ///     let s = pyrt_native::call::call1(py, ty.as_any(), &seven).unwrap();
    ///     assert_eq!(pyrt_native::borrow::<Start>(&s).unwrap().at, 7);
    /// });
    /// ```
    pub fn with_constructor(
        name: &str,
        ctor: impl for<'py> Fn(
            Python<'py>,
            &[Bound<'py, PyAny>],
            Option<&Bound<'py, DictObject>>,
        ) -> PyResult<T>
        + Send
        + Sync
        + 'static,
    ) -> Self {
        let ctor: Constructor<T> =
            Box::new(move |py, _subtype, args: &Bound<'_, TupleObject>, kwargs| {
                ctor(py, args.items(py), kwargs)
            });
        Self::empty(name, Some(ctor))
    }

    /// A builder for a type Python code cannot instantiate
    /// (`TypeError: cannot create 'Name' instances`); Rust code makes instances with
    /// [`crate::instantiate`].
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace};
    /// #[derive(Trace)]
    /// struct Token { id: u64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<Token>::without_constructor("demo.Token").build(py).unwrap();
    ///     let e = pyrt_native::call::call0(py, ty.as_any()).unwrap_err();
    ///     assert_eq!(e.message(py), "cannot create 'demo.Token' instances");
    ///     let t = pyrt_native::instantiate(py, &ty, Token { id: 9 }).unwrap();
    ///     assert_eq!(pyrt_native::borrow::<Token>(&t).unwrap().id, 9);
    /// });
    /// ```
    pub fn without_constructor(name: &str) -> Self {
        Self::empty(name, None)
    }

    /// The type's docstring.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P").doc("A point.").build(py).unwrap();
    ///     let d = pyrt_native::get_attr(py, ty.as_any(), "__doc__").unwrap();
    ///     assert_eq!(d.downcast::<pyrt_native::builtins::StrObject>().unwrap().as_str(), "A point.");
    /// });
    /// ```
    pub fn doc(mut self, doc: &str) -> Self {
        self.doc = Some(doc.to_owned());
        self
    }

    /// A method taking the payload exclusively (`&mut T`) and the positional
    /// arguments. While it runs, any other borrow of the same object raises.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace, int};
    /// #[derive(Trace, Default)]
    /// struct Acc { total: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<Acc>::new("demo.Acc")
    ///         .method("add", |py, this: &mut Acc, args| {
    ///             for a in args { this.total += pyrt_native::extract_i64(a)?; }
    ///             int(py, this.total)
    ///         })
    ///         .build(py)
    ///         .unwrap();
    ///     let acc = pyrt_native::call::call0(py, ty.as_any()).unwrap();
    ///     let two = int(py, 2).unwrap();
    ///     let r = pyrt_native::call::call_method1(py, &acc, "add", &two).unwrap();
    ///     assert_eq!(pyrt_native::extract_i64(&r).unwrap(), 2);
    /// });
    /// ```
    pub fn method(
        self,
        name: &'static str,
        f: impl for<'py> Fn(Python<'py>, &mut T, &[Bound<'py, PyAny>]) -> PyResult<Bound<'py, PyAny>>
        + Send
        + Sync
        + 'static,
    ) -> Self {
        self.method_raw(name, move |py, slf, args| {
            let mut this = borrow_mut::<T>(slf)?;
            f(py, &mut this, args)
        })
    }

    /// A method taking the payload shared (`&T`): it may run while other shared
    /// borrows of the object exist (e.g. re-entered from Python code it calls).
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace, int};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P")
    ///         .method_ref("double", |py, this: &P, _args| int(py, this.x * 2))
    ///         .build(py)
    ///         .unwrap();
    ///     let p = pyrt_native::call::call0(py, ty.as_any()).unwrap();
    ///     let r = pyrt_native::call::call_method0(py, &p, "double").unwrap();
    ///     assert_eq!(pyrt_native::extract_i64(&r).unwrap(), 0);
    /// });
    /// ```
    pub fn method_ref(
        self,
        name: &'static str,
        f: impl for<'py> Fn(Python<'py>, &T, &[Bound<'py, PyAny>]) -> PyResult<Bound<'py, PyAny>>
        + Send
        + Sync
        + 'static,
    ) -> Self {
        self.method_raw(name, move |py, slf, args| {
            let this = borrow::<T>(slf)?;
            f(py, &this, args)
        })
    }

    /// A method given the object itself (already checked to be an instance of the
    /// type): it borrows the payload when and for as long as it needs
    /// ([`crate::borrow`] / [`crate::borrow_mut`]), e.g. to call back into Python code
    /// between borrows.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace, borrow_mut, none};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P")
    ///         .method_raw("bump", |py, slf, _args| {
    ///             borrow_mut::<P>(slf)?.x += 1; // the borrow ends here
    ///             Ok(none(py))
    ///         })
    ///         .build(py)
    ///         .unwrap();
    ///     let p = pyrt_native::call::call0(py, ty.as_any()).unwrap();
    ///     pyrt_native::call::call_method0(py, &p, "bump").unwrap();
    ///     assert_eq!(pyrt_native::borrow::<P>(&p).unwrap().x, 1);
    /// });
    /// ```
    pub fn method_raw(
        mut self,
        name: &'static str,
        f: impl for<'py> Fn(
            Python<'py>,
            &Bound<'py, PyAny>,
            &[Bound<'py, PyAny>],
        ) -> PyResult<Bound<'py, PyAny>>
        + Send
        + Sync
        + 'static,
    ) -> Self {
        self.methods.push(MethodEntry {
            name,
            doc: None,
            call: Box::new(f),
        });
        self
    }

    /// A getter for attribute `name`, given the payload shared.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace, int};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P")
    ///         .getter("x", |py, this: &P| int(py, this.x))
    ///         .build(py)
    ///         .unwrap();
    ///     let p = pyrt_native::call::call0(py, ty.as_any()).unwrap();
    ///     let x = pyrt_native::get_attr(py, &p, "x").unwrap();
    ///     assert_eq!(pyrt_native::extract_i64(&x).unwrap(), 0);
    /// });
    /// ```
    pub fn getter(
        mut self,
        name: &'static str,
        f: impl for<'py> Fn(Python<'py>, &T) -> PyResult<Bound<'py, PyAny>> + Send + Sync + 'static,
    ) -> Self {
        let get: crate::class_info::RawGetter = Box::new(move |py, slf| {
            let this = borrow::<T>(slf)?;
            f(py, &this)
        });
        self.getset_entry(name).get = Some(get);
        self
    }

    /// A setter for attribute `name`, given the payload exclusively. Deleting the
    /// attribute raises `AttributeError: attribute 'name' of 'T' objects is not
    /// deletable`.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace, int, extract_i64};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P")
    ///         .setter("x", |_py, this: &mut P, v| { this.x = extract_i64(v)?; Ok(()) })
    ///         .build(py)
    ///         .unwrap();
    ///     let p = pyrt_native::call::call0(py, ty.as_any()).unwrap();
    ///     let three = int(py, 3).unwrap();
    ///     pyrt_native::set_attr(py, &p, "x", &three).unwrap();
    ///     assert_eq!(pyrt_native::borrow::<P>(&p).unwrap().x, 3);
    /// });
    /// ```
    pub fn setter(
        mut self,
        name: &'static str,
        f: impl for<'py> Fn(Python<'py>, &mut T, &Bound<'py, PyAny>) -> PyResult<()>
        + Send
        + Sync
        + 'static,
    ) -> Self {
        let set: crate::class_info::RawSetter = Box::new(move |py, slf, v| {
            let mut this = borrow_mut::<T>(slf)?;
            f(py, &mut this, v)
        });
        self.getset_entry(name).set = Some(set);
        self
    }

    /// Whether runtime-created classes (and other native types) may subclass the type
    /// (`BASETYPE`; default `false`, as for a class without `#[pyclass(subclass)]`).
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P").base_type(true).build(py).unwrap();
    ///     let sub = pyrt_native::new_class(py, "Sub", &[ty.clone()], None).unwrap();
    ///     assert!(sub.is_subtype(&ty));
    /// });
    /// ```
    pub fn base_type(mut self, yes: bool) -> Self {
        self.basetype = yes;
        self
    }

    /// The base type (default `object`): any fixed-size type that allows subclassing,
    /// including classes created at runtime (the payload is laid out after the base's
    /// fields) and other native types.
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let base = pyrt_native::new_class(py, "Base", &[], None).unwrap();
    ///     let ty = NativeClass::<P>::new("demo.P").base(&base).build(py).unwrap();
    ///     assert!(ty.is_subtype(&base));
    /// });
    /// ```
    pub fn base(mut self, base: &Bound<'_, TypeObject>) -> Self {
        self.base = Some(base.clone().unbind());
        self
    }

    /// Whether instances can be weakly referenced (a `__weakref__` slot; default `false`).
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P").weakrefable(true).build(py).unwrap();
    ///     assert!(ty.tp_weaklistoffset.get() > 0);
    /// });
    /// ```
    pub fn weakrefable(mut self, yes: bool) -> Self {
        self.weakrefable = yes;
        self
    }

    /// A behaviour slot of the low-level API (`tp_repr`, `nb_add`, `sq_length`, ...),
    /// for what the builder has no method for; the function reaches the payload with
    /// [`crate::borrow`] / [`crate::borrow_mut`]. The slots pyrt-native manages itself
    /// (the layout-bearing ones, `tp_new`, `tp_clear`, the base and definition tables,
    /// the doc) are refused by [`NativeClass::build`].
    ///
    /// ```
    /// use pyrt_native::{NativeClass, Trace, Bound, PyAny, PyResult, Python, borrow, string};
    /// use pyrt_native::types::{SlotId, SlotValue};
    /// #[derive(Trace, Default)]
    /// struct P { x: i64 }
    /// fn repr<'py>(py: Python<'py>, obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    ///     string(py, &format!("P({})", borrow::<P>(obj)?.x))
    /// }
    /// pyrt_native::Runtime::with(|py| {
    ///     let ty = NativeClass::<P>::new("demo.P")
    ///         .slot(SlotId::TP_REPR, SlotValue::Unary(repr))
    ///         .build(py)
    ///         .unwrap();
    ///     let p = pyrt_native::call::call0(py, ty.as_any()).unwrap();
    ///     let r = pyrt_native::ops::repr(py, &p).unwrap();
    ///     assert_eq!(r.as_str(), "P(0)");
    /// });
    /// ```
    pub fn slot(mut self, id: SlotId, value: SlotValue<'static>) -> Self {
        self.extra_slots.push((id, value));
        self
    }

    /// The getset entry for `name`, created if absent.
    fn getset_entry(&mut self, name: &'static str) -> &mut GetSetEntry {
        let i = match self.getsets.iter().position(|g| g.name == name) {
            Some(i) => i,
            None => {
                self.getsets.push(GetSetEntry {
                    name,
                    get: None,
                    set: None,
                });
                self.getsets.len() - 1
            }
        };
        &mut self.getsets[i]
    }
}
