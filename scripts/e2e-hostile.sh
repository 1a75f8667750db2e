# Sourced by e2e.sh: hostile input against the real binary. Uses $bin, $work, $here,
# ok/bad/check from e2e.sh. The fixtures are generated (scripts/hostile/make-hostile.py),
# never committed: random bytes, a PNG, invalid UTF-8, NULs, empty files, escape
# sequences (CSI, OSC, DCS, C1) and bidi controls in titles, headings, paragraphs and
# PREV/NEXT lines, 10,000 combining marks, a 50 MB line, 200,000 one-letter lines, a FIFO,
# symlinks to /dev/zero and /dev/urandom, symlink loops, a folder named x.txt (read as a subfolder), ...;
# and HTML pages (make-hostile.py --html, --html-big): broken markup, deep nesting, NULs, binary data,
# charsets, escapes, scripts and hidden elements.
#
# Every command runs under `timeout 60` and must end with 0/1 as documented (never a
# signal), with stdout and stderr free of terminal controls: no C0 but LF, no DEL, no
# C1, no ESC, no bidi embedding/override/isolate. The reader is driven in tmux.
hostile_start=$SECONDS
hs="$work/hostile"       # everything but the two big files
hb="$work/hostile-big"   # the 50 MB line and the 200,000 lines
hx="$work/hostile-out"   # captured output
mkdir -p "$hx"

# --- checkers ---------------------------------------------------------------------
# safe.py [--json] [--max-width N] FILE...: the terminal-safety property (see the doc string).
cat > "$hx/safe.py" <<'PY'
"""Each FILE must be valid UTF-8 with no C0 control but LF (tabs become spaces, see
docs/FORMAT.md), no DEL, no C1, no ESC, no U+202A-202E or U+2066-2069.
--json: every line parses as JSON, and no string in it decodes to such a character.
--json-lines: every line parses as JSON (strings may hold escaped controls: file paths).
--max-width N: no line wider than N columns (wide/fullwidth 2, marks and format 0)."""
import itertools, json, re, sys, unicodedata
BAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

def width(line):
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in line)

def strings(v):
    if isinstance(v, str): yield v
    elif isinstance(v, list):
        for x in v: yield from strings(x)
    elif isinstance(v, dict):
        for k, x in v.items(): yield k; yield from strings(x)

def check(path, as_json, max_width):
    data = open(path, "rb").read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return [f"{path}: not valid UTF-8 at byte {e.start}: {data[max(0, e.start - 20):e.start + 20]!r}"]
    out = [f"{path}: U+{ord(m.group()):04X} at {m.start()}: {text[max(0, m.start() - 30):m.start() + 30]!r}"
           for m in itertools.islice(BAD.finditer(text), 5)]
    lines = text.split("\n")
    if lines[-1] == "": lines.pop()
    for n, line in enumerate(lines, 1):
        if len(out) >= 5: break
        if as_json:
            try:
                v = json.loads(line)
            except ValueError as e:
                out.append(f"{path}:{n}: not JSON ({e}): {line[:80]!r}"); continue
            hit = next((s for s in strings(v) if BAD.search(s)), None) if as_json is True else None
            if hit is not None: out.append(f"{path}:{n}: a JSON string decodes to a control: {hit[:80]!r}")
        if max_width is not None and len(line) > max_width and width(line) > max_width:
            out.append(f"{path}:{n}: {width(line)} columns, over {max_width}: {line[:80]!r}")
    return out

args, as_json, max_width, paths = iter(sys.argv[1:]), False, None, []
for a in args:
    if a == "--json": as_json = True
    elif a == "--json-lines": as_json = "lines"
    elif a == "--max-width": max_width = int(next(args))
    else: paths.append(a)
problems = [p for path in paths for p in check(path, as_json, max_width)]
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
safe() { local out; out=$(python3 "$hx/safe.py" "$@" 2>&1) && return 0; printf '%s\n' "$out" | head -8; return 1; }

# expect.py MODE LIST FILE: what the output must say about the hostile folder.
# LIST has one "name<TAB>article|refused" line per entry (make-hostile.py --list).
cat > "$hx/expect.py" <<'PY'
import json, os, sys
mode, listing, path = sys.argv[1:4]
expect = dict(line.rstrip("\n").split("\t") for line in open(listing, encoding="utf-8"))
articles = {n for n, e in expect.items() if e == "article"}
refused = {n for n, e in expect.items() if e == "refused"}
text = open(path, encoding="utf-8").read()
lines = text.splitlines()
base = os.path.basename
problems = []
def want(cond, msg):
    if not cond: problems.append(msg)

