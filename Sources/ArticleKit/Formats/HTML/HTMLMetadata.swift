import Foundation

/// What a page says of itself in its head and structured data: titles from every source (the extractor
/// picks one), its address, its neighbours, its byline and date.
struct HTMLMetadata {
    var ogTitle: String?
    var twitterTitle: String?
    var documentTitle: String?
    var structuredTitle: String?
    var siteName: String?
    var url: String?
    var previousURL: String?
    var nextURL: String?
    var author: String?
    var date: String?

    init(_ tree: HTMLTree) {
        var canonical: String?, ogURL: String?
        for (i, node) in tree.nodes.enumerated() where !node.isText {
            switch node.name {
            case "title" where documentTitle == nil:
                documentTitle = HTMLText.clean(tree.text(of: i))
            case "meta":
                let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop") ?? "")
                    .lowercased()
                guard let content = node.attribute("content").map(HTMLText.clean), !content.isEmpty else { continue }
                switch key {
                case "og:title": ogTitle = ogTitle ?? content
                case "twitter:title": twitterTitle = twitterTitle ?? content
                case "og:site_name", "application-name": siteName = siteName ?? content
                case "og:url": ogURL = ogURL ?? content
                case "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author":
                    if !content.lowercased().hasPrefix("http") { author = author ?? content }
                case "article:published_time", "date", "pubdate", "dc.date", "dc.date.issued", "datepublished",
                    "og:article:published_time", "sailthru.date", "parsely-pub-date":
                    date = date ?? content
                default: break
                }
            case "link":
                let rel = (node.attribute("rel") ?? "").lowercased().split(separator: " ")
                guard let href = node.attribute("href").map(HTMLText.clean), !href.isEmpty else { continue }
                if rel.contains("canonical") { canonical = canonical ?? href }
                if rel.contains("prev") || rel.contains("previous") { previousURL = previousURL ?? href }
                if rel.contains("next") { nextURL = nextURL ?? href }
            case "script" where (node.attribute("type") ?? "").lowercased().contains("ld+json"):
                readStructuredData(tree.ownText(of: i))
            case "time" where date == nil:
                if let d = node.attribute("datetime").map(HTMLText.clean), !d.isEmpty { date = d }
            default: break
            }
        }
        url = canonical ?? ogURL
        if let base = url {
            previousURL = previousURL.flatMap { PageAddress.resolve($0, against: base) }
            nextURL = nextURL.flatMap { PageAddress.resolve($0, against: base) }
        }
    }

    /// schema.org's headline, author and date, from JSON-LD (a `@graph`, a list, or one object).
    private mutating func readStructuredData(_ json: String) {
        guard json.utf8.count < 1_000_000, let data = json.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        var objects: [[String: Any]] = []
        func gather(_ v: Any, depth: Int) {
            guard depth < 4 else { return }
            if let d = v as? [String: Any] {
                objects.append(d)
                if let g = d["@graph"] { gather(g, depth: depth + 1) }
            } else if let a = v as? [Any] {
                for x in a.prefix(50) { gather(x, depth: depth + 1) }
            }
        }
        gather(value, depth: 0)
        var fromArticle = false
        let articleTypes = [
            "article", "newsarticle", "blogposting", "reportagenewsarticle", "report", "analysisnewsarticle",
            "opinionnewsarticle", "techarticle", "scholarlyarticle", "socialmediaposting", "liveblogposting", "webpage",
        ]
        for o in objects {
            let types = ((o["@type"] as? String).map { [$0] } ?? (o["@type"] as? [String]) ?? []).map {
                $0.lowercased()
            }
            guard types.contains(where: articleTypes.contains) else { continue }
            // An article's own headline wins over the page's.
            if types != ["webpage"], let h = o["headline"] as? String {
                if !fromArticle { structuredTitle = HTMLText.clean(h) }
                fromArticle = true
            } else if structuredTitle == nil, let h = o["headline"] as? String {
                structuredTitle = HTMLText.clean(h)
            }
            if author == nil {
                let a = o["author"]
                if let s = a as? String { author = HTMLText.clean(s) }
                if let d = a as? [String: Any], let n = d["name"] as? String { author = HTMLText.clean(n) }
                if let l = a as? [[String: Any]] {
                    let names = l.compactMap { $0["name"] as? String }.map(HTMLText.clean)
                    if !names.isEmpty { author = names.joined(separator: ", ") }
                }
            }
            if date == nil, let d = o["datePublished"] as? String { date = HTMLText.clean(d) }
        }
    }
}

/// Whitespace and untrusted characters in a page's text.
enum HTMLText {
    /// Runs of whitespace (also non-breaking spaces) become one space, ends trimmed, control
    /// characters and bidirectional overrides made harmless.
    static func clean(_ s: String) -> String {
        TextSanitizer.sanitize(collapse(windows1252Controls(s)))
    }

    /// `&#147;` and its kind name C1 controls, but every page that writes them means windows-1252's
    /// quotes and dashes (as browsers read them).
    static func windows1252Controls(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.value <= 0x9F }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar.value >= 0x80 && scalar.value <= 0x9F,
                let mapped = cp1252High[Int(scalar.value - 0x80)], let u = Unicode.Scalar(mapped)
            {
                out.append(u)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// windows-1252 bytes 0x80–0x9F as Unicode; nil where the byte is undefined.
    static let cp1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D,
        nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil,
        0x017E, 0x0178,
    ]

    /// `s` with every run of white space (`isSpace`) one ASCII space, none at either end. On the
    /// UTF-8 bytes, copying each other character's bytes whole: appending scalar by scalar was a
    /// fifth of reading a saved page for the index.
    static func collapse(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes in
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var space = false
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                var length = 1
                let white: Bool
                if lead < 0x80 {
                    white = lead == 0x20 || lead == 0x09 || lead == 0x0A || lead == 0x0D || lead == 0x0C
                } else if let (scalar, n) = UTF8Scalar.decode(bytes, at: i) {
                    length = n
                    white = isSpace(scalar)
                } else {
                    white = false  // a String's bytes are valid UTF-8: not reached
                }
                if white {
                    space = !out.isEmpty
                } else {
                    if space { out.append(0x20) }
                    space = false
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<min(bytes.count, i + length)]))
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x200B, 0x2028,
            0x2029:
            return true
        default: return false
        }
    }
}
