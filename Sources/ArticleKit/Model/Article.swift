/// One article as read from a file: the title, the body split into sections,
/// and the titles its PREV/NEXT lines name. Text here is already sanitised:
/// it never contains control characters or bidirectional overrides.
public struct Article: Sendable, Equatable {
    public var title: String
    public var sections: [Section]
    /// The title after `PREV`, or nil when the line is missing.
    public var previousTitle: String?
    /// The title after `NEXT`, or nil when the line is missing.
    public var nextTitle: String?
    /// Where the article came from: a path, or a built-in name.
    public var source: String
    /// What was odd about the file but did not stop it being read.
    public var warnings: [String]
    /// What the page says of itself beyond its text (web formats): address, byline, date, links by URL.
    public var meta: ArticleMeta

    public init(
        title: String, sections: [Section], previousTitle: String?, nextTitle: String?, source: String,
        warnings: [String] = [], meta: ArticleMeta = ArticleMeta()
    ) {
        self.title = title
        self.sections = sections
        self.previousTitle = previousTitle
        self.nextTitle = nextTitle
        self.source = source
        self.warnings = warnings
        self.meta = meta
    }

    /// The title and links, as a collection keeps them.
    public var links: ArticleLinks {
        ArticleLinks(
            title: title, previousTitle: previousTitle, nextTitle: nextTitle, url: meta.url,
            previousURL: meta.previousURL, nextURL: meta.nextURL)
    }

    /// The sections that carry a heading, in order (the lede has none).
    public var headings: [String] { sections.compactMap(\.heading) }
}

/// A run of paragraphs under one heading. The lede, before the first heading, has no heading.
public struct Section: Sendable, Equatable {
    public var heading: String?
    public var paragraphs: [String]
    /// 1 for a section, 2… for a sub-section under it (HTML h3 under h2, Markdown `###` under `##`).
    /// Plain text has one level.
    public var level: Int
    /// What each paragraph is, by index; empty when every one is body text (all plain-text articles),
    /// so the common case costs nothing.
    public var kinds: [BlockKind]

    public init(heading: String?, paragraphs: [String], level: Int = 1, kinds: [BlockKind] = []) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.level = level
        self.kinds = kinds
    }

    /// What paragraph `i` is.
    public func kind(_ i: Int) -> BlockKind { i < kinds.count ? kinds[i] : .text }

    /// Appends a block, keeping `kinds` empty while every block is body text.
    public mutating func append(_ text: String, kind: BlockKind = .text) {
        if kind != .text && kinds.count < paragraphs.count {
            kinds += repeatElement(.text, count: paragraphs.count - kinds.count)
        }
        paragraphs.append(text)
        if !kinds.isEmpty || kind != .text { kinds.append(kind) }
    }
}

/// What a block of a section is: how the reader draws it and how `dump` writes it.
public enum BlockKind: String, Sendable, Equatable, CaseIterable {
    /// A paragraph, wrapped to the window.
    case text
    /// One item of a list; its text starts with its bullet or number ("• ", "3. ").
    case listItem = "list-item"
    /// Quoted text, drawn indented.
    case quote
    /// Preformatted text (code): its lines are kept as they are, never re-wrapped.
    case code
    /// One row of a table, its cells joined by " | ".
    case tableRow = "table-row"
    /// A figure's caption: drawn dimmed, never a section.
    case caption
    /// Who wrote it and when.
    case byline
}

/// What a web page or a Markdown file says of itself, beyond its text. Empty for plain text.
public struct ArticleMeta: Sendable, Equatable {
    /// The format the article was read as.
    public var format: ArticleFormatName
    /// The page's own address (canonical link, else og:url).
    public var url: String?
    /// The addresses of the previous and next articles (`<link rel="prev|next">`, clearly marked links).
    public var previousURL: String?
    public var nextURL: String?
    public var author: String?
    /// As the page gives it (ISO 8601 where the page uses it).
    public var date: String?

    public init(
        format: ArticleFormatName = .text, url: String? = nil, previousURL: String? = nil, nextURL: String? = nil,
        author: String? = nil, date: String? = nil
    ) {
        self.format = format
        self.url = url
        self.previousURL = previousURL
        self.nextURL = nextURL
        self.author = author
        self.date = date
    }
}

/// The formats Gazette reads.
public enum ArticleFormatName: String, Sendable, Equatable, Codable, CaseIterable {
    case text
    case html
    case markdown
}

/// Which way a chain link points.
public enum LinkDirection: String, Sendable, CaseIterable {
    case previous = "PREV"
    case next = "NEXT"
}
