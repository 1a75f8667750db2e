import ArticleKit
import Foundation
import Synchronization

/// What one feed's fetch did.
public struct FeedReport: Sendable {
    public enum Status: String, Sendable {
        case fetched
        case notModified = "not-modified"
        case failed
    }
    public var url: String
    /// The feeds file's name for it, else the feed's own title.
    public var title: String?
    public var folder: String
    public var status: Status
    public var new = 0
    public var updated = 0
    /// What went wrong with single items or was odd in the feed, one line each.
    public var notes: [String] = []
    public var error: String?
    /// The feed's new address after a permanent redirect.
    public var movedTo: String?

    public init(url: String, title: String? = nil, folder: String, status: Status, error: String? = nil) {
        self.url = url
        self.title = title
        self.folder = folder
        self.status = status
        self.error = error
    }
}

/// Fetches a feed into an archive folder: each new item an article file (its page read with the
/// HTML reader, or the feed's own text when that is longer or the page fails), written whole; the
/// items chained in publication order; nothing written twice, nothing removed. docs/FEEDS.md.
public final class FeedFetcher: Sendable {
    public let client: HTTPClient
    let clock: @Sendable () -> Date
    /// Hosts that timed out or could not be reached in this run: their other pages are not asked
    /// for (a stalled site costs one timeout, not one per item).
    private let unreachable = Mutex<Set<String>>([])

    public init(client: HTTPClient, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.clock = clock
    }

    static let feedAccept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
    static let pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

