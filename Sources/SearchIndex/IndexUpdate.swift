import ArticleKit
import Dispatch
import Foundation
import GRDB
import Synchronization

/// What one update did, for the status line and the command's stderr.
public struct IndexReport: Sendable, Equatable {
    /// Files read and indexed this time (new or changed).
    public var indexed = 0
    /// Files whose size, time and inode had not changed: not read.
    public var unchanged = 0
    /// Files gone from their folder: dropped.
    public var removed = 0
    /// Files that could not be indexed this time, with why (one line each).
    public var skipped: [String] = []
    /// Whether the index was emptied and built again (damage, or too many dead rows).
    public var rebuilt = false
}

/// How far an update is: files looked at out of the files to look at.
public struct IndexProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    public init(done: Int, total: Int) {
        self.done = done
        self.total = total
    }
}

/// What to index: folders (their article files and their subfolders', as `FolderWalk` reads them to
/// `depth`) and single files.
public struct IndexScope: Sendable, Equatable {
    public var folders: [String]
    public var files: [String]
    public var fileExtension: String
    /// How many folders down a folder is read, as the commands' `--depth` (nil: the default bound).
    public var depth: Int?

    /// Paths are made canonical (absolute, lexically) against `directory`.
    public init(
        folders: [String], files: [String], fileExtension: String = FormatChooser.defaultExtensions,
        depth: Int? = nil, directory: String
    ) {
        self.folders = folders.map { ArticleID.file($0, in: directory).key }
        self.files = files.map { ArticleID.file($0, in: directory).key }
        self.fileExtension = fileExtension
        self.depth = depth
    }

    var loader: CollectionLoader { CollectionLoader(fileExtension: fileExtension, depth: depth) }
}

extension SearchIndex {
    /// Files parsed per batch, and written in one transaction. FTS5 writes a segment of the
    /// words at every commit and later merges segments: fewer, larger transactions cost it much
    /// less (256 → 1,024 files with the bigger word buffer of `IndexSchema`: 45 % less writer
    /// time on the same text, measured in docs/SEARCH.md), while a batch's text stays ~10 MB.
    static let batchSize = 1024
    /// Behind the reader (one core), small batches: the reader's memory is what counts there (256
    /// files put its peak on the 100,000 folder at 157 MiB in `make bench`, over the 150 MiB row).
    static let serialBatchSize = 64
    /// A batch also ends once its files hold this many bytes (files up to `IndexStream.bigFileBytes`
    /// go in batches): the bound on a batch's text, whatever the files' sizes.
    static let batchBytes: Int64 = 24 << 20
    static let serialBatchBytes: Int64 = 2 << 20

    /// Where the batch that starts at `start` ends: after `files` files, or the first file that
    /// brings it to `bytes` (a batch has one file at least).
    static func batchEnd(_ sizes: [Int64], from start: Int, files: Int, bytes: Int64) -> Int {
        var end = start
        var total: Int64 = 0
        while end < sizes.count && end - start < files && (end == start || total < bytes) {
            total += sizes[end]
            end += 1
        }
        return end
    }

    /// Brings the index up to date with the files in `scope`: new and changed files are read and
    /// indexed (parsed on every core while one writer inserts), removed ones dropped, unchanged
    /// ones cost a `stat`. `progress` is called after each batch; `isCancelled` is asked
    /// between batches (what was written stays: the next update goes on from there).
    /// `parallel`: parse on every core (the command); false parses on the calling thread only,
    /// leaving a core to the reader's keys while it indexes behind the screen.
    /// `mode`: how much is looked at (`UpdateMode`; a full walk by default). `pass`: what a collection's
    /// scan of the same folders listed and stat'ed just before (the reader's), taken instead of a second
    /// walk of each folder it listed.
    public func update(
        _ scope: IndexScope, mode: UpdateMode = .full, pass: FolderPass? = nil, parallel: Bool = true,
        progress: @Sendable (IndexProgress) -> Void = { _ in },
        isCancelled: @Sendable () -> Bool = { false }
    ) throws -> IndexReport {
        var report = IndexReport()
        func run(_ report: inout IndexReport) throws {
            try update(
                scope, mode: mode, pass: pass, parallel: parallel, report: &report, progress: progress,
                isCancelled: isCancelled)
        }
        do {
            try run(&report)
        } catch let error as DatabaseError where SearchIndex.isDamage(error) {
            // Damaged under us: empty it and index again, once.
            try reset()
            report = IndexReport(rebuilt: true)
            try run(&report)
        }
        // Dead rows come only from files dropped or read again; counting them costs a pass over every
        // section row, which a query that changed nothing should not pay.
        if report.removed + report.indexed + report.skipped.count > 0, try shouldCompact() {
            try reset()
            var again = IndexReport(rebuilt: true)
            try run(&again)
            again.skipped = report.skipped
            return again
        }
        return report
    }

