#!/usr/bin/env bash
# Gazette benchmark: builds a release binary, generates (or reuses) synthetic articles in
# bench-data/, measures the figures below, and prints one table at the end:
#   figure | gazette | reference | ratio | target | met?
#
#   bench/run.sh            full run: 20,000 and 100,000 articles, a 50 MB article (< 15 min on 2 cores)
#   bench/run.sh --smoke    200 articles and a 2 MB article, 1 run each (~30 s plus the build);
#                           installs nothing. `make test` runs it on the debug binary it has just
#                           built (GAZETTE_BENCH_BIN), so it checks that every figure is produced,
#                           not how fast a release build is.
#   bench/run.sh --huge [N] the archive bench of issue 21 (bench/huge.sh): N articles (default
#                           1,000,000) in year/month folders, against cat and rg -li
#   bench/run.sh --html     the full run's HTML rows only (bench/html.sh: the dev set against
#                           trafilatura, a 5 MB page's first screen, a page over the size limit)
#
# Exits 1 when a figure is not produced: a gazette value that is n/a, empty or not a positive
# number, or a missing reference where the target is a ratio to it. Targets not met are shown
# (met? NO) but are not an error.
#
# Environment:
#   GAZETTE_BENCH_BIN=PATH        measure that binary; no build (what a test calling --smoke wants).
#                                 The core's timers (bench-next, bench-search) are the development
#                                 tool gazette-dev, taken from beside it (or GAZETTE_BENCH_DEV_BIN)
#   GAZETTE_BENCH_KEEP_BUILD=1    skip `swift build` when .build-bench/release/gazette exists
#   GAZETTE_BENCH_SEED=N          generator seed (default 1)
#   GAZETTE_BENCH_NO_HYPERFINE=1  use the date/python fallbacks instead of hyperfine and /usr/bin/time
# See docs/PERFORMANCE.md for what each figure is and how to read the table.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=$ROOT/bench
DATA=$ROOT/bench-data
BIN=${GAZETTE_BENCH_BIN:-$ROOT/.build-bench/release/gazette}
DEV_BIN=${GAZETTE_BENCH_DEV_BIN:-$(dirname "$BIN")/gazette-dev}
SEED=${GAZETTE_BENCH_SEED:-1}
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"

MODE=full
ONLY_HTML=0
case "${1:-}" in
  "") ;;
  --smoke) MODE=smoke ;;
  --html) ONLY_HTML=1 ;;
  --huge) shift; exec "$(dirname "$0")/huge.sh" "$@" ;;   # issue 21's archive bench (bench/huge.sh)
  -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
  *) echo "usage: bench/run.sh [--smoke | --html | --huge [N]]" >&2; exit 2 ;;
esac

if [ "$MODE" = full ]; then
  SIZES=(20000 100000)   # folders for the full scan
  BIGN=100000            # folder for the reader's first screen and memory
  SMALLN=10              # the small folder the first screen is compared with
  MB=50                  # size of the big article
  RUNS=5; WARMUP=1       # hyperfine runs for each timed command
  SCREEN_RUNS=3          # tmux first-screen runs on the big article (median)
  TIMEOUT=20             # seconds to wait for a first screen before "n/a"
  HOLD=3                 # seconds after a first screen before reading the reader's memory
  INDEX_HOLD=15          # seconds an open of the big article stays, for its folder's search index to be built
  PRESSES=1000           # NEXT keypresses timed by bench-next
else
  # HOLD 1: a 200-article folder is indexed well within a second.
  SIZES=(200); BIGN=200; SMALLN=10; MB=2; RUNS=1; WARMUP=0; SCREEN_RUNS=1; TIMEOUT=10; HOLD=1; INDEX_HOLD=2; PRESSES=200
fi

