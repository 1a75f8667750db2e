import ArticleKit
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// How Gazette opens its SQLite files, the reading state and the search index, said once: WAL, one busy
/// timeout, one test for damage, and what is done with a damaged file.
public enum SQLiteFile {
    /// How long a writer waits for another process's write to finish (two Gazettes at once), rather than
    /// failing with "database is locked". Both files are written off the key path.
    public static let busyTimeout: TimeInterval = 10

    /// WAL (GRDB's pool), the busy timeout, `synchronous = NORMAL` (in WAL a killed process loses no
    /// committed transaction), then `pragmas`, on every connection.
    public static func configuration(label: String, pragmas: [String] = []) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = label
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            for pragma in pragmas { try db.execute(sql: pragma) }
        }
        return config
    }

    /// Whether an error says the file is damaged: not a database, corrupt, or FTS5's word for it.
    public static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
            || (error.message ?? "").contains("fts5: corrupt")
    }

    /// A database error's message (never the SQL it ran), else what the system says.
    public static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return BaseDirectory.reason(error)
    }

    /// What opening gave: the value `prepare` made of the pool, or why there is none.
    public enum Opened<Value> {
        case usable(Value)
        /// The file is damaged: move it aside or remove it, and open again.
        case damaged(String)
        case failed(String)
    }

    /// Opens the pool on `path` and hands it to `prepare` (migration, version checks). `verify`: read
    /// every page first (`PRAGMA quick_check`) — the reading state, small, asks; the search index, a
    /// cache that may be large, does not, and is rebuilt when damage shows in use. Damage found either
    /// way, or by any error `prepare` throws, comes back as `.damaged`.
    public static func open<Value>(
        _ path: String, configuration: Configuration, verify: Bool, _ prepare: (DatabasePool) throws -> Value
    ) -> Opened<Value> {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            if verify {
                let check = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
                if check != ["ok"] {
                    try? pool.close()
                    return .damaged(check.prefix(3).joined(separator: "; "))
                }
            }
            return .usable(try prepare(pool))
        } catch let error where isDamage(error) {
            return .damaged(reason(error))
        } catch {
            return .failed(reason(error))
        }
    }

    /// Renames a damaged database and its WAL files to `NAME.corrupt-<time>[-wal|-shm]`, kept for a
    /// person to look at; returns the new name, or why it could not be moved.
    public static func moveAside(_ path: String, now: Date) -> Result<String, SQLiteFileError> {
        let stamp = ISO8601DateFormatter.string(
            from: now, timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        var aside = path + ".corrupt-" + stamp
        var n = 1
        while FileManager.default.fileExists(atPath: aside) { aside = path + ".corrupt-\(stamp)-\(n)"; n += 1 }
        guard rename(path, aside) == 0 else { return .failure(SQLiteFileError(String(cString: strerror(errno)))) }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            _ = rename(path + suffix, aside + suffix)
        }
        return .success(aside)
    }

    /// Removes a database and its WAL files: for a cache, which is made again from its sources.
    public static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }
}

/// Why a file could not be moved aside, in the system's words.
public struct SQLiteFileError: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
