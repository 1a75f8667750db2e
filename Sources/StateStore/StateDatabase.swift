import ArticleKit
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// Why the reading state cannot be kept this time. The reader still runs; the message
/// says what happened and what to do.
public enum StateStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case folderUnusable(path: String, reason: String)
    case newerSchema(path: String, unknown: [String])
    case unreadable(path: String, reason: String)

    /// The reason first: the status line cuts a long path at its end.
    public var description: String {
        switch self {
        case .folderUnusable(let path, let reason):
            return "not keeping reading state: cannot use its folder (\(reason)); "
                + "set XDG_STATE_HOME to a writable folder: \(path)"
        case .newerSchema(let path, let unknown):
            return "not keeping reading state: a newer Gazette wrote it (schema \(unknown.joined(separator: ", "))); "
                + "left as it is, update Gazette to use it: \(path)"
        case .unreadable(let path, let reason):
            return "not keeping reading state: cannot open the database (\(reason)): \(path)"
        }
    }
}

/// The open database: WAL, so readers never wait on a writer; a busy timeout, so two
/// readers writing at once wait for each other instead of failing with "database is locked".
public final class StateDatabase: Sendable {
    public let location: StateLocation
    let pool: DatabasePool

    /// How long a writer waits for another process's write to finish.
    public static let busyTimeout: TimeInterval = 5

    init(location: StateLocation, pool: DatabasePool) {
        self.location = location
        self.pool = pool
    }

    /// Opens the database at `location`, making it when it is missing. A damaged file is
    /// moved aside (`state.sqlite.corrupt-<time>`) and a fresh one made; `notice` then
    /// says so in one line. One connection does the checks and the migration: this runs
    /// before the first screen.
    public static func open(_ location: StateLocation, now: Date = Date())
        throws(StateStoreError) -> (database: StateDatabase, notice: String?)
    {
        try prepareFolder(location.directory)
        let path = location.database
        switch connect(location) {
        case .usable(let database): return (database, nil)
        case .newer(let unknown): throw .newerSchema(path: path, unknown: unknown)
        case .failed(let reason): throw .unreadable(path: path, reason: reason)
        case .damaged(let reason):
            let aside = try moveAside(path, now: now)
            guard case .usable(let database) = connect(location) else {
                throw .unreadable(path: path, reason: "damaged, and no fresh database could be made in its place")
            }
            let notice =
                "The reading-state database was damaged (\(reason)); it was moved to \(aside) "
                + "and a fresh one started"
            return (database, notice)
        }
    }

    enum Opened {
        case usable(StateDatabase)
        case newer([String])
        case damaged(String)
        case failed(String)
    }

    /// Opens the pool, checks the file is a whole database of a schema this Gazette knows
    /// (without writing to it), then migrates.
    static func connect(_ location: StateLocation) -> Opened {
        do {
            let pool = try DatabasePool(path: location.database, configuration: configuration())
            let verdict = try pool.read { db -> Opened? in
                let check = try String.fetchAll(db, sql: "PRAGMA quick_check")
                if check != ["ok"] { return .damaged(check.prefix(3).joined(separator: "; ")) }
                let migrator = Schema.migrator
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(migrator.migrations)
                    return .newer(try migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted())
                }
                return nil
            }
            if let verdict {
                try? pool.close()
                return verdict
            }
            try Schema.migrator.migrate(pool)
            return .usable(StateDatabase(location: location, pool: pool))
        } catch let error as DatabaseError where isDamage(error) {
            return .damaged(error.message ?? "\(error.resultCode)")
        } catch {
            return .failed(reason(error))
        }
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "gazette-state"
        // In WAL, NORMAL loses no committed transaction when the process is killed.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        return config
    }

    static func prepareFolder(_ directory: String) throws(StateStoreError) {
        if let reason = BaseDirectory.prepare(directory) { throw .folderUnusable(path: directory, reason: reason) }
    }

    static func isDamage(_ error: DatabaseError) -> Bool {
        error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
    }

    /// Renames the database and its WAL files to `state.sqlite.corrupt-<time>[-wal|-shm]`.
    static func moveAside(_ path: String, now: Date) throws(StateStoreError) -> String {
        let stamp = ISO8601DateFormatter.string(
            from: now, timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withYear, .withMonth, .withDay, .withTime])
        var aside = path + ".corrupt-" + stamp
        var n = 1
        while FileManager.default.fileExists(atPath: aside) { aside = path + ".corrupt-\(stamp)-\(n)"; n += 1 }
        guard rename(path, aside) == 0 else {
            let why = String(cString: strerror(errno))
            throw .unreadable(path: path, reason: "damaged, and it cannot be moved aside: \(why)")
        }
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            _ = rename(path + suffix, aside + suffix)
        }
        return aside
    }

    static func reason(_ error: any Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return BaseDirectory.reason(error)
    }

    /// `PRAGMA integrity_check`: "ok" when the database is whole.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
