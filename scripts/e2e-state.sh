# Sourced by e2e.sh: reading state that survives a sitting, in the real reader in tmux.
# Each part has a state folder of its own under $work (never ~/.local/state).
sock="gz-e2e-state-$$"
tm() { tmux -L "$sock" "$@"; }
spane() { tm capture-pane -p -t "$1" 2>/dev/null; }
sexpect() { local name=$1 session=$2; shift 2; if "$@"; then ok "$name"; else bad "$name" "$(spane "$session")"; fi; }

para="The harbour board met on Tuesday evening to discuss the night service in detail, and several members asked for more time to read the report before any vote."
mkdir -p "$work/resume"
{ printf 'Ferries keep their old timetable\n\n%s\n\nWhat changes\n\n' "$para"
  for i in 1 2 3 4 5 6; do printf 'Paragraph %s of the first article. %s\n\n' "$i" "$para"; done
  printf -- '-\n\nNEXT Lighthouse keepers write a history\n'; } > "$work/resume/01_ferries.txt"
{ printf 'Lighthouse keepers write a history\n\n%s\n\nThe first keepers\n\n' "$para"
  for i in 1 2 3 4 5 6 7 8; do printf 'Paragraph %s of the second article. %s\n\n' "$i" "$para"; done
  printf 'The last keepers\n\n'
  for i in 9 10 11 12 13 14 15 16 17 18; do printf 'Paragraph %s of the second article. %s\n\n' "$i" "$para"; done
  printf -- '-\n\nPREV Ferries keep their old timetable\n'; } > "$work/resume/02_lighthouse.txt"

