import Foundation

/// A feed as its file says it: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 or JSON Feed 1.x, read into one
/// shape. Nothing here is fetched or written; `FeedParser.parse` reads bytes. docs/FEEDS.md.
public struct Feed: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case rss = "RSS"
        case rdf = "RSS 1.0 (RDF)"
        case atom = "Atom"
        case jsonFeed = "JSON Feed"
    }

    public var kind: Kind
    /// The feed's own title, as text.
    public var title: String?
    /// The site the feed is of (RSS `link`, Atom `link rel=alternate`, JSON Feed `home_page_url`).
    public var link: String?
    /// In the order the feed lists them.
    public var items: [FeedItem]
    /// What was odd but did not stop the feed being read (recovered XML errors, skipped items).
    public var warnings: [String]

    public init(kind: Kind, title: String? = nil, link: String? = nil, items: [FeedItem] = [], warnings: [String] = [])
    {
        self.kind = kind
        self.title = title
        self.link = link
        self.items = items
        self.warnings = warnings
    }
}

/// One item (RSS) or entry (Atom, JSON Feed).
public struct FeedItem: Sendable, Equatable {
    /// RSS `guid`, RSS 1.0 `rdf:about`, Atom `id`, JSON Feed `id`.
    public var id: String?
    /// The item's page, made absolute against the feed's address (and Atom's `xml:base`).
    public var link: String?
    /// As text: markup and entities in an HTML title are read out.
    public var title: String?
    public var author: String?
    /// When it was published (RSS `pubDate`, `dc:date`; Atom `published`, else `updated`; JSON Feed
    /// `date_published`), parsed from RFC 822 or RFC 3339; nil when missing or unreadable.
    public var published: Date?
    /// The date as the feed writes it, when it gives one.
    public var dateText: String?
    /// Atom `updated`, JSON Feed `date_modified`, as written: a change says the item was updated.
    public var updatedText: String?
    /// The item's full text as HTML: `content:encoded`, Atom `content`, JSON Feed `content_html`
    /// (text content is escaped into HTML paragraphs).
    public var content: String?
    /// A shorter text as HTML: RSS `description`, Atom `summary`, JSON Feed `summary`.
    public var summary: String?

    public init(
        id: String? = nil, link: String? = nil, title: String? = nil, author: String? = nil, published: Date? = nil,
        dateText: String? = nil, updatedText: String? = nil, content: String? = nil, summary: String? = nil
    ) {
        self.id = id
        self.link = link
        self.title = title
        self.author = author
        self.published = published
        self.dateText = dateText
        self.updatedText = updatedText
        self.content = content
        self.summary = summary
    }

    /// What identifies the item from one fetch to the next: its GUID or id, else its link, else a
    /// hash of its title and text (an item with none of those is still fetched once).
    public var key: String {
        if let id, !id.isEmpty { return id }
        if let link, !link.isEmpty { return link }
        var h = FNV1a()
        for b in (title ?? "").utf8 { h.add(b) }
        h.add(0)
        for b in (content ?? summary ?? "").utf8 { h.add(b) }
        return "hash:" + String(h.value, radix: 16)
    }

    /// The fullest text the feed carries: the content, else the summary.
    public var body: String? { content ?? summary }
}

/// Why bytes are not a feed, in a few words ("an HTML page, not a feed").
public struct FeedError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

extension FeedItem {
    /// The title to show: the item's, else the first words of its text, else its address's last
    /// part, else "Untitled item".
    public var displayTitle: String {
        if let title, !title.isEmpty { return ArticleGrammar.title(title) }
        if let text = FeedText.plain(fromHTML: body), !text.isEmpty {
            let words = text.split(separator: " ")
            var out = ""
            for w in words {
                if out.count + w.count > 80 { break }
                out += (out.isEmpty ? "" : " ") + w
            }
            if out.isEmpty { out = String(text.prefix(80)) }
            return ArticleGrammar.title(out.count < text.count ? out + "…" : out)
        }
        if let link, let last = link.split(separator: "/").last, !last.isEmpty, link.split(separator: "/").count > 2 {
            return ArticleGrammar.title(String(last))
        }
        return "Untitled item"
    }
}