if mode == "check":        # `check` text: one "unreadable:" line per refused entry, then the count
    named = [base(l[len("unreadable: "):].split(": ")[0]) for l in lines if l.startswith("unreadable: ")]
    want(sorted(named) == sorted(refused), f"unreadable lines name {sorted(named)}, expected {sorted(refused)}")
    want(lines and lines[-1].startswith(f"{len(articles)} articles checked"), f"last line {lines[-1:]!r}, expected {len(articles)} articles checked")
elif mode == "check-json":
    objs = [json.loads(l) for l in lines]
    named = [base(o["file"]) for o in objs if o["kind"] == "unreadable"]
    want(sorted(named) == sorted(refused), f"unreadable objects name {sorted(named)}, expected {sorted(refused)}")
    want(all(o.get("reason") for o in objs if o["kind"] == "unreadable"), "an unreadable file without a reason")
    want(all(o.get("message") and "\n" not in o["message"] for o in objs), "a finding without a message, or on several lines")
elif mode == "errors":     # stderr of toc/dump: exactly one "gazette: PATH: reason" line per refused entry
    named = [base(l[len("gazette: "):].split(": ")[0]) for l in lines if l.startswith("gazette: ")]
    want(sorted(named) == sorted(refused), f"stderr names {sorted(named)}, expected {sorted(refused)}")
    want(len(lines) == len(refused), f"{len(lines)} stderr lines for {len(refused)} refused files")
elif mode == "toc-json":
    objs = {base(o["file"]): o for o in map(json.loads, lines)}
    want(set(objs) == articles, f"toc --json gave {sorted(set(objs) ^ articles)} beyond/short of the served articles")
    def o(name): return objs.get(name, {"title": "", "sections": [], "warnings": [], "prev": None, "next": None})
    def paragraphs(name): return [p for s in o(name)["sections"] for p in s["paragraphs"]]
    def headings(name): return [s["heading"] for s in o(name)["sections"] if s["heading"]]
    def warned(name, words): return any(words in w for w in o(name)["warnings"])
    d01 = o("d01_escapes.txt")
    want(d01["title"].startswith("Escapes \u241b[2J\u241b[31min the\u241b[0m title \u241b]0;PWNED-TITLE\u2407\u241b]52;c;"), f"d01 title {d01['title']!r}")
    want(d01["title"].endswith("\ufffd2J\ufffd0;PWNED-C1\ufffd"), f"d01 title ends {d01['title'][-30:]!r} (C1 controls must become U+FFFD)")
    want(any(h.startswith("Heading \u241b[31mred\u241b[0m") for h in headings("d01_escapes.txt")), f"d01 headings {headings('d01_escapes.txt')!r}")
    want(warned("d01_escapes.txt", "control character"), f"d01 warnings {d01['warnings']}")
    want((d01["next"] or {}).get("file", "") and base(d01["next"]["file"]) == "e01_bidi.txt", f"d01 NEXT (with bidi controls) should resolve to e01: {d01['next']}")
    e01 = o("e01_bidi.txt")
    want(e01["title"] == "Bidi evil txt.exe and isolated rtl fsi  title", f"e01 title {e01['title']!r}")
    want(warned("e01_bidi.txt", "bidirectional"), f"e01 warnings {e01['warnings']}")
    want(base((e01["prev"] or {}).get("file") or "") == "d01_escapes.txt", f"e01 PREV (with escapes) should resolve to d01: {e01['prev']}")
    f01 = o("f01_invalid_utf8.txt")
    want("\ufffd" in f01["title"] and warned("f01_invalid_utf8.txt", "not valid UTF-8"), f"f01 {f01['title']!r} {f01['warnings']}")
    want(o("d02_raw_c1.txt")["title"].startswith("Raw C1 \ufffd2J byte"), f"d02 title {o('d02_raw_c1.txt')['title']!r}")
    want(o("d03_escape_only_title.txt")["title"] == "\u241b[2J\u241b[H", f"d03 title {o('d03_escape_only_title.txt')['title']!r}")
    b04 = o("b04_repeated_titles.txt")
    want(b04["title"] == "The same title again and again" and "The same title again and again" not in paragraphs("b04_repeated_titles.txt")
         and headings("b04_repeated_titles.txt") == ["A heading after repeats"], f"b04 (1000 repeated titles): {b04['title']!r} {headings('b04_repeated_titles.txt')}")
    want(o("b01_title_only.txt")["sections"] == [] and warned("b01_title_only.txt", "no body"), f"b01 {o('b01_title_only.txt')}")
    want(any("\u2400" in p for p in paragraphs("b08_nul_late.txt")), "b08: a NUL after the first 8 kB should show as \u2400")
    want(o("b09_lone_cr.txt")["title"] == "Title", f"b09 title {o('b09_lone_cr.txt')['title']!r} (a lone CR ends a line)")
    want(o("b12_tabs.txt")["title"] == "Tabs in the title", f"b12 title {o('b12_tabs.txt')['title']!r}")
    want(o("b10_long_title.txt")["title"].endswith("\u2026") and len(o("b10_long_title.txt")["title"]) <= 301, "b10: a 5000-character title is cut with …")
    want(o("c01_combining.txt")["title"].startswith("Combining Z\u0301\u0301"), "c01 title keeps its combining marks")
