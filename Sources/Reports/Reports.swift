import ArticleKit

/// The output of the scripting commands (`toc`, `chain`, `check`), as text for
/// people and JSON Lines for scripts. The shapes are a contract: see README.
public enum TocReport {
    /// Each section has its `level` (1 a section, 2… a sub-section), and `kinds`, parallel to
    /// `paragraphs`, when any of its blocks is not body text; the article has `format`, and `url`, `author`
    /// and `date` when the page gives them.
    public static func json(_ article: Article, links: Resolutions?, collection: ArticleCollection?) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("file", .string(article.source)),
            ("title", .string(article.title)),
            ("format", .string(article.meta.format.rawValue)),
        ]
        let meta = article.meta
        for (key, value) in [("url", meta.url), ("author", meta.author), ("date", meta.date)] {
            if let value { fields.append((key, .string(value))) }
        }
        fields += [
            (
                "sections",
                .array(
                    article.sections.map { section in
                        var fields: [(String, JSONValue)] = [
                            ("heading", .optional(section.heading)),
                            ("level", .int(section.level)),
                            ("paragraphs", .array(section.paragraphs.map(JSONValue.string))),
                        ]
                        if section.kinds.contains(where: { $0 != .text }) {
                            let kinds = section.paragraphs.indices.map { JSONValue.string(section.kind($0).rawValue) }
                            fields.append(("kinds", .array(kinds)))
                        }
                        return .object(fields)
                    })
            ),
            ("prev", linkJSON(article.previousTitle, links?.previous, collection)),
            ("next", linkJSON(article.nextTitle, links?.next, collection)),
            ("warnings", .array(article.warnings.map(JSONValue.string))),
        ]
        return .object(fields)
    }

    static func linkJSON(_ title: String?, _ link: Link?, _ collection: ArticleCollection?) -> JSONValue {
        // A page's link by address has no title of its own: the title of the page it resolved to.
        guard let title = title ?? link?.title else { return .null }
        let file = link?.target.flatMap { collection?.entries.source($0) }
        return .object([("title", .string(title)), ("file", .optional(file))])
    }

    public static func text(_ article: Article, links: Resolutions?, collection: ArticleCollection?) -> String {
        var lines = ["\(article.title)  (\(shown(article.source)))"]
        // Numbered as the reader's digit keys number them: the text before the first
        // heading is section 1, "Beginning" in the outline.
        if article.headings.isEmpty {
            lines.append("  (no section headings)")
        } else {
            for (n, section) in article.sections.enumerated() {
                // A sub-section stands under its section, two spaces a level.
                let indent = String(repeating: "  ", count: min(5, max(0, section.level - 1)))
                lines.append("  " + indent + "\(n + 1). " + (section.heading ?? "(beginning)"))
            }
        }
        lines.append("  PREV: " + LinkText.describe(article.previousTitle, links?.previous, collection))
        lines.append("  NEXT: " + LinkText.describe(article.nextTitle, links?.next, collection))
        for warning in article.warnings { lines.append("  warning: \(warning)") }
        return lines.joined(separator: "\n")
    }
}

/// Says where a link leads, in words.
public enum LinkText {
    public static func describe(_ title: String?, _ link: Link?, _ collection: ArticleCollection?) -> String {
        guard let title = title ?? link?.title else { return "(none)" }
        guard let target = link?.target, let collection else { return "\(title) — not in this collection" }
        var s = "\(title) → \(shown(collection.entries.source(target)))"
        if let link, link.isAmbiguous { s += " (one of \(link.candidates.count) articles with this title)" }
        return s
    }
}

public enum ChainReport {
    public static func json(_ chain: Chain, collection: ArticleCollection) -> JSONValue {
        .object([
            ("files", .array(chain.entries.map { .string(collection.entries.source($0)) })),
            ("dangling_prev", .optional(chain.danglingPrevious)),
            ("dangling_next", .optional(chain.danglingNext)),
            ("cycle", .bool(chain.isCycle)),
        ])
    }

    public static func text(_ chain: Chain, number: Int, collection: ArticleCollection) -> String {
        var lines = ["Chain \(number): \(chain.entries.count) article\(chain.entries.count == 1 ? "" : "s")"]
        // A cycle has no head: it is shown cut where the reader numbers it from, and says it comes round.
        if chain.isCycle { lines[0] += ", a cycle (the last leads back to the first)" }
        if let d = chain.danglingPrevious { lines.append("  ← \(d) (not in this collection)") }
        for e in chain.entries {
            lines.append("  \(collection.entries.title(e))  [\(shown(collection.entries.source(e)))]")
        }
        if let d = chain.danglingNext { lines.append("  → \(d) (not in this collection)") }
        if chain.isCycle, let first = chain.entries.first {
            lines.append("  ↻ back to \(collection.entries.title(first))")
        }
        return lines.joined(separator: "\n")
    }
}