    /// Fetches every feed, a few at a time (one request at a time per host, the client sees to
    /// that); `done` is called once per feed as it ends, from any thread.
    public func fetchAll(
        _ jobs: [(source: FeedSource, lock: FolderLock)], parallel: Int = 4,
        done: @escaping @Sendable (FeedReport) -> Void
    ) {
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: max(1, parallel))
        for job in jobs {
            slots.wait()
            group.enter()
            let source = job.source
            let lock = job.lock
            Thread.detachNewThread {
                done(self.fetch(source, lock: lock))
                slots.signal()
                group.leave()
            }
        }
        group.wait()
    }

    public func fetch(_ source: FeedSource, lock: FolderLock) -> FeedReport {
        let statePath = FeedState.path(for: source.url, in: lock)
        var (state, stateNote) = FeedState.load(statePath, source: source.url)
        var report = FeedReport(
            url: source.url, title: source.name ?? state.title, folder: lock.folder, status: .fetched)
        if let stateNote { report.notes.append(stateNote) }
        func fail(_ reason: String) -> FeedReport {
            report.status = .failed
            report.error = reason
            return report
        }
        // A fetch killed halfway asks again unconditionally, to finish what it reserved.
        let unfinished = state.items.contains { $0.pending }
        let response: HTTPResponse
        switch client.get(state.url, validators: unfinished ? nil : state.validators, accept: Self.feedAccept) {
        case .failure(let error): return fail(error.reason)
        case .success(let r): response = r
        }
        if let moved = response.movedTo, moved != state.url {
            state.url = moved
            report.movedTo = moved
        }
        if response.notModified {
            report.status = .notModified
            relink(&state, statePath: statePath, lock: lock, report: &report)
            if let error = state.save(statePath) { return fail(error.reason) }
            return report
        }
        let feed: Feed
        do {
            feed = try FeedParser.parse(response.body, url: response.url)
        } catch {
            return fail(error.reason)
        }
        state.title = feed.title ?? state.title
        report.title = source.name ?? feed.title ?? report.title
        report.notes += feed.warnings

        // The first item of each key; a repeated GUID is the same item.
        var seen = Set<String>()
        let items = feed.items.filter { seen.insert($0.key).inserted }
        if items.count < feed.items.count {
            report.notes.append("\(feed.items.count - items.count) item(s) repeat a GUID already in the feed; skipped")
        }
        var index: [String: Int] = [:]
        for (i, item) in state.items.enumerated() { index[item.key] = i }
        var titles = Set(state.items.map { TitleKey($0.title) })
        let now = clock().timeIntervalSince1970
        var work: [(item: FeedItem, at: Int)] = []
        for (position, item) in items.enumerated() {
            let print = Self.fingerprint(item)
            if let i = index[item.key] {
                if state.items[i].pending {
                    work.append((item, i))
                } else if state.items[i].entry != print {
                    // Updated: its title may have changed too (its neighbours' links follow).
                    titles.remove(TitleKey(state.items[i].title))
                    state.items[i].title = Self.unique(item.displayTitle, &titles)
                    work.append((item, i))
                }
                continue
            }
            let title = Self.unique(item.displayTitle, &titles)
            let sortDate = item.published?.timeIntervalSince1970 ?? now
            let slug = Slug.make(title)
            let base = Self.day(sortDate) + "-" + (slug.isEmpty ? "item" : slug)
            let taken = Set(state.items.map(\.file))
            let file =
                Self.adoptable(base, key: item.key, in: lock.folder, taken: taken)
                ?? lock.reserveName(base, taken: taken)
            // Feeds list the newest first: the last listed arrived first.
            state.items.append(
                FeedState.StoredItem(
                    key: item.key, file: file, title: title, sortDate: sortDate,
                    seq: state.nextSeq + items.count - 1 - position, entry: print, pending: true))
            index[item.key] = state.items.count - 1
            work.append((item, state.items.count - 1))
        }
        state.nextSeq += items.count
        if let error = state.save(statePath) { return fail(error.reason) }

        let links = Self.links(state)
        let feedName = source.name ?? feed.title
        for (item, i) in work.sorted(by: { a, b in
            let x = state.items[a.at]
            let y = state.items[b.at]
            return x.sortDate != y.sortDate ? x.sortDate < y.sortDate : x.seq < y.seq
        }) {
            let stored = state.items[i]
            let path = lock.folder + "/" + stored.file
            let built = compose(item, title: stored.title, feedName: feedName)
            if let note = built.note { report.notes.append("\(stored.title): \(note)") }
            let body = Array(built.document.utf8)
            let hash = String(FNV1a.hash(body), radix: 16)
            let (prev, next) = links[i] ?? (nil, nil)
            if !stored.pending {
                state.items[i].entry = Self.fingerprint(item)
                if hash == stored.bodyHash {
                    _ = state.save(statePath)
                    continue
                }
                guard Self.isOurs(path, stored) else {
                    report.notes.append("\(stored.file) was changed by hand; its update is not written")
                    _ = state.save(statePath)
                    continue
                }
            }
            let bytes = body + Array(MarkdownWriter.trailer(previous: prev, next: next).utf8)
            if AtomicFile.read(path) != bytes, let error = AtomicFile.write(bytes, to: path) {
                return fail(error.reason)
            }
            if stored.pending { report.new += 1 } else { report.updated += 1 }
            state.items[i].pending = false
            state.items[i].entry = Self.fingerprint(item)
            state.items[i].bodyLength = body.count
            state.items[i].bodyHash = hash
            state.items[i].prev = prev
            state.items[i].next = next
            if let error = state.save(statePath) { return fail(error.reason) }
        }
        relink(&state, statePath: statePath, lock: lock, report: &report)
        state.validators = response.validators
        if let error = state.save(statePath) { return fail(error.reason) }
        return report
    }

    /// Rewrites the trailer of every written article whose PREV or NEXT no longer names its
    /// neighbour (a new item after the newest, a title changed), when the file is still as written.
    func relink(_ state: inout FeedState, statePath: String, lock: FolderLock, report: inout FeedReport) {
        let links = Self.links(state)
        for i in state.items.indices where !state.items[i].pending {
            let stored = state.items[i]
            let (prev, next) = links[i] ?? (nil, nil)
            guard stored.prev != prev || stored.next != next else { continue }
            let path = lock.folder + "/" + stored.file
            guard let bytes = AtomicFile.read(path), Self.isOurs(bytes, stored) else {
                report.notes.append(
                    "\(stored.file) is missing or was changed by hand; its PREV/NEXT are left as they are")
                state.items[i].prev = prev
                state.items[i].next = next
                continue
            }
            let updated =
                Array(bytes[..<stored.bodyLength]) + Array(MarkdownWriter.trailer(previous: prev, next: next).utf8)
            if let error = AtomicFile.write(updated, to: path) {
                report.notes.append(error.reason)
                continue
            }
            state.items[i].prev = prev
            state.items[i].next = next
            _ = state.save(statePath)
        }
    }

    /// Each item's PREV and NEXT titles, by its index, in chain order.
    static func links(_ state: FeedState) -> [Int: (String?, String?)] {
        let order = state.ordered
        var out: [Int: (String?, String?)] = [:]
        for (k, i) in order.enumerated() {
            out[i] = (
                k > 0 ? state.items[order[k - 1]].title : nil,
                k + 1 < order.count ? state.items[order[k + 1]].title : nil
            )
        }
        return out
    }

    /// Whether the file is still what was written: the body as written, then a trailer of ours.
    static func isOurs(_ path: String, _ stored: FeedState.StoredItem) -> Bool {
        AtomicFile.read(path).map { isOurs($0, stored) } ?? false
    }

    static func isOurs(_ bytes: [UInt8], _ stored: FeedState.StoredItem) -> Bool {
        guard stored.bodyLength > 0, bytes.count >= stored.bodyLength,
            String(FNV1a.hash(bytes[..<stored.bodyLength]), radix: 16) == stored.bodyHash
        else { return false }
        let rest = String(decoding: bytes[stored.bodyLength...], as: UTF8.self)
        if rest.isEmpty { return true }
        guard rest.hasPrefix("\n-\n\n") else { return false }
        return rest.dropFirst(4).split(separator: "\n").allSatisfy { $0.hasPrefix("PREV ") || $0.hasPrefix("NEXT ") }
    }

    /// A file `base.md` already in the folder that holds this very item (its state was lost).
    static func adoptable(_ base: String, key: String, in folder: String, taken: Set<String>) -> String? {
        let name = base + ".md"
        guard !taken.contains(name), let handle = FileHandle(forReadingAtPath: folder + "/" + name) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 8192)) ?? Data(), as: UTF8.self)
        return head.contains("\nid: " + MarkdownWriter.frontMatterValue(key) + "\n") ? name : nil
    }

    /// A title no other item of the feed has: "Title", else "Title (2)"…
    static func unique(_ title: String, _ titles: inout Set<TitleKey>) -> String {
        var candidate = title
        var n = 2
        while titles.contains(TitleKey(candidate)) {
            candidate = title + " (\(n))"
            n += 1
        }
        titles.insert(TitleKey(candidate))
        return candidate
    }

    /// What says an entry changed: its title, link, dates and text.
    static func fingerprint(_ item: FeedItem) -> String {
        var h = FNV1a()
        for part in [item.title, item.link, item.updatedText, item.dateText, item.content, item.summary] {
            for b in (part ?? "").utf8 { h.add(b) }
            h.add(0)
        }
        return String(h.value, radix: 16)
    }

    /// "2024-05-01", in UTC.
    static func day(_ t: Double) -> String { String(FeedDate.format(Date(timeIntervalSince1970: t)).prefix(10)) }

    /// The article for an item: its page read with the HTML reader, or the feed's own text when
    /// the page cannot be fetched or read, or gives less text.
    func compose(_ item: FeedItem, title: String, feedName: String?) -> (document: String, note: String?) {
        let fromFeed: Article? = item.body.flatMap { html in
            try? HTMLFormat().parse(Array(Self.page(html, title: title).utf8), source: item.link ?? "feed")
        }
        var fromPage: Article?
        var note: String?
        let host = item.link.flatMap { URL(string: $0)?.host?.lowercased() } ?? ""
        if item.link != nil, unreachable.withLock({ $0.contains(host) }) {
            note = "the page was not asked for (\(host) did not answer earlier in this fetch)"
        } else if let link = item.link {
            switch client.get(link, accept: Self.pageAccept) {
            case .success(let r):
                let type = r.contentType?.lowercased() ?? ""
                if type.isEmpty || type.contains("html") || type.contains("xml") {
                    do {
                        fromPage = try HTMLFormat().parse(r.body, source: r.url)
                    } catch {
                        note = "the page could not be read (\(error.description))"
                    }
                } else {
                    note = "the page is not HTML (\(type))"
                }
            case .failure(let error):
                note = "the page could not be fetched (\(error.reason))"
                if ["timed out", "cannot connect", "host not found"].contains(where: { error.reason.hasPrefix($0) }) {
                    unreachable.withLock { _ = $0.insert(host) }
                }
            }
        }
        let pageText = fromPage.map(Self.textLength) ?? 0
        let feedText = fromFeed.map(Self.textLength) ?? 0
        var chosen = fromPage
        if pageText == 0 || pageText < feedText {
            chosen = fromFeed
            if fromPage != nil && pageText > 0 {
                note = "the page gave less text than the feed; the feed's text is used"
            } else if fromPage != nil {
                note = "no article text found in the page" + (feedText > 0 ? "; the feed's text is used" : "")
            } else if note != nil && feedText > 0 {
                note! += "; the feed's text is used"
            }
        }
        var front: [(key: String, value: String)] = [("title", title)]
        if let author = item.author ?? chosen?.meta.author { front.append(("author", author)) }
        if let date = item.published.map(FeedDate.format) ?? item.dateText ?? chosen?.meta.date {
            front.append(("date", date))
        }
        if let url = item.link ?? chosen?.meta.url { front.append(("url", url)) }
        if let feedName { front.append(("feed", feedName)) }
        front.append(("id", item.key))
        return (MarkdownWriter.document(front: front, sections: chosen?.sections ?? []), note)
    }

    /// A feed's HTML text as a page the HTML reader takes whole.
    static func page(_ html: String, title: String) -> String {
        let t = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>\(t)</title></head><body><article><h1>\(t)</h1>\n"
            + html + "\n</article></body></html>"
    }

    /// How much text an article has: its headings and paragraphs, in characters.
    static func textLength(_ a: Article) -> Int {
        a.sections.reduce(0) { sum, s in
            sum + (s.heading?.unicodeScalars.count ?? 0) + s.paragraphs.reduce(0) { $0 + $1.unicodeScalars.count }
        }
    }
}
