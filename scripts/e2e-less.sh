# Sourced by e2e.sh: the less habits and terminal basics in the real terminal (tmux, private socket):
# search keys, Ctrl-L, Ctrl-Z and fg, the mouse, TERM=dumb, standard input, v with a stub editor.
sock="gz-e2e-less-$$"
tl() { tmux -L "$sock" "$@"; }
lpane() { tl capture-pane -p -t "${1:-less}" 2>/dev/null; }
lwait() { pane_wait "$sock" "${2:-less}" "$1" "${3:-10}"; }
# lgone TEXT [SESSION]: poll until TEXT is no longer in the pane.
lgone() {
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt 10 ]; do
    lpane "${2:-less}" | grep -qF -- "$1" || return 0
    sleep 0.05
  done
  return 1
}
# lstatus TEXT [SESSION]: the status line (the pane's last row) holds TEXT now.
lstatus() { lpane "${2:-less}" | tail -1 | grep -qF -- "$1"; }
# ltop LINE [SESSION]: the first row under the title bar is LINE now.
ltop() { [ "$(lpane "${2:-less}" | sed -n 2p)" = "$1" ]; }
lexpect() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name" "$(lpane "${session:-less}")"; fi; }
reader_in() { # session command: a reader in a fresh 80x24 pane that prints its exit status
  tl new-session -d -s "$1" -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen "$2; echo \"EXIT=\$?\"; sleep 60"
}

out=$("$bin" --generate-completion-script bash 2>&1)
check "bash completions are generated (make install puts them in share/bash-completion)" \
  bash -c 'grep -q "complete .*gazette" <<< "$1" && grep -q -- "--no-mouse" <<< "$1"' _ "$out"
out=$("$bin" read --help 2>&1)
check "read --help lists the reader's keys (and so does the man page made from it)" \
  bash -c 'grep -qF "n: next match while a search is on, else follow NEXT" <<< "$1"' _ "$out"

