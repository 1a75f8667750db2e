#!/usr/bin/env bash
# Issue 21's "done when", checked: a 200,000-article archive in 40 month folders (bench/huge.py), and
#   1. the reader and `gazette chain` see all 200,000 (the reader's list, `l` in tmux, says so; `chain
#      --json` lists every file; `unread --json` lists every article of a fresh state);
#   2. a later open draws its first screen within 1.5x of a 10-article folder's (median of 3, tmux);
#   3. the reader's peak memory (VmHWM, 5 s after its background read of the archive) is at most 150 MiB;
#   4. after 5 files are added (3 in the last month, 2 in a new month) and 1 of them removed, `gazette
#      search` finds exactly the 4 left, in at most 0.25x the time of `rg -li` over the archive;
#   5. the first index takes at most 10x `cat` of every file.
# Prints each check PASS or FAIL with its numbers and the load average; exits 1 when one fails.
#
#   scripts/check-archive-200k.sh [--dir DIR] [--n N] [--months M]
#
# DIR: default /tmp/gz-huge-200000 (shared with `bench/huge.sh 200000`, reused while its stamp
# matches). GAZETTE_BENCH_BIN / GAZETTE_BENCH_KEEP_BUILD as bench/run.sh. About 6 minutes here (load 7), plus
# 5 to generate the archive the first time; not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=${GAZETTE_BENCH_BIN:-$ROOT/.build-bench/release/gazette}
DEV_BIN=${GAZETTE_BENCH_DEV_BIN:-$(dirname "$BIN")/gazette-dev}
N=200000 MONTHS=40 DIR=""
while [ $# -gt 0 ]; do
  case $1 in
    --dir) DIR=$2; shift 2 ;;
    --n) N=$2; shift 2 ;;
    --months) MONTHS=$2; shift 2 ;;
    *) echo "usage: scripts/check-archive-200k.sh [--dir DIR] [--n N] [--months M]" >&2; exit 2 ;;
  esac
