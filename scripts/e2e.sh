#!/usr/bin/env bash
# End-to-end tests of the real binary: the scripting commands on fixture folders,
# and the full-screen reader driven in tmux (private socket, fixed size, polling
# the pane instead of sleeping). Prints "N passed, N failed"; exits 1 on any failure.
set -u
bin=${1:-.build/debug/gazette}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
# The development tool (the crash check), built beside the binary under test.
dev_bin=${GAZETTE_DEV:-$(dirname "$bin")/gazette-dev}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'for s in gz-e2e-$$ gz-e2e-sig-$$ gz-e2e-locale-$$ gz-e2e-colour-$$ gz-e2e-clusters-$$ gz-e2e-state-$$ gz-e2e-less-$$ gz-e2e-search-$$ gz-e2e-config-$$ gz-e2e-nested-$$; do tmux -L "$s" kill-server 2>/dev/null; done; rm -rf "$work"' EXIT
pass=0; fail=0
# The reader keeps its reading state here, never in the real ~/.local/state.
export XDG_STATE_HOME="$work/state"
# ... and reads no config file but the ones the tests write (e2e-config.sh).
export XDG_CONFIG_HOME="$work/no-config"
unset GAZETTE_CONFIG
# ... and its caches (the first article of each folder, the search index) here, never in ~/.cache.
export XDG_CACHE_HOME="$work/cache"

