#!/usr/bin/env python3
"""Script-transfer evaluation of the heading detector (issue 22, script neutrality).

    scripts/script-transfer.py [GAZETTE_BINARY] [--devset DIR] [--multi DIR] [--pool DIR] [--mistakes SET]

Not part of `make test` (a clone has no ../shared). Takes the labelled articles of ../shared/devset
(English) and ../shared/devset-multi, rewrites them script-wise while keeping their labels, lets the
given gazette binary (default .build/debug/gazette) decide them with `toc --json`, and scores the
headings as score-devset.py does (heading texts matched as multisets per article, case-folded):

  original      the Latin-script articles as they are (English and devset-multi's Latin languages)
  Cyrillic      the same, every Latin letter transliterated case-preserving into Cyrillic
  Greek         the same into Greek, "?" written as the Greek question mark ";"
  CAPS          the same (Latin) with every heading line in capitals
  CAPS Cyrillic the Cyrillic set with every heading line in capitals
  CJK           the ja/zh/ko articles of devset-multi and of the pool (--pool, /work/pooltext) as they are

A detector whose features are script-neutral scores the Cyrillic and Greek sets about as the
original. They cannot score exactly the same: the furniture vocabulary (bylines, "Read also",
"Photo:") is in the languages' own words, which a transliteration no longer spells.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CJK_LANGS = {"ja", "zh", "ko"}

CYRILLIC = dict(zip("abcdefghijklmnopqrstuvwxyz", "абцдефгхийклмнопкрстуввхыз"))
GREEK = dict(zip("abcdefghijklmnopqrstuvwxyz", "αβκδεφγηιικλμνοπκρστυβωξυζ"))


def transliterate(text, table):
    """Case-preserving, letter by letter; accents dropped (their base letter is mapped). The
    format's own words ("PREV ", "NEXT " before a link's title) stay as they are."""
    if "\n" in text:
        return "\n".join(transliterate(line, table) for line in text.split("\n"))
    for marker in ("PREV ", "NEXT "):
        if text.startswith(marker):
            return marker + transliterate(text[len(marker):], table)
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and out[-1] != " ":
            continue
        low = ch.lower()
        if low in table:
            t = table[low]
            out.append(t.upper() if ch != low else t)
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).split()).casefold()


def is_latin(text):
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return latin >= 0.8 * len(letters)


def load(devset, multi, pool):
    """(name, text, headings, heading_lines, lang) for every labelled article."""
    arts = []
    for d in (devset, multi):
        truth = json.load(open(os.path.join(d, "truth.json")))
        for rec in truth["files"]:
            path = os.path.join(d, "articles", rec["file"])
            text = open(path, encoding="utf-8", newline="").read()
            arts.append((os.path.basename(d) + "_" + rec["file"], text, rec["headings"],
                         rec.get("heading_lines", []), rec.get("lang", "en")))
    if pool and os.path.exists(os.path.join(pool, "labels.json")):
        labels = json.load(open(os.path.join(pool, "labels.json")))
        for f, rec in labels.items():
            if rec["lang"] not in CJK_LANGS:
                continue
            text = open(os.path.join(pool, "articles", f), encoding="utf-8", newline="").read()
            arts.append(("pool_" + f, text, rec["headings"], rec["heading_lines"], rec["lang"]))
    return arts


def caps_headings(text, lines):
    rows = text.split("\n")
    for n in lines:
        if 0 < n <= len(rows):
            rows[n - 1] = rows[n - 1].upper()
    return "\n".join(rows)


def variants(arts):
    latin = [a for a in arts if a[4] not in CJK_LANGS and is_latin(a[1])]
    cyr = [(n, transliterate(t, CYRILLIC), [transliterate(h, CYRILLIC) for h in hs], ls, l)
           for n, t, hs, ls, l in latin]

    def greek(s):
        return transliterate(s, GREEK).replace("?", ";")

    return {
        "original": latin,
        "Cyrillic": cyr,
        "Greek": [(n, greek(t), [greek(h) for h in hs], ls, l) for n, t, hs, ls, l in latin],
        "CAPS": [(n, caps_headings(t, ls), hs, ls, l) for n, t, hs, ls, l in latin],
        "CAPS Cyrillic": [(n, caps_headings(t, ls), hs, ls, l) for n, t, hs, ls, l in cyr],
        "CJK": [a for a in arts if a[4] in CJK_LANGS],
    }


def score(binary, arts, mistakes=None):
    tmp = tempfile.mkdtemp(prefix="script-transfer-")
    try:
        for name, text, _, _, _ in arts:
            with open(os.path.join(tmp, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
        toc = subprocess.run([binary, "toc", "--json", tmp], capture_output=True, text=True)
        found = {os.path.basename(o["file"]): o for o in map(json.loads, toc.stdout.splitlines())}
    finally:
        shutil.rmtree(tmp)
    total = Counter()
    by_group = {"English": Counter(), "non-English": Counter()}
    for name, _, headings, _, lang in arts:
        o = found.get(name)
        got = [norm(s["heading"]) for s in o["sections"] if s["heading"] is not None] if o else []
        want = Counter(norm(h) for h in headings)
        c = Counter()
        for g in got:
            if want[g] > 0:
                want[g] -= 1
                c["tp"] += 1
            else:
                c["fp"] += 1
                if mistakes is not None:
                    mistakes.append(f"{name}: false alarm: {g}")
        c["fn"] += sum(want.values())
        if mistakes is not None:
            mistakes.extend(f"{name}: missed: {h}" for h, n in want.items() for _ in range(n))
        total.update(c)
        by_group["English" if lang == "en" else "non-English"].update(c)
    return total, by_group


def prf(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gazette", nargs="?", default=os.path.join(ROOT, ".build", "debug", "gazette"))
    ap.add_argument("--devset", default=os.path.join(ROOT, "..", "shared", "devset"))
    ap.add_argument("--multi", default=os.path.join(ROOT, "..", "shared", "devset-multi"))
    ap.add_argument("--pool", default="/work/pooltext")
    ap.add_argument("--mistakes", help="print the mistakes of this set")
    args = ap.parse_args()
    sets = variants(load(args.devset, args.multi, args.pool))
    print("| set | articles | headings | P | R | F1 | F1 English | F1 non-English |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, arts in sets.items():
        mistakes = [] if args.mistakes == name else None
        total, groups = score(args.gazette, arts, mistakes)
        p, r, f1 = prf(total)
        g = [f"{prf(groups[k])[2]:.3f}" if sum(groups[k].values()) else "–" for k in ("English", "non-English")]
        heads = sum(len(a[2]) for a in arts)
        print(f"| {name} | {len(arts)} | {heads} | {p:.3f} | {r:.3f} | {f1:.3f} | {g[0]} | {g[1]} |")
        if mistakes:
            print("\n".join(mistakes), file=sys.stderr)


if __name__ == "__main__":
    main()
