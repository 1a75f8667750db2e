/// How a collection holds its entries (issue 21, the reader's memory): every string's UTF-8 bytes end to
/// end in one buffer, each entry a record of string numbers, and the PREV/NEXT resolutions as entry
/// numbers. At 200,000 articles the plain form (an `Entry` of 144 bytes, a heap string for each path and
/// each title, a `Link` of 40 bytes and a dictionary slot per article) was about 340 bytes an article
/// plus the allocator's own per-string overhead; this is about 140. The `Entry`, `Link` and
/// `Resolutions` values read are made on access, byte for byte the ones given.

/// Strings held as their UTF-8 bytes end to end in one buffer, each known by its number.
struct PackedStrings: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    /// Where string k ends in `bytes` (it starts where string k-1 ends).
    private(set) var ends: [UInt32] = []

    var count: Int { ends.count }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
        precondition(bytes.count + utf8.count <= Int(UInt32.max), "a collection's strings fit in 4 GB")
        if bytes.count + utf8.count > bytes.capacity {
            // Grown by a quarter, not doubled: while the buffer is copied the old one is alive too, and
            // at 200,000 articles that moment (3× the bytes when doubling) was the reader's peak.
            bytes.reserveCapacity(max(bytes.count + utf8.count, bytes.capacity + bytes.capacity / 4, 4096))
        }
        bytes.append(contentsOf: utf8)
        ends.append(UInt32(bytes.count))
        return Int32(ends.count - 1)
    }

    mutating func reserve(_ count: Int, bytes total: Int) {
        ends.reserveCapacity(count)
        if total > 0 { bytes.reserveCapacity(total) }
    }

    /// Gives back what growing left unused, when that is much (up to half of `ends`, grown by doubling;
    /// the bytes grow by a quarter, and a copy to save less would cost more at its moment than it saves).
    mutating func shrinkToFit() {
        bytes = PackedStrings.exact(bytes)
        ends = PackedStrings.exact(ends)
    }

    static func exact<T>(_ array: [T]) -> [T] {
        guard array.capacity > array.count + array.count / 4 else { return array }
        return [T](unsafeUninitializedCapacity: array.count) { out, count in
            _ = out.initialize(from: array)
            count = array.count
        }
    }

    func range(_ k: Int32) -> Range<Int> {
        let k = Int(k)
        return (k == 0 ? 0 : Int(ends[k - 1]))..<Int(ends[k])
    }

    func withBytes<R>(_ k: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = range(k)
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[r])) }
    }

    /// String k (the bytes were a Swift string's, so they are valid UTF-8 and come back the same).
    func string(_ k: Int32) -> String { withBytes(k) { String(decoding: $0, as: UTF8.self) } }

    /// String a followed by string b, in one allocation.
    func string(_ a: Int32, _ b: Int32) -> String {
        let ra = range(a), rb = range(b)
        return bytes.withUnsafeBufferPointer { all in
            String(unsafeUninitializedCapacity: ra.count + rb.count) { out in
                _ = out.initialize(from: all[ra])
                _ = UnsafeMutableBufferPointer(rebasing: out[ra.count...]).initialize(from: all[rb])
                return ra.count + rb.count
            }
        }
    }

    /// Whether string k is these bytes.
    func equals(_ k: Int32, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        withBytes(k) { $0.elementsEqual(utf8) }
    }
}

/// Gives equal byte strings one number while a collection is built: an open-addressing table of string
/// numbers (at most half full), compared by bytes (a title shown must stay the bytes its file gave, so
/// canonically equivalent texts are not merged). Dropped once the collection is built.
struct StringInterner {
    private var slots = [Int32](repeating: -1, count: 1024)
    private var used = 0

    static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        return hasher.finalize()
    }

    mutating func intern(_ text: String, into strings: inout PackedStrings) -> Int32 {
        var copy = text
        return copy.withUTF8 { intern($0, into: &strings) }
    }

    mutating func intern(_ utf8: UnsafeBufferPointer<UInt8>, into strings: inout PackedStrings) -> Int32 {
        if (used + 1) * 2 > slots.count { grow(strings) }
        let mask = slots.count - 1
        var s = StringInterner.hash(utf8) & mask
        while slots[s] >= 0 {
            if strings.equals(slots[s], utf8) { return slots[s] }
            s = (s + 1) & mask
        }
        let k = strings.append(utf8)
        slots[s] = k
        used += 1
        return k
    }

    private mutating func grow(_ strings: PackedStrings) {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        let mask = bigger.count - 1
        for k in slots where k >= 0 {
            var s = strings.withBytes(k) { StringInterner.hash($0) } & mask
            while bigger[s] >= 0 { s = (s + 1) & mask }
            bigger[s] = k
        }
        slots = bigger
    }
}

