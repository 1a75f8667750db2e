#!/usr/bin/env python3
"""Turns ../shared/html-pool (real web pages, no truth file) into plain-text articles with known
heading lines, for training and judging the plain-text heading detector (issue 22).

    scripts/pool-to-text.py [--gazette .build/debug/gazette] [--pool ../shared/html-pool] [--out /work/pooltext]
                            [--held-share 0.25] [--seed 22]

Not part of `make test` (a clone has no ../shared); never write its output into the repository (the
pages belong to their publishers). Each page is read by Gazette's own HTML reader (`gazette toc --json`,
many pages per call), and written as a scraper's dump would be, in the plain-text format of
docs/FORMAT.md: the title, a `-` line, then every block on its own line with a blank line around it —
headings, paragraphs, each list item, each code line, each table row, quotes, captions, bylines. The
page's own <h2>-<h6> (the reader's section headings) are the labels; the reader has already left out
headings that are links or teasers outside the article.

Written to OUT:
  articles/<16 hex>.txt          one article per usable page
  labels.json                    per file: lang, site, split ("train" or "held"), headings, heading_lines
                                 (1-based), heading_levels, heading_flags ("long", "ends-with-period",
                                 as the dev sets flag them), blocks, kinds (counts of block kinds)
  dropped.json                   every page left out, with the reason

Noise filter (a page is left out, with its reason in dropped.json, when):
  * the reader finds no article (error, or under 3 text blocks, or under 400 characters of text);
  * it has no heading and no text worth learning "no heading" from is not the case — pages with no
    heading are kept (they teach what is not a heading) unless they are short;
  * headings outnumber the text blocks (a teaser list: "headings" are other articles' titles);
  * most headings are longer than a sentence (over 100 characters or 15 words) or end with a period
    (stand-firsts and teasers marked up as headings);
  * more than half of its headings are followed by no text at all before the next heading, with 4+
    headings (a link hub's card titles).
  * the same heading text three times or more, making up most headings (a forum's user ranks).
Widget titles marked up inside the article ("Gefällt mir:", "Share this:", "Verwandte Artikel", a
forum's "Forenprofi"; WIDGET_HEADINGS) stay as blocks but are not labelled headings.
Headings inside a kept page that are long or end in a period are flagged, as in the dev sets, and are
scored as don't-care by the training script.

Language: the script a page's text is written in (CJK, Cyrillic, Greek, Arabic, Hebrew, Thai…),
else a small stop-word vote over the text (de, en, es, fr, it, pt, nl, pl, sv, da, no, cs, tr, hr),
else the page's <html lang>. Site: the host of the page's canonical address (`url` in toc --json,
else og:url or <link rel=canonical> in the raw page), without "www."; pages with no address are their own
site. Held-aside part: whole sites, chosen by a seeded shuffle per language so that about
--held-share of each language's sites (at least one where a language has 2+ sites, and every site of
a language with a single site goes to training) is kept aside; the training script never trains on
them.
"""
import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from urllib.parse import urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))

STOP = {
    "en": "the and of to in is that for with was on are as it by this be from have not".split(),
    "de": "der die und das ist nicht mit den von sich auf für ein eine dem des auch wird werden".split(),
    "es": "el la de que los las del por para con una es se en al su más como".split(),
    "fr": "le la les des et est une pour dans que qui sur pas par au du avec ce".split(),
    "it": "il di che la per non una sono del della con gli nel le è anche più".split(),
    "pt": "o de que não uma para com os do da em no se na por mais são".split(),
    "nl": "de het een van en dat is niet op te voor zijn met ook wordt".split(),
    "pl": "się nie jest na do że w z to jak od po przez dla czy".split(),
    "sv": "och det att är som en på för med inte av till har den".split(),
    "da": "og det at er som en på for med ikke af til har den de".split(),
    "no": "og det at er som en på for med ikke av til har den ble".split(),
    "cs": "a je se na že v s to pro jako do není by jsou".split(),
    "tr": "ve bir bu da de için ile olarak çok daha gibi olan".split(),
    "hr": "i je se u na da za su od koji ne kao što bi".split(),
}
STOP = {k: set(v) for k, v in STOP.items()}


