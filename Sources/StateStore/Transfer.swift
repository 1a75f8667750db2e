import Foundation
import GRDB
import ReaderCore

/// One article's state as `gazette state export --json` writes it and `import` reads
/// it: one JSON object per line, keyed by the fingerprint of the article's text so that
/// it finds the same article on another machine, wherever the file is there.
public struct ExportedArticle: Codable, Sendable, Equatable {
    public struct Place: Codable, Sendable, Equatable {
        public var place: TextPlace
        public var saved: Double
    }

    public struct ExportedMark: Codable, Sendable, Equatable {
        public var letter: String
        public var place: TextPlace
        public var title: String
        public var created: Double
    }

    public var fingerprint: String?
    public var path: String
    public var title: String
    public var read: Bool
    public var readChanged: Double?
    public var progress: Int
    public var opened: Double?
    public var position: Place?
    public var marks: [ExportedMark]
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var merged = 0
    public var added = 0
}

extension StateDatabase {
    public func export() throws -> [ExportedArticle] {
        try pool.read { db in
            let marks = try Row.fetchAll(db, sql: "SELECT * FROM mark ORDER BY created")
            var marksByArticle: [Int64: [ExportedArticle.ExportedMark]] = [:]
            for row in marks {
                marksByArticle[row["article"], default: []].append(
                    .init(letter: row["letter"], place: Self.place(row), title: row["title"], created: row["created"]))
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, p.block, p.offset, p.heading, p.snippet, p.saved
                    FROM article a LEFT JOIN position p ON p.article = a.id ORDER BY a.path
                    """
            ).map { row in
                let position = (row["saved"] as Double?).map {
                    ExportedArticle.Place(place: Self.place(row), saved: $0)
                }
                return ExportedArticle(
                    fingerprint: row["fingerprint"], path: row["path"], title: row["title"],
                    read: row["read"], readChanged: row["read_changed"], progress: row["progress"],
                    opened: row["opened"], position: position,
                    marks: marksByArticle[row["id"]] ?? [])
            }
        }
    }

    /// Merges exported state in: an article is found by its path, else by its fingerprint (the same
    /// text elsewhere, as on another machine), else added; of two read states or places the newer wins,
    /// progress takes the furthest. Two files with the same text stay apart: a row found by path is never
    /// taken by fingerprint for another article of the export, nor is one row taken for two of them.
    public func importing(_ articles: [ExportedArticle]) throws -> ImportSummary {
        try pool.write { db in
            var summary = ImportSummary()
            let exportedPaths = Set(articles.map(\.path))
            var claimed: Set<Int64> = []
            for article in articles {
                var id = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE path = ?", arguments: [article.path])
                if id == nil, let fingerprint = article.fingerprint {
                    let candidates = try Row.fetchAll(
                        db, sql: "SELECT id, path FROM article WHERE fingerprint = ? ORDER BY opened DESC",
                        arguments: [fingerprint])
                    id =
                        candidates.first { row in
                            !claimed.contains(row["id"]) && !exportedPaths.contains(row["path"] as String)
                        }?["id"]
                }
                if let id { claimed.insert(id) }
                let row: Int64
                if let id {
                    row = id
                    summary.merged += 1
                } else {
                    try db.execute(
                        sql: "INSERT INTO article (path, folder, fingerprint) VALUES (?, ?, ?)",
                        arguments: [article.path, ArticleKey.folder(of: article.path), article.fingerprint])
                    row = db.lastInsertedRowID
                    summary.added += 1
                }
                try db.execute(
                    sql: """
                        UPDATE article SET
                            title = CASE WHEN title = '' THEN ? ELSE title END,
                            progress = max(progress, ?),
                            opened = CASE WHEN opened IS NULL OR opened < ? THEN ? ELSE opened END,
                            read = CASE WHEN ifnull(read_changed, -1) < ifnull(?, 0) THEN ? ELSE read END,
                            read_changed = max(ifnull(read_changed, -1), ifnull(?, 0))
                        WHERE id = ?
                        """,
                    arguments: [
                        article.title, min(100, max(0, article.progress)), article.opened, article.opened,
                        article.readChanged, article.read, article.readChanged, row,
                    ])
                if let position = article.position {
                    let p = position.place
                    try db.execute(
                        sql: """
                            INSERT INTO position (article, block, offset, heading, snippet, saved) VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (article) DO UPDATE SET block = excluded.block, offset = excluded.offset,
                                heading = excluded.heading, snippet = excluded.snippet, saved = excluded.saved
                            WHERE excluded.saved > position.saved
                            """, arguments: [row, p.block, p.offset, p.heading, p.snippet, position.saved])
                }
                for mark in article.marks {
                    let p = mark.place
                    let newest = try Double.fetchOne(
                        db,
                        sql: "SELECT max(created) FROM mark WHERE letter = ? AND "
                            + (mark.letter.first?.isUppercase == true ? "1" : "article = ?"),
                        arguments: mark.letter.first?.isUppercase == true
                            ? [mark.letter] : [mark.letter, row])
                    guard newest.map({ $0 < mark.created }) ?? true else { continue }
                    if mark.letter.first?.isUppercase == true {
                        try db.execute(sql: "DELETE FROM mark WHERE letter = ?", arguments: [mark.letter])
                    }
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO mark (article, letter, block, offset, heading, snippet, title, created)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            row, mark.letter, p.block, p.offset, p.heading, p.snippet, mark.title,
                            mark.created,
                        ])
                }
            }
            return summary
        }
    }
}

/// JSON Lines for export and import.
public enum StateJSON {
    public static func line(_ article: ExportedArticle) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(article)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Every non-empty line parsed; the first bad one is reported by its number.
    public static func articles(_ text: String) throws(TransferError) -> [ExportedArticle] {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var out: [ExportedArticle] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                out.append(try decoder.decode(ExportedArticle.self, from: Data(line.utf8)))
            } catch {
                throw .badLine(n + 1, "\(error)".prefix(200).description)
            }
        }
        return out
    }
}

public enum TransferError: Error, Sendable, CustomStringConvertible {
    case badLine(Int, String)

    public var description: String {
        switch self {
        case .badLine(let n, let reason):
            return "line \(n) is not an exported article (one JSON object per line, as `gazette state export --json` "
                + "writes): \(reason)"
        }
    }
}