# --- targets, from the speed issue. abs: gazette <= value (s, ms or KiB); ratio: gazette/reference <= value;
# info: shown for comparison, no target.
T_SCAN_RATIO=2             # full scan: at most 2x the floor (cat of every file, warm cache)
T_SCREEN_RATIO=1.5         # first screen of the 100,000 folder, later open: at most 1.5x that of a 10-article folder
T_FIRST_OPEN_RATIO=1       # its first open: at most the 10-article folder's first open plus one `ls -f` of the folder
T_SEARCH_FIRST_MS=300      # in-article search of the 50 MB article: the first match on screen within 300 ms
T_NEXT_MS=5                # one NEXT keypress in the reader core, median
T_BIG_SCREEN_RATIO=3       # first screen of the 50 MB article: at most 3x less
T_DUMP_FOLD_RATIO=2        # dump of the 50 MB article: at most 2x fold -s
T_FOLDER_MEM_KB=$((150 * 1024))  # reader open on the 100,000 folder: under 150 MB
# peak memory of dump on the big article, and of the reader open on it: under the file's own size (set once
# the file exists)
SEARCH_QUERY=village       # a word of the generator's pools, in every language's share of the big article

T_START=$(date +%s.%N)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d)
SOCK=bench$$
ROWS=$WORK/rows.tsv
: > "$ROWS"
cleanup() {
  tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"   # tmux leaves the socket file behind
  rm -rf "$WORK"
}
trap cleanup EXIT

say() { printf '[%6.1fs] %s\n' "$(echo "$(date +%s.%N) - $T_START" | bc)" "$*" >&2; }
# row FIGURE GAZETTE UNIT REFERENCE REF_LABEL TARGET_KIND TARGET_VALUE
# values are numbers (seconds, KiB, ms) or free text such as "n/a (...)".
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$ROWS"; }

# --- tools ------------------------------------------------------------------------------
APT_UPDATED=0
apt_install() { # package...: full mode only; returns 1 when it cannot install
  [ "$MODE" = full ] || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  if [ $APT_UPDATED = 0 ]; then $sudo apt-get update -qq >&2 || return 1; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2 || return 1
}
command -v hyperfine >/dev/null 2>&1 || apt_install hyperfine || true
command -v tmux      >/dev/null 2>&1 || apt_install tmux || true
command -v lynx      >/dev/null 2>&1 || apt_install lynx || true
command -v w3m       >/dev/null 2>&1 || apt_install w3m || true
[ -x /usr/bin/time ] || apt_install time || true
command -v bc >/dev/null 2>&1 || apt_install bc || { bc() { python3 -c 'import sys; print(eval(sys.stdin.read()))'; }; }
HAVE() { command -v "$1" >/dev/null 2>&1; }

# --- build ------------------------------------------------------------------------------
if [ -z "${GAZETTE_BENCH_BIN:-}" ] && { [ "${GAZETTE_BENCH_KEEP_BUILD:-0}" != 1 ] || [ ! -x "$BIN" ] || [ ! -x "$DEV_BIN" ]; }; then
  say "building release (.build-bench)"
  # Retried: a source file saved while the compiler reads it fails the build ("modified during the build").
  for try in 1 2 3; do
    if nice -n 10 swift build -c release --scratch-path .build-bench > "$WORK/build.log" 2>&1; then break; fi
    if [ $try = 3 ] || ! grep -q 'modified during the build' "$WORK/build.log"; then
      tail -30 "$WORK/build.log" >&2; echo "bench: release build failed" >&2; exit 1
    fi
    say "a source file changed during the build; building again"; sleep 5
  done
