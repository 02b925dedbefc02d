//! Attribute lookup through the method cache and the generic attribute protocol, with
//! the conventions of CPython's baseline (`../shared/bench/cpython-baseline/`): a chain
//! of depth d is `L0(object) <- L1 <- ... <- L{d-1}`, the attribute is defined on `L0`
//! and looked up through the leaf; names are interned. The `getattr/*` and `setattr/*`
//! figures go through `attr::getattr` / `attr::setattr` (the type's `tp_getattro` /
//! `tp_setattro`: data-descriptor check, instance dict, refcounts) and drop the result.
//!
//! Each batch of iterations runs inside one `Runtime::with`. `lookup/after_modified/10`
//! calls `type_modified(leaf)` and then looks up; since a type may be given at most
//! `method_cache::MAX_TAGS_PER_TYPE` tags, the leaf is replaced by a fresh one (outside
//! the timing) every 900 iterations, so every timed lookup refills the cache with a
//! fresh tag as CPython 3.11 does.

#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, criterion_group, criterion_main};
use pyrt::builtins::{StrObject, int_new, intern};
use pyrt::types::{MethodDef, MethodFlags, MethodFn};
use pyrt::{
    Bound, Py, PyAny, Runtime, TypeObject, attr, descr, method_cache, new_class, type_modified,
};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// `L0 <- ... <- L{depth-1}` with `target = 1` and `cattr = 2` on `L0`; the leaf.
fn chain(depth: usize) -> Py<TypeObject> {
    Runtime::with(|py| {
        let mut last: Option<Bound<'_, TypeObject>> = None;
        for i in 0..depth {
            let bases: Vec<Bound<'_, TypeObject>> = last.iter().cloned().collect();
            let t = new_class(py, &format!("L{i}"), &bases, None).expect("chain class");
            if i == 0 {
                for (n, v) in [("target", 1), ("cattr", 2)] {
                    let value = int_new(py, v).unwrap().into_any();
                    attr::setattr(
                        py,
                        t.as_any(),
                        intern(py, n).unwrap().as_any(),
                        Some(&value),
                    )
                    .unwrap();
                }
            }
            last = Some(t);
        }
        last.expect("depth >= 1").unbind()
    })
}

fn name(n: &str) -> Py<StrObject> {
    Runtime::with(|py| intern(py, n).unwrap().unbind())
}

/// An instance of `tp` with `x = 1` in its dict.
fn instance(tp: &Py<TypeObject>) -> Py<PyAny> {
    Runtime::with(|py| {
        let o = pyrt::call_type(py, tp.bind(py), &[]).unwrap();
        let one = int_new(py, 1).unwrap().into_any();
        attr::setattr(py, &o, intern(py, "x").unwrap().as_any(), Some(&one)).unwrap();
        o.unbind()
    })
}

