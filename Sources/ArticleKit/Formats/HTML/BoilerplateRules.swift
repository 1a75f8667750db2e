import Foundation

/// Which elements of a page are furniture, by their name, attributes and class/id words: one table of
/// rules the extractor reads (in the spirit of Readability.js's and trafilatura's, in our own words).
enum BoilerplateRules {
    /// Never text: scripts, styles, embedded media, forms' controls, the page's own chrome.
    static let droppedTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video",
        "audio", "button", "input", "select", "textarea", "option", "nav", "aside", "footer", "head", "dialog",
        "menu", "form-control", "link", "meta", "title", "map", "area", "picture", "source", "label",
    ]

    /// Roles that mark furniture.
    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar",
        "toolbar", "tablist", "button",
    ]

    /// Words in a class or id that mark furniture, matched whole (or with a plural "s") against the
    /// words of the name, split at "-", "_", spaces and case changes.
    static let negativeWords: Set<String> = [
        "nav", "navbar", "menu", "menubar", "breadcrumb", "banner", "share", "sharing", "sharebar", "social", "related",
        "newsletter", "promo", "ad", "ads", "advert", "advertisement", "advertising", "sponsor", "sponsored", "sidebar",
        "widget", "footer", "popup", "outbrain", "taboola", "tags", "tagcloud", "toolbar", "pagination", "pager",
        "skip", "masthead", "disqus", "trending", "popular", "login", "paywall", "teaser", "shoutbox", "combx",
        "sitemap", "cta", "follow", "bio", "byline", "dateline", "donate", "readmore", "recirc", "flyout", "drawer",
        "upsell", "marketing", "affiliate", "newsticker", "ticker", "survey", "feedback", "rating", "copyright",
        "legal", "disclaimer", "lightbox", "cookie", "cookies", "consent", "gdpr", "comment", "comments", "subscribe",
        "subscription", "signup", "recommended", "recommendation", "recommendations", "header", "topbar",
        "social", "most", "also", "more", "breaking", "jump", "toc", "gallery", "slideshow", "carousel", "slider",
    ]

    /// Furniture words matched at the start of a word ("commentlist", "advertorial", "navigation").
    static let negativePrefixes: [String] = [
        "comment", "advert", "sponsor", "newsletter", "subscri", "recommend", "related", "breadcrumb", "cookie",
        "consent", "social", "sharing", "outbrain", "taboola", "popup", "sidebar", "footer", "navigation", "pagination",
        "disqus", "promo", "widget", "banner",
    ]

    /// Class names that mean "not shown" in the common CSS frameworks.
    static let hiddenClasses: Set<String> = [
        "hidden", "d-none", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "is-hidden", "hide",
        "invisible", "u-hidden", "offscreen", "element-invisible",
    ]

    /// Words that mark the article itself.
    static let positiveWords: [String] = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "prose",
        "richtext", "rich-text", "news", "detail", "single", "lead", "paragraph", "section",
    ]

    /// The words of a class or id value, lower-cased: "article-body__text shareBar" → article, body,
    /// text, share, bar. By bytes (names are ASCII but for rare exceptions, whose bytes stay in a word).
    static func words(_ value: String) -> [String] {
        var out: [String] = []
        var word: [UInt8] = []
        var previousLower = false
        func end() {
            if !word.isEmpty { out.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for b in value.utf8 {
            let upper = b >= 0x41 && b <= 0x5A
            let lower = b >= 0x61 && b <= 0x7A
            let inWord = upper || lower || (b >= 0x30 && b <= 0x39) || b >= 0x80
            if !inWord {
                end()
                previousLower = false
                continue
            }
            // A capital after a lower-case letter starts a word (camelCase).
            if upper && previousLower { end() }
            word.append(upper ? b + 0x20 : b)
            previousLower = lower
        }
        end()
        return out
    }

    /// What an element's class and id say, judged once per element.
    struct NameVerdict {
        /// +25 for a name of the article's own, -25 for furniture (both can apply), as block scores use it.
        var weight = 0
        /// The name marks furniture and nothing of the article's own.
        var furniture = false

        /// `judge`: what one class or id value says (`BoilerplateRules.judge`, or a cache of it: a page
        /// repeats its class names many times).
        init(_ node: HTMLTree.Node, judge: (String) -> NameJudgement = BoilerplateRules.judge) {
            guard !node.isText, !node.attributes.isEmpty else { return }
            var negative = false
            var kept = false
            for key in ["class", "id"] {
                guard let value = node.attribute(key), !value.isEmpty else { continue }
                let j = judge(value)
                if j.negative { weight -= 25 }
                if j.positive { weight += 25 }
                if j.keeps { kept = true }
                if j.negative { negative = true }
            }
            furniture = negative && !kept
        }
    }

    /// What one class or id value says.
    struct NameJudgement {
        var negative = false
        var positive = false
        /// An article word and no strong furniture word, or an embedded post (a tweet, a video's
        /// description) inside the article: the element is kept whatever else its names say.
        var keeps = false
    }

    static func judge(_ value: String) -> NameJudgement {
        let ws = words(value)
        var j = NameJudgement()
        j.negative = ws.contains(where: isNegative)
        j.positive = ws.contains(where: isPositive)
        j.keeps =
            (j.positive && !ws.contains(where: { strongNegative.contains($0) })) || ws.contains("embed")
            || ws.contains("tweet")
        return j
    }

    static func isNegative(_ word: String) -> Bool {
        if negativeWords.contains(word) { return true }
        if word.count > 3 && word.hasSuffix("s") && negativeWords.contains(String(word.dropLast())) { return true }
        return negativePrefixes.contains { word.hasPrefix($0) }
    }
    static func isPositive(_ word: String) -> Bool {
        positiveWords.contains { word.hasPrefix($0) }
    }

    /// Furniture words that outweigh an article word in the same name ("article-share", "post-comments").
    static let strongNegative: Set<String> = [
        "share", "sharing", "social", "comment", "comments", "related", "newsletter", "subscribe", "promo", "ad",
        "ads", "advert", "advertisement", "sponsor", "sponsored", "cookie", "consent", "nav", "navigation", "menu",
        "breadcrumb", "breadcrumbs", "footer", "sidebar", "tags", "recommended", "recommendations", "popular",
        "trending", "teaser", "teasers", "outbrain", "taboola", "byline", "meta", "author", "toolbar", "signup",
    ]

    /// Hidden by attribute or inline style.
    static func isHidden(_ node: HTMLTree.Node) -> Bool {
        // React streams late parts of a page into `<div hidden id="S:1">` and moves them in with a
        // script: that is the article, not hidden furniture.
        if node.attribute("hidden") != nil && node.attribute("id")?.hasPrefix("S:") != true { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let cls = node.attribute("class"),
            cls.split(separator: " ").contains(where: { hiddenClasses.contains($0.lowercased()) })
        {
            return true
        }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }

    /// Inline elements: their text joins the paragraph around them.
    static let inlineTags: Set<String> = [
        "a", "span", "em", "strong", "b", "i", "u", "s", "code", "sub", "sup", "small", "mark", "abbr", "cite", "q",
        "time", "font", "del", "ins", "big", "tt", "kbd", "var", "bdi", "bdo", "wbr", "data", "samp", "dfn", "strike",
        "nobr", "acronym", "ruby", "rt", "rp", "img",
    ]

    /// Paragraph openers of "read also" lines, in the languages of the dev pages and beyond.
    static let readAlsoPrefixes: [String] = [
        "read also", "read more", "also read", "see also", "related:", "more:", "recommended:", "lire aussi",
        "à lire aussi", "a lire aussi", "lire :", "lire:", "voir aussi", "leggi anche", "leggi:", "lesen sie auch",
        "lesen sie mehr", "mehr zum thema", "auch interessant", "das könnte sie auch interessieren", "lee también",
        "leer más", "lea también", "te puede interesar", "leia também", "leia mais", "veja também", "czytaj też",
        "czytaj także", "czytaj więcej", "zobacz też", "zobacz także", "läs också", "läs mer", "les også", "les mer",
        "læs også", "lees ook", "lees meer", "читайте также", "читайте также:", "devamını oku", "ayrıca oku",
        "关联阅读", "相关阅读", "延伸阅读", "関連記事", "あわせて読みたい", "관련기사", "함께 읽기",
    ]

    /// Headings of the furniture that follows articles, compared without case and end punctuation.
    static let furnitureHeadings: Set<String> = [
        "comments", "comment", "leave a comment", "leave a reply", "join the conversation", "like this", "share this",
        "share", "share this article", "related", "related articles", "related posts", "related stories",
        "related content", "related news", "more", "more stories", "more from", "read more", "read next",
        "recommended", "recommended for you", "you may also like", "you might also like", "popular", "most popular",
        "most read", "trending", "trending news", "trending now", "tell us what you think", "about the author",
        "newsletter", "sign up", "subscribe", "advertisement", "tags", "topics", "see also", "kommentare",
        "kommentar", "das könnte sie auch interessieren", "mehr zum thema", "weitere artikel", "meistgelesen",
        "commentaires", "à lire aussi", "a lire aussi", "sur le même sujet", "comentarios", "temas relacionados",
        "noticias relacionadas", "te puede interesar", "más noticias", "commenti", "leggi anche",
        "potrebbe interessarti",
        "comentários", "leia também", "veja também", "komentarze", "czytaj także", "zobacz także", "reklama",
        "relaterte saker", "les også", "läs också", "relaterat", "taip pat skaitykite", "ezek is érdekelhetnek",
        "関連記事", "コメント", "相关阅读", "相关新闻", "관련기사", "댓글", "читайте также", "комментарии",
    ]

    /// Short lines that label furniture inside an article's text: advertisement labels, widget titles.
    static let furnitureLines: Set<String> = [
        "advert", "advertisement", "ad", "anzeige", "werbung", "publicité", "publicite", "publicidad", "pubblicità",
        "publicidade", "continua depois da publicidade", "continúa después de la publicidad", "reklama", "reklame",
        "annons", "annonse", "mainos", "advertentie", "реклама", "広告", "广告", "광고", "war der artikel nützlich",
        "was this article helpful", "skip advert", "story continues below advertisement", "article continues below",
        "continue reading below", "scroll to continue", "scroll to continue with content",
    ]

    static func isFurnitureLine(_ text: String) -> Bool {
        guard text.count <= 60 else { return false }
        let label = normalizedLabel(text)
        // A furniture heading's words as a paragraph of their own, but not a lone word ("More." can
        // end a story).
        return furnitureLines.contains(label) || (label.contains(" ") && isFurnitureHeading(text))
    }

    static func normalizedLabel(_ text: String) -> String {
        var t = text.lowercased()
        while let last = t.last, last == ":" || last == "." || last == "…" || last == " " || last == "!" || last == "?"
        {
            t.removeLast()
        }
        return t.trimmingCharacters(in: .whitespaces)
    }

    static func isFurnitureHeading(_ text: String) -> Bool {
        guard text.count <= 60 else { return false }
        var t = text.lowercased()
        while let last = t.last, last == ":" || last == "." || last == "…" || last == " " || last == "!" {
            t.removeLast()
        }
        if t.hasSuffix("...") { t.removeLast(3) }
        return furnitureHeadings.contains(t.trimmingCharacters(in: .whitespaces))
    }
}
