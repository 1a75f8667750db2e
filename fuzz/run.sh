#!/usr/bin/env bash
# libFuzzer targets for Gazette's parser, layout, Markdown and HTML readers (see fuzz/README.md).
#
#   fuzz/run.sh SECONDS   build the targets, run each for SECONDS, minimise findings
#   fuzz/run.sh --smoke   build the targets unoptimised, run each for 5 seconds, seed 1 (make test)
#   fuzz/run.sh --build   build only
#
# The smoke run builds with -Onone into fuzz/bin/smoke/: about a quarter of the compile time
# of -O (the largest part of `make test` before), for a third of the executions per second;
# libFuzzer runs every seed before it looks at the clock, then mutates until 5 s are up
# (a few hundred inputs on an idle machine, none when it is busy). Real runs build with -O.
#
# Builds with the Swift toolchain's own libFuzzer and ASan (swiftc
# -sanitize=fuzzer,address, linked by the toolchain's lld): a snapshot of
# Sources/ArticleKit and Sources/ReaderCore is compiled into static libraries and
# modules under fuzz/bin/, and each target is linked against them. Needs nothing
# but the toolchain. Corpora grow in fuzz/corpus-<target>/ (kept between runs, not
# committed); crash/timeout/OOM inputs go to fuzz/findings/<target>/ (ignored).
# Exits 0 when nothing was found, 1 when something was, 2 when it could not run.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
FUZZ="$ROOT/fuzz"
BIN="$FUZZ/bin"
FINDINGS="$FUZZ/findings"
TARGETS=(parser layout markdown html)
NICE=(nice -n 15)

usage() { echo "usage: fuzz/run.sh SECONDS | --smoke | --build" >&2; exit 2; }
[ $# -eq 1 ] || usage
MODE=run
case "$1" in
  --smoke) MODE=smoke; RUN_SECONDS=5; BIN="$FUZZ/bin/smoke"; NICE=() ;;  # a phase of make test: its priority
  --build) MODE=build; RUN_SECONDS=0 ;;
  ''|*[!0-9]*) usage ;;
  *) RUN_SECONDS=$1 ;;
esac

# --- toolchain -------------------------------------------------------------
SWIFTC=${SWIFTC:-$(command -v swiftc || true)}
if [ -z "$SWIFTC" ]; then echo "fuzz: swiftc not found on PATH" >&2; exit 2; fi
TOOLBIN=$(dirname "$(readlink -f "$SWIFTC")")
if ! ls "$TOOLBIN"/../lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 \
   && ! ls "$TOOLBIN"/../lib/swift/clang/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
  echo "fuzz: this Swift toolchain ($TOOLBIN) ships no libFuzzer runtime" >&2; exit 2
fi
# llvm-symbolizer for readable ASan reports comes with the toolchain.
export PATH="$TOOLBIN:$PATH"
# The toolchain's lld links without gold's "Cannot export local symbol" noise;
# without it, the system linker (binutils) must be there.
LINK=()
if [ -x "$TOOLBIN/ld.lld" ]; then
  LINK=(-use-ld=lld)
elif ! command -v ld.gold >/dev/null 2>&1 && ! command -v ld >/dev/null 2>&1; then
  echo "fuzz: installing binutils (linker)"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq binutils
fi

