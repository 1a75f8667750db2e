import ArticleKit
import Foundation
import GRDB
import SQLiteFiles

#if canImport(Glibc)
    import Glibc
#endif

/// Why the search index cannot be used this time. Searching an article from inside it still works.
public enum SearchIndexError: Error, Sendable, Equatable, CustomStringConvertible {
    case folderUnusable(path: String, reason: String)
    case unusable(path: String, reason: String)

    public var description: String {
        switch self {
        case .folderUnusable(let path, let reason):
            return "cannot keep a search index: its folder cannot be used (\(reason)); "
                + "set XDG_CACHE_HOME to a writable folder: \(path)"
        case .unusable(let path, let reason):
            return "cannot use the search index (\(reason)): \(path)"
        }
    }
}

/// The full-text index of every article seen: one row per section, words only, in SQLite FTS5.
/// WAL, so a search reads while an update writes; a busy timeout, so two Gazettes updating the
/// same index wait for each other. Damage found at any point is repaired by starting over: the
/// index is a cache of the files.
public final class SearchIndex: Sendable {
    /// Nil for an index held in memory (the built-in articles).
    public let location: IndexLocation?
    /// A pool of connections on a file (WAL), or one in-memory connection.
    let pool: any DatabaseWriter

    init(location: IndexLocation?, pool: any DatabaseWriter) {
        self.location = location
        self.pool = pool
    }

    /// An index in memory, for articles that are not files (the built-in collection).
    public static func inMemory() throws -> SearchIndex {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try IndexSchema.create(db)
            try db.execute(sql: "PRAGMA user_version = \(IndexSchema.version)")
        }
        return SearchIndex(location: nil, pool: queue)
    }

    /// Indexes articles already parsed, under the names given (an in-memory index's way in).
    public func add(_ articles: [(name: String, article: Article)]) throws {
        try pool.write { db in
            for (name, article) in articles {
                try SearchIndex.insert(
                    IndexedArticle.make(article, path: name, stat: FileStamp(size: 0, mtime: 0, inode: 0)), in: db)
            }
        }
    }

    /// Opens the index, making it when missing. A damaged file, or one of another version, is
    /// replaced by an empty index; `notice` then says so in one line.
    public static func open(_ location: IndexLocation) throws(SearchIndexError) -> (
        index: SearchIndex, notice: String?
    ) {
        try prepareFolder(location.directory)
        switch connect(location) {
        case .success(let index): return (index, nil)
        case .failure(let failure):
            guard case .damaged(let reason) = failure else {
                throw .unusable(path: location.database, reason: failure.reason)
            }
            SQLiteFile.remove(location.database)
            guard case .success(let index) = connect(location) else {
                throw .unusable(path: location.database, reason: "damaged, and no new index could be made")
            }
            return (index, "the search index was damaged (\(reason)); it is being built again")
        }
    }

    enum OpenFailure: Error {
        case damaged(String)
        case failed(String)
        var reason: String {
            switch self {
            case .damaged(let r), .failed(let r): return r
            }
        }
    }

    /// Opened as `SQLiteFile` opens every file, without reading every page first: the index is a cache
    /// that may be large, and damage that shows in use has it built again (`IndexUpdate`).
    /// The page cache of a connection, in KiB.
    static let cacheKiB = 8192

    /// `body` with this connection's page cache held to 512 KiB: for a scan that reads every row of
    /// the `file` table once (200,000 rows filled the whole 8 MiB, at the reader's peak), where a
    /// cache saves nothing.
    static func scanning<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = -512")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
            db.releaseMemory()
        }
        return try body()
    }

    static func connect(_ location: IndexLocation) -> Result<SearchIndex, OpenFailure> {
        // A cache: a crash may lose the last batch, never the database (WAL keeps it whole). 8 MiB of
        // pages a connection: the reader keeps the index open beside everything else.
        // 16 KiB pages (a new file only; an existing one keeps its size): a first index writes its bytes
        // in a quarter of the calls, and used 15-25 % less system time at 200,000 files.
        let config = SQLiteFile.configuration(
            label: "gazette-search",
            pragmas: ["PRAGMA page_size = 16384", "PRAGMA cache_size = -\(SearchIndex.cacheKiB)"])
        let opened = SQLiteFile.open(location.database, configuration: config, verify: false) { pool in
            try pool.write { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version != IndexSchema.version {
                    // Empty, or made by another Gazette: start over.
                    try IndexSchema.drop(db)
                    try IndexSchema.create(db)
                    try db.execute(sql: "PRAGMA user_version = \(IndexSchema.version)")
                }
            }
            return SearchIndex(location: location, pool: pool)
        }
        switch opened {
        case .usable(let index): return .success(index)
        case .damaged(let reason): return .failure(.damaged(reason))
        case .failed(let reason): return .failure(.failed(reason))
        }
    }

    static func prepareFolder(_ directory: String) throws(SearchIndexError) {
        if let reason = BaseDirectory.prepare(directory) { throw .folderUnusable(path: directory, reason: reason) }
    }

    /// Whether an error says the index file is damaged (so it should be built again).
    public static func isDamage(_ error: any Error) -> Bool { SQLiteFile.isDamage(error) }

    /// A database error's message (never the SQL it ran), else what the system says.
    public static func reason(_ error: any Error) -> String { SQLiteFile.reason(error) }

    /// Empties the index (every table), as after damage: the next update reads every file again.
    public func reset() throws {
        try pool.write { db in
            try IndexSchema.drop(db)
            try IndexSchema.create(db)
        }
    }

    /// Articles and sections indexed, and the text rows left behind by changed files.
    public func counts() throws -> (files: Int, sections: Int, dead: Int) {
        try pool.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM file WHERE skipped IS NULL") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM section") ?? 0,
                try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dead'") ?? 0
            )
        }
    }
}
