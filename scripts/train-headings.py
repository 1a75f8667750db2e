#!/usr/bin/env python3
"""Trains Gazette's heading model and measures it by grouped cross-validation.

    scripts/train-headings.py [--gazette-dev BIN] [--pool DIR] [--seed 14] [--folds 5] [--C 0.003,0.01,0.03]
                              [--fixture-weight 2] [--pool-weight 1] [--dev-weight 1] [--domain-feature]
                              [--inner language|site] [--features all|neutral|FILE] [--one-regime]
                              [--threshold-by best|stable] [--evals cv,lolo,pool-to-dev,dev-to-pool,held]
                              [--save-cv FILE] [--before-cv FILE] [--baseline OLD_GAZETTE]
                              [--report TABLES.md] [--no-export]

Not part of `make test` (a clone has no ../shared). It needs scikit-learn (`pip install
scikit-learn`) and a built gazette-dev (`swift build`). The features are Gazette's own:
`gazette-dev heading-features` prints them for every block, so this script computes none and can never disagree with Swift.

Data: ../shared/devset (English), ../shared/devset-multi (28 languages), the project's
fixtures (Tests/ArticleKitTests/Fixtures/Headings) and the pages of ../shared/html-pool as
scripts/pool-to-text.py writes them (--pool, default /work/pooltext): its training part only; its
held-aside sites are judged, never trained on. A block is a positive example when it is
a labelled heading (same line, same text); only blocks that pass the detector's gate
(candidates) are trained on, the others are never headings.

What it does, in order:
 1. dumps features for every article;
 2. the evaluations that predict articles and languages never seen (issue 22, `evaluations`):
    leave one language out, pool only -> dev sets, dev sets only -> held-aside pool; then
    the grouped K-fold cross-validation over the plain-text dev sets, folds by
    article (seeded shuffle): for each fold, a model is trained on everything else (the other dev-set
    articles, the fixtures, the pool's training part; its thresholds, and C when several are given,
    chosen by an inner cross-validation grouped by site and article, scored on the dev-set articles
    only: the reader reads plain text, and the pool's markup calls more lines headings), written as a
    model file, and the gazette-dev binary decides the held-out articles with it
    (`heading-features --model`); the held-out decisions are scored like the dev sets' READMEs say
    (heading texts matched as multisets per article) — both dev sets, English / non-English, per
    language group, and with flagged headings as don't-care. --save-cv / --before-cv put the same
    CV of another detector (e.g. main's, run with its own gazette-dev and --pool '') beside it;
 3. trains the final model on the training part, decides the held-aside pool with it (the secondary
    measure), and writes Sources/ArticleKit/Parsing/HeadingModel+Trained.swift;
 4. with --baseline BIN, scores that gazette binary's `toc --json` (today's committed detector) on the
    held-aside pool, and with --report writes the tables of docs/HEADINGS.md.
"""
import argparse
import datetime
import json
import os

# One BLAS thread: on a shared 2-core machine the threaded BLAS made each fit 20 times slower, and
# one thread gives the same numbers on every machine.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
import random
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
FIXTURES = os.path.join(ROOT, "Tests", "ArticleKitTests", "Fixtures", "Headings")
MODEL_SWIFT = os.path.join(ROOT, "Sources", "ArticleKit", "Parsing", "HeadingModel+Trained.swift")

GROUPS = {"en": "English", "de": "German", "es": "Romance", "fr": "Romance", "it": "Romance", "pt": "Romance",
          "ja": "CJK", "zh": "CJK", "ko": "CJK"}


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s or "").split())


def strip_edit(s):
    """The heading as the reader shows it: Gazette drops an "[edit]" link (see BlockShape.editSuffixLength)."""
    t = s.rstrip()
    if t.endswith("]") and "[" in t:
        k = t.rindex("[")
        inner = t[k + 1:].casefold()
        if k > 0 and any(inner.startswith(w) for w in ("edit", "bearbeiten", "modifier", "editar", "modifica")):
            return t[:k].rstrip()
    return s


class Article:
    def __init__(self, source, path, lang, headings, flags, lines, site=None, split="train"):
        self.source, self.path, self.lang = source, path, lang
        self.name = os.path.basename(path)
        self.key = source + "/" + self.name
        # Cross-validation groups: a pool page by its site, any other article on its own.
        self.site = site or self.key
        self.split = split
        self.headings = [strip_edit(h) for h in headings]
        self.flags = flags
        self.heading_lines = lines  # None for the fixtures: matched in order by text
        self.blocks = []

    @property
    def group(self):
        return GROUPS.get(self.lang, "others")


