#!/usr/bin/env bash
# make test's last long phase: the fuzz smoke run is CPU-bound, the end-to-end tests mostly wait
# on tmux panes, so side by side on two cores they take little more than the longer of the two.
# The fuzz run's output is printed after the end-to-end report; either failing fails this.
set -u
bin=${1:-.build/debug/gazette}
log=$(mktemp)
fuzz/run.sh --smoke > "$log" 2>&1 &
fuzz_pid=$!
scripts/e2e.sh "$bin"
e2e=$?
wait "$fuzz_pid"
fuzz=$?
echo "== fuzz smoke (ran beside the end-to-end tests): exit $fuzz"
cat "$log"
rm -f "$log"
[ "$e2e" -eq 0 ] && [ "$fuzz" -eq 0 ]
