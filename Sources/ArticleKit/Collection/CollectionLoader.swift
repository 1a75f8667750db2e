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
    /// How many folders down a folder is read (`FolderWalk`): 0 is the folder alone; nil, the default
    /// bound (16), past which a folder is said rather than read.
    public var depth: Int? = nil
    /// Looks files up in the catalogue: given the sources' canonical paths (`ArticleID.key`) in order,
    /// each one's entry or nil. A file whose stamp still matches its entry is taken from it, not read
    /// (a later open reads only new and changed files). Asked once per slice of a scan (`sliceSize`
    /// files, in order): no dictionary of the whole catalogue is held beside the collection being built.
    public var catalogue: (@Sendable ([String]) -> [CatalogueEntry?])? = nil
    /// Where the files that had to be read are noted, to be kept in the catalogue; nil notes none.
    public var scanned: ScannedFiles? = nil
    /// Where the listings and every file's stamp are noted, for the search index to take (one pass
    /// for both); nil notes none.
    public var pass: FolderPass? = nil
    /// How many files `collection(of:)` looks up in the catalogue and scans at once: what it holds
    /// beside the entries it builds (a row and a result each).
    var sliceSize = 8192

    public init(
        store: any ArticleStore = FileStore(), fileExtension: String = FormatChooser.defaultExtensions,
        depth: Int? = nil
    ) {
        self.store = store
        self.fileExtension = fileExtension
        self.depth = depth
    }

    /// The depth a walk goes to, given or the default.
    public var effectiveDepth: Int { depth.map { max(0, $0) } ?? FolderWalk.defaultDepth }

    /// The article files of a folder and its subfolders (`FolderWalk`: hidden ones, loops and folders
    /// past `depth` left out), sorted by the bytes of their paths. Hidden files are skipped.
    public func list(folder: String) throws(ArticleError) -> [String] {
        try listing(folder: folder).files
    }

    /// `list(folder:)`, with the folders under it that were not read (loops, past the default depth,
    /// not listable) and each file's folder relative to the named one ("" directly in it).
    public func listing(folder: String) throws(ArticleError) -> FolderListing {
        var walk = makeWalk()
        let relative = try walk.files(under: folder)
        let base = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        var listing = FolderListing(skipped: walk.skipped)
        defer { pass?.noteListing(root: store.identity(of: folder).key, listed: listing.listed) }
        listing.listed = walk.listed.map { folder, mtime in
            ListedFolder(
                relative: FileName.decode(folder.last == UInt8(ascii: "/") ? folder.dropLast() : folder[...]),
                mtime: mtime)
        }
        listing.files.reserveCapacity(relative.count)
        listing.folders.reserveCapacity(relative.count)
        var lastFolder: ArraySlice<UInt8> = []
        var lastFolderName = ""
        for path in relative {
            listing.files.append(base + FileName.decode(path))
            // Runs of files share a folder: decoded once per folder, one string shared by the run.
            let folderPart = path[..<(path.lastIndex(of: UInt8(ascii: "/")) ?? 0)]
            if folderPart != lastFolder {
                lastFolder = folderPart
                lastFolderName = FileName.decode(folderPart)
            }
            listing.folders.append(lastFolderName)
        }
        return listing
    }

    /// How deep folders are read: nil, `FolderWalk.defaultDepth` with the folders past it said; 0, the
    /// named folder alone (`--no-recurse`).
    public func makeWalk() -> FolderWalk {
        let ext = extensionList
        return FolderWalk(depth: depth) { name in isArticleName(name, ext) }
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

    /// The first article file of a folder by path (what `list` would give first), found without
    /// sorting or keeping the listing and listing only the folders on the way to it: what the reader
    /// needs to show its first screen while the whole folder is indexed in the background.
    public func firstArticle(inFolder folder: String) -> String? {
        firstArticleWalk(inFolder: folder).first
    }

    /// `firstArticle`, with the folders the walk listed and their times (for `FirstArticleCache`).
    func firstArticleWalk(inFolder folder: String) -> (first: String?, listed: [(folder: [UInt8], mtime: Int64)]) {
        var walk = makeWalk()
        guard let first = walk.first(under: folder) else { return (nil, walk.listed) }
        let base = folder.isEmpty || folder.hasSuffix("/") ? folder : folder + "/"
        return (base + FileName.decode(first), walk.listed)
    }

    /// Scans the title and links of each source. Sources that fail become failures. `folders`, parallel
    /// to `sources` when given: each one's folder relative to the folder named (`Entry.folder`).
    public func collection(of sources: [String], folders: [String]? = nil) -> ArticleCollection {
        // Packed as each slice comes in (`EntryStorage`): the plain entries are held for one slice only.
        var entries = EntryStorage.Builder(capacity: sources.count)
        var failures: [ArticleError] = []
        var passKeys = PathList()
        var passStamps: [FileStamp] = []
        if pass != nil {
            // The canonical paths are the sources as named, as a rule: their bytes, reserved once.
            passKeys.reserveCapacity(sources.count, bytes: sources.reduce(0) { $0 + $1.utf8.count })
            passStamps.reserveCapacity(sources.count)
        }
        // A slice at a time: the catalogue's rows and the scans' results are held for one slice only,
        // never for the whole folder beside the entries being built (at 200,000 files those were the
        // reader's peak).
        var start = 0
        while start < sources.count {
            let end = min(sources.count, start + max(1, sliceSize))
            scanSlice(
                Array(sources[start..<end]), folders: folders.map { Array($0[start..<end]) }, into: &entries,
                failures: &failures, passKeys: &passKeys, passStamps: &passStamps)
            start = end
        }
        if let pass { pass.noteStamps(keys: passKeys, stamps: passStamps) }
        return ArticleCollection(storage: entries.finished(), failures: failures)
    }

    private func scanSlice(
        _ sources: [String], folders: [String]?, into entries: inout EntryStorage.Builder,
        failures: inout [ArticleError], passKeys: inout PathList, passStamps: inout [FileStamp]
    ) {
        let scanned = self.scanned
        let ids = ParallelMap.map(sources) { store.identity(of: $0) }
        let known = catalogue?(ids.map(\.key))
        // Stamps are asked of files only when there is a catalogue to compare them with or to fill.
        let stamps = catalogue != nil || scanned != nil || pass != nil
        let scans = ParallelMap.map(Array(sources.indices)) {
            i -> (result: Result<ArticleLinks, ArticleError>, stamp: FileStamp?) in
            // Stamped before reading: a change made during the read shows at the next open.
            let stamp = stamps ? FileStamp.of(sources[i]) : nil
            let entry = known.flatMap { $0.indices.contains(i) ? $0[i] : nil }
            return (scan(sources[i], id: ids[i], stamp: stamp, known: entry, scanned: scanned), stamp)
        }
        for (i, scan) in scans.enumerated() {
            if pass != nil, let stamp = scan.stamp {
                passKeys.append(ids[i].key)
                passStamps.append(stamp)
            }
            switch scan.result {
            case .success(let links):
                entries.append(.init(source: sources[i], links: links, id: ids[i], folder: folders?[i] ?? ""))
            case .failure(let error): failures.append(error)
            }
        }
    }

    /// One file's title and links: from the catalogue when its stamp matches, else read from its edges
    /// (a page whole) and noted in `scanned`.
    private func scan(
        _ source: String, id: ArticleID, stamp: FileStamp?, known: CatalogueEntry?, scanned: ScannedFiles?
    ) -> Result<ArticleLinks, ArticleError> {
        if let stamp, let entry = known, entry.stamp == stamp {
            return .success(entry.links)
        }
        do throws(ArticleError) {
            let edges = try store.edges(of: source)
            let links: ArticleLinks
            let format = FormatChooser.format(source: source, head: edges.head)
            switch format {
            case .text: links = try ArticleParser.links(head: edges.head, tail: edges.tail, source: source)
            // A page's title and links can be anywhere in it (and a page's title is decided with its
            // body): it is read whole.
            case let other:
                let bytes = edges.tail == nil ? edges.head : try store.bytes(of: source)
                let article = try ArticleParser.format(other).parse(bytes, source: source)
                links = article.links
                parsed?.keep(article, source: source, bytes: bytes.count)
            }
            if let stamp { scanned?.add(id.key, CatalogueEntry(stamp: stamp, links: links, format: format)) }
            return .success(links)
        } catch {
            return .failure(error)
        }
    }

    /// A folder's collection. Throws only when the folder itself is unusable.
    public func collection(ofFolder folder: String) throws(ArticleError) -> ArticleCollection {
        let listing = try listing(folder: folder)
        if listing.files.isEmpty { throw .noArticles(path: folder) }
        return collection(of: listing.files, folders: listing.folders)
    }
}