def load_pool(pool):
    """Pages of ../shared/html-pool as scripts/pool-to-text.py wrote them."""
    labels = json.load(open(os.path.join(pool, "labels.json"), encoding="utf-8"))
    return [Article("pool", os.path.join(pool, "articles", f), r["lang"], r["headings"],
                    [bool(x) for x in r["heading_flags"]], r["heading_lines"], site="site:" + r["site"],
                    split=r["split"]) for f, r in sorted(labels.items())]


def load_articles():
    arts = []
    for source in ("devset", "devset-multi"):
        d = os.path.join(SHARED, source)
        truth = json.load(open(os.path.join(d, "truth.json"), encoding="utf-8"))
        for r in truth["files"]:
            arts.append(Article(source, os.path.join(d, "articles", r["file"]), r["lang"], r["headings"],
                                [bool(f) for f in r["heading_flags"]], r["heading_lines"]))
    labels = json.load(open(os.path.join(FIXTURES, "labels.json"), encoding="utf-8"))
    for f, lab in sorted(labels.items()):
        arts.append(Article("fixtures", os.path.join(FIXTURES, f), f.split("_")[1], lab["headings"],
                            [False] * len(lab["headings"]), None))
    return arts


def dump(gazette, paths, model=None):
    """Block records per file name, from `gazette-dev heading-features`."""
    cmd = [gazette, "heading-features"] + (["--model", model] if model else []) + paths
    out = subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")
    lines = out.splitlines()
    names = json.loads(lines[0])["features"]
    per_file = defaultdict(list)
    for line in lines[1:]:
        o = json.loads(line)
        per_file[o["file"]].append(o)
    return names, per_file


def block_lines(path, blocks):
    """The 1-based line each block starts on: the parser's blocks are trimmed lines, or
    hard-wrapped lines joined with spaces, in file order after the header's '-' line."""
    raw = open(path, encoding="utf-8", errors="replace", newline="").read()
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cursor = 0
    while cursor < len(lines) and not (lines[cursor].strip() and set(lines[cursor].strip()) <= set("-–—")):
        cursor += 1
    cursor += 1
    found = []
    for b in blocks:
        t = b["text"]
        k = cursor
        while k < len(lines) and not (lines[k].strip() and t.startswith(lines[k].strip())):
            k += 1
        if k == len(lines):
            found.append(None)
            continue
        found.append(k + 1)
        cursor = k + 1
    return found


def label(art):
    """Marks each block of `art` heading or not."""
    if art.heading_lines is not None:
        want = {(ln, norm(h)) for ln, h in zip(art.heading_lines, art.headings)}
        for b, ln in zip(art.blocks, block_lines(art.path, art.blocks)):
            b["y"] = int((ln, norm(strip_edit(b["text"]))) in want)
    else:
        todo = [norm(h).casefold() for h in art.headings]
        k = 0
        for b in art.blocks:
            b["y"] = 0
            if k < len(todo) and norm(b["text"]).casefold() == todo[k]:
                b["y"] = 1
                k += 1


def shown(b):
    return b["heading"] if b.get("heading") is not None else strip_edit(b["text"])


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.dc_tp = self.dc_fp = self.dc_fn = 0

    def add(self, art, found):
        """Multiset match of found heading texts against the labels, as the READMEs describe."""
        pool = [norm(h) for h in art.headings]
        flagged = Counter(norm(h) for h, f in zip(art.headings, art.flags) if f)
        pool_dc = list(pool)
        for h in map(norm, found):
            if h in pool:
                pool.remove(h); self.tp += 1
            else:
                self.fp += 1
            if h in pool_dc:
                pool_dc.remove(h)
                if flagged[h] > 0: flagged[h] -= 1
                else: self.dc_tp += 1
            else:
                self.dc_fp += 1
        self.fn += len(pool)
        left = Counter(pool_dc)
        self.dc_fn += sum(max(0, n - flagged[h]) for h, n in left.items())

    @staticmethod
    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self, dont_care=False):
        t = (self.dc_tp, self.dc_fp, self.dc_fn) if dont_care else (self.tp, self.fp, self.fn)
        p, r, f = self.prf(*t)
        return p, r, f, t


def score_groups(arts, found_by_key):
    """Scores per set, per language group of the dev sets, over both dev sets, over all, and per
    language (English / non-English, and each language) of every set."""
    scores = defaultdict(Score)
    for a in arts:
        if a.key not in found_by_key:
            continue
        found = found_by_key[a.key]
        scores["all"].add(a, found)
        scores["set " + a.source].add(a, found)
        scores["lang " + a.lang].add(a, found)
        scores["English" if a.lang == "en" else "non-English"].add(a, found)
        if a.source != "fixtures":
            scores["dev sets"].add(a, found)
            scores["dev group " + a.group].add(a, found)
            if a.group != "English":
                scores["dev non-English"].add(a, found)
        if a.source != "pool":
            continue
        scores["pool " + a.split].add(a, found)
        scores[f"pool {a.split} {'English' if a.lang == 'en' else 'non-English'}"].add(a, found)
        scores[f"pool {a.split} lang {a.lang}"].add(a, found)
    return scores


