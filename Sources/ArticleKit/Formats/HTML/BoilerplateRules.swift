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

    /// Words in a class or id that mark furniture (matched against the words of the name, split at
    /// "-", "_", spaces and case changes, each word matched by its start: "comments" is "comment").
    static let negativeWords: [String] = [
        "nav", "menu", "breadcrumb", "cookie", "consent", "gdpr", "banner", "share", "sharing", "social", "comment",
        "related", "recommend", "newsletter", "subscribe", "subscription", "signup", "promo", "advert", "advertisement",
        "ads", "ad", "sponsor", "sidebar", "widget", "footer", "popup", "modal", "overlay", "outbrain", "taboola",
        "tags", "tagcloud", "toolbar", "pagination", "pager", "skip", "masthead", "disqus", "trending", "popular",
        "login", "paywall", "teaser", "teasers", "rail", "shoutbox", "combx", "sitemap", "print", "cta", "follow",
        "author-bio", "bio", "byline", "dateline", "meta", "hidden", "visually", "sr", "offscreen", "donate", "read-more",
        "readmore", "more", "also", "recirc", "flyout", "drawer", "breaking", "alert", "jump", "toc", "header",
        "topbar", "mast", "sticky", "upsell", "marketing", "partner", "affiliate", "newsticker", "ticker", "survey",
        "feedback", "rating", "credits", "credit", "copyright", "legal", "disclaimer", "lightbox", "gallery-nav",
    ]

    /// Words that mark the article itself.
    static let positiveWords: [String] = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story", "prose",
        "richtext", "rich-text", "news", "detail", "single", "lead", "paragraph", "section",
    ]

    /// The words of a class or id value: "article-body__text shareBar" → article, body, text, share, bar.
    static func words(_ value: String) -> [Substring] {
        var out: [Substring] = []
        var start: String.Index? = nil
        var previousLower = false
        var i = value.startIndex
        while i < value.endIndex {
            let c = value[i]
            let isLetter = c.isLetter || c.isNumber
            if !isLetter {
                if let s = start { out.append(value[s..<i]) }
                start = nil
                previousLower = false
            } else {
                // A capital after a lower-case letter starts a word (camelCase).
                if start != nil && c.isUppercase && previousLower {
                    out.append(value[start!..<i])
                    start = i
                } else if start == nil {
                    start = i
                }
                previousLower = c.isLowercase
            }
            i = value.index(after: i)
        }
        if let s = start { out.append(value[s...]) }
        return out
    }

    /// +25 for a name of the article's own, -25 for furniture (both can apply), as the block scores use it.
    static func classWeight(_ node: HTMLTree.Node) -> Int {
        var weight = 0
        for key in ["class", "id"] {
            guard let value = node.attribute(key), !value.isEmpty else { continue }
            let ws = words(value).map { $0.lowercased() }
            if ws.contains(where: isNegative) { weight -= 25 }
            if ws.contains(where: isPositive) { weight += 25 }
        }
        return weight
    }

    static func isNegative(_ word: String) -> Bool {
        for n in negativeWords {
            if n.count <= 3 {
                // Short words must match whole ("ad" is not "adress"; "nav" is "navbar" though).
                if word == n || (n == "nav" && word.hasPrefix("nav")) { return true }
            } else if word.hasPrefix(n) {
                return true
            }
        }
        return false
    }

    static func isPositive(_ word: String) -> Bool {
        positiveWords.contains { word.hasPrefix($0) }
    }

    /// Whether the element's class or id names furniture and nothing of the article's own.
    static func isFurnitureByName(_ node: HTMLTree.Node) -> Bool {
        var negative = false
        for key in ["class", "id"] {
            guard let value = node.attribute(key), !value.isEmpty else { continue }
            let ws = words(value).map { $0.lowercased() }
            if ws.contains(where: isPositive) && !ws.contains(where: { strongNegative.contains($0) }) { return false }
            if ws.contains(where: isNegative) { negative = true }
        }
        return negative
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
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
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
}
