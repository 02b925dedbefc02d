//! Tokenizer unit tests: token streams, indentation, continuation, literals, and error
//! positions (messages as python3 3.11 prints them for the same input).

use super::*;

fn kinds(src: &str) -> Vec<String> {
    let arena = Bump::new();
    tokenize(&arena, src)
        .unwrap()
        .iter()
        .map(|t| match t.tok {
            Tok::Name(n) => n.to_string(),
            Tok::Int(v) => v.to_string(),
            Tok::BigInt(s) => format!("big:{s}"),
            Tok::Float(s) => format!("float:{s}"),
            Tok::Str { value, .. } => format!("{value:?}"),
            Tok::Op(o) => o.to_string(),
            Tok::Newline => "NL".into(),
            Tok::Indent => "IN".into(),
            Tok::Dedent => "DE".into(),
            Tok::Eof => "EOF".into(),
        })
        .collect()
}

fn err(src: &str) -> (String, u32, u32) {
    let arena = Bump::new();
    let e = tokenize(&arena, src).unwrap_err();
    (e.last_line(), e.pos.line, e.pos.col)
}

#[test]
fn indentation_produces_indent_and_dedent() {
    assert_eq!(
        kinds("if a:\n    b\n    if c:\n        d\ne\n").join(" "),
        "if a : NL IN b NL if c : NL IN d NL DE DE e NL EOF"
    );
}

#[test]
fn blank_and_comment_lines_are_ignored() {
    assert_eq!(
        kinds("a  # c\n\n   # only a comment\nb\n").join(" "),
        "a NL b NL EOF"
    );
}

#[test]
fn brackets_join_lines_and_backslash_continues() {
    assert_eq!(kinds("x = (1,\n  2)\n").join(" "), "x = ( 1 , 2 ) NL EOF");
    assert_eq!(kinds("x = 1 + \\\n 2\n").join(" "), "x = 1 + 2 NL EOF");
}

#[test]
fn missing_final_newline_and_dedents_at_eof() {
    assert_eq!(kinds("if a:\n  b").join(" "), "if a : NL IN b NL DE EOF");
}

#[test]
fn operators_take_the_longest_match() {
    assert_eq!(
        kinds("a **= b // c != d ... -> :=").join(" "),
        "a **= b // c != d ... -> := NL EOF"
    );
}

#[test]
fn string_literals_decode_escapes() {
    assert_eq!(
        kinds(r#"'a\'b' "\x41\t" r'\n'"#)[..3],
        [r#""a'b""#, r#""A\t""#, r#""\\n""#]
    );
    assert_eq!(kinds("'''a\nb'''")[0], r#""a\nb""#);
    assert_eq!(kinds("'caf\u{e9}'")[0], "\"caf\u{e9}\"");
}

#[test]
fn integer_literals() {
    assert_eq!(
        kinds("1_000 0x1F 0o17 0b101 0 00 9223372036854775808")[..7],
        ["1000", "31", "15", "5", "0", "0", "big:9223372036854775808"]
    );
}

#[test]
fn float_literals_are_tokens() {
    assert_eq!(
        kinds("1.5 .25 2. 1e3 1E-2 3.5e+1 1_0.0_1")[..7],
        [
            "float:1.5",
            "float:.25",
            "float:2.",
            "float:1e3",
            "float:1E-2",
            "float:3.5e+1",
            "float:1_0.0_1"
        ]
    );
}

#[test]
fn positions_are_line_and_column() {
    let arena = Bump::new();
    let t = tokenize(&arena, "x = 1\n  \ny  =  'abc'\n").unwrap();
    let y = t.iter().find(|t| t.tok == Tok::Name("y")).unwrap();
    assert_eq!((y.pos.line, y.pos.col), (3, 0));
    let s = t.iter().find(|t| matches!(t.tok, Tok::Str { .. })).unwrap();
    assert_eq!((s.pos.line, s.pos.col, s.end.col), (3, 6, 11));
}

#[test]
fn unterminated_strings() {
    assert_eq!(
        err("s = 'abc\n"),
        (
            "SyntaxError: unterminated string literal (detected at line 1)".into(),
            1,
            4
        )
    );
    assert_eq!(
        err("x = 1\n\"\"\"abc\n\n"),
        (
            "SyntaxError: unterminated triple-quoted string literal (detected at line 4)".into(),
            2,
            0
        )
    );
}

#[test]
fn bracket_errors() {
    assert_eq!(
        err("x = (1,\n"),
        ("SyntaxError: '(' was never closed".into(), 1, 4)
    );
    assert_eq!(err("x = )\n"), ("SyntaxError: unmatched ')'".into(), 1, 4));
    assert_eq!(
        err("x = (1]\n"),
        (
            "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('".into(),
            1,
            6
        )
    );
}

#[test]
fn indentation_errors() {
    let (msg, line, _) = err("if 1:\n    x=1\n  y=2\n");
    assert_eq!(
        msg,
        "IndentationError: unindent does not match any outer indentation level"
    );
    assert_eq!(line, 3);
}

#[test]
fn literal_errors() {
    assert_eq!(
        err("x = 0b102\n").0,
        "SyntaxError: invalid digit '2' in binary literal"
    );
    assert_eq!(
        err("x = 012\n").0,
        "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
    );
    assert_eq!(
        err("x = 0x\n").0,
        "SyntaxError: invalid hexadecimal literal"
    );
    assert_eq!(err("x = 3abc\n").0, "SyntaxError: invalid decimal literal");
    assert_eq!(
        err("x = 1$\n"),
        ("SyntaxError: invalid syntax".into(), 1, 5)
    );
}
