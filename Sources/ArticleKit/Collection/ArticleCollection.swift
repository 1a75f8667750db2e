/// A folder of articles and its subfolders (or a built-in set): one entry per article file in path
/// order, the files that could not be served, a title index, and the PREV/NEXT
/// links resolved to entries. An entry's index holds only within one collection;
/// across collections an article is known by its `ArticleID`.
public struct ArticleCollection: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The file's path as it was named, or a built-in name: what is read and shown.
        public var source: String
        public var links: ArticleLinks
        public var id: ArticleID
        /// The folder the file is in, relative to the folder named ("2026/01"); "" for a file directly in
        /// it, a file named alone and a built-in text. The article list shows it in a nested archive.
        public var folder: String
        /// `id` defaults to the source taken as a key (names that are not paths).
        public init(source: String, links: ArticleLinks, id: ArticleID? = nil, folder: String = "") {
            self.source = source
            self.links = links
            self.id = id ?? ArticleID(key: source)
            self.folder = folder
        }
    }

    public let entries: [Entry]
    /// Files that were listed but could not be served, with the reason.
    public let failures: [ArticleError]
    /// Every PREV and NEXT resolved once, in entry order.
    public let resolutions: [Resolutions]
    let titleIndex: TitleIndex
    /// Where each article is in `entries`; the first entry wins if two share an identity.
    let indexByID: [ArticleID: Int]
    /// The titles folded for the article list's filter: at its first use, then kept with the collection
    /// (a reader that never filters pays neither the time nor the memory, about 70 bytes a title).
    public var titleFilterKeys: TitleFilterKeys { filterKeys.keys(for: entries) }
    private let filterKeys = TitleFilterKeys.Once()

    public init(entries: [Entry], failures: [ArticleError] = []) {
        self.entries = entries
        self.failures = failures
        let index = TitleIndex(entries)
        titleIndex = index
        var byID: [ArticleID: Int] = [:]
        byID.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() where byID[entry.id] == nil { byID[entry.id] = i }
        indexByID = byID
        var urls: [PageAddress: [Int]] = [:]
        for (i, e) in entries.enumerated() {
            if let url = e.links.url.flatMap(PageAddress.init) { urls[url, default: []].append(i) }
        }
        resolutions = LinkResolver(entries: entries, index: index, urls: urls).resolveAll()
    }

    /// Makes each PREV/NEXT title that is byte for byte some entry's title hold that title's string
    /// instead of a copy of its own. In a folder of chains nearly every link names another article,
    /// so this keeps one string per title where there were three (the same text, so nothing shown or
    /// compared changes). In place: the caller's array, held by it alone, is not copied.
    public static func shareTitles(_ entries: inout [Entry]) {
        var titles: [ExactText: String] = [:]
        titles.reserveCapacity(entries.count)
        for entry in entries where titles[ExactText(entry.links.title)] == nil {
            titles[ExactText(entry.links.title)] = entry.links.title
        }
        func shared(_ title: String?) -> String? { title.map { titles[ExactText($0)] ?? $0 } }
        for i in entries.indices {
            entries[i].links.previousTitle = shared(entries[i].links.previousTitle)
            entries[i].links.nextTitle = shared(entries[i].links.nextTitle)
        }
    }

    /// The entries whose title is `title` (by `TitleKey`), in file order.
    public func entries(titled title: String) -> [Int] {
        titleIndex.entries(TitleKey(title), in: entries)
    }

    /// Where an article is in this collection, in constant time; nil when it is not in it.
    public func index(of id: ArticleID) -> Int? {
        indexByID[id]
    }

    public func contains(_ id: ArticleID) -> Bool { indexByID[id] != nil }

    public func link(_ entry: Int, _ direction: LinkDirection) -> Link? {
        direction == .previous ? resolutions[entry].previous : resolutions[entry].next
    }

    /// Titles shared by more than one entry.
    public var duplicateTitles: [(title: String, entries: [Int])] {
        titleIndex.lists.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }.map { (entries[$0[0]].links.title, $0) }
    }
}

