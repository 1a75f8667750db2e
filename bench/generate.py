#!/usr/bin/env python3
"""Deterministic generator of benchmark articles for Gazette.

    generate.py OUTDIR N [--seed S]          N articles, OUTDIR/%06d_<16 hex>.txt
    generate.py --big OUTFILE [--mb 50] [--seed S]   one article of about MB megabytes
    generate.py --version                    prints the generator version (for stamp files)

Folder mode: articles in seven languages (en, it, fr, de, es, ja, zh) with emoji sprinkled
in; 2-8 sections each (a lede, then headed sections), 1-4 paragraphs a section, 200-900
characters a paragraph, each paragraph on one line. Articles form PREV/NEXT chains of 1-60;
file numbers are a shuffle, so chain neighbours are not file neighbours. Each chain's head
PREV and tail NEXT name titles that no file has (dangling). About 0.2% of the articles share
a title with another article; every other title is unique (compared case-insensitively).

The same arguments always give byte-identical files (the text is nonsense built from word
pools by one seeded random.Random). Bump VERSION whenever the output changes, so that
bench/run.sh regenerates its cached data.
"""

import argparse
import hashlib
import os
import random
import sys

VERSION = "gazette-bench-gen 1"

# --- word pools -------------------------------------------------------------------------
# Heading and title words avoid what Gazette's heading detector treats as page furniture
# (month names, bylines such as "By"/"Par"/"Von"/"Por"/"di", photo credits, share prompts).

WORDS = {
    "en": """the council market city river bridge school budget minister report harbour
        station railway night morning people workers families farmers doctors nurses
        students teachers museum library village region coast mountain forest weather storm
        summer winter price cost energy water power plant factory company bank project plan
        vote election party government court judge police street square garden festival
        music theatre film season team match player coach record history future new old
        small large local national public private early late quiet busy long short rising
        falling open closed says said will would could might also still again after before
        during while because although with without under over across between among through
        and but or so yet then now today tomorrow every many some most few several""",
    "it": """il la lo gli le un una città mercato fiume ponte scuola bilancio ministro
        rapporto porto stazione ferrovia notte mattina persone lavoratori famiglie
        agricoltori medici studenti insegnanti museo biblioteca paese regione costa
        montagna bosco tempo tempesta estate inverno prezzo costo energia acqua centrale
        fabbrica azienda banca progetto piano voto elezioni partito governo tribunale
        giudice polizia strada piazza giardino festa musica teatro stagione squadra
        partita storia futuro nuovo vecchio piccolo grande locale nazionale pubblico
        privato presto tardi ancora dopo prima durante mentre perché anche sempre oggi
        domani molti alcuni pochi con senza sotto sopra tra e ma o quindi""",
    "fr": """le la les un une ville marché fleuve pont école budget ministre rapport port
        gare chemin nuit matin habitants ouvriers familles agriculteurs médecins
        étudiants enseignants musée bibliothèque village région côte montagne forêt temps
        tempête été hiver prix coût énergie eau centrale usine entreprise banque projet
        plan vote élection parti gouvernement tribunal juge police rue place jardin fête
        musique théâtre saison équipe match histoire avenir nouveau ancien petit grand
        local national public privé tôt tard encore après avant pendant alors parce que
        aussi toujours aujourd'hui demain beaucoup quelques avec sans sous sur entre et
        mais ou donc""",
    "de": """der die das ein eine Stadt Markt Fluss Brücke Schule Haushalt Minister Bericht
        Hafen Bahnhof Bahn Nacht Morgen Menschen Arbeiter Familien Bauern Ärzte Studenten
        Lehrer Museum Bibliothek Dorf Region Küste Berg Wald Wetter Sturm Sommer Winter
        Preis Kosten Energie Wasser Kraftwerk Fabrik Firma Bank Projekt Plan Abstimmung
        Wahl Partei Regierung Gericht Richter Polizei Straße Platz Garten Fest Musik
        Theater Saison Mannschaft Spiel Geschichte Zukunft neu alt klein groß lokal
        öffentlich privat früh spät noch nach vor während weil auch immer heute morgen
        viele einige wenige mit ohne unter über zwischen und aber oder also""",
    "es": """el la los las un una ciudad mercado río puente escuela presupuesto ministro
        informe puerto estación ferrocarril noche mañana personas trabajadores familias
        agricultores médicos estudiantes profesores museo biblioteca pueblo región costa
        montaña bosque tiempo tormenta verano invierno precio coste energía agua central
        fábrica empresa banco proyecto plan voto elecciones partido gobierno tribunal
        juez policía calle plaza jardín fiesta música teatro temporada equipo partido
        historia futuro nuevo viejo pequeño grande local nacional público privado pronto
        tarde todavía después antes durante mientras porque también siempre hoy muchos
        algunos pocos con sin bajo sobre entre y pero o así""",
    # CJK pools are tokens joined without spaces.
    "ja": """市議会 市場 都市 川 橋 学校 予算 大臣 報告 港 駅 鉄道 夜 朝 人々 労働者 家族 農家
        医師 学生 教師 博物館 図書館 村 地域 海岸 山 森 天気 台風 夏 冬 価格 費用 エネルギー
        水 発電所 工場 会社 銀行 計画 投票 選挙 政党 政府 裁判所 警察 通り 広場 庭園 祭り
        音楽 劇場 季節 チーム 試合 歴史 未来 新しい 古い 小さな 大きな 地元の 全国の 公共の
        早く 遅く まだ その後 以前 ながら ため また いつも 今日 明日 多くの いくつかの""",
    "zh": """议会 市场 城市 河流 桥梁 学校 预算 部长 报告 港口 车站 铁路 夜晚 早晨 人们 工人 家庭
        农民 医生 学生 教师 博物馆 图书馆 村庄 地区 海岸 山区 森林 天气 台风 夏天 冬天 价格
        成本 能源 水 电厂 工厂 公司 银行 项目 计划 投票 选举 政党 政府 法院 警方 街道 广场
        花园 节日 音乐 剧院 季节 球队 比赛 历史 未来 新的 旧的 小型 大型 当地 全国 公共
        仍然 之后 之前 期间 因为 也 总是 今天 明天 许多 一些""",
}
PARTICLES = {"ja": "の が を に で と は も から まで".split(), "zh": "的 了 在 和 与 对 把 被 从 到".split()}
EMOJI = "😀 😂 🎉 🔥 👍 🌍 🚆 🏛 📈 📉 ⚽ 🎭 🌧 ☀️ 🍝 🥐 🍺 🥘 🍣 🥟 ❤️ 👨‍👩‍👧 🇮🇹 🇫🇷 🇩🇪 🇪🇸 🇯🇵 🇨🇳".split()
LANGS = ["en", "it", "fr", "de", "es", "ja", "zh"]
LANG_WEIGHTS = [30, 15, 15, 12, 12, 8, 8]


