import Foundation

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): an object with `version` and `items`.
/// An item's text: `content_html`, else `content_text` (escaped into HTML); `summary`; its authors
/// (`authors`, 1.0's `author`), else the feed's; its date `date_published`, else `date_modified`.
enum JSONFeedParser {
    static func parse(_ bytes: [UInt8], url: String?) throws(FeedError) -> Feed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            throw FeedError("invalid JSON")
        }
        guard let root = object as? [String: Any] else { throw FeedError("JSON, but not a JSON Feed (not an object)") }
        var feed = Feed(kind: .jsonFeed)
        let version = root["version"] as? String ?? ""
        guard let items = root["items"] as? [Any] else {
            throw FeedError("JSON, but not a JSON Feed (no \"items\" list)")
        }
        if !version.contains("jsonfeed.org/version/") {
            feed.warnings.append("no JSON Feed version; read as one because it has items")
        }
        feed.title = FeedText.clean(root["title"] as? String)
        feed.link = FeedText.absolute(root["home_page_url"] as? String, base: url)
        let base = (root["feed_url"] as? String) ?? url
        let feedAuthor = authors(root)
        var skipped = 0
        for case let raw in items {
            guard let o = raw as? [String: Any] else {
                skipped += 1
                continue
            }
            var item = FeedItem()
            item.id = string(o["id"])
            item.link = FeedText.absolute(string(o["url"]) ?? string(o["external_url"]), base: base)
            item.title = FeedText.plain(fromHTML: string(o["title"]))
            item.author = authors(o) ?? feedAuthor
            item.dateText = FeedText.clean(string(o["date_published"]) ?? string(o["date_modified"]))
            item.published = item.dateText.flatMap(FeedDate.parse)
            item.updatedText = FeedText.clean(string(o["date_modified"]))
            item.content = string(o["content_html"]) ?? string(o["content_text"]).map(FeedText.html(fromText:))
            item.summary = string(o["summary"]).map(FeedText.html(fromText:))
            feed.items.append(item)
        }
        if skipped > 0 { feed.warnings.append("\(skipped) item(s) that are not objects skipped") }
        return feed
    }

    /// A string, or a number written as one (ids are sometimes numbers); nil when empty.
    static func string(_ v: Any?) -> String? {
        if let s = v as? String { return s.isEmpty ? nil : s }
        if let n = v as? NSNumber { return n.stringValue }
        return nil
    }

    static func authors(_ o: [String: Any]) -> String? {
        var names: [String] = []
        if let list = o["authors"] as? [Any] {
            for case let a as [String: Any] in list {
                if let n = FeedText.clean(a["name"] as? String) { names.append(n) }
            }
        }
        if names.isEmpty, let a = o["author"] as? [String: Any], let n = FeedText.clean(a["name"] as? String) {
            names.append(n)
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