elif mode == "html-toc-json":   # the hostile HTML pages (make-hostile.py --html)
    objs = {base(o["file"]): o for o in map(json.loads, lines)}
    want(set(objs) == articles, f"toc --json gave {sorted(set(objs) ^ articles)} beyond/short of the served pages")
    def o(name): return objs.get(name, {"title": "", "sections": [], "warnings": [], "prev": None, "next": None})
    def texts(name):
        x = o(name)
        return [x["title"]] + [s["heading"] or "" for s in x["sections"]] + [p for s in x["sections"] for p in s["paragraphs"]] \
            + [x.get(k) or "" for k in ("author", "date", "url")]
    def alltext(name): return "\n".join(texts(name))
    def warned(name, words): return any(words in w for w in o(name)["warnings"])
    want(all(o(n)["format"] == "html" for n in articles), "a served page not read as html")
    h01 = alltext("h01_misnested.html")
    want(o("h01_misnested.html")["title"] == "Misnested and unclosed tags" and all(w in h01 for w in
         ("One bold both italic end.", "para in cell", "Under the heading.", "second item", "Deep and unclosed.", "Cut in a tag"))
         and "<" not in h01, f"h01 (misnested): {h01[:300]!r}")
    want(o("h02_nested_100k.html")["title"] == "A hundred thousand nested elements" and "Before the nest." in alltext("h02_nested_100k.html"),
         f"h02 (100,000 nested): {o('h02_nested_100k.html')['title']!r} {o('h02_nested_100k.html')['warnings']}")
    want(o("h03_nul.html")["title"] in ("NUL bytes in a page", "NUL\ufffdbytes in a page", "NUL\u2400bytes in a page")
         and "with" in alltext("h03_nul.html"), f"h03 (NULs): {o('h03_nul.html')['title']!r}")
    want(o("h07_wrong_charset.html")["title"] == "Declared latin-1, written in UTF-8: Café crème 東京"
         and "Größer als „hier“." in alltext("h07_wrong_charset.html") and warned("h07_wrong_charset.html", "declared"),
         f"h07 (wrong charset): {o('h07_wrong_charset.html')['title']!r} {o('h07_wrong_charset.html')['warnings']}")
    want("\ufffd" in alltext("h08_invalid_bytes.html") and "continuation" in alltext("h08_invalid_bytes.html"),
         f"h08 (invalid bytes): {alltext('h08_invalid_bytes.html')[:200]!r} {o('h08_invalid_bytes.html')['warnings']}")
    h09 = o("h09_escapes.html")
    want(h09["title"].startswith("Escapes ") and "[2J" in h09["title"] and h09["title"].endswith(" end")
         and any("[31mred" in (s["heading"] or "") for s in h09["sections"]) and "Lede" in alltext("h09_escapes.html"),
         f"h09 (escapes): {h09['title']!r} {[s['heading'] for s in h09['sections']]}")
    want(not any(w in alltext("h09_escapes.html") for w in ("<", "class=", "href=", "a date")), f"h09: markup or an attribute shown: {alltext('h09_escapes.html')[:300]!r}")
    h10 = alltext("h10_never_shown.html")
    want(all(f"Visible {n}" in h10 for n in ("one", "two", "three")), f"h10: the visible text is missing: {h10[:300]!r}")
    want("SECRET" not in text, "a script, style, hidden element or comment was shown: " + repr([l[:120] for l in lines if "SECRET" in l]))
    want(base((o("h01_misnested.html")["next"] or {}).get("file") or "") == "h09_escapes.html"
         and base((h09["next"] or {}).get("file") or "") == "h10_never_shown.html"
         and base((o("h10_never_shown.html")["prev"] or {}).get("file") or "") == "h09_escapes.html",
         f"the chain h01 -> h09 -> h10 by address: {o('h01_misnested.html')['next']} {h09['next']} {o('h10_never_shown.html')['prev']}")
elif mode == "html-reasons":  # check's text on the HTML folder: each refusal's reason
    reasons = {base(l[len("unreadable: "):].split(": ")[0]): l.split(": ", 2)[-1] for l in lines if l.startswith("unreadable: ")}
    for name, words in (("h04_binary.html", "binary data"), ("h05_png.html", "binary data"), ("h06_script_only.html", "no text"),
                        ("h11_empty.html", "empty"), ("h12_only_comments.html", "no text")):
        want(words in reasons.get(name, ""), f"{name}: reason {reasons.get(name)!r}, expected one with {words!r}")
