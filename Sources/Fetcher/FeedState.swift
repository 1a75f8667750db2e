import ArticleKit
import Foundation

/// What Gazette remembers of one feed in one archive folder, in
/// `FOLDER/.gazette-feeds/NAME-HASH.json` (written whole and renamed into place): where to fetch
/// it, its validators, and every item it has ever had, with the file that holds it.
struct FeedState: Codable {
    var version = 1
    /// The address as first given (names the state file).
    var source: String
    /// Where to fetch it now: a permanent redirect moves it.
    var url: String
    var validators = Validators()
    var title: String?
    /// The next item's arrival number.
    var nextSeq = 0
    var items: [StoredItem] = []

    struct StoredItem: Codable {
        /// GUID or id, else link, else a hash (`FeedItem.key`).
        var key: String
        /// The article's file name in the folder.
        var file: String
        /// The title written, made unique among the feed's items (PREV/NEXT name it).
        var title: String
        /// Published, else first seen: the chain's order, then `seq`.
        var sortDate: Double
        var seq: Int
        /// A fingerprint of the feed's entry (title, updated date, text): a change is an update.
        var entry: String
        /// Reserved but not yet written: a fetch was killed before it finished this item.
        var pending: Bool
        /// The front matter and body as written (the file is these bytes and then the trailer).
        var bodyLength = 0
        var bodyHash = ""
        /// The titles its PREV and NEXT lines name.
        var prev: String?
        var next: String?
    }

    static func path(for source: String, in lock: FolderLock) -> String {
        lock.stateFolder + "/" + Slug.make(fromAddress: source, limit: 40) + "-"
            + String(FNV1a.hash(source.utf8), radix: 16) + ".json"
    }

    /// The saved state, a fresh one when there is none, or why it cannot be read (a damaged file
    /// is moved aside and a fresh state started: files already written are found again by their id).
    static func load(_ path: String, source: String) -> (FeedState, String?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (FeedState(source: source, url: source), nil)
        }
        if let state = try? JSONDecoder().decode(FeedState.self, from: data), state.version == 1 {
            return (state, nil)
        }
        let aside = path + ".damaged-\(Int(Date().timeIntervalSince1970))"
        rename(path, aside)
        return (
            FeedState(source: source, url: source),
            "the feed's state file was damaged; moved aside as \((aside as NSString).lastPathComponent)"
        )
    }

    func save(_ path: String) -> FetchError? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return FetchError("cannot encode the feed's state") }
        // Saved after every article: not flushed each time (a rename is enough against a kill).
        return AtomicFile.write([UInt8](data), to: path, sync: false)
    }

    /// Every item in chain order: publication (or first-seen) time, then arrival.
    var ordered: [Int] {
        items.indices.sorted { a, b in
            let x = items[a]
            let y = items[b]
            return x.sortDate != y.sortDate ? x.sortDate < y.sortDate : x.seq < y.seq
        }
    }
}

/// Names made of titles and addresses for files: letters and digits of any script, lower case,
/// runs of anything else as one `-`, cut at a length.
enum Slug {
    static func make(_ text: String, limit: Int = 60) -> String {
        var out = ""
        var dash = false
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.append(c)
                if out.count >= limit { break }
            } else {
                dash = true
            }
        }
        return out
    }

    /// "https://hafen.example.de/feed.xml" → "hafen-example-de-feed-xml".
    static func make(fromAddress address: String, limit: Int = 60) -> String {
        var s = Substring(address)
        if let r = s.range(of: "://") { s = s[r.upperBound...] }
        if s.hasPrefix("www.") { s = s.dropFirst(4) }
        let slug = make(String(s), limit: limit)
        return slug.isEmpty ? "feed" : slug
    }
}

/// Where a feed's articles go when no `--into` folder is named.
public enum FeedFolders {
    /// The folder's name under the archive: the feeds file's name for the feed, else its address
    /// ("hafen-example-de-feed-xml").
    public static func name(for source: FeedSource) -> String {
        if let name = source.name {
            let slug = Slug.make(name)
            if !slug.isEmpty { return slug }
        }
        return Slug.make(fromAddress: source.url)
    }
}