/// The entries of a collection, packed.
struct EntryStorage: Sendable, Equatable {
    /// One entry: string numbers into `strings`, -1 for none. The source is `directory` + `name`
    /// (the directory part, up to its last "/", shared by the files of a folder); `id` is -1 when the
    /// identity is the source itself (a canonical path named as it is, the common case).
    struct Record: Sendable, Equatable {
        var directory: Int32
        var name: Int32
        var id: Int32
        var folder: Int32
        var title: Int32
        var previous: Int32
        var next: Int32
        var url: Int32
        var previousURL: Int32
        var nextURL: Int32
    }

    var strings = PackedStrings()
    var records: [Record] = []

    var count: Int { records.count }

    func source(_ i: Int) -> String { strings.string(records[i].directory, records[i].name) }
    func title(_ i: Int) -> String { strings.string(records[i].title) }
    func folder(_ i: Int) -> String { strings.string(records[i].folder) }
    func optional(_ k: Int32) -> String? { k < 0 ? nil : strings.string(k) }

    func id(_ i: Int) -> ArticleID {
        let r = records[i]
        return ArticleID(key: r.id < 0 ? strings.string(r.directory, r.name) : strings.string(r.id))
    }

    func links(_ i: Int) -> ArticleLinks {
        let r = records[i]
        return ArticleLinks(
            title: strings.string(r.title), previousTitle: optional(r.previous), nextTitle: optional(r.next),
            url: optional(r.url), previousURL: optional(r.previousURL), nextURL: optional(r.nextURL))
    }

    func entry(_ i: Int) -> ArticleCollection.Entry {
        let source = self.source(i)
        let r = records[i]
        return ArticleCollection.Entry(
            source: source, links: links(i), id: ArticleID(key: r.id < 0 ? source : strings.string(r.id)),
            folder: strings.string(r.folder))
    }

    /// The PREV or NEXT title's string number, -1 for none.
    func linkTitle(_ i: Int, _ direction: LinkDirection) -> Int32 {
        direction == .previous ? records[i].previous : records[i].next
    }

    func linkURL(_ i: Int, _ direction: LinkDirection) -> Int32 {
        direction == .previous ? records[i].previousURL : records[i].nextURL
    }

    /// Whether entry i's identity is `id`, without making its string when the bytes decide (as
    /// `ArticleID`'s own `==`: texts equal only under canonical equivalence are compared as strings).
    func hasID(_ i: Int, _ id: ArticleID) -> Bool {
        let r = records[i]
        var key = id.key
        let same = key.withUTF8 { given -> Bool? in
            let equal =
                r.id >= 0
                ? strings.equals(r.id, given)
                : strings.withBytes(r.directory) { d in
                    strings.withBytes(r.name) { n in
                        given.count == d.count + n.count && given.prefix(d.count).elementsEqual(d)
                            && given.suffix(n.count).elementsEqual(n)
                    }
                }
            if equal { return true }
            return given.allSatisfy { $0 < 0x80 } ? false : nil
        }
        return same ?? (self.id(i) == id)
    }

    /// Appends entries one at a time (the loader's scan adds each slice as it is read, so the plain
    /// entries of the whole folder are never held at once).
    struct Builder {
        private var storage = EntryStorage()
        private var interner = StringInterner()

        init(capacity: Int = 0) {
            storage.records.reserveCapacity(capacity)
        }

        /// The entries appended, their buffers no bigger than they hold; the builder is left empty (so
        /// the grown buffers are freed as the exact ones are made, not held beside them).
        mutating func finished() -> EntryStorage {
            var done = EntryStorage()
            swap(&done, &storage)
            interner = StringInterner()
            done.strings.shrinkToFit()
            done.records = PackedStrings.exact(done.records)
            return done
        }

        private mutating func intern(_ text: String?) -> Int32 {
            guard let text else { return -1 }
            return interner.intern(text, into: &storage.strings)
        }

