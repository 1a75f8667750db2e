# Sourced by e2e.sh: gazette fetch against feeds and pages served from 127.0.0.1 by
# python3 -m http.server (never the network): articles with their pages' headings, the chain in
# publication order, a second fetch that writes nothing, one new item, a broken feed and a dead
# server beside a good feed, and a kill -9 in the middle of a long fetch.
site="$work/feed-site"
arch="$work/feed-archive"
mkdir -p "$site/p"
python3 - "$site" <<'PY'
import sys, os
site = sys.argv[1]
def page(title, heads, n):
    para = lambda h: ("<p>" + (f"The story of {title.lower()}, told at length about {h.lower()} for the readers of the harbour. " * 4) + "</p>")
    body = para("the start") + "".join(f"<h2>{h}</h2>{para(h)}<ul><li>First point on {h}</li><li>Second point</li></ul>" for h in heads)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Harbour Times</title>
<meta name="author" content="Reporter {n}"></head><body><nav><a href="/">Home</a> <a href="/a">Sport</a></nav>
<article><h1>{title}</h1>{body}</article><footer>© Harbour Times</footer></body></html>"""
stories = [("Cranes stop at the port", ["What the union wants", "What happens next"]),
           ("Night trams return", ["Who rides at night"]),
           ("Market opens on the roof", ["A garden above the stalls", "Prices"]),
           ("Ferry timetable changes", ["Summer sailings"])]
for i, (t, h) in enumerate(stories):
    open(f"{site}/p/{i}.html", "w").write(page(t, h, i))
def rss(items):
    out = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Harbour Times</title>'
    for i in items:
        t = stories[i][0]
        out += f"<item><title>{t}</title><link>/p/{i}.html</link><guid>story-{i}</guid><pubDate>Wed, 0{i+1} May 2024 08:00:00 GMT</pubDate><description>Short: {t}.</description></item>"
    return out + "</channel></rss>"
open(f"{site}/rss.xml", "w").write(rss([2, 1, 0]))
open(f"{site}/rss-next.xml", "w").write(rss([3, 2, 1, 0]))
atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kanazawa Notes</title>'
for i, (t, tx) in enumerate([("活版印刷所が復活", "路地裏の印刷所が若い職人の手で復活した。"), ("金沢の朝市", "朝市に人が戻ってきた。")]):
    atom += f'<entry><id>urn:kz:{i}</id><title>{t}</title><updated>2024-04-2{i}T09:00:00+09:00</updated>'
    atom += f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{tx * 3}</p><h2>見出し{i}</h2><p>{tx * 2}</p></div></content></entry>'
open(f"{site}/atom.xml", "w").write(atom + "</feed>")
open(f"{site}/broken.xml", "w").write("<rss><channel><title>Cut off")
long = '<?xml version="1.0"?><rss version="2.0"><channel><title>Long</title>'
for i in range(150):
    long += f"<item><title>Long item {i}</title><link>/p/{i % 4}.html</link><guid>long-{i}</guid><description>Item {i}.</description></item>"
open(f"{site}/long.xml", "w").write(long + "</channel></rss>")
PY
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$site" > "$work/http.log" 2>&1 &
http_pid=$!
port=""
for _ in $(seq 1 100); do
  port=$(sed -n 's/.*port \([0-9][0-9]*\).*/\1/p' "$work/http.log" | head -1)
  [ -n "$port" ] && break
  sleep 0.05
done
u="http://127.0.0.1:$port"
export XDG_DATA_HOME="$work/feed-data"

"$bin" fetch --into "$arch" "$u/rss.xml" "$u/atom.xml" > "$work/fetch1.out" 2> "$work/fetch1.err"; rc=$?
check "fetch: two feeds, exit 0, one article per item" \
  bash -c '[ "$1" -eq 0 ] && [ "$(ls "$2"/*.md | wc -l)" -eq 5 ]' _ "$rc" "$arch"
out=$("$bin" toc --json "$arch/2024-05-01-cranes-stop-at-the-port.md" 2>&1)
check "fetch: the page's headings are headings, its author and address kept" python3 -c '
import json,sys; o=json.loads(sys.argv[1])
assert o["title"]=="Cranes stop at the port", o["title"]
assert [s["heading"] for s in o["sections"]]==[None,"What the union wants","What happens next"], o["sections"]
assert "list-item" in o["sections"][1]["kinds"], o["sections"][1]
assert o["author"]=="Reporter 0" and o["url"].endswith("/p/0.html") and o["date"]=="2024-05-01T08:00:00Z", o' "$out"
out=$("$bin" chain --json "$arch" 2>&1)
check "fetch: each feed is one chain, in publication order" python3 -c '
import json,sys; chains=[json.loads(l) for l in sys.argv[1].splitlines()]
names=sorted([[f.split("/")[-1] for f in c["files"]] for c in chains])
assert names==[["2024-04-20-活版印刷所が復活.md","2024-04-21-金沢の朝市.md"],
  ["2024-05-01-cranes-stop-at-the-port.md","2024-05-02-night-trams-return.md","2024-05-03-market-opens-on-the-roof.md"]], names' "$out"

ls -l --time-style=+%s.%N "$arch" > "$work/ls1"
"$bin" fetch --into "$arch" "$u/rss.xml" "$u/atom.xml" > "$work/fetch2.out" 2>&1; rc=$?
ls -l --time-style=+%s.%N "$arch" > "$work/ls2"
check "fetch again: exit 0, not modified, nothing written" \
  bash -c '[ "$1" -eq 0 ] && grep -q "rss.xml): not modified" "$2" && cmp -s "$3" "$4"' _ "$rc" "$work/fetch2.out" "$work/ls1" "$work/ls2"

cp "$site/rss-next.xml" "$site/rss.xml"; touch -d '+1 hour' "$site/rss.xml"
"$bin" fetch --into "$arch" "$u/rss.xml" > "$work/fetch3.out" 2>&1; rc=$?
check "fetch: one new item adds one article, and the newest before it leads to it" \
  bash -c '[ "$1" -eq 0 ] && grep -q "1 new, 0 updated" "$2" && [ "$(ls "$3"/*.md | wc -l)" -eq 6 ] &&
    tail -1 "$3/2024-05-03-market-opens-on-the-roof.md" | grep -qx "NEXT Ferry timetable changes"' _ "$rc" "$work/fetch3.out" "$arch"

dead=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
start=$SECONDS
"$bin" fetch --json --connect-timeout 5 --into "$work/mixed" "$u/broken.xml" "http://127.0.0.1:$dead/feed" "$u/atom.xml" \
  > "$work/fetch4.out" 2> "$work/fetch4.err"; rc=$?
check "fetch: a broken feed and a dead server fail alone (exit 1, named on stderr), the good feed is fetched" \
  bash -c '[ "$1" -eq 1 ] && [ $(($SECONDS - $2)) -lt 100 ] && grep -q "broken.xml: invalid XML" "$3" &&
    grep -q "127.0.0.1:$4/feed: cannot connect" "$3" && [ "$(ls "$5"/*.md | wc -l)" -eq 2 ] &&
    python3 -c "import json,sys; r=[json.loads(l) for l in open(sys.argv[1])]; assert sorted(x[\"status\"] for x in r)==[\"failed\",\"failed\",\"fetched\"], r" "$6"' \
  _ "$rc" "$start" "$work/fetch4.err" "$dead" "$work/mixed" "$work/fetch4.out"

"$bin" fetch --into "$work/killed" "$u/long.xml" > /dev/null 2>&1 &
fetch_pid=$!
sleep 0.3; kill -9 "$fetch_pid" 2>/dev/null; wait "$fetch_pid" 2>/dev/null
echo "       (the kill left $(ls "$work/killed" | wc -l) of 150 articles)"
"$bin" check "$work/killed" > "$work/kill-check.txt" 2>&1
check "fetch killed with -9: every article written is whole" bash -c '! grep -q "skipped" "$1"' _ "$work/kill-check.txt"
"$bin" fetch --into "$work/killed" "$u/long.xml" > /dev/null 2>&1; rc=$?
check "fetch after a kill completes the rest: 150 articles in one chain" \
  bash -c '[ "$1" -eq 0 ] && [ "$(ls "$2"/*.md | wc -l)" -eq 150 ] && [ "$("$3" chain --json "$2" | wc -l)" -eq 1 ] &&
    ! ls -a "$2" | grep -q "\.tmp-"' _ "$rc" "$work/killed" "$bin"

mkdir -p "$work/no-config/gazette"
printf '# feeds\n%s "~Kanazawa Notes" japan\n' "$u/atom.xml" > "$work/no-config/gazette/feeds"
"$bin" fetch > "$work/fetch5.out" 2>&1; rc=$?
check "fetch with no URL: the feeds file's feeds, each in its folder under \$XDG_DATA_HOME/gazette" \
  bash -c '[ "$1" -eq 0 ] && [ "$(ls "$2"/gazette/kanazawa-notes/*.md | wc -l)" -eq 2 ]' _ "$rc" "$XDG_DATA_HOME"
rm -f "$work/no-config/gazette/feeds"
"$bin" fetch > /dev/null 2>&1; rc=$?
check "fetch with no URL and no feeds file: usage error (exit 2)" test "$rc" -eq 2

kill "$http_pid" 2>/dev/null; wait "$http_pid" 2>/dev/null
