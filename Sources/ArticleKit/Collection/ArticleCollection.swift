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

    /// The entries in path order (made on access from the packed storage: `PackedEntries.swift`).
    public let entries: Entries
    /// Files that were listed but could not be served, with the reason.
    public let failures: [ArticleError]
    /// Every PREV and NEXT resolved once, in entry order.
    public let resolutions: ResolutionList
    let titleIndex: TitleIndex
    /// Where each article is in `entries`; the first entry wins if two share an identity.
    let indexByID: EntryTable
    /// The titles folded for the article list's filter: at its first use, then kept with the collection
    /// (a reader that never filters pays neither the time nor the memory, about 70 bytes a title).
    public var titleFilterKeys: TitleFilterKeys { filterKeys.keys(for: entries.storage) }
    private let filterKeys = TitleFilterKeys.Once()

    public init(entries: [Entry], failures: [ArticleError] = []) {
        var builder = EntryStorage.Builder(capacity: entries.count)
        for entry in entries { builder.append(entry) }
        self.init(storage: builder.finished(), failures: failures)
    }

    init(storage: EntryStorage, failures: [ArticleError]) {
        entries = Entries(storage)
        self.failures = failures
        let index = TitleIndex(storage)
        titleIndex = index
        indexByID = EntryTable(storage)
        var urls: [PageAddress: [Int]] = [:]
        for (i, r) in storage.records.enumerated() where r.url >= 0 {
            if let url = PageAddress(storage.strings.string(r.url)) { urls[url, default: []].append(i) }
        }
        resolutions = LinkResolver(storage: storage, index: index, urls: urls).resolveAll()
    }

    /// Makes each PREV/NEXT title that is byte for byte some entry's title hold that title's string
    /// instead of a copy of its own. In a folder of chains nearly every link names another article,
    /// so this keeps one string per title where there were three (the same text, so nothing shown or
    /// compared changes). In place: the caller's array, held by it alone, is not copied. For a caller
    /// that holds plain entries itself; a collection shares its strings anyway (`EntryStorage.Builder`
    /// keeps each distinct string once).
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
        titleIndex.entries(TitleKey(title), in: entries.storage)
    }

    /// Where an article is in this collection, in constant time; nil when it is not in it.
    public func index(of id: ArticleID) -> Int? {
        indexByID.index(of: id, in: entries.storage)
    }

    public func contains(_ id: ArticleID) -> Bool { index(of: id) != nil }

    public func link(_ entry: Int, _ direction: LinkDirection) -> Link? {
        resolutions.link(entry, direction)
    }

    /// The entry a PREV or NEXT resolves to, without making its `Link` (the chains ask this of every
    /// entry).
    public func target(_ entry: Int, _ direction: LinkDirection) -> Int? {
        resolutions.target(entry, direction)
    }

    /// Titles shared by more than one entry.
    public var duplicateTitles: [(title: String, entries: [Int])] {
        titleIndex.lists.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }.map {
            (entries.storage.title($0[0]), $0)
        }
    }
}

/// The entries by title (`TitleKey`), without a list or a key string per title: an open-addressing
/// table of each title's first entry, and per entry the next one with the same title (file order) and
/// its title key's hash. About 22 bytes an article where a dictionary of arrays took about 70 (an
/// array's allocation per title). A slot is taken only after the real keys are compared (the key of a
/// slot's entry recomputed from its title), so two titles whose hashes collide never share a list.
struct TitleIndex: Sendable {
    /// Power-of-two table, at most half full: a title's first entry, or -1.
    private var slots: [Int32]
    /// Per entry: the next entry with the same title, or -1.
    private var following: [Int32]
    /// Per entry: its title key's hash.
    private var hashes: [Int]
    /// The key's hash; a test passes one that collides.
    private let hash: @Sendable (TitleKey) -> Int

    init(_ storage: EntryStorage, hash: @escaping @Sendable (TitleKey) -> Int = { $0.hashValue }) {
        self.init(count: storage.count, title: { storage.title($0) }, hash: hash)
    }

    init(_ entries: [ArticleCollection.Entry], hash: @escaping @Sendable (TitleKey) -> Int = { $0.hashValue }) {
        self.init(count: entries.count, title: { entries[$0].links.title }, hash: hash)
    }

