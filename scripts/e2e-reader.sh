# Sourced by e2e.sh: drives the real reader in tmux on $work/articles.
# A private tmux server (-L), LANG=C.UTF-8, TERM=screen, 80x24, and polling of the
# pane for what should appear (never a fixed sleep as the test itself).
sock="gz-e2e-$$"
tm() { tmux -L "$sock" "$@"; }
pane() { tm capture-pane -p -t e2e 2>/dev/null; }
# wait_for_in SESSION TEXT [SECONDS]: poll a pane of this part's server; wait_for: the main pane.
wait_for_in() { pane_wait "$sock" "$@"; }
wait_for() { wait_for_in e2e "$@"; }
# wait_row N TEXT: poll until row N (0-based) starts with TEXT.
wait_row() {
  local row=$1 text=$2 start=$SECONDS
  while [ $((SECONDS - start)) -lt 10 ]; do
    case "$(pane | sed -n "$((row + 1))p")" in "$text"*) return 0 ;; esac
    sleep 0.05
  done
  return 1
}
expect() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name" "$(pane)"; fi; }

if ! command -v tmux >/dev/null 2>&1; then
  bad "tmux is installed (make test installs it)"
else
  tm new-session -d -s e2e -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen \
    "printf 'SHELL-BEFORE\n'; '$bin' --from-start '$work/articles'; echo \"EXIT=\$?\"; sleep 60"
  expect "the reader shows the first article's title" wait_for "Harbour trams return at night"
  expect "the title bar shows the place in the chain" wait_for "chain 1/3"
  # The folder's binary file is said once in the status line (issue 20); the next key clears it.
  expect "the status line says the binary file was skipped" wait_for "04_image.txt: skipped, it looks like binary"
  tm send-keys -t e2e C-l
  expect "the status line names the section" wait_for "§ 1/3 Beginning"
  tm send-keys -t e2e ']'
  expect "] moves the next heading to the top" wait_row 1 " § Why the service came back"
  expect "the status line follows the section" wait_for "§ 2/3 Why the service came back"
  tm send-keys -t e2e 't'
  expect "t shows the outline" wait_for "Outline — Enter jumps, Esc closes"
  expect "the outline lists the headings" wait_for "3. What riders can expect"
  tm send-keys -t e2e Escape
  expect "Esc closes the outline" bash -c "! tmux -L '$sock' capture-pane -p -t e2e | grep -qF 'Outline —' || { sleep 0.5; ! tmux -L '$sock' capture-pane -p -t e2e | grep -qF 'Outline —'; }"
  tm send-keys -t e2e 'n'
  expect "n opens the article NEXT names" wait_for "Il mercato riapre sul tetto"
  expect "... and it is 2/3 in the chain" wait_for "chain 2/3"
  tm send-keys -t e2e 'n'
  expect "n again reaches the Japanese article (CRLF file)" wait_for "金沢の路地に活版印刷所が復活"
  tm send-keys -t e2e 'n'
  expect "past the chain's end, the status line says so" wait_for "is not in this collection"
  tm send-keys -t e2e 'p'
  expect "p comes back" wait_for "chain 2/3"
  tm send-keys -t e2e 'p'
  expect "p again returns to the first article" wait_for "chain 1/3"
  long_line=$(pane | sed -n 4p)
  tm resize-window -t e2e -x 50 -y 16
  expect "a resize re-wraps to the new width" bash -c '
    for i in $(seq 1 100); do
      p=$(tmux -L "'"$sock"'" capture-pane -p -t e2e)
      w=$(printf "%s\n" "$p" | python3 -c "import sys; print(max(len(l.rstrip()) for l in sys.stdin))")
      if [ "$(printf "%s\n" "$p" | wc -l)" -le 16 ] && [ "$w" -le 50 ] && printf "%s" "$p" | grep -q "chain 1/3"; then exit 0; fi
      sleep 0.05
    done; exit 1'
  tm resize-window -t e2e -x 12 -y 4
  expect "a tiny window says it is too small" wait_for "Too small"
  tm resize-window -t e2e -x 80 -y 24
  expect "it recovers when the window grows" wait_for "chain 1/3"
  tm send-keys -t e2e 'q'
  expect "q exits with status 0" wait_for "EXIT=0"
  expect "the screen is restored (the shell's text is back)" bash -c "tmux -L '$sock' capture-pane -p -t e2e | grep -qF SHELL-BEFORE && ! tmux -L '$sock' capture-pane -p -t e2e | grep -qF 'chain 1/3'"
  tm kill-server 2>/dev/null
fi