/// The entries by title (`TitleKey`), each title held as its key's hash: 8 bytes a title where the
/// folded key's own string was ~96 (19 MB at 200,000 articles, live for the collection's life). A key is
/// compared for real with its bucket's first entry's key, recomputed from that entry's title; a key whose
/// hash another key's bucket holds (a collision) gets its list in `others`, so no lookup mixes two titles.
struct TitleIndex: Sendable {
    private var buckets: [Int: [Int]] = [:]
    private var others: [TitleKey: [Int]] = [:]
    /// The key's hash; a test passes one that collides.
    private let hash: @Sendable (TitleKey) -> Int

    init(_ entries: [ArticleCollection.Entry], hash: @escaping @Sendable (TitleKey) -> Int = { $0.hashValue }) {
        self.hash = hash
        let hashes = ParallelMap.map(entries) { hash(TitleKey($0.links.title)) }
        buckets.reserveCapacity(entries.count)
        for (i, hash) in hashes.enumerated() {
            guard let first = buckets[hash]?.first else {
                buckets[hash] = [i]
                continue
            }
            let key = TitleKey(entries[i].links.title)
            if TitleKey(entries[first].links.title) == key {
                buckets[hash, default: []].append(i)
            } else {
                others[key, default: []].append(i)
            }
        }
    }

    /// The entries whose title has this key, in file order.
    func entries(_ key: TitleKey, in entries: [ArticleCollection.Entry]) -> [Int] {
        if let bucket = buckets[hash(key)], let first = bucket.first,
            TitleKey(entries[first].links.title) == key
        {
            return bucket
        }
        return others.isEmpty ? [] : others[key] ?? []
    }

    /// Every title's list of entries, in no order.
    var lists: [[Int]] { Array(buckets.values) + Array(others.values) }
}

/// A string compared and hashed by its UTF-8 bytes: Swift's own `==` takes canonically equivalent
/// texts as equal, and a title shown must stay the bytes its file gave.
struct ExactText: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: ExactText, b: ExactText) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
    func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
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

/// Resolves links: a web page's link by its address first (to the one page whose canonical address it
/// is), then by title. When several entries share a title, the one whose own link points back wins,
/// then the nearest in file order.
struct LinkResolver {
    let entries: [ArticleCollection.Entry]
    let index: TitleIndex
    var urls: [PageAddress: [Int]] = [:]

    func resolveAll() -> [Resolutions] {
        ParallelMap.map(Array(entries.indices)) { i in
            Resolutions(previous: resolve(i, .previous), next: resolve(i, .next))
        }
    }

    func resolve(_ from: Int, _ direction: LinkDirection) -> Link? {
        let links = entries[from].links
        if let url = links.url(direction).flatMap(PageAddress.init), let found = urls[url],
            let target = found.first(where: { $0 != from })
        {
            return Link(title: entries[target].links.title, target: target, candidates: [target])
        }
        // A link by address to a page outside the collection is shown by its title, else its address.
        guard let title = links.title(direction) ?? links.url(direction) else { return nil }
        let candidates = index.entries(TitleKey(title), in: entries)
        guard candidates.count > 1 else { return Link(title: title, target: candidates.first, candidates: candidates) }
        let back: LinkDirection = direction == .next ? .previous : .next
        let fromKey = TitleKey(entries[from].links.title)
        let pointingBack = candidates.filter { c in
            entries[c].links.title(back).map { TitleKey($0) == fromKey } ?? false
        }
        let pool = pointingBack.isEmpty ? candidates : pointingBack
        // Never link an article to itself when another candidate exists.
        let others = pool.filter { $0 != from }
        let target = (others.isEmpty ? pool : others).min { abs($0 - from) < abs($1 - from) }
        return Link(title: title, target: target, candidates: candidates)
    }
}
