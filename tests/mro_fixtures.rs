//! Class-creation outcomes recorded from CPython (`tests/fixtures/mro_cases.txt`, made
//! by `tests/fixtures/record_mro.py`, whose docstring defines the format), replayed
//! through pyrt's class-creation path: every case's definitions are run in order and
//! the last class's MRO names, metatype, or exact error type and message are compared.

mod common;

use common::{builtin, describe_err, mro_names};
use pyrt::{Bound, PyAny, Python, TypeObject, names, new_class_with_meta};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

const FIXTURE: &str = include_str!("fixtures/mro_cases.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `meta <Name> <Base>...`: `<Base0>(name, bases, {})`.
    Meta,
    /// `class <Name> [<Base>...] [metaclass=<Meta>]`.
    Class,
}

#[derive(Debug)]
struct Def {
    kind: Kind,
    name: String,
    bases: Vec<String>,
    metaclass: Option<String>,
}

#[derive(Debug)]
enum Outcome {
    /// The last class's `__mro__` names; `type(cls).__name__` when the case records it.
    Mro {
        names: Vec<String>,
        metatype: Option<String>,
    },
    /// `"<ExceptionType>: <message>"` with the message unescaped.
    Error(String),
}

#[derive(Debug)]
struct Case {
    id: String,
    line: usize,
    defs: Vec<Def>,
    outcome: Outcome,
}

/// A case being read: everything up to its outcome line.
struct Partial {
    id: String,
    line: usize,
    defs: Vec<Def>,
    metatype: Option<String>,
}

fn words(s: &str) -> Vec<String> {
    s.split(' ').map(str::to_owned).collect()
}

/// Parses the fixture; also returns the case count announced by the summary comment.
fn parse(text: &str) -> (Vec<Case>, Option<usize>) {
    let mut cases = Vec::new();
    let mut summary = None;
    let mut cur: Option<Partial> = None;
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let bad = |what: &str| -> ! { panic!("mro_cases.txt:{lineno}: {what}: {raw:?}") };
        if let Some(rest) = raw.strip_prefix("# summary: ") {
            let n = rest.split(' ').next().unwrap_or_default();
            summary = Some(n.parse().unwrap_or_else(|_| bad("bad summary")));
            continue;
        }
        if raw.starts_with('#') {
            continue;
        }
        if raw.is_empty() {
            if cur.is_some() {
                bad("case without an outcome line");
            }
            continue;
        }
        let (keyword, rest) = raw.split_once(' ').unwrap_or_else(|| bad("no operands"));
        match keyword {
            "case" => {
                if cur.is_some() {
                    bad("case without an outcome line");
                }
                cur = Some(Partial {
                    id: rest.to_owned(),
                    line: lineno,
                    defs: Vec::new(),
                    metatype: None,
                });
            }
            "meta" | "class" => {
                let p = cur
                    .as_mut()
                    .unwrap_or_else(|| bad("definition outside a case"));
                if p.metatype.is_some() {
                    bad("definition after metatype");
                }
                let mut toks = words(rest);
                let name = toks.remove(0);
                let mut metaclass = None;
                if let Some(last) = toks.last()
                    && let Some(m) = last.strip_prefix("metaclass=")
                {
                    metaclass = Some(m.to_owned());
                    toks.pop();
                }
                let kind = if keyword == "meta" {
                    Kind::Meta
                } else {
                    Kind::Class
                };
                if kind == Kind::Meta && (toks.is_empty() || metaclass.is_some()) {
                    bad("meta lines have explicit bases and no metaclass=");
                }
                if toks.iter().any(|t| t.contains('=')) {
                    bad("metaclass= must come last");
                }
                p.defs.push(Def {
                    kind,
                    name,
                    bases: toks,
                    metaclass,
                });
            }
            "metatype" => {
                let p = cur
                    .as_mut()
                    .unwrap_or_else(|| bad("metatype outside a case"));
                if p.metatype.replace(rest.to_owned()).is_some() {
                    bad("second metatype line");
                }
            }
            "mro" | "error" => {
                let p = cur.take().unwrap_or_else(|| bad("outcome outside a case"));
                if p.defs.last().is_none_or(|d| d.kind != Kind::Class) {
                    bad("the last definition of a case must be a class line");
                }
                let outcome = if keyword == "mro" {
                    Outcome::Mro {
                        names: words(rest),
                        metatype: p.metatype,
                    }
                } else {
                    if p.metatype.is_some() {
                        bad("metatype before an error");
                    }
                    if !rest.contains(": ") {
                        bad("error line without '<Type>: <message>'");
                    }
                    Outcome::Error(rest.replace("\\n", "\n"))
                };
                cases.push(Case {
                    id: p.id,
                    line: p.line,
                    defs: p.defs,
                    outcome,
                });
            }
            _ => bad("unknown line"),
        }
    }
    if let Some(p) = cur {
        panic!("mro_cases.txt: case {} has no outcome line", p.id);
    }
    (cases, summary)
}

