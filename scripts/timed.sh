#!/usr/bin/env bash
# Times the phases of `make test`, so every run says where its minutes went.
#   scripts/timed.sh LOG NAME COMMAND...   runs COMMAND; appends NAME's wall and CPU seconds to LOG
#   scripts/timed.sh LOG --report [BUDGET] prints each phase's time and share, and the machine's load;
#                                          with BUDGET (seconds), exits 1 when the phases' wall time
#                                          summed is over it (make test's budget: a slower run is a
#                                          regression to look at, not a number to live with)
# CPU seconds (user + system of the phase's processes) hardly move with the machine's load;
# wall seconds do, a lot, on 2 shared cores: compare phases by their share and their CPU time.
set -u
log=$1; shift
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }

if [ "${1:-}" = --report ]; then
  python3 - "$log" "$(nproc 2>/dev/null || echo '?')" "$(load)" "${2:-}" <<'PY'
import sys
path, cores, load_end, budget = sys.argv[1:5]
phases, load_start = [], "?"
for line in open(path, encoding="utf-8"):
    kind, *rest = line.rstrip("\n").split("\t")
    if kind == "load": load_start = rest[0]
    if kind == "phase": phases.append((rest[0], float(rest[1]), float(rest[2]), rest[3]))
total = sum(p[1] for p in phases)
print("\nmake test, by phase (wall s, share of the wall time, CPU s):")
for name, wall, cpu, rc in phases:
    status = "" if rc == "0" else f"  exit {rc}"
    print(f"  {name:<28} {wall:6.1f} s {100 * wall / max(total, 0.1):4.0f} %  {cpu:6.1f} s CPU{status}")
print(f"  {'total':<28} {total:6.1f} s        {sum(p[2] for p in phases):6.1f} s CPU")
print(f"  machine: {cores} cores; load average (1/5/15 min) at start {load_start}, at end {load_end}")
if budget:
    limit = float(budget)
    if total > limit:
        print(f"  budget: {limit:.0f} s; OVER by {total - limit:.1f} s: make test failed (see the phases above)")
        sys.exit(1)
    print(f"  budget: {limit:.0f} s; within it, {limit - total:.1f} s to spare")
PY
  exit $?
fi

name=$1; shift
[ -s "$log" ] || printf 'load\t%s\n' "$(load)" >> "$log"
echo "== $name: $*"
start=$(now)
"$@"
rc=$?
wall=$(python3 -c 'import sys; print("%.1f" % (float(sys.argv[2]) - float(sys.argv[1])))' "$start" "$(now)")
# `times`, second line: user and system time of the children (only this phase's: one shell per
# phase). Into a file: in a pipe or $(...) it would run in a subshell, which has no children.
times_file=$(mktemp)
times > "$times_file"
cpu=$(tail -1 "$times_file" | python3 -c '
import re, sys
secs = [int(m) * 60 + float(s) for m, s in re.findall(r"(\d+)m([\d.]+)s", sys.stdin.read())]
print("%.1f" % sum(secs))')
rm -f "$times_file"
printf 'phase\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$cpu" "$rc" >> "$log"
echo "== $name: ${wall} s (${cpu} s CPU)$([ $rc -eq 0 ] || echo ", exit $rc")"
exit $rc
