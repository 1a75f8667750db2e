import Foundation

/// Atom 1.0 (RFC 4287): `<feed><entry>`. An entry's page is its `link rel="alternate"` (a link
/// without `rel` is one), made absolute against `xml:base`; its text its `content` (type text,
/// html or xhtml), else its `summary`; its author the entry's, else the feed's; its date
/// `published`, else `updated`.
enum AtomParser {
    static func read(_ root: FeedXML.Element, in doc: FeedXML.Doc) -> Feed {
        var feed = Feed(kind: .atom)
        feed.title = root.child("title").flatMap { textConstruct($0, in: doc, asHTML: false) }
        feed.link = alternate(root, in: doc)
        let feedAuthor = author(root, in: doc)
        feed.items = root.children("entry").map { entry in
            var item = FeedItem()
            item.id = entry.child("id").flatMap { FeedText.clean(doc.text($0)) }
            item.title = entry.child("title").flatMap { textConstruct($0, in: doc, asHTML: false) }
            item.link = alternate(entry, in: doc)
            item.author =
                author(entry, in: doc) ?? entry.child("source").flatMap { author($0, in: doc) } ?? feedAuthor
            let published = entry.child("published").flatMap { FeedText.clean(doc.text($0)) }
            let updated = entry.child("updated").flatMap { FeedText.clean(doc.text($0)) }
            item.dateText = published ?? updated
            item.published = item.dateText.flatMap(FeedDate.parse)
            item.updatedText = updated
            if let content = entry.child("content"), content.attribute("src") == nil {
                item.content = textConstruct(content, in: doc, asHTML: true)
            }
            item.summary = entry.child("summary").flatMap { textConstruct($0, in: doc, asHTML: true) }
            return item
        }
        return feed
    }

    /// A text construct: `type="text"` (the default), `html` or `xhtml` (a `div` holding XHTML).
    /// As HTML for a body (text escaped), as text for a title.
    static func textConstruct(_ e: FeedXML.Element, in doc: FeedXML.Doc, asHTML: Bool) -> String? {
        let type = (e.attribute("type") ?? "text").lowercased()
        switch type {
        case "html", "text/html":
            let html = doc.text(e)
            return asHTML ? nonEmpty(html) : FeedText.plain(fromHTML: html)
        case "xhtml", "application/xhtml+xml":
            // The div that wraps the content is not part of it.
            let kids = e.children
            let inner = kids.count == 1 && kids[0].name == "div" ? kids[0] : e
            let xml = doc.innerXML(inner)
            return asHTML ? nonEmpty(xml) : FeedText.plain(fromHTML: xml)
        default:
            let text = doc.text(e)
            return asHTML ? nonEmpty(FeedText.html(fromText: text)) : FeedText.clean(text)
        }
    }

    static func nonEmpty(_ s: String) -> String? {
        s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s
    }

    /// The `alternate` link (one without `rel` is one), an HTML one first.
    static func alternate(_ e: FeedXML.Element, in doc: FeedXML.Doc) -> String? {
        let links = e.children("link").filter { ($0.attribute("rel") ?? "alternate").lowercased() == "alternate" }
        let html = links.first { ($0.attribute("type") ?? "text/html").lowercased().contains("html") }
        guard let link = html ?? links.first else { return nil }
        return FeedText.absolute(link.attribute("href"), base: doc.base(of: link))
    }

    static func author(_ e: FeedXML.Element, in doc: FeedXML.Doc) -> String? {
        let names = e.children("author").compactMap { a in
            (a.child("name").map { doc.text($0) }).flatMap(FeedText.clean)
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
