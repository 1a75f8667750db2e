# Sourced by e2e.sh: the reader draws every script and emoji sequence as `cat` of the same file
# draws it in the same terminal. scripts/fixtures/clusters.txt has one short labelled line per
# case ("Hindi: ... end"); at each size, a reader pane and a cat pane (private tmux server,
# LANG=C.UTF-8, TERM=screen) must show each labelled line alike. A dropped spacing vowel, a
# flag cut in half or a width the model and the terminal disagree on shows as a difference.
# Uses $bin, $here, ok/bad and pane_wait from e2e.sh.
csock="gz-e2e-clusters-$$"
ctm() { tmux -L "$csock" "$@"; }
cfixture="$here/fixtures/clusters.txt"
clast=$(grep -E '^[A-Za-z0-9]+: ' "$cfixture" | tail -1 | cut -d: -f1)

# cl_diff READER CAT: the labelled lines of the CAT capture that READER shows differently (the
# reader indents its column, so lines compare without their leading spaces). Prints nothing, and
# succeeds, when every labelled line READER shows is right; fails if none is shown.
cl_diff() {
  python3 - "$1" "$2" <<'PY'
import re, sys
label = re.compile(r"^\s*([A-Za-z0-9]+): ")
def labelled(path):
    lines = {}
    for line in open(path, encoding="utf-8"):
        m = label.match(line)
        if m: lines[m.group(1)] = line.strip()
    return lines
reader, cat = labelled(sys.argv[1]), labelled(sys.argv[2])
shown = [k for k in reader if k in cat]  # the reader's own "PREV: ..." lines are not the file's
wrong = [k for k in shown if reader[k] != cat[k]]
for k in wrong: print(f"{k}:\n  reader {reader[k]!r}\n  cat    {cat[k]!r}")
sys.exit(1 if wrong or not shown else 0)
PY
}

# cl_page SESSION OUT: poll the reader pane until every labelled line on it matches cat's (the
# last draw may still be arriving), up to 5 s; leaves the last capture in OUT.
cl_page() {
  local session=$1 out=$2 start=$SECONDS
  while :; do
    ctm capture-pane -p -t "$session" > "$out" 2>/dev/null
    cl_diff "$out" "$work/clusters-cat.txt" > /dev/null && return 0
    [ $((SECONDS - start)) -ge 5 ] && return 1
    sleep 0.1
  done
}

if command -v tmux >/dev/null 2>&1 && [ -f "$cfixture" ]; then
  for size in 100x30 60x30; do
    w=${size%x*}; h=${size#*x}
    # The cat pane is tall enough for the whole file; the reader shows it in two pages.
    # Sessions are named per size and the server is killed once, at the end: a new server
    # started right after the last one was killed can race with its exit.
    cs="cat$w" rs="rd$w"
    ctm new-session -d -s "$cs" -x "$w" -y 60 -e LANG=C.UTF-8 -e TERM=screen "cat '$cfixture'; sleep 60"
    ctm new-session -d -s "$rs" -x "$w" -y "$h" -e LANG=C.UTF-8 -e TERM=screen "'$bin' --from-start '$cfixture'; sleep 60"
    if pane_wait "$csock" "$cs" "$clast: " && pane_wait "$csock" "$rs" "Thai: "; then
      ctm capture-pane -p -t "$cs" > "$work/clusters-cat.txt"
      cl_page "$rs" "$work/clusters-1.txt"
      ctm send-keys -t "$rs" ' '
      pane_wait "$csock" "$rs" "$clast: " >/dev/null
      cl_page "$rs" "$work/clusters-2.txt"
      cat "$work/clusters-1.txt" "$work/clusters-2.txt" > "$work/clusters-reader.txt"
      missing=$(grep -oE '^[A-Za-z0-9]+: ' "$work/clusters-cat.txt" | while read -r l; do
        grep -qE "^ *$l" "$work/clusters-reader.txt" || printf '%s ' "$l"; done)
      diff=$(cl_diff "$work/clusters-1.txt" "$work/clusters-cat.txt"; r1=$?
             cl_diff "$work/clusters-2.txt" "$work/clusters-cat.txt"; [ $r1 -eq 0 ] && [ $? -eq 0 ])
      if [ $? -eq 0 ] && [ -z "$missing" ]; then
        ok "$size: every labelled line of the clusters fixture is drawn as cat draws it"
      else
        bad "$size: every labelled line of the clusters fixture is drawn as cat draws it" \
          "$diff${missing:+
not shown by the reader: $missing}"
      fi
    else
      bad "$size: the clusters fixture shows in the reader and in cat" "$(ctm capture-pane -p -t "$rs")"
    fi
    ctm send-keys -t "$rs" q
  done
  ctm kill-server 2>/dev/null
fi
