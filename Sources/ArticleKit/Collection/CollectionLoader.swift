import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where article bytes come from: files on disk or texts built into the program.
public protocol ArticleStore: Sendable {
    func bytes(of source: String) throws(ArticleError) -> [UInt8]
    func edges(of source: String) throws(ArticleError) -> (head: [UInt8], tail: [UInt8]?)
    /// At most `count` bytes from the start, and whether that is all there is.
    func prefix(of source: String, count: Int) throws(ArticleError) -> (bytes: [UInt8], isWhole: Bool)
    /// The bytes front to back in chunks, for articles too big to hold whole.
    func stream(_ source: String, _ body: (UnsafeBufferPointer<UInt8>) throws(ArticleError) -> Void)
        throws(ArticleError)
    /// What the article at `source` is known by, whatever the spelling of its name.
    func identity(of source: String) -> ArticleID
}

extension ArticleStore {
    /// Names that are not paths are their own identity.
    public func identity(of source: String) -> ArticleID { ArticleID(key: source) }
}

public struct FileStore: ArticleStore {
    public var reader: FileReader
    /// The working directory when the store was made: relative paths are resolved
    /// against it, once, rather than asking the system for every file.
    public let directory: String
    public init(reader: FileReader = FileReader()) {
        self.reader = reader
        directory = FileManager.default.currentDirectoryPath
    }
    public func identity(of source: String) -> ArticleID { ArticleID.file(source, in: directory) }
    public func bytes(of source: String) throws(ArticleError) -> [UInt8] { try reader.read(source) }
    public func edges(of source: String) throws(ArticleError) -> (head: [UInt8], tail: [UInt8]?) {
        try reader.edges(source)
    }
    public func stream(_ source: String, _ body: (UnsafeBufferPointer<UInt8>) throws(ArticleError) -> Void)
        throws(ArticleError)
    {
        try reader.stream(source, body)
    }
    public func prefix(of source: String, count: Int) throws(ArticleError) -> (bytes: [UInt8], isWhole: Bool) {
        try reader.prefix(source, count: count)
    }
}

/// Texts held in memory, by name.
public struct MemoryStore: ArticleStore {
    public let texts: [String: [UInt8]]
    public init(_ texts: [(name: String, text: String)]) {
        self.texts = Dictionary(texts.map { ($0.name, Array($0.text.utf8)) }, uniquingKeysWith: { a, _ in a })
    }
    public func bytes(of source: String) throws(ArticleError) -> [UInt8] {
        guard let b = texts[source] else { throw .notFound(path: source) }
        return b
    }
    public func edges(of source: String) throws(ArticleError) -> (head: [UInt8], tail: [UInt8]?) {
        (try bytes(of: source), nil)
    }
    public func prefix(of source: String, count: Int) throws(ArticleError) -> (bytes: [UInt8], isWhole: Bool) {
        let b = try bytes(of: source)
        return (Array(b.prefix(count)), b.count <= count)
    }
    public func stream(_ source: String, _ body: (UnsafeBufferPointer<UInt8>) throws(ArticleError) -> Void)
        throws(ArticleError)
    {
        let b = try bytes(of: source)
        try b.withUnsafeBufferPointer { (p) throws(ArticleError) in try body(p) }
    }
}

/// Lists a folder and scans every article's title and links, on all cores.
public struct CollectionLoader: Sendable {
    public var store: any ArticleStore
    /// File name extensions of articles in a folder, without the dot, separated by commas
    /// ("txt,html,md"); empty takes every file.
    public var fileExtension: String
    /// Where pages read whole during a scan are kept for the command that reads them next; nil keeps none.
    public var parsed: ParsedArticles? = nil

    public init(store: any ArticleStore = FileStore(), fileExtension: String = FormatChooser.defaultExtensions) {
        self.store = store
        self.fileExtension = fileExtension
    }