elif mode == "chain-json":
    chains = [[base(f) for f in json.loads(l)["files"]] for l in lines]
    flat = [f for c in chains for f in c]
    want(sorted(flat) == sorted(articles), f"chains hold {sorted(set(flat) ^ articles)} beyond/short of the articles, or twice")
    chain = ["b03_title_and_links.txt", "d01_escapes.txt", "e01_bidi.txt", "c02_zero_width.txt", "c03_invisible_title.txt"]
    want(chain in chains, f"the chain through escape, bidi and zero-width titles is missing: {[c for c in chains if len(c) > 1]}")
for p in problems: print(p)
sys.exit(1 if problems else 0)
PY
expect() { local out; out=$(python3 "$hx/expect.py" "$@" 2>&1) && return 0; printf '%s\n' "$out" | head -8; return 1; }

# hrun TAG ARGS...: runs the binary under timeout 60 into $hx/TAG.out/.err/.rc and its time into .s.
hrun() {
  local tag=$1 t0=$SECONDS; shift
  timeout 60 "$bin" "$@" > "$hx/$tag.out" 2> "$hx/$tag.err" < /dev/null
  echo $? > "$hx/$tag.rc"
  echo $((SECONDS - t0)) > "$hx/$tag.s"
}
rc_of() { cat "$hx/$1.rc"; }
# hcheck NAME TAG WANT_RC [safe options]: exit status (WANT_RC may be "0|1"), then the
# safety of stdout and stderr.
hcheck() {
  local name=$1 tag=$2 want=$3; shift 3
  local rc; rc=$(rc_of "$tag")
  if [[ "|$want|" == *"|$rc|"* ]]; then ok "$name exits $rc ($(cat "$hx/$tag.s")s)"
  elif [ "$rc" -eq 124 ]; then bad "$name exits $want" "timed out after 60 s"
  else bad "$name exits $want" "exit status $rc$([ "$rc" -ge 128 ] && echo " (signal $((rc - 128)))"); stderr: $(head -c 600 "$hx/$tag.err")"; fi
  local msg
  if msg=$(safe "$@" "$hx/$tag.out") && msg=$(safe "$hx/$tag.err"); then ok "$name: stdout and stderr carry no terminal control"
  else bad "$name: stdout and stderr carry no terminal control" "$msg"; fi
}
expect_ok() { local name=$1 msg; shift; if msg=$(expect "$@"); then ok "$name"; else bad "$name" "$msg"; fi; }

# --- the fixtures -----------------------------------------------------------------
gen_start=$SECONDS
python3 "$here/hostile/make-hostile.py" "$hs" --small --list > "$hx/list.txt" 2> "$hx/gen.err" \
  && python3 "$here/hostile/make-hostile.py" "$hb" --big-only --list > "$hx/list-big.txt" 2>> "$hx/gen.err"
check "hostile: the fixtures are generated ($((SECONDS - gen_start))s)" test -s "$hx/list.txt" -a -s "$hx/list-big.txt"
[ -s "$hx/gen.err" ] && sed 's/^/       note: /' "$hx/gen.err"
if [ "$(id -u)" -eq 0 ]; then
  echo "       note: running as root, so a chmod 000 file is readable: s08_unreadable.txt is expected to be served, its refusal is not tested"
fi

# --- the scripting commands on the hostile folder -------------------------------------
hrun toc toc "$hs"
hcheck "hostile: toc" toc 0
expect_ok "hostile: toc names each refused file in one stderr line" errors "$hx/list.txt" "$hx/toc.err"
hrun tocj toc --json "$hs"
hcheck "hostile: toc --json" tocj 0 --json
expect_ok "hostile: toc --json serves every readable file, sanitised, links resolved" toc-json "$hx/list.txt" "$hx/tocj.out"
hrun chainj chain --json "$hs"
hcheck "hostile: chain --json" chainj 0 --json
expect_ok "hostile: chain --json puts every article in one chain, across escape and bidi titles" chain-json "$hx/list.txt" "$hx/chainj.out"
hrun check check "$hs"
hcheck "hostile: check" check 1
expect_ok "hostile: check lists every refused file with a one-line reason" check "$hx/list.txt" "$hx/check.out"
hrun checkj check --json "$hs"
hcheck "hostile: check --json" checkj 1 --json
expect_ok "hostile: check --json lists every refused file" check-json "$hx/list.txt" "$hx/checkj.out"
hrun dump dump --width 60 "$hs"
hcheck "hostile: dump --width 60" dump 0 --max-width 60
expect_ok "hostile: dump names each refused file in one stderr line" errors "$hx/list.txt" "$hx/dump.err"
check "hostile: check names the FIFO, the devices and the loops; the folder x.txt is a subfolder, not a file" bash -c "
  grep -q 's01_fifo.txt: skipped, it is a named pipe (FIFO)' '$hx/check.out' &&
  grep -q 's02_zero.txt: skipped, it is a character device' '$hx/check.out' &&
  grep -q 's03_urandom.txt: skipped, it is a character device' '$hx/check.out' &&
  grep -q 's04_loop.txt: cannot be read (too many levels of symbolic links)' '$hx/check.out' &&
  grep -q 's06_gone.txt: no such file' '$hx/check.out' &&
  ! grep -q 'x.txt' '$hx/check.out'"

