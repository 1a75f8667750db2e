# Sourced by bench/huge.sh and scripts/check-archive-200k.sh: the huge archive (bench/huge.py), and
# timing, memory and first-screen helpers for it. Expects ROOT (the repository), BIN (gazette) and WORK
# (a scratch folder) to be set; sets SOCK, the private tmux server of bench/screen.py.
[ -d /opt/swift/usr/bin ] && export PATH="/opt/swift/usr/bin:$PATH"
SOCK=${SOCK:-archive$$}
T_START=${T_START:-$(date +%s.%N)}

say() { printf '[%6.1fs load %s] %s\n' "$(echo "$(date +%s.%N) - $T_START" | bc)" "$(cut -d' ' -f1 /proc/loadavg)" "$*" >&2; }
load3() { cut -d' ' -f1-3 /proc/loadavg; }

# archive_build: a release build in .build-bench (as bench/run.sh), unless GAZETTE_BENCH_BIN names a
# binary or GAZETTE_BENCH_KEEP_BUILD=1 and one is there.
archive_build() {
  if [ -n "${GAZETTE_BENCH_BIN:-}" ]; then return; fi
  if [ "${GAZETTE_BENCH_KEEP_BUILD:-0}" = 1 ] && [ -x "$BIN" ] && [ -x "$DEV_BIN" ]; then return; fi
  say "building release (.build-bench)"
  for try in 1 2 3; do
    if (cd "$ROOT" && nice -n 10 swift build -c release --scratch-path .build-bench) > "$WORK/build.log" 2>&1; then return; fi
    if [ $try = 3 ] || ! grep -q 'modified during the build' "$WORK/build.log"; then
      tail -30 "$WORK/build.log" >&2; echo "archive bench: release build failed" >&2; exit 1
    fi
    sleep 5
  done
}

# archive_generate DIR N MONTHS: (re)generate DIR unless its manifest says it is this generator's
# N-article, MONTHS-folder archive (the generators' hash, the seed and the sizes in a stamp beside it).
archive_generate() {
  local dir=${1%/} n=$2 months=$3
  local want; want="$(python3 "$ROOT/bench/huge.py" --version) $(cat "$ROOT/bench/huge.py" "$ROOT/bench/generate.py" | sha256sum | cut -c1-16) n=$n months=$months seed=${GAZETTE_BENCH_SEED:-1}"
  if [ -d "$dir" ] && [ -f "$dir.stamp" ] && [ "$(cat "$dir.stamp")" = "$want" ]; then
    say "reusing $dir ($n articles)"; return
  fi
  say "generating $dir: $n articles in $months month folders (nice, $(nproc) workers)"
  rm -rf "$dir" "$dir.stamp" "$dir.manifest.json"
  nice -n 10 python3 "$ROOT/bench/huge.py" "$dir" "$n" --months "$months" --seed "${GAZETTE_BENCH_SEED:-1}" >&2
  printf '%s' "$want" > "$dir.stamp"
}
# manifest DIR KEY...: a value of DIR.manifest.json (keys of nested objects in turn)
manifest() { python3 -c 'import json,sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2:]: v = v[k]
print(v)' "${1%/}.manifest.json" "${@:2}"; }

# small_folder DIR: the 10-article folder the first screen is compared with (bench/generate.py)
small_folder() {
  [ -f "$1/.done" ] && return
  rm -rf "$1"; python3 "$ROOT/bench/generate.py" "$1" 10 --seed "${GAZETTE_BENCH_SEED:-1}" 2>/dev/null; touch "$1/.done"
}

warm() { find "$1" -type f -print0 | xargs -0 cat > /dev/null; }

# elapsed CMD...: wall seconds of one run, output discarded; "n/a (exit N)" for a status over 1
elapsed() {
  local t0 t1 rc=0
  t0=$(date +%s.%N); "$@" > /dev/null 2>&1 || rc=$?; t1=$(date +%s.%N)
  if [ $rc -gt 1 ]; then echo "n/a (exit $rc)"; else printf '%.4f\n' "$(echo "$t1 - $t0" | bc)"; fi
}
# median_of RUNS CMD...: the median of RUNS runs of elapsed (no warm-up: the callers warm the cache)
median_of() {
  local runs=$1 i v vals=(); shift
  for ((i = 0; i < runs; i++)); do
    v=$(elapsed "$@"); case $v in n/a*) echo "$v"; return;; esac; vals+=("$v")
  done
  python3 -c 'import sys,statistics; print("%.4f" % statistics.median(float(x) for x in sys.argv[1:]))' "${vals[@]}"
}
# timed_peak CMD...: "SECONDS KIB" of one run (/usr/bin/time -v: wall clock and maximum resident set)
timed_peak() {
  /usr/bin/time -v "$@" > /dev/null 2> "$WORK/time.txt" || true
  awk -F': ' '/Exit status/ && $2 > 1 {bad = $2}
    /Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]}
    /Maximum resident set size/ {kb = $2}
    END {if (bad) print "n/a (exit " bad ")", "n/a"; else printf "%.4f %s\n", s, kb}' "$WORK/time.txt"
}

