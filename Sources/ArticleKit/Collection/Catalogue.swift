import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

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

/// What one listing-and-stat pass over named folders found (`CollectionLoader.pass`): each named
/// folder's listed folders with their mtimes, and every file's stamp, by canonical path. The search
/// index takes it instead of listing and stat'ing the same files a second time.
public final class FolderPass: Sendable {
    private struct Found {
        var roots: [String: [ListedFolder]] = [:]
        /// Parallel: canonical paths (packed: the collection holds its own) and their stamps.
        var keys = PathList()
        var stamps: [FileStamp] = []
    }
    private let found = Mutex(Found())
    /// When the pass began (ns, wall clock): a folder changed after this may have changed while listed.
    public let startedAt: Int64

    public init() {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        startedAt = Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    func noteListing(root: String, listed: [ListedFolder]) {
        found.withLock { $0.roots[root] = listed }
    }

    func noteStamps(keys: PathList, stamps: [FileStamp]) {
        found.withLock { found in
            // The first note takes the caller's lists as they are (shared, not copied).
            if found.keys.isEmpty {
                found.keys = keys
                found.stamps = stamps
            } else {
                found.keys.append(contentsOf: keys)
                found.stamps += stamps
            }
        }
    }

    /// The folders a walk of `root` (canonical) listed, or nil when it was not walked in this pass.
    public func listed(root: String) -> [ListedFolder]? { found.withLock { $0.roots[root] } }
    /// Every file stat'ed, by canonical path, and its stamp (taken before it was read): parallel arrays.
    public var files: (keys: PathList, stamps: [FileStamp]) { found.withLock { ($0.keys, $0.stamps) } }

    /// Forgets what was found, once taken: the reader keeps running, and 200,000 stamps are megabytes.
    public func release() {
        found.withLock { $0 = Found() }
    }
}
