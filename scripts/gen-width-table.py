#!/usr/bin/env python3
"""Writes Sources/ArticleKit/Text/WidthTable.swift: the terminal width of every Unicode scalar.

The widths follow the rules glibc uses to make the wcwidth() table of its UTF-8 locales
(localedata/unicode-gen/utf8_gen.py), because ncurses and tmux ask wcwidth() how far the
cursor moves: a model that agrees with it puts every character where the terminal does.
The data is Debian's unicode-data package (/usr/share/unicode); stdlib only.

    scripts/gen-width-table.py                 regenerate the Swift file
    scripts/gen-width-table.py --check         exit 1 if the Swift file is not what the data gives
    scripts/gen-width-table.py --unicode DIR   read the data files from DIR
"""
import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "..", "Sources", "ArticleKit", "Text", "WidthTable.swift")
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F1FF + 1)


def data_lines(path):
    """(first, last, fields) for each data line of a UCD property file, comments dropped."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            first, _, last = fields[0].partition("..")
            yield int(first, 16), int(last or first, 16), fields[1:]


def file_version(path, pattern):
    with open(path, encoding="utf-8") as f:
        head = f.read(2000)
    m = re.search(pattern, head)
    if not m:
        sys.exit(f"{path}: no version line matching {pattern!r}")
    return m.group(1)


def unicode_data(path):
    """Code point -> (general category, bidi class); First/Last pairs expanded."""
    chars = {}
    pending = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            cp, name, gc, bidi = int(fields[0], 16), fields[1], fields[2], fields[4]
            if name.endswith(", First>"):
                pending = cp
                continue
            start = pending if name.endswith(", Last>") else cp
            pending = None
            for c in range(start, cp + 1):
                chars[c] = (gc, bidi)
    return chars


def widths(ucd):
    """Code point -> width for every scalar whose width is not 1 (1 is the default)."""
    chars = unicode_data(os.path.join(ucd, "UnicodeData.txt"))
    width = {}
    # East Asian Wide and Fullwidth: two columns. Unassigned code points the file lists as W
    # (the ideograph blocks and planes 2 and 3) count too: what is added there will be wide.
    for first, last, (eaw,) in data_lines(os.path.join(ucd, "EastAsianWidth.txt")):
        if eaw in ("W", "F"):
            for c in range(first, last + 1):
                width[c] = 2
    # Marks that sit on the character before, and format characters: no column.
    for c, (gc, bidi) in chars.items():
        if gc in ("Mn", "Me", "Cf") or bidi == "NSM":
            width[c] = 0
    # ...except the prepended concatenation marks (U+0600 ARABIC NUMBER SIGN...), drawn as a glyph
    # over the digits that follow, and SOFT HYPHEN, which glibc shows as a hyphen.
    for first, last, (prop,) in data_lines(os.path.join(ucd, "PropList.txt")):
        if prop == "Prepended_Concatenation_Mark":
            for c in range(first, last + 1):
                width.pop(c, None)
    width.pop(0x00AD, None)
    # Hangul medial vowels and final consonants: they join the initial consonant's two columns.
    for c in list(range(0x1160, 0x1200)) + list(range(0xD7B0, 0xD800)):
        if c in chars:
            width[c] = 0
    # Ambiguous in UAX #11, wide in glibc: circled numbers on black squares, the Yijing hexagrams.
    for c in list(range(0x3248, 0x3250)) + list(range(0x4DC0, 0x4E00)):
        width[c] = 2
    # Controls and the line and paragraph separators: glibc says -1 (not printable). Gazette's parser
    # replaces them before anything is measured; 0 keeps one that slips through from taking a column.
    for c, (gc, _) in chars.items():
        if gc in ("Cc", "Zl", "Zp"):
            width[c] = 0
    return width


def check_emoji(ucd, width):
    """Every emoji drawn as a picture by default must be two columns, or the rules above are wrong.
    Regional indicators are the one known exception: East Asian Width N, one column each in glibc
    and tmux, so a flag (a pair of them) is two."""
    presentation = set()
    for first, last, (prop,) in data_lines(os.path.join(ucd, "emoji", "emoji-data.txt")):
        if prop == "Emoji_Presentation":
            presentation.update(range(first, last + 1))
    narrow = sorted(c for c in presentation if width.get(c, 1) != 2)
    if narrow != list(REGIONAL_INDICATORS):
        sys.exit("emoji with Emoji_Presentation not two columns wide: "
                 + " ".join(f"U+{c:04X}" for c in narrow if c not in REGIONAL_INDICATORS))


def ranges(width):
    out = []
    for c in sorted(width):
        w = width[c]
        if out and out[-1][1] == c - 1 and out[-1][2] == w:
            out[-1][1] = c
        else:
            out.append([c, c, w])
    return out


def swift_source(ucd):
    version = file_version(os.path.join(ucd, "EastAsianWidth.txt"), r"EastAsianWidth-(\d+\.\d+\.\d+)\.txt")
    for name, pattern in [("PropList.txt", r"PropList-(\d+\.\d+\.\d+)\.txt"),
                          (os.path.join("emoji", "emoji-data.txt"), r"Emoji Version (\d+\.\d+)")]:
        other = file_version(os.path.join(ucd, name), pattern)
        if not version.startswith(other):
            sys.exit(f"{name} is Unicode {other}, EastAsianWidth.txt is {version}: mixed data")
    width = widths(ucd)
    check_emoji(ucd, width)
    table = ranges(width)
    lines = [
        "// Generated by scripts/gen-width-table.py from the Unicode " + version + " data files",
        "// (UnicodeData.txt, EastAsianWidth.txt, PropList.txt, emoji/emoji-data.txt, as Debian's",
        "// unicode-data package installs them in /usr/share/unicode). Do not edit: run the script.",
        "//",
        "// The rules are those glibc's localedata/unicode-gen/utf8_gen.py uses for wcwidth(), the",
        "// function ncurses and tmux measure with: East Asian Wide and Fullwidth 2; Mn, Me, Cf and",
        "// bidi class NSM 0, except prepended concatenation marks and U+00AD (1); Hangul medial vowels",
        "// and final consonants (U+1160-11FF, U+D7B0-D7FF) 0; U+3248-324F and U+4DC0-4DFF 2.",
        "// Differences from glibc, on purpose: controls and U+2028/2029 are 0 (glibc: -1, not printable),",
        "// unassigned code points 1, or 2 where East Asian Width makes reserved ones W (glibc: -1).",
        "",
        "enum WidthTable {",
        f'    static let unicodeVersion = "{version}"',
        "",
        f"    /// The {len(table)} runs of scalars whose width is not 1: sorted, disjoint, inclusive.",
        "    static let ranges: [(first: UInt32, last: UInt32, width: UInt8)] = [",
    ]
    for first, last, w in table:
        lines.append(f"        (0x{first:04X}, 0x{last:04X}, {w}),")
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--unicode", default="/usr/share/unicode", help="directory of the Unicode data files")
    p.add_argument("--output", default=OUTPUT, help="the Swift file to write")
    p.add_argument("--check", action="store_true", help="only compare with the existing file")
    args = p.parse_args()
    if not os.path.exists(os.path.join(args.unicode, "EastAsianWidth.txt")):
        sys.exit(f"no Unicode data in {args.unicode}: apt-get install unicode-data")
    source = swift_source(args.unicode)
    if args.check:
        with open(args.output, encoding="utf-8") as f:
            if f.read() != source:
                sys.exit(f"{args.output} is out of date: run {sys.argv[0]}")
        return
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(source)


if __name__ == "__main__":
    main()
