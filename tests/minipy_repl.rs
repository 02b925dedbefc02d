//! The REPL over piped stdin: statements run, expression values are echoed with their
//! repr, errors are reported and the session goes on.

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn repl_runs_piped_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn pyrt");
    let input = "x = 6\nx * 7\ndef f(a):\n    return a + 1\n\nf(x)\n1 // 0\n'after error'\nNone\n";
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "42\n7\n'after error'\n"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .ends_with("ZeroDivisionError: integer division or modulo by zero\n")
    );
    assert!(out.status.success());
}
