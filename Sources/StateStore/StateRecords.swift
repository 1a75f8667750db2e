import ArticleKit
import Foundation
import GRDB
import ReaderCore

/// An article file as the store knows it: its canonical path and, when it could be
/// read, the fingerprint of its text.
public struct ArticleKey: Sendable, Hashable {
    public var path: String
    public var fingerprint: String?

    public init(path: String, fingerprint: String?) {
        self.path = path
        self.fingerprint = fingerprint
    }

    /// The folder part of a canonical path.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// What the store holds about one article.
public struct ArticleRecord: Sendable, Equatable {
    public var path: String
    public var fingerprint: String?
    public var title: String
    public var read: Bool
    public var progress: Int
    public var opened: Double?
}

/// Reads and writes of the reading state. Each write is one transaction, so a process
/// killed at any moment leaves either all of it or none.
extension StateDatabase {
    // MARK: Writes

    public func savePosition(_ key: ArticleKey, place: TextPlace, progress: Int?, at time: Double) throws {
        try pool.write { db in
            let id = try articleRow(db, key)
            try db.execute(
                sql: """
                    INSERT INTO position (article, block, offset, heading, snippet, saved) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (article) DO UPDATE SET block = excluded.block, offset = excluded.offset,
                        heading = excluded.heading, snippet = excluded.snippet, saved = excluded.saved
                    """, arguments: [id, place.block, place.offset, place.heading, place.snippet, time])
            if let progress {
                try db.execute(
                    sql: "UPDATE article SET progress = max(progress, ?) WHERE id = ?",
                    arguments: [min(100, max(0, progress)), id])
            }
        }
    }

    public func setRead(_ keys: [ArticleKey], read: Bool, at time: Double) throws {
        try pool.write { db in
            for key in keys {
                let id = try articleRow(db, key)
                try db.execute(
                    sql: "UPDATE article SET read = ?, read_changed = ? WHERE id = ?",
                    arguments: [read, time, id])
            }
        }
    }

    public func opened(_ key: ArticleKey, title: String, at time: Double) throws {
        try pool.write { db in
            let id = try articleRow(db, key)
            try db.execute(sql: "UPDATE article SET opened = ?, title = ? WHERE id = ?", arguments: [time, title, id])
        }
    }

