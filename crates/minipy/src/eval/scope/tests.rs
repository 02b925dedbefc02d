//! Unit tests of the declaration checks: message, line, column and end of the error
//! `analyse_parsed` returns. Expected values are python3 3.11's `SyntaxError` attributes
//! (`compile(src, "x", "exec")`: `lineno`, `offset` = column + 1, `end_offset` = end
//! column + 1), the same cases as `tests/fixtures/record_scope_errors.py` records.

use crate::parser::parse_module_deferring;

/// `(message, line, 1-based offset, end line, 1-based end offset)` of the error.
fn error(src: &str) -> (String, u32, u32, u32, u32) {
    let arena = crate::eval::static_arena();
    let (m, later) = parse_module_deferring(arena, src).expect("parses");
    let e = super::analyse_parsed(m.body, later).expect_err(src);
    let end = e.end.expect("errors after parsing underline a range");
    (e.msg, e.pos.line, e.pos.col + 1, end.line, end.col + 1)
}

fn err(
    msg: &str,
    line: u32,
    offset: u32,
    end_line: u32,
    end_offset: u32,
) -> (String, u32, u32, u32, u32) {
    (msg.to_string(), line, offset, end_line, end_offset)
}

#[test]
fn nonlocal_without_binding_points_at_the_statement() {
    assert_eq!(
        error("def f():\n    def g():\n        nonlocal x\n"),
        err("no binding for nonlocal 'x' found", 3, 9, 3, 19)
    );
}

#[test]
fn parameter_use_and_assignment_before_a_declaration() {
    assert_eq!(
        error("def f(x):\n    nonlocal x\n"),
        err("name 'x' is parameter and nonlocal", 2, 5, 2, 15)
    );
    assert_eq!(
        error("def f(**x):\n    global x\n"),
        err("name 'x' is parameter and global", 2, 5, 2, 13)
    );
    assert_eq!(
        error("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n"),
        err(
            "name 'x' is assigned to before nonlocal declaration",
            5,
            9,
            5,
            19
        )
    );
    assert_eq!(
        error("def f():\n    x = 1\n    print(x)\n    global x\n"),
        err("name 'x' is used prior to global declaration", 4, 5, 4, 13)
    );
    assert_eq!(
        error("def f():\n    x += 1\n    global x\n"),
        err(
            "name 'x' is assigned to before global declaration",
            3,
            5,
            3,
            13
        )
    );
}

#[test]
fn imports_nested_uses_and_comprehension_variables_do_not_count() {
    for src in [
        "def f():\n    import x\n    global x\n",
        "def f():\n    def g(): return x\n    global x\n",
        "def f():\n    [x for x in y]\n    global x\n",
        "def f():\n    x = 1\n    class C:\n        nonlocal x\n",
        "class C:\n  def f():\n    nonlocal __class__\n",
    ] {
        let arena = crate::eval::static_arena();
        let (m, later) = parse_module_deferring(arena, src).expect("parses");
        assert!(super::analyse_parsed(m.body, later).is_ok(), "{src:?}");
    }
}

#[test]
fn the_walk_beats_the_second_pass_and_the_parent_beats_its_children() {
    assert_eq!(
        error("def f():\n    nonlocal x\ndef h():\n    y=1\n    global y\n"),
        err(
            "name 'y' is assigned to before global declaration",
            5,
            5,
            5,
            13
        )
    );
    assert_eq!(
        error("def f():\n    def g():\n        nonlocal a\n    nonlocal b\n"),
        err("no binding for nonlocal 'b' found", 4, 5, 4, 15)
    );
    assert_eq!(
        error("def f():\n    x = 1\n    def g():\n        nonlocal x\n        global x\n"),
        err("name 'x' is nonlocal and global", 4, 9, 4, 19)
    );
}

#[test]
fn module_level_nonlocal_ranks_between_the_walk_and_the_code_generator() {
    assert_eq!(
        error("nonlocal y\ndef f():\n    x=1\n    global x\n"),
        err(
            "name 'x' is assigned to before global declaration",
            4,
            5,
            4,
            13
        )
    );
    assert_eq!(
        error("return 1\nnonlocal   y ,  z  # c\n"),
        err(
            "nonlocal declaration not allowed at module level",
            2,
            1,
            2,
            18
        )
    );
    assert_eq!(
        error("x = 1\nreturn  1 + 2  # c\n"),
        err("'return' outside function", 2, 1, 2, 14)
    );
}

#[test]
fn a_duplicate_parameter_competes_with_the_walk_by_position() {
    assert_eq!(
        error("def g(abc, abc): pass\ndef f():\n    x=1\n    global x\n"),
        err(
            "duplicate argument 'abc' in function definition",
            1,
            12,
            1,
            15
        )
    );
    assert_eq!(
        error("def f():\n    x=1\n    global x\ndef g(a, a): pass\n"),
        err(
            "name 'x' is assigned to before global declaration",
            3,
            5,
            3,
            13
        )
    );
    assert_eq!(
        error("nonlocal y\ndef f(a, a): pass\n"),
        err(
            "duplicate argument 'a' in function definition",
            2,
            10,
            2,
            11
        )
    );
}
