//! The definition tables of native types (`tp_methods`, `tp_getset`, the weaklist
//! member) are shared by every build that produces the same table, so rebuilding a
//! class allocates no new table, and a table outlives every type built on it.

mod native_common;

use native_common::{call_method, checked, get_i64};
use pyrt::native::{NativeClass, Trace, extract_i64, int, none};
use pyrt::{Bound, Python, TypeObject};

#[derive(Trace, Default)]
struct Tally {
    n: i64,
}

/// `Tally` with one method and one getter/setter pair; `extra` adds a second method.
fn tally_type<'py>(py: Python<'py>, name: &str, extra: bool) -> Bound<'py, TypeObject> {
    let mut class = NativeClass::<Tally>::new(name)
        .weakrefable(true)
        .method("bump", |py, this: &mut Tally, _args| {
            this.n += 1;
            Ok(none(py))
        })
        .getter("n", |py, this: &Tally| int(py, this.n))
        .setter("n", |_py, this: &mut Tally, v| {
            this.n = extract_i64(v)?;
            Ok(())
        });
    if extra {
        class = class.method("twice", |py, this: &mut Tally, _args| int(py, this.n * 2));
    }
    class.build(py).unwrap()
}

/// The addresses of a type's three definition tables.
fn tables(ty: &TypeObject) -> [*const u8; 3] {
    [
        ty.tp_methods.get().as_ptr().cast(),
        ty.tp_getset.get().as_ptr().cast(),
        ty.tp_members.get().as_ptr().cast(),
    ]
}

#[test]
fn rebuilding_a_class_reuses_its_tables() {
    checked(|py| {
        let a = tally_type(py, "m.A", false);
        let b = tally_type(py, "m.B", false);
        assert_eq!(a.tp_methods.get().len(), 1);
        assert_eq!(a.tp_getset.get().len(), 1);
        assert_eq!(a.tp_members.get().len(), 1);
        assert_eq!(tables(&a), tables(&b));
        assert!(!a.is(&b));
    });
}

#[test]
fn a_different_method_list_gets_its_own_table() {
    checked(|py| {
        let one = tally_type(py, "m.One", false);
        let two = tally_type(py, "m.Two", true);
        assert_eq!(two.tp_methods.get().len(), 2);
        assert_ne!(tables(&one)[0], tables(&two)[0]);
        let names: Vec<&str> = two.tp_methods.get().iter().map(|m| m.name).collect();
        assert_eq!(names, ["bump", "twice"]);
        // The getset and weaklist rows are the same, so those tables are shared.
        assert_eq!(tables(&one)[1..], tables(&two)[1..]);
    });
}

#[test]
fn tables_outlive_the_types_built_on_them() {
    checked(|py| {
        let first = tally_type(py, "m.Gone", true);
        let old = tables(&first);
        drop(first);
        pyrt::gc::collect(py, 2);
        let again = tally_type(py, "m.Again", true);
        assert_eq!(tables(&again), old);
        let obj = pyrt::call::call0(py, again.as_any()).unwrap();
        call_method(py, &obj, "bump", &[]).unwrap();
        call_method(py, &obj, "bump", &[]).unwrap();
        assert_eq!(get_i64(py, &obj, "n"), 2);
        let twice = call_method(py, &obj, "twice", &[]).unwrap();
        assert_eq!(extract_i64(&twice).unwrap(), 4);
    });
}
