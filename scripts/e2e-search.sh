# Sourced by e2e.sh: searching every article, from the command line and in the reader (tmux).
# The index goes to this part's own cache folder.
sock="gz-e2e-search-$$"
tm() { tmux -L "$sock" "$@"; }
qpane() { tm capture-pane -p -t "$1" 2>/dev/null; }
qexpect() { local name=$1 session=$2; shift 2; if "$@"; then ok "$name"; else bad "$name" "$(qpane "$session")"; fi; }
export XDG_CACHE_HOME="$work/search-cache"

lib="$work/library"
mkdir -p "$lib"
body="The committee will publish its findings next month, after hearing from residents on both sides of the river."
{ printf 'Sourdough returns to the harbour bakery\n\n-\n\n%s\n\nOvens and starters\n\n' "$body"
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do printf 'Paragraph %s about bread. %s\n\n' "$i" "$body"; done
  printf 'The starter is forty years old and the bakers feed the sourdough every morning before dawn.\n\n'
  printf 'Sourdough again, later in the same section, for n to find.\n\n-\n\nNEXT Market stalls reopen\n'; } > "$lib/01_bakery.txt"
{ printf 'Market stalls reopen\n\n-\n\nAmong the cheese stalls one sells sourdough from the hills; the café sells crème brûlée.\n\n'
  printf -- '-\n\nPREV Sourdough returns to the harbour bakery\n'; } > "$lib/02_market.txt"
{ printf '東京都の新しい図書館\n\n-\n\n東京都は新しい図書館を開館した。蔵書は二十万冊である。\n\n-\n'; } > "$lib/03_tokyo.txt"
printf '\x00\x01\x02binary\x00' > "$lib/04_binary.txt"

out=$("$bin" search sourdough "$lib" 2>"$work/search.err"); rc=$?
check "search: exit 0 with results" test "$rc" -eq 0
check "search: the article that uses the word most (and in its title) ranks first" \
  bash -c '[ "$(printf "%s\n" "$1" | head -1 | cut -f1)" = "$2/01_bakery.txt" ]' _ "$out" "$lib"
check "search: a bad file is skipped with its reason on stderr" grep -q "04_binary.txt: skipped, it looks like binary" "$work/search.err"
json=$("$bin" search 'creme brulee' "$lib" --json 2>/dev/null)
check "search --json: the fields, accents folded" python3 -c '
import json, sys
hit = json.loads(sys.argv[1].splitlines()[0])
assert list(hit) == ["file", "title", "section", "snippet", "offset", "score"], list(hit)
assert hit["file"].endswith("02_market.txt") and "crème brûlée" in hit["snippet"], hit' "$json"
offset=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["offset"])' "$(printf '%s\n' "$json" | head -1)")
check "search --json: offset points at the match in dump --width 0" \
  bash -c '"$1" dump --width 0 "$2" | tail -c +$(($3 + 1)) | head -c 6 | grep -qx "crème"' _ "$bin" "$lib/02_market.txt" "$offset"
check "search: a CJK substring" bash -c '"$1" search 図書 "$2" | grep -q 03_tokyo' _ "$bin" "$lib"
"$bin" search zzzqqqxxx "$lib" >/dev/null 2>&1; rc=$?
check "search: exit 1 with no results" test "$rc" -eq 1
"$bin" search -- '-sourdough' "$lib" >/dev/null 2>"$work/search.err"; rc=$?
check "search: only exclusions is a usage error (exit 2) with a reason" \
  bash -c '[ "$1" -eq 2 ] && grep -q "every word is excluded" "$2"' _ "$rc" "$work/search.err"
"$bin" search 'NEAR( "AND ^ * ) OR' "$lib" >/dev/null 2>"$work/search.err"; rc=$?
check "search: FTS5 syntax in a query is only text (no SQL error)" \
  bash -c '[ "$1" -le 1 ] && ! grep -qi "sql\|fts5" "$2"' _ "$rc" "$work/search.err"
"$bin" search sourdough "$lib" --limit 9223372036854775807 >/dev/null 2>"$work/search.err"; rc=$?
check "search: a huge --limit is a usage error, not a crash" bash -c '[ "$1" -eq 2 ] && grep -q "limit" "$2"' _ "$rc" "$work/search.err"
evil="$work/evil"; mkdir -p "$evil"
printf 'Escapes in a name\n\n-\n\nA zebra crossing.\n' > "$evil/$(printf 'a\033[31mred.txt')"
out=$("$bin" search zebra "$evil" 2>/dev/null)
check "search: a file name's escape never reaches the terminal" bash -c '! printf "%s" "$1" | grep -q $'"'"'\033'"'"' && printf "%s" "$1" | grep -q "red.txt"' _ "$out"
printf '\xff\xfe broken index' > "$XDG_CACHE_HOME/gazette/search.sqlite"
rm -f "$XDG_CACHE_HOME/gazette/search.sqlite-wal" "$XDG_CACHE_HOME/gazette/search.sqlite-shm"
out=$("$bin" search sourdough "$lib" 2>"$work/search.err"); rc=$?
check "search: a damaged index is said and built again" \
  bash -c '[ "$1" -eq 0 ] && grep -q "damaged" "$2"' _ "$rc" "$work/search.err"

if command -v tmux >/dev/null 2>&1; then
  tm new-session -d -s keep "sleep 600"
  tm new-session -d -s find -x 100 -y 24 -e LANG=C.UTF-8 -e TERM=screen -e XDG_CACHE_HOME="$XDG_CACHE_HOME" \
    "'$bin' --from-start '$lib'; echo \"EXIT=\$?\"; sleep 60"
  pane_wait "$sock" find "Sourdough returns" >/dev/null
  tm send-keys -t find s
  qexpect "reader: s opens the collection search prompt" find pane_wait "$sock" find "search all:"
  tm send-keys -t find "sourdough" Enter
  qexpect "reader: the results list the articles with the word" find pane_wait "$sock" find "Market stalls reopen —"
  qexpect "reader: a result says where it is: its section and its file's name (issue 20)" find bash -c "
    tmux -L '$sock' capture-pane -p -t find | grep 'Sourdough returns' | grep '› Ovens' | grep -q '01_bakery.txt'"
  qexpect "reader: ... the article using it most first" find bash -c "
    tmux -L '$sock' capture-pane -p -t find | grep -A2 '“sourdough”' | sed -n 3p | grep -q 'Sourdough returns'"
  tm send-keys -t find Down Enter
  qexpect "reader: Enter opens the hit at its match, with the search on" find pane_wait "$sock" find "match 1/2"
  tm send-keys -t find BSpace
  qexpect "reader: Back returns to the results" find pane_wait "$sock" find "“sourdough”: 2 articles"
  tm send-keys -t find Up Enter
  qexpect "reader: the first hit lands at its match in its section (not on the title)" find pane_wait "$sock" find "match 2/3"
  tm send-keys -t find n
  qexpect "reader: n goes on to the next match" find pane_wait "$sock" find "match 3/3"
  tm resize-window -t find -x 70 -y 20 2>/dev/null || tm resize-pane -t find -x 70 -y 20
  tm send-keys -t find Escape l / "bread"
  qexpect "reader: the list filter finds bodies too (≈)" find bash -c "
    for i in \$(seq 1 100); do tmux -L '$sock' capture-pane -p -t find | grep '≈' | grep -q 'Sourdough returns' && exit 0; sleep 0.05; done; exit 1"
  tm send-keys -t find Escape Escape q
  qexpect "reader: q exits 0" find pane_wait "$sock" find "EXIT=0"
  tm kill-server 2>/dev/null
fi
