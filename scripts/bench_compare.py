#!/usr/bin/env python3
"""Same-sitting comparison of pyrt's criterion benches with CPython 3.11's C API.

Runs `../shared/bench/cpython-baseline/run.sh` (CPython's side) and then pyrt's benches
(`type_new`, `attr_lookup`, `gc`) right after it, on the same machine, and prints the
markdown table that `docs/performance.md` carries: pyrt's median, CPython's figure from
this sitting, the ratio, the recorded CPython figure (`results.txt`) and that ratio.

    python3 scripts/bench_compare.py                 # everything (about 15 minutes)
    python3 scripts/bench_compare.py --skip-cpython  # reuse target/bench/cpython.txt
    python3 scripts/bench_compare.py --skip-pyrt     # reuse target/criterion results
    python3 scripts/bench_compare.py --bench gc      # one pyrt bench only

Nothing here decides pass or fail: timing goals live in the benches and this table.
"""

import argparse
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BASELINE_DIR = ROOT.parent / "shared" / "bench" / "cpython-baseline"
OUT_DIR = ROOT / "target" / "bench"

# (criterion id, CPython figure name, objects per iteration, target ratio or ns)
ROWS = [
    ("type_new/single_base", "type_new_single_base", 1, 0.25),
    ("type_new/diamond", "type_new_diamond", 1, 0.25),
    ("type_new/wide_30", "type_new_wide_30", 1, 0.25),
    ("type_new/deep_chain_200", "mro_deep_chain_200", 1, 0.25),
    ("lookup/type_hit/1", "type_lookup_hit_depth1", 1, 0.5),
    ("lookup/type_hit/10", "type_lookup_hit_depth10", 1, 0.5),
    ("lookup/type_hit/50", "type_lookup_hit_depth50", 1, 0.5),
    ("lookup/type_miss/10", "type_lookup_miss_depth10", 1, 0.5),
    ("lookup/after_modified/10", "type_lookup_after_modified_depth10", 1, 0.5),
    ("getattr/instance_dict", "getattr_instance_dict", 1, 0.5),
    ("getattr/class_attr/10", "getattr_class_attr_depth10", 1, 0.5),
    ("getattr/method/10", "getattr_method_depth10", 1, 0.5),
    ("getattr/property", "getattr_property", 1, 0.5),
    ("setattr/instance_dict", "setattr_instance_dict", 1, 0.5),
    ("gc/collect_cycles/100000", "gc_collect_1e5_cycles", 200_000, 0.5),
    ("gc/collect_cycles/1000000", "gc_collect_1e6_cycles", 2_000_000, 0.5),
    ("gc/collect_live/1000000", "gc_collect_live_1e6", 1_000_000, 0.5),
    ("gc/alloc_free_instance", "alloc_dealloc_object", 1, 0.5),
    ("gc/incref_decref", "incref_decref_pair", 1, None),
]

BENCH_ARGS = {
    "type_new": ["--warm-up-time", "1", "--measurement-time", "3"],
    "attr_lookup": ["--warm-up-time", "1", "--measurement-time", "3"],
    "gc": ["--warm-up-time", "1", "--measurement-time", "3", "--sample-size", "10"],
}


def parse_baseline(text):
    """Name -> value (ns unless the name says otherwise) from run.sh's tab-separated lines."""
    figures = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        name, value = line.split("\t")[:2]
        try:
            figures.setdefault(name, float(value))
        except ValueError:
            pass
    return figures


def criterion_medians():
    """Full criterion id -> median ns per iteration, from `target/criterion/**/new/`."""
    medians = {}
    for meta in (ROOT / "target" / "criterion").glob("**/new/benchmark.json"):
        full_id = json.loads(meta.read_text())["full_id"]
        estimates = json.loads((meta.parent / "estimates.json").read_text())
        medians[full_id] = estimates["median"]["point_estimate"]
    return medians


def run_cpython():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(["bash", str(BASELINE_DIR / "run.sh")], check=True,
                         capture_output=True, text=True).stdout
    (OUT_DIR / "cpython.txt").write_text(out)
    return out


def run_pyrt(benches):
    for bench in benches:
        subprocess.run(["cargo", "bench", "--bench", bench, "--"] + BENCH_ARGS[bench],
                       cwd=ROOT, check=True, stdout=sys.stderr)


def fmt_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.1f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.2f} ns"


def table(same, recorded):
    lines = ["| benchmark | pyrt | CPython (same sitting) | ratio | CPython rec. | ratio rec. | target |",
             "|---|---|---|---|---|---|---|"]
    medians = criterion_medians()
    for bench_id, name, per, target in ROWS:
        total = medians.get(bench_id)
        if total is None:
            continue
        ns = total / per
        shown = fmt_ns(ns) + (f" /obj ({fmt_ns(total)})" if per > 1 else "")
        cells = [f"`{bench_id}`", shown]
        for figures in (same, recorded):
            ref = figures.get(name)
            cells += [fmt_ns(ref), f"{ns / ref:.2f}"] if ref else ["—", "—"]
        if target is None:
            cells.append("≤ 1 ns " + ("✓" if ns <= 1.0 else "✗"))
        else:
            ref = same.get(name)
            ok = ref is not None and ns / ref <= target
            cells.append(f"≤ {target} " + ("✓" if ok else "✗"))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-cpython", action="store_true")
    ap.add_argument("--skip-pyrt", action="store_true")
    ap.add_argument("--bench", action="append", choices=sorted(BENCH_ARGS))
    args = ap.parse_args()
    saved = OUT_DIR / "cpython.txt"
    same_text = saved.read_text() if args.skip_cpython and saved.exists() else run_cpython()
    if not args.skip_pyrt:
        run_pyrt(args.bench or ["type_new", "attr_lookup", "gc"])
    recorded = parse_baseline((BASELINE_DIR / "results.txt").read_text())
    print(table(parse_baseline(same_text), recorded))


if __name__ == "__main__":
    main()