# --- training ------------------------------------------------------------------------------------

REGIMES = ("over text", "over other")
EDIT = None  # index of the "edit suffix" feature, set once the features are known
INTERVIEW = None  # index of "speaker question" (HeadingDetector.isInterviewQuestion), when the rule is on


WEIGHTS = {"devset": 1.0, "devset-multi": 1.0, "fixtures": 1.0, "pool": 1.0}
DEV = ("devset", "devset-multi")
# With --domain-feature, training sees one more feature: 1 for a pool page, 0 otherwise. The reader
# never sees it (it scores as a plain-text article, 0), so the pool's own base rate of headings (its
# markup calls more lines headings) goes into that weight instead of into the shared ones.
DOMAIN = {"on": False}


def rows_(arts, regime, weights=False):
    X, y, sw = [], [], []
    for a in arts:
        for b in a.blocks:
            if b["candidate"] and (regime is None or b["regime"] == regime):
                X.append(b["x"] + ([float(a.source == "pool")] if DOMAIN["on"] else []))
                y.append(b["y"]); sw.append(WEIGHTS[a.source])
    X, y = np.array(X, dtype=float), np.array(y, dtype=int)
    return (X, y, np.array(sw)) if weights else (X, y)


def matrix(arts):
    X, y = [], []
    for a in arts:
        for b in a.blocks:
            if b["candidate"]:
                X.append(b["x"]); y.append(b["y"])
    return np.array(X, dtype=float), np.array(y, dtype=int)


# Model shape (set from the command line): which features the model may use (the others get weight
# 0), whether one weight set serves both regimes, and how the threshold is chosen.
SHAPE = {"mask": None, "one_regime": False, "threshold_by": "best", "inner": "site"}


def fit(arts, C, seed):
    """One logistic regression per regime (or one for both with --one-regime), on standardised
    features; the scaling is folded back into the weights so that Swift scores raw features with one
    dot product. Features outside --features get weight 0."""
    model = {}
    for regime in ((None,) if SHAPE["one_regime"] else REGIMES):
        X, y, sw = rows_(arts, regime, weights=True)
        if SHAPE["mask"] is not None:
            X = X.copy()
            X[:, ~SHAPE["mask"]] = 0
        mu, sd = X.mean(axis=0), X.std(axis=0)
        sd[sd == 0] = 1
        m = LogisticRegression(C=C, max_iter=5000, random_state=seed)
        m.fit((X - mu) / sd, y, sample_weight=sw)
        w = m.coef_[0] / sd
        b = m.intercept_[0] - float(np.dot(m.coef_[0], mu / sd))
        if DOMAIN["on"]:
            # The reader's text is never a pool page: the domain feature is 0 there.
            w = w[:-1]
        if regime is None:
            return {r: (w, b) for r in REGIMES}
        model[regime] = (w, b)
    return model


def logits(arts, model):
    """(article, block, regime, logit) for every candidate block."""
    out = []
    for a in arts:
        for x in a.blocks:
            if x["candidate"]:
                w, b = model[x["regime"]]
                out.append((a, x, x["regime"], float(np.dot(w, x["x"]) + b)))
    return out


def decide_py(arts, model, shifts=None):
    """Python's copy of the decision (logit > shift on candidates), for choosing the thresholds;
    the reported figures come from the gazette-dev binary itself."""
    shifts = shifts or {r: 0.0 for r in REGIMES}
    found = {a.key: [] for a in arts}
    for a, x, r, v in logits(arts, model):
        if v > shifts[r] or is_edit(x):
            found[a.key].append(shown(x))
    return found


def is_edit(x):
    """HeadingDetector.isHeading: an "[edit]" suffix, or an interview's question ("Q: …?"), makes a
    candidate a heading whatever its score."""
    return x["x"][EDIT] > 0 or (INTERVIEW is not None and x["x"][INTERVIEW] > 0)


def folds_of(arts, k, seed, by=lambda a: a.site):
    """K folds of whole groups (a pool site, or one article; or what `by` says), seeded."""
    keys = sorted({by(a) for a in arts})
    random.Random(seed).shuffle(keys)
    fold = {key: i % k for i, key in enumerate(keys)}
    return [[a for a in arts if fold[by(a)] == i] for i in range(k)]


SHIFTS = np.arange(-2.0, 3.01, 0.25)


