#!/usr/bin/env python3
"""A huge archive for Gazette's issue-21 bench: N articles in year/month folders.

    huge.py OUTDIR N [--months M] [--seed S] [--jobs J]
    huge.py --version

Writes OUTDIR/2019/01/..., OUTDIR/2019/02/..., M month folders (default: N / 8,333, at least 1,
so 1,000,000 articles make 10 years, 120 folders; 200,000 with --months 40 make 5,000 a
folder). About 90% of the articles are plain text in the project's format (bench/generate.py:
title, `-`, body with short heading lines, `PREV`/`NEXT` chains of 1-60 in reading order, seven
languages with Japanese and Chinese), 6% Markdown notes and 4% HTML pages (standalone: no
chain). File names are a shuffle inside each month, so chain neighbours are not file neighbours.

Planted words, so that a query's right answer is known (counted in files, as `rg -li` counts):

    rare word     quorblax       in exactly 7 files
    common word   marrowfen      in every 10th file (N // 10 files, at random)
    phrase        "amber lantern" in N // 2,000 files; `amber` alone, `lantern` alone and
                  "lantern amber" in other files, so only a phrase query gives the count
    CJK word      龍舟            in N // 5,000 files; 龍 and 舟 apart in others

Every planted word is in no word pool, so nothing else carries it. OUTDIR.manifest.json (beside the folder, so that
`rg` does not count it) gives
the counts, the first article's title (the one the reader shows first) and the files that carry
the rare word. The same arguments always give the same bytes. Generation runs on J worker
processes (default: the number of cores), each writing whole month folders.
"""

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import Pools, Titles, pick_lang  # noqa: E402

VERSION = "gazette-bench-huge 1"
PER_MONTH = 8_333
SHARE_MD, SHARE_HTML = 0.06, 0.04

PLANTS = {
    "rare": "quorblax",
    "common": "marrowfen",
    "phrase": "amber lantern",
    "cjk": "龍舟",
}


