import ArticleKit
import Foundation
import GRDB
import SQLiteFiles

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

    /// How long a writer waits for another process's write to finish (`SQLiteFile`'s, shared with the index).
    public static let busyTimeout: TimeInterval = SQLiteFile.busyTimeout

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
            let aside: String
            switch SQLiteFile.moveAside(path, now: now) {
            case .success(let name): aside = name
            case .failure(let failure):
                throw .unreadable(path: path, reason: "damaged, and it cannot be moved aside: \(failure.reason)")
            }
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

    /// Opens the pool, checks the file is a whole database (`SQLiteFile.open`'s quick check) of a schema
    /// this Gazette knows (without writing to it), then migrates.
    static func connect(_ location: StateLocation) -> Opened {
        let opened = SQLiteFile.open(location.database, configuration: configuration(), verify: true) { pool in
            let verdict = try pool.read { db -> Opened? in
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
            return Opened.usable(StateDatabase(location: location, pool: pool))
        }
        switch opened {
        case .usable(let verdict): return verdict
        case .damaged(let reason): return .damaged(reason)
        case .failed(let reason): return .failed(reason)
        }
    }

    static func configuration() -> Configuration {
        var config = SQLiteFile.configuration(label: "gazette-state")
        config.foreignKeysEnabled = true
        return config
    }

    static func prepareFolder(_ directory: String) throws(StateStoreError) {
        if let reason = BaseDirectory.prepare(directory) { throw .folderUnusable(path: directory, reason: reason) }
    }

    static func reason(_ error: any Error) -> String { SQLiteFile.reason(error) }

    /// `PRAGMA integrity_check`: "ok" when the database is whole.
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }
}
