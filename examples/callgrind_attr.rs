//! The loops of `benches/attr_lookup.rs` as a plain program, for counting instructions
//! with callgrind (wall-clock time on a shared machine is noise; instruction counts are
//! not). Each run does one operation `N` times; the per-operation count is
//! `(Ir(2N) - Ir(N)) / N`, which cancels the setup:
//!
//! ```text
//! cargo build --profile bench --example callgrind_attr   # the benches' profile (thin LTO)
//! for n in 100000 200000; do
//!   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n \
//!     target/release/examples/callgrind_attr hit10 $n 2>&1 | grep Collected
//! done
//! ```
//!
//! Operations: `hit1`, `hit10`, `hit50` (cached lookup of a name defined at the root of
//! a chain), `miss10` (cached "not found"), `mod10` (`type_modified(leaf)` then a
//! lookup; the leaf is replaced every 900 iterations, within its tag budget),
//! `getattr_dict`, `getattr_class10`, `setattr_dict` (the generic protocol),
//! `getattr_method10` (a native method descriptor on the root of a depth-10 chain: a
//! bound `builtin_function_or_method` created and dropped) and `getattr_property` (a
//! property whose getter is a native function), as `benches/attr_lookup.rs` sets them up;
//! `getattr_property_none` is the same property with a getter returning `None` instead
//! of a new int (the property path without the getter's own allocation).

use pyrt::builtins::{int_new, intern};
use pyrt::types::{MethodDef, MethodFlags, MethodFn};
use pyrt::{
    Bound, PyAny, PyResult, Python, Runtime, TypeObject, attr, descr, method_cache, new_class,
    type_modified,
};
use std::hint::black_box;

/// `L0 <- ... <- L{depth-1}` with `target` and `cattr` on `L0`; the leaf.
fn chain(py: Python<'_>, depth: usize) -> Bound<'_, TypeObject> {
    let mut last: Option<Bound<'_, TypeObject>> = None;
    for i in 0..depth {
        let bases: Vec<Bound<'_, TypeObject>> = last.iter().cloned().collect();
        let t = new_class(py, &format!("L{i}"), &bases, None).expect("class");
        if i == 0 {
            for (n, v) in [("target", 1), ("cattr", 2)] {
                let value = int_new(py, v).expect("int").into_any();
                let key = intern(py, n).expect("name");
                attr::setattr(py, t.as_any(), key.as_any(), Some(&value)).expect("setattr");
            }
        }
        last = Some(t);
    }
    last.expect("depth >= 1")
}

fn meth<'py>(py: Python<'py>, _self: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(int_new(py, 1)?.into_any())
}
fn getter<'py>(
    py: Python<'py>,
    _module: &Bound<'py, PyAny>,
    _obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(int_new(py, 1)?.into_any())
}
static METH: MethodDef = MethodDef {
    name: "meth",
    meth: MethodFn::NoArgs(meth),
    flags: MethodFlags(0),
    doc: None,
};
fn getter_none<'py>(
    py: Python<'py>,
    _module: &Bound<'py, PyAny>,
    _obj: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pyrt::protocol::none(py))
}
static GETTER_NONE: MethodDef = MethodDef {
    name: "prop",
    meth: MethodFn::O(getter_none),
    flags: MethodFlags(0),
    doc: None,
};
static GETTER: MethodDef = MethodDef {
    name: "prop",
    meth: MethodFn::O(getter),
    flags: MethodFlags(0),
    doc: None,
};

/// An instance of the leaf of a depth-10 chain whose root has `meth` (a native method
/// descriptor), and the name.
fn method_setup(py: Python<'_>) -> (Bound<'_, PyAny>, Bound<'_, PyAny>) {
    let leaf = chain(py, 10);
    let mro = pyrt::mro::mro_of(&leaf);
    // SAFETY: the MRO entries are live types owned by the leaf's MRO tuple.
    let root = Bound::from_ref(py, unsafe { mro[mro.len() - 2].as_ref() });
    let d = descr::method_descr_new(py, &root, &METH).expect("descriptor");
    let name = intern(py, "meth").expect("name").into_any();
    attr::setattr(py, root.as_any(), &name, Some(&d)).expect("setattr");
    let o = pyrt::call_type(py, &leaf, &[]).expect("instance");
    (o, name)
}

/// An instance of a class with `prop`, a property over the native getter `def`, and
/// the name.
fn property_setup<'py>(
    py: Python<'py>,
    def: &'static MethodDef,
) -> (Bound<'py, PyAny>, Bound<'py, PyAny>) {
    let tp = chain(py, 1);
    let fget = descr::native_function(py, def, None)
        .expect("getter")
        .into_any();
    let property = Bound::from_ref(py, py.builtins().property());
    let p = pyrt::call_type(py, &property, &[fget]).expect("property");
    let name = intern(py, "prop").expect("name").into_any();
    attr::setattr(py, tp.as_any(), &name, Some(&p)).expect("setattr");
    let o = pyrt::call_type(py, &tp, &[]).expect("instance");
    (o, name)
}

fn run(py: Python<'_>, what: &str, n: u64) {
    let target = intern(py, "target").expect("name");
    let missing = intern(py, "missing").expect("name");
    let x = intern(py, "x").expect("name");
    let cattr = intern(py, "cattr").expect("name");
    match what {
        "hit1" | "hit10" | "hit50" | "miss10" => {
            let depth = what[what.len() - 2..]
                .trim_start_matches('t')
                .parse()
                .unwrap_or(1);
            let leaf = chain(py, depth);
            let name = if what == "miss10" { &missing } else { &target };
            for _ in 0..n {
                black_box(method_cache::lookup(py, black_box(&leaf), black_box(name)));
            }
        }
        "mod10" => {
            let parent = chain(py, 9);
            let mut left = n;
            while left > 0 {
                let batch = left.min(900);
                left -= batch;
                let leaf =
                    new_class(py, "Leaf", std::slice::from_ref(&parent), None).expect("class");
                for _ in 0..batch {
                    type_modified(py, black_box(&leaf));
                    black_box(method_cache::lookup(py, &leaf, black_box(&target)));
                }
            }
        }
        "getattr_dict" | "getattr_class10" | "setattr_dict" => {
            let tp = chain(py, if what == "getattr_class10" { 10 } else { 1 });
            let o = pyrt::call_type(py, &tp, &[]).expect("instance");
            let one = int_new(py, 1).expect("int").into_any();
            attr::setattr(py, &o, x.as_any(), Some(&one)).expect("setattr");
            let name = if what == "getattr_class10" {
                &cattr
            } else {
                &x
            };
            for _ in 0..n {
                if what == "setattr_dict" {
                    let _ = black_box(attr::setattr(py, black_box(&o), name.as_any(), Some(&one)));
                } else {
                    drop(black_box(attr::getattr(py, black_box(&o), name.as_any())));
                }
            }
        }
        "getattr_method10" | "getattr_property" | "getattr_property_none" => {
            let (o, name) = match what {
                "getattr_method10" => method_setup(py),
                "getattr_property" => property_setup(py, &GETTER),
                _ => property_setup(py, &GETTER_NONE),
            };
            for _ in 0..n {
                drop(black_box(attr::getattr(
                    py,
                    black_box(&o),
                    black_box(&name),
                )));
            }
        }
        other => eprintln!("unknown operation {other:?}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("hit10", String::as_str).to_owned();
    let n: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    Runtime::with(|py| run(py, &what, n));
}