if command -v tmux >/dev/null 2>&1; then
  session=less
  reader_in less "'$bin' --from-start '$work/articles/01_first.txt'"
  lexpect "the reader opens for the less tests" lwait "chain 1/3"
  tl send-keys -t less '/' 'committee' Enter
  lexpect "/ searches and the status line says how to step" lwait "match 1/"
  lexpect "... with n/N and Esc named" lwait "· n/N · Esc clears"
  tl send-keys -t less 'n'
  lexpect "n steps to the next match while a search is on" lwait "match 2/"
  tl send-keys -t less 'N' 'N'
  lexpect "N past the first match wraps with a notice" lwait "search hit the top, continuing at the end"
  # A regular expression, as less has it: ~ first, which Ctrl-R in the prompt puts in (issue 20).
  tl send-keys -t less '/' 'commit+ee' C-r
  lexpect "Ctrl-R in the prompt makes the query a regular expression" lwait "/~commit+ee"
  tl send-keys -t less Enter
  lexpect "... which finds its matches" lwait "· n/N · Esc clears"
  tl send-keys -t less '/' '~(' Enter
  lexpect "a pattern that does not compile says so" lwait "is not a regular expression"
  tl send-keys -t less Escape
  lexpect "Esc clears the search" lwait "Search cleared"
  tl send-keys -t less 'n'
  lexpect "after Esc, n follows the chain" lwait "Il mercato riapre sul tetto"
  tl send-keys -t less 'p'
  lexpect "p comes back" lwait "chain 1/3"
  # It comes back where it was left (the end, after the wrap); the wheel starts from the top.
  tl send-keys -t less g
  lexpect "g goes to the top" lwait "1–"
  # A digit is only a count (issue 20): g 3 j puts line 4 on top, not section 3 plus a line.
  tl send-keys -t less 3 j
  lexpect "g 3 j puts line 4 on top" lwait " 4–"
  lexpect "... still in section 1" lstatus "§ 1/3"
  tl send-keys -t less 3 ']'
  lexpect "3 ] goes to section 3" lwait "§ 3/3"
  tl send-keys -t less g
  lexpect "g goes to the top again" lwait "§ 1/3"

  # Ctrl-L: garbage written behind ncurses' back stays until the screen is drawn whole.
  tty=$(tl display -p -t less '#{pane_tty}')
  printf '\033[5;10HGARBAGE-ON-SCREEN' > "$tty"
  lexpect "garbage written to the terminal shows" lwait "GARBAGE-ON-SCREEN"
  tl send-keys -t less C-l
  lexpect "Ctrl-L repaints it away" lgone "GARBAGE-ON-SCREEN"

  # The wheel (an X10 report: button 65 is wheel down) scrolls; a click on a list entry opens it.
  tl send-keys -t less -H 1b 5b 4d 61 30 30
  lexpect "the mouse wheel scrolls the article" lwait "4–"
  tl send-keys -t less 'l'
  lexpect "the list opens" lwait "Articles (3)"
  row=$(lpane | grep -n "金沢の路地" | head -1 | cut -d: -f1)
  if [ -n "$row" ]; then
    tl send-keys -t less -H 1b 5b 4d 20 "$(printf '%x' $((33 + 10)))" "$(printf '%x' $((32 + row)))"
    lexpect "a click on a list entry opens it" lwait "chain 3/3"
  else
    bad "the list shows the third article" "$(lpane)"
  fi
  # Stopped and continued from outside (kill -STOP, -CONT): SIGCONT draws the screen whole.
  reader_pid=$(pgrep -P "$(tl display -p -t less '#{pane_pid}')" | head -1)
  printf '\033[6;10HGARBAGE-WHILE-STOPPED' > "$tty"
  kill -STOP "$reader_pid"; kill -CONT "$reader_pid"
  lexpect "SIGCONT repaints the screen" lgone "GARBAGE-WHILE-STOPPED"
  tl send-keys -t less 'q'
  lexpect "q leaves (mouse tests)" lwait "EXIT=0"

  # gazette a.txt b.txt: those files are the list.
  session=two
  reader_in two "'$bin' --from-start '$work/articles/01_first.txt' '$work/articles/03_third.txt'"
  lexpect "two files named: the reader opens the first" lwait "chain 1/3" two
  tl send-keys -t two 'l'
  lexpect "... and the list holds just those two" lwait "Articles (2)" two
  # The list reads letters as keys, as newsboat, mutt and less do: j moves, / filters, q closes it (issue 20).
  tl send-keys -t two 'j' Enter
  lexpect "j moves down the article list (Enter opens the second)" lwait "chain 3/3" two
  tl send-keys -t two 'l' '/' 'trams'
  lexpect "/ starts the list's filter, typed in the status line" lwait "filter: trams" two
  tl send-keys -t two Enter
  lexpect "... Enter keeps the filter" lwait "Articles matching “trams”: 1 of 2" two
  tl send-keys -t two 'q'
  lexpect "q closes the list" lgone "Articles matching" two
  lexpect "... and not the reader" lwait "chain 3/3" two
  tl send-keys -t two 'q'
  lexpect "q leaves (two files)" lwait "EXIT=0" two

  # Ctrl-Z hands the terminal to the shell; fg brings the screen back (SIGCONT redraws).
  tl new-session -d -s job -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen "bash --norc --noprofile -i"
  session=job
  tl send-keys -t job "PS1='SHELL> '; '$bin' --from-start '$work/articles/01_first.txt'" Enter
  lexpect "the reader runs under a job-control shell" lwait "chain 1/3" job
  tl send-keys -t job C-z
  lexpect "Ctrl-Z suspends to the shell" lwait "Stopped" job
  lexpect "... and the reader's screen is put away" lgone "chain 1/3" job
  tl send-keys -t job 'fg' Enter
  lexpect "fg brings the screen back" lwait "chain 1/3" job
  lexpect "... drawn whole" lwait "Harbour trams return at night" job
  tl send-keys -t job 'q'
  lexpect "q after fg returns to the shell" lwait "SHELL> " job

  # TERM=dumb cannot be drawn on: the article is printed as text, with one line saying why.
  session=dumb
  # (set in the command: tmux gives every pane its own TERM)
  tl new-session -d -s dumb -x 80 -y 24 -e LANG=C.UTF-8 \
    "TERM=dumb '$bin' '$work/articles/01_first.txt' 2>'$work/dumb.err'; echo \"EXIT=\$?\"; sleep 60"
  lexpect "TERM=dumb prints the article instead of a blind screen" lwait "NEXT: Il mercato riapre sul tetto" dumb
  lexpect "... and exits 0" lwait "EXIT=0" dumb
  lexpect "... saying why in one line" bash -c \
    "[ \$(wc -l < '$work/dumb.err') -eq 1 ] && grep -q 'cannot move its cursor' '$work/dumb.err'"

  # TERM=dumb on a folder prints what `dump` prints: every article, not only the first (issue 20).
  session=dumbdir
  tl new-session -d -s dumbdir -x 80 -y 24 -e LANG=C.UTF-8 \
    "TERM=dumb '$bin' '$work/articles' 2>/dev/null; echo '=== dump'; TERM=dumb '$bin' dump '$work/articles' 2>/dev/null; echo \"DONE=\$?\"; sleep 60"
  lexpect "TERM=dumb on a folder prints the articles" lwait "DONE=0" dumbdir
  tl capture-pane -p -S - -E - -t dumbdir > "$work/dumbdir.txt"
  lexpect "... every one of them, as gazette dump DIR prints them" python3 -c '