# Single special files named on the command line: they must not block or crash either.
for f in s01_fifo.txt s02_zero.txt s03_urandom.txt s04_loop.txt x.txt; do
  hrun "one-$f" dump --width 60 "$hs/$f"
  # Nothing to print: 0 or 1 (README documents exit codes for check only); a folder
  # with no article files is a usage error (2).
  hcheck "hostile: dump of $f alone" "one-$f" "$([ "$f" = x.txt ] && echo 2 || echo '0|1')"
  check "hostile: ... says why in one line" grep -q "$f: " "$hx/one-$f.err"
done
hrun devzero dump /dev/zero
hcheck "hostile: dump /dev/zero" devzero '0|1'
check "hostile: ... says it is a character device" grep -q "/dev/zero: skipped, it is a character device" "$hx/devzero.err"

# The default command with stdout not a terminal prints what dump prints: a named file
# that is refused must be reported, not replaced by another article; a folder where
# nothing can be served must not crash.
allbad="$work/hostile-allbad"
mkdir -p "$allbad" && mkfifo "$allbad/fifo.txt" && ln -s /dev/zero "$allbad/zero.txt" && : > "$allbad/empty.txt"
hrun readfifo "$hs/s01_fifo.txt"
hcheck "hostile: gazette FIFO (not a terminal)" readfifo '0|1'
check "hostile: ... names the FIFO and prints no other article instead" bash -c "
  grep -q 's01_fifo.txt: skipped, it is a named pipe' '$hx/readfifo.err' && [ ! -s '$hx/readfifo.out' ]"
hrun readallbad "$allbad"
check "hostile: gazette FOLDER where no file can be served does not crash (exit $(rc_of readallbad))" test "$(rc_of readallbad)" -lt 128
hrun readallbadfile "$allbad/fifo.txt"
check "hostile: gazette FIFO in such a folder does not crash (exit $(rc_of readallbadfile))" test "$(rc_of readallbadfile)" -lt 128
check "hostile: ... and both say why" bash -c "grep -q 'named pipe' '$hx/readallbad.err' && grep -q 'named pipe' '$hx/readallbadfile.err'"

# --- hostile file names: ESC, C1, bidi, a newline, a byte that is not UTF-8 ----------------
# Paths are printed by check, toc and the error messages; they are part of the output too.
hn="$work/hostile-names"
python3 "$here/hostile/make-hostile.py" "$hn" --names-only > /dev/null 2>> "$hx/gen.err"
hrun ncheck check "$hn"
hcheck "hostile names: check (only dangling links: exit 0)" ncheck 0
hrun ntoc toc "$hn"
hcheck "hostile names: toc" ntoc 0
hrun ntocj toc --json "$hn"
hcheck "hostile names: toc --json" ntocj 0 --json-lines
check "hostile names: every file is served, whatever its name" bash -c "! grep -q '^unreadable' '$hx/ncheck.out'"
hrun ncheckj check --json "$hn"
check "hostile names: check prints one line per finding (a newline in a name stays in its line)" \
  test "$(($(wc -l < "$hx/ncheck.out") - 1))" -eq "$(wc -l < "$hx/ncheckj.out")"