def cap(word):
    return word[:1].upper() + word[1:]


class Pools:
    """Per-language sentence pools, built once from the seed; paragraphs draw from them."""

    def __init__(self, rng, per_lang=3000):
        self.words = {l: WORDS[l].split() for l in LANGS}
        self.sentences = {l: [self._sentence(rng, l) for _ in range(per_lang)] for l in LANGS}

    def _sentence(self, rng, lang):
        words = self.words[lang]
        if lang in PARTICLES:
            parts = PARTICLES[lang]
            n = rng.randint(4, 14)
            toks = []
            for i in range(n):
                toks.append(rng.choice(words))
                toks.append(rng.choice(parts))
                if lang == "zh" and i and rng.random() < 0.12:
                    toks.append("，")
                elif lang == "ja" and i and rng.random() < 0.12:
                    toks.append("、")
            if rng.random() < 0.15:
                toks.append(str(rng.randint(2, 2000)))
            s = "".join(toks).rstrip("，、")
            if rng.random() < 0.06:
                s += rng.choice(EMOJI)
            return s + rng.choice("。。。。！？")
        n = rng.randint(6, 22)
        toks = [rng.choice(words) for _ in range(n)]
        if rng.random() < 0.2:
            toks.insert(rng.randrange(1, n), str(rng.randint(2, 99999)))
        if rng.random() < 0.3:
            i = rng.randrange(2, n)
            toks[i - 1] += ","
        if rng.random() < 0.06:
            toks.insert(rng.randrange(1, len(toks)), rng.choice(EMOJI))
        s = " ".join(toks)
        s = cap(s)[:150].rstrip(" ,")
        return s + rng.choice("......!?")

    def paragraph(self, rng, lang, lo=200, hi=900):
        """One paragraph of lo..hi characters, ending like a sentence."""
        sentences = self.sentences[lang]
        sep = "" if lang in PARTICLES else " "
        target = rng.randint(lo, max(lo, hi - 150))
        out, n = [], 0
        while n < target:
            s = rng.choice(sentences)
            out.append(s)
            n += len(s) + len(sep)
        return sep.join(out)

    def heading(self, rng, lang):
        """2-8 words, capitalised, no final period (sometimes a question)."""
        words = self.words[lang]
        n = rng.randint(2, 8)
        if lang in PARTICLES:
            toks = []
            for i in range(n):
                toks.append(rng.choice(words))
                if i < n - 1 and rng.random() < 0.5:
                    toks.append(rng.choice(PARTICLES[lang]))
            h = "".join(toks)
            return h + ("？" if rng.random() < 0.1 else "")
        h = cap(" ".join(rng.choice(words) for _ in range(n)))
        return h + ("?" if rng.random() < 0.1 else "")

    def title(self, rng, lang):
        words = self.words[lang]
        if lang in PARTICLES:
            n = rng.randint(3, 7)
            toks = []
            for i in range(n):
                toks.append(rng.choice(words))
                if i < n - 1 and rng.random() < 0.6:
                    toks.append(rng.choice(PARTICLES[lang]))
            return "".join(toks)
        n = rng.randint(4, 11)
        t = cap(" ".join(rng.choice(words) for _ in range(n)))
        if rng.random() < 0.15:
            t = t + ": " + rng.choice(words)
        return t