/// What a walk of a named folder found (`CollectionLoader.listing`).
public struct FolderListing: Sendable, Equatable {
    /// The article files, in path order, as the folder was named plus the rest of the path.
    public var files: [String] = []
    /// Parallel to `files`: each file's folder relative to the named one ("2026/01"), "" directly in it.
    public var folders: [String] = []
    /// Folders under it that were not read, with why (`FolderWalk.skipped`).
    public var skipped: [ArticleError] = []
    /// Every folder the walk listed, with the mtime it had when listed (`FolderWalk.listed`): what the
    /// search index's freshness rule compares (docs/SEARCH.md).
    public var listed: [ListedFolder] = []
}

/// A folder a walk listed: relative to the named one ("" for itself, "2026/01"), and its mtime (ns)
/// as it was just before its names were read.
public struct ListedFolder: Sendable, Equatable {
    public var relative: String
    public var mtime: Int64
    public init(relative: String, mtime: Int64) {
        self.relative = relative
        self.mtime = mtime
    }
}

/// A map over an array on all cores, keeping order.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let count = items.count
        guard count > 64 else { return items.map(transform) }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let chunk = max(16, count / (workers * 8))
        let chunks = (count + chunk - 1) / chunk
        // Written in place, each slot by exactly one worker: no second array of optionals is held
        // beside the result (at 200,000 entries that copy was tens of megabytes at the peak).
        return [R](unsafeUninitializedCapacity: count) { output, initialized in
            nonisolated(unsafe) let output = output
            items.withUnsafeBufferPointer { input in
                nonisolated(unsafe) let input = input
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    let lo = c * chunk, hi = min(count, lo + chunk)
                    for i in lo..<hi { (output.baseAddress! + i).initialize(to: transform(input[i])) }
                }
            }
            initialized = count
        }
    }
}
