#!/usr/bin/env bash
# Runs two test phases side by side on the two cores, when one leaves a core idle (XCTest runs on
# one; the end-to-end tests mostly wait on tmux panes):
#   scripts/beside.sh LABEL BACKGROUND... -- FOREGROUND...
# The foreground's output streams; the background's is printed after it, headed by LABEL.
# Either failing fails this.
set -u
label=$1; shift
background=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do background+=("$1"); shift; done
shift
log=$(mktemp)
"${background[@]}" > "$log" 2>&1 &
pid=$!
"$@"
front=$?
wait "$pid"
back=$?
echo "== $label (ran beside): exit $back"
cat "$log"
rm -f "$log"
[ "$front" -eq 0 ] && [ "$back" -eq 0 ]
