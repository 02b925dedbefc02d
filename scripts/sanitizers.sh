#!/usr/bin/env bash
# Runs the test suite under a memory checker.
#
#   bash scripts/sanitizers.sh asan [FILTER...]      AddressSanitizer (nightly flags via
#                                                    RUSTC_BOOTSTRAP), every test binary and
#                                                    the doctests, target dir target/asan
#   bash scripts/sanitizers.sh valgrind [BIN...]     every test binary of the workspace under
#                                                    memcheck (the ordinary debug build in
#                                                    target/); BIN names restrict the
#                                                    run to binaries whose name starts so
#                                                    (e.g. `gc_deep pyrt_core`)
#
# Both modes set PYRT_SYSTEM_ALLOC=1 so every object is allocated by the C allocator,
# whose blocks the tools watch (the object pools would hide use-after-free inside a
# pool), and PYRT_TEST_SCALE (default 0.01 under valgrind, 0.1 under ASan) which the
# tests with a million objects or many property cases use to scale their size down
# (property tests keep at least 16 cases, and all of them under ASan through
# PYRT_TEST_CASES_SCALE=1; under valgrind PROPTEST_CASES=32 for the ones on proptest's
# default config).
#
# Leaks that are deliberate (minipy's per-thread interpreter state, its AST arenas) are
# suppressed by scripts/lsan.supp and scripts/valgrind.supp, which say why.
#
# Valgrind: `--error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite`;
# every binary runs with `--test-threads=1` (memcheck serialises threads anyway). The
# binaries that tests spawn (the `pyrt` binary in minipy_cli/minipy_repl/py_corpus)
# are traced too (`--trace-children=yes`, children get the same error exit code, so a
# finding there fails the test that ran it). Logs go to target/valgrind-logs/.
#
# Times on the shared 2-core machine (other jobs running): see README "Sanitizers".
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
shift || true
export PYRT_SYSTEM_ALLOC=1
# The deep corpus scripts (tests/py/gc_deep_nesting.py, ...) take minutes under the tools.
export PYRT_CORPUS_SCRIPT_LIMIT="${PYRT_CORPUS_SCRIPT_LIMIT:-3600}"

run_asan() {
    export RUSTC_BOOTSTRAP=1
    # `pyrt_plain_refcount`: refcount updates in plain Rust, which ASan instruments (the
    # x86-64 build writes them as inline assembly, invisible to ASan; see
    # crates/runtime-core/src/object/refcount/rmw.rs).
    export RUSTFLAGS="-Zsanitizer=address --cfg pyrt_plain_refcount"
    # Doctests are compiled by rustdoc, which does not read RUSTFLAGS: without this they
    # would link unsanitized code against the sanitized crates.
    export RUSTDOCFLAGS="-Zsanitizer=address --cfg pyrt_plain_refcount"
    export CARGO_TARGET_DIR=target/asan
    # The slow unwinder below makes each allocation ~8x dearer: the million-object
    # tests run at a tenth (PYRT_TEST_SCALE=1 for full size, about an hour for gc_deep).
    export PYRT_TEST_SCALE="${PYRT_TEST_SCALE:-0.1}"
    # Property tests are cheap under ASan: all their cases.
    export PYRT_TEST_CASES_SCALE="${PYRT_TEST_CASES_SCALE:-1}"
    # The tests' stacks are deep (a million-object chain, minipy's recursion limit);
    # ASan's redzones make frames bigger.
    export RUST_MIN_STACK="${RUST_MIN_STACK:-67108864}"
    # The slow unwinder for allocation stacks: Rust code has no frame pointers, and with
    # the fast one the leak reports lose the frames the suppressions name.
    export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:fast_unwind_on_malloc=0}"
    # minipy's deliberate process-lifetime allocations (see the file).
    export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$PWD/scripts/lsan.supp:print_suppressions=0}"
    cargo test --workspace --target x86_64-unknown-linux-gnu "$@"
}

run_valgrind() {
    export PYRT_TEST_SCALE="${PYRT_TEST_SCALE:-0.01}"
    # The property tests with proptest's default config (the collector's graphs).
    export PROPTEST_CASES="${PROPTEST_CASES:-32}"
    # Absolute: traced children (the `pyrt` binary some tests spawn) may run elsewhere.
    local logs="${CARGO_TARGET_DIR:-target}/valgrind-logs"
    [[ "$logs" == /* ]] || logs="$PWD/$logs"
    mkdir -p "$logs"
    # The test binaries (not the doctests: rustdoc builds and runs those itself).
    local bins
    bins=$(cargo test --workspace --no-run --message-format=json 2>/dev/null |
        python3 -c 'import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(m["executable"])')
    # The `pyrt` binary the CLI tests spawn must be current too.
    cargo build --bin pyrt >/dev/null 2>&1
    # A proc-macro crate's test binary (pyrt_derive's) links the toolchain's libstd
    # dynamically; `cargo test` finds it through this path, so must we.
    export LD_LIBRARY_PATH="$(rustc --print target-libdir)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    local failed=() passed=0 total_start=$SECONDS bin name want f start
    for bin in $bins; do
        name=$(basename "$bin")
        if [ "$#" -gt 0 ]; then
            want=0
            for f in "$@"; do [[ "$name" == "$f"* ]] && want=1; done
            [ "$want" = 1 ] || continue
        fi
        start=$SECONDS
        if valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
            --suppressions="$PWD/scripts/valgrind.supp" \
            --trace-children=yes --log-file="$logs/$name.%p.log" --quiet \
            "$bin" --test-threads=1 >"$logs/$name.out" 2>&1; then
            passed=$((passed + 1))
            echo "ok      $name ($((SECONDS - start)) s)"
        else
            failed+=("$name")
            echo "FAILED  $name ($((SECONDS - start)) s): $logs/$name.out, $logs/$name.*.log"
        fi
    done
    echo "valgrind: $passed passed, ${#failed[@]} failed, $((SECONDS - total_start)) s"
    [ "${#failed[@]}" -eq 0 ]
}

case "$mode" in
asan) run_asan "$@" ;;
valgrind) run_valgrind "$@" ;;
*)
    echo "usage: $0 asan|valgrind [args]" >&2
    exit 2
    ;;
esac
