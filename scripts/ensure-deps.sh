#!/usr/bin/env bash
# Installs what building and testing Gazette needs, only when it is missing:
# the wide-character ncurses headers, pkg-config to find them, the SQLite headers
# (GRDB, for the reading state), libxml2 and cmark (HTML pages and Markdown notes), libcurl (feeds), tmux for the end-to-end tests, and the Unicode data
# files the width table's test checks the generated table against. Debian/Ubuntu (apt-get).
set -euo pipefail
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists ncursesw 2>/dev/null && [ ! -f /usr/include/ncursesw/curses.h ]; then missing+=(libncurses-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null && [ ! -f /usr/include/sqlite3.h ]; then missing+=(libsqlite3-dev); fi
if ! pkg-config --exists libxml-2.0 2>/dev/null && [ ! -f /usr/include/libxml2/libxml/HTMLparser.h ]; then missing+=(libxml2-dev); fi
if ! pkg-config --exists libcmark 2>/dev/null && [ ! -f /usr/include/cmark.h ]; then missing+=(libcmark-dev); fi
# FoundationNetworking (gazette fetch's HTTP client) loads libcurl at run time.
ldconfig -p 2>/dev/null | grep -q 'libcurl\.so\.4' || missing+=(libcurl4)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
[ -f /usr/share/unicode/EastAsianWidth.txt ] || missing+=(unicode-data)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install ${missing[*]} with your package manager (apt-get was not found)." >&2
  exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