        mutating func append(_ entry: ArticleCollection.Entry) {
            var source = entry.source
            let (directory, name) = source.withUTF8 { b -> (Int32, Int32) in
                let cut = (b.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? 0
                let directory = interner.intern(UnsafeBufferPointer(rebasing: b[..<cut]), into: &storage.strings)
                return (directory, storage.strings.append(UnsafeBufferPointer(rebasing: b[cut...])))
            }
            var key = entry.id.key
            let id =
                key.utf8.elementsEqual(source.utf8) ? -1 : key.withUTF8 { storage.strings.append($0) }
            let links = entry.links
            storage.records.append(
                Record(
                    directory: directory, name: name, id: id, folder: intern(entry.folder), title: intern(links.title),
                    previous: intern(links.previousTitle), next: intern(links.nextTitle), url: intern(links.url),
                    previousURL: intern(links.previousURL), nextURL: intern(links.nextURL)))
        }
    }
}

extension ArticleCollection {
    /// The entries in path order, as `Entry` values made on access from the packed storage.
    public struct Entries: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
        let storage: EntryStorage

        init(_ storage: EntryStorage) { self.storage = storage }

        public init(arrayLiteral elements: Entry...) {
            var builder = EntryStorage.Builder(capacity: elements.count)
            for e in elements { builder.append(e) }
            storage = builder.finished()
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { storage.count }
        public subscript(i: Int) -> Entry { storage.entry(i) }

        // One field of an entry, without making the others (`self[i]` makes every string of it): for
        // loops over many entries, such as the list's filter and the search for the next unread.
        public func title(_ i: Int) -> String { storage.title(i) }
        public func id(_ i: Int) -> ArticleID { storage.id(i) }
        public func source(_ i: Int) -> String { storage.source(i) }
        public func folder(_ i: Int) -> String { storage.folder(i) }

        public static func == (a: Entries, b: Entries) -> Bool { a.elementsEqual(b) }
    }

    /// Every PREV and NEXT resolved, in entry order: `Resolutions` made on access.
    public struct ResolutionList: RandomAccessCollection, Sendable, Equatable {
        let storage: EntryStorage
        let links: [PackedResolutions]
        /// The candidates of the links that have more than their target: by `2 * entry` (PREV) or
        /// `2 * entry + 1` (NEXT).
        let ambiguous: [Int: [Int]]

        public var startIndex: Int { 0 }
        public var endIndex: Int { links.count }
        public subscript(i: Int) -> Resolutions {
            Resolutions(previous: link(i, .previous), next: link(i, .next))
        }

        func link(_ i: Int, _ direction: LinkDirection) -> Link? {
            let packed = direction == .previous ? links[i].previous : links[i].next
            guard packed.title >= 0 else { return nil }
            let target = packed.target < 0 ? nil : Int(packed.target)
            let candidates = ambiguous[2 * i + (direction == .next ? 1 : 0)] ?? target.map { [$0] } ?? []
            return Link(title: storage.strings.string(packed.title), target: target, candidates: candidates)
        }

        func target(_ i: Int, _ direction: LinkDirection) -> Int? {
            let packed = direction == .previous ? links[i].previous : links[i].next
            return packed.title < 0 || packed.target < 0 ? nil : Int(packed.target)
        }

        public static func == (a: ResolutionList, b: ResolutionList) -> Bool { a.elementsEqual(b) }
    }
}

/// One PREV or NEXT, resolved: the title's string number (-1: no such line) and the target (-1: none).
struct PackedLink: Sendable, Equatable {
    var title: Int32
    var target: Int32
    static let none = PackedLink(title: -1, target: -1)
}

struct PackedResolutions: Sendable, Equatable {
    var previous: PackedLink
    var next: PackedLink
}

/// Paths held packed (their bytes end to end in one buffer) where a list of every file of an archive
/// is kept for a while: the reader's pass hands the search index 200,000 paths, which as strings were
/// a heap block each (96 bytes for a 50-byte path) held beside the collection through the index's
/// update. A path read is made on access.
public struct PathList: RandomAccessCollection, Sendable, Equatable {
    private var strings = PackedStrings()

    public init() {}

    public init<S: Sequence>(_ paths: S) where S.Element == String {
        append(contentsOf: paths)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { strings.count }
    public subscript(i: Int) -> String { strings.string(Int32(i)) }

    public mutating func append(_ path: String) {
        var path = path
        _ = path.withUTF8 { strings.append($0) }
    }

    public mutating func append<S: Sequence>(contentsOf paths: S) where S.Element == String {
        for path in paths { append(path) }
    }

    /// Room for `count` paths in all, and `bytes` of them when known (else they grow as they come).
    public mutating func reserveCapacity(_ count: Int, bytes: Int = 0) {
        strings.reserve(count, bytes: bytes)
    }

    /// Whether path i is `path`, byte for byte, without making its string.
    public func isPath(_ i: Int, _ path: String) -> Bool {
        var path = path
        return path.withUTF8 { strings.equals(Int32(i), $0) }
    }
}

extension PathList {
    /// The bytes of every path.
    public var byteCount: Int { strings.bytes.count }
}