# --- the big files: once each, as they dominate the time ---------------------------------
big_start=$SECONDS
hrun bigcheck check --json "$hb"
hcheck "hostile: check --json on the 50 MB and 200,000-line files (dangling only: exit 0)" bigcheck 0 --json
hrun bigchain chain --json "$hb"
hcheck "hostile: chain --json on the big files" bigchain 0 --json
check "hostile: ... and they chain" python3 -c '
import json,sys; c=[[f.split("/")[-1] for f in json.loads(l)["files"]] for l in open(sys.argv[1])]
assert ["g01_line_50mb.txt","g02_many_lines.txt"] in c, c' "$hx/bigchain.out"
hrun bigtoc toc --json "$hb/g01_line_50mb.txt"
hcheck "hostile: toc --json of the 50 MB line" bigtoc 0 --json
check "hostile: ... the line is one paragraph, its ESC shown as ␛" python3 -c '
import json,sys; o=json.loads(open(sys.argv[1]).readline()); p=o["sections"][0]["paragraphs"]
assert len(p)==1 and len(p[0])>50_000_000 and "\u241b[2J" in p[0], (len(p), o["warnings"])' "$hx/bigtoc.out"
hrun bigdump1 dump --width 60 "$hb/g01_line_50mb.txt"
hcheck "hostile: dump --width 60 of the 50 MB line" bigdump1 0 --max-width 60
hrun bigdump2 dump --width 60 "$hb/g02_many_lines.txt"
hcheck "hostile: dump --width 60 of 200,000 one-letter lines" bigdump2 0 --max-width 60
check "hostile: ... every one of the 200,000 lines is there" bash -c "[ \$(grep -cx '[a-z]' '$hx/bigdump2.out') -eq 200000 ]"
t0=$SECONDS
# (the many-lines file: its first line is written at once, so the rest meets a closed pipe)
timeout 60 "$bin" dump "$hb/g02_many_lines.txt" 2> "$hx/head.err" | head -1 > "$hx/head.out"; rc=${PIPESTATUS[0]}
check "hostile: dump BIGFILE | head -1 exits 0 quietly ($((SECONDS - t0))s)" bash -c "[ $rc -eq 0 ] && [ ! -s '$hx/head.err' ] && grep -qx 'Two hundred thousand lines' '$hx/head.out'"
big_time=$((SECONDS - big_start))

# --- HTML pages (issue 19): the same guarantees for the HTML reader ------------------------
# make-hostile.py --html: misnested and unclosed tags, 100,000 nested elements, NUL bytes, binary data
# and a PNG named .html, a page of only script, a wrong declared charset, invalid bytes, escape
# sequences (raw and as character references) in the title, text and attributes, and scripts, styles,
# hidden elements and comments that must never be shown. The single-line page is 10 MB here, not the
# text catalogue's 50 MB: this is the debug build, where libxml2's parse and the extractor take about
# 1.2 s a megabyte under make test's load (a 50 MB page took 61 s, over the 60 s every command gets);
# the 50 MB page is read by `make bench`'s release build (docs/PERFORMANCE.md).
html_start=$SECONDS
hh="$work/hostile-html"; hhb="$work/hostile-html-big"
HTML_BIG_MB=10
python3 "$here/hostile/make-hostile.py" "$hh" --html --list > "$hx/list-html.txt" 2>> "$hx/gen.err" \
  && python3 "$here/hostile/make-hostile.py" "$hhb" --html-big $HTML_BIG_MB --list > /dev/null 2>> "$hx/gen.err"
check "hostile html: the pages are generated" test -s "$hx/list-html.txt" -a -s "$hhb/hb_line_${HTML_BIG_MB}mb.html"
hrun htoc toc "$hh"
hcheck "hostile html: toc" htoc 0
expect_ok "hostile html: toc names each refused page in one stderr line" errors "$hx/list-html.txt" "$hx/htoc.err"
hrun htocj toc --json "$hh"
hcheck "hostile html: toc --json" htocj 0 --json
expect_ok "hostile html: toc --json reads every page as well as it can, sanitised, nothing hidden shown, chained by address" \
  html-toc-json "$hx/list-html.txt" "$hx/htocj.out"
hrun hcheck check "$hh"
hcheck "hostile html: check" hcheck 1
expect_ok "hostile html: check lists every refused page" check "$hx/list-html.txt" "$hx/hcheck.out"
expect_ok "hostile html: ... each with its reason (binary, no text, empty)" html-reasons "$hx/list-html.txt" "$hx/hcheck.out"
hrun hdump dump --width 60 "$hh"
hcheck "hostile html: dump --width 60" hdump 0 --max-width 60
check "hostile html: dump shows no script, style, hidden element or comment" bash -c "! grep -q SECRET '$hx/hdump.out'"
hrun hchainj chain --json "$hh"
hcheck "hostile html: chain --json" hchainj 0 --json
hrun hbig toc --json "$hhb/hb_line_${HTML_BIG_MB}mb.html"
hcheck "hostile html: toc --json of the $HTML_BIG_MB MB single-line page" hbig 0 --json
check "hostile html: ... its title, and its line read as one paragraph" python3 -c '
import json,sys; o=json.loads(open(sys.argv[1]).readline()); p=[x for s in o["sections"] for x in s["paragraphs"]]
assert o["title"].startswith("A single-line page") and max(len(x) for x in p) >= 9_999_999, (o["title"], [len(x) for x in p])' "$hx/hbig.out"
# libxml2 stops at a text node of 10,000,000 bytes: a longer run is cut by <wbr> before it reads it.
check "hostile html: ... the whole line is read, and what follows it (a text node over 10,000,000 bytes)" python3 -c '
import json,sys; o=json.loads(open(sys.argv[1]).readline()); p=[x for s in o["sections"] for x in s["paragraphs"]]
assert max(len(x) for x in p) > int(sys.argv[2]) * 1024 * 1024 * 0.9 and "After the line" in [s["heading"] for s in o["sections"]], \
  ([len(x) for x in p], [s["heading"] for s in o["sections"]], o["warnings"])' "$hx/hbig.out" "$HTML_BIG_MB"