def choose_shifts(arts, C, seed, k=4):
    """Inner grouped CV on `arts` only: per regime, the logit threshold that maximises F1 on the
    inner held-out parts (the two regimes' blocks never share an article's heading, so their
    thresholds are chosen one after the other: text first, then other given text; with --one-regime
    one threshold serves both). The F1 is counted on the plain-text dev-set articles of those parts
    only (TUNE_ON) when there are any: the pool's markup calls more lines headings than a plain-text
    dump does, and the reader reads plain text. With --threshold-by stable, the objective is the mean
    F1 over the tuning articles' language groups (every group counts the same, so the threshold
    does not follow the biggest one), counted on all training articles. With several C values, the
    C whose best thresholds give the highest objective is chosen the same way. Returns (shifts, C)."""
    if SHAPE["inner"] == "language":
        # Thresholds and C that hold for languages the fit did not see: inner folds of whole languages.
        parts = [p for p in folds_of(arts, k, seed + 1, by=lambda a: lolo_key(a.lang)) if p]
    else:
        parts = folds_of(arts, k, seed + 1)
    tune_on = TUNE_ON if SHAPE["threshold_by"] == "best" and any(a.source in TUNE_ON for a in arts) \
        else {a.source for a in arts}
    held_arts = [a for p in parts for a in p if a.source in tune_on]
    best_all = None
    for c in (C if isinstance(C, (list, tuple)) else [C]):
        scored = []
        for i, held in enumerate(parts):
            train = [a for j, p in enumerate(parts) if j != i for a in p]
            scored += [t for t in logits(held, fit(train, c, seed)) if t[0].source in tune_on]
        shifts, f = best_shifts(scored, held_arts)
        if best_all is None or f > best_all[2]:
            best_all = (shifts, c, f)
    return best_all[0], best_all[1]


TUNE_ON = DEV


def tune_group(a):
    """Language groups for the stable threshold: the dev sets' groups, and the pool by English or not."""
    if a.source == "pool":
        return "pool " + ("English" if a.lang == "en" else "non-English")
    return a.group


def best_shifts(scored, held_arts):

    groups = sorted({tune_group(a) for a in held_arts})

    def f1(shifts):
        found = {a.key: [] for a in held_arts}
        for a, x, r, v in scored:
            if v > shifts[r] or is_edit(x):
                found[a.key].append(shown(x))
        if SHAPE["threshold_by"] == "stable":
            per = defaultdict(Score)
            for a in held_arts:
                per[tune_group(a)].add(a, found[a.key])
            return sum(Score.prf(per[g].tp, per[g].fp, per[g].fn)[2] for g in groups) / len(groups)
        sc = Score()
        for a in held_arts:
            sc.add(a, found[a.key])
        return Score.prf(sc.tp, sc.fp, sc.fn)[2]

    if SHAPE["one_regime"]:
        s = max(SHIFTS, key=lambda s: (f1({r: s for r in REGIMES}), -abs(s)))
        return {r: float(s) for r in REGIMES}, f1({r: s for r in REGIMES})
    best = {"over text": 0.0, "over other": 99.0}
    best["over text"] = max(SHIFTS, key=lambda s: (f1({**best, "over text": s}), -abs(s)))
    best["over other"] = max(list(SHIFTS) + [99.0], key=lambda s: (f1({**best, "over other": s}), s))
    return {r: float(v) for r, v in best.items()}, f1(best)


def train_model(arts, C, seed):
    """The model and its thresholds (and C, when several are given) from `arts` alone."""
    shifts, c = choose_shifts(arts, C, seed)
    model = fit(arts, c, seed)
    return {r: (w, b - shifts[r]) for r, (w, b) in model.items()}, {**shifts, "C": c}


def write_model_json(path, names, model):
    json.dump({r: {"bias": b, "weights": dict(zip(names, map(float, w)))} for r, (w, b) in model.items()},
              open(path, "w"))