    /// Dead text rows are skipped by every query but still take space and time: past as many
    /// as there are live ones (and a few thousand), the index is built again.
    func shouldCompact() throws -> Bool {
        // The dead count first, from one row: counting live sections reads every section row.
        let dead = try pool.read { db in try Int.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'dead'") ?? 0 }
        guard dead > 5_000 else { return false }
        return dead > (try counts().sections)
    }

    private func update(
        _ scope: IndexScope, mode: UpdateMode, pass: FolderPass?, parallel: Bool, report: inout IndexReport,
        progress: @Sendable (IndexProgress) -> Void, isCancelled: @Sendable () -> Bool
    ) throws {
        let loader = scope.loader
        let started = min(SearchIndex.now(), pass?.startedAt ?? .max)
        var given: (keys: PathList, stamps: [FileStamp]) = pass?.files ?? (PathList(), [])
        /// Packed: at 200,000 files, strings were a heap block a path held beside the reader's collection.
        var wanted = PathList()
        /// Parallel to `wanted`: the stamp the collection's pass took, or nil to `stat` the file now.
        var stamped: [FileStamp?] = []
        var gone: [Int64] = []
        var known: [String: (id: Int64, stat: FileStamp, indexed: Bool)] = [:]
        /// Parallel to `wanted`: the file's row when it was matched already (a folder the pass listed),
        /// else nil to look it up in `known`.
        var matched: [(id: Int64, stat: FileStamp, indexed: Bool)?] = []
        // What the folder table becomes once every file is in (not before: a cancelled update must not
        // leave folders looking current whose files were never read).
        var folderRecords: [FolderRecord] = []
        /// The folders the pass listed, and where their files are in `wanted`.
        var fromPass: [(folder: String, range: Range<Int>)] = []
        for folder in scope.folders {
            if mode != .full, let moved = try movedFolders(under: folder, scope: scope) {
                wanted.append(contentsOf: moved.files)
                stamped += moved.stamps
                matched += Array(repeating: nil, count: moved.files.count)
                gone += moved.gone
                if known.isEmpty { known = moved.known } else { known.merge(moved.known) { a, _ in a } }
                folderRecords.append(moved.record)
                continue
            }
            if mode == .movedFoldersOnly { continue }
            if let listed = pass?.listed(root: folder) {
                // Listed and stat'ed by the collection's scan a moment ago: not again.
                let base = folder.hasSuffix("/") ? folder : folder + "/"
                let first = wanted.count
                // Sized once: grown by doubling, these were a third more than the files at the reader's peak.
                wanted.reserveCapacity(first + given.keys.count, bytes: given.keys.byteCount)
                stamped.reserveCapacity(first + given.keys.count)
                for (path, stamp) in zip(given.keys, given.stamps)
                where FolderWalk.reaches(path, from: base, depth: loader.effectiveDepth) {
                    wanted.append(path)
                    stamped.append(stamp)
                }
                // Matched to the index's rows once every folder is taken from the pass (below).
                matched.append(contentsOf: repeatElement(nil, count: wanted.count - first))
                fromPass.append((folder, first..<wanted.count))
                folderRecords.append(.walked(root: folder, listed: listed))
                continue
            }
            let existing = try filesUnder(folder, depth: loader.effectiveDepth)
            let listing = try? loader.listing(folder: folder)
            let listed = listing?.files ?? []
            let listedSet = Set(listed)
            for (path, row) in existing where !listedSet.contains(path) { gone.append(row.id) }
            if known.isEmpty { known = existing } else { known.merge(existing) { a, _ in a } }
            wanted.append(contentsOf: listed)
            stamped += Array(repeating: nil, count: listed.count)
            matched += Array(repeating: nil, count: listed.count)
            if let listing {
                folderRecords.append(.walked(root: folder, listed: listing.listed))
            }
        }
        // Taken into `wanted` and `stamped`: the pass's own arrays are not held through the update.
        given = (PathList(), [])
        pass?.release()
        for (folder, range) in fromPass {
            // Matched to the index's rows in one ordered pass: no dictionary of every path (at
            // 200,000 files that was the reader's peak, behind its first screen).
            try matchRows(
                wanted[range], under: folder, depth: loader.effectiveDepth, gone: &gone, into: &matched,
                at: range.lowerBound)
        }
        for file in scope.files {
            if let row = try fileRow(file) { known[file] = row }
            wanted.append(file)
            stamped.append(nil)
            matched.append(nil)
        }
        // Look at each file once, even when named twice (a file inside a named folder).
        if scope.folders.count + scope.files.count > 1 {
            var seen = Set<String>()
            let once = wanted.map { seen.insert($0).inserted }
            wanted = PathList(zip(wanted, once).filter(\.1).map(\.0))
            stamped = zip(stamped, once).filter(\.1).map(\.0)
            matched = zip(matched, once).filter(\.1).map(\.0)
        }
        // Every file stamped by the collection's pass (the reader's update): those stamps, not a copy.
        let stats =
            stamped.contains(where: { $0 == nil })
            ? ParallelMap.map(Array(wanted.indices)) { [wanted, stamped] i in stamped[i] ?? FileStamp.of(wanted[i]) }
            : stamped
        var work: [(path: String, stat: FileStamp)] = []
        for (i, (path, stat)) in zip(wanted, stats).enumerated() {
            let row = matched[i] ?? known[path]
            guard let stat else {
                if let row { gone.append(row.id) }
                continue
            }
            if let row, row.stat == stat, row.indexed {
                report.unchanged += 1
            } else {
                work.append((path, stat))
            }
        }
        if !gone.isEmpty {
            try pool.write { db in
                for id in gone { try SearchIndex.deleteFile(id, in: db) }
            }
            report.removed = gone.count
        }
        let total = wanted.count
        var done = report.unchanged
        progress(IndexProgress(done: done, total: total))
        // Big files go on their own, streamed, after the batches: never several held at once.
        let big = work.filter { $0.stat.size > IndexStream.bigFileBytes }
        work.removeAll { $0.stat.size > IndexStream.bigFileBytes }

        // The pipeline: the preparing threads read and parse batch k+1 (one fewer of them while the writer
        // writes: `PreparingThreads`) while the writer inserts batch k.
        let writer = DispatchQueue(label: "gazette.index.writer")
        let slots = DispatchSemaphore(value: 2)
        let failure = WriteFailure()
        let reader = FileReader()
        let parser = ArticleParser()
        let sizes = work.map(\.stat.size)
        let workers = ProcessInfo.processInfo.activeProcessorCount
        let preparers = parallel && workers > 1 && work.count > 64 ? PreparingThreads(count: workers) : nil
        defer { preparers?.stop() }
        var start = 0
        while start < work.count, !isCancelled(), failure.error == nil {
            let end = SearchIndex.batchEnd(
                sizes, from: start,
                files: parallel ? SearchIndex.batchSize : SearchIndex.serialBatchSize,
                bytes: parallel ? SearchIndex.batchBytes : SearchIndex.serialBatchBytes)
            let batch = Array(work[start..<end])
            start = end
            let made = SearchIndex.prepare(batch, on: preparers, reader: reader, parser: parser)
            for article in made where article.skipped != nil { report.skipped.append(article.skipped!) }
            report.indexed += made.count { $0.skipped == nil }
            slots.wait()
            preparers?.writerIs(writing: true)
            writer.async { [pool] in
                defer {
                    preparers?.writerIs(writing: false)
                    slots.signal()
                }
                guard failure.error == nil else { return }
                do {
                    try pool.write { db in
                        for article in made { try SearchIndex.insert(article, in: db) }
                    }
                } catch {
                    failure.error = error
                }
            }
            done += batch.count
            progress(IndexProgress(done: done, total: total))
        }
        writer.sync {}
        if let error = failure.error { throw error }
        for item in big where !isCancelled() {
            indexBig(item, report: &report)
            done += 1
            progress(IndexProgress(done: done, total: total))
        }
        if !isCancelled() && !folderRecords.isEmpty {
            try record(folderRecords, scope: scope, listedAfter: started)
        }
    }

    /// A batch's files read and prepared, in order: on `threads` in shares of a few dozen files, each
    /// share with one `IndexText` (its fold remembers every character it has folded), or on this thread.
    static func prepare(
        _ batch: [(path: String, stat: FileStamp)], on threads: PreparingThreads?, reader: FileReader,
        parser: ArticleParser
    ) -> [IndexedArticle] {
        @Sendable func make(_ range: Range<Int>) -> [IndexedArticle] {
            var text = IndexText()
            return batch[range].map {
                IndexedArticle.make(path: $0.path, stat: $0.stat, reader: reader, parser: parser, text: &text)
            }
        }
        guard let threads, batch.count > 64 else { return make(batch.indices) }
        // Several shares a thread: files differ in size, and a thread that ends early takes another share.
        let size = max(16, batch.count / (threads.count * 8))
        let shares = stride(from: 0, to: batch.count, by: size).map { $0..<min(batch.count, $0 + size) }
        let results = Mutex<[[IndexedArticle]]>(Array(repeating: [], count: shares.count))
        threads.perform(iterations: shares.count) { k in
            let share = make(shares[k])
            results.withLock { $0[k] = share }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    /// One big file, streamed in one transaction: a file that cannot be read gets its reason.
    private func indexBig(_ item: (path: String, stat: FileStamp), report: inout IndexReport) {
        let reader = FileReader()
        let parser = ArticleParser()
        do {
            try pool.write { db in
                let file = try SearchIndex.insertFile(
                    IndexedArticle(
                        path: item.path, stat: item.stat, title: "", preparedTitle: "", sections: [], skipped: nil),
                    in: db)
                var preparedTitle = ""
                try IndexStream.read(
                    item.path, reader: reader, parser: parser,
                    title: { title in
                        var text = IndexText()
                        preparedTitle = text.prepare(title)
                        try db.execute(sql: "UPDATE file SET title = ? WHERE id = ?", arguments: [title, file])
                    },
                    piece: { piece in
                        try SearchIndex.insertSection(
                            file: file, number: piece.section, heading: piece.heading, preparedTitle: preparedTitle,
                            preparedHeading: piece.preparedHeading, preparedBody: piece.preparedBody, in: db)
                    })
            }
            report.indexed += 1
        } catch let error as ArticleError {
            report.skipped.append(error.description)
            try? pool.write { db in
                try SearchIndex.insert(
                    IndexedArticle(
                        path: item.path, stat: item.stat, title: "", preparedTitle: "", sections: [],
                        skipped: error.description), in: db)
            }
        } catch {
            report.skipped.append("\(shown(item.path)): not indexed (\(SearchIndex.reason(error)))")
        }
    }

    /// The indexed files a walk of `folder` to `depth` could list (`FolderWalk.reaches`), by path: those
    /// of a hidden folder, or deeper, are another scope's and stay.
    ///
    /// The rows are read in path order, and a subfolder below `depth` is stepped over with one seek
    /// instead of being read row by row: the files directly in an archive's top folder (listed again
    /// when a year folder is added) cost a few seeks, not a read of every row under it (a second at
    /// 1,000,000 files).
    func filesUnder(_ folder: String, depth: Int) throws -> [String: (id: Int64, stat: FileStamp, indexed: Bool)] {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        let upper = SearchIndex.upperBound(of: base)
        return try pool.read { db in
            var out: [String: (id: Int64, stat: FileStamp, indexed: Bool)] = [:]
            var from = base
            seeking: while true {
                let rows = try Row.fetchCursor(
                    db,
                    sql:
                        "SELECT id, path, size, mtime, inode, indexed FROM file WHERE path > ? AND path < ? ORDER BY path",
                    arguments: [from, upper])
                while let row = try rows.next() {
                    let path: String = row["path"]
                    if let deeper = FolderWalk.tooDeepFolder(path, under: base, depth: depth) {
                        // Every path in that folder sorts before its upper bound, after it none of them.
                        from = SearchIndex.upperBound(of: String(deeper))
                        continue seeking
                    }
                    guard FolderWalk.reaches(path, from: base, depth: depth) else { continue }
                    out[path] = (
                        row["id"], FileStamp(size: row["size"], mtime: row["mtime"], inode: row["inode"]),
                        row["indexed"]
                    )
                }
                return out
            }
        }
    }

    /// The index's row of each of `paths` (canonical, under `folder`), in their order, nil for a path it
    /// has not; a row a walk of `folder` to `depth` reaches that is not among them goes into `gone`.
    /// One pass over the rows in path order, merged with the paths (sorted first if they are not).
    func rows(
        matching paths: ArraySlice<String>, under folder: String, depth: Int, gone: inout [Int64]
    ) throws -> [(id: Int64, stat: FileStamp, indexed: Bool)?] {
        var out = [(id: Int64, stat: FileStamp, indexed: Bool)?](repeating: nil, count: paths.count)
        try matchRows(paths, under: folder, depth: depth, gone: &gone, into: &out, at: 0)
        return out
    }

    /// `rows(matching:)` written into `out` from `start` (the update's own array: no second one of
    /// 200,000 rows beside it).
    func matchRows<Paths: RandomAccessCollection>(
        _ paths: Paths, under folder: String, depth: Int, gone: inout [Int64],
        into out: inout [(id: Int64, stat: FileStamp, indexed: Bool)?], at start: Int
    ) throws where Paths.Element == String, Paths.Index == Int {
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        // The slice's own indices (no copy of 200,000 references).
        let offset = paths.startIndex - start
        // SQLite orders text by its bytes; a walk lists in that order already.
        func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
        var order = Array(paths.indices)
        if zip(paths, paths.dropFirst()).contains(where: { precedes($1, $0) }) {
            order.sort { precedes(paths[$0], paths[$1]) }
        }
        var dropped: [Int64] = []
        try pool.read { db in
            try SearchIndex.scanning(db) {
                let rows = try Row.fetchCursor(
                    db,
                    sql:
                        "SELECT id, path, size, mtime, inode, indexed FROM file WHERE path > ? AND path < ? ORDER BY path",
                    arguments: [base, SearchIndex.upperBound(of: base)])
                var next = 0
                // The path at `next`, made once however many rows are compared with it (a packed list
                // makes a string per access).
                var current = order.isEmpty ? nil : paths[order[0]]
                func advance() {
                    next += 1
                    current = next < order.count ? paths[order[next]] : nil
                }
                while let row = try rows.next() {
                    let path: String = row["path"]
                    guard FolderWalk.reaches(path, from: base, depth: depth) else { continue }
                    while let c = current, precedes(c, path) { advance() }
                    guard let c = current, c.utf8.elementsEqual(path.utf8) else {
                        dropped.append(row["id"])
                        continue
                    }
                    out[order[next] - offset] = (
                        row["id"], FileStamp(size: row["size"], mtime: row["mtime"], inode: row["inode"]),
                        row["indexed"]
                    )
                    advance()
                }
            }
        }
        gone += dropped
    }

    func fileRow(_ path: String) throws -> (id: Int64, stat: FileStamp, indexed: Bool)? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, size, mtime, inode, indexed FROM file WHERE path = ?", arguments: [path]
            )
            .map { ($0["id"], FileStamp(size: $0["size"], mtime: $0["mtime"], inode: $0["inode"]), $0["indexed"]) }
        }
    }

