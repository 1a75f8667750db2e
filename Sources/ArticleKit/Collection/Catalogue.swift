import Synchronization

/// What a collection needs of one file without opening it: the stamp it had when it was read, and
/// its title and PREV/NEXT (titles, and a page's addresses). Kept by the search index's database
/// (`SearchIndex.catalogue`); a file whose stamp still matches is not read again to build a
/// collection (`CollectionLoader.known`).
public struct CatalogueEntry: Sendable, Equatable {
    public var stamp: FileStamp
    public var links: ArticleLinks
    public var format: ArticleFormatName

    public init(stamp: FileStamp, links: ArticleLinks, format: ArticleFormatName = .text) {
        self.stamp = stamp
        self.links = links
        self.format = format
    }
}

/// The files a collection scan had to read (new, changed, or not catalogued), by their canonical
/// path (`ArticleID.key`), for the caller to keep in the catalogue; and how many there were, which
/// the tests count. Filled from every core.
public final class ScannedFiles: Sendable {
    private let found = Mutex<[(key: String, entry: CatalogueEntry)]>([])

    public init() {}

    func add(_ key: String, _ entry: CatalogueEntry) {
        found.withLock { $0.append((key, entry)) }
    }

    /// Everything scanned so far (the catalogue's rows to write).
    public var entries: [(key: String, entry: CatalogueEntry)] { found.withLock { $0 } }
    public var count: Int { found.withLock { $0.count } }
}
