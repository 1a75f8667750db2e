/// Page furniture that scrapers keep as short lines of their own: captions and credits,
/// bylines, dates, share and newsletter prompts, tags, agency sign-offs and "Read also"
/// intros, in the languages Gazette's users read.
///
/// Matching is on the block's UTF-8 bytes folded to lower case (`CaseFold`), with no
/// String made: this runs on every short block of every article a folder holds.
enum Furniture {
    struct Kinds: OptionSet, Sendable {
        let rawValue: UInt16
        /// "Foto: …", "© …", "… / AFP", "图为…摄": a picture's caption or credit.
        static let credit = Kinds(rawValue: 1 << 0)
        /// "By Anna Berg", "Von Max Muster", "记者 王伟".
        static let byline = Kinds(rawValue: 1 << 1)
        /// "12 March 2024", "10:42", "2024年11月8日".
        static let date = Kinds(rawValue: 1 << 2)
        /// Share, subscribe, newsletter, advertisement prompts and one-word page buttons.
        static let control = Kinds(rawValue: 1 << 3)
        /// "Tags:", "Themen:", "标签".
        static let tags = Kinds(rawValue: 1 << 4)
        /// "Updated 10:42", "Stand: 14.06.2025": when the page was published or changed.
        static let stamp = Kinds(rawValue: 1 << 6)
        /// "Read also:", "Lesen Sie auch", "延伸阅读": the list of other articles that follows.
        static let related = Kinds(rawValue: 1 << 5)
        /// "Buy it now: Store", "Use code SAVE20", "inkl. MwSt.": a shop's lines (issue 22).
        static let shop = Kinds(rawValue: 1 << 7)

        /// What a heading can never be (issues 14, 22): a date may be a live blog's heading.
        static let neverHeading: Kinds = [.credit, .byline, .control, .tags, .related, .stamp, .shop]
    }

    /// `folded`: the block's bytes through `CaseFold`; `original`: the same bytes unfolded
    /// (bylines need to see capitals); `words`: space-separated runs in the block.
    static func kinds(
        folded f: UnsafeBufferPointer<UInt8>, original o: UnsafeBufferPointer<UInt8>,
        words: Int
    ) -> Kinds {
        var k: Kinds = []
        guard !f.isEmpty else { return k }
        if related.matchesStart(f) { k.insert(.related) }
        if credit.matchesStart(f) || creditSuffixes.matchesEnd(f) || creditInside.occursIn(f) { k.insert(.credit) }
        if words <= 3 && agencies.matchesStart(f) && endsAgencyWord(f) { k.insert(.credit) }
        if isByline(f, o, words: words) || f.count <= 48 && bylineInside.occursIn(f) { k.insert(.byline) }
        if stamps.matchesStart(f) { k.insert(.stamp) }
        if looksLikeDate(f, words: words) { k.insert(.date) }
        if controls.matchesStart(f) || (words == 1 && loneControls.matchesWhole(f)) { k.insert(.control) }
        if tags.matchesStart(f) { k.insert(.tags) }
        if shopStarts.matchesStart(f) || shopInside.occursIn(f) { k.insert(.shop) }
        return k
    }

    /// "Image", "Photo 3 of 12", "Foto:", "Bild 2/5": the label a page puts before a picture's
    /// caption (issue 22: "2. Image" in an outline). A media word and at most three more letters.
    static func isMediaLabel(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let n = mediaWords.matchLength(f) else { return false }
        if n == f.count { return true }
        guard !CaseFold.isASCIILetter(f[n]) && f[n] < 0x80 else { return false }
        var letters = 0
        for b in f[n...] where CaseFold.isASCIILetter(b) || b >= 0x80 { letters += 1 }
        return letters <= 3
    }