def guess_lang(text, html_lang):
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return html_lang or "und"
    sample = letters[:4000]
    def share(lo, hi):
        return sum(lo <= ord(c) <= hi for c in sample) / len(sample)
    kana = share(0x3040, 0x30FF)
    han = share(0x4E00, 0x9FFF)
    hangul = share(0xAC00, 0xD7AF)
    if hangul > 0.3: return "ko"
    if kana > 0.05: return "ja"
    if han > 0.3: return "zh"
    for lang, lo, hi in (("ru", 0x0400, 0x04FF), ("el", 0x0370, 0x03FF), ("ar", 0x0600, 0x06FF),
                         ("he", 0x0590, 0x05FF), ("th", 0x0E00, 0x0E7F), ("hi", 0x0900, 0x097F)):
        if share(lo, hi) > 0.3:
            if lang == "ru" and html_lang in ("uk", "bg", "sr", "mk", "be"):
                return html_lang
            return lang
    words = re.findall(r"\w+", text.lower())[:3000]
    votes = Counter()
    for w in words:
        for lang, s in STOP.items():
            if w in s: votes[lang] += 1
    if votes:
        (best, n), *rest = votes.most_common(2) + [(None, 0)]
        second = rest[0][1] if rest else 0
        if n >= 8 and n >= 1.5 * second:
            # The Scandinavian pair shares most of its stop words: trust the page.
            if best in ("da", "no", "sv") and html_lang in ("da", "no", "nb", "nn", "sv"):
                return "no" if html_lang in ("nb", "nn") else html_lang
            return best
    return html_lang or "und"


def raw_facts(html):
    head = html[:300000]
    m = re.search(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z-]+)", head, re.I)
    lang = m.group(1).decode().lower().split("-")[0] if m else None
    url = None
    for pat in (rb"<link[^>]+rel=[\"']?canonical[\"']?[^>]*href=[\"']([^\"']+)",
                rb"<link[^>]+href=[\"']([^\"']+)[\"'][^>]*rel=[\"']?canonical",
                rb"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)",
                rb"<meta[^>]+content=[\"']([^\"']+)[\"'][^>]*property=[\"']og:url"):
        m = re.search(pat, head, re.I)
        if m:
            url = m.group(1).decode("utf-8", "replace")
            break
    return lang, url


def host_of(url):
    try:
        h = urlparse(url).hostname or ""
    except ValueError:
        h = ""
    h = h.lower()
    if h.startswith("www."): h = h[4:]
    # One site per registered name: "sport.example.de" and "example.de" are one site.
    parts = h.split(".")
    if len(parts) > 2:
        h = ".".join(parts[-3:] if parts[-2] in ("co", "com", "org", "net", "ac", "gov") else parts[-2:])
    return h or None


def clean(s):
    """One line: whitespace runs folded, so a block never spans lines or looks like a separator."""
    s = " ".join(s.split())
    if s and set(s) <= set("-–—"):
        return ""
    if s.split(" ")[0] in ("PREV", "NEXT"):
        return ""  # it could be read as a trailer line
    return s


def blocks_of(toc):
    """(text, kind, heading level or 0) in reading order, as a scraper would dump the page."""
    out = []
    for sec in toc["sections"]:
        if sec.get("heading"):
            h = clean(sec["heading"])
            if h: out.append((h, "heading", sec.get("level", 1)))
        kinds = sec.get("kinds") or ["text"] * len(sec["paragraphs"])
        for p, k in zip(sec["paragraphs"], kinds):
            if k == "code":
                for line in p.split("\n"):
                    t = clean(line)
                    if t: out.append((t, k, 0))
            else:
                t = clean(p)
                if t: out.append((t, k, 0))
    return out