ok()   { pass=$((pass + 1)); echo "ok   - $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/       /' | head -40; }
check() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# pane_wait SOCKET SESSION TEXT [SECONDS]: poll a tmux pane until TEXT shows up (never a fixed sleep).
pane_wait() {
  local socket=$1 session=$2 text=$3 limit=${4:-10} start=$SECONDS
  while [ $((SECONDS - start)) -lt "$limit" ]; do
    tmux -L "$socket" capture-pane -p -t "$session" 2>/dev/null | grep -qF -- "$text" && return 0
    sleep 0.05
  done
  return 1
}

# --- a fixture folder: a chain of three (one CRLF), a dangling end, a bad file ---
mk() { # file title prev next body...
  local f=$1 t=$2 p=$3 n=$4; shift 4
  { printf '%s\n\n%s\n%s\n-\n\n' "$t" "$t" "$t"
    for b in "$@"; do printf '%s\n\n' "$b"; done
    printf -- '-\n\n'
    [ -n "$p" ] && printf 'PREV %s\n' "$p"
    [ -n "$n" ] && printf 'NEXT %s' "$n"
  } > "$work/articles/$f"
}
mkdir -p "$work/articles"
long="The committee met on Tuesday evening to discuss the proposal in detail, and several members asked for more time to read the report before any vote is taken on the matter."
mk 01_first.txt "Harbour trams return at night" "An article we do not have" "Il mercato riapre sul tetto" \
  "$long Night trams are back after forty years." "Why the service came back" "$long $long $long" "What riders can expect" "$long $long" "$long" "$long $long" "$long"
mk 02_second.txt "Il mercato riapre sul tetto" "Harbour trams return at night" "金沢の路地に活版印刷所が復活" \
  "Il mercato coperto riapre dopo due anni di lavori, con un orto sul tetto e nuovi banchi per i produttori locali della provincia. $long" "Dal tetto al banco" "$long" 
mk 03_third.txt "金沢の路地に活版印刷所が復活" "Il mercato riapre sul tetto" "A story that is not here" \
  "金沢市の路地裏で、長く閉ざされていた活版印刷所が若い職人たちの手で復活した。古い活字を一つずつ洗い、棚に戻す作業は半年に及んだという。店には毎週末、多くの見学者が訪れている。" "眠っていた活字との出会い" "職人たちは倉庫で古い活字を見つけ、一つずつ洗って棚に戻した。作業には半年かかったが、今では名刺や便箋の注文が全国から届くようになった。"
sed -i 's/$/\r/' "$work/articles/03_third.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$work/articles/04_image.txt"

# --- scripting commands ---
out=$("$bin" toc --json "$work/articles/01_first.txt" 2>&1)
check "toc --json gives title, headings and resolved NEXT" python3 -c '
import json,sys; o=json.loads(sys.argv[1])
assert o["title"]=="Harbour trams return at night", o
assert [s["heading"] for s in o["sections"]]==[None,"Why the service came back","What riders can expect"], o["sections"]
assert o["next"]["file"].endswith("02_second.txt"), o["next"]
assert o["prev"]=={"title":"An article we do not have","file":None}, o["prev"]' "$out"

out=$("$bin" chain --json "$work/articles" 2>/dev/null)
check "chain --json follows the chain across CRLF and languages" python3 -c '
import json,sys; c=json.loads(sys.argv[1].splitlines()[0])
assert [f.split("/")[-1] for f in c["files"]]==["01_first.txt","02_second.txt","03_third.txt"], c
assert c["dangling_prev"]=="An article we do not have" and c["dangling_next"]=="A story that is not here", c' "$out"

"$bin" check "$work/articles" > "$work/check.txt" 2>&1; rc=$?
check "check exits 1 and names the binary file and dangling links" \
  bash -c "[ $rc -eq 1 ] && grep -q '04_image.txt: skipped, it looks like binary data' '$work/check.txt' && grep -c '^dangling' '$work/check.txt' | grep -qx 2"

# Issue 20: a cycle is said; a folder with other extensions (or only subfolders, with --no-recurse) says why it
# has no article;
# mark without --read or --unread prints a usage line that reads right.
mkdir -p "$work/cycle" "$work/nested/inner" "$work/md-only"
printf 'Ring one\n\n-\n\nText.\n\n-\n\nNEXT Ring two\n' > "$work/cycle/a.txt"
printf 'Ring two\n\n-\n\nText.\n\n-\n\nNEXT Ring one\n' > "$work/cycle/b.txt"
out=$("$bin" chain "$work/cycle" 2>&1)
check "chain says when a chain is a cycle" bash -c 'grep -q "a cycle (the last leads back to the first)" <<< "$1" && grep -q "↻ back to Ring" <<< "$1"' _ "$out"
out=$("$bin" chain --json "$work/cycle" 2>&1)
check "chain --json says cycle: true" python3 -c 'import json,sys; assert json.loads(sys.argv[1].splitlines()[0])["cycle"] is True' "$out"
cp "$work/cycle/a.txt" "$work/nested/inner/"
out=$(cd "$work/nested" && "$bin" search text 2>&1); rc=$?
check "search in a folder of subfolders finds the article in them (issue 21)" \
  bash -c '[ $2 -eq 0 ] && grep -q "^inner/a.txt" <<< "$1"' _ "$out" "$rc"
out=$(cd "$work/nested" && "$bin" search --no-recurse text 2>&1); rc=$?
check "search --no-recurse in a folder with only subfolders says why it found nothing" \
  bash -c '[ $2 -eq 1 ] && grep -q "no article files (.*) in this folder; subfolders are not read with --no-recurse (--depth 0): ./inner" <<< "$1"' _ "$out" "$rc"
# The kept catalogue is a cache: a cache home that cannot be written leaves every command working.
: > "$work/cache-is-a-file"
out=$(XDG_CACHE_HOME="$work/cache-is-a-file" "$bin" chain --json "$work/cycle" 2>/dev/null); rc=$?
check "chain works when the cache (and its catalogue) cannot be kept (issue 21)" \
  python3 -c 'import json,sys; assert sys.argv[2] == "0" and json.loads(sys.argv[1].splitlines()[0])["cycle"] is True' "$out" "$rc"
printf '# A note\n\nText.\n' > "$work/md-only/a.md"
out=$("$bin" toc --ext txt "$work/md-only" 2>&1)
check "toc --ext txt on markdown says what it looked for and what is there" \
  bash -c 'grep -q "no article files (\*.txt) in this folder or its subfolders; it holds 1 other file (--ext md reads them)" <<< "$1"' _ "$out"
out=$("$bin" toc --ext md "$work/md-only" 2>&1)
check "toc --ext md reads the markdown (no *.txt message)" bash -c '! grep -q "txt" <<< "$1" && grep -q "A note" <<< "$1"' _ "$out"
out=$("$bin" mark "$work/cycle/a.txt" 2>&1); rc=$?
check "mark without --read or --unread says which to give, in a usage line that reads right" \
  bash -c '[ $2 -eq 2 ] && grep -q "say which: gazette mark --read FILE... or gazette mark --unread FILE..." <<< "$1" && ! grep -q "<read>" <<< "$1"' _ "$out" "$rc"

mkdir -p "$work/chain-only"; cp "$work/articles/0"[123]_*.txt "$work/chain-only/"
"$bin" check "$work/chain-only" > "$work/check2.txt" 2>&1; rc=$?
check "check lists dangling chain ends but exits 0 for them" \
  bash -c "[ $rc -eq 0 ] && grep -c '^dangling' '$work/check2.txt' | grep -qx 2 && grep -q '0 findings (and 2 dangling links, counted with --strict)' '$work/check2.txt'"
"$bin" check --strict "$work/chain-only" > /dev/null 2>&1; rc=$?
check "check --strict counts dangling links (exit 1)" test $rc -eq 1

mkdir -p "$work/unreadable"; printf '\0\1\2' > "$work/unreadable/a.txt"; : > "$work/unreadable/b.txt"
"$bin" chain "$work/unreadable" > "$work/chain-bad.out" 2> "$work/chain-bad.err"; rc=$?
check "chain on a folder of unreadable files says nothing to read (exit 1)" \
  bash -c "[ $rc -eq 1 ] && grep -q 'nothing to read' '$work/chain-bad.err' && grep -q 'b.txt: skipped, the file is empty' '$work/chain-bad.err'"

out=$("$bin" toc "$work/articles/01_first.txt" 2>&1)
check "toc numbers sections as the reader's digit keys do (1 is the beginning)" \
  bash -c 'grep -qx "  1. (beginning)" <<< "$1" && grep -qx "  2. Why the service came back" <<< "$1"' _ "$out"

out=$(COLUMNS=50 "$bin" dump "$work/articles/01_first.txt" 2>&1 | awk '{ if (length($0) > m) m = length($0) } END { print m }')
check "dump to a pipe wraps to \$COLUMNS" bash -c "[ '$out' -le 50 ] && [ '$out' -ge 40 ]"
out=$("$bin" dump --width 0 "$work/articles/01_first.txt" 2>&1)
check "dump --width 0 does not wrap: a paragraph is one line" grep -qF "$long Night trams are back after forty years." <<< "$out"

# The shipped binary carries no development tool or test hook (they are gazette-dev's).
hooks=$(for c in bench-next bench-search heading-features; do "$bin" help $c 2>&1 | head -1; done; "$bin" state soak 2>&1; grep -ac GAZETTE_TEST_CRASH "$bin")
check "gazette has no bench-next, bench-search, heading-features, state soak or crash hook" \
  bash -c '! grep -qiE "time following|time an in-article|heading detector.s features|random keys|state soak <path>" <<< "$1" && [ "$(tail -1 <<< "$1")" = 0 ]' _ "$hooks"
dev_help=$("$dev_bin" --help 2>&1)
check "gazette-dev has them" bash -c 'for c in bench-next bench-search soak heading-features crash; do grep -q "^  $c " <<< "$1" || exit 1; done' _ "$dev_help"

out=$("$bin" --version 2>&1)
check "--version prints a version" grep -qE '^[0-9]+\.[0-9]+\.[0-9]+' <<< "$out"

"$bin" check "$work/nope" > /dev/null 2>&1; rc=$?
check "check exits 2 on a missing path" test $rc -eq 2
"$bin" dump --width 5 "$work/articles" > /dev/null 2>&1; rc=$?
check "a bad --width is a usage error (exit 2)" test $rc -eq 2

out=$("$bin" dump --width 40 "$work/articles/03_third.txt" 2>&1)
check "dump wraps CJK within 40 columns" python3 -c '
import sys,unicodedata
w=lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines=sys.argv[1].splitlines(); assert max(w(l) for l in lines)<=40, [l for l in lines if w(l)>40]
assert any("§ 眠っていた活字との出会い" in l for l in lines)' "$out"

"$bin" dump "$work/articles" 2>/dev/null | head -1 > /dev/null; rc=${PIPESTATUS[0]}
check "dump | head -1 exits quietly" test "$rc" -eq 0

out=$("$bin" < /dev/null 2>&1 | head -3)
check "no arguments and no terminal: the built-in collection is printed" grep -q "Night Trams Return" <<< "$out"
out=$("$bin" < /dev/null 2>&1)
check "... through its Markdown note and its HTML page, chained to them and between them" bash -c '
  grep -qx "NEXT: A Repair Café Moves Into the Old Fire Station" <<< "$1" && grep -qx "§ What the Benches Take" <<< "$1" &&
  grep -qx "NEXT: Keepers’ Logbooks From the Point Lighthouse Go Online" <<< "$1" &&
  grep -qx "PREV: A Repair Café Moves Into the Old Fire Station" <<< "$1" && grep -qx "1898–1929 | 41 | 45,200" <<< "$1" &&
  ! grep -q "Related story\|More from the coast\|font-family" <<< "$1"' _ "$out"

# --- the reader in tmux, scripts and emoji, then hostile input: see e2e-reader.sh, e2e-clusters.sh, e2e-hostile.sh ---
for part in e2e-reader.sh e2e-less.sh e2e-clusters.sh e2e-hostile.sh e2e-state.sh e2e-search.sh e2e-config.sh e2e-fetch.sh e2e-nested.sh; do
  if [ -f "$here/$part" ]; then source "$here/$part"; fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
