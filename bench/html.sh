# Sourced by bench/run.sh: HTML pages (issue 19), side by side with their peers.
#   (a) every page of ../shared/html-devset/pages read by one `gazette toc --json FOLDER` run, against
#       trafilatura.extract on each page (bench/html_peer.py): at most 0.1x its time (the bar), 0.05x
#       (the goal). Only when ../shared/html-devset exists and trafilatura imports (a new clone has
#       neither); --smoke reads the first 10 pages.
#   (b) the reader's first screen of an HTML page of HTML_MB MB against that of the plain-text article
#       it was made from (bench/html_page.py: the same sections and paragraphs in a page's furniture),
#       in tmux as the other first-screen rows: at most 1.5x.
#   (c) a page over the size limit (a sparse 120 MB file) refused with its one-line reason, against a
#       plain-text article over the limit: the same reason, in about the same time (at most 1.5x).
T_DEVSET_BAR=0.1
T_DEVSET_GOAL=0.05
T_HTML_SCREEN_RATIO=1.5
T_OVER_LIMIT_RATIO=1.5
if [ "$MODE" = smoke ]; then HTML_MB=1; DEVSET_LIMIT=10; else HTML_MB=5; DEVSET_LIMIT=""; fi

# --- (a) the dev set against trafilatura ------------------------------------------------------
DEVSET=$ROOT/../shared/html-devset/pages
if [ -d "$DEVSET" ] && python3 -c 'import trafilatura' >/dev/null 2>&1; then
  pages=$DEVSET
  if [ -n "$DEVSET_LIMIT" ]; then
    pages=$WORK/devset-pages; mkdir -p "$pages"
    # awk reads all its input: `head` would leave sort writing to a closed pipe (exit 141 under pipefail).
    find "$DEVSET" -name '*.html' | LC_ALL=C sort | awk -v n="$DEVSET_LIMIT" 'NR <= n' \
      | while read -r f; do ln -sf "$f" "$pages/"; done
  fi
  n_pages=$(find "$pages" -name '*.html' | wc -l)
  dlabel="$n_pages dev-set pages, $(du -sbL "$pages" | awk '{printf "%.0f MB", $1/1e6}')"
  say "html: $dlabel, gazette toc --json vs trafilatura.extract"
  find -L "$pages" -name '*.html' -print0 | xargs -0 cat > /dev/null
  t_gz=$(median_time "'$BIN' toc --json '$pages' > /dev/null")
  # trafilatura: one run of the loop (about 20 s for the 349 pages here), timed inside the script.
  read -r t_tf tf_pages < <(python3 "$BENCH/html_peer.py" "$pages" ${DEVSET_LIMIT:+--limit "$DEVSET_LIMIT"} 2>"$WORK/tf.err" || echo "n/a 0")
  [ "${tf_pages:-0}" = "$n_pages" ] || t_tf="n/a (trafilatura: $(head -c 100 "$WORK/tf.err"))"
  row "toc --json, $dlabel (bar)" "$t_gz" s "$t_tf" "trafilatura.extract each" ratio "$T_DEVSET_BAR"
  row "toc --json, $dlabel (goal)" "$t_gz" s "$t_tf" "trafilatura.extract each" ratio "$T_DEVSET_GOAL"
else
  say "html: no ../shared/html-devset or no trafilatura: the dev-set row is left out"
fi

# --- (b) first screen of a page against that of a text article of the same size -----------------
dataset "big$HTML_MB" gen_big "$HTML_MB"
htext=$DATA/big$HTML_MB/big.txt
hdir=$DATA/html$HTML_MB
hstamp="$(cat "$DATA/big$HTML_MB.stamp") $(sha256sum "$BENCH/html_page.py" | cut -c1-16)"
if [ ! -f "$hdir/big.html" ] || [ "$(cat "$hdir.stamp" 2>/dev/null)" != "$hstamp" ]; then
  say "generating bench-data/html$HTML_MB/big.html from big$HTML_MB/big.txt"
  rm -rf "$hdir"; mkdir -p "$hdir"
  "$BIN" toc --json "$htext" > "$WORK/big-toc.json" && python3 "$BENCH/html_page.py" "$WORK/big-toc.json" "$hdir/big.html" \
    && printf '%s' "$hstamp" > "$hdir.stamp"
fi
hpage=$hdir/big.html
hlabel="$(du -b "$hpage" | awk '{printf "%.1f MB", $1/1e6}') page"
tlabel="$(du -b "$htext" | awk '{printf "%.1f MB", $1/1e6}') text article"
cat "$hpage" "$htext" > /dev/null
htitle=$(first_title "$htext")
say "first screen: $hlabel vs $tlabel ($SCREEN_RUNS run(s) each), expecting \"$htitle\""
hs=(); ts=(); hfail=""; tfail=""
hhome=$WORK/xdghtml; mkdir -p "$hhome"
hxdg=(env "XDG_CACHE_HOME=$hhome/cache" "XDG_STATE_HOME=$hhome/state" "XDG_DATA_HOME=$hhome/data")
for ((i = 0; i < SCREEN_RUNS; i++)); do
  j=$(screen "$htitle" 0 "${hxdg[@]}" "$BIN" "$hpage")
  if [ "$(jget "$j" ok)" = True ]; then hs+=("$(jget "$j" seconds)"); else hfail=$(na_reason "$j"); fi
  j=$(screen "$htitle" 0 "${hxdg[@]}" "$BIN" "$htext")
  if [ "$(jget "$j" ok)" = True ]; then ts+=("$(jget "$j" seconds)"); else tfail=$(na_reason "$j"); fi
done
h_s=${hfail:-$(median "${hs[@]}")}
t_s=${tfail:-$(median "${ts[@]}")}
row "first screen, $hlabel" "$h_s" s "$t_s" "$tlabel" ratio "$T_HTML_SCREEN_RATIO"

# --- (c) a page over the size limit ----------------------------------------------------------------
# Sparse files: the size is what is refused, before a byte is read.
over=$WORK/over; mkdir -p "$over"
printf '<!DOCTYPE html><html><head><title>Too big</title></head><body><p>' > "$over/over.html"
printf 'Too big\n\n-\n\n' > "$over/over.txt"
truncate -s 120000000 "$over/over.html" "$over/over.txt"
"$BIN" toc "$over/over.html" > /dev/null 2> "$WORK/over-html.err" || true
"$BIN" toc "$over/over.txt" > /dev/null 2> "$WORK/over-txt.err" || true
reason_html=$(grep -m1 'over.html: ' "$WORK/over-html.err" | sed 's/.*over.html: //')
reason_txt=$(grep -m1 'over.txt: ' "$WORK/over-txt.err" | sed 's/.*over.txt: //')
say "over the limit: html \"$reason_html\", text \"$reason_txt\""
t_over_html=$(median_time "'$BIN' toc '$over/over.html'")
t_over_txt=$(median_time "'$BIN' toc '$over/over.txt'")
case "$reason_html" in
  *"over the 100.0 MB limit for one article") ;;
  *) t_over_html="n/a (no size reason: $(head -c 120 "$WORK/over-html.err"))" ;;
esac
[ "$reason_html" = "$reason_txt" ] || t_over_html="n/a (reason differs from text's: \"$reason_html\" vs \"$reason_txt\")"
row "page over the size limit (120 MB) refused: “$reason_html”" "$t_over_html" s "$t_over_txt" "text article over it" ratio "$T_OVER_LIMIT_RATIO"
