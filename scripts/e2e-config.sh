# Sourced by e2e.sh: the config file, in the real terminal (tmux, private socket): a rebinding, a
# broken file's error line on the first screen and on stderr after, a theme, plain mode.
sock="gz-e2e-config-$$"
tc() { tmux -L "$sock" "$@"; }
cpane() { tc capture-pane -p -t "${1:-cfg}" 2>/dev/null; }
cwait() { pane_wait "$sock" "${2:-cfg}" "$1" "${3:-10}"; }
cexpect() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name" "$(cpane "$csession")"; fi; }
# cretry COMMAND...: COMMAND again until it holds or 10 s pass (the pane redraws after the keys arrive).
cretry() { local start=$SECONDS; while [ $((SECONDS - start)) -lt 10 ]; do "$@" && return 0; sleep 0.05; done; return 1; }
# creader SESSION WIDTH COMMAND [ENV...]: the reader in a fresh pane that prints its exit status.
creader() {
  local s=$1 w=$2 cmd=$3; shift 3
  tc new-session -d -s "$s" -x "$w" -y 24 -e LANG=C.UTF-8 -e TERM=screen "$@" "$cmd; echo \"EXIT=\$?\"; sleep 60"
}
conf="$work/config-files"
mkdir -p "$conf/xdg/gazette"

# --- the commands: the default file checks clean, a broken one gives file:line:column ---
"$bin" config --default > "$conf/default.toml"
out=$("$bin" config --check "$conf/default.toml" 2>&1); rc=$?
check "config --default passes config --check (exit 0)" bash -c '[ "$1" -eq 0 ] && grep -q "no problems" <<< "$2"' _ $rc "$out"
printf '[reading]\ntext_width = "wide"\n[keys.article]\nquit = ["x", "C-"]\n' > "$conf/bad.toml"
out=$("$bin" config --check "$conf/bad.toml" 2>&1); rc=$?
check "config --check names each problem as file:line:column (exit 1)" bash -c '[ "$1" -eq 1 ] &&
  grep -qF "$2:2:1: reading.text_width must be a whole number" <<< "$3" && grep -qF "$2:4:14: \"C-\"" <<< "$3"' _ $rc "$conf/bad.toml" "$out"
printf 'plain = true\n[keys\n' > "$conf/syntax.toml"
out=$("$bin" config --check "$conf/syntax.toml" 2>&1)
check "a TOML syntax error has its line and column" grep -qF "$conf/syntax.toml:2:" <<< "$out"
out=$(XDG_CONFIG_HOME="$conf/none" "$bin" config --check 2>&1); rc=$?
check "config --check with no file in the usual place: the defaults apply (exit 0)" bash -c '[ "$1" -eq 0 ] && grep -q "the defaults apply" <<< "$2"' _ $rc "$out"
"$bin" config --check "$conf/missing.toml" > /dev/null 2>&1; rc=$?
check "config --check on a named file that is not there exits 2" test $rc -eq 2
out=$(GAZETTE_CONFIG="$conf/bad.toml" "$bin" keys 2>/dev/null)
check "gazette keys lists the bindings in effect (GAZETTE_CONFIG)" grep -qE '^  quit +x +quit$' <<< "$out"