    /// A line of code or a shell command (issue 22: "pip install harbour-tools",
    /// `config.get("port"); // null`): a command word, or the punctuation only code has.
    static func isCode(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard f.count >= 2 else { return false }
        if codeStarts.matchesStart(f) || codeInside.occursIn(f) { return true }
        var marks = 0
        var previous: UInt8 = 0x20
        for b in f {
            defer { previous = b }
            // "get(": a call; "From Paris (France)" is text.
            if b == UInt8(ascii: "(") {
                if previous != 0x20 { marks += 1 }
                continue
            }
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "_"),
                UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "$"):
                marks += 1
            default: break
            }
        }
        let last = f[f.count - 1]
        if (last == UInt8(ascii: ";") || last == UInt8(ascii: "{") || last == UInt8(ascii: "}")) && marks >= 2 {
            return true
        }
        return marks >= 1 && codeWords.matchesStart(f)
    }

    /// "ANSA", "AFP/Getty": the agency name is the whole first word.
    static func endsAgencyWord(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let n = agencies.matchLength(f) else { return false }
        return n == f.count || !CaseFold.isASCIILetter(f[n])
    }

    /// A byline prefix followed by a name: every other word capitalised or a connector,
    /// so "Von Anna Berg und Max Muster" is one and "Von der Idee zur Umsetzung" is not.
    static func isByline(_ f: UnsafeBufferPointer<UInt8>, _ o: UnsafeBufferPointer<UInt8>, words: Int) -> Bool {
        if let n = bylineMarks.matchLength(f) { return n < f.count && words <= 8 }
        guard words <= 7, let n = bylinePrefixes.matchLength(f) else { return false }
        var i = n
        var names = 0
        while i < o.count {
            while i < o.count && o[i] == 0x20 { i += 1 }
            guard i < o.count else { break }
            let start = i
            while i < o.count && o[i] != 0x20 { i += 1 }
            let first = o[start]
            if first >= 0x41 && first <= 0x5A || first >= 0xC3 && first <= 0xC5 && CaseFold.isUpperLatin(o, start) {
                names += 1
            } else if !connectors.matchesWhole(UnsafeBufferPointer(rebasing: f[start..<i])) {
                return false
            }
        }
        return names >= 1
    }

    /// Dates and times: a month name or a numeric date or a clock time with few words around it.
    static func looksLikeDate(_ f: UnsafeBufferPointer<UInt8>, words: Int) -> Bool {
        var digits = 0
        for b in f where b >= 0x30 && b <= 0x39 { digits += 1 }
        guard digits > 0 else { return false }
        if f.count <= 60 && digits >= 4 && cjkDateMarks.occursIn(f) { return true }
        guard words <= 9 else { return false }
        if hasClockTime(f) || hasNumericDate(f) { return true }
        var hasYear = false, hasMonth = false
        forEachToken(f) { token, isNumber in
            if isNumber {
                if token.count == 4 && (token[0] == 0x31 && token[1] == 0x39 || token[0] == 0x32 && token[1] == 0x30) {
                    hasYear = true
                }
            } else if months.contains(CaseFold.hash(token)) {
                hasMonth = true
            }
        }
        return hasMonth && (hasYear || words <= 4)
    }

    /// Runs of letters (ASCII letters and any non-ASCII byte) and runs of digits.
    static func forEachToken(_ f: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var i = 0
        while i < f.count {
            let b = f[i]
            let digit = b >= 0x30 && b <= 0x39
            guard digit || CaseFold.isASCIILetter(b) || b >= 0x80 else { i += 1; continue }
            let start = i
            while i < f.count {
                let c = f[i]
                let same = digit ? (c >= 0x30 && c <= 0x39) : (CaseFold.isASCIILetter(c) || c >= 0x80)
                if !same { break }
                i += 1
            }
            body(UnsafeBufferPointer(rebasing: f[start..<i]), digit)
        }
    }

    /// "10:42", "9h30", "11.04 Uhr" is left to the features (a live blog's headings start so).
    static func hasClockTime(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard u.count >= 4 else { return false }
        for i in 1..<(u.count - 2) where u[i] == UInt8(ascii: ":") || u[i] == UInt8(ascii: "h") {
            if isDigit(u[i - 1]) && isDigit(u[i + 1]) && isDigit(u[i + 2]) && (i + 3 == u.count || !isDigit(u[i + 3])) {
                return true
            }
        }
        return false
    }

    /// 12.03.2024, 12/03/24, 2024-03-12: three runs of 1–4 digits joined by one separator kind.
    static func hasNumericDate(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < u.count {
            guard isDigit(u[i]), i == 0 || !isDigit(u[i - 1]) && u[i - 1] != 0x2E else { i += 1; continue }
            var p = i, pieces = 0
            var separator: UInt8 = 0
            while true {
                let start = p
                while p < u.count && isDigit(u[p]) { p += 1 }
                let n = p - start
                guard n >= 1 && n <= 4 else { break }
                pieces += 1
                guard p < u.count, u[p] == 0x2E || u[p] == 0x2F || u[p] == 0x2D, separator == 0 || u[p] == separator,
                    p + 1 < u.count, isDigit(u[p + 1])
                else { break }
                separator = u[p]
                p += 1
            }
            if pieces == 3 && (p == u.count || !isDigit(u[p])) { return true }
            i = max(p, i + 1)
        }
        return false
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static let related = ByteTable([
        "read also", "read more", "learn more", "see more", "see also", "also read", "related", "more on this",
        "you may also like", "recommended", "leggi anche", "leggi l", "potrebbe interessarti", "lire aussi",
        "à lire aussi", "a lire aussi", "à lire", "lire également", "voir aussi", "lesen sie auch",
        "auch interessant", "mehr zum thema", "weitere artikel", "das könnte sie auch interessieren",
        "lee también", "leer más", "te puede interesar", "relacionad", "noticias relacionadas", "vea también",
        "veja também", "leia também", "leia mais", "lea más", "lea también", "le puede interesar",
        "le podría interesar", "nota relacionada", "también puede leer", "también le puede interesar",
        "mira también", "ver también", "ver más", "vous aimerez aussi", "à voir aussi", "lire la suite",
        "weiterlesen", "mehr dazu", "lees ook", "lue myös", "lue seuraavaksi", "läs också", "les også", "læs også",
        "czytaj też", "czytaj także", "zobacz też", "přečtěte si", "читайте также", "相关", "延伸阅读", "推荐阅读", "阅读更多",
        "関連", "あわせて読みたい", "관련기사", "اقرأ أيضا", "اقرأ أيضًا", "اقرأ أيضاً", "اقرأ المزيد", "مواضيع ذات صلة",
        "קראו גם", "קרא גם", "lire :", "lire:", "a lire :", "à lire :", "voir :", "voir aussi :", "leggi:",
        "leggi :", "leggi anche", "leggi qui", "guarda anche", "read:", "read next", "read more:",
        "more:", "see:", "related:", "lesen sie mehr", "mehr lesen", "auch lesen",
        "lesetipp", "lesen sie hier", "hier lesen", "read the full", "lea:", "lee:", "leer:", "leia:", "ler também",
        "ver:",
        "zobacz:", "czytaj:", "czytaj więcej", "przeczytaj", "читайте:", "смотрите также", "читать также",
        "читайте тоже", "pročitajte", "pročitaj", "vidi i:", "više:", "ayrıca okuyun", "ilgili haber",
        "ilginizi çekebilir", "läs mer", "les mer", "læs mere", "lees meer", "lees:", "lue lisää", "関連記事",
        "相关阅读", "相关新闻", "관련 기사", "더보기",
    ])

    /// Words that label a picture or a video on their own.
    static let mediaWords = ByteTable([
        "image", "images", "photo", "photos", "picture", "pictures", "foto", "fotos", "bild", "bilder", "imagen",
        "imágenes", "immagine", "immagini", "galerie", "gallery", "galería", "grafik", "graphic", "infografik",
        "infographic", "illustration", "video", "vídeo", "vidéo", "фото", "видео", "zdjęcie", "slika", "fotografija",
        "fotografía", "fotografia", "图片", "视频", "写真", "画像", "動画", "사진", "영상",
    ])

    /// Shell commands and code that starts like nothing else.
    static let codeStarts = ByteTable([
        "$ ", "pip install", "pip3 install", "npm install", "npm i ", "npm run", "npx ", "yarn add", "sudo ",
        "apt-get ", "apt install", "brew install", "git clone", "git checkout", "git commit", "git push", "git pull",
        "git add", "docker run", "docker build", "docker compose", "kubectl ", "curl -", "wget http", "cd ~", "cd /",
        "mkdir ", "chmod ", "#include", "#!/", "<?php", "console.log", "print(", "printf(", "system.out", "//",
        "/*", "</", "import {", "def ", "fn ", "func ", "@media", "select * from",
    ])
    /// Punctuation only code has.
    static let codeInside = ByteTable([
        "();", "()", "=>", "==", "!=", "&&", "||", "\");", "\")", "=\"", "={", "::", "/>", "${", "$(",
        "[]", "+=", ");",
    ])
    /// Keywords that start a line of code when code punctuation follows.
    static let codeWords = ByteTable([
        "import ", "from ", "const ", "let ", "var ", "function ", "return ", "if (", "for (", "while (",
        "class ", "public ", "private ", "static ", "export ", "echo ", "set ", "int ", "string ", "val ",
    ])

    /// Shop lines: buying prompts, discount codes, prices with tax.
    static let shopStarts = ByteTable([
        "buy it now", "buy now", "buy it", "buy:", "buy from", "buy at", "buy on", "shop now", "shop it", "shop:",
        "use code", "use the code", "use promo", "promo code", "coupon code", "coupon:", "discount code",
        "add to cart", "add to basket", "add to bag", "check price", "see price", "view deal", "see deal",
        "get the deal", "get it now", "available at", "jetzt kaufen", "jetzt bestellen", "jetzt ansehen",
        "hier kaufen", "hier bestellen", "zum shop", "zum angebot", "zum produkt", "zum deal", "in den warenkorb",
        "preis:", "preis prüfen", "gutscheincode", "gutschein:", "rabattcode", "acheter", "achetez", "voir l'offre",
        "voir le prix", "code promo", "comprar", "compra ya", "ver oferta", "ver precio", "código de descuento",
        "acquista", "vedi offerta", "kup teraz", "купить", "köp nu", "kjøp nå", "購入する", "购买", "立即购买",
    ])
    static let shopInside = ByteTable([
        "inkl. mwst", "incl. vat", "inc. vat", "zzgl. versand", "free shipping", "kostenloser versand",
        "livraison gratuite", "envío gratis", "spedizione gratuita", "bei amazon", "on amazon", "at amazon",
        "auf amazon", "sur amazon", "en amazon", "su amazon", "affiliate link", "affiliate-link", "*affiliate",
    ])

    static let credit = ByteTable([
        "photo:", "photo ", "photos:", "foto:", "foto ", "fotos:", "fotó:", "image:", "image credit", "credit:",
        "credits:", "credit ", "credits ", "crédit", "photograph:", "photograph by", "picture:", "pictured:", "^ ",
        "bild:", "bildquelle", "quelle:", "source:", "sources:", "fonte:", "fuente:", "illustration:", "video:",
        "vidéo:", "audio:", "caption:", "©", "(c) ", "zdjęcie:", "фото:", "图片", "图为", "题图", "图：", "图/", "资料图",
        "视频：", "来源：", "来源:", "写真", "動画", "出典", "提供：", "사진", "صورة", "الصورة", "المصدر", "تصوير", "צילום",
    ])

    static let creditSuffixes = ByteTable([
        " 摄", "摄）", "摄)", "— afp", "- afp", "(afp)", "— reuters", "- reuters", "(reuters)", "(ap)", "— ap",
        "(dpa)", "(ansa)", "/ afp", "/afp", "/ reuters", "/ getty images", "/ansa", "/ ansa", "/ dpa", "/dpa",
        "/ imago", "/ epa", "/ap", "/ ap",
    ])

    static let creditInside = ByteTable([
        "©", "(c) ", "getty", "images/", "photo by", "photo:", "image:", "courtesy of", "rights reserved",
        "all rights", "foto:", "fotos:", "bild:", "shutterstock", "ảnh:", "Ảnh:", "(foto ", "(photo ", "foto/",
        "/foto",
    ])

    static let agencies = ByteTable([
        "ansa", "afp", "reuters", "ap", "dpa", "epa", "efe", "xinhua", "kyodo", "getty", "lapresse", "imago",
        "keystone", "shutterstock", "新华社", "共同通信",
    ])

    /// Marks that make a byline whatever follows.
    static let bylineMarks = ByteTable([
        "written by", "reporting by", "editing by", "edited by", "redazione", "staff reports", "staff report",
        "a cura di", "a cura della", "a cura del", "autor:", "autorin:", "auteur :", "auteur:", "autore:",
        "un texte de", "texte de ", "propos recueillis", "la información es de", "con información de",
        "información de", "texto de ", "texto:", "reportage de", "text:", "记者", "编辑", "责任编辑", "文/", "記者",
        "بقلم", "كتب:", "כתב:", "מאת",
    ])
    /// A desk and a name ("経済部・佐藤健太"), a reporter credit in brackets.
    static let bylineInside = ByteTable([
        "部・", "局・", "（記者", "(記者", "記者）", "記者)", "特派員",
    ])
    /// Prefixes that are a byline only when a name follows.
    static let bylinePrefixes = ByteTable([
        "by ", "par ", "von ", "por ", "di ", "door ", "av ", "af ", "od ",
    ])
    static let connectors = ByteTable([
        "and", "und", "e", "et", "y", "i", "og", "och", "en", "&", "u.", "und,", "and,",
    ])

    static let stamps = ByteTable([
        "published", "updated", "last updated", "posted", "publié", "mis à jour", "pubblicato", "aggiornato",
        "veröffentlicht", "aktualisiert", "stand:", "actualizado", "publicado", "atualizado", "datum:",
        "erstellt:", "zuletzt aktualisiert", "mise à jour", "opublikowano", "aktualizacja:", "نشر في",
        "تاريخ النشر",
    ])

    static let controls = ByteTable([
        "share", "subscribe", "sign up", "follow us", "newsletter", "download the", "click here", "advertisement",
        "sponsored", "powered by", "exclusive", "continue reading", "found this helpful", "was this helpful",
        "watch:", "listen:", "see tweets", "see more", "view gallery", "view comments", "view photo", "comments (",
        "from wikipedia", "condividi", "iscriviti",
        "seguici", "abbonati", "partager", "abonnez", "inscrivez", "suivez", "publicité", "teilen", "abonnieren",
        "folgen sie", "jetzt abonnieren", "anzeige", "werbung", "compartir", "suscríbete", "síguenos",
        "publicidad", "シェア", "フォロー", "登録", "分享", "订阅", "关注我们", "扫码", "شارك", "تابعنا", "اشترك",
    ])

    /// One-word page controls left in scraped text.
    static let loneControls = ByteTable([
        "save", "print", "email", "share", "comments", "comment", "advertisement", "menu", "home", "facebook",
        "twitter", "instagram", "linkedin", "whatsapp", "pinterest", "reddit", "photo", "photos", "video",
        "videos", "gallery", "salva", "stampa", "condividi", "partager", "imprimer", "teilen", "drucken",
        "compartir", "imprimir", "kaufen", "anzeige",
    ])

    static let tags = ByteTable([
        "tags:", "tag:", "topics:", "keywords:", "schlagwörter", "themen:", "argomenti:", "mots-clés", "mots clés",
        "etiquetas:", "标签", "关键词", "タグ",
    ])

    static let cjkDateMarks = ByteTable([
        "年", "月", "日",
    ])

    static let months: Set<UInt64> = Set(
        [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
            "ottobre", "dicembre", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre", "januar", "februar", "märz", "juni", "juli", "oktober",
            "dezember", "enero", "febrero", "abril", "mayo", "junio", "julio", "septiembre", "setiembre", "octubre",
            "noviembre", "diciembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro",
            "novembro", "dezembro", "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
            "września", "października", "listopada", "grudnia", "januari", "februari", "maart", "augustus", "ocak",
            "şubat", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık", "يناير",
            "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
        ].map { CaseFold.hash($0) })
}