/// `iters` cached lookups of `n` on `tp`, in the loop shape of CPython's side
/// (`b_type_lookup` in `baseline.c`: the type and the name in registers, one call of
/// `_PyType_Lookup` per iteration, the borrowed results summed into an accumulator that
/// is consumed after the timing). Our lookup is inlined, so an empty `asm!` block at
/// the top of each iteration stands for the opaque call: it takes and returns both
/// pointers in registers (the compiler cannot treat them as loop-invariant) and may
/// read and write any memory (the tag and the entry are loaded again every time). The
/// loop body compiles to (bench profile, x86-64; registers vary):
///
/// ```text
/// mov  0x198(%rdi),%ecx        ; tp.tp_version_tag
/// shl  $5,%rcx                 ; the key
/// lea  (%rcx,%rsi,2),%eax      ; the entry's byte offset ...
/// and  $0x1ffe0,%eax           ; ... in the 4096-entry table
/// cmp  %rcx,0x10(%rT,%rax)  ; jne <miss>   ; the entry's key
/// cmp  %rsi,(%rT,%rax)      ; jne <miss>   ; the entry's name
/// mov  0x8(%rT,%rax),%rax      ; the value
/// add  %rax,%rA                ; into the accumulator
/// dec  %rC ; jne               ; the counter
/// ```
///
/// Twelve instructions, no store.
///
/// (Until session 4 the loop was `black_box(lookup(py, black_box(tp), black_box(n)))`:
/// three stores and two reloads through the stack per iteration, which CPython's loop
/// does not do.)
fn time_lookups(tp: &Py<TypeObject>, n: &Py<StrObject>, iters: u64) -> Duration {
    Runtime::with(|py| {
        let mut tp: *const TypeObject = tp.bind(py).as_ptr().as_ptr().cast();
        let mut n: *const StrObject = n.bind(py).as_ptr().as_ptr().cast();
        let mut acc = 0usize;
        let start = Instant::now();
        for _ in 0..iters {
            // SAFETY: no instructions (a comment naming the operands); the pointers come
            // back unchanged.
            unsafe {
                std::arch::asm!("/* {0} {1} */", inout(reg) tp, inout(reg) n, options(nostack))
            };
            // SAFETY: `tp` and `n` point to a live type and an interned str, kept alive
            // by the caller's handles for the whole loop.
            let r = method_cache::lookup(py, unsafe { &*tp }, unsafe { &*n });
            acc = acc.wrapping_add(r.map_or(0, |p| p.as_ptr() as *const u8 as usize));
        }
        let elapsed = start.elapsed();
        black_box(acc);
        elapsed
    })
}

fn time_after_modified(parent: &Py<TypeObject>, n: &Py<StrObject>, iters: u64) -> Duration {
    Runtime::with(|py| {
        let n = n.bind(py);
        let mut total = Duration::ZERO;
        let mut left = iters;
        while left > 0 {
            let batch = left.min(900);
            left -= batch;
            let leaf = new_class(py, "Leaf", &[parent.bind(py).clone()], None).unwrap();
            let start = Instant::now();
            for _ in 0..batch {
                type_modified(py, black_box(&leaf));
                black_box(method_cache::lookup(py, &leaf, black_box(n)));
            }
            total += start.elapsed();
            drop(leaf);
            pyrt::gc::collect(py, 0);
        }
        total
    })
}

fn meth<'py>(
    py: pyrt::Python<'py>,
    _self: &Bound<'py, PyAny>,
) -> pyrt::PyResult<Bound<'py, PyAny>> {
    Ok(int_new(py, 1)?.into_any())
}
fn getter<'py>(
    py: pyrt::Python<'py>,
    _module: &Bound<'py, PyAny>,
    _obj: &Bound<'py, PyAny>,
) -> pyrt::PyResult<Bound<'py, PyAny>> {
    Ok(int_new(py, 1)?.into_any())
}
static METH: MethodDef = MethodDef {
    name: "meth",
    meth: MethodFn::NoArgs(meth),
    flags: MethodFlags(0),
    doc: None,
};
static GETTER: MethodDef = MethodDef {
    name: "prop",
    meth: MethodFn::O(getter),
    flags: MethodFlags(0),
    doc: None,
};

/// Puts `value` on `tp` as attribute `n` through the attribute protocol.
fn put(
    tp: &Py<TypeObject>,
    n: &str,
    value: impl for<'py> Fn(pyrt::Python<'py>, &Bound<'py, TypeObject>) -> Bound<'py, PyAny>,
) {
    Runtime::with(|py| {
        let t = tp.bind(py);
        let v = value(py, t);
        attr::setattr(py, t.as_any(), intern(py, n).unwrap().as_any(), Some(&v)).unwrap();
    })
}

fn time_getattr(obj: &Py<PyAny>, n: &Py<StrObject>, iters: u64) -> Duration {
    Runtime::with(|py| {
        let (obj, n) = (obj.bind(py), n.bind(py).as_any());
        let start = Instant::now();
        for _ in 0..iters {
            drop(black_box(attr::getattr(py, black_box(obj), black_box(n))));
        }
        start.elapsed()
    })
}