import sys
text = open(sys.argv[1]).read()
reader, dump = text.split("=== dump\n")
dump = dump.split("DONE=")[0]
assert reader.endswith(dump) and reader.count("金沢の路地に活版印刷所が復活") == dump.count("金沢の路地に活版印刷所が復活") > 0, (reader[-300:], dump[-300:])' "$work/dumbdir.txt"
  out=$("$bin" "$work/articles" 2>/dev/null | cat)
  lexpect "gazette DIR | cat prints what gazette dump DIR prints" test "$out" = "$("$bin" dump "$work/articles" 2>/dev/null)"

  # = at 100 columns names the file; the folder is what gets shortened (issue 20).
  session=where
  deep="$work/a folder/with a rather long name/for the news of the year/december"
  mkdir -p "$deep"
  cp "$work/articles/01_first.txt" "$deep/2026-12-01-harbour-trams.txt"
  tl new-session -d -s where -x 100 -y 24 -e LANG=C.UTF-8 -e TERM=screen \
    "'$bin' --from-start '$deep/2026-12-01-harbour-trams.txt'; echo \"EXIT=\$?\"; sleep 60"
  lexpect "the reader opens a file deep in folders" lwait "§ 1/3" where
  tl send-keys -t where '='
  lexpect "= at 100 columns shows the file name" lwait "/2026-12-01-harbour-trams.txt · " where
  tl send-keys -t where 'q'
  lexpect "q leaves (=)" lwait "EXIT=0" where

  # Files the reader skips (empty, binary) are said on screen and again on stderr after it (issue 20).
  session=skips
  mkdir -p "$work/skips"
  cp "$work/articles/01_first.txt" "$work/skips/01_first.txt"
  : > "$work/skips/02_empty.txt"
  printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$work/skips/03_image.txt"
  tl new-session -d -s skips -x 100 -y 24 -e LANG=C.UTF-8 -e TERM=screen \
    "'$bin' --from-start '$work/skips' 2>'$work/skips.err'; echo \"EXIT=\$?\"; sleep 60"
  lexpect "the reader says on screen that files were skipped" lwait "skipped, the file is empty (and 1 more" skips
  tl send-keys -t skips 'q'
  lexpect "q leaves (skipped files)" lwait "EXIT=0" skips
  lexpect "... and stderr names both skipped files" bash -c \
    "grep -q '02_empty.txt: skipped, the file is empty' '$work/skips.err' && grep -q '03_image.txt: skipped, it looks like binary data' '$work/skips.err'"

  # gazette -: the article from standard input, the keys from the terminal.
  session=stdin
  reader_in stdin "printf 'Piped Article Title\n\n-\n\nA paragraph that came down a pipe.\n' | '$bin' -"
  lexpect "gazette - shows the article read from standard input" lwait "A paragraph that came down a pipe." stdin
  tl send-keys -t stdin 'j' 'q'
  lexpect "... and takes keys from the terminal" lwait "EXIT=0" stdin

  # gazette - with the terminal on standard input says what it waits for (issue 20).
  session=stdintty
  reader_in stdintty "'$bin' -"
  lexpect "gazette - on a terminal says what it waits for" lwait "reading an article from the terminal" stdintty
  tl send-keys -t stdintty 'Typed Title' Enter Enter 'A paragraph typed at the terminal.' Enter C-d
  lexpect "... and shows what was typed" lwait "A paragraph typed at the terminal." stdintty
  tl send-keys -t stdintty 'q'
  lexpect "... and q leaves" lwait "EXIT=0" stdintty

  # v: the editor gets +LINE FILE; the article is read again on return.
  session=edit
  cp "$work/articles/01_first.txt" "$work/edited.txt"
  cat > "$work/editor.sh" <<'SH'