done
DIR=${DIR:-/tmp/gz-huge-$N}; DIR=${DIR%/}
WORK=$(mktemp -d /tmp/gz-check.XXXXXX)
ROWS=$WORK/rows.tsv; : > "$ROWS"
source "$ROOT/bench/archive-lib.sh"
ADDED=()
cleanup() { cleanup_tmux; rm -rf "${ADDED[@]:-/nonexistent}" "$WORK"; }
trap cleanup EXIT
command -v rg >/dev/null || { echo "check: needs ripgrep (apt-get install ripgrep)" >&2; exit 1; }
archive_build
archive_generate "$DIR" "$N" "$MONTHS"
SMALL=$WORK/small10; small_folder "$SMALL"
FAILS=0
check() { # NAME OK(0/1) DETAILS
  if [ "$2" = 1 ]; then echo "PASS  $1: $3"; else echo "FAIL  $1: $3"; FAILS=$((FAILS + 1)); fi
  echo "      (load average $(load3))"
}
le() { python3 -c 'import sys
try: print(1 if float(sys.argv[1]) <= float(sys.argv[2]) * float(sys.argv[3]) else 0)
except ValueError: print(0)' "$@"; }   # A B K: 1 when A <= K * B
ratio() { python3 -c 'import sys
try: print("%.2fx" % (float(sys.argv[1]) / float(sys.argv[2])))
except (ValueError, ZeroDivisionError): print("n/a")' "$@"; }

say "archive $DIR: $(find "$DIR" -type f | wc -l) files in $(find "$DIR" -mindepth 2 -maxdepth 2 -type d | wc -l) month folders"
warm "$DIR"; warm "$DIR"
home=$WORK/home; mkdir -p "$home"
xdg=(env "XDG_CACHE_HOME=$home/cache" "XDG_STATE_HOME=$home/state" "XDG_DATA_HOME=$home/data")
shome=$WORK/small-home; mkdir -p "$shome"
sxdg=(env "XDG_CACHE_HOME=$shome/cache" "XDG_STATE_HOME=$shome/state" "XDG_DATA_HOME=$shome/data")
files=$(find "$DIR" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | wc -l)

# 5 first, on an empty cache: the first index against cat of every file.
t_cat=$(median_of 3 bash -c "find '$DIR' -type f -exec cat {} + > /dev/null")
read -r t_index m_index < <(timed_peak "${xdg[@]}" "$BIN" search zzqqnothing "$DIR")
ok5=$(le "$t_index" "$t_cat" 10)

# 1. everything seen.
n_chain=$("$BIN" chain --json "$DIR" 2>/dev/null | python3 -c 'import json,sys
seen = set()
for line in sys.stdin:
    try: o = json.loads(line)
    except ValueError: continue
    for f in o.get("files", []): seen.add(f if isinstance(f, str) else f.get("file", str(f)))
print(len(seen))')
n_unread=$("${xdg[@]}" "$BIN" unread --json "$DIR" 2>/dev/null | grep -c '^{' || true)
first=$(first_file "$DIR"); title=$(first_title "$first")
sfirst=$(first_file "$SMALL"); stitle=$(first_title "$sfirst")
# The reader's own count: its article list (`l`) says "Articles (N)" in its title row.
list_json=$(python3 "$ROOT/bench/screen.py" --socket "$SOCK" --expect "$title" --timeout 120 --hold 0 \
  --then l --then-expect "Articles (" -- "${xdg[@]}" "$BIN" "$DIR")
n_list=$(jget "$list_json" then_screen | grep -o 'Articles ([0-9,]*)' | head -1 | tr -dc 0-9)
ok1=0; [ "$n_chain" = "$files" ] && [ "$n_unread" = "$files" ] && [ "${n_list:-0}" = "$files" ] && ok1=1
check "the reader and chain see all $files articles" $ok1 \
  "reader's list says ${n_list:-n/a}; chain --json lists $n_chain files; unread --json lists $n_unread"

# 2 and 3. later opens (the index current from step 5), against the 10-article folder's.
screen 120 0 "$title" "${xdg[@]}" "$BIN" "$DIR" > /dev/null        # a first open, so the next ones are later opens
screen 20 0 "$stitle" "${sxdg[@]}" "$BIN" "$SMALL" > /dev/null
# The first of them stays until its background read of the archive is done ("indexing…" gone) and 5 s more.
later=(); small=(); hwm=""
for i in 1 2 3; do
  hold=0; SETTLE=0; [ $i = 1 ] && { hold=5; SETTLE=1; }
  b=$(screen 300 $hold "$title" "${xdg[@]}" "$BIN" "$DIR"); SETTLE=0
  later+=("$(shot "$b" seconds)"); [ -n "$hwm" ] || { hwm=$(shot "$b" hwm_kb); settled=$(jget "$b" settled_s); }
  s=$(screen 20 0 "$stitle" "${sxdg[@]}" "$BIN" "$SMALL"); small+=("$(shot "$s" seconds)")
done
med() { python3 -c 'import sys,statistics
try: print("%.4f" % statistics.median(float(x) for x in sys.argv[1:]))
except ValueError: print("n/a")' "$@"; }
l_med=$(med "${later[@]}"); s_med=$(med "${small[@]}")
check "later open: first screen within 1.5x of a 10-article folder" "$(le "$l_med" "$s_med" 1.5)" \
  "$l_med s against $s_med s ($(ratio "$l_med" "$s_med"); runs: ${later[*]} / ${small[*]})"
ok3=0; case $hwm in n/a*|"") ;; *) [ "$hwm" -le $((150 * 1024)) ] && ok3=1 ;; esac
check "reader peak memory at most 150 MiB" $ok3 "VmHWM $(python3 -c "import sys; print('%.1f MiB' % (int(sys.argv[1]) / 1024))" "$hwm" 2>/dev/null || echo "$hwm") 5 s after its background read of the archive, which took ${settled:-?} s after the first screen"

# 4. 5 added, 1 removed.
add_five_remove_one "$DIR" "$home/cache" "${xdg[@]}"
got5=$GOT5 t_q=$T_Q got4=$GOT4
t_rg=$(median_of 3 rg -li vexillarium "$DIR")
n_rg=$(rg_hits "$DIR" vexillarium)
ok4=0; [ "$got4" = 4 ] && [ "$(le "$t_q" "$t_rg" 0.25)" = 1 ] && ok4=1
check "after 5 added and 1 removed, search finds exactly the 4 left in at most 0.25x rg -li" $ok4 \
  "found $got5 after adding, $got4 after removing (rg -li: $n_rg); the query that saw the change $t_q s against rg -li $t_rg s ($(ratio "$t_q" "$t_rg"))"
rm -rf "${ADDED[@]}"; ADDED=()

check "first index at most 10x cat of every file" "$ok5" \
  "$t_index s against cat $t_cat s ($(ratio "$t_index" "$t_cat")); peak memory $m_index KiB"
echo
echo "gazette: $BIN, commit $(git rev-parse --short HEAD 2>/dev/null); $(nproc) cores; $FAILS check(s) failed"
[ "$FAILS" = 0 ]