/// Prefixes, suffixes or whole words to find in folded bytes, grouped by their first
/// byte so that a block is compared only with the few entries that could match.
struct ByteTable: Sendable {
    private let byFirst: [[[UInt8]]]
    private let all: [[UInt8]]

    init(_ entries: [String]) {
        all = entries.map { Array($0.utf8) }
        var table = [[[UInt8]]](repeating: [], count: 256)
        for e in all { table[Int(e[0])].append(e) }
        byFirst = table
    }

    /// The length of the longest entry the bytes start with.
    func matchLength(_ f: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = f.first else { return nil }
        var best: Int?
        for e in byFirst[Int(first)] where e.count <= f.count && (best ?? 0) < e.count {
            if ByteTable.equal(f, at: 0, e) { best = e.count }
        }
        return best
    }

    func matchesStart(_ f: UnsafeBufferPointer<UInt8>) -> Bool { matchLength(f) != nil }

    func matchesWhole(_ f: UnsafeBufferPointer<UInt8>) -> Bool { matchLength(f) == f.count }

    func matchesEnd(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        all.contains { e in e.count <= f.count && ByteTable.equal(f, at: f.count - e.count, e) }
    }

    func occursIn(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !f.isEmpty else { return false }
        for i in 0..<f.count {
            for e in byFirst[Int(f[i])] where i + e.count <= f.count && ByteTable.equal(f, at: i, e) { return true }
        }
        return false
    }