def usable(blocks):
    """The reason a page is left out, or None."""
    text = [t for t, k, _ in blocks if k == "text"]
    heads = [t for t, k, _ in blocks if k == "heading"]
    if len(text) < 3 or sum(len(t) for t in text) < 400:
        return "no article text"
    if len(heads) > len(text):
        return "headings outnumber text blocks (teasers)"
    if heads:
        longish = sum(len(h) > 100 or len(h.split()) > 15 or h.endswith(".") for h in heads)
        if longish * 2 > len(heads):
            return "most headings longer than a sentence"
        empty = 0
        for i, (t, k, _) in enumerate(blocks):
            if k == "heading":
                nxt = next((kk for _, kk, _ in blocks[i + 1:i + 2]), None)
                if nxt is None or nxt == "heading": empty += 1
        if len(heads) >= 4 and empty * 2 > len(heads):
            return "most headings head nothing (a hub of cards)"
        if Counter(heads).most_common(1)[0][1] >= 3 and len(set(heads)) * 2 <= len(heads) + 2:
            return "the same heading over and over (a forum's user ranks, a card grid)"
    return None


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).split()).casefold()


# Widget titles that blogs and forums mark up as <h2>/<h3> inside the article: not section headings of
# the text. A labelled heading with one of these texts is kept as a block and not labelled a heading.
WIDGET_HEADINGS = {norm(s) for s in [
    "Gefällt mir:", "Teilen mit:", "Like this:", "Share this:", "Share this post", "Teilen:", "Partager :",
    "J'aime :", "Me gusta:", "Compartir esto:", "Verwandte Artikel", "Ähnliche Beiträge", "Related posts",
    "Related articles", "Related", "Empfohlener redaktioneller Inhalt", "Hauptinhalt", "Twitter freischalten",
    "Deine Registrierung war erfolgreich", "Leave a Reply", "Leave a comment", "Kommentar verfassen",
    "Schreibe einen Kommentar", "Kommentare", "Comments", "Newsletter", "Forenprofi", "Erfahrener Benutzer",
    "Neuer Benutzer", "Benutzer", "Post navigation", "Beitragsnavigation", "Navigation", "Menü", "Menu",
    "Suche", "Search", "Tags", "Schlagwörter", "Kategorien", "Categories", "Archive", "Archiv",
]}


