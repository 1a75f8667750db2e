/// Page furniture that scrapers keep as short lines of their own: credits,
/// bylines, dates, share and newsletter prompts, tags and agency sign-offs, in the
/// languages Gazette's users read. Matching is on the lowercased line.
enum Furniture {
    static func isRelatedIntro(_ lower: String) -> Bool {
        startsWithAny(lower, relatedByFirst)
    }

    /// Prefix lists indexed by their first character, so a line is compared only
    /// with the few prefixes that could match it.
    static func index(_ prefixes: [String]) -> [Character: [String]] {
        Dictionary(grouping: prefixes, by: { $0.first! })
    }

    static func startsWithAny(_ lower: String, _ table: [Character: [String]]) -> Bool {
        guard let first = lower.first, let candidates = table[first] else { return false }
        return candidates.contains { lower.hasPrefix($0) }
    }

    static let relatedByFirst = index(relatedPrefixes)
    static let furnitureByFirst = index(furniturePrefixes)

    static func isFurniture(_ lower: String, original: String, words: Int) -> Bool {
        if let first = original.unicodeScalars.first, first == "©" || first == "^" || first == "(" || first == "（" || first == "[" || first == "—" || first == "–" || first == "*" || first == "|" {
            return true
        }
        if startsWithAny(lower, furnitureByFirst) { return true }
        if agencySuffixes.contains(where: { lower.hasSuffix($0) }) { return true }
        if lower.has("©") || lower.has("(c) ") || lower.has("getty") || lower.has("photo by") || lower.has("photo:")
            || lower.has("image:") || lower.has("rights reserved") || lower.has("all right") { return true }
        if words == 1 && loneWords.contains(lower) { return true }
        if words <= 3 && creditWords.contains(where: { lower.hasPrefix($0) }) { return true }
        return looksLikeDate(lower, words: words)
    }

