#!/usr/bin/env bash
# Record the expected outputs of the differential corpus from CPython 3.11 (the oracle).
#
# Usage (from anywhere):
#   tests/py/record.sh                 # every tests/py/*.py
#   tests/py/record.sh NAME ...        # only these (NAME, NAME.py or tests/py/NAME.py)
#   tests/py/record.sh --check [NAME ...]
#                                      # re-run and compare with the recorded files, write nothing
#
# For each script the recorder runs, from the repository root,
#   PYTHONHASHSEED=0 python3 -X faulthandler tests/py/NAME.py
# and writes stdout to tests/py/expected/NAME.out. When the exit status is non-zero it also
# writes tests/py/expected/NAME.err with two lines: the status, then the last line of stderr;
# when the status is zero a stale NAME.err is removed. Every address (0x followed by hex
# digits) is stored as 0x?, as the comparing harness normalises both sides the same way.
# Scripts run with the relative path tests/py/NAME.py.
#
# The interpreter can be overridden with PYTHON=/path/to/python3.11 (it must be CPython 3.11).
set -u

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 2
python="${PYTHON:-python3}"

version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if [ "$version" != "3.11" ]; then
    echo "record.sh: $python is Python $version, the oracle must be CPython 3.11" >&2
    exit 2
fi

check=0
if [ "${1:-}" = "--check" ]; then
    check=1
    shift
fi

names=()
if [ $# -eq 0 ]; then
    for f in tests/py/*.py; do
        names+=("$(basename "$f" .py)")
    done
else
    for arg in "$@"; do
        names+=("$(basename "$arg" .py)")
    done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p tests/py/expected

# Addresses differ from run to run; the harness replaces them with 0x? on both sides, and the
# recorder stores them already replaced so that recording is deterministic.
normalise() {
    sed -E 's/0x[0-9a-fA-F]+/0x?/g'
}

# run_one NAME OUT ERR: run the script, write its stdout to OUT and the .err content to ERR
# (ERR is left absent when the status is zero).
run_one() {
    local name="$1" out="$2" err="$3" status
    rm -f "$err"
    PYTHONHASHSEED=0 "$python" -X faulthandler "tests/py/$name.py" >"$work/stdout" 2>"$work/stderr"
    status=$?
    normalise <"$work/stdout" >"$out"
    if [ "$status" -ne 0 ]; then
        printf '%s\n%s\n' "$status" "$(tail -n 1 "$work/stderr" | normalise)" >"$err"
    fi
}

failed=0
for name in "${names[@]}"; do
    if [ ! -f "tests/py/$name.py" ]; then
        echo "record.sh: no such script tests/py/$name.py" >&2
        failed=1
        continue
    fi
    if [ "$check" -eq 1 ]; then
        run_one "$name" "$work/out" "$work/err"
        if ! cmp -s "$work/out" "tests/py/expected/$name.out"; then
            echo "differs: tests/py/expected/$name.out" >&2
            failed=1
        fi
        if [ -f "$work/err" ] || [ -f "tests/py/expected/$name.err" ]; then
            if ! cmp -s "$work/err" "tests/py/expected/$name.err" 2>/dev/null; then
                echo "differs: tests/py/expected/$name.err" >&2
                failed=1
            fi
        fi
    else
        run_one "$name" "tests/py/expected/$name.out" "tests/py/expected/$name.err"
    fi
done
exit "$failed"
