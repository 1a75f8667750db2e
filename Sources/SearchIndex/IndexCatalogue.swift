import ArticleKit
import GRDB

/// The catalogue of the collection, kept in the index's `file` table (schema 4): per file its stamp,
/// format, title and PREV/NEXT, written by the index update (which parses every new and changed file
/// anyway) and by the commands that scan a folder (`keep`). A collection is built from it without
/// opening the files whose stamp still matches (`CollectionLoader.known`).
extension SearchIndex {
    /// The catalogue's entries under the named folders (`FolderWalk.reaches`, to `depth`) and for
    /// the named files, by canonical path. Files that could not be read, and big files indexed as a
    /// stream, have none (they are read again).
    public func catalogue(folders: [String], files: [String] = [], depth: Int) throws -> [String: CatalogueEntry] {
        try pool.read { db in
            var out: [String: CatalogueEntry] = [:]
            func take(_ rows: RowCursor, where keep: (String) -> Bool) throws {
                while let row = try rows.next() {
                    let path: String = row[0]
                    guard keep(path) else { continue }
                    out[path] = CatalogueEntry(
                        stamp: FileStamp(size: row[1], mtime: row[2], inode: row[3]),
                        links: ArticleLinks(
                            title: row[4], previousTitle: row[5], nextTitle: row[6], url: row[7], previousURL: row[8],
                            nextURL: row[9]),
                        format: ArticleFormatName(rawValue: row[10]) ?? .text)
                }
            }
            let columns = "path, size, mtime, inode, title, prev, next, url, prev_url, next_url, format"
            for folder in folders {
                let base = folder.hasSuffix("/") ? folder : folder + "/"
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT \(columns) FROM file WHERE path > ? AND path < ? AND catalogued AND skipped IS NULL",
                    arguments: [base, SearchIndex.upperBound(of: base)])
                try take(rows) { FolderWalk.reaches($0, from: base, depth: depth) }
            }
            for file in files {
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT \(columns) FROM file WHERE path = ? AND catalogued AND skipped IS NULL",
                    arguments: [file])
                try take(rows) { _ in true }
            }
            return out
        }
    }

    /// Keeps what a scan read (`ScannedFiles`): a file whose row has the same stamp gets its catalogue
    /// columns; any other gets a new row, its words not in yet (`indexed` 0: the next update reads it).
    public func keep(_ scanned: [(key: String, entry: CatalogueEntry)]) throws {
        guard !scanned.isEmpty else { return }
        try pool.write { db in
            let find = try db.cachedStatement(sql: "SELECT id, size, mtime, inode FROM file WHERE path = ?")
            let update = try db.cachedStatement(
                sql: """
                    UPDATE file SET catalogued = 1, title = ?, format = ?, prev = ?, next = ?, url = ?,
                    prev_url = ?, next_url = ? WHERE id = ?
                    """)
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO file (path, size, mtime, inode, title, catalogued, format, prev, next, url, prev_url,
                    next_url, indexed) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 0)
                    """)
            for (path, entry) in scanned {
                let links = entry.links
                if let row = try Row.fetchOne(find, arguments: [path]) {
                    let stamp = FileStamp(size: row["size"], mtime: row["mtime"], inode: row["inode"])
                    if stamp == entry.stamp {
                        try update.execute(arguments: [
                            links.title, entry.format.rawValue, links.previousTitle, links.nextTitle, links.url,
                            links.previousURL, links.nextURL, row["id"],
                        ])
                        continue
                    }
                    try SearchIndex.deleteFile(row["id"], in: db)
                }
                try insert.execute(arguments: [
                    path, entry.stamp.size, entry.stamp.mtime, entry.stamp.inode, links.title, entry.format.rawValue,
                    links.previousTitle, links.nextTitle, links.url, links.previousURL, links.nextURL,
                ])
            }
        }
    }
}