def write_swift(names, model, shifts, args, counts):
    stamp = datetime.date.today().isoformat()
    (wt, bt), (wo, bo) = model["over text"], model["over other"]
    lines = [
        "// Generated by scripts/train-headings.py on %s; do not edit. Made with:" % stamp,
        f"//   python3 scripts/pool-to-text.py && python3 scripts/train-headings.py --gazette-dev {args.gazette_shown} "
        f"--seed {args.seed} --C {args.C} --fixture-weight {args.fixture_weight} --pool-weight {args.pool_weight}"
        + (f" --dev-weight {args.dev_weight}" if args.dev_weight != 1 else "")
        + (" --domain-feature" if args.domain_feature else "")
        + f" --inner {args.inner} --features {args.features} --threshold-by {args.threshold_by}"
        + (" --one-regime" if args.one_regime else ""),
        f"// Logistic regression (scikit-learn LogisticRegression, L2, C={shifts['C']}, random_state={args.seed}), one",
        "// per regime, trained on the candidate blocks of ../shared/devset, ../shared/devset-multi, the training",
        "// part of ../shared/html-pool (scripts/pool-to-text.py: its held-aside sites are never trained on) and",
        f"// Tests/ArticleKitTests/Fixtures/Headings (weight {args.fixture_weight}):",
        f"// {counts}.",
        "// Features were standardised for training; the scaling is folded into the weights. The decision",
        "// thresholds (logit > %+.2f over text, %s over other) and C were chosen by a 4-fold CV on the"
        % (shifts["over text"], "never" if shifts["over other"] >= 99 else "> %+.2f" % shifts["over other"]),
        "// training data (%s), scored on its plain-text dev-set articles only; the thresholds are folded into the"
        % ("folds of whole languages" if args.inner == "language" else "grouped by site and article"),
        "// biases: a bias of -infinity means no threshold did better",
        "// there than finding no heading at all. docs/HEADINGS.md says how well it does.",
        "",
        "extension HeadingModel {",
        "    /// The model the reader uses.",
        "    public static let trained = HeadingModel(",
        "        overText: Weights(trainedWeights.map { $0.overText }, bias: %.6f)," % bt,
        "        overOther: Weights(trainedWeights.map { $0.overOther }, bias: %s))"
        % ("-.infinity" if shifts["over other"] >= 99 else "%.6f" % bo),
        "",
        "    /// Per feature, in `HeadingFeatures` order: the weight over text, the weight over other,",
        "    /// and the name (a test checks the names are today's features).",
        "    static let trainedWeights: [(overText: Double, overOther: Double, name: String)] = [",
    ]
    for n, a, b in zip(names, wt, wo):
        lines.append(f"        ({a:.6f}, {b:.6f}, {json.dumps(n)}),")
    lines += ["    ]", "}", ""]
    open(MODEL_SWIFT, "w").write("\n".join(lines))


# --- report --------------------------------------------------------------------------------------

def rows_for(scores, prefix="", min_headings=15):
    """(label, key) rows: the sets, English / non-English, then each language with enough headings."""
    if prefix:
        fixed = [("held-aside pool, all", "pool held"), ("  English", "pool held English"),
                 ("  non-English", "pool held non-English")]
        langs = sorted(k[len("pool held lang "):] for k in scores if k.startswith("pool held lang "))
        fixed += [(f"  {l}", f"pool held lang {l}") for l in langs
                  if scores[f"pool held lang {l}"].tp + scores[f"pool held lang {l}"].fn >= min_headings]
        return fixed
    fixed = [("both dev sets", "dev sets"), ("devset (English)", "set devset"),
             ("devset-multi (non-English)", "set devset-multi"), ("  German", "dev group German"),
             ("  Romance (es, fr, it, pt)", "dev group Romance"), ("  CJK (ja, zh, ko)", "dev group CJK"),
             ("  others", "dev group others")]
    return [(l, k) for l, k in fixed if k in scores]