fn time_setattr(obj: &Py<PyAny>, n: &Py<StrObject>, iters: u64) -> Duration {
    Runtime::with(|py| {
        let (obj, n) = (obj.bind(py), n.bind(py).as_any());
        let v = int_new(py, 7).unwrap().into_any();
        let start = Instant::now();
        for _ in 0..iters {
            let _ = black_box(attr::setattr(py, black_box(obj), black_box(n), Some(&v)));
        }
        start.elapsed()
    })
}

fn bench_attr_lookup(c: &mut Criterion) {
    let (target, missing, x, cattr) = (name("target"), name("missing"), name("x"), name("cattr"));
    let hit1 = chain(1);
    let hit10 = chain(10);
    let hit50 = chain(50);
    let miss10 = chain(10);
    let mod9 = chain(9); // parent of the fresh depth-10 leaves
    let p = chain(1);
    let inst_p = instance(&p);
    let d10 = chain(10);
    let inst_d10 = instance(&d10);

    let mut g = c.benchmark_group("lookup");
    g.bench_function("type_hit/1", |b| {
        b.iter_custom(|n| time_lookups(&hit1, &target, n))
    });
    g.bench_function("type_hit/10", |b| {
        b.iter_custom(|n| time_lookups(&hit10, &target, n))
    });
    g.bench_function("type_hit/50", |b| {
        b.iter_custom(|n| time_lookups(&hit50, &target, n))
    });
    g.bench_function("type_miss/10", |b| {
        b.iter_custom(|n| time_lookups(&miss10, &missing, n))
    });
    g.bench_function("after_modified/10", |b| {
        b.iter_custom(|n| time_after_modified(&mod9, &target, n))
    });
    g.finish();

    // `meth` on the root of the depth-10 chain: a method descriptor, so each lookup
    // creates a bound method object (allocation, GC tracking) and drops it.
    let root10 = Runtime::with(|py| {
        let mro = pyrt::mro::mro_of(d10.bind(py));
        // SAFETY: the MRO entries are live types owned by d10's MRO tuple.
        Bound::from_ref(py, unsafe { mro[mro.len() - 2].as_ref() }).unbind()
    });
    put(&root10, "meth", |py, t| {
        descr::method_descr_new(py, t, &METH).unwrap()
    });
    // `prop` on the instance's class: a property whose getter is a native function.
    put(&p, "prop", |py, _| {
        let fget = descr::native_function(py, &GETTER, None)
            .unwrap()
            .into_any();
        let property = Bound::from_ref(py, py.builtins().property());
        pyrt::call_type(py, &property, &[fget]).unwrap()
    });
    let (meth_name, prop_name) = (name("meth"), name("prop"));
    Runtime::with(|py| {
        let m = attr::getattr(py, inst_d10.bind(py), meth_name.bind(py).as_any()).unwrap();
        assert_eq!(
            m.type_name(),
            "builtin_function_or_method",
            "a bound method"
        );
        let v = attr::getattr(py, inst_p.bind(py), prop_name.bind(py).as_any()).unwrap();
        assert_eq!(v.type_name(), "int", "the getter's result");
    });

    let mut g = c.benchmark_group("getattr");
    g.bench_function("instance_dict", |b| {
        b.iter_custom(|n| time_getattr(&inst_p, &x, n))
    });
    g.bench_function("class_attr/10", |b| {
        b.iter_custom(|n| time_getattr(&inst_d10, &cattr, n))
    });
    g.bench_function("method/10", |b| {
        b.iter_custom(|n| time_getattr(&inst_d10, &meth_name, n))
    });
    g.bench_function("property", |b| {
        b.iter_custom(|n| time_getattr(&inst_p, &prop_name, n))
    });
    g.finish();

    let mut g = c.benchmark_group("setattr");
    g.bench_function("instance_dict", |b| {
        b.iter_custom(|n| time_setattr(&inst_p, &x, n))
    });
    g.finish();
}

criterion_group!(benches, bench_attr_lookup);
criterion_main!(benches);
