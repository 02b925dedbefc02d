//! The `pyrt` binary: minipy, the toy Python interpreter embedding pyrt.
//! `pyrt FILE.py` runs a script, `pyrt` alone the REPL, `pyrt --stats FILE.py` also
//! prints the method-cache and GC statistics at exit.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(minipy::cli::main_with_args(args));
}