# What is read from attributes, the date (<time datetime>) and the page's address (<link href>), is
# sanitised as text is.
hrun hmeta dump --width 60 "$hh-meta/h13_meta_escapes.html"
check "hostile html: dump of escapes in <time datetime> and <link href> carries no terminal control" \
  safe "$hx/hmeta.out" "$hx/hmeta.err"
hrun hmetaj toc --json "$hh-meta/h13_meta_escapes.html"
check "hostile html: ... nor does toc --json (date, url)" safe --json "$hx/hmetaj.out"
html_time=$((SECONDS - html_start))

# --- the reader in tmux, on a file full of escape sequences ----------------------------
reader_start=$SECONDS
hsock="gz-hostile-$$-0"
htm() { tmux -L "$hsock" "$@"; }
# hstart N COMMAND: a fresh private server per session (a killed server can still be
# exiting when the next one would start on the same socket).
hstart() {
  hsock="gz-hostile-$$-$1"
  htm -f /dev/null new-session -d -s hostile -x 80 -y 24 -e LANG=C.UTF-8 -e TERM=screen "$2"
}
# hstop: ends the session's server and removes its socket file (kill-server can leave it).
hstop() {
  local path; path=$(htm display -p '#{socket_path}' 2>/dev/null)
  htm kill-server 2>/dev/null
  case "$path" in */gz-hostile-$$-*) rm -f "$path" ;; esac
}
hpane() { htm capture-pane -p -t hostile 2>/dev/null; }
hwait() { pane_wait "$hsock" hostile "$@"; }  # hwait TEXT [SECONDS]
hexpect() { local name=$1; shift; if "$@"; then ok "$name"; else bad "$name" "$(hpane)"; fi; }
if ! command -v tmux >/dev/null 2>&1; then
  bad "hostile: tmux is installed (make test installs it)"
