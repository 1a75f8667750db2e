# Sourced by bench/run.sh: the full-text index (issue 11), side by side with cat and grep.
#   first index of each folder: against `cat` of every file (target ≤ 10×), with its peak memory;
#   reopening it unchanged: against the first index (≤ 0.1×);
#   queries on the indexed BIGN folder with --no-update (the index as it stands, as the reader
#   asks it): against `grep -rli WORD` (≤ 0.1×), and a rare word under 20 ms;
#   the index's size on disk against the text's.
T_INDEX_CAT_RATIO=10
T_REOPEN_RATIO=0.1
T_QUERY_GREP_RATIO=0.1
T_RARE_QUERY_S=0.020

for n in "${SIZES[@]}"; do
  dir=$DATA/n$n
  label="$(count "$dir") articles, $(mbytes "$dir")"
  cache=$WORK/search-cache-$n
  warm "$dir"; warm "$dir"
  t_cat=$(median_time "find '$dir' -name '*.txt' -print0 | xargs -0 cat > /dev/null")
  say "search: first index, $label"
  rm -rf "$cache"
  t0=$(date +%s.%N)
  m_index=$(peak_kb env XDG_CACHE_HOME="$cache" "$BIN" search zzzqqqnothing "$dir")
  t_index=$(echo "$(date +%s.%N) - $t0" | bc)
  [ -f "$cache/gazette/search.sqlite" ] || t_index="n/a (no index written)"
  row "search: first index, $label" "$t_index" s "$t_cat" "cat all files" ratio "$T_INDEX_CAT_RATIO"
  row "search: first index, $label, peak memory" "$m_index" KiB "" "" info 0
  t_reopen=$(median_time "XDG_CACHE_HOME='$cache' '$BIN' search zzzqqqnothing '$dir'")
  row "search: reopen unchanged, $label" "$t_reopen" s "$t_index" "first index" ratio "$T_REOPEN_RATIO"
  size_kb=$(( $(du -sb "$cache/gazette" 2>/dev/null | cut -f1 || echo 0) / 1024 ))
  text_kb=$(( $(du -sb "$dir" | cut -f1) / 1024 ))
  row "search: index size on disk, $label" "$size_kb" KiB "$text_kb" "the articles" info 0
done

dir=$DATA/n$BIGN
cache=$WORK/search-cache-$BIGN
label="$(count "$dir") articles"
[ -f "$cache/gazette/search.sqlite" ] || XDG_CACHE_HOME="$cache" "$BIN" search zzzqqqnothing "$dir" >/dev/null 2>&1 || true
# A rare word: a five-digit number of the first article (the generator scatters numbers).
rare=$(grep -ohE '\b[1-9][0-9]{4}\b' "$(find "$dir" -name '*.txt' | LC_ALL=C sort | awk 'NR == 1')" | awk 'NR == 1')
[ -n "$rare" ] || rare=zzzqqq
queries=("rare word|$rare" "common word|council" "two words|river bridge" "a phrase|\"the council\"" "CJK substring|铁路")
for q in "${queries[@]}"; do
  what=${q%%|*}; word=${q#*|}
  say "search: query ($what: $word), $label"
  t_q=$(median_time "XDG_CACHE_HOME='$cache' '$BIN' search --no-update $(printf '%q' "$word") '$dir'")
  # grep has no phrases or word sets: it is given the longest plain string of the query.
  gword=$(printf '%s' "$word" | tr -d '"' | awk '{ if (NF > 1 && $0 !~ /^the /) print $1; else print $0 }')
  t_grep=$(median_time "grep -rli $(printf '%q' "$gword") '$dir'")
  row "search: query, $what ($word), $label" "$t_q" s "$t_grep" "grep -rli $gword" ratio "$T_QUERY_GREP_RATIO"
  if [ "$what" = "rare word" ]; then row "search: query, $what ($word), $label" "$t_q" s "" "" abs "$T_RARE_QUERY_S"; fi
done
