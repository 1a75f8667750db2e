/// A folder of articles (or a built-in set): one entry per article file in name
/// order, the files that could not be served, a title index, and the PREV/NEXT
/// links resolved to entries.
public struct ArticleCollection: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The file's path, or a built-in name.
        public var source: String
        public var links: ArticleLinks
        public init(source: String, links: ArticleLinks) {
            self.source = source
            self.links = links
        }
    }

    public let entries: [Entry]
    /// Files that were listed but could not be served, with the reason.
    public let failures: [ArticleError]
    /// Every PREV and NEXT resolved once, in entry order.
    public let resolutions: [Resolutions]
    let titleIndex: [TitleKey: [Int]]

    public init(entries: [Entry], failures: [ArticleError] = []) {
        self.entries = entries
        self.failures = failures
        var index: [TitleKey: [Int]] = [:]
        index.reserveCapacity(entries.count)
        let keys = ParallelMap.map(entries) { TitleKey($0.links.title) }
        for (i, key) in keys.enumerated() { index[key, default: []].append(i) }
        titleIndex = index
        resolutions = LinkResolver(entries: entries, keys: keys, index: index).resolveAll()
    }

    /// The entries whose title is `title` (by `TitleKey`), in file order.
    public func entries(titled title: String) -> [Int] {
        titleIndex[TitleKey(title)] ?? []
    }

    public func index(ofSource source: String) -> Int? {
        entries.firstIndex { $0.source == source }
    }

    public func link(_ entry: Int, _ direction: LinkDirection) -> Link? {
        direction == .previous ? resolutions[entry].previous : resolutions[entry].next
    }

    /// Titles shared by more than one entry.
    public var duplicateTitles: [(title: String, entries: [Int])] {
        titleIndex.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }.map { (entries[$0[0]].links.title, $0) }
    }
}

/// Where one PREV or NEXT line leads.
public struct Link: Sendable, Equatable {
    /// The title as the line gives it.
    public var title: String
    /// The entry it resolves to; nil when no article in the collection has that title.
    public var target: Int?
    /// Every entry with that title, when there is more than one.
    public var candidates: [Int]

    public var isDangling: Bool { target == nil }
    public var isAmbiguous: Bool { candidates.count > 1 }
}

public struct Resolutions: Sendable, Equatable {
    public var previous: Link?
    public var next: Link?
}

/// Resolves links by title. When several entries share a title, the one whose own
/// link points back wins, then the nearest in file order.
struct LinkResolver {
    let entries: [ArticleCollection.Entry]
    let keys: [TitleKey]
    let index: [TitleKey: [Int]]

    func resolveAll() -> [Resolutions] {
        ParallelMap.map(Array(entries.indices)) { i in
            Resolutions(previous: resolve(i, .previous), next: resolve(i, .next))
        }
    }

    func resolve(_ from: Int, _ direction: LinkDirection) -> Link? {
        guard let title = entries[from].links.title(direction) else { return nil }
        let candidates = index[TitleKey(title)] ?? []
        guard candidates.count > 1 else { return Link(title: title, target: candidates.first, candidates: candidates) }
        let back: LinkDirection = direction == .next ? .previous : .next
        let pointingBack = candidates.filter { c in
            entries[c].links.title(back).map { TitleKey($0) == keys[from] } ?? false
        }
        let pool = pointingBack.isEmpty ? candidates : pointingBack
        // Never link an article to itself when another candidate exists.
        let others = pool.filter { $0 != from }
        let target = (others.isEmpty ? pool : others).min { abs($0 - from) < abs($1 - from) }
        return Link(title: title, target: target, candidates: candidates)
    }
}