else
  # set-clipboard on: an OSC 52 reaching tmux would land in its paste buffers.
  hstart 1 "printf 'SHELL-BEFORE\n'; sleep 0.3; '$bin' '$hs/d01_escapes.txt'; echo \"EXIT=\$?\"; sleep 30"
  htm set-option -s set-clipboard on 2>/dev/null
  htm select-pane -t hostile -T GZ-TITLE-BEFORE
  title_before=$(htm display -p -t hostile '#{pane_title}')
  hexpect "hostile reader: shows the escapes article, ESC as ␛" hwait "Escapes ␛[2J␛[31min the␛[0m title"
  hexpect "hostile reader: shows its heading" hwait "Heading ␛[31mred␛[0m"
  hexpect "hostile reader: C1 controls shown as U+FFFD, C0 and DEL as symbols" hwait "Tail ��������� ␡␈␈␈␌␋␜␟"
  hexpect "hostile reader: OSC shown as text, not obeyed" hwait "title ␛]0;PWNED-TITLE␇"
  htm send-keys -t hostile 'n'
  hexpect "hostile reader: n follows NEXT to the bidi article" hwait "chain 3/5"
  hexpect "hostile reader: ... shown without its bidi controls" hwait "Bidi evil txt.exe and isolated rtl fsi  title"
  htm send-keys -t hostile 'n'
  hexpect "hostile reader: n again reaches the zero-width article" hwait "chain 4/5"
  htm send-keys -t hostile 'p' 'p'
  hexpect "hostile reader: p p comes back" hwait "chain 2/5"
  title_after=$(htm display -p -t hostile '#{pane_title}')
  check "hostile reader: the file did not change the window title ($title_after)" test "$title_before" = "GZ-TITLE-BEFORE" -a "$title_after" = "$title_before"
  check "hostile reader: the file did not write to the clipboard (OSC 52)" test -z "$(htm list-buffers 2>/dev/null)"
  htm send-keys -t hostile 'q'
  hexpect "hostile reader: q exits with status 0" hwait "EXIT=0"
  hexpect "hostile reader: the screen is restored" bash -c "tmux -L '$hsock' capture-pane -p -t hostile | grep -qF SHELL-BEFORE"
  hstop

  # The 200,000 lines: the first screen comes at once, and q quits while the rest is read.
  hstart 2 "'$bin' '$hb/g02_many_lines.txt'; echo \"EXIT=\$?\"; sleep 30"
  hexpect "hostile reader: 200,000 lines show their first screen within 5 s" hwait "Two hundred thousand lines" 5
  htm send-keys -t hostile 'q'
  hexpect "hostile reader: ... and q quits within 10 s, reading or not" hwait "EXIT=0" 10
  hstop

  # A folder where nothing can be served: a reason, not a crash.
  hstart 3 "'$bin' '$allbad'; echo \"EXIT=\$?\"; sleep 30"
  hwait "EXIT=" 3 || htm send-keys -t hostile 'q'  # it may explain itself full-screen, then q quits
  hwait "EXIT=" 10
  hexpect "hostile reader: a folder of refused files does not crash the reader" bash -c "tmux -L '$hsock' capture-pane -p -t hostile | grep -q 'EXIT=[012]\$'"
  hstop

  # 10,000 combining marks on one letter, and raw C1 bytes: drawn without a crash.
  hstart 4 "'$bin' '$hs/c01_combining.txt'; echo \"EXIT=\$?\"; sleep 30"
  hexpect "hostile reader: the combining-marks article is drawn" hwait "Combining Z"
  htm send-keys -t hostile 'G'
  htm send-keys -t hostile 'q'
  hexpect "hostile reader: ... and q exits 0" hwait "EXIT=0"
  hstop

  # HTML: the page of escapes (raw and as references, in the title, text and attributes) is drawn
  # without obeying them; n follows its rel=next to the page whose scripts, styles, hidden elements
  # and comments must not show.
  hstart 5 "printf 'SHELL-BEFORE\n'; sleep 0.3; '$bin' '$hh/h09_escapes.html'; echo \"EXIT=\$?\"; sleep 30"
  htm set-option -s set-clipboard on 2>/dev/null
  htm select-pane -t hostile -T GZ-TITLE-BEFORE
  hexpect "hostile html reader: opens the page of escapes" hwait "Lede"
  hexpect "hostile html reader: ... its title shown, the escapes harmless" bash -c "tmux -L '$hsock' capture-pane -p -t hostile | grep -q 'Escapes .*\[2J'"
  hexpect "hostile html reader: ... its heading" hwait "Heading [31mred"
  htm send-keys -t hostile 'n'
  hexpect "hostile html reader: n follows rel=next to the page of hidden things" hwait "Visible one"
  htm send-keys -t hostile 'G'
  hexpect "hostile html reader: ... its end" hwait "Visible three"
  hexpect "hostile html reader: ... and no script, style, hidden element or comment is on screen" \
    bash -c "! tmux -L '$hsock' capture-pane -p -t hostile | grep -q SECRET"
  title_after=$(htm display -p -t hostile '#{pane_title}')
  check "hostile html reader: the page did not change the window title ($title_after)" test "$title_after" = "GZ-TITLE-BEFORE"
  check "hostile html reader: the page did not write to the clipboard (OSC 52)" test -z "$(htm list-buffers 2>/dev/null)"
  htm send-keys -t hostile 'q'
  hexpect "hostile html reader: q exits with status 0" hwait "EXIT=0"
  hstop

  # The single-line page: its first screen comes, and q quits.
  hstart 6 "'$bin' '$hhb/hb_line_${HTML_BIG_MB}mb.html'; echo \"EXIT=\$?\"; sleep 30"
  hexpect "hostile html reader: the $HTML_BIG_MB MB single-line page shows its first screen within 40 s" hwait "lorem ipsum dolor" 40
  htm send-keys -t hostile 'q'
  hexpect "hostile html reader: ... and q quits" hwait "EXIT=0" 10
  hstop

  # A binary file named .html, alone: a reason, not a crash.
  hstart 7 "'$bin' '$hh/h04_binary.html'; echo \"EXIT=\$?\"; sleep 30"
  hwait "EXIT=" 5 || htm send-keys -t hostile 'q'
  hexpect "hostile html reader: a binary .html ends with its reason, not a crash" bash -c "
    for i in \$(seq 1 100); do p=\$(tmux -L '$hsock' capture-pane -p -t hostile); if printf '%s' \"\$p\" | grep -q 'EXIT=[01]\$' && printf '%s' \"\$p\" | grep -q 'binary data'; then exit 0; fi; sleep 0.1; done; exit 1"
  hstop
fi
reader_time=$((SECONDS - reader_start))

echo "       hostile part: $((SECONDS - hostile_start))s (big files ${big_time}s, html ${html_time}s, reader ${reader_time}s)"
