import ArticleKit
import Foundation
import GRDB
import GazetteTestSupport
import Synchronization
import XCTest

@testable import SearchIndex

#if canImport(Glibc)
    import Glibc
#endif

/// The catalogue and the freshness rule (docs/SEARCH.md, "Freshness") on a year/month archive written
/// by the tests. No test waits for the clock: folder times are set explicitly, in the past.
final class FreshnessTests: XCTestCase {
    var folder: TemporaryFolder!
    var cache: TemporaryFolder!
    /// Times far enough in the past not to count as just changed (`SearchIndex.racyWindow`).
    let past = Date(timeIntervalSince1970: 1_700_000_000)
    let later = Date(timeIntervalSince1970: 1_700_000_100)

    override func setUpWithError() throws {
        folder = try temporaryFolder()
        cache = try temporaryFolder()
        for month in ["2026/01", "2026/02", "2026/03"] { try folder.makeFolder(month) }
        write("2026/01/a.txt", "Harbour bakery", "The harbour bakery bakes sourdough again.", next: "Market day")
        write("2026/01/b.txt", "Market day", "Stalls sell cheese and fish.", previous: "Harbour bakery")
        write("2026/02/c.txt", "Council meets", "The council voted on the bridge.")
        write("2026/02/d.txt", "River walk", "A walk along the river at dawn.")
        write("2026/03/e.txt", "Library opens", "The new library opens its doors.")
        try settle()
    }

    func write(_ name: String, _ title: String, _ body: String, previous: String? = nil, next: String? = nil) {
        folder.write(name, Fixture(title: title, blocks: [body], previous: previous, next: next).bytes)
    }