    /// `title`: entry i's title.
    init(count: Int, title: @Sendable (Int) -> String, hash: @escaping @Sendable (TitleKey) -> Int) {
        self.hash = hash
        hashes = ParallelMap.map(Array(0..<count)) { hash(TitleKey(title($0))) }
        slots = [Int32](repeating: -1, count: EntryTable.capacity(for: count))
        following = [Int32](repeating: -1, count: count)
        let mask = slots.count - 1
        // Backwards, each entry put at the head of its title's list: the lists come out in file order.
        for i in (0..<count).reversed() {
            let h = hashes[i]
            var s = h & mask
            var key: TitleKey?
            while slots[s] >= 0 {
                let head = Int(slots[s])
                if hashes[head] == h {
                    let mine = key ?? TitleKey(title(i))
                    key = mine
                    if TitleKey(title(head)) == mine { break }
                }
                s = (s + 1) & mask
            }
            following[i] = slots[s]
            slots[s] = Int32(i)
        }
    }

    /// The entries whose title has this key, in file order.
    func entries(_ key: TitleKey, in entries: [ArticleCollection.Entry]) -> [Int] {
        self.entries(key) { entries[$0].links.title }
    }

    func entries(_ key: TitleKey, in storage: EntryStorage) -> [Int] {
        entries(key) { storage.title($0) }
    }

    func entries(_ key: TitleKey, title: (Int) -> String) -> [Int] {
        guard !slots.isEmpty else { return [] }
        let h = hash(key), mask = slots.count - 1
        var s = h & mask
        while slots[s] >= 0 {
            let head = Int(slots[s])
            if hashes[head] == h, TitleKey(title(head)) == key { return list(from: head) }
            s = (s + 1) & mask
        }
        return []
    }

    /// Per entry: the first entry of its title's list (the list is `list(from:)` that entry).
    func heads() -> [Int32] {
        var out = [Int32](repeating: -1, count: following.count)
        for head in slots where head >= 0 {
            var i = head
            while i >= 0 {
                out[Int(i)] = head
                i = following[Int(i)]
            }
        }
        return out
    }

    /// The entries of one title's list, from its first entry, in file order.
    func list(from head: Int) -> [Int] {
        var out: [Int] = []
        var i = Int32(head)
        while i >= 0 {
            out.append(Int(i))
            i = following[Int(i)]
        }
        return out
    }

    /// Every title's list of entries, in no order.
    var lists: [[Int]] { slots.filter { $0 >= 0 }.map { list(from: Int($0)) } }
}

/// Where each identity is in `entries`: an open-addressing table of entry numbers (4 bytes a slot, at
/// most half full) where a dictionary of `ArticleID` keys took about 40 bytes an article; a slot is
/// compared by the entry's own identity, so nothing but the numbers is kept. The first entry wins
/// when two share an identity.
struct EntryTable: Sendable {
    private var slots: [Int32]

    /// The smallest power of two at least twice `count` (at least 2).
    static func capacity(for count: Int) -> Int {
        var size = 2
        while size < count * 2 { size *= 2 }
        return size
    }

    init(_ storage: EntryStorage) {
        precondition(storage.count < Int(Int32.max), "a collection holds fewer than 2^31 entries")
        slots = [Int32](repeating: -1, count: EntryTable.capacity(for: storage.count))
        let mask = slots.count - 1
        let hashes = ParallelMap.map(Array(0..<storage.count)) { storage.id($0).hashValue }
        for i in 0..<storage.count {
            let id = storage.id(i)
            var s = hashes[i] & mask
            while slots[s] >= 0, !storage.hasID(Int(slots[s]), id) { s = (s + 1) & mask }
            if slots[s] < 0 { slots[s] = Int32(i) }
        }
    }

    func index(of id: ArticleID, in storage: EntryStorage) -> Int? {
        let mask = slots.count - 1
        var s = id.hashValue & mask
        while slots[s] >= 0 {
            let i = Int(slots[s])
            if storage.hasID(i, id) { return i }
            s = (s + 1) & mask
        }
        return nil
    }
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

/// Where one PREV or NEXT line leads. Held compactly (one per PREV and NEXT of every article): the
/// target as 4 bytes, and the candidates only when they are more than the target itself (the common
/// case, a title one article has, allocates no array).
public struct Link: Sendable, Equatable {
    /// The title as the line gives it.
    public var title: String
    /// -1 for none.
    private var packedTarget: Int32
    /// The candidates when they are not `target.map { [$0] } ?? []`; nil when they are.
    private var otherCandidates: [Int]?

    public init(title: String, target: Int?, candidates: [Int]) {
        self.title = title
        packedTarget = Link.pack(target)
        otherCandidates = nil
        self.candidates = candidates
    }

    private static func pack(_ target: Int?) -> Int32 {
        guard let target else { return -1 }
        precondition(target >= 0 && target < Int(Int32.max), "an entry number fits in 31 bits")
        return Int32(target)
    }

    /// The entry it resolves to; nil when no article in the collection has that title.
    public var target: Int? {
        get { packedTarget < 0 ? nil : Int(packedTarget) }
        set {
            let all = candidates
            packedTarget = Link.pack(newValue)
            candidates = all
        }
    }

