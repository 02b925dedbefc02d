//! The collector and the object lifecycle, against CPython 3.11's figures in
//! `../shared/bench/cpython-baseline/` (`gc_collect_1e5_cycles`, `gc_collect_1e6_cycles`,
//! `gc_collect_live_1e6`, `alloc_dealloc_object`, `incref_decref_pair`):
//!
//! * `gc/collect_cycles/{100000,1000000}`: N two-object cycles of instances of a plain
//!   class (`a.other = b; b.other = a`, instance attributes), roots dropped; the garbage
//!   is built in the (untimed) setup, and the timing is one whole full collection,
//!   freeing included. As in CPython 3.11, the attributes live in values blocks (no
//!   dict object is materialised), so each cycle is two objects.
//! * `gc/collect_live/1000000`: one full collection over 1,000,000 live instances held
//!   in a list; frees nothing.
//! * `gc/alloc_free_instance`: call a plain class with no arguments, drop the instance.
//! * `gc/incref_decref`: clone and drop a handle.
//!
//! No automatic collection runs inside the timings: pyrt collects only at safe points
//! (explicit, or the outermost entry into the runtime), and the whole bench runs inside
//! one `Runtime::with`.

#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use pyrt::builtins::{intern, list_new, tuple_new};
use pyrt::{Bound, PyAny, Python, Runtime, TypeObject, gc, new_class};
use std::hint::black_box;

/// `n` unreachable two-object cycles of `Node` instances.
fn make_cycles(py: Python<'_>, node: &Bound<'_, TypeObject>, n: usize) {
    let other = intern(py, "other").expect("name").into_any();
    let args = tuple_new(py, &[]).expect("args");
    for _ in 0..n {
        let a = pyrt::call(py, node.as_any(), &args, None).expect("a");
        let b = pyrt::call(py, node.as_any(), &args, None).expect("b");
        pyrt::attr::setattr(py, &a, &other, Some(&b)).expect("a.other");
        pyrt::attr::setattr(py, &b, &other, Some(&a)).expect("b.other");
    }
}

fn bench_collect_cycles(c: &mut Criterion, py: Python<'_>, node: &Bound<'_, TypeObject>) {
    let mut group = c.benchmark_group("gc/collect_cycles");
    group.sample_size(10);
    for n in [100_000usize, 1_000_000] {
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter_batched(
                || {
                    gc::collect(py, 2);
                    make_cycles(py, node, n);
                },
                |()| {
                    let found = gc::collect(py, 2);
                    assert_eq!(
                        found,
                        2 * n,
                        "two instances per cycle (attributes in values blocks)"
                    );
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

fn bench_collect_live(c: &mut Criterion, py: Python<'_>, node: &Bound<'_, TypeObject>) {
    let mut group = c.benchmark_group("gc/collect_live");
    group.sample_size(10);
    let n = 1_000_000usize;
    let args = tuple_new(py, &[]).expect("args");
    let live = list_new(py, &[]).expect("list");
    for _ in 0..n {
        live.append(&pyrt::call(py, node.as_any(), &args, None).expect("instance"));
    }
    gc::collect(py, 2);
    group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
        b.iter(|| assert_eq!(gc::collect(py, 2), 0));
    });
    group.finish();
    drop(live);
}

fn bench_lifecycle(c: &mut Criterion, py: Python<'_>, node: &Bound<'_, TypeObject>) {
    let args = tuple_new(py, &[]).expect("args");
    let callable: &Bound<'_, PyAny> = node.as_any();
    c.bench_function("gc/alloc_free_instance", |b| {
        b.iter(|| {
            drop(black_box(
                pyrt::call(py, callable, &args, None).expect("instance"),
            ))
        });
    });
    let obj = pyrt::call(py, callable, &args, None).expect("instance");
    // One clone (incref) and one drop (decref + zero test) per iteration. The handle
    // is read through `black_box` (CPython's side: a volatile pointer), and an empty
    // `black_box(())` between the two acts as a compiler memory barrier like CPython's
    // (an empty asm block that may touch any reachable memory): the
    // increment must reach memory before it and the decrement must reload the count
    // after it. The clone itself is not round-tripped through the stack (the bench
    // used `drop(black_box(clone))`, a store and a reload CPython's side does not do;
    // with a store between the two read-modify-writes of the count the loop took
    // about 1.5x as long in an interleaved A/B run on the shared machine).
    c.bench_function("gc/incref_decref", |b| {
        b.iter(|| {
            let c = black_box(&obj).clone();
            black_box(());
            drop(c);
        });
    });
}

fn bench_gc(c: &mut Criterion) {
    Runtime::with(|py| {
        let node = new_class(py, "Node", &[], None).expect("Node");
        bench_lifecycle(c, py, &node);
        bench_collect_live(c, py, &node);
        bench_collect_cycles(c, py, &node);
        drop(node);
        gc::collect(py, 2);
    });
}

criterion_group!(benches, bench_gc);
criterion_main!(benches);