    public func setMark(_ key: ArticleKey, letter: Character, place: TextPlace, title: String, at time: Double) throws {
        try pool.write { db in
            let id = try articleRow(db, key)
            if letter.isUppercase {
                try db.execute(sql: "DELETE FROM mark WHERE letter = ?", arguments: [String(letter)])
            }
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO mark (article, letter, block, offset, heading, snippet, title, created)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, String(letter), place.block, place.offset, place.heading, place.snippet,
                    title, time,
                ])
        }
    }

    /// Replaces the history kept for `scope` (the folder or paths the reader opened).
    public func saveHistory(scope: String, back: [(ArticleKey, TextPlace)], forward: [(ArticleKey, TextPlace)]) throws {
        try pool.write { db in
            try db.execute(sql: "DELETE FROM history WHERE scope = ?", arguments: [scope])
            for (direction, list) in [("back", back), ("forward", forward)] {
                for (seq, (key, place)) in list.enumerated() {
                    let id = try articleRow(db, key)
                    try db.execute(
                        sql: """
                            INSERT INTO history (scope, direction, seq, article, block, offset, heading, snippet)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            scope, direction, seq, id, place.block, place.offset, place.heading,
                            place.snippet,
                        ])
                }
            }
        }
    }

    /// The row of an article: found by path; else, for a file moved or renamed, by its
    /// fingerprint among rows whose file is gone (the row follows the file); else made.
    func articleRow(_ db: Database, _ key: ArticleKey) throws -> Int64 {
        if let row = try Row.fetchOne(
            db, sql: "SELECT id, fingerprint FROM article WHERE path = ?",
            arguments: [key.path])
        {
            let id: Int64 = row["id"]
            if let fingerprint = key.fingerprint, fingerprint != row["fingerprint"] as String? {
                try db.execute(sql: "UPDATE article SET fingerprint = ? WHERE id = ?", arguments: [fingerprint, id])
            }
            return id
        }
        if let fingerprint = key.fingerprint {
            let candidates = try Row.fetchAll(
                db, sql: "SELECT id, path FROM article WHERE fingerprint = ?",
                arguments: [fingerprint])
            if let moved = candidates.first(where: { !FileManager.default.fileExists(atPath: $0["path"]) }) {
                let id: Int64 = moved["id"]
                try db.execute(
                    sql: "UPDATE article SET path = ?, folder = ? WHERE id = ?",
                    arguments: [key.path, ArticleKey.folder(of: key.path), id])
                return id
            }
        }
        try db.execute(
            sql: "INSERT INTO article (path, folder, fingerprint) VALUES (?, ?, ?)",
            arguments: [key.path, ArticleKey.folder(of: key.path), key.fingerprint])
        return db.lastInsertedRowID
    }

    // MARK: Reads

    /// The article last opened in `folder` (a canonical path) or a subfolder a walk to `depth` reaches
    /// (`FolderWalk.reaches`), if any.
    public func lastOpened(inFolder folder: String, depth: Int = FolderWalk.defaultDepth) throws -> String? {
        try pool.read { db in
            let paths = try String.fetchCursor(
                db,
                sql: """
                    SELECT path FROM article WHERE \(Self.underFolder("folder")) AND opened IS NOT NULL ORDER BY opened DESC
                    """, arguments: Self.underFolderArguments(folder))
            while let path = try paths.next() {
                if FolderWalk.reaches(path, from: folder, depth: depth) { return path }
            }
            return nil
        }
    }

    /// The rows of a folder and of its subfolders (`article.folder` is the folder itself, or starts with
    /// it and a "/"): a range of the `folder` column's index.
    static func underFolder(_ column: String) -> String {
        "(\(column) = ? OR (\(column) >= ? AND \(column) < ?))"
    }
    static func underFolderArguments(_ folder: String) -> StatementArguments {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return [folder, base, base + "\u{10FFFF}"]
    }

    /// The saved place of an article: by its path, else by its fingerprint (a moved file).
    public func place(for key: ArticleKey) throws -> TextPlace? {
        try pool.read { db in
            let sql = "SELECT p.* FROM position p JOIN article a ON a.id = p.article WHERE "
            if let row = try Row.fetchOne(db, sql: sql + "a.path = ?", arguments: [key.path]) {
                return Self.place(row)
            }
            guard let fingerprint = key.fingerprint else { return nil }
            return try Row.fetchOne(
                db, sql: sql + "a.fingerprint = ? ORDER BY p.saved DESC LIMIT 1",
                arguments: [fingerprint]
            ).map(Self.place)
        }
    }

    /// What the store holds about each of `paths` that it knows.
    public func records(paths: [String]) throws -> [String: ArticleRecord] {
        let folders = Set(paths.map(ArticleKey.folder(of:)))
        let wanted = Set(paths)
        return try pool.read { db in
            var found: [String: ArticleRecord] = [:]
            for folder in folders {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM article WHERE folder = ?", arguments: [folder]) {
                    let record = Self.record(row)
                    if wanted.contains(record.path) { found[record.path] = record }
                }
            }
            return found
        }
    }

    /// Everything the reader shows of past sittings, for the articles in `folders` (canonical
    /// paths) and their subfolders to `depth` (`FolderWalk.reaches`), and the history of `scope`.
    /// `places`: false for `--from-start`. Needs no list of the folder's files, so it can run while
    /// the folder is indexed.
    public func journal(
        folders: Set<String>, depth: Int = FolderWalk.defaultDepth, scope: String, places wantPlaces: Bool
    ) throws -> Journal {
        var journal = Journal()
        func inScope(_ path: String) -> Bool {
            folders.contains(ArticleKey.folder(of: path))
                || folders.contains { FolderWalk.reaches(path, from: $0, depth: depth) }
        }
        try pool.read { db in
            for folder in folders {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.path, a.read, a.progress, p.block, p.offset, p.heading, p.snippet
                        FROM article a LEFT JOIN position p ON p.article = a.id WHERE \(Self.underFolder("a.folder"))
                        """, arguments: Self.underFolderArguments(folder))
                for row in rows {
                    let path: String = row["path"]
                    guard inScope(path) else { continue }
                    let id = ArticleID(key: path)
                    if row["read"] as Bool { journal.read.insert(id) }
                    let progress: Int = row["progress"]
                    if progress > 0 { journal.progress[id] = progress }
                    if wantPlaces, row["block"] as Int? != nil { journal.places[id] = Self.place(row) }
                }
            }
            let marks = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.path, m.* FROM mark m JOIN article a ON a.id = m.article ORDER BY m.created DESC
                    """)
            journal.marks = marks.compactMap { row in
                guard let letter = (row["letter"] as String).first else { return nil }
                let position = Position(article: ArticleID(key: row["path"]), place: Self.place(row))
                return Mark(letter: letter, position: position, title: row["title"])
            }
            let recent = try String.fetchAll(
                db,
                sql: """
                    SELECT path FROM article WHERE opened IS NOT NULL ORDER BY opened DESC LIMIT ?
                    """, arguments: [Journal.recentLimit * 4])
            journal.recent = Array(
                recent.filter(inScope)
                    .map(ArticleID.init(key:)).prefix(Journal.recentLimit))
            let history = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.path, h.* FROM history h JOIN article a ON a.id = h.article WHERE h.scope = ?
                    ORDER BY h.direction, h.seq
                    """, arguments: [scope])
            for row in history {
                let position = Position(article: ArticleID(key: row["path"]), place: Self.place(row))
                if row["direction"] as String == "back" {
                    journal.back.append(position)
                } else {
                    journal.forward.append(position)
                }
            }
        }
        return journal
    }

    static func place(_ row: Row) -> TextPlace {
        TextPlace(block: row["block"], offset: row["offset"], heading: row["heading"], snippet: row["snippet"])
    }

    static func record(_ row: Row) -> ArticleRecord {
        ArticleRecord(
            path: row["path"], fingerprint: row["fingerprint"], title: row["title"], read: row["read"],
            progress: row["progress"], opened: row["opened"])
    }
}