# --- build -----------------------------------------------------------------
OPT=-O
[ "$MODE" = smoke ] && OPT=-Onone
# Each module in one compiler job (-wmo: no file parsed once per job) and, for the smoke run,
# no debug info (its reports still name the functions; a real run keeps line numbers): the
# smoke build went from 52 to 34 s.
DEBUG=(-g)
[ "$MODE" = smoke ] && DEBUG=()
SWIFTFLAGS=(-sanitize=fuzzer,address -parse-as-library -wmo "$OPT" "${DEBUG[@]}" -swift-version 6)
# ArticleKit imports the C shims (CLibXML2, CCmark): their module maps, libxml2's headers, and the
# libraries at the final link.
XML2_CFLAGS=$(pkg-config --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
SHIMS=(-I "$ROOT/CLibXML2" -I "$ROOT/CCmark")
for f in $XML2_CFLAGS; do SHIMS+=(-Xcc "$f"); done
CLIBS=(-lxml2 -lcmark)

sources_newer_than() {  # any input of the build newer than $1?
  [ -e "$1" ] || return 0
  [ -n "$(find Sources/ArticleKit Sources/ReaderCore CLibXML2 CCmark "$FUZZ"/*.swift "$FUZZ/run.sh" -newer "$1" -print -quit)" ]
}

build() {
  mkdir -p "$BIN/modules"
  local have=1 t
  for t in "${TARGETS[@]}"; do [ -x "$BIN/$t" ] || have=0; done
  if ! sources_newer_than "$BIN/.built" && [ "$have" = 1 ]; then
    echo "fuzz: targets up to date in ${BIN#"$ROOT"/}/"; return
  fi
  echo "fuzz: building ArticleKit, ReaderCore and the targets with -sanitize=fuzzer,address $OPT"
  local t0=$SECONDS log="$BIN/build.log"
  : >"$log"
  # Libraries are instrumented for coverage and ASan; only the final link adds libFuzzer's main.
  # Compile a snapshot of the sources: an editor saving a file mid-build must not fail it.
  touch "$BIN/.building"
  rm -rf "$BIN/src"; mkdir -p "$BIN/src"
  cp -R Sources/ArticleKit Sources/ReaderCore "$BIN/src/"
  local ak rc
  mapfile -t ak < <(find "$BIN/src/ArticleKit" -name '*.swift' | sort)
  mapfile -t rc < <(find "$BIN/src/ReaderCore" -name '*.swift' | sort)
  if ! "${NICE[@]}" "$SWIFTC" "${SWIFTFLAGS[@]}" "${SHIMS[@]}" -module-name ArticleKit -emit-module \
        -emit-module-path "$BIN/modules/ArticleKit.swiftmodule" -emit-library -static \
        -o "$BIN/libArticleKit.a" "${ak[@]}" >>"$log" 2>&1 \
     || ! "${NICE[@]}" "$SWIFTC" "${SWIFTFLAGS[@]}" "${SHIMS[@]}" -module-name ReaderCore -I "$BIN/modules" -emit-module \
        -emit-module-path "$BIN/modules/ReaderCore.swiftmodule" -emit-library -static \
        -o "$BIN/libReaderCore.a" "${rc[@]}" >>"$log" 2>&1; then
    grep -v "Cannot export local symbol" "$log" | tail -40 >&2
    echo "fuzz: building the libraries failed (full log: ${log#"$ROOT"/})" >&2; exit 2
  fi
  for t in "${TARGETS[@]}"; do
    if ! "${NICE[@]}" "$SWIFTC" "${SWIFTFLAGS[@]}" "${SHIMS[@]}" "${LINK[@]}" -module-name "fuzz_$t" -I "$BIN/modules" \
          "$FUZZ/$t.swift" "$FUZZ/common.swift" "$BIN/libReaderCore.a" "$BIN/libArticleKit.a" "${CLIBS[@]}" \
          -o "$BIN/$t" >>"$log" 2>&1; then
      grep -v "Cannot export local symbol" "$log" | tail -40 >&2
      echo "fuzz: building target $t failed (full log: ${log#"$ROOT"/})" >&2; exit 2
    fi
  done
  mv "$BIN/.building" "$BIN/.built"   # stamped with the time the snapshot was taken
  echo "fuzz: built ${TARGETS[*]} in ${BIN#"$ROOT"/}/ in $((SECONDS - t0)) s"
}

# --- seeds -----------------------------------------------------------------
# Real articles, the heading fixtures and the hand-made seeds. The layout target
# reads its width from the first byte, so it also gets each seed behind a few
# width bytes (1, 3, 20 and 80 columns).
make_seeds() {
  local t=$1 dir="$BIN/seeds-$1"
  rm -rf "$dir"; mkdir -p "$dir"
  local f base
  local extra=()
  [ "$t" = markdown ] && extra=(Tests/ArticleKitTests/Fixtures/Markdown/*.md Samples/articles/*.md)
  [ "$t" = html ] && extra=("$FUZZ"/seeds/html/*.html Samples/articles/*.html)
  for f in Tests/ArticleKitTests/Fixtures/Headings/*.txt Samples/articles/*.txt "$FUZZ"/seeds/* "${extra[@]}"; do
    [ -f "$f" ] || continue
    base=$(basename "$(dirname "$f")")-$(basename "$f")
    cp "$f" "$dir/$base"
    if [ "$t" = layout ]; then
      for w in 00 02 13 4f; do { printf "\\x$w"; cat "$f"; } >"$dir/w$w-$base"; done
    fi
  done
  if [ "$t" = html ]; then
    # Pages with NUL bytes and in UTF-16 are made here, so no committed seed is binary.
    printf '<html><head><title>NUL\0 in the title</title></head><body><p>Text\0with\0NULs.</p></body></html>\n' \
      >"$dir/gen-nul.html"
    { printf '\xff\xfe'; printf '<html><head><title>UTF-16 page</title></head><body><p>Little endian.</p></body></html>' \
      | iconv -f utf-8 -t utf-16le; } >"$dir/gen-utf16.html" 2>/dev/null || rm -f "$dir/gen-utf16.html"
  fi
}

# --- run -------------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:symbolize=1}
export SWIFT_BACKTRACE=enable=no   # libFuzzer and ASan report crashes themselves

declare -A SUMMARY
TOTAL_FINDINGS=0

reason_of() {  # the line of a log that says what went wrong
  grep -m1 -E "INVARIANT FAILED|ERROR: AddressSanitizer|ERROR: LeakSanitizer|Fatal error|ALARM: working on the last Unit|out-of-memory|deadly signal" "$1" \
    | sed 's/^==[0-9]*== *//' || true
}

# A smoke run fuzzes in-process and stops at the first finding. A real run uses
# libFuzzer's fork mode with -ignore_crashes/-ignore_timeouts/-ignore_ooms, so
# one finding does not end it: every crashing input is kept in fuzz/findings/,
# then each is replayed for its reason, and the first of each reason minimised.
run_target() {
  local t=$1 secs=$2 corpus=$3
  local art="$FINDINGS/$t" log="$BIN/$t.log"
  mkdir -p "$art" "$corpus"
  make_seeds "$t"
  local before; before=$(ls "$art")
  # The smoke run in CI takes a fixed seed, so the same tree gives the same verdict.
  local mode_flags=(-print_final_stats=1 -seed=1)
  [ "$MODE" = run ] && mode_flags=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  echo "fuzz: running $t for $secs s (corpus ${corpus#"$ROOT"/}, log ${log#"$ROOT"/})"
  local start=$SECONDS status
  set +e
  "${NICE[@]}" "$BIN/$t" -max_total_time="$secs" -max_len=65536 -timeout=10 "${mode_flags[@]}" \
    -dict="$FUZZ/gazette.dict" -artifact_prefix="$art/" "$corpus" "$BIN/seeds-$t" >"$log" 2>&1
  status=$?
  set -e
  local took=$((SECONDS - start))
  # Executions: the final stats line in-process; in fork mode, the last "#N: cov: ..." line.
  local execs
  execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -1)
  [ -n "$execs" ] || execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
  execs=${execs:-0}

  # New inputs: files that appeared, plus any the log names (an old file written again).
  local new
  new=$( { comm -13 <(echo "$before") <(ls "$art"); sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | xargs -r -n1 basename; } \
         | grep -E '^(crash|timeout|oom|leak|slow-unit)-[0-9a-f]+$' | sort -u || true)
  local found=0 text="" f reason
  local -A first_of=() count_of=()
  for f in $new; do
    found=$((found + 1))
    # Replay for the reason (a timeout needs the same -timeout to show).
    "${NICE[@]}" "$BIN/$t" -timeout=10 "$art/$f" >"$art/$f.log" 2>&1 || true
    reason=$(reason_of "$art/$f.log")
    [ -n "$reason" ] || reason="(does not reproduce alone; see the fuzzer log)"
    count_of[$reason]=$(( ${count_of[$reason]:-0} + 1 ))
    if [ -z "${first_of[$reason]:-}" ] || [ "$(wc -c <"$art/$f")" -lt "$(wc -c <"$art/${first_of[$reason]}")" ]; then
      first_of[$reason]=$f
    fi
  done
  for reason in "${!first_of[@]}"; do
    f=${first_of[$reason]}
    local shown="${art#"$ROOT"/}/$f ($(wc -c <"$art/$f") bytes)"
    if [ "$MODE" = run ] && [[ $f != oom-* ]]; then
      "${NICE[@]}" "$BIN/$t" -minimize_crash=1 -max_total_time=60 -timeout=10 -max_len=65536 \
        -exact_artifact_path="$art/min-$f" "$art/$f" >"$art/min-$f.log" 2>&1 || true
      [ -f "$art/min-$f" ] && shown="$shown, minimised: min-$f ($(wc -c <"$art/min-$f") bytes)"
    fi
    text+="    ${count_of[$reason]} x $reason"$'\n'"      e.g. $shown"$'\n'
  done
  if [ "$found" -eq 0 ] && [ "$status" -ne 0 ]; then
    found=1
    text+="    the fuzzer exited $status without a new input: $(reason_of "$log") (see ${log#"$ROOT"/})"$'\n'
  fi
  local rate=$(( took > 0 ? execs / took : execs ))
  SUMMARY[$t]="$t: ran $took s, $execs executions ($rate exec/s), $found finding(s)"$'\n'"$text"
  TOTAL_FINDINGS=$((TOTAL_FINDINGS + found))
}

main() {
  build
  [ "$MODE" = build ] && exit 0

  TMP_CORPORA=""
  cleanup() { if [ -n "$TMP_CORPORA" ]; then rm -rf "$TMP_CORPORA"; fi; }
  trap cleanup EXIT
  if [ "$MODE" = smoke ]; then TMP_CORPORA=$(mktemp -d); fi

  for t in "${TARGETS[@]}"; do
    if [ "$MODE" = smoke ]; then
      run_target "$t" "$RUN_SECONDS" "$TMP_CORPORA/corpus-$t"
    else
      run_target "$t" "$RUN_SECONDS" "$FUZZ/corpus-$t"
    fi
  done

  echo
  echo "fuzz results:"
  for t in "${TARGETS[@]}"; do printf '  %s' "${SUMMARY[$t]}"; done
  if [ "$TOTAL_FINDINGS" -gt 0 ]; then
    echo "fuzz: $TOTAL_FINDINGS finding(s); inputs, replay logs and minimised inputs in fuzz/findings/" >&2
    exit 1
  fi
  echo "fuzz: nothing found"
}

# All of the above is read before anything runs, so editing this file during a
# long run cannot change what the run does next.
main; exit $?