/// What creating the last class gave in pyrt, in the fixture's terms.
#[derive(Debug, PartialEq)]
enum Got {
    Mro {
        names: Vec<String>,
        metatype: String,
    },
    Error(String),
}

impl std::fmt::Display for Got {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Got::Mro { names, metatype } => {
                write!(f, "metatype {metatype}, mro {}", names.join(" "))
            }
            Got::Error(e) => write!(f, "error {e:?}"),
        }
    }
}

/// Runs a case's definitions; `Err` describes a definition that could not be run as
/// the fixture says it ran in CPython.
fn run(py: Python<'_>, case: &Case) -> Result<Got, String> {
    let mut ns: HashMap<&str, Bound<'_, TypeObject>> = HashMap::new();
    let last = case.defs.len() - 1;
    for (i, def) in case.defs.iter().enumerate() {
        let lookup = |n: &str| -> Result<Bound<'_, TypeObject>, String> {
            ns.get(n)
                .cloned()
                .or_else(|| builtin(py, n))
                .ok_or_else(|| format!("{}: undefined name {n}", def.name))
        };
        let bases = def
            .bases
            .iter()
            .map(|b| lookup(b).map(Bound::into_any))
            .collect::<Result<Vec<Bound<'_, PyAny>>, String>>()?;
        let meta = match (def.kind, &def.metaclass) {
            (Kind::Meta, _) => lookup(&def.bases[0])?,
            (Kind::Class, Some(m)) => lookup(m)?,
            (Kind::Class, None) => lookup("type")?,
        };
        let created = new_class_with_meta(py, &meta, &def.name, &bases, None);
        if i == last {
            return Ok(match created {
                Ok(tp) => Got::Mro {
                    names: mro_names(py, &tp),
                    metatype: names::name(py, tp.ob_type()),
                },
                Err(e) => Got::Error(describe_err(py, &e)),
            });
        }
        match created {
            Ok(tp) => {
                ns.insert(&def.name, tp);
            }
            Err(e) => {
                return Err(format!(
                    "definition of {} failed (it succeeds in CPython): {}",
                    def.name,
                    describe_err(py, &e)
                ));
            }
        }
    }
    unreachable!("a case has at least one definition")
}

fn expected(outcome: &Outcome) -> Got {
    match outcome {
        // Without a metatype line the case involves no metaclass, so the class's type
        // is `type`.
        Outcome::Mro { names, metatype } => Got::Mro {
            names: names.clone(),
            metatype: metatype.clone().unwrap_or_else(|| "type".to_owned()),
        },
        Outcome::Error(e) => Got::Error(e.clone()),
    }
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic".to_owned())
}

#[test]
fn cpython_class_creation_cases() {
    assert!(
        FIXTURE.starts_with("# Generated by tests/fixtures/record_mro.py with Python 3.11."),
        "the fixture must be recorded with CPython 3.11"
    );
    let (cases, summary) = parse(FIXTURE);
    assert_eq!(
        Some(cases.len()),
        summary,
        "cases parsed vs the fixture's summary line"
    );
    let mut ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), cases.len(), "case ids are unique");

    let mut ran = 0;
    let mut failures = Vec::new();
    for case in &cases {
        let want = expected(&case.outcome);
        let got = catch_unwind(AssertUnwindSafe(|| common::checked(|py| run(py, case))));
        ran += 1;
        let problem = match got {
            Ok(Ok(got)) if got == want => continue,
            Ok(Ok(got)) => format!("got:      {got}"),
            Ok(Err(setup)) => format!("setup:    {setup}"),
            Err(p) => format!("panicked: {}", panic_text(&*p)),
        };
        failures.push(format!(
            "case {} (mro_cases.txt:{})\n  expected: {want}\n  {problem}",
            case.id, case.line
        ));
    }
    assert!(ran >= 150, "only {ran} cases ran");
    assert!(
        failures.is_empty(),
        "{} of {ran} cases differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