if command -v tmux >/dev/null 2>&1; then
  # A session that outlives the readers: killing the last one makes the server exit, and a
  # session started in that moment fails with "server exited unexpectedly".
  tm new-session -d -s keep "sleep 600"
  state="$work/state-resume"
  reader() { # SESSION WIDTH ARGS...: the reader in a fresh session with this part's state folder
    local s=$1 w=$2; shift 2
    tm new-session -d -s "$s" -x "$w" -y 24 -e LANG=C.UTF-8 -e TERM=screen -e XDG_STATE_HOME="$state" \
      "'$bin' $* '$work/resume'; echo \"EXIT=\$?\"; sleep 60"
  }
  reader first 80
  sexpect "state: a folder read for the first time opens on its first article" first pane_wait "$sock" first "Ferries keep their old timetable"
  tm send-keys -t first n
  sexpect "state: n opens the second article" first pane_wait "$sock" first "chain 2/2"
  tm send-keys -t first ']' ']' j j
  pane_wait "$sock" first "§ 3/3 The last keepers" >/dev/null
  top=$(spane first | sed -n 2p)
  tm send-keys -t first q
  sexpect "state: q exits 0" first pane_wait "$sock" first "EXIT=0"
  tm kill-session -t first

  reader again 80
  sexpect "state: reopening the folder opens the article last read" again pane_wait "$sock" again "Lighthouse keepers write a history"
  sexpect "state: ... at the same place (the same top line)" again bash -c "
    for i in \$(seq 1 100); do [ \"\$(tmux -L '$sock' capture-pane -p -t again | sed -n 2p)\" = '$top' ] && exit 0; sleep 0.05; done; exit 1"
  # A bookmark says where it is: its section and its file's name (issue 20).
  tm send-keys -t again m A B
  sexpect "state: the bookmarks list opens" again pane_wait "$sock" again "Bookmarks (1)"
  sexpect "state: ... and a bookmark names its section and its file" again bash -c "
    tmux -L '$sock' capture-pane -p -t again | grep 'A  Lighthouse' | grep '› The last keepers' | grep -q '02_lighthouse.txt'"
  tm send-keys -t again Escape q
  pane_wait "$sock" again "EXIT=0" >/dev/null
  tm kill-session -t again

  reader narrow 60
  sexpect "state: at another width, the same place by its text" narrow bash -c "
    for i in \$(seq 1 100); do tmux -L '$sock' capture-pane -p -t narrow | sed -n 2,4p | tr -d ' ' | grep -qF \"\$(printf '%s' '$top' | tr -d ' ' | cut -c1-12)\" && exit 0; sleep 0.05; done; exit 1"
  tm send-keys -t narrow q
  pane_wait "$sock" narrow "EXIT=0" >/dev/null
  tm kill-session -t narrow

  # Two readers and `gazette unread` on the same folder at once: no "database is locked".
  reader one 80
  reader two 80
  pane_wait "$sock" one "Lighthouse keepers" >/dev/null
  pane_wait "$sock" two "Lighthouse keepers" >/dev/null
  tm send-keys -t one j j j
  tm send-keys -t two k k k
  errs=$(for i in 1 2 3 4 5; do XDG_STATE_HOME="$state" "$bin" unread "$work/resume" 2>&1 >/dev/null; done)
  check "state: two readers and gazette unread at once, no error" test -z "$errs"
  tm send-keys -t one q
  tm send-keys -t two q
  sexpect "state: ... both readers quit cleanly" two bash -c "for i in \$(seq 1 100); do
    tmux -L '$sock' capture-pane -p -t one | grep -q EXIT=0 && tmux -L '$sock' capture-pane -p -t two | grep -q EXIT=0 && exit 0
    sleep 0.05; done; exit 1"
  tm kill-session -t one; tm kill-session -t two

  reader fresh 80 --from-start
  sexpect "state: --from-start opens the folder's first article" fresh pane_wait "$sock" fresh "Ferries keep their old timetable"
  tm send-keys -t fresh q
  tm kill-session -t fresh 2>/dev/null

  out=$(XDG_STATE_HOME="$state" "$bin" unread --json "$work/resume")
  check "state: gazette unread lists both articles, the second started" python3 -c '
import json,sys; rows=[json.loads(l) for l in sys.argv[1].splitlines()]
assert [r["file"].split("/")[-1] for r in rows]==["01_ferries.txt","02_lighthouse.txt"], rows
assert rows[1]["progress"]>0 and rows[1]["title"]=="Lighthouse keepers write a history", rows' "$out"
  XDG_STATE_HOME="$state" "$bin" mark --read "$work/resume/01_ferries.txt"
  out=$(XDG_STATE_HOME="$state" "$bin" unread "$work/resume")
  check "state: gazette mark --read takes an article off the unread list" bash -c "[ \$(printf '%s\n' \"\$1\" | grep -c .) -eq 1 ] && printf '%s' \"\$1\" | grep -q 02_lighthouse" _ "$out"

  # A damaged database: moved aside, a fresh one made, one line said.
  mkdir -p "$work/state-bad/gazette"
  head -c 20000 /dev/urandom > "$work/state-bad/gazette/state.sqlite"
  state="$work/state-bad"
  reader bad 80
  sexpect "state: a damaged database is replaced and the reader says so" bad pane_wait "$sock" bad "was damaged"
  tm send-keys -t bad q
  pane_wait "$sock" bad "EXIT=0" >/dev/null
  check "state: ... the damaged file is kept aside" bash -c "ls '$work/state-bad/gazette/' | grep -q '^state.sqlite.corrupt-'"

  # A database from a newer Gazette (a migration this one does not know): left as it is, nothing kept.
  mkdir -p "$work/state-newer/gazette"
  python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA journal_mode=WAL")
c.execute("CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
c.executemany("INSERT INTO grdb_migrations VALUES (?)", [("v1",), ("v2-from-the-future",)]); c.commit()' \
    "$work/state-newer/gazette/state.sqlite"
  before=$(sha256sum < "$work/state-newer/gazette/state.sqlite")
  state="$work/state-newer"
  reader newer 80
  sexpect "state: a newer schema: the reader says why nothing is kept" newer pane_wait "$sock" newer "newer Gazette"
  tm send-keys -t newer q
  pane_wait "$sock" newer "EXIT=0" >/dev/null
  check "state: ... and leaves that database as it was" test "$(sha256sum < "$work/state-newer/gazette/state.sqlite")" = "$before"

  # A state folder that cannot be made (XDG_STATE_HOME under a file): the reader works and says so.
  state="$work/resume/01_ferries.txt"
  reader nostate 80
  sexpect "state: an unusable state folder: the reader says nothing will be kept" nostate \
    pane_wait "$sock" nostate "not keeping reading state"
  tm send-keys -t nostate j q
  sexpect "state: ... and still reads and quits cleanly" nostate pane_wait "$sock" nostate "EXIT=0"
  tm kill-server 2>/dev/null
fi