    static func equal(_ f: UnsafeBufferPointer<UInt8>, at offset: Int, _ e: [UInt8]) -> Bool {
        var k = 0
        while k < e.count && f[offset + k] == e[k] { k += 1 }
        return k == e.count
    }
}

/// Lower-casing of UTF-8 bytes in place, for matching: ASCII, Latin-1 and Cyrillic capitals
/// (which keep their byte length, so offsets in the folded copy are offsets in the original).
enum CaseFold {
    static func fold(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) {
        var i = 0
        let n = min(source.count, out.count)
        while i < n {
            let b = source[i]
            if b >= 0x41 && b <= 0x5A {
                out[i] = b | 0x20
            } else if b == 0xC3 && i + 1 < n && (0x80...0x9E).contains(source[i + 1]) && source[i + 1] != 0x97 {
                out[i] = b
                out[i + 1] = source[i + 1] + 0x20
                i += 1
            } else if b == 0xD0 && i + 1 < n && source[i + 1] >= 0x80 && source[i + 1] <= 0xAF {
                // Cyrillic: "Ѐ"–"Џ" (Serbian, Ukrainian, Macedonian) and "А"–"Я".
                let c = source[i + 1]
                out[i] = c < 0x90 || c >= 0xA0 ? 0xD1 : 0xD0
                out[i + 1] = c < 0x90 ? c + 0x10 : c < 0xA0 ? c + 0x20 : c - 0x20
                i += 1
            } else if b >= 0xC4 && b <= 0xCE && i + 1 < n {
                // Latin Extended-A ("Č", "Ł", "Ž") and Greek capitals: same length folded, so a
                // heading in capitals matches the lowercase vocabulary.
                let code = UInt32(b & 0x1F) << 6 | UInt32(source[i + 1] & 0x3F)
                let lower = CaseFold.lowerTwoByte(code)
                out[i] = 0xC0 | UInt8(lower >> 6)
                out[i + 1] = 0x80 | UInt8(lower & 0x3F)
                i += 1
            } else {
                out[i] = b
            }
            i += 1
        }
    }

