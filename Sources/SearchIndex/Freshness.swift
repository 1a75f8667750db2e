import ArticleKit
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// How much of the files an update looks at (docs/SEARCH.md, "Freshness").
///
/// A folder's mtime moves when a name in it is added, removed or renamed (which is how scrapers, feed
/// fetches and editors that save by rename change an archive); a file edited in place does not move it.
public enum UpdateMode: Sendable, Equatable {
    /// Every folder listed, every file stat'ed: also catches files edited in place.
    case full
    /// Every folder the last full walk listed is stat'ed; only those whose mtime moved are listed
    /// again and their files stat'ed; a subfolder added under one of them is walked alone, one removed
    /// dropped. A folder never walked whole (or given a new subfolder that is a link) is walked whole.
    case movedFolders
    /// The same, but a folder never walked whole is left as it stands (a query asked while the
    /// reader's first full update is still running must not start a second one).
    case movedFoldersOnly
}

/// What the folder table becomes after an update.
enum FolderRecord {
    /// A named folder walked whole: its folder rows are replaced by what the walk listed.
    case walked(root: String, listed: [ListedFolder])
    /// Folders listed again or newly found: their mtimes; and folders gone (their rows and those below).
    case moved([(path: String, mtime: Int64)], removed: [String])
}

/// The files of the folders whose mtime moved, and the rows they had.
struct MovedFolders {
    var files: [String] = []
    /// Parallel to `files`: the stamp a file's row has when the folder lists it with the same inode
    /// (not renamed over: taken as it was, without a `stat`), else nil.
    var stamps: [FileStamp?] = []
    var gone: [Int64] = []
    var known: [String: (id: Int64, stat: FileStamp, indexed: Bool)] = [:]
    var record = FolderRecord.moved([], removed: [])
}

extension SearchIndex {
    /// The folders under `root` (a named folder, canonical) whose mtime moved since the last full walk,
    /// listed again: their files, the rows of files gone from them, and their new mtimes. Nil when the
    /// rule cannot answer and `root` must be walked whole: never walked at this depth and for these
    /// extensions, the named folder gone, a folder not listable, or a new subfolder that is a link.
    func movedFolders(under root: String, scope: IndexScope) throws -> MovedFolders? {
        let loader = scope.loader
        let depth = loader.effectiveDepth
        let base = root.hasSuffix("/") ? root : root + "/"
        let stored: [String: Int64]? = try pool.read { db in
            guard
                try Row.fetchOne(
                    db, sql: "SELECT 1 FROM walk WHERE root = ? AND depth = ? AND ext = ?",
                    arguments: [root, depth, scope.fileExtension]) != nil
            else { return nil }
            var out: [String: Int64] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT path, mtime FROM folder WHERE path = ? OR (path > ? AND path < ?)",
                arguments: [root, base, SearchIndex.upperBound(of: base)])
            while let row = try rows.next() { out[row["path"]] = row["mtime"] }
            return out
        }
        guard let stored, stored[root] != nil else { return nil }
        let paths = Array(stored.keys)
        let now = ParallelMap.map(paths) { SearchIndex.folderModified($0) }
        var moved: [String] = []
        for (path, mtime) in zip(paths, now) {
            guard let mtime else {
                // Gone: its parent's listing drops it, and the parent's mtime moved with it.
                guard path != root, let slash = path.lastIndex(of: "/"), stored[String(path[..<slash])] != nil
                else { return nil }
                continue
            }
            if mtime != stored[path] { moved.append(path) }
        }
        var out = MovedFolders()
        guard !moved.isEmpty else { return out }
        let walk = loader.makeWalk()
        var mtimes: [(path: String, mtime: Int64)] = []
        var removedFolders: [String] = []
        for folder in moved {
            guard let entries = walk.entries(of: folder) else { return nil }
            let level = folder == root ? 0 : folder.dropFirst(base.count).split(separator: "/").count
            if level < depth {
                let prefix = folder + "/"
                let children = Set(entries.folders.map { prefix + $0 })
                let known = Set(
                    stored.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") })
                if children != known {
                    // A scraper's new month folder, or an old one removed: only that subtree is read or
                    // dropped. A link among the new ones is walked whole from the root instead, since
                    // the walk's loop and read-once rules need every folder it reached.
                    guard
                        let subtrees = try changedSubfolders(
                            added: children.subtracting(known).sorted(), removed: known.subtracting(children),
                            levelsLeft: depth - level - 1, loader: loader)
                    else { return nil }
                    out.files += subtrees.files
                    out.stamps += Array(repeating: nil, count: subtrees.files.count)
                    out.gone += subtrees.gone
                    mtimes += subtrees.folders
                    removedFolders += subtrees.removed
                }
            }
            let files = entries.files.map { folder + "/" + $0 }
            let rows = try filesDirectlyIn(folder)
            let listed = Set(files)
            for (path, row) in rows where !listed.contains(path) { out.gone.append(row.id) }
            // A name still on the inode its row has was not renamed over: a file edited in place is the
            // hit check's and the full check's to see (docs/SEARCH.md), so it costs no `stat` here.
            for (path, inode) in zip(files, entries.inodes) {
                let row = rows[path]
                out.stamps.append(row.flatMap { $0.stat.inode == Int64(bitPattern: inode) ? $0.stat : nil })
            }
            if out.known.isEmpty { out.known = rows } else { out.known.merge(rows) { a, _ in a } }
            out.files += files
            mtimes.append((folder, entries.mtime))
        }
        out.record = .moved(mtimes, removed: removedFolders)
        return out
    }

