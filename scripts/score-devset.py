#!/usr/bin/env python3
"""Scores Gazette's titles, headings, links and chains on a labelled development set
(../shared/devset, as its README describes). Not part of `make test`: a new clone
has no ../shared. Usage: score-devset.py GAZETTE_BINARY DEVSET_DIR [--mistakes]"""
import json, subprocess, sys, unicodedata, os
from collections import Counter

def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).split()).casefold()

def main():
    binary, devset = sys.argv[1], sys.argv[2]
    show = "--mistakes" in sys.argv
    truth = json.load(open(os.path.join(devset, "truth.json")))
    arts = os.path.join(devset, "articles")
    toc = subprocess.run([binary, "toc", "--json", arts], capture_output=True, text=True)
    found = {os.path.basename(o["file"]): o for o in map(json.loads, toc.stdout.splitlines())}
    titles = hits = fa = miss = 0
    hits_dc = fa_dc = miss_dc = 0
    link_ok = link_total = 0
    mistakes = []
    for rec in truth["files"]:
        f = rec["file"]
        o = found.get(f)
        if o is None:
            mistakes.append(f"{f}: not read")
            continue
        titles += norm(o["title"]) == norm(rec["title"])
        got = [norm(s["heading"]) for s in o["sections"] if s["heading"] is not None]
        want = Counter(norm(h) for h in rec["headings"])
        flagged = Counter(norm(h) for h, fl in zip(rec["headings"], rec["heading_flags"]) if fl)
        w1, w2 = want.copy(), want.copy()
        for g in got:
            if w1[g] > 0:
                w1[g] -= 1; hits += 1
            else:
                fa += 1; mistakes.append(f"{f}: false alarm: {g}")
            if w2[g] > 0:
                w2[g] -= 1
                if flagged[g] > 0: flagged[g] -= 1
                else: hits_dc += 1
            else:
                fa_dc += 1
        for h, n in w1.items():
            if n > 0: miss += n; mistakes.append(f"{f}: missed: {h}")
        for h, n in w2.items():
            miss_dc += max(0, n - flagged[h])
        for key in ("prev", "next"):
            t = rec[key]
            if t is None: continue
            link_total += 1
            got_link = o.get(key)
            got_file = os.path.basename(got_link["file"]) if got_link and got_link["file"] else None
            if got_link is not None and got_file == t["resolves_to"]: link_ok += 1
            else: mistakes.append(f"{f}: {key} resolved to {got_file}, expected {t['resolves_to']}")
    chain = subprocess.run([binary, "chain", "--json", arts], capture_output=True, text=True)
    chains = [[os.path.basename(p) for p in json.loads(l)["files"]] for l in chain.stdout.splitlines()]
    chains_exact = sorted(chains) == sorted(truth["chains"])
    def prf(h, f, m):
        p = h / (h + f) if h + f else 0; r = h / (h + m) if h + m else 0
        return p, r, (2 * p * r / (p + r) if p + r else 0)
    n = len(truth["files"])
    print(f"articles read:   {len(found)}/{n}")
    print(f"titles:          {titles}/{n}")
    p, r, f1 = prf(hits, fa, miss)
    print(f"headings:        precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  ({hits} hits, {fa} false alarms, {miss} misses)")
    p, r, f1 = prf(hits_dc, fa_dc, miss_dc)
    print(f"  flagged as don't-care: precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}")
    print(f"links resolved:  {link_ok}/{link_total}")
    print(f"chains exact:    {'yes' if chains_exact else 'no'} ({len(chains)} built, {len(truth['chains'])} expected)")
    if show:
        print("\n".join(mistakes))

main()
