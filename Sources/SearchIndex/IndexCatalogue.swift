import ArticleKit
import GRDB

/// The catalogue of the collection, kept in the index's `file` table (schema 4): per file its stamp,
/// format, title and PREV/NEXT, written by the index update (which parses every new and changed file
/// anyway) and by the commands that scan a folder (`keep`). A collection is built from it without
/// opening the files whose stamp still matches (`CollectionLoader.known`).
extension SearchIndex {
    /// The catalogue's entry of each file (by canonical path), in the order given; nil for a file it
    /// does not hold (new, unreadable, or a big file indexed as a stream). One pass over the rows in
    /// path order, merged with the paths: no dictionary of the catalogue is made.
    public func catalogue(keys: [String]) throws -> [CatalogueEntry?] {
        var out = [CatalogueEntry?](repeating: nil, count: keys.count)
        guard !keys.isEmpty else { return out }
        // SQLite orders text by its bytes; a folder's listing is in that order already.
        func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        var order = Array(keys.indices)
        if zip(keys, keys.dropFirst()).contains(where: { precedes($1, $0) }) {
            order.sort { precedes(keys[$0], keys[$1]) }
        }
        let low = keys[order[0]], high = keys[order[order.count - 1]]
        try pool.read { db in
            try SearchIndex.scanning(db) {
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT path, size, mtime, inode, title, prev, next, url, prev_url, next_url, format FROM file
                        WHERE path >= ? AND path <= ? AND catalogued AND skipped IS NULL ORDER BY path
                        """, arguments: [low, high])
                var next = 0
                while next < order.count, let row = try rows.next() {
                    let path: String = row[0]
                    while next < order.count && precedes(keys[order[next]], path) { next += 1 }
                    guard next < order.count, keys[order[next]] == path else { continue }
                    out[order[next]] = CatalogueEntry(
                        stamp: FileStamp(size: row[1], mtime: row[2], inode: row[3]),
                        links: ArticleLinks(
                            title: row[4], previousTitle: row[5], nextTitle: row[6], url: row[7], previousURL: row[8],
                            nextURL: row[9]),
                        format: ArticleFormatName(rawValue: row[10]) ?? .text)
                    next += 1
                }
            }
        }
        return out
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
