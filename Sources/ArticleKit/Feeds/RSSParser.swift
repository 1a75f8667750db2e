import Foundation

/// RSS 0.9x and 2.0 (`<rss><channel><item>`), and RSS 1.0 and 0.90 (`<rdf:RDF>` with `<item>`s
/// beside the channel). An item's text: `content:encoded`, else `description` (both HTML); its
/// author: `author` (as "mail (Name)"), else `dc:creator`; its date: `pubDate`, else `dc:date`.
enum RSSParser {
    static func read(_ rss: FeedXML.Element, in doc: FeedXML.Doc) -> Feed {
        var feed = Feed(kind: .rss)
        // RSS 0.91 to 2.0 put the items in the channel; a few old feeds put them beside it.
        let channel = rss.child("channel")
        if let channel {
            feed.title = FeedText.plain(fromHTML: doc.text(channel.child("title") ?? channel))
            feed.link = channel.child("link").flatMap { FeedText.absolute(doc.text($0), base: doc.url) }
        }
        let items = (channel?.children("item") ?? []) + rss.children("item")
        feed.items = items.map { item($0, in: doc) }
        if channel == nil { feed.warnings.append("no <channel> in the feed") }
        return feed
    }

    static func readRDF(_ rdf: FeedXML.Element, in doc: FeedXML.Doc) -> Feed {
        var feed = Feed(kind: .rdf)
        if let channel = rdf.child("channel") {
            feed.title = channel.child("title").flatMap { FeedText.plain(fromHTML: doc.text($0)) }
            feed.link = channel.child("link").flatMap { FeedText.absolute(doc.text($0), base: doc.url) }
        }
        // RSS 1.0 and 0.90 put the items beside the channel; a few put them in it.
        let items = rdf.children("item") + (rdf.child("channel")?.children("item") ?? [])
        feed.items = items.map { element in
            var it = item(element, in: doc)
            if it.id == nil, let about = element.attribute("about"), !about.isEmpty { it.id = about }
            return it
        }
        return feed
    }

    static func item(_ e: FeedXML.Element, in doc: FeedXML.Doc) -> FeedItem {
        var item = FeedItem()
        let base = doc.base(of: e)
        func text(_ name: String, ns: String? = nil) -> String? {
            guard let c = e.child(name, ns: ns) else { return nil }
            let t = doc.text(c).trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        item.title = FeedText.plain(fromHTML: text("title"))
        item.link = FeedText.absolute(text("link"), base: base)
        if let guid = e.child("guid"), let g = FeedText.clean(doc.text(guid)) {
            item.id = g
            // A permalink GUID (the default) is the item's page when it has no link.
            let permalink = guid.attribute("isPermaLink")?.lowercased() != "false"
            let lower = g.lowercased()
            if item.link == nil, permalink, lower.hasPrefix("http://") || lower.hasPrefix("https://") { item.link = g }
        }
        item.author = FeedText.author(text("author")) ?? FeedText.clean(text("creator", ns: FeedXML.dcNS))
        item.dateText = FeedText.clean(text("pubDate") ?? text("date", ns: FeedXML.dcNS))
        item.published = item.dateText.flatMap(FeedDate.parse)
        item.updatedText = FeedText.clean(text("modified", ns: "http://purl.org/dc/terms/"))
        item.content = text("encoded", ns: FeedXML.contentNS) ?? text("encoded")
        item.summary = text("description")
        return item
    }
}