def flags_of(h):
    f = []
    if len(h) > 100: f.append("long")
    if h.rstrip().endswith("."): f.append("ends-with-period")
    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gazette", default=os.path.join(ROOT, ".build", "debug", "gazette"))
    ap.add_argument("--pool", default=os.path.join(SHARED, "html-pool"))
    ap.add_argument("--out", default="/work/pooltext")
    ap.add_argument("--held-share", type=float, default=0.25)
    ap.add_argument("--seed", type=int, default=22)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--reuse", action="store_true",
                    help="use OUT/toc.jsonl from an earlier run instead of reading the pages again")
    args = ap.parse_args()
    if os.path.abspath(args.out).startswith(ROOT + os.sep):
        sys.exit("pool-to-text: write outside the repository (the pages are not ours to commit)")

    pages = sorted(f for f in os.listdir(os.path.join(args.pool, "pages")) if f.endswith(".html.gz"))
    arts_dir = os.path.join(args.out, "articles")
    shutil.rmtree(arts_dir, ignore_errors=True)
    os.makedirs(arts_dir)
    labels, dropped = {}, {}
    cache = os.path.join(args.out, "toc.jsonl")
    got, facts = {}, {}
    if args.reuse:
        for line in open(cache, encoding="utf-8"):
            o = json.loads(line)
            facts[o["page"]] = tuple(o["facts"])
            if o["toc"] is not None: got[o["page"][:-3]] = o["toc"]
    else:
        with tempfile.TemporaryDirectory() as tmp, open(cache, "w", encoding="utf-8") as out:
            for start in range(0, len(pages), args.batch):
                batch = pages[start:start + args.batch]
                paths = []
                for f in batch:
                    raw = gzip.open(os.path.join(args.pool, "pages", f)).read()
                    facts[f] = raw_facts(raw)
                    p = os.path.join(tmp, f[:-3])
                    open(p, "wb").write(raw)
                    paths.append(p)
                r = subprocess.run([args.gazette, "toc", "--json"] + paths, capture_output=True)
                for line in r.stdout.decode("utf-8", "replace").splitlines():
                    o = json.loads(line)
                    got[os.path.basename(o["file"])] = o
                for f in batch:
                    out.write(json.dumps({"page": f, "facts": facts[f], "toc": got.get(f[:-3])}, ensure_ascii=False) + "\n")
                print(f"{min(start + args.batch, len(pages))}/{len(pages)} pages read", file=sys.stderr)
    for f in pages:
        stem = f[:-len(".html.gz")]
        toc = got.get(f[:-3])
        if toc is None:
            dropped[stem] = "the reader read nothing"
            continue
        blocks = blocks_of(toc)
        why = usable(blocks)
        if why:
            dropped[stem] = why
            continue
        title = clean(toc.get("title") or "") or "Untitled"
        lines = [title, "", title, "-", ""]
        heads, lines_of, levels = [], [], []
        widgets = 0
        for t, k, lvl in blocks:
            if k == "heading":
                if norm(t) in WIDGET_HEADINGS:
                    widgets += 1  # kept as a block, not as a label
                else:
                    heads.append(t); lines_of.append(len(lines) + 1); levels.append(lvl)
            lines += [t, ""]
        html_lang, canon = facts[f]
        text = " ".join(t for t, k, _ in blocks if k == "text")
        site = host_of(toc.get("url") or canon or "") or "page:" + stem
        labels[stem + ".txt"] = {
            "lang": guess_lang(text, html_lang), "html_lang": html_lang, "site": site,
            "headings": heads, "heading_lines": lines_of, "heading_levels": levels,
            "heading_flags": [flags_of(h) for h in heads], "blocks": len(blocks), "widget_headings": widgets,
            "kinds": dict(Counter(k for _, k, _ in blocks)),
        }
        open(os.path.join(arts_dir, stem + ".txt"), "w", encoding="utf-8").write("\n".join(lines) + "\n")

    # Held aside: whole sites, per language.
    sites_by_lang = defaultdict(set)
    for rec in labels.values():
        sites_by_lang[rec["lang"]].add(rec["site"])
    rng = random.Random(args.seed)
    held = set()
    for lang in sorted(sites_by_lang):
        sites = sorted(sites_by_lang[lang])
        rng.shuffle(sites)
        if len(sites) >= 2:
            held.update(sites[:max(1, round(len(sites) * args.held_share))])
    for rec in labels.values():
        # A site spanning languages is held aside when any of its languages put it there.
        rec["split"] = "held" if rec["site"] in held else "train"
    json.dump(labels, open(os.path.join(args.out, "labels.json"), "w"), ensure_ascii=False, indent=1, sort_keys=True)
    json.dump(dropped, open(os.path.join(args.out, "dropped.json"), "w"), indent=1, sort_keys=True)

    by = Counter(rec["lang"] for rec in labels.values())
    print(f"{len(labels)} articles kept, {len(dropped)} dropped: {dict(Counter(dropped.values()))}")
    print("languages:", dict(by.most_common()))
    for split in ("train", "held"):
        recs = [r for r in labels.values() if r["split"] == split]
        print(f"{split}: {len(recs)} articles, {len({r['site'] for r in recs})} sites, "
              f"{sum(len(r['headings']) for r in recs)} headings, languages "
              f"{dict(Counter(r['lang'] for r in recs).most_common())}")


if __name__ == "__main__":
    main()