def table(title, rows, before, after, dont_care=False):
    out = [f"**{title}**", "",
           "| | headings | before P | before R | before F1 | after P | after R | after F1 |",
           "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for label_, key in rows:
        pb, rb, fb, _ = before[key].row(dont_care) if before else (0, 0, 0, None)
        pa, ra, fa, t = after[key].row(dont_care)
        out.append(f"| {label_.strip()} | {t[0] + t[2]} | {pb:.2f} | {rb:.2f} | {fb:.2f} | {pa:.2f} | {ra:.2f} | {fa:.2f} |")
    return "\n".join(out)


def print_rows(rows, before, after):
    for label_, key in rows:
        p, r, f, t = after[key].row()
        line = f"{label_:28s} P {p:.3f} R {r:.3f} F1 {f:.3f}  (hits, false, missed) {t}"
        if before:
            pb, rb, fb, tb = before[key].row()
            line += f"   before P {pb:.3f} R {rb:.3f} F1 {fb:.3f} {tb}"
        print(line)


# --- evaluations that predict unseen articles and languages --------------------------------------

# Leave-one-language-out: each of these languages is held out on its own (English: the devset; the
# others: devset-multi's languages with 10+ headings), the remaining small languages together.
LOLO_LANGS = ("en", "de", "es", "fr", "ja", "tr", "no", "cs", "it", "pl")


def lolo_key(lang):
    return lang if lang in LOLO_LANGS else "rest"


EVALS = [
    ("cv", "Grouped 5-fold CV on the dev sets (folds by article; in-sample-ish: every language is in training)"),
    ("lolo", "Leave one language out (train without the language: its dev-set, pool and fixture articles; "
             "decide its dev-set articles)"),
    ("pool-to-dev", "Pool only → dev sets (train on the pool's training part and the fixtures; decide both dev sets)"),
    ("dev-to-pool", "Dev sets only → held-aside pool (train on the dev sets and the fixtures)"),
    ("held", "Everything → held-aside pool (the committed model's training data; decide the held-aside sites)"),
]


def evaluations(train, held, C, seed, folds, decide, only=None):
    """Decisions per evaluation: {name: {article key: [headings]}}, every one out of sample."""
    dev = [a for a in train if a.source in DEV]
    out = {}
    want = lambda name: only is None or name in only
    if want("cv"):
        found = {}
        for i, part in enumerate(folds_of(dev, folds, seed)):
            keys = {a.key for a in part}
            model, shifts = train_model([a for a in train if a.key not in keys], C, seed)
            found.update(decide(model, part))
            print(f"cv fold {i}: {len(part)} articles, thresholds {shifts}", file=sys.stderr)
        out["cv"] = found
    if want("lolo"):
        found = {}
        for lang in LOLO_LANGS + ("rest",):
            test = [a for a in dev if lolo_key(a.lang) == lang]
            model, shifts = train_model([a for a in train if lolo_key(a.lang) != lang], C, seed)
            found.update(decide(model, test))
            print(f"lolo {lang}: {len(test)} articles, thresholds {shifts}", file=sys.stderr)
        out["lolo"] = found
    if want("pool-to-dev") and any(a.source == "pool" for a in train):
        model, shifts = train_model([a for a in train if a.source in ("pool", "fixtures")], C, seed)
        out["pool-to-dev"] = decide(model, dev)
        print(f"pool-to-dev: thresholds {shifts}", file=sys.stderr)
    if want("dev-to-pool") and held:
        model, shifts = train_model([a for a in train if a.source != "pool"], C, seed)
        out["dev-to-pool"] = decide(model, held)
        print(f"dev-to-pool: thresholds {shifts}", file=sys.stderr)
    return out


def article_counts(arts, found):
    """(tp, fp, fn) per article, for the bootstrap."""
    counts = []
    for a in arts:
        if a.key in found:
            sc = Score()
            sc.add(a, found[a.key])
            counts.append((sc.tp, sc.fp, sc.fn))
    return np.array(counts, dtype=float).reshape(-1, 3)


def bootstrap_f1(arts, found, seed, n=1000):
    """5th and 95th percentile of F1 when the articles are drawn again with replacement: how much
    the figure would move on another sample of articles like these."""
    c = article_counts(arts, found)
    if len(c) == 0:
        return 0.0, 0.0
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(c), size=(n, len(c)))
    tp, fp, fn = (c[idx, k].sum(axis=1) for k in range(3))
    f1 = np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(1, 2 * tp + fp + fn), 0)
    return float(np.percentile(f1, 5)), float(np.percentile(f1, 95))


def eval_rows(scores, min_headings=10):
    """Rows of one evaluation: all, English, non-English, the dev sets' language groups, and each
    language with enough headings."""
    rows = [("all", "all"), ("English", "English"), ("non-English", "non-English")]
    rows += [(f"  {g}", f"dev group {g}") for g in ("German", "Romance", "CJK", "others")
             if f"dev group {g}" in scores and scores[f"dev group {g}"].tp + scores[f"dev group {g}"].fn > 0]
    langs = sorted((k[5:] for k in scores if k.startswith("lang ") and k[5:] != "en"),
                   key=lambda l: -(scores["lang " + l].tp + scores["lang " + l].fn))
    rows += [(f"  {l}", f"lang {l}") for l in langs if scores[f"lang {l}"].tp + scores[f"lang {l}"].fn >= min_headings]
    return rows


def scored_evals(arts, before, after):
    """Each evaluation that ran: its name, title, articles, and their scores after and before."""
    for name, title in EVALS:
        if name not in after:
            continue
        some = [a for a in arts if a.key in after[name]]
        sa = score_groups(some, after[name])
        sb = score_groups(some, before[name]) if before and name in before else None
        yield name, title, some, sa, sb


