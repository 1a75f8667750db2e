# Sourced by e2e.sh: a nested archive (issue 21, item 1), year/month folders as a scraper writes
# them. The commands read the subfolders (hidden ones and loops left out), chains cross months,
# --no-recurse and --depth keep to the folder, and the reader's list says each article's folder.
arc="$work/archive"
mkdir -p "$arc/2025/12" "$arc/2026/01" "$arc/2026/02" "$arc/.drafts"
nmk() { # path title prev next body
  { printf '%s\n\n-\n\n%s\n\n-\n\n' "$2" "$5"
    [ -n "$3" ] && printf 'PREV %s\n' "$3"
    [ -n "$4" ] && printf 'NEXT %s\n' "$4"
  } > "$arc/$1"
}
nmk 2025/12/ferry.txt "Ferry timetable for the winter" "" "Ferry strike begins" "The winter timetable starts on Monday."
nmk 2026/01/ferry.txt "Ferry strike begins" "Ferry timetable for the winter" "Ferry strike ends" "The crews walked out at dawn."
nmk 2026/02/ferry.txt "Ferry strike ends" "Ferry strike begins" "" "The crews are back; the island is reached again."
nmk index.txt "Harbour archive" "" "" "What this archive holds."
nmk .drafts/ferry.txt "A draft never published" "" "" "Not for readers."
ln -s .. "$arc/2026/up"   # a loop: said once, never followed round

out=$("$bin" chain --json "$arc" 2>"$work/nested-chain.err"); rc=$?
check "nested: chain --json follows the chain across month folders, head to tail" python3 -c '
import json, sys
chains = [json.loads(l) for l in sys.argv[1].splitlines()]
files = [[f[len(sys.argv[2]) + 1:] for f in c["files"]] for c in chains]
assert files == [["2025/12/ferry.txt", "2026/01/ferry.txt", "2026/02/ferry.txt"], ["index.txt"]], files
assert chains[0]["dangling_prev"] is None and chains[0]["dangling_next"] is None, chains[0]' "$out" "$arc"
check "nested: chain exits 0 and says the loop once on stderr (the hidden folder is not read)" bash -c '
  [ "$1" -eq 0 ] && [ "$(grep -c "2026/up: folder not read, it leads back to a folder it is in (a loop)" "$2")" -eq 1 ] &&
  [ "$(wc -l < "$2")" -eq 1 ] && ! grep -q draft "$2"' _ "$rc" "$work/nested-chain.err"
out=$("$bin" toc "$arc" 2>/dev/null)
check "nested: toc lists every month's article in path order, with its folder" bash -c '
  [ "$(grep -o "^[A-Z][^(]*(.*)" <<< "$1" | sed "s/.*(//; s/)$//; s|^$2/||" | tr "\n" " ")" = "2025/12/ferry.txt 2026/01/ferry.txt 2026/02/ferry.txt index.txt " ] &&
  grep -q "NEXT: Ferry strike ends → $2/2026/02/ferry.txt" <<< "$1"' _ "$out" "$arc"
out=$("$bin" chain --no-recurse "$arc" 2>&1)
check "nested: chain --no-recurse reads the folder alone (no loop to say)" bash -c '
  grep -q "Harbour archive" <<< "$1" && ! grep -q "Ferry" <<< "$1" && ! grep -q loop <<< "$1"' _ "$out"
out=$("$bin" toc --depth 1 "$arc" 2>&1)
check "nested: toc --depth 1 stops a folder down (the months are two down)" bash -c '
  grep -q "Harbour archive" <<< "$1" && ! grep -q "Ferry" <<< "$1"' _ "$out"
"$bin" toc --depth -1 "$arc" > /dev/null 2>&1; rc=$?
check "nested: --depth -1 is a usage error (exit 2)" test "$rc" -eq 2
"$bin" check "$arc" > "$work/nested-check.out" 2>&1; rc=$?
check "nested: check reads all four articles, finds nothing, and says the loop on stderr (not a finding)" bash -c '
  [ "$1" -eq 0 ] && grep -q "^4 articles checked, 0 findings" "$2" && grep -q "a loop" "$2"' _ "$rc" "$work/nested-check.out"
out=$(XDG_CACHE_HOME="$work/nested-cache" "$bin" search 'island' "$arc" 2>/dev/null); rc=$?
check "nested: search finds the article in its month folder, shown as typed" bash -c '
  [ "$1" -eq 0 ] && [ "$(head -1 <<< "$2" | cut -f1)" = "$3/2026/02/ferry.txt" ] && [ "$(grep -c ferry.txt <<< "$2")" -eq 1 ]' _ "$rc" "$out" "$arc"
out=$(XDG_CACHE_HOME="$work/nested-cache" "$bin" search --no-recurse 'island' "$arc" 2>/dev/null); rc=$?
check "nested: search --no-recurse leaves the months out (exit 1)" test "$rc" -eq 1
out=$("$bin" unread "$arc" 2>/dev/null)
check "nested: unread lists the articles of every month" bash -c '[ "$(grep -c ferry.txt <<< "$1")" -eq 3 ]' _ "$out"

# The reader's list: each row ends with its folder, so the three ferry.txt differ.
nsock="gz-e2e-nested-$$"
if command -v tmux >/dev/null 2>&1; then
  tmux -L "$nsock" new-session -d -s nested -x 90 -y 20 -e LANG=C.UTF-8 -e TERM=screen \
    "'$bin' --from-start '$arc' 2>/dev/null; echo \"EXIT=\$?\"; sleep 60"
  nexpect() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name" "$(tmux -L "$nsock" capture-pane -p -t nested)"; fi; }
  nexpect "nested reader: opens on the first article by path (2025/12)" pane_wait "$nsock" nested "Ferry timetable for the winter"
  nexpect "nested reader: the chain crosses the months" pane_wait "$nsock" nested "chain 1/3"
  tmux -L "$nsock" send-keys -t nested l
  nexpect "nested reader: the list is open" pane_wait "$nsock" nested "Articles (4)"
  nexpect "nested reader: each row ends with its folder" bash -c '
    for i in $(seq 1 100); do
      p=$(tmux -L "$1" capture-pane -p -t nested)
      grep -qE "Ferry timetable for the winter +2025/12 *$" <<< "$p" && grep -qE "Ferry strike begins +2026/01 *$" <<< "$p" &&
        grep -qE "Ferry strike ends +2026/02 *$" <<< "$p" && grep -qE "Harbour archive *$" <<< "$p" && exit 0
      sleep 0.05
    done; exit 1' _ "$nsock"
  tmux -L "$nsock" send-keys -t nested / 2026/02 Enter
  nexpect "nested reader: the filter narrows by folder" pane_wait "$nsock" nested "Articles matching “2026/02”: 1 of 4"
  tmux -L "$nsock" send-keys -t nested q q
  nexpect "nested reader: q leaves" pane_wait "$nsock" nested "EXIT=0"
  tmux -L "$nsock" kill-server 2>/dev/null
fi
