//! The loops of `benches/type_new.rs` as a plain program, for counting instructions
//! with callgrind (wall-clock time on a shared machine is noise; instruction counts are
//! not). Each run creates and drops `N` classes over the given bases, with a young
//! collection every 1000 creations (200 for `wide30`, 100 for `deep200`) as the bench
//! does; the per-class count is `(Ir(2N) - Ir(N)) / N`, which cancels the setup:
//!
//! ```text
//! cargo build --profile bench --example callgrind_type_new
//! for n in 2000 4000; do
//!   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.$n \
//!     target/release/examples/callgrind_type_new single $n 2>&1 | grep Collected
//! done
//! ```
//!
//! Shapes: `single` (base `object`), `diamond` (bases `B(A)`, `C(A)`), `wide30` (30
//! independent bases), `deep200` (the tip of a 200-deep chain).

use pyrt::{Bound, Python, Runtime, TypeObject, gc, new_class};
use std::hint::black_box;

fn bases_for<'py>(py: Python<'py>, shape: &str) -> (Vec<Bound<'py, TypeObject>>, u64) {
    match shape {
        "diamond" => {
            let a = new_class(py, "A", &[], None).expect("A");
            let b = new_class(py, "B", std::slice::from_ref(&a), None).expect("B");
            let c = new_class(py, "C", &[a], None).expect("C");
            (vec![b, c], 1000)
        }
        "wide30" => {
            let w = (0..30)
                .map(|i| new_class(py, &format!("W{i}"), &[], None).expect("W"))
                .collect();
            (w, 200)
        }
        "deep200" => {
            let mut last: Vec<Bound<'py, TypeObject>> = Vec::new();
            for i in 0..200 {
                let t = new_class(py, &format!("Z{i}"), &last, None).expect("Z");
                last = vec![t];
            }
            (last, 100)
        }
        _ => (vec![Bound::from_ref(py, py.builtins().object())], 1000),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let shape = args.get(1).map_or("single", String::as_str).to_owned();
    let n: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2000);
    Runtime::with(|py| {
        let (bases, every) = bases_for(py, &shape);
        gc::collect(py, 2);
        for i in 0..n {
            let t = new_class(py, "X", &bases, None);
            drop(black_box(t));
            if i % every == every - 1 {
                gc::collect(py, 0);
            }
        }
        gc::collect(py, 0);
    });
}