    /// The article files of a folder, sorted by name. Hidden files are skipped.
    public func list(folder: String) throws(ArticleError) -> [String] {
        guard let dir = opendir(FileName.encode(folder.isEmpty ? "." : folder)) else {
            if errno == ENOENT { throw .notFound(path: folder) }
            throw .notReadable(path: folder, reason: "the folder cannot be listed")
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        let ext = extensionList
        while let entry = readdir(dir) {
            let name: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Array(bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)])
            }
            if isArticleName(name, ext) { names.append(name) }
        }
        // By the bytes of the name, the order `ls` shows in the C locale.
        names.sort { $0.lexicographicallyPrecedes($1) }
        let base = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        return names.map { base + FileName.decode($0) }
    }

    /// ".txt", ".html"… in lower case, as names are compared to them; empty when every file is wanted.
    var extensionList: [[UInt8]] {
        fileExtension.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty }.map { Array(("." + $0).utf8) }
    }

    /// Whether a path has one of the article extensions (any case), or any name when every file is wanted.
    public func isArticlePath(_ path: String) -> Bool {
        let name = Array((path.split(separator: "/").last ?? "").utf8)
        return isArticleName(name, extensionList)
    }

    /// Not hidden, and with an article extension (any case) unless every file is wanted.
    /// `exts`: `extensionList`, made once for a whole listing (100,000 names are checked on a first open).
    func isArticleName<C: Collection>(_ name: C, _ exts: [[UInt8]]) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard let first = name.first, first != UInt8(ascii: ".") else { return false }
        if exts.isEmpty { return true }
        for ext in exts where hasSuffix(name, ext) { return true }
        return false
    }

    private func hasSuffix<C: Collection>(_ name: C, _ ext: [UInt8]) -> Bool where C.Element == UInt8, C.Index == Int {
        guard name.count > ext.count else { return false }
        let start = name.endIndex - ext.count
        for k in 0..<ext.count {
            let c = name[start + k]
            if (c >= 0x41 && c <= 0x5A ? c + 0x20 : c) != ext[k] { return false }
        }
        return true
    }

    /// The first article file of a folder by name, found in one pass without
    /// sorting or keeping the listing: what the reader needs to show its first screen
    /// while the whole folder is indexed in the background.
    public func firstArticle(inFolder folder: String) -> String? {
        guard let dir = opendir(FileName.encode(folder.isEmpty ? "." : folder)) else { return nil }
        defer { closedir(dir) }
        var best: [UInt8]? = nil
        let ext = extensionList
        while let entry = readdir(dir) {
            // Compare the name in place; copy it only when it is the new first.
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let name = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)])
                guard isArticleName(name, ext) else { return }
                if best.map({ name.lexicographicallyPrecedes($0) }) ?? true { best = Array(name) }
            }
        }
        guard let best else { return nil }
        let base = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        return base + FileName.decode(best)
    }

    /// Scans the title and links of each source. Sources that fail become failures.
    public func collection(of sources: [String]) -> ArticleCollection {
        let results = ParallelMap.map(sources) { source -> Result<(ArticleLinks, ArticleID), ArticleError> in
            do throws(ArticleError) {
                let edges = try store.edges(of: source)
                let links: ArticleLinks
                switch FormatChooser.format(source: source, head: edges.head) {
                case .text: links = try ArticleParser.links(head: edges.head, tail: edges.tail, source: source)
                // A page's title and links can be anywhere in it (and a page's title is decided with its
                // body): it is read whole.
                case let other:
                    let bytes = edges.tail == nil ? edges.head : try store.bytes(of: source)
                    let article = try ArticleParser.format(other).parse(bytes, source: source)
                    links = article.links
                    parsed?.keep(article, source: source, bytes: bytes.count)
                }
                return .success((links, store.identity(of: source)))
            } catch {
                return .failure(error)
            }
        }
        var entries: [ArticleCollection.Entry] = []
        var failures: [ArticleError] = []
        entries.reserveCapacity(sources.count)
        for (source, result) in zip(sources, results) {
            switch result {
            case .success(let (links, id)): entries.append(.init(source: source, links: links, id: id))
            case .failure(let error): failures.append(error)
            }
        }
        return ArticleCollection(entries: entries, failures: failures)
    }

    /// A folder's collection. Throws only when the folder itself is unusable.
    public func collection(ofFolder folder: String) throws(ArticleError) -> ArticleCollection {
        let sources = try list(folder: folder)
        if sources.isEmpty { throw .noArticles(path: folder) }
        return collection(of: sources)
    }
}

/// A map over an array on all cores, keeping order.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let count = items.count
        guard count > 64 else { return items.map(transform) }
        let box = ResultBox<R>(count: count)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(16, count / (workers * 8))
        let chunks = (count + chunk - 1) / chunk
        items.withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let lo = c * chunk, hi = min(count, lo + chunk)
                for i in lo..<hi { box.set(i, transform(input[i])) }
            }
        }
        return box.values()
    }
}

/// Slots written by exactly one worker each, so no lock is needed. Raw memory,
/// not an array property: a class's array would be checked for exclusive access.
private final class ResultBox<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    func set(_ i: Int, _ value: R) { slots[i] = value }
    func values() -> [R] { (0..<count).map { slots[$0]! } }
}