    /// The lowercase of a capital of Latin Extended-A or Greek (U+0100–U+03FF), else the code itself.
    static func lowerTwoByte(_ c: UInt32) -> UInt32 {
        switch c {
        case 0x100...0x12F, 0x132...0x137, 0x14A...0x177: return c & 1 == 0 ? c + 1 : c
        case 0x139...0x148, 0x179...0x17E: return c & 1 == 1 ? c + 1 : c
        case 0x391...0x3A1, 0x3A3...0x3AB: return c + 0x20
        case 0x386: return 0x3AC
        case 0x388...0x38A: return c + 0x25
        case 0x38C: return 0x3CC
        case 0x38E, 0x38F: return c + 0x3F
        default: return c
        }
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// A Latin-1 or Latin Extended-A capital starting at `i` (À–Þ, and the even code points of Ā–ž).
    static func isUpperLatin(_ o: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i + 1 < o.count else { return false }
        let lead = o[i], next = o[i + 1]
        if lead == 0xC3 { return next >= 0x80 && next <= 0x9E && next != 0x97 }
        return (lead == 0xC4 || lead == 0xC5) && next & 1 == 0
    }

    /// FNV-1a, for sets of short words and for spotting repeated blocks.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { FNV1a.hash(bytes) }

    static func hash(_ s: String) -> UInt64 {
        var copy = s
        return copy.withUTF8 { hash($0) }
    }
}
