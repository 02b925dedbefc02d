//! A native type in safe Rust: a `Counter` payload with a method, a getter/setter pair
//! and an object field, its GC support derived; a minipy class subclassing it; a cycle
//! through the payload and a subclass instance's `__dict__` collected.
//!
//! ```text
//! cargo run --example native_counter
//! ```

use pyrt::native::{NativeClass, Py, PyAny, Trace, borrow, extract_i64, int, none};
use pyrt::{Runtime, builtins::str_new};

/// The payload: plain data plus an object reference (which makes the type collectable).
#[derive(Trace, Default)]
struct Counter {
    count: i64,
    parent: Option<Py<PyAny>>,
}

fn main() {
    Runtime::with(|py| {
        let ty = NativeClass::<Counter>::new("mymod.Counter")
            .method("inc", |py, this: &mut Counter, _args| {
                this.count += 1;
                Ok(none(py))
            })
            .getter("count", |py, this: &Counter| int(py, this.count))
            .setter("count", |_py, this: &mut Counter, v| {
                this.count = extract_i64(v)?;
                Ok(())
            })
            .setter("parent", |_py, this: &mut Counter, v| {
                this.parent = Some(v.clone().unbind());
                Ok(())
            })
            .base_type(true)
            .build(py)
            .expect("build Counter");

        // Python code (minipy) uses and subclasses the native type.
        let g = minipy::eval::new_globals(py).expect("globals");
        let key = str_new(py, "Counter").expect("str");
        g.set_item(py, key.as_any(), ty.as_any()).expect("set");
        let src = "\
class Named(Counter):
    def __init__(self, name):
        self.name = name
    def bump(self, n):
        for _ in range(n):
            self.inc()
        return self.count

a = Named('a')
b = Named('b')
print(a.name, a.bump(3))
b.count = 40
print(b.name, b.bump(2))
a.parent = b      # payload field -> b
b.friend = a      # b's __dict__ -> a: a cycle through both
try:
    del a.count
except AttributeError as e:
    print('AttributeError:', e)
";
        let result = minipy::eval::run_source(py, src, &g, false);
        minipy::io::flush_stdout();
        if let Err(e) = result {
            if let minipy::eval::RunError::Exception(e) = e {
                eprintln!("{}: {}", e.type_name(py), e.message(py));
            }
            std::process::exit(1);
        }
        let b = g
            .get_item(py, str_new(py, "b").expect("str").as_any())
            .expect("lookup")
            .expect("b");
        println!(
            "from Rust: b.count = {}",
            borrow::<Counter>(&b).expect("payload").count
        );
        drop(b);

        g.clear(py);
        let found = pyrt::gc::collect(py, 2);
        println!("collected {found} objects (the a <-> b cycle among them)");
    });
}