    /// Dates and times: a month name or a numeric date or a clock time with few words around it.
    static func looksLikeDate(_ lower: String, words: Int) -> Bool {
        guard lower.unicodeScalars.contains(where: { $0.properties.numericType != nil }) else { return false }
        if lower.unicodeScalars.count <= 40, lower.has("年") || lower.has("月") || lower.has("日"),
           lower.unicodeScalars.filter({ ("0"..."9").contains($0) }).count >= 4 {
            return true
        }
        guard words <= 9 else { return false }
        if hasClockTime(lower) || hasNumericDate(lower) { return true }
        let tokens = lower.split(whereSeparator: { !$0.isLetter }).map(String.init)
        let hasYear = lower.split(whereSeparator: { !$0.isNumber }).contains { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) }
        let hasMonth = tokens.contains { months.contains($0) }
        return hasMonth && (hasYear || words <= 4)
    }

    static func hasClockTime(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 4 else { return false }
        for i in 1..<(u.count - 2) where u[i] == UInt8(ascii: ":") || u[i] == UInt8(ascii: "h") {
            if isDigit(u[i - 1]) && isDigit(u[i + 1]) && isDigit(u[i + 2]) && (i + 3 == u.count || !isDigit(u[i + 3])) {
                return true
            }
        }
        return false
    }

    static func hasNumericDate(_ s: String) -> Bool {
        // 12.03.2024, 12/03/24, 2024-03-12
        let parts = s.split(whereSeparator: { $0 == " " || $0 == "," })
        return parts.contains { part in
            let pieces = part.split(whereSeparator: { $0 == "." || $0 == "/" || $0 == "-" })
            return pieces.count == 3 && pieces.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }
        }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// One-word page controls left in scraped text.
    static let loneWords: Set<String> = ["save", "print", "email", "share", "comments", "comment", "advertisement", "menu", "home",
                                         "salva", "stampa", "condividi", "partager", "imprimer", "teilen", "drucken", "compartir", "imprimir"]

    static let relatedPrefixes = [
        "read also", "read more", "learn more", "see more", "also read", "related", "see also", "more on this", "you may also like", "recommended",
        "leggi anche", "leggi l", "potrebbe interessarti", "lire aussi", "à lire aussi", "a lire aussi", "à lire", "lire également", "voir aussi",
        "lesen sie auch", "auch interessant", "mehr zum thema", "weitere artikel", "das könnte sie auch interessieren",
        "lee también", "leer más", "te puede interesar", "relacionad", "noticias relacionadas", "veja também", "leia também", "leia mais",
        "相关", "延伸阅读", "推荐阅读", "阅读更多", "関連", "あわせて読みたい", "اقرأ أيضا", "اقرأ أيضًا", "اقرأ أيضاً", "اقرأ المزيد", "مواضيع ذات صلة", "קראו גם", "קרא גם",
    ]

    static let furniturePrefixes = [
        "photo:", "photo ", "photos:", "foto:", "foto ", "fotos:", "image:", "image credit", "credit:", "credits:", "crédit", "crédits", "bild:", "bildquelle",
        "quelle:", "source:", "sources:", "fonte:", "fuente:", "illustration", "video:", "vidéo", "audio:", "caption:",
        "by ", "written by", "reporting by", "editing by", "edited by", "par ", "von ", "por ", "di ", "door ", "redazione", "auteur", "autor:", "autore",
        "published", "updated", "last updated", "posted", "publié", "mis à jour", "pubblicato", "aggiornato", "veröffentlicht", "aktualisiert", "stand:",
        "actualizado", "publicado", "atualizado",
        "share", "subscribe", "sign up", "follow us", "newsletter", "download the", "click here", "advertisement", "sponsored", "powered by", "exclusive",
        "condividi", "iscriviti", "seguici", "abbonati", "partager", "abonnez", "inscrivez", "suivez", "publicité",
        "teilen", "abonnieren", "folgen sie", "jetzt abonnieren", "anzeige", "werbung", "compartir", "compartir en", "suscríbete", "síguenos", "publicidad",
        "tags:", "tag:", "topics:", "keywords:", "schlagwörter", "themen:", "argomenti:", "mots-clés", "mots clés", "etiquetas:", "标签", "关键词", "タグ",
        "图片", "图为", "图：", "图/", "资料图", "视频", "来源：", "来源:", "记者", "编辑", "责任编辑", "文/", "写真", "動画", "出典", "提供：", "記者", "シェア", "フォロー", "登録",
        "分享", "订阅", "关注", "扫码", "صورة", "الصورة", "بقلم", "المصدر", "شارك", "تابعنا", "اشترك", "تصوير", "צילום", "מאת",
    ]

    static let creditWords = ["ansa", "afp", "reuters", "ap", "dpa", "epa", "efe", "xinhua", "kyodo", "新华社", "共同通信", "getty", "lapresse", "imago", "keystone", "shutterstock"]

    static let agencySuffixes = [" 摄", "摄）", "摄)", "— afp", "- afp", "(afp)", "— reuters", "- reuters", "(reuters)", "(ap)", "— ap", "(dpa)", "(ansa)", "/ afp", "/afp", "/ reuters", "/ getty images", "/ansa", "/ ansa", "/ dpa"]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "dicembre",
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "januar", "februar", "märz", "juni", "juli", "oktober", "dezember",
        "enero", "febrero", "abril", "mayo", "junio", "julio", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
        "janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
        "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]
}

extension String {
    /// Substring search on UTF-8 bytes, in the standard library: `contains` on two
    /// Strings goes through Foundation's NSString search, which dominated profiles.
    func has(_ needle: StaticString) -> Bool {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = n.first else { return true }
        var copy = self
        return copy.withUTF8 { h in
            guard h.count >= n.count else { return false }
            var i = 0
            while i <= h.count - n.count {
                if h[i] == first {
                    var k = 1
                    while k < n.count && h[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