    /// Every entry with that title, when there is more than one.
    public var candidates: [Int] {
        get { otherCandidates ?? (packedTarget < 0 ? [] : [Int(packedTarget)]) }
        set {
            let implied = packedTarget < 0 ? [] : [Int(packedTarget)]
            otherCandidates = newValue == implied ? nil : newValue
        }
    }

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
    let storage: EntryStorage
    let index: TitleIndex
    var urls: [PageAddress: [Int]] = [:]
    /// Per string number: an entry whose title is that very string, or -1. Titles and link titles are
    /// interned together, so a link naming an entry's title byte for byte (nearly every link of a
    /// chain) finds its candidates through `heads` without folding a title key.
    private let titledBy: [Int32]
    /// Per entry: the first entry of its title's list (`TitleIndex.heads`).
    private let heads: [Int32]

    init(storage: EntryStorage, index: TitleIndex, urls: [PageAddress: [Int]]) {
        self.storage = storage
        self.index = index
        self.urls = urls
        var titledBy = [Int32](repeating: -1, count: storage.strings.count)
        for (i, r) in storage.records.enumerated() where r.title >= 0 && titledBy[Int(r.title)] < 0 {
            titledBy[Int(r.title)] = Int32(i)
        }
        self.titledBy = titledBy
        heads = index.heads()
    }

    /// The entries whose title has the key of string `k`, in file order.
    private func candidates(titled k: Int32) -> [Int] {
        let e = titledBy[Int(k)]
        if e >= 0 { return index.list(from: Int(heads[Int(e)])) }
        return index.entries(TitleKey(storage.strings.string(k)), in: storage)
    }

    /// Whether string `k` has the title key of entry `entry`'s title.
    private func string(_ k: Int32, isTitleOf entry: Int) -> Bool {
        let e = titledBy[Int(k)]
        if e >= 0 { return heads[Int(e)] == heads[entry] }
        return TitleKey(storage.strings.string(k)) == TitleKey(storage.title(entry))
    }

    /// One entry's two links, and their candidates when they are more than the target.
    private struct Resolved: Sendable {
        var links: PackedResolutions
        var previousCandidates: [Int]?
        var nextCandidates: [Int]?
    }

    func resolveAll() -> ArticleCollection.ResolutionList {
        let resolved = ParallelMap.map(Array(0..<storage.count)) { i in
            let previous = resolve(i, .previous), next = resolve(i, .next)
            return Resolved(
                links: PackedResolutions(previous: previous.link, next: next.link),
                previousCandidates: previous.candidates, nextCandidates: next.candidates)
        }
        var ambiguous: [Int: [Int]] = [:]
        for (i, r) in resolved.enumerated() {
            if let c = r.previousCandidates { ambiguous[2 * i] = c }
            if let c = r.nextCandidates { ambiguous[2 * i + 1] = c }
        }
        return ArticleCollection.ResolutionList(storage: storage, links: resolved.map(\.links), ambiguous: ambiguous)
    }

    /// The link (`PackedLink.none` when there is no such line), and its candidates when they are not
    /// just its target.
    private func resolve(_ from: Int, _ direction: LinkDirection) -> (link: PackedLink, candidates: [Int]?) {
        let urlNumber = storage.linkURL(from, direction)
        if urlNumber >= 0, let url = PageAddress(storage.strings.string(urlNumber)), let found = urls[url],
            let target = found.first(where: { $0 != from })
        {
            return (PackedLink(title: storage.records[target].title, target: Int32(target)), nil)
        }
        // A link by address to a page outside the collection is shown by its title, else its address.
        let titleNumber = storage.linkTitle(from, direction) >= 0 ? storage.linkTitle(from, direction) : urlNumber
        guard titleNumber >= 0 else { return (.none, nil) }
        let candidates = candidates(titled: titleNumber)
        guard candidates.count > 1 else {
            return (PackedLink(title: titleNumber, target: candidates.first.map(Int32.init) ?? -1), nil)
        }
        let back: LinkDirection = direction == .next ? .previous : .next
        let pointingBack = candidates.filter { c in
            let theirs = storage.linkTitle(c, back)
            return theirs >= 0 && string(theirs, isTitleOf: from)
        }
        let pool = pointingBack.isEmpty ? candidates : pointingBack
        // Never link an article to itself when another candidate exists.
        let others = pool.filter { $0 != from }
        let target = (others.isEmpty ? pool : others).min { abs($0 - from) < abs($1 - from) }
        return (PackedLink(title: titleNumber, target: target.map(Int32.init) ?? -1), candidates)
    }
}