class Titles:
    """Unique titles (by lowercase key), including the dangling ones no file carries."""

    def __init__(self, rng, pools):
        self.rng, self.pools, self.seen = rng, pools, set()

    def new(self, lang):
        while True:
            t = self.pools.title(self.rng, lang)
            key = " ".join(t.lower().split())
            if key not in self.seen:
                self.seen.add(key)
                return t


def pick_lang(rng):
    return rng.choices(LANGS, LANG_WEIGHTS)[0]


def article_text(rng, pools, title, lang, prev, nxt, sections=(2, 8), paras=(1, 4), plen=(200, 900)):
    parts = [title, ""]
    parts += [title] * rng.randint(0, 2)
    parts += ["-", ""]
    for s in range(rng.randint(*sections)):
        # A section may borrow a second language now and then (quotes, bilingual pieces).
        slang = lang if rng.random() < 0.9 else pick_lang(rng)
        if s > 0:
            parts += [pools.heading(rng, slang), ""]
        for _ in range(rng.randint(*paras)):
            parts += [pools.paragraph(rng, slang, *plen), ""]
    parts += ["-", "", "PREV " + prev, "NEXT " + nxt]
    return "\n".join(parts)  # no final newline, like the scraped dumps


def file_name(seed, number, title):
    h = hashlib.sha1(f"{seed}:{number}:{title}".encode()).hexdigest()[:16]
    return f"{number:06d}_{h}.txt"


def generate_folder(outdir, n, seed):
    rng = random.Random(seed)
    pools = Pools(rng)
    titles = Titles(rng, pools)

    # Chains in reading order: lengths 1-60, the last one cut to fit.
    chains, left = [], n
    while left > 0:
        k = min(rng.randint(1, 60), left)
        chains.append(k)
        left -= k

    langs = [pick_lang(rng) for _ in range(n)]
    names = [titles.new(langs[i]) for i in range(n)]
    # ~0.2% of the articles take the title of another article (never a chain neighbour's).
    dups = max(1, round(n * 0.002)) if n >= 100 else 0
    taken = set()
    while len(taken) < 2 * dups:
        a, b = rng.randrange(n), rng.randrange(n)
        if abs(a - b) > 1 and not {a, b, a - 1, a + 1, b - 1, b + 1} & taken:
            names[b], langs[b] = names[a], langs[a]
            taken |= {a, b}

    # File numbers are a shuffle of reading order.
    numbers = list(range(n))
    rng.shuffle(numbers)

    os.makedirs(outdir, exist_ok=True)
    start = 0
    for k in chains:
        head_prev = titles.new(langs[start])
        tail_next = titles.new(langs[start + k - 1])
        for j in range(k):
            i = start + j
            prev = names[i - 1] if j > 0 else head_prev
            nxt = names[i + 1] if j < k - 1 else tail_next
            # Each article's text comes from its own generator, so one article's length
            # does not shift the random stream of the next.
            arng = random.Random(f"{seed}:{i}")
            text = article_text(arng, pools, names[i], langs[i], prev, nxt)
            path = os.path.join(outdir, file_name(seed, numbers[i], names[i]))
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        start += k
    return len(chains), dups


def generate_big(outfile, mb, seed):
    rng = random.Random(f"big:{seed}")
    pools = Pools(rng)
    titles = Titles(rng, pools)
    title, prev, nxt = titles.new("en"), titles.new("it"), titles.new("fr")
    limit = int(mb * 1_000_000)
    d = os.path.dirname(outfile)
    if d:
        os.makedirs(d, exist_ok=True)
    with open(outfile, "w", encoding="utf-8", newline="") as f:
        head = "\n".join([title, "", title, "-", ""]) + "\n"
        f.write(head)
        size, first = len(head.encode()), True
        while size < limit:
            lang = pick_lang(rng)
            chunk = []
            if not first:
                chunk += [pools.heading(rng, lang), ""]
            first = False
            for _ in range(rng.randint(1, 6)):
                chunk += [pools.paragraph(rng, lang, 1_000, 30_000), ""]
            text = "\n".join(chunk) + "\n"
            f.write(text)
            size += len(text.encode())
        f.write("\n".join(["-", "", "PREV " + prev, "NEXT " + nxt]))


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("outdir", nargs="?", help="folder to write N articles into")
    p.add_argument("n", nargs="?", type=int, help="number of articles")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--big", metavar="OUTFILE", help="write one large article instead")
    p.add_argument("--mb", type=float, default=50, help="size of the --big article in MB (10^6 bytes)")
    p.add_argument("--version", action="store_true", help="print the generator version")
    a = p.parse_args(argv)
    if a.version:
        print(VERSION)
        return 0
    if a.big:
        generate_big(a.big, a.mb, a.seed)
        return 0
    if a.outdir is None or a.n is None or a.n < 1:
        p.error("give OUTDIR and N >= 1, or --big OUTFILE")
    chains, dups = generate_folder(a.outdir, a.n, a.seed)
    print(f"{a.n} articles, {chains} chains, {dups} shared titles -> {a.outdir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
