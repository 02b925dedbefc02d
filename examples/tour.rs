//! A short tour of pyrt: types made from specs, their MROs, which slot each type got
//! from where, classes in a diamond, and the errors for bad hierarchies.
//!
//! Run with `cargo run --release --example tour`.

use pyrt::types::{FN_SLOTS, SlotId, SlotValue};
use pyrt::{Bound, PyAny, PyResult, Python, Runtime, TypeFlags, TypeObject, TypeSpec};
use pyrt::{Slot, builtins, from_spec, names, new_class};

fn shape_repr<'py>(py: Python<'py>, _o: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(builtins::str_new(py, "<a shape>")?.into_any())
}

fn scaled_mul<'py>(
    _py: Python<'py>,
    a: &Bound<'py, PyAny>,
    _b: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(a.clone())
}

fn named_str<'py>(py: Python<'py>, _o: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    Ok(builtins::str_new(py, "named")?.into_any())
}

fn named_len<'py>(_py: Python<'py>, _o: &Bound<'py, PyAny>) -> PyResult<isize> {
    Ok(0)
}

/// The MRO as names.
fn mro_names(py: Python<'_>, tp: &TypeObject) -> String {
    // SAFETY: MRO entries are live types owned by the MRO tuple.
    let names: Vec<String> = pyrt::mro::mro_of(tp)
        .iter()
        .map(|t| names::name(py, unsafe { t.as_ref() }))
        .collect();
    names.join(" -> ")
}

/// The MRO entry that defines slot `id` with the value `tp` has (the one furthest
/// from `tp` holding that same function).
fn origin<'a>(tp: &'a TypeObject, id: SlotId, value: &SlotValue<'_>) -> Option<&'a TypeObject> {
    pyrt::mro::mro_of(tp).iter().rev().find_map(|t| {
        // SAFETY: as above.
        let t = unsafe { t.as_ref() };
        t.get_slot(id)
            .filter(|v| v.fn_addr() == value.fn_addr())
            .map(|_| t)
    })
}

fn show_slots(py: Python<'_>, tp: &TypeObject) {
    let mut lines = Vec::new();
    for def in FN_SLOTS {
        let Some(v) = tp.get_slot(def.id) else {
            continue;
        };
        let Some(from) = origin(tp, def.id, &v) else {
            continue;
        };
        if std::ptr::eq(from, py.builtins().object()) {
            continue;
        }
        let who = if std::ptr::eq(from, tp) {
            "own".to_string()
        } else {
            format!("from {}", names::name(py, from))
        };
        lines.push(format!("{} ({who})", def.name));
    }
    let shown = if lines.is_empty() {
        "(only object's)".to_string()
    } else {
        lines.join(", ")
    };
    println!("    slots: {shown}");
}

fn spec_type<'py>(
    py: Python<'py>,
    name: &str,
    bases: &[&Bound<'py, TypeObject>],
    slots: &[Slot<'_>],
) -> PyResult<Bound<'py, TypeObject>> {
    let spec = TypeSpec {
        name,
        basicsize: 0,
        itemsize: 0,
        flags: TypeFlags::DEFAULT | TypeFlags::BASETYPE,
        slots,
    };
    let bases: Vec<Bound<'py, PyAny>> = bases.iter().map(|b| (*b).clone().into_any()).collect();
    from_spec(py, &spec, Some(&bases), None, None)
}

fn tour(py: Python<'_>) -> PyResult<()> {
    println!("== Types from specs");
    let shape = spec_type(
        py,
        "tour.Shape",
        &[],
        &[Slot::new(SlotId::TP_REPR, SlotValue::Unary(shape_repr))],
    )?;
    let scaled = spec_type(
        py,
        "tour.Scaled",
        &[&shape],
        &[Slot::new(
            SlotId::NB_MULTIPLY,
            SlotValue::Binary(scaled_mul),
        )],
    )?;
    let named = spec_type(
        py,
        "tour.Named",
        &[],
        &[
            Slot::new(SlotId::TP_STR, SlotValue::Unary(named_str)),
            Slot::new(SlotId::SQ_LENGTH, SlotValue::Ssize(named_len)),
        ],
    )?;
    let label = spec_type(py, "tour.Label", &[&scaled, &named], &[])?;
    for t in [&shape, &scaled, &named, &label] {
        println!(
            "  {}  (module {})",
            names::name(py, t),
            names::module_name(py, t)?
        );
        println!("    mro:   {}", mro_names(py, t));
        show_slots(py, t);
    }

    println!("\n== A diamond of classes");
    let a = new_class(py, "A", &[], None)?;
    let b = new_class(py, "B", std::slice::from_ref(&a), None)?;
    let c = new_class(py, "C", std::slice::from_ref(&a), None)?;
    let d = new_class(py, "D", &[b.clone(), c.clone()], None)?;
    println!("  D.__mro__: {}", mro_names(py, &d));
    let e = new_class(py, "E", &[c.clone(), b.clone()], None)?;
    println!("  E.__mro__: {}", mro_names(py, &e));

    println!("\n== Bad hierarchies");
    let int = Bound::from_ref(py, py.builtins().int());
    let str_ = Bound::from_ref(py, py.builtins().str_());
    let bool_ = Bound::from_ref(py, py.builtins().bool_());
    let attempts: [(&str, Vec<Bound<'_, TypeObject>>); 5] = [
        ("F(D, E)", vec![d.clone(), e.clone()]),
        ("G(A, B)", vec![a.clone(), b.clone()]),
        ("H(A, A)", vec![a.clone(), a.clone()]),
        ("I(int, str)", vec![int, str_]),
        ("J(bool)", vec![bool_]),
    ];
    for (text, bases) in attempts {
        match new_class(py, &text[..1], &bases, None) {
            Ok(_) => println!("  class {text}: created"),
            Err(err) => println!(
                "  class {text}: {}: {}",
                err.type_name(py),
                err.message(py).replace('\n', "\\n")
            ),
        }
    }
    Ok(())
}

fn main() {
    Runtime::with(|py| {
        if let Err(e) = tour(py) {
            eprintln!("tour failed: {e:?}");
            std::process::exit(1);
        }
    });
}