    /// Rewrites a file in place (same inode, no rename): its folder's mtime does not move.
    func editInPlace(_ name: String, _ title: String, _ body: String) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: folder.path(name)))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(Fixture(title: title, blocks: [body]).bytes))
        try handle.close()
    }

    /// Every folder's mtime set to `date` (as if nothing had changed in them since then).
    func settle(_ date: Date? = nil, only: [String]? = nil) throws {
        for name in only ?? ["", "2026", "2026/01", "2026/02", "2026/03"] {
            try FileManager.default.setAttributes(
                [.modificationDate: date ?? past], ofItemAtPath: name.isEmpty ? folder.path : folder.path(name))
        }
    }

    func openIndex() throws -> SearchIndex {
        try SearchIndex.open(IndexLocation(directory: cache.path)).index
    }

    var scope: IndexScope { IndexScope(folders: [folder.path], files: [], directory: "/") }

    func names(_ index: SearchIndex, _ typed: String) throws -> [String] {
        try index.find(try SearchQuery.parse(typed), scope: scope, limit: 20).map {
            String($0.hit.path.dropFirst(folder.path.count + 1))
        }.sorted()
    }

    func testAddedRemovedAndRenamedFilesInNestedFoldersAreSeenByListingOnlyTheFoldersThatMoved() throws {
        let index = try openIndex()
        XCTAssertEqual(try index.update(scope, mode: .movedFolders).indexed, 5, "never walked: a full walk")
        // 2026/02 changes: a file added, one removed, one renamed; its mtime moves. 2026/01 and 03 do not.
        write("2026/02/f.txt", "Council again", "The council met once more.")
        try FileManager.default.removeItem(atPath: folder.path("2026/02/c.txt"))
        try FileManager.default.moveItem(atPath: folder.path("2026/02/d.txt"), toPath: folder.path("2026/02/g.txt"))
        try settle(later, only: ["2026/02"])
        let report = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual(report.removed, 2, "c.txt and the old name of d.txt")
        XCTAssertEqual(report.indexed, 2, "f.txt and g.txt")
        XCTAssertEqual(report.unchanged, 0, "the files of the folders that did not move were not even stat'ed")
        XCTAssertEqual(try names(index, "council"), ["2026/02/f.txt"])
        XCTAssertEqual(try names(index, "river"), ["2026/02/g.txt"])
        // Nothing moved since: nothing is looked at.
        let again = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual([again.indexed, again.removed, again.unchanged], [0, 0, 0])
    }

    /// The rows under a folder to a depth are read stepping over deeper folders (one seek each): the
    /// same rows as reading every row under it and keeping those a walk to that depth reaches.
    func testFilesUnderAFolderToADepthSteppingOverDeeperFoldersAreThoseAWalkReaches() throws {
        write("top.txt", "Front page", "The front page of the archive.")
        write("2026/year.txt", "The year", "A year in the harbour town.")
        try folder.makeFolder("2026/02/deep")
        write("2026/02/deep/z.txt", "Deep file", "A file three levels down.")
        try folder.makeFolder("2026.extra")
        write("2026.extra/x.txt", "Beside the year", "A folder whose name sorts among the year's paths.")
        try folder.makeFolder(".hidden")
        write(".hidden/h.txt", "Hidden", "Not the archive's.")
        write("zz.txt", "Last", "Sorts after every folder.")
        let index = try openIndex()
        let deep = IndexScope(folders: [folder.path], files: [], depth: 3, directory: "/")
        _ = try index.update(deep, mode: .full)
        let all = try index.filesUnder(folder.path, depth: 10)
        let root = folder.path + "/"
        for depth in 0...3 {
            let expected = all.keys.filter { FolderWalk.reaches($0, from: root, depth: depth) }.sorted()
            XCTAssertEqual(try index.filesUnder(folder.path, depth: depth).keys.sorted(), expected, "depth \(depth)")
        }
        XCTAssertEqual(
            try index.filesDirectlyIn(folder.path).keys.map { String($0.dropFirst(root.count)) }.sorted(),
            ["top.txt", "zz.txt"])
        XCTAssertEqual(
            try index.filesUnder(folder.path("2026"), depth: 0).keys.map { String($0.dropFirst(root.count)) },
            ["2026/year.txt"])
    }

    func testAFileReplacedByRenamingAnotherOverItIsReadAgain() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        // How editors and scrapers save: a new file, renamed over the old name (a new inode).
        folder.write("2026/01/a.txt.part", Fixture(title: "Harbour bakery", blocks: ["Croissants at dawn."]).bytes)
        XCTAssertEqual(rename(folder.path("2026/01/a.txt.part"), folder.path("2026/01/a.txt")), 0)
        try settle(later, only: ["2026/01"])
        let report = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual([report.indexed, report.unchanged], [1, 1], "a.txt read again; b.txt, same inode, not")
        XCTAssertEqual(try names(index, "croissants"), ["2026/01/a.txt"])
    }

    func testANewMonthFolderIsFound() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        try folder.makeFolder("2026/04")
        write("2026/04/h.txt", "Spring fair", "The spring fair returns to the square.")
        try settle(later, only: ["2026", "2026/04"])
        let report = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual(report.indexed, 1)
        XCTAssertEqual(report.unchanged, 0, "only the new folder is read: the months that did not move are not walked")
        XCTAssertEqual(try names(index, "fair"), ["2026/04/h.txt"])
        // A second level of new folders under it, and nothing more to do once recorded.
        try folder.makeFolder("2026/04/extra")
        write("2026/04/extra/i.txt", "Fair again", "The fair stays a second week.")
        try settle(later.addingTimeInterval(10), only: ["2026/04", "2026/04/extra"])
        XCTAssertEqual(try index.update(scope, mode: .movedFolders).indexed, 1)
        XCTAssertEqual(try names(index, "fair"), ["2026/04/extra/i.txt", "2026/04/h.txt"])
        let again = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual([again.indexed, again.removed, again.unchanged], [0, 0, 0])
    }

    func testSearchingOneYearAloneKeepsTheWholeArchivesWalk() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        let year = IndexScope(folders: [folder.path("2026")], files: [], directory: "/")
        _ = try index.update(year)  // walks 2026 whole: its rows refreshed
        write("2026/03/h.txt", "Spring fair", "The spring fair returns to the square.")
        try settle(later, only: ["2026/03"])
        let report = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual([report.indexed, report.unchanged], [1, 1], "only 2026/03 listed again: no full walk")
        XCTAssertEqual(try names(index, "fair"), ["2026/03/h.txt"])
        // A shallower walk of the year (its folder alone) does not reach the months: the archive's walk goes.
        var shallow = year
        shallow.depth = 0
        _ = try index.update(shallow)
        write("2026/03/i.txt", "Fair again", "The fair stays a second week.")
        try settle(later.addingTimeInterval(10), only: ["2026/03"])
        XCTAssertEqual(try index.update(scope, mode: .movedFolders).unchanged, 6, "walked whole again")
        XCTAssertEqual(try names(index, "fair"), ["2026/03/h.txt", "2026/03/i.txt"])
    }

    func testARemovedMonthFolderTakesItsFilesWithoutAFullWalk() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        try FileManager.default.removeItem(atPath: folder.path("2026/02"))
        try settle(later, only: ["2026"])
        let report = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual([report.removed, report.indexed, report.unchanged], [2, 0, 0])
        XCTAssertEqual(try names(index, "council"), [])
        // The folder made again later is a new folder, read as one.
        try folder.makeFolder("2026/02")
        write("2026/02/c.txt", "Council meets", "The council voted on the bridge.")
        try settle(later.addingTimeInterval(10), only: ["2026", "2026/02"])
        XCTAssertEqual(try index.update(scope, mode: .movedFolders).indexed, 1)
        XCTAssertEqual(try names(index, "council"), ["2026/02/c.txt"])
    }

    func testANewFolderThatIsALinkIsReadByAFullWalk() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        // A link to a month already read: the walk reads a folder once, so the whole archive is walked.
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("2026/99"), withDestinationPath: folder.path("2026/01"))
        try settle(later, only: ["2026"])
        let report = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual(report.unchanged, 5, "walked whole: every file stat'ed")
        XCTAssertEqual(try names(index, "cheese"), ["2026/01/b.txt"], "read once, where it came first")
    }

    func testAnInPlaceEditIsSeenWhenItIsAHitAndOtherwiseByTheFullCheck() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        try editInPlace("2026/01/a.txt", "Harbour bakery", "The bakery now sells rye and sourdough to the harbour.")
        try editInPlace("2026/03/e.txt", "Library opens", "The library lends kayaks now.")
        try settle()
        _ = try index.update(scope, mode: .movedFolders)
        // A hit's file is looked at before it is shown: read again, so its snippet is the new text.
        let hit = try XCTUnwrap(
            try index.find(try SearchQuery.parse("sourdough"), scope: scope, limit: 5).first)
        XCTAssertTrue(hit.hit.snippet?.text.contains("rye") ?? false, hit.hit.snippet?.text ?? "no snippet")
        // An edit that made a file match, no folder moving: not seen until the full check.
        XCTAssertEqual(try names(index, "kayaks"), [])
        _ = try index.update(scope, mode: .full)
        XCTAssertEqual(try names(index, "kayaks"), ["2026/03/e.txt"])
    }

    func testADeletedHitIsNeverShown() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        try FileManager.default.removeItem(atPath: folder.path("2026/02/c.txt"))
        // Its folder's time put back: the rule cannot see the removal, the hit's own check does.
        try settle()
        _ = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual(try names(index, "council"), [])
        XCTAssertEqual(try index.fileRow(folder.path("2026/02/c.txt"))?.id, nil, "its rows are dropped")
    }

    func testAFolderChangedJustBeforeTheUpdateIsListedAgainNextTime() throws {
        let index = try openIndex()
        // 2026/03 changed "now", and a name is added to it in the same tick of the file clock: its
        // mtime does not move. Its time was not kept, so it is listed again all the same.
        let now = Date()
        try settle(now, only: ["2026/03"])
        _ = try index.update(scope)
        write("2026/03/i.txt", "Tram line", "The tram line opens.")
        try settle(now, only: ["2026/03"])
        _ = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual(try names(index, "tram"), ["2026/03/i.txt"])
    }

    func testTheQueryOnlyRuleLeavesAFolderNeverWalkedAlone() throws {
        let index = try openIndex()
        let report = try index.update(scope, mode: .movedFoldersOnly)
        XCTAssertEqual(report.indexed, 0, "the reader's full update behind the screen does the first walk")
    }

    // MARK: The catalogue

    /// How many of the archive's files the catalogue holds, asked in path order and in reverse.
    func catalogued(_ index: SearchIndex) throws -> Int {
        let keys = try CollectionLoader().list(folder: folder.path)
        let forward = try index.catalogue(keys: keys).compactMap { $0 }
        let backward = try index.catalogue(keys: keys.reversed()).compactMap { $0 }
        XCTAssertEqual(forward.map(\.links.title), backward.reversed().map(\.links.title))
        return forward.count
    }

    func testTheCatalogueGivesTheSameCollectionWithoutReadingAnyFile() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        let scanned = try CollectionLoader().collection(ofFolder: folder.path)
        var loader = CollectionLoader(store: CountingStore())
        loader.catalogue = { try! index.catalogue(keys: $0) }
        XCTAssertEqual(try catalogued(index), 5)
        let kept = try loader.collection(ofFolder: folder.path)
        XCTAssertEqual(kept.entries, scanned.entries)
        XCTAssertEqual((loader.store as! CountingStore).reads.value, 0)
        // One file changed: only it is read.
        try editInPlace("2026/02/d.txt", "River walk at night", "A walk along the river at night.")
        let changed = try loader.collection(ofFolder: folder.path)
        XCTAssertEqual((loader.store as! CountingStore).reads.value, 1)
        XCTAssertEqual(changed.entries, try CollectionLoader().collection(ofFolder: folder.path).entries)
    }

    func testWhatACommandScannedIsKeptAndIndexedLater() throws {
        let index = try openIndex()
        var loader = CollectionLoader(store: CountingStore())
        loader.scanned = ScannedFiles()
        _ = try loader.collection(ofFolder: folder.path)
        XCTAssertEqual((loader.store as! CountingStore).reads.value, 5)
        try index.keep(loader.scanned!.entries)
        loader.catalogue = { try! index.catalogue(keys: $0) }
        loader.scanned = ScannedFiles()
        _ = try loader.collection(ofFolder: folder.path)
        XCTAssertEqual((loader.store as! CountingStore).reads.value, 5, "the second open read nothing")
        // Catalogued, not indexed: the update still reads every file's words.
        XCTAssertEqual(try index.update(scope).indexed, 5)
        XCTAssertEqual(try names(index, "library"), ["2026/03/e.txt"])
    }

    func testTheIndexTakesTheCollectionsListingAndStampsInsteadOfWalkingAgain() throws {
        let index = try openIndex()
        var loader = CollectionLoader()
        let pass = FolderPass()
        loader.pass = pass
        _ = try loader.collection(ofFolder: folder.path)
        // Added after the collection's pass: an update that took the pass does not see it (no second walk)…
        write("2026/03/j.txt", "Night market", "The night market opens.")
        try settle(later, only: ["2026/03"])
        let report = try index.update(scope, mode: .full, pass: pass)
        XCTAssertEqual(report.indexed, 5)
        XCTAssertEqual(try names(index, "market"), ["2026/01/b.txt"])
        // …and the folder times it kept are the pass's, so the next query lists 2026/03 again.
        _ = try index.update(scope, mode: .movedFolders)
        XCTAssertEqual(try names(index, "market"), ["2026/01/b.txt", "2026/03/j.txt"])
    }

    func testAnUpdateFromThePassDropsFilesGoneReadsNewOnesAndLeavesTheRest() throws {
        let index = try openIndex()
        XCTAssertEqual(try index.update(scope).indexed, 5)
        try FileManager.default.removeItem(atPath: folder.path("2026/02/c.txt"))
        write("2026/03/k.txt", "Night market", "The night market opens.")
        var loader = CollectionLoader()
        let pass = FolderPass()
        loader.pass = pass
        _ = try loader.collection(ofFolder: folder.path)
        let report = try index.update(scope, mode: .full, pass: pass)
        XCTAssertEqual(report.unchanged, 4)
        XCTAssertEqual(report.removed, 1)
        XCTAssertEqual(report.indexed, 1)
        XCTAssertEqual(try names(index, "council"), [])
        XCTAssertEqual(try names(index, "night"), ["2026/03/k.txt"])
        XCTAssertTrue(pass.files.keys.isEmpty, "the update lets the pass go once it has taken its files")
        XCTAssertNil(pass.listed(root: ArticleID.file(folder.path, in: "/").key))
    }

    /// The one-pass scans of the `file` table hold the page cache small while they read, and leave the
    /// connection's own size for the queries after them.
    func testAScanOfTheFileTableGivesTheConnectionItsCacheBack() throws {
        let index = try openIndex()
        let sizes = try index.pool.read { db in
            let during = try SearchIndex.scanning(db) { try Int.fetchOne(db, sql: "PRAGMA cache_size") }
            return (during, try Int.fetchOne(db, sql: "PRAGMA cache_size"))
        }
        XCTAssertEqual(sizes.0, -512)
        XCTAssertEqual(sizes.1, -SearchIndex.cacheKiB)
    }

    func testRowsAreMatchedToPathsInAnyOrder() throws {
        let index = try openIndex()
        _ = try index.update(scope)
        let root = ArticleID.file(folder.path, in: "/").key
        let paths = ["2026/03/e.txt", "2026/01/a.txt", "2026/09/new.txt", "2026/01/b.txt"].map { root + "/" + $0 }
        var gone: [Int64] = []
        let rows = try index.rows(matching: paths[...], under: root, depth: 16, gone: &gone)
        XCTAssertEqual(rows.map { $0 != nil }, [true, true, false, true])
        XCTAssertEqual(rows[1]?.stat, FileStamp.of(paths[1]))
        XCTAssertEqual(gone.count, 2, "c.txt and d.txt were not among the paths")
        // A slice that does not start at 0 (the update's own array, from where a folder's files begin).
        var goneToo: [Int64] = []
        let tail = try index.rows(matching: paths[1...], under: root, depth: 16, gone: &goneToo)
        XCTAssertEqual(tail.map { $0?.id }, rows.dropFirst().map { $0?.id })
        for (path, row) in zip(paths, rows) {
            guard let row else { continue }
            XCTAssertEqual(try index.fileRow(path)?.id, row.id)
        }
    }

    func testADamagedCatalogueIsBuiltAgain() throws {
        do {
            let index = try openIndex()
            _ = try index.update(scope)
        }
        let database = IndexLocation(directory: cache.path).database
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: database))
        let opened = try SearchIndex.open(IndexLocation(directory: cache.path))
        XCTAssertNotNil(opened.notice, "said in one line")
        XCTAssertEqual(try catalogued(opened.index), 0, "nothing trusted")
        XCTAssertEqual(try opened.index.update(scope, mode: .movedFolders).indexed, 5)
        XCTAssertEqual(try catalogued(opened.index), 5)
    }
}

/// A file store that counts the files it opens to scan.
final class CountingStore: ArticleStore, Sendable {
    let files = FileStore()
    let reads = Counter()
    func bytes(of source: String) throws(ArticleError) -> [UInt8] { try files.bytes(of: source) }
    func edges(of source: String) throws(ArticleError) -> (head: [UInt8], tail: [UInt8]?) {
        reads.add()
        return try files.edges(of: source)
    }
    func prefix(of source: String, count: Int) throws(ArticleError) -> (bytes: [UInt8], isWhole: Bool) {
        try files.prefix(of: source, count: count)
    }
    func stream(_ source: String, _ body: (UnsafeBufferPointer<UInt8>) throws(ArticleError) -> Void)
        throws(ArticleError)
    {
        try files.stream(source, body)
    }
    func identity(of source: String) -> ArticleID { files.identity(of: source) }
}

final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