#!/bin/sh
printf '%s\n' "$@" > "$(dirname "$2")/editor-args"
sed -i 's/Night trams are back/Night trams are EDITED back/' "$2"
SH
  chmod +x "$work/editor.sh"
  tl new-session -d -s edit -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen -e VISUAL="$work/editor.sh" \
    "'$bin' --from-start '$work/edited.txt'; echo \"EXIT=\$?\"; sleep 60"
  lexpect "the reader opens the file to edit" lwait "Harbour trams return" edit
  tl send-keys -t edit 'v'
  lexpect "v runs the editor and reads the file again" lwait "EDITED back" edit
  lexpect "... the editor got +LINE and the file" bash -c \
    "head -1 '$work/editor-args' | grep -qx '+[0-9]*' && sed -n 2p '$work/editor-args' | grep -q edited.txt"
  # A change made on disk by someone else is noticed while the article is open.
  sed -i 's/EDITED back/CHANGED ON DISK back/' "$work/edited.txt"
  lexpect "a file changed on disk is read again" lwait "CHANGED ON DISK" edit
  tl send-keys -t edit 'q'
  lexpect "q leaves after editing" lwait "EXIT=0" edit

  # An editor that cannot run says so; one set as `sh -c '…'` is given to a shell, as git does (issue 20).
  session=noedit
  tl new-session -d -s noedit -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen -e VISUAL="/no/such-editor -w" \
    "'$bin' --from-start '$work/edited.txt'; echo \"EXIT=\$?\"; sleep 60"
  lexpect "the reader opens with a missing editor set" lwait "Harbour trams return" noedit
  tl send-keys -t noedit 'v'
  lexpect "v with an editor that cannot run says so" lwait "was not found" noedit
  tl send-keys -t noedit 'q'
  lexpect "q leaves (missing editor)" lwait "EXIT=0" noedit
  session=shedit
  tl new-session -d -s shedit -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen \
    -e EDITOR="sh -c 'printf \"%s|\" \"\$@\" > \"\$(dirname \"\$2\")/sh-editor-args\"' an-editor" -e VISUAL= \
    "'$bin' --from-start '$work/edited.txt'; echo \"EXIT=\$?\"; sleep 60"
  lexpect "the reader opens with EDITOR='sh -c …'" lwait "Harbour trams return" shedit
  tl send-keys -t shedit 'v'
  lexpect "EDITOR='sh -c …' is given to a shell: its script gets +LINE and the file" bash -c \
    "for i in \$(seq 1 100); do grep -q '^+[0-9]*|.*edited.txt|\$' '$work/sh-editor-args' 2>/dev/null && exit 0; sleep 0.05; done; exit 1"
  tl send-keys -t shedit 'q'
  lexpect "q leaves (sh -c editor)" lwait "EXIT=0" shedit

  # Two paragraphs put in above the screen: the same text stays on top after the reload (issue 20).
  session=place
  cp "$work/articles/01_first.txt" "$work/place.txt"
  reader_in place "'$bin' --from-start '$work/place.txt'"
  lexpect "the reader opens the file to change" lwait "§ 1/3" place
  tl send-keys -t place 2 ']'
  lexpect "2 ] goes to section 2" lwait "§ 2/3" place
  top=$(lpane place | sed -n 2p)
  sed -i 's/^Why the service came back$/Inserted paragraph one.\n\nInserted paragraph two.\n\n&/' "$work/place.txt"
  lexpect "a change above the screen is read again" lwait "Read again from the file" place
  lexpect "... with the same text on top" ltop "$top" place
  lexpect "... which is the heading 2 ] went to" grep -qF "Why the service came back" <<< "$top"
  tl send-keys -t place 'q'
  lexpect "q leaves after the change" lwait "EXIT=0" place

  # The outline pane breaks a word wider than itself with a hyphen, dropping no letter (issue 20).
  session=pane
  para="Die Kassen und die Kliniken streiten seit Monaten darüber, wer welche Daten zeigen muss, und das Ministerium hat dazu bisher keinen Vorschlag gemacht."
  printf 'Krankenhausreform im Land\n\nKrankenhausreform im Land\n-\n\n%s\n\nEinrichtungsübergreifende Intransparenzen bei Krankenkassenmonitoring\n\n%s\n\nWas jetzt geschieht\n\n%s\n\n-\n' \
    "$para" "$para" "$para" > "$work/de.txt"
  tl new-session -d -s pane -x 110 -y 24 -e LANG=C.UTF-8 -e TERM=screen \
    "'$bin' --from-start '$work/de.txt'; echo \"EXIT=\$?\"; sleep 60"
  lexpect "the outline pane opens beside a German article" lwait "Outline (t)" pane
  lexpect "... and keeps every letter of Einrichtungsübergreifende" bash -c \
    "tmux -L '$sock' capture-pane -p -t pane | grep -q 'Einrichtungsübergrei-\$' && tmux -L '$sock' capture-pane -p -t pane | grep -q '│ *fende Intransparenzen'"
  tl send-keys -t pane 'q'
  lexpect "q leaves (outline pane)" lwait "EXIT=0" pane
  tl kill-server 2>/dev/null
fi