    /// Subfolders that appeared under a listed folder (walked, `levelsLeft` more levels down) and ones
    /// that went (their files' rows gone). Nil when a new one is a link: the root is walked whole.
    private func changedSubfolders(
        added: [String], removed: Set<String>, levelsLeft: Int, loader: CollectionLoader
    ) throws -> (files: [String], gone: [Int64], folders: [(path: String, mtime: Int64)], removed: [String])? {
        var files: [String] = []
        var gone: [Int64] = []
        var folders: [(path: String, mtime: Int64)] = []
        for path in added {
            var st = stat()
            guard lstat(FileName.encode(path), &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
            var sub = loader
            sub.depth = max(0, levelsLeft)
            sub.pass = nil
            guard let listing = try? sub.listing(folder: path) else { return nil }
            files += listing.files
            folders += listing.listed.map { ($0.relative.isEmpty ? path : path + "/" + $0.relative, $0.mtime) }
        }
        for path in removed {
            gone += try filesUnder(path, depth: FolderWalk.defaultDepth).values.map(\.id)
        }
        return (files, gone, folders, removed.sorted())
    }

    /// The indexed files directly in `folder` (not in its subfolders).
    func filesDirectlyIn(_ folder: String) throws -> [String: (id: Int64, stat: FileStamp, indexed: Bool)] {
        try filesUnder(folder, depth: 0)  // depth 0: the folder's own files (`FolderWalk.reaches`)
    }

    /// Writes what the folder table becomes: a walked folder's rows replaced (and any other walk that
    /// overlaps it forgotten, since its rows under this one are replaced too), moved folders' mtimes.
    ///
    /// A folder changed less than `racyWindow` before `listedAfter` (when the update started) is kept
    /// with no time (-1, which no folder has), so the next query lists it again: the system's clock
    /// for file times moves in ticks of some milliseconds, and a name added in the tick that the
    /// listing saw would leave the folder's mtime as it was listed.
    func record(_ records: [FolderRecord], scope: IndexScope, listedAfter: Int64) throws {
        let depth = scope.loader.effectiveDepth
        func kept(_ mtime: Int64) -> Int64 { mtime >= listedAfter - SearchIndex.racyWindow ? -1 : mtime }
        try pool.write { db in
            for record in records {
                switch record {
                case .walked(let root, let listed):
                    let base = root.hasSuffix("/") ? root : root + "/"
                    let walks = try Row.fetchAll(db, sql: "SELECT root, depth, ext FROM walk")
                    for walk in walks {
                        let other: String = walk["root"]
                        guard other == root || other.hasPrefix(base) || root.hasPrefix(other + "/") else { continue }
                        // A walk of a folder inside another walk's folder (a year of the archive searched
                        // alone) keeps the outer walk when it reached at least as deep, for the same
                        // extensions: the outer walk's rows under it are only made fresher.
                        if root.hasPrefix(other + "/"), walk["ext"] == scope.fileExtension {
                            let level = root.dropFirst(other.count + 1).split(separator: "/").count
                            let outerDepth: Int = walk["depth"]
                            if level <= outerDepth && depth >= outerDepth - level { continue }
                        }
                        try db.execute(sql: "DELETE FROM walk WHERE root = ?", arguments: [other])
                    }
                    try db.execute(
                        sql: "DELETE FROM folder WHERE path = ? OR (path > ? AND path < ?)",
                        arguments: [root, base, SearchIndex.upperBound(of: base)])
                    let insert = try db.cachedStatement(
                        sql: "INSERT OR REPLACE INTO folder (path, mtime) VALUES (?, ?)")
                    for folder in listed {
                        try insert.execute(arguments: [
                            folder.relative.isEmpty ? root : base + folder.relative, kept(folder.mtime),
                        ])
                    }
                    try db.execute(
                        sql: "INSERT INTO walk (root, depth, ext) VALUES (?, ?, ?)",
                        arguments: [root, depth, scope.fileExtension])
                case .moved(let folders, let removed):
                    for path in removed {
                        let base = path + "/"
                        try db.execute(
                            sql: "DELETE FROM folder WHERE path = ? OR (path > ? AND path < ?)",
                            arguments: [path, base, SearchIndex.upperBound(of: base)])
                    }
                    let upsert = try db.cachedStatement(
                        sql: "INSERT OR REPLACE INTO folder (path, mtime) VALUES (?, ?)")
                    for (path, mtime) in folders { try upsert.execute(arguments: [path, kept(mtime)]) }
                }
            }
        }
    }

    /// One second: far wider than any file system's tick, and a folder changed in the second before
    /// an update costs only one more listing of it.
    static let racyWindow: Int64 = 1_000_000_000

    /// The wall clock in nanoseconds, as file times are kept.
    static func now() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }

    /// A folder's mtime in nanoseconds; nil when it is gone or not a folder.
    static func folderModified(_ path: String) -> Int64? {
        var st = stat()
        guard stat(FileName.encode(path), &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    /// What a hit's file is now, against its row: gone (its rows dropped), changed (read and indexed
    /// again, so the snippet and the next query see the new text), or as indexed.
    enum HitFile { case same, changed, gone }

    func freshen(_ path: String) -> HitFile {
        guard let row = try? fileRow(path) else { return .same }
        guard let stamp = FileStamp.of(path) else {
            try? pool.write { db in try SearchIndex.deleteFile(row.id, in: db) }
            return .gone
        }
        guard stamp != row.stat else { return .same }
        let article = IndexedArticle.make(path: path, stat: stamp, reader: FileReader(), parser: ArticleParser())
        try? pool.write { db in try SearchIndex.insert(article, in: db) }
        return .changed
    }
}
