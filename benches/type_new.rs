//! Class creation through the class-statement path (metaclass, best base, dict,
//! type_ready with C3), created and freed. A class is self-cyclic (its MRO holds it), so
//! as in CPython's baseline (`../shared/bench/cpython-baseline/`), a young-generation
//! collection runs every 1000 creations (200 for wide_30, 100 for deep_chain_200) inside
//! the timed loop, and the figure includes freeing.

#![allow(missing_docs)] // criterion_group! generates undocumented items

use criterion::{Criterion, criterion_group, criterion_main};
use pyrt::{Bound, Py, Runtime, TypeObject, gc, new_class};
use std::time::{Duration, Instant};

fn time_creations(bases: &[Py<TypeObject>], collect_every: u64, iters: u64) -> Duration {
    Runtime::with(|py| {
        let bases: Vec<Bound<'_, TypeObject>> = bases.iter().map(|b| b.bind(py).clone()).collect();
        gc::collect(py, 2);
        let start = Instant::now();
        for i in 0..iters {
            let t = new_class(py, "X", &bases, None);
            drop(std::hint::black_box(t));
            if i % collect_every == collect_every - 1 {
                gc::collect(py, 0);
            }
        }
        gc::collect(py, 0);
        start.elapsed()
    })
}

fn chain(len: usize) -> Vec<Py<TypeObject>> {
    Runtime::with(|py| {
        let mut out: Vec<Py<TypeObject>> = Vec::new();
        for i in 0..len {
            let bases: Vec<Bound<'_, TypeObject>> =
                out.last().map(|b| b.bind(py).clone()).into_iter().collect();
            out.push(
                new_class(py, &format!("Z{i}"), &bases, None)
                    .expect("chain class")
                    .unbind(),
            );
        }
        out
    })
}

fn bench_type_new(c: &mut Criterion) {
    let object: Vec<Py<TypeObject>> =
        Runtime::with(|py| vec![Bound::from_ref(py, py.builtins().object()).unbind()]);
    let diamond: Vec<Py<TypeObject>> = Runtime::with(|py| {
        let a = new_class(py, "A", &[], None).expect("A");
        let b = new_class(py, "B", std::slice::from_ref(&a), None).expect("B");
        let c = new_class(py, "C", &[a], None).expect("C");
        vec![b.unbind(), c.unbind()]
    });
    let wide: Vec<Py<TypeObject>> = Runtime::with(|py| {
        (0..30)
            .map(|i| {
                new_class(py, &format!("W{i}"), &[], None)
                    .expect("W")
                    .unbind()
            })
            .collect()
    });
    let deep = chain(200);
    let deep_tip = vec![Runtime::with(|py| deep[199].clone_ref(py))];

    let mut g = c.benchmark_group("type_new");
    g.bench_function("single_base", |b| {
        b.iter_custom(|n| time_creations(&object, 1000, n))
    });
    g.bench_function("diamond", |b| {
        b.iter_custom(|n| time_creations(&diamond, 1000, n))
    });
    g.bench_function("wide_30", |b| {
        b.iter_custom(|n| time_creations(&wide, 200, n))
    });
    g.bench_function("deep_chain_200", |b| {
        b.iter_custom(|n| time_creations(&deep_tip, 100, n))
    });
    g.finish();
}

criterion_group!(benches, bench_type_new);
criterion_main!(benches);