# screen TIMEOUT HOLD EXPECT CMD...: one first-screen run in tmux (bench/screen.py), its JSON line
# With SETTLE=1, the memory is read HOLD s after the reader's status line stops saying "indexing".
screen() {
  local timeout=$1 hold=$2 expect=$3 settle=(); shift 3
  [ "${SETTLE:-0}" = 1 ] && settle=(--settle indexing)
  python3 "$ROOT/bench/screen.py" --socket "$SOCK" --expect "$expect" --timeout "$timeout" --hold "$hold" "${settle[@]}" -- "$@"
}
jget() { python3 -c 'import json,sys; o=json.loads(sys.argv[1]); v=o.get(sys.argv[2]); print("" if v is None else v)' "$1" "$2"; }
shot() { # JSON FIELD: the field, or "n/a (why)"
  if [ "$(jget "$1" ok)" = True ]; then jget "$1" "$2"; else echo "n/a ($(jget "$1" reason))"; fi
}
# first_title FILE: the title gazette sees, from toc --json on a copy alone in a folder
first_title() {
  local d=$WORK/first.$RANDOM; mkdir -p "$d"; cp "$1" "$d/"
  "$BIN" toc --json "$d/$(basename "$1")" 2>/dev/null | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["title"])'
}
# first_file DIR: the article the reader opens first (its first in walk order), from chain --json
first_file() {
  find "$1" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -not -path '*/.*' | LC_ALL=C sort | awk 'NR == 1'
}

# search_hits DIR QUERY: how many articles `gazette search` finds (JSON lines; it gives at most 10,000
# a query, so each top-level folder, a year, is asked on its own and the counts added)
search_hits() {
  local dir=$1 q=$2 total=0 n sub subs=()
  while IFS= read -r sub; do subs+=("$sub"); done < <(find "$dir" -mindepth 1 -maxdepth 1 -type d -not -name '.*' | LC_ALL=C sort)
  [ ${#subs[@]} -gt 0 ] || subs=("$dir")
  for sub in "${subs[@]}"; do
    n=$("$BIN" search --json --limit 10000 "$q" "$sub" 2>/dev/null | grep -c '^{' || true)
    total=$((total + n))
  done
  echo "$total"
}
rg_hits() { rg -li -- "$2" "$1" 2>/dev/null | grep -c . || true; }

cleanup_tmux() {
  tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
  rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCK"
}

# ROWS: figure, gazette, unit, reference, reference label, target kind (ratio|abs|info|check), target
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$ROWS"; }

# print_table TITLE: the rows as a Markdown table with ratios and targets met or NOT met
print_table() {
  python3 - "$ROWS" "$1" <<'EOF'
import sys
rows_file, title = sys.argv[1:3]
def num(v):
    try: return float(v)
    except ValueError: return None
def show(v, unit):
    x = num(v)
    if x is None: return v if v else "—"
    if unit == "s": return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s"
    if unit == "KiB": return f"{x / 1024:.1f} MiB"
    if unit == "ms": return f"{x:.2f} ms"
    return f"{v} {unit}".strip()
out = []
for line in open(rows_file, encoding="utf-8"):
    fig, g, unit, ref, label, kind, target = line.rstrip("\n").split("\t")
    gx, rx = num(g), num(ref)
    ratio = f"{gx / rx:.2f}×" if gx is not None and rx not in (None, 0) else "—"
    if kind == "ratio":
        t = float(target); tshow = f"≤ {t:g}× ref"
        met = "n/a" if gx is None or rx in (None, 0) else ("met" if gx / rx <= t else "NOT met")
    elif kind == "abs":
        t = float(target)
        tshow = "≤ " + {"s": f"{t:g} s", "KiB": f"{t / 1024:g} MiB", "ms": f"{t:g} ms"}.get(unit, target)
        met = "n/a" if gx is None else ("met" if gx <= t else "NOT met")
    elif kind == "check":
        tshow = f"= {target}"; met = "n/a" if gx is None else ("met" if gx == float(target) else "NOT met")
    else:
        tshow, met = "(comparison)", "—"
    refcell = f"{show(ref, unit)} ({label})" if label else "—"
    out.append([fig, show(g, unit), refcell, ratio, tshow, met])
head = ["figure", "gazette", "reference", "ratio", "target", "met?"]
w = [max(len(r[i]) for r in out + [head]) for i in range(6)]
print(f"\n{title}\n")
print("| " + " | ".join(h.ljust(w[i]) for i, h in enumerate(head)) + " |")
print("|" + "|".join("-" * (w[i] + 2) for i in range(6)) + "|")
for r in out:
    print("| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |")
EOF
}

# add_five_remove_one DIR CACHE ENV...: the "done when" change — 3 articles with a planted word added to
# the last month folder and 2 to a new month (2099/12), counted (GOT5), one removed, then the first query
# that sees it timed (T_Q, run under ENV...) and the rest counted (GOT4). ADDED lists what to delete.
add_five_remove_one() {
  local dir=$1 cache=$2 last_month new_month k d f; shift 2
  last_month=$(find "$dir" -mindepth 2 -maxdepth 2 -type d -not -path '*/.*' | LC_ALL=C sort | tail -1)
  new_month=$dir/2099/12; mkdir -p "$new_month"; ADDED=("$dir/2099")
  for k in 1 2 3 4 5; do
    d=$last_month; [ $k -gt 3 ] && d=$new_month
    f=$d/zz-added-$k.txt; ADDED+=("$f")
    printf 'Added article %s\n\n-\n\nThe vexillarium of the week, number %s, arrived late.\n\n-\n\nPREV none %s\nNEXT none %s' "$k" "$k" "$k" "$k" > "$f"
  done
  GOT5=$(XDG_CACHE_HOME=$cache search_hits "$dir" vexillarium)
  rm -f "$last_month/zz-added-1.txt"
  T_Q=$(elapsed "$@" "$BIN" search vexillarium "$dir")   # the first query after the change: it is the one that sees it
  GOT4=$(XDG_CACHE_HOME=$cache search_hits "$dir" vexillarium)
}
