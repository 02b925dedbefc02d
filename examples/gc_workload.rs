//! The workloads of `benches/gc.rs`, one per run, for instruction counts under
//! callgrind (the machine is shared, so wall-clock timings are not comparable; see
//! `docs/performance.md`):
//!
//! ```text
//! cargo build --release --example gc_workload
//! valgrind --tool=callgrind --toggle-collect='pyrt_core::gc::collect::collect' \
//!     target/release/examples/gc_workload cycles 20000
//! valgrind --tool=callgrind target/release/examples/gc_workload alloc 100000
//! ```
//!
//! `cycles N`: build N two-instance cycles (`a.other = b; b.other = a`), then one full
//! collection. `live N`: N live instances in a list, then two full collections (the
//! first promotes them). `alloc N`: create and drop N instances. `incref N`: N handle
//! clones and drops.

use pyrt::builtins::{intern, list_new, tuple_new};
use pyrt::{Runtime, gc, new_class};

fn main() {
    let what = std::env::args().nth(1).unwrap_or_default();
    let n: usize = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    Runtime::with(|py| {
        let node = new_class(py, "Node", &[], None).expect("Node");
        let other = intern(py, "other").expect("name").into_any();
        let args = tuple_new(py, &[]).expect("args");
        let make = || pyrt::call(py, node.as_any(), &args, None).expect("instance");
        gc::collect(py, 2);
        match what.as_str() {
            "cycles" => {
                for _ in 0..n {
                    let (a, b) = (make(), make());
                    pyrt::attr::setattr(py, &a, &other, Some(&b)).expect("a.other");
                    pyrt::attr::setattr(py, &b, &other, Some(&a)).expect("b.other");
                }
                println!("collected {}", gc::collect(py, 2));
            }
            "live" => {
                let live = list_new(py, &[]).expect("list");
                for _ in 0..n {
                    live.append(&make());
                }
                gc::collect(py, 2);
                println!("collected {}", gc::collect(py, 2));
            }
            "alloc" => (0..n).for_each(|_| drop(std::hint::black_box(make()))),
            "incref" => {
                let o = make();
                (0..n).for_each(|_| {
                    let c = std::hint::black_box(&o).clone();
                    std::hint::black_box(());
                    drop(c);
                });
            }
            _ => eprintln!("usage: gc_workload cycles|live|alloc|incref [N]"),
        }
    });
}