if command -v tmux >/dev/null 2>&1; then
  # Every reader starts at once (they wait on their panes, not on each other); the checks follow.
  printf '[keys.article]\nquit = ["x"]\nhelp = ["F"]\n[keys.outline]\ndown = ["x"]\n' > "$conf/keys.toml"
  printf '[keys.article]\nquit = ["x"]\njump = ["z"]\n[theme]\nname = "sepia"\n' > "$conf/broken.toml"
  printf '[theme]\nname = "dark"\n[theme.title_bar]\nfg = "magenta"\nbg = "red"\n' > "$conf/theme.toml"
  printf '[theme]\nname = "mono"\n' > "$conf/mono.toml"
  printf 'plain = true\n' > "$conf/xdg/gazette/config.toml"
  # The chain without the unreadable file, whose index notice would crowd the status lines looked at.
  mkdir -p "$conf/articles" && cp "$work/articles/0"[123]_*.txt "$conf/articles/"
  first="'$conf/articles/01_first.txt'"
  creader keys 80 "'$bin' --from-start --config '$conf/keys.toml' $first"
  creader broken 100 "'$bin' --from-start $first" -e GAZETTE_CONFIG="$conf/broken.toml"
  creader theme 80 "'$bin' --from-start --config '$conf/theme.toml' $first"
  creader mono 80 "'$bin' --from-start --config '$conf/mono.toml' $first"
  creader plain 120 "'$bin' --from-start $first" -e XDG_CONFIG_HOME="$conf/xdg"
  creader plainflag 120 "'$bin' --from-start --plain $first"

  # A rebinding: q does nothing, x quits, and the status line names the help key as rebound.
  csession=keys
  cexpect "a rebound reader starts" cwait "chain 1/3" keys
  # (j first: a key clears a notice, such as the index's, that crowds the status line)
  tc send-keys -t keys j
  cexpect "... its status line names the rebound help key" cwait "F help" keys
  tc send-keys -t keys q t
  cexpect "q no longer quits (t opens the outline after it)" cwait "Outline —" keys
  tc send-keys -t keys x
  cexpect "x moves down in the outline" cretry bash -c 'tmux -L "$1" capture-pane -p -t keys | grep -q "^ *2\. Why the service came back" &&
    [ "$(tmux -L "$1" display -p -t keys "#{cursor_y}")" -eq "$(tmux -L "$1" capture-pane -p -t keys | grep -n "Why the service came back" | head -1 | cut -d: -f1)" ] ||
    [ "$(tmux -L "$1" display -p -t keys "#{cursor_y}")" -eq "$(( $(tmux -L "$1" capture-pane -p -t keys | grep -n "Why the service came back" | head -1 | cut -d: -f1) - 1 ))" ]' _ "$sock"
  tc send-keys -t keys Escape x
  cexpect "x quits the article view" cwait "EXIT=0" keys

  # A broken file: the reader starts with the rest applied, says the first problem on the first
  # screen, and prints every problem after the screen is given back.
  csession=broken
  cexpect "a broken config file: the reader starts anyway" cwait "chain 1/3" broken
  cexpect "... and says the first problem, with its line and column" cwait "broken.toml:3:1: unknown action" broken
  tc send-keys -t broken x
  cexpect "... the rest of the file applies (x quits)" cwait "EXIT=0" broken
  cexpect "... every problem is printed after the screen is restored" bash -c '
    p=$(tmux -L "$1" capture-pane -p -t broken); grep -qF "broken.toml:3:1: unknown action \"jump\"" <<< "$p" &&
    grep -qF "broken.toml:5:1: there is no theme \"sepia\"" <<< "$p"' _ "$sock"

  # A theme: magenta is no colour of the default theme; mono has none at all.
  csession=theme
  if cwait "chain 1/3" theme && cwait "chain 1/3" mono; then
    sgr=$'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9;]*)?m'
    check "a theme's colours reach the terminal (magenta and red in the title bar)" bash -c '
      tmux -L "$1" capture-pane -p -e -t theme | head -1 | grep -qE $'"'"'\e\[([0-9;]*;)?(35|45)(;[0-9;]*)?m'"'"'' _ "$sock"
    check "the mono theme sends no colour, attributes only" bash -c '
      ! tmux -L "$1" capture-pane -p -e -t mono | grep -qE "$2" && tmux -L "$1" capture-pane -p -e -t mono | grep -qE $'"'"'\e\[([0-9;]*;)?(1|7)(;[0-9;]*)?m'"'"'' _ "$sock" "$sgr"
  else
    bad "the themed readers did not start" "$(cpane theme; cpane mono)"
  fi
  tc send-keys -t theme q; tc send-keys -t mono q

  # Plain mode, from the usual place ($XDG_CONFIG_HOME/gazette/config.toml): no pane on a wide
  # window, no box drawing, numbered outline, the cursor on the focus, section changes said.
  csession=plain
  cexpect "plain mode (plain = true): the status line says the article and section in words" cwait "Harbour trams return at night. Now in section 1 of 3: Beginning" plain
  cexpect "... no side pane or box drawing on a 120-column window" bash -c '! tmux -L "$1" capture-pane -p -t plain | grep -qE "│|▸|Outline \("' _ "$sock"
  tc send-keys -t plain ']'
  cexpect "... a section change is announced in the status line" cwait "Now in section 2 of 3: Why the service came back" plain
  cexpect "... and the cursor is on the focused line" bash -c '
    row=$(tmux -L "$1" capture-pane -p -t plain | grep -n "^ *§ Why the service came back" | head -1 | cut -d: -f1)
    [ -n "$row" ] && [ "$(tmux -L "$1" display -p -t plain "#{cursor_y}")" -eq $((row - 1)) ]' _ "$sock"
  sleep 0.3  # a moment with no key: the announcement must still be there after it
  cexpect "... the announcement stays until the next key" bash -c '
    tmux -L "$1" capture-pane -p -t plain | tail -1 | grep -q "Now in section 2 of 3" || exit 1
    tmux -L "$1" send-keys -t plain j
    for i in $(seq 1 100); do
      line=$(tmux -L "$1" capture-pane -p -t plain | tail -1)
      if ! grep -q "Now in" <<< "$line"; then grep -q "Section 2 of 3: Why" <<< "$line"; exit; fi
      sleep 0.05
    done; exit 1' _ "$sock"
  tc send-keys -t plain t
  cexpect "... the outline is numbered plain lines, the current one said in words" cwait "2. Why the service came back (current)" plain
  tc send-keys -t plain Escape q
  cexpect "... q leaves" cwait "EXIT=0" plain
  csession=plainflag
  cexpect "--plain does the same" cwait "Now in section 1 of 3: Beginning" plainflag
  tc send-keys -t plainflag q
  tc kill-server 2>/dev/null
fi