def plant_sets(rng, n):
    """Which articles (reading-order numbers) carry which planted sentence."""
    order = list(range(n))
    rng.shuffle(order)
    take = iter(order)

    def pick(k):
        return [next(take) for _ in range(min(k, n))]

    # Disjoint sets for the rare word and the phrase family, so each count is exact.
    rare = pick(7)
    phrase = pick(max(1, n // 2_000))
    amber = pick(max(1, n // 1_000))
    lantern = pick(max(1, n // 1_000))
    reversed_ = pick(max(1, n // 5_000))
    cjk = pick(max(1, n // 5_000))
    cjk_apart = pick(max(1, n // 5_000))
    # The common word falls anywhere, planted sets included.
    common = rng.sample(range(n), n // 10) if n >= 10 else [0]
    plants = {}
    for name, idx in (("rare", rare), ("phrase", phrase), ("amber", amber), ("lantern", lantern),
                      ("reversed", reversed_), ("cjk", cjk), ("cjk_apart", cjk_apart), ("common", common)):
        for i in idx:
            plants.setdefault(i, []).append(name)
    counts = {"rare": len(rare), "common": len(common), "phrase": len(phrase), "cjk": len(cjk)}
    return plants, counts, rare


def planted_sentence(kind, rng):
    return {
        "rare": "A quorblax was seen near the old harbour.",
        "common": "The marrowfen stood by the market again.",
        "phrase": "They lit an amber lantern on the bridge.",
        "amber": "The sky turned amber over the river.",
        "lantern": "A lantern hung at the station door.",
        "reversed": "The lantern amber light faded at night.",
        "cjk": "人们在河流上看到了龍舟。",
        "cjk_apart": "龍在山区，舟在港口。",
    }[kind]


def body(rng, pools, lang, extra):
    """Sections: (heading or None, [paragraphs]); the planted sentences go into random paragraphs."""
    sections = []
    for s in range(rng.randint(2, 8)):
        slang = lang if rng.random() < 0.9 else pick_lang(rng)
        head = pools.heading(rng, slang) if s > 0 else None
        paras = [pools.paragraph(rng, slang) for _ in range(rng.randint(1, 4))]
        sections.append((head, paras))
    for sentence in extra:
        _, paras = sections[rng.randrange(len(sections))]
        k = rng.randrange(len(paras))
        paras[k] = paras[k] + " " + sentence
    return sections


def text_article(rng, pools, title, lang, prev, nxt, extra):
    parts = [title, ""] + [title] * rng.randint(0, 2) + ["-", ""]
    for head, paras in body(rng, pools, lang, extra):
        if head is not None:
            parts += [head, ""]
        for p in paras:
            parts += [p, ""]
    parts += ["-", "", "PREV " + prev, "NEXT " + nxt]
    return "\n".join(parts)


def markdown_article(rng, pools, title, lang, extra):
    parts = ["# " + title, ""]
    for head, paras in body(rng, pools, lang, extra):
        if head is not None:
            parts += ["## " + head, ""]
        for p in paras:
            parts += [p, ""]
    return "\n".join(parts)


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_article(rng, pools, title, lang, extra):
    t = html_escape(title)
    out = [f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{t}</title></head>',
           '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>', f"<article><h1>{t}</h1>"]
    for head, paras in body(rng, pools, lang, extra):
        if head is not None:
            out.append(f"<h2>{html_escape(head)}</h2>")
        out += [f"<p>{html_escape(p)}</p>" for p in paras]
    out.append("</article><footer>© The Gazette</footer></body></html>\n")
    return "\n".join(out)


# --- the plan, made once in the parent (titles must be unique across workers) -----------------
PLAN = None


def make_plan(n, months, seed):
    rng = random.Random(f"huge:{seed}")
    pools = Pools(rng)
    titles = Titles(rng, pools)
    langs = [pick_lang(rng) for _ in range(n)]
    kinds = []
    for _ in range(n):
        r = rng.random()
        kinds.append("md" if r < SHARE_MD else "html" if r < SHARE_MD + SHARE_HTML else "txt")
    names = [titles.new(langs[i]) for i in range(n)]
    # PREV/NEXT chains of 1-60 over the text articles in reading order; a chain's head PREV and
    # tail NEXT name titles no file has.
    prev, nxt = [None] * n, [None] * n
    text_ids = [i for i in range(n) if kinds[i] == "txt"]
    start = 0
    while start < len(text_ids):
        k = min(rng.randint(1, 60), len(text_ids) - start)
        chain = text_ids[start:start + k]
        for j, i in enumerate(chain):
            prev[i] = names[chain[j - 1]] if j > 0 else titles.new(langs[i])
            nxt[i] = names[chain[j + 1]] if j < k - 1 else titles.new(langs[i])
        start += k
    plants, counts, rare = plant_sets(rng, n)
    # Month m holds reading order [bounds[m], bounds[m + 1]); names inside a month are a shuffle.
    bounds = [m * n // months for m in range(months + 1)]
    return {"seed": seed, "pools": pools, "langs": langs, "kinds": kinds, "names": names,
            "prev": prev, "next": nxt, "plants": plants, "counts": counts, "rare": rare,
            "bounds": bounds}


def month_dir(m):
    return f"{2019 + m // 12:04d}/{m % 12 + 1:02d}"


def file_path(plan, m, i, number):
    ext = plan["kinds"][i]
    h = hashlib.sha1(f"{plan['seed']}:{i}:{plan['names'][i]}".encode()).hexdigest()[:12]
    return f"{month_dir(m)}/{number:05d}_{h}.{ext}"


def month_paths(plan, m):
    lo, hi = plan["bounds"][m], plan["bounds"][m + 1]
    numbers = list(range(hi - lo))
    random.Random(f"{plan['seed']}:month:{m}").shuffle(numbers)
    return {i: file_path(plan, m, i, numbers[i - lo]) for i in range(lo, hi)}


def write_month(args):
    outdir, m = args
    plan = PLAN
    pools = plan["pools"]
    os.makedirs(os.path.join(outdir, month_dir(m)), exist_ok=True)
    written = 0
    for i, rel in month_paths(plan, m).items():
        arng = random.Random(f"{plan['seed']}:{i}")
        extra = [planted_sentence(k, arng) for k in plan["plants"].get(i, [])]
        lang, title, kind = plan["langs"][i], plan["names"][i], plan["kinds"][i]
        if kind == "txt":
            text = text_article(arng, pools, title, lang, plan["prev"][i], plan["next"][i], extra)
        elif kind == "md":
            text = markdown_article(arng, pools, title, lang, extra)
        else:
            text = html_article(arng, pools, title, lang, extra)
        with open(os.path.join(outdir, rel), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        written += 1
    return written


def main(argv):
    global PLAN
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir", nargs="?")
    p.add_argument("n", nargs="?", type=int)
    p.add_argument("--months", type=int, default=0, help="month folders (default: N / 8,333)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--version", action="store_true")
    a = p.parse_args(argv)
    if a.version:
        print(VERSION)
        return 0
    if a.outdir is None or a.n is None or a.n < 1:
        p.error("give OUTDIR and N >= 1")
    months = a.months or max(1, round(a.n / PER_MONTH))
    months = min(months, a.n)
    t0 = time.monotonic()
    PLAN = make_plan(a.n, months, a.seed)
    t1 = time.monotonic()
    os.makedirs(a.outdir, exist_ok=True)
    work = [(a.outdir, m) for m in range(months)]
    if a.jobs > 1:
        # fork: the workers share the plan the parent built, without pickling it.
        with multiprocessing.get_context("fork").Pool(a.jobs) as pool:
            total = sum(pool.imap_unordered(write_month, work))
    else:
        total = sum(map(write_month, work))
    # The first article the reader shows: the first file of the first month, in name order.
    first_month = month_paths(PLAN, 0)
    first_i = min(first_month, key=lambda i: first_month[i])
    all_paths = {}
    for i in PLAN["rare"]:
        m = next(k for k in range(months) if PLAN["bounds"][k] <= i < PLAN["bounds"][k + 1])
        all_paths[i] = month_paths(PLAN, m)[i]
    kinds = {k: PLAN["kinds"].count(k) for k in ("txt", "md", "html")}
    manifest = {
        "version": VERSION, "seed": a.seed, "articles": a.n, "months": months, "kinds": kinds,
        "first": {"path": first_month[first_i], "title": PLAN["names"][first_i]},
        "plants": {k: {"query": PLANTS[k], "files": v} for k, v in PLAN["counts"].items()},
        "rare_files": sorted(all_paths.values()),
    }
    with open(a.outdir.rstrip("/") + ".manifest.json", "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    t2 = time.monotonic()
    print(f"{total} articles in {months} month folders ({kinds}) -> {a.outdir}: "
          f"plan {t1 - t0:.1f} s, files {t2 - t1:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