def eval_report(arts, before, after, seed):
    """Markdown tables, one per evaluation, with a bootstrap interval on the main rows."""
    out = []
    for name, title, some, sa, sb in scored_evals(arts, before, after):
        rows = eval_rows(sa)
        out += [f"**{title}**", "",
                "| | headings | before P | before R | before F1 | after P | after R | after F1 | after F1, 90% interval |",
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for lab, key in rows:
            pa, ra, fa, t = sa[key].row()
            pb, rb, fb, _ = sb[key].row() if sb and key in sb else (float("nan"),) * 3 + (None,)
            sel = [a for a in some if key == "all" or (key == "English" and a.lang == "en")
                   or (key == "non-English" and a.lang != "en")]
            ci = ""
            if key in ("all", "English", "non-English"):
                lo, hi = bootstrap_f1(sel, after[name], seed)
                ci = f"{lo:.2f}–{hi:.2f}"
            out.append(f"| {lab.strip()} | {t[0] + t[2]} | {pb:.2f} | {rb:.2f} | {fb:.2f} | {pa:.2f} | {ra:.2f} | "
                       f"{fa:.2f} | {ci} |")
        out.append("")
    return "\n".join(out)


def print_evals(arts, before, after, seed):
    for name, title, some, sa, sb in scored_evals(arts, before, after):
        print(f"== {name}: {title}")
        for lab, key in eval_rows(sa):
            p, r, f, t = sa[key].row()
            line = f"{lab:16s} P {p:.3f} R {r:.3f} F1 {f:.3f} {t}"
            if sb and key in sb:
                pb, rb, fb, tb = sb[key].row()
                line += f"   before P {pb:.3f} R {rb:.3f} F1 {fb:.3f}"
            print(line)
        if name == "cv":
            # Fold spread: F1 of each outer fold on its own.
            dev = [a for a in some]
            f1s = []
            for part in folds_of(dev, 5, seed):
                sc = Score()
                for a in part:
                    sc.add(a, after[name][a.key])
                f1s.append(Score.prf(sc.tp, sc.fp, sc.fn)[2])
            print("fold F1s " + " ".join(f"{f:.2f}" for f in f1s) + f"  (sd {np.std(f1s):.3f})")


def baseline_found(binary, arts):
    found = {}
    for source in sorted({a.source for a in arts}):
        d = os.path.dirname(next(a.path for a in arts if a.source == source))
        p = subprocess.run([binary, "toc", "--json", d], capture_output=True, check=False)
        for line in p.stdout.decode("utf-8").splitlines():
            o = json.loads(line)
            found[source + "/" + os.path.basename(o["file"])] = [s["heading"] for s in o["sections"] if s["heading"]]
    return found


# Features that depend on a word list (furniture, speaker labels, edit links): what they know is
# the languages their lists cover. --features neutral leaves them out of the score (the rules still
# apply them before the score).
WORD_LIST_FEATURES = {
    "speaker label", "speaker question", "edit suffix", "credit", "byline", "date", "control", "tags", "stamp",
    "related intro", "prev furniture", "prev related intro", "next furniture", "next credit", "prev credit",
    "next byline or date", "only furniture follows", "in an introduced list",
}


def feature_set(spec, names):
    if spec == "neutral":
        return [n for n in names if n not in WORD_LIST_FEATURES]
    keep = [l.strip() for l in open(spec, encoding="utf-8") if l.strip() and not l.startswith("#")]
    unknown = [n for n in keep if n not in names]
    if unknown:
        sys.exit(f"unknown features in {spec}: {unknown}")
    return keep


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # --gazette is the old name, from when the shipped binary carried heading-features.
    ap.add_argument("--gazette-dev", "--gazette", dest="gazette", default=os.path.join(ROOT, ".build", "debug", "gazette-dev"),
                    help="the development tool whose heading-features command dumps the features")
    ap.add_argument("--pool", default="/work/pooltext",
                    help="the pool as scripts/pool-to-text.py wrote it (its 'held' sites are never trained on); "
                         "'' for none")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", default="0.003,0.01,0.03",
                    help="inverse L2 strength; several, comma-separated, are chosen among by the inner CV")
    ap.add_argument("--fixture-weight", type=float, default=2.0,
                    help="weight of a fixture block against a dev-set block in training (the fixtures are "
                         "hand-labelled, so cleaner than markup)")
    ap.add_argument("--pool-weight", type=float, default=1.0, help="weight of a pool block in training")
    ap.add_argument("--dev-weight", type=float, default=1.0, help="weight of a dev-set block in training")
    ap.add_argument("--domain-feature", action="store_true",
                    help="a 'pool page' feature at training time only (0 for the reader)")
    ap.add_argument("--save-cv", help="write the cross-validated decisions (JSON) here, for --before-cv")
    ap.add_argument("--before-cv", help="cross-validated decisions of the detector before (a --save-cv file), "
                                        "for the before columns of the cross-validation tables")
    ap.add_argument("--baseline", help="a gazette binary with the detector before the change; its committed "
                                       "model decides the held-aside pool for the before columns")
    ap.add_argument("--report", help="write the tables to this Markdown file")
    ap.add_argument("--no-cv", action="store_true", help="skip the evaluations (still decides the held-aside pool)")
    ap.add_argument("--evals", help="only these evaluations, comma-separated: " + ", ".join(n for n, _ in EVALS))
    ap.add_argument("--features", default="all",
                    help="the features the model may use: 'all', 'neutral' (no word-list features: script- and "
                         "language-neutral shape, neighbours, position), or a file of names, one a line")
    ap.add_argument("--no-interview-rule", dest="interview_rule", action="store_false",
                    help="for a gazette-dev from before the interview-question rule (Python's copy of the decision)")
    ap.add_argument("--inner", choices=("site", "language"), default="language",
                    help="the inner CV that chooses thresholds and C: folds of sites and articles, or of whole "
                         "languages (so the choice holds for languages the fit did not see)")
    ap.add_argument("--one-regime", action="store_true", help="one weight set for blocks over text and over other")
    ap.add_argument("--threshold-by", choices=("best", "stable"), default="best",
                    help="best: the dev-set articles' F1; stable: the mean F1 over language groups")
    ap.add_argument("--no-export", action="store_true", help="measure only; leave the Swift model as it is")
    args = ap.parse_args()
    args.gazette_shown = os.path.relpath(args.gazette, ROOT)
    Cs = [float(c) for c in args.C.split(",")]
    C = Cs if len(Cs) > 1 else Cs[0]
    WEIGHTS["fixtures"] = args.fixture_weight
    WEIGHTS["pool"] = args.pool_weight
    WEIGHTS["devset"] = WEIGHTS["devset-multi"] = args.dev_weight
    DOMAIN["on"] = args.domain_feature
    SHAPE["one_regime"] = args.one_regime
    SHAPE["threshold_by"] = args.threshold_by
    SHAPE["inner"] = args.inner

    arts = load_articles()
    if args.pool and os.path.exists(os.path.join(args.pool, "labels.json")):
        arts += load_pool(args.pool)
    by_dir = defaultdict(list)
    for a in arts:
        by_dir[os.path.dirname(a.path)].append(a)
    names = None
    for d, group in by_dir.items():
        names, per_file = dump(args.gazette, [d])
        for a in group:
            a.blocks = per_file[a.name]
            label(a)
    global EDIT, INTERVIEW
    EDIT = names.index("edit suffix")
    INTERVIEW = names.index("speaker question") if args.interview_rule else None
    if args.features != "all":
        keep = feature_set(args.features, names)
        SHAPE["mask"] = np.array([n in keep for n in names] + ([True] if DOMAIN["on"] else []))
        print(f"features: {len(keep)} of {len(names)}", file=sys.stderr)
    train = [a for a in arts if a.split == "train"]
    held = [a for a in arts if a.split == "held"]
    dev = [a for a in train if a.source in DEV]
    X, y = matrix(train)
    print(f"{len(train)} training articles ({len({a.site for a in train})} groups), {len(X)} candidate blocks, "
          f"{int(y.sum())} of them headings; {sum(len(a.headings) for a in train)} labelled headings; "
          f"{len(held)} held-aside pool articles", file=sys.stderr)

    def decide(model, some):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "model.json")
            write_model_json(path, names, model)
            found = {}
            for d in sorted({os.path.dirname(a.path) for a in some}):
                here = [a for a in some if os.path.dirname(a.path) == d]
                _, per_file = dump(args.gazette, [a.path for a in here], model=path)
                py = decide_py(here, model)
                for a in here:
                    found[a.key] = [x["heading"] for x in per_file[a.name] if x["heading"] is not None]
                    if sorted(map(norm, found[a.key])) != sorted(map(norm, py[a.key])):
                        print(f"warning: Swift and Python decide {a.key} differently", file=sys.stderr)
            return found

    only = set(args.evals.split(",")) if args.evals else None
    results = {} if args.no_cv else evaluations(train, held, C, args.seed, args.folds, decide, only)
    model, shifts = train_model(train, C, args.seed)
    if held and (only is None or "held" in only):
        results["held"] = decide(model, held)
    if args.save_cv:
        json.dump(results, open(args.save_cv, "w"), ensure_ascii=False)
    before = json.load(open(args.before_cv, encoding="utf-8")) if args.before_cv else None
    if before is not None and args.baseline and held:
        before["held"] = baseline_found(args.baseline, held)
    print_evals(train + held, before, results, args.seed)
    report = [eval_report(train + held, before, results, args.seed)]
    if args.report:
        open(args.report, "w").write("\n".join(report))
    if not args.no_export:
        counts = ", ".join(f"{r} {len(rows_(train, r)[1])} blocks ({int(rows_(train, r)[1].sum())} headings)"
                           for r in REGIMES)
        write_swift(names, model, shifts, args, counts)
        print(f"wrote {os.path.relpath(MODEL_SWIFT, ROOT)} (thresholds {shifts})", file=sys.stderr)


if __name__ == "__main__":
    main()