fi
[ -x "$BIN" ] || { echo "bench: no binary at $BIN" >&2; exit 1; }
BIN_NOTE=""
case "$BIN" in */debug/*) BIN_NOTE=" (a debug build: only checks that every figure is produced)" ;; esac

# --- data (reused when the stamp matches) -------------------------------------------------
GEN_ID="$(python3 "$BENCH/generate.py" --version) $(sha256sum "$BENCH/generate.py" | cut -c1-16) seed=$SEED"
dataset() { # NAME ARGS... : (re)generate bench-data/NAME unless its stamp says it is current
  local name=$1; shift
  local stamp="$DATA/$name.stamp" want="$GEN_ID $*"
  if [ -e "$DATA/$name" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  say "generating bench-data/$name ($*)"
  rm -rf "${DATA:?}/$name" "$DATA/$name.tmp" "$stamp"
  mkdir -p "$DATA"
  "$@" "$DATA/$name.tmp"
  mv "$DATA/$name.tmp" "$DATA/$name"
  printf '%s' "$want" > "$stamp"
}
gen_folder() { python3 "$BENCH/generate.py" "$2" "$1" --seed "$SEED" 2>/dev/null; }  # N OUT
gen_big() { mkdir -p "$2"; python3 "$BENCH/generate.py" --big "$2/big.txt" --mb "$1" --seed "$SEED"; }  # MB OUT
# --html: the HTML rows only (no folders but the small one, no big article but the page's own).
[ "$ONLY_HTML" = 1 ] && SIZES=()
for n in "${SIZES[@]}" "$SMALLN"; do dataset "n$n" gen_folder "$n"; done
[ "$ONLY_HTML" = 1 ] || dataset "big$MB" gen_big "$MB"
BIGFILE=$DATA/big$MB/big.txt   # alone in its folder, so nothing else is loaded with it
# A binary that does not run would still be timed (failures are ignored there): stop now instead.
if ! "$BIN" chain --json "$DATA/n$SMALLN" 2>&1 | grep -q '"files"'; then
  echo "bench: $BIN chain --json bench-data/n$SMALLN printed no chain; is it a working gazette?" >&2; exit 1
fi

count() { find "$1" -name '*.txt' | wc -l | python3 -c 'print(f"{int(input()):,}")'; }
mbytes() { du -sb "$1" | awk '{printf "%.0f MB", $1/1e6}'; }
warm() { find "$1" -name '*.txt' -print0 | xargs -0 cat > /dev/null; }

# --- timing helpers ---------------------------------------------------------------------
# median_time CMD: median wall time in seconds of `bash -c CMD` (stdout/stderr discarded),
# RUNS runs after WARMUP runs. Exit 1 is fine (check exits 1 on findings); a higher status
# (a usage error, a crash) gives "n/a (exit N)": the time of a failure is not a figure.
median_time() {
  local cmd=$1
  if HAVE hyperfine && [ -z "${GAZETTE_BENCH_NO_HYPERFINE:-}" ]; then
    hyperfine --style none --ignore-failure --warmup "$WARMUP" --runs "$RUNS" \
      --export-json "$WORK/h.json" -- "$cmd" > /dev/null 2>&1 || { echo "n/a (hyperfine failed)"; return; }
    python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))["results"][0]
bad = [c for c in r.get("exit_codes", []) if c is None or c > 1]
print("n/a (exit %s)" % bad[0] if bad else "%.4f" % r["median"])' "$WORK/h.json"
  else
    local i t0 t1 rc times=()
    for ((i = 0; i < WARMUP; i++)); do bash -c "$cmd" > /dev/null 2>&1 || true; done
    for ((i = 0; i < RUNS; i++)); do
      t0=$(date +%s.%N); rc=0; bash -c "$cmd" > /dev/null 2>&1 || rc=$?; t1=$(date +%s.%N)
      if [ "$rc" -gt 1 ]; then echo "n/a (exit $rc)"; return; fi
      times+=("$(echo "$t1 - $t0" | bc)")
    done
    printf '%s\n' "${times[@]}" | sort -g | python3 -c 'import sys,statistics; print("%.4f" % statistics.median(float(l) for l in sys.stdin))'
  fi
}
# peak_kb CMD...: maximum resident set size in KiB of one run (output discarded)
peak_kb() {
  if [ -x /usr/bin/time ] && [ -z "${GAZETTE_BENCH_NO_HYPERFINE:-}" ]; then
    /usr/bin/time -v "$@" > /dev/null 2> "$WORK/time.txt" || true
    # As in median_time, a run that failed (exit 2 or more) gives no figure.
    awk -F': ' '/Exit status/ && $2 > 1 {bad = $2} /Maximum resident set size/ {kb = $2}
                END {if (bad) print "n/a (exit " bad ")"; else print kb}' "$WORK/time.txt"
  else
    # Fallback: sample VmHWM every 2 ms until exit (getrusage would count python's own
    # pages that the child inherits before exec). Slightly low for very short runs.
    python3 -c 'import re,subprocess,sys,time
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
hwm = 0
while p.poll() is None:
    try:
        m = re.search(r"VmHWM:\s+(\d+)", open(f"/proc/{p.pid}/status").read())
        hwm = max(hwm, int(m.group(1))) if m else hwm
    except OSError:
        pass
    time.sleep(0.002)
print(hwm if 0 <= p.returncode <= 1 else f"n/a (exit {p.returncode})")' "$@"
  fi
}
# screen EXPECT HOLD CMD...: one tmux first-screen run; prints the JSON line of bench/screen.py
screen() {
  local expect=$1 hold=$2; shift 2
  if ! HAVE tmux; then echo '{"ok": false, "reason": "tmux missing"}'; return; fi
  python3 "$BENCH/screen.py" --socket "$SOCK" --expect "$expect" --timeout "$TIMEOUT" --hold "$hold" -- "$@"
}
jget() { python3 -c 'import json,sys; o=json.loads(sys.argv[1]); v=o.get(sys.argv[2]); print("" if v is None else v)' "$1" "$2"; }
na_reason() { # JSON -> "n/a (why)"
  case "$(jget "$1" reason)" in
    exited) echo "n/a (reader exited)";;
    timeout) echo "n/a (no title in ${TIMEOUT}s)";;
    *) echo "n/a ($(jget "$1" reason))";;
  esac
}
median() { python3 -c 'import sys,statistics; v=[float(x) for x in sys.argv[1:]]; print("%.4f" % statistics.median(v))' "$@"; }
first_title() { # FILE: the title gazette sees (toc --json on a copy alone in a folder, so the rest is not loaded)
  local d=$WORK/first.$RANDOM; mkdir -p "$d"; cp "$1" "$d/"
  "$BIN" toc --json "$d/$(basename "$1")" 2>/dev/null | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["title"])' \
    || head -1 "$1"
}

REV="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
[ -n "$(git status --porcelain -- Sources Package.swift 2>/dev/null)" ] && REV="$REV + uncommitted changes in Sources/"
say "gazette: $BIN$BIN_NOTE (commit $REV; $MODE mode, seed $SEED)"

if [ "$ONLY_HTML" = 0 ]; then   # (sections 1 to 6; not indented)
# --- 1. full scan -----------------------------------------------------------------------
for n in "${SIZES[@]}"; do
  dir=$DATA/n$n
  label="$(count "$dir") articles, $(mbytes "$dir")"
  say "full scan: $label (warming the page cache first)"
  warm "$dir"; warm "$dir"
  t_cat=$(median_time "find '$dir' -name '*.txt' -print0 | xargs -0 cat > /dev/null")
  t_check=$(median_time "'$BIN' check '$dir'")
  t_chain=$(median_time "'$BIN' chain '$dir' --json")
  row "check, $label" "$t_check" s "$t_cat" "cat all files" ratio "$T_SCAN_RATIO"
  row "chain --json, $label" "$t_chain" s "$t_cat" "cat all files" ratio "$T_SCAN_RATIO"
  # Every article parsed whole (issue 12): the same floor, both cores allowed.
  t_toc=$(median_time "'$BIN' toc --json '$dir' > /dev/null")
  t_dumpall=$(median_time "'$BIN' dump --width 80 '$dir' > /dev/null")
  row "toc --json, $label" "$t_toc" s "$t_cat" "cat all files" ratio "$T_SCAN_RATIO"
  row "dump --width 80, $label" "$t_dumpall" s "$t_cat" "cat all files" ratio "$T_SCAN_RATIO"
done

# --- 2 and 5. first screen of a folder, and the reader's memory on it --------------------
# Each folder is opened twice with a fresh XDG cache/state/data home (first open), then again
# with the same one (later open). The later open waits HOLD s after the first screen, so that a
# background indexer has run, then reads VmHWM of the gazette process.
declare -A SHOT
for n in "$BIGN" "$SMALLN"; do
  dir=$DATA/n$n
  first=$(find "$dir" -name '*.txt' | LC_ALL=C sort | awk 'NR == 1')   # awk reads all: no SIGPIPE under pipefail
  title=$(first_title "$first")
  home=$WORK/xdg$n; rm -rf "$home"; mkdir -p "$home"
  xdg=(env "XDG_CACHE_HOME=$home/cache" "XDG_STATE_HOME=$home/state" "XDG_DATA_HOME=$home/data")
  warm "$dir"
  say "first screen: $n articles, expecting \"$title\""
  a=$(screen "$title" 0 "${xdg[@]}" "$BIN" "$dir")
  if [ "$(jget "$a" ok)" = True ]; then
    b=$(screen "$title" "$HOLD" "${xdg[@]}" "$BIN" "$dir")
  else
    b=$a   # the reader does not work yet: the second run would only wait again
  fi
  for k in first later; do
    j=$a; [ $k = later ] && j=$b
    if [ "$(jget "$j" ok)" = True ]; then SHOT[$n.$k]=$(jget "$j" seconds); else SHOT[$n.$k]=$(na_reason "$j"); fi
  done
  if [ "$(jget "$b" ok)" = True ]; then SHOT[$n.mem]=$(jget "$b" hwm_kb); else SHOT[$n.mem]=$(na_reason "$b"); fi
  say "  first open: ${SHOT[$n.first]}, later open: ${SHOT[$n.later]}, VmHWM: ${SHOT[$n.mem]}"
done
bigl="$(python3 -c 'import sys; print(f"{int(sys.argv[1]):,}")' "$BIGN") articles"; small="$SMALLN-article folder"
# The floor of a first open: one listing of the folder's names (the first by name needs them all).
t_ls=$(median_time "ls -f '$DATA/n$BIGN'")
# hyperfine takes its shell's start off: `ls -f` of the 200 names of --smoke can come out 0.0000, which
# the table would count as a figure not produced. Below its resolution, say 0.1 ms.
t_ls=$(python3 -c 'import sys
try: print("%.4f" % max(float(sys.argv[1]), 0.0001))
except ValueError: print(sys.argv[1])' "$t_ls")
floor=$(python3 -c 'import sys
try: print(float(sys.argv[1]) + float(sys.argv[2]))
except ValueError: print("n/a")' "${SHOT[$SMALLN.first]}" "$t_ls")
row "ls -f of the $bigl folder (floor of a first open)" "$t_ls" s "" "" info 0
row "first screen, $bigl, first open" "${SHOT[$BIGN.first]}" s "$floor" "$small first open + ls -f" ratio "$T_FIRST_OPEN_RATIO"
row "first screen, $bigl, later open" "${SHOT[$BIGN.later]}" s "${SHOT[$SMALLN.later]}" "$small, later open" ratio "$T_SCREEN_RATIO"

# --- 3. following NEXT --------------------------------------------------------------------
dir=$DATA/n$BIGN
# The core's timer is the development tool (gazette-dev), built beside the binary measured.
if [ -x "$DEV_BIN" ]; then
  say "bench-next: $DEV_BIN bench-next $dir --presses $PRESSES"
  out=$("$DEV_BIN" bench-next "$dir" --presses $PRESSES 2>&1) || true
  printf '%s\n' "--- gazette-dev bench-next output ---" "$out" "-------------------------------------" >&2
  printf '%s\n' "$out" > "$WORK/bench-next.txt"
  # Per-press median and p99 in ms, read from whatever form the output takes (bench/parse_next.py).
  read -r med p99 < <(python3 "$BENCH/parse_next.py" "$WORK/bench-next.txt")
  [ "$med" = - ] && med="see output above"
  row "NEXT keypress, reader core (bench-next, $PRESSES presses), median" "$med" ms "" "" abs "$T_NEXT_MS"
  [ "$p99" != - ] && row "NEXT keypress, reader core (bench-next, $PRESSES presses), p99" "$p99" ms "" "" info 0
else
  row "NEXT keypress, reader core (bench-next, $PRESSES presses), median" "n/a (needs gazette-dev beside the binary)" ms "" "" abs "$T_NEXT_MS"
fi

# --- 4. the big article ---------------------------------------------------------------------
biglabel="$MB MB article"
warm "$(dirname "$BIGFILE")"
btitle=$(head -1 "$BIGFILE")   # the title, and the file's first line (what less shows first)
say "first screen: $biglabel, gazette vs less ($SCREEN_RUNS run(s) each)"
g=(); l=(); gfail=""
# A home of its own, as for the folders: the reader keeps its state and its folder's search index there.
bhome=$WORK/xdgbig; mkdir -p "$bhome"
bxdg=(env "XDG_CACHE_HOME=$bhome/cache" "XDG_STATE_HOME=$bhome/state" "XDG_DATA_HOME=$bhome/data")
for ((i = 0; i < SCREEN_RUNS; i++)); do
  j=$(screen "$btitle" 0 "${bxdg[@]}" "$BIN" "$BIGFILE")
  if [ "$(jget "$j" ok)" = True ]; then g+=("$(jget "$j" seconds)"); else gfail=$(na_reason "$j"); break; fi
done
for ((i = 0; i < SCREEN_RUNS; i++)); do
  j=$(screen "$btitle" 0 less "$BIGFILE")
  if [ "$(jget "$j" ok)" = True ]; then l+=("$(jget "$j" seconds)"); fi
done
gs=${gfail:-$(median "${g[@]}")}
ls_=$( [ ${#l[@]} -gt 0 ] && median "${l[@]}" || echo "n/a (less failed)")
row "first screen, $biglabel" "$gs" s "$ls_" "less" ratio "$T_BIG_SCREEN_RATIO"
# The reader's memory on the big article. First an open that stays INDEX_HOLD s, long enough for the
# search index of its folder to be built (the earlier opens quit at once, before it was); then the
# measured one, HOLD s after the first screen, with the index current.
if [ -z "$gfail" ]; then
  j=$(screen "$btitle" "$INDEX_HOLD" "${bxdg[@]}" "$BIN" "$BIGFILE"); gi=$(jget "$j" hwm_kb); [ -n "$gi" ] || gi=$(na_reason "$j")
  j=$(screen "$btitle" "$HOLD" "${bxdg[@]}" "$BIN" "$BIGFILE"); gm=$(jget "$j" hwm_kb); [ -n "$gm" ] || gm=$(na_reason "$j")
else
  gm=$gfail; gi=$gfail
fi
j=$(screen "$btitle" "$HOLD" less "$BIGFILE"); lm=$(jget "$j" hwm_kb); [ -n "$lm" ] || lm="n/a"
T_BIG_MEM_KB=$(( $(stat -c %s "$BIGFILE") / 1024 ))   # under the file's own size
row "peak memory, reader on $biglabel (+$HOLD s)" "$gm" KiB "$lm" "less" abs "$T_BIG_MEM_KB"
row "peak memory, reader on $biglabel, its search index built meanwhile (+$INDEX_HOLD s)" "$gi" KiB "$lm" "less" info 0

# In-article search, timed in the core (`gazette-dev bench-search`): the first match on screen, every match
# counted behind the screen, and the slowest key pressed meanwhile (j/k with a redraw).
if [ -x "$DEV_BIN" ]; then
  say "search: $DEV_BIN bench-search $BIGFILE --query $SEARCH_QUERY"
  out=$("$DEV_BIN" bench-search "$BIGFILE" --query "$SEARCH_QUERY" 2>&1) || true
  printf '%s\n' "--- gazette-dev bench-search output ---" "$out" "---------------------------------------" >&2
  printf '%s\n' "$out" > "$WORK/bench-search.txt"
  field() { awk -v k="$1" '{for (i = 1; i < NF; i++) if ($i == k) {print $(i + 1); exit}}' "$WORK/bench-search.txt"; }
  s_first=$(field first_match_ms); s_all=$(field counted_ms); s_n=$(field matches); s_key=$(field key_worst_ms)
  row "search “$SEARCH_QUERY” in $biglabel, first match on screen" "${s_first:-n/a}" ms "" "" abs "$T_SEARCH_FIRST_MS"
  row "search “$SEARCH_QUERY” in $biglabel, all ${s_n:-?} matches counted behind" "${s_all:-n/a}" ms "" "" info 0
  row "search “$SEARCH_QUERY” in $biglabel, slowest key while counting" "${s_key:-n/a}" ms "" "" info 0
else
  row "search “$SEARCH_QUERY” in $biglabel, first match on screen" "n/a (needs gazette-dev beside the binary)" ms "" "" abs "$T_SEARCH_FIRST_MS"
fi

say "dump: $biglabel, gazette vs fold, lynx, w3m"
t_dump=$(median_time "'$BIN' dump --width 80 '$BIGFILE'")
t_fold=$(median_time "fold -s -w 80 '$BIGFILE'")
m_dump=$(peak_kb "$BIN" dump --width 80 "$BIGFILE")
m_fold=$(peak_kb fold -s -w 80 "$BIGFILE")
row "dump --width 80, $biglabel" "$t_dump" s "$t_fold" "fold -s -w 80" ratio "$T_DUMP_FOLD_RATIO"
for b in lynx w3m; do
  if HAVE $b; then
    if [ $b = lynx ]; then c=(lynx -dump -nolist "$BIGFILE"); else c=(w3m -dump "$BIGFILE"); fi
    t=$(median_time "$(printf '%q ' "${c[@]}")")
    m=$(peak_kb "${c[@]}")
    label="${c[*]:0:${#c[@]}-1}"
  else
    t="n/a ($b not installed)"; m=$t; label=$b
  fi
  row "dump --width 80, $biglabel" "$t_dump" s "$t" "$label" info 0
  eval "t_$b=\$t; m_$b=\$m; label_$b=\$label"
done
T_DUMP_MEM_KB=$T_BIG_MEM_KB
row "peak memory, dump $biglabel" "$m_dump" KiB "$m_fold" "fold -s -w 80" abs "$T_DUMP_MEM_KB"
row "peak memory, dump $biglabel" "$m_dump" KiB "$m_lynx" "$label_lynx" info 0
row "peak memory, dump $biglabel" "$m_dump" KiB "$m_w3m" "$label_w3m" info 0

# --- 5. the reader's memory on the big folder (measured in section 2) -----------------------
row "peak memory, reader on $bigl (VmHWM +$HOLD s)" "${SHOT[$BIGN.mem]}" KiB "${SHOT[$SMALLN.mem]}" "$small" abs "$T_FOLDER_MEM_KB"

# --- 6. the full-text index (bench/search.sh) -----------------------------------------------
source "$BENCH/search.sh"
fi   # ONLY_HTML

# --- 7. HTML pages (bench/html.sh) ------------------------------------------------------------
source "$BENCH/html.sh"

# --- the table --------------------------------------------------------------------------------
ELAPSED=$(echo "$(date +%s.%N) - $T_START" | bc)
mkdir -p "$DATA"
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
{
if [ -f "$WORK/bench-next.txt" ]; then
  echo; echo "gazette-dev bench-next $DATA/n$BIGN --presses $PRESSES:"; sed 's/^/    /' "$WORK/bench-next.txt"
fi
python3 - "$ROWS" "$MODE" "$ELAPSED" "$RUNS" "$(nproc) cores; load average (1/5/15 min) at start $LOAD_START, at end $LOAD_END" "$REV" "$BIN$BIN_NOTE" \
  "$BENCH/baseline-$MODE.tsv" "${GAZETTE_BENCH_SAVE_BASELINE:-0}" <<'EOF'
import sys
rows_file, mode, elapsed, runs, load, rev, binary, baseline_file, save = sys.argv[1:10]
elapsed = float(elapsed)

# The figures of an earlier run (bench/baseline-MODE.tsv: figure, value, unit, commit), shown as "before".
baseline = {}
try:
    for line in open(baseline_file, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        fig, value, unit, commit = line.rstrip("\n").split("\t")
        baseline[fig] = (value, unit, commit)
except FileNotFoundError:
    pass

def num(v):
    try:
        return float(v)
    except ValueError:
        return None

def show(v, unit):
    x = num(v)
    if x is None:
        return v if v else "—"
    if unit == "s":
        return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"
    if unit == "KiB":
        return f"{x / 1024:.1f} MiB"
    if unit == "ms":
        return f"{x:.3f} ms"
    return v

rows = []
saving = {}  # this run's figures, for GAZETTE_BENCH_SAVE_BASELINE=1
missing = []  # figures not produced: an error (see the header of bench/run.sh)
for line in open(rows_file, encoding="utf-8"):
    fig, g, unit, ref, reflabel, kind, target = line.rstrip("\n").split("\t")
    gx, rx, tx = num(g), num(ref), float(target)
    if gx is None or gx <= 0:
        missing.append(f"{fig}: {g or 'empty'}")
    if kind == "ratio" and (rx is None or rx <= 0):
        missing.append(f"{fig}, reference ({reflabel}): {ref or 'empty'}")
    ratio = f"{gx / rx:.1f}×" if gx is not None and rx not in (None, 0) else "—"
    if kind == "info":
        tshow, met = "(comparison)", "—"
    elif kind == "ratio":
        tshow = f"≤ {tx:g}× ref"
        met = "n/a" if gx is None or rx in (None, 0) else ("yes" if gx / rx <= tx else "NO")
    if kind == "abs":
        tshow = "≤ " + {"s": f"{tx * 1000:g} ms" if tx < 1 else f"{tx:g} s",
                        "KiB": f"{tx / 1024:.1f} MiB", "ms": f"{tx:g} ms"}.get(unit, target)
        met = "n/a" if gx is None else ("yes" if gx <= tx else "NO")
    refcell = f"{show(ref, unit)} ({reflabel})" if reflabel else "—"
    before = show(baseline[fig][0], baseline[fig][1]) if fig in baseline else "—"
    rows.append([fig, before, show(g, unit), refcell, ratio, tshow, met])
    if fig not in saving and gx is not None:
        saving[fig] = (g, unit)

head = ["figure", "before", "gazette", "reference", "ratio", "target", "met?"]
w = [max(len(r[i]) for r in rows + [head]) for i in range(7)]
print()
print(f"Gazette benchmark ({mode}; median of {runs} run(s) per timed command; page cache warm, not dropped)")
print()
print("| " + " | ".join(h.ljust(w[i]) for i, h in enumerate(head)) + " |")
print("|" + "|".join("-" * (w[i] + 2) for i in range(7)) + "|")
for r in rows:
    print("| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |")
print()
print(f"gazette: {binary}, commit {rev}")
print(f"machine: {load}")
print(f"total elapsed: {elapsed:.0f} s")
commits = sorted({c for _, _, c in baseline.values()})
if baseline:
    print(f"before: {baseline_file.split('/')[-1]} (commit {', '.join(commits)})")
if save == "1":
    with open(baseline_file, "w", encoding="utf-8") as out:
        out.write("# figure\tvalue\tunit\tcommit: written by GAZETTE_BENCH_SAVE_BASELINE=1 bench/run.sh\n")
        for fig, (value, unit) in saving.items():
            out.write(f"{fig}\t{value}\t{unit}\t{rev.split()[0]}\n")
    print(f"baseline written: {baseline_file}")
if not rows:
    missing.append("no figure at all")
missing = list(dict.fromkeys(missing))  # a figure shown against several references counts once
if missing:
    # On stdout, after the table, so it shows in the same order through tee.
    print(f"\nbench: FAILED, {len(missing)} figure(s) not produced:", *missing, sep="\n  ")
    sys.exit(1)
EOF
} | tee "$DATA/last-table-$MODE$([ "$ONLY_HTML" = 1 ] && echo -html).md"
