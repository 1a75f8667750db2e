#!/usr/bin/env bash
# make test's unit phase: XCTest runs the unit tests on one core, so the bench smoke run (which
# only checks that every figure is produced, not how fast) goes on the other beside it. The bench's
# output is printed after the tests' report; either failing fails this.
set -u
bin=${1:-.build/debug/gazette}
log=$(mktemp)
env GAZETTE_BENCH_BIN="$bin" bench/run.sh --smoke > "$log" 2>&1 &
bench_pid=$!
swift test --skip-build
unit=$?
wait "$bench_pid"
bench=$?
echo "== bench smoke (ran beside the unit tests): exit $bench"
cat "$log"
rm -f "$log"
[ "$unit" -eq 0 ] && [ "$bench" -eq 0 ]