    /// The smallest string above every string that starts with `prefix`.
    static func upperBound(of prefix: String) -> String {
        prefix + "\u{10FFFF}"
    }

    /// Drops a file's rows; its text rows become dead (see the schema).
    static func deleteFile(_ id: Int64, in db: Database) throws {
        try db.execute(sql: "DELETE FROM section WHERE file = ?", arguments: [id])
        let dead = db.changesCount
        try db.execute(sql: "DELETE FROM file WHERE id = ?", arguments: [id])
        if dead > 0 {
            try db.execute(sql: "UPDATE meta SET value = value + ? WHERE key = 'dead'", arguments: [dead])
        }
    }

    static func insert(_ article: IndexedArticle, in db: Database) throws {
        let file = try insertFile(article, in: db)
        for (number, section) in article.sections.enumerated() {
            try insertSection(
                file: file, number: number, heading: section.heading, preparedTitle: article.preparedTitle,
                preparedHeading: section.preparedHeading, preparedBody: section.preparedBody, in: db)
        }
    }

    /// The file's row (its old rows dropped first); returns its id.
    static func insertFile(_ article: IndexedArticle, in db: Database) throws -> Int64 {
        // Another Gazette may have indexed the same file meanwhile: the newer rows win.
        let existing = try db.cachedStatement(sql: "SELECT id FROM file WHERE path = ?")
        if let old = try Int64.fetchOne(existing, arguments: [article.path]) {
            try deleteFile(old, in: db)
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO file (path, size, mtime, inode, title, skipped, catalogued, format, prev, next, url,
                prev_url, next_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            article.path, article.stat.size, article.stat.mtime, article.stat.inode, article.title, article.skipped,
            article.links != nil, article.format.rawValue, article.links?.previousTitle, article.links?.nextTitle,
            article.links?.url, article.links?.previousURL, article.links?.nextURL,
        ])
        return db.lastInsertedRowID
    }

    /// One section's row and its words.
    static func insertSection(
        file: Int64, number: Int, heading: String?, preparedTitle: String, preparedHeading: String,
        preparedBody: String, in db: Database
    ) throws {
        try db.cachedStatement(sql: "INSERT INTO section (file, number, heading) VALUES (?, ?, ?)")
            .execute(arguments: [file, number, heading])
        try db.cachedStatement(sql: "INSERT INTO text (rowid, title, heading, body) VALUES (?, ?, ?, ?)")
            .execute(arguments: [db.lastInsertedRowID, preparedTitle, preparedHeading, preparedBody])
    }
}

/// The writer's first error, read by the thread that feeds it.
private final class WriteFailure: Sendable {
    private let stored = Mutex<(any Error)?>(nil)
    var error: (any Error)? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