# --- leaving by a signal or a crash restores the terminal ---
# (a fresh tmux server, kept alive by a session of its own: killing the last session makes the
# server exit, and a session started in that moment is lost with "no server running")
sock="gz-e2e-sig-$$"
if command -v tmux >/dev/null 2>&1; then
  tm new-session -d -s keep "sleep 600"
  for how in TERM HUP; do
    tm new-session -d -s "sig$how" -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen \
      "printf 'SHELL-BEFORE\n'; '$bin' --from-start '$work/articles'; echo \"EXIT=\$?\"; sleep 60"
    if wait_for_in "sig$how" "chain 1/3"; then
      # Only this run's reader: other checkouts on the machine may run gazette at the same time.
      pkill -$how -f "^$bin --from-start $work/articles" 2>/dev/null
      expect "SIG$how while reading restores the terminal" bash -c "
        for i in \$(seq 1 100); do p=\$(tmux -L '$sock' capture-pane -p -t sig$how); if printf '%s' \"\$p\" | grep -q EXIT= && printf '%s' \"\$p\" | grep -q SHELL-BEFORE && ! printf '%s' \"\$p\" | grep -q 'chain 1/3'; then exit 0; fi; sleep 0.05; done; exit 1"
    else
      bad "SIG$how test: the reader did not start" "$(tm capture-pane -p -t "sig$how")"
    fi
    tm kill-session -t "sig$how" 2>/dev/null
  done
  # The crash comes from the development tool (gazette-dev crash: the real reader and terminal
  # code, a fatal error after the first screen); the shipped binary has no such hook.
  tm new-session -d -s crash -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen \
    "printf 'SHELL-BEFORE\n'; '$dev_bin' crash '$work/articles' 2>&1; echo \"EXIT=\$?\"; sleep 60"
  # Polled for up to 20 s (not 200 tries: a try takes longer on a busy machine); on failure
  # the pane is shown, as for the other reader checks.
  crashed() {
    local p end=$((SECONDS + 20))
    while [ $SECONDS -lt $end ]; do
      p=$(tm capture-pane -p -t crash -S -200)
      if grep -q 'Fatal error: crash requested by' <<< "$p" && grep -q SHELL-BEFORE <<< "$p" && grep -q 'EXIT=' <<< "$p"
      then return 0; fi
      sleep 0.05
    done
    return 1
  }
  crash_check="a fatal error restores the terminal, then shows its message"
  if crashed; then ok "$crash_check"; else bad "$crash_check" "$(tm capture-pane -p -t crash -S -200 2>/dev/null)"; fi
  tm kill-server 2>/dev/null
fi

# --- a non-UTF-8 locale: the reader still starts and shows the article ---
sock="gz-e2e-locale-$$"
if command -v tmux >/dev/null 2>&1; then
  tm new-session -d -s locale -x 80 -y 24 -e LANG=C -e LC_ALL=C -e TERM=screen \
    "'$bin' --from-start '$work/articles'; echo \"EXIT=\$?\"; sleep 60"
  expect "LC_ALL=C: the reader still shows the article" wait_for_in locale "Harbour trams return at night"
  tm send-keys -t locale n
  expect "LC_ALL=C: accented text is still readable (the locale falls back to C.UTF-8)" wait_for_in locale "Il mercato riapre sul tetto"
  tm send-keys -t locale q
  expect "LC_ALL=C: q exits 0" wait_for_in locale "EXIT=0"
  tm kill-server 2>/dev/null
fi

# --- colour where the terminal has it, none under NO_COLOR; the cursor on the focused line ---
sock="gz-e2e-colour-$$"
if command -v tmux >/dev/null 2>&1; then
  for mode in colour nocolour; do
    extra=""; [ $mode = nocolour ] && extra="-e NO_COLOR=1"
    tm new-session -d -s $mode -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen $extra "'$bin' --from-start '$work/articles'; sleep 60"
    if wait_for_in $mode "chain 1/3"; then
      # SGR colour codes (30–37, 40–47, 38;5;n, 48;5;n) in the pane's escape-annotated capture.
      if tm capture-pane -p -e -t $mode | grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9;]*)?m'; then coloured=yes; else coloured=no; fi
      if [ $mode = colour ]; then check "colours are used where the terminal has them" test $coloured = yes
      else check "NO_COLOR: no colour, attributes only" test $coloured = no; fi
    else
      bad "$mode: the reader did not start" "$(tm capture-pane -p -t $mode)"
    fi
  done
  tm send-keys -t colour ']'
  pane_wait "$sock" colour "§ 2/3 Why the service came back" >/dev/null
  check "the terminal cursor sits on the focused heading" test "$(tm display -p -t colour '#{cursor_y}')" = 1
  tm send-keys -t colour 't'
  pane_wait "$sock" colour "Outline —" >/dev/null
  check "in the outline, the cursor sits on the selected entry" test "$(tm display -p -t colour '#{cursor_y}')" -ge 3
  tm kill-server 2>/dev/null
fi
