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
    // One clone (incref) and one drop (decref + zero test) per iteration, with the
    // harness of CPython's side (`b_incdec` in `baseline.c`: a counted loop, a volatile
    // load of the object pointer, `Py_INCREF`, an empty asm memory barrier,
    // `Py_DECREF`): `iter_custom` times our own loop of `iters` iterations. The handle
    // is read with `read_volatile` (one load of the object pointer, opaque to the
    // compiler) into a `ManuallyDrop` copy that is never dropped (a borrowed view of
    // `obj`), then `Bound::clone`, `compiler_fence(SeqCst)` (the increment must reach
    // memory before it and the decrement must reload the count after it), and the
    // clone's `Drop`. The loop compiles to (bench profile, x86-64):
    //
    //     mov  (%r15),%rdi     ; the volatile load of the handle (the object pointer)
    //     addq $1,(%rdi)       ; Bound::clone
    //     subq $1,(%rdi)       ; Bound::drop ...
    //     je   <cold call>     ; ... and its zero test (dealloc_at_zero, out of line)
    //     dec  %r14 ; jne      ; the counter
    //
    // (registers vary) — six instructions, CPython's loop shape and, since session 5,
    // its encoding too (`add`/`sub` rather than LLVM's `inc`/`dec`; see
    // crates/runtime-core/src/object/refcount/rmw.rs). Before: criterion's
    // `b.iter` with `black_box(&obj).clone()`, which stored the handle's address to the
    // stack, reloaded it and loaded the object pointer through it: eight instructions,
    // a store and two dependent loads in front of the increment.
    c.bench_function("gc/incref_decref", |b| {
        b.iter_custom(|iters| {
            let handle: *const Bound<'_, PyAny> = &obj;
            let start = std::time::Instant::now();
            for _ in 0..iters {
                // SAFETY: `handle` points to `obj`, alive for the whole loop; the copy
                // is wrapped in `ManuallyDrop` and never dropped, so it owns nothing
                // (a borrowed view, as CPython's side reads a borrowed pointer).
                let h = std::mem::ManuallyDrop::new(unsafe { std::ptr::read_volatile(handle) });
                let c = Bound::clone(&h);
                std::sync::atomic::compiler_fence(std::sync::atomic::Ordering::SeqCst);
                drop(c);
            }
            start.elapsed()
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
