import ArticleKit
import Foundation
import GRDB
import ReaderCore
import XCTest

@testable import StateStore

/// A state folder of its own per test, under a temporary directory: never ~/.local/state.
final class TempState: @unchecked Sendable {
    let root: String
    let location: StateLocation

    init() {
        root = NSTemporaryDirectory() + "gazette-state-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: root + "/articles", withIntermediateDirectories: true)
        location = StateLocation(directory: root + "/state/gazette")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Writes an article file and returns its canonical path.
    @discardableResult
    func article(_ name: String, _ text: String) -> String {
        let path = root + "/articles/" + name
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func open() throws -> StateDatabase { try StateDatabase.open(location).database }
    func key(_ path: String) -> ArticleKey { ArticleKey(path: path, fingerprint: Fingerprint.ofFile(path)) }
    var folder: String { root + "/articles" }
}

final class StateDatabaseTests: XCTestCase {
    let place = TextPlace(block: 4, offset: 17, heading: "Why the service came back", snippet: "The committee met")

    func testTheStandardLocationFollowsXDG() {
        XCTAssertEqual(
            StateLocation.standard(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"])?.database,
            "/x/state/gazette/state.sqlite")
        XCTAssertEqual(
            StateLocation.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.database,
            "/h/.local/state/gazette/state.sqlite", "a relative XDG_STATE_HOME is ignored, as the spec says")
        XCTAssertNil(StateLocation.standard(environment: [:]))
    }

    func testAFreshDatabaseIsWALWithTheSchemaAndABusyTimeout() throws {
        let temp = TempState()
        let db = try temp.open()
        try db.pool.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertGreaterThanOrEqual(
                try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0,
                Int(StateDatabase.busyTimeout * 1000))
            XCTAssertEqual(try Schema.migrator.appliedIdentifiers(db), ["v1"])
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            XCTAssertEqual(tables, ["article", "grdb_migrations", "history", "mark", "position"])
        }
        XCTAssertEqual(try db.integrityCheck(), "ok")
    }

    func testAPositionIsKeptAsATextPlaceAndFoundAgainAfterAMove() throws {
        let temp = TempState()
        let path = temp.article("a.txt", "Title\n\nSome text here.\n")
        let db = try temp.open()
        try db.savePosition(temp.key(path), place: place, progress: 40, at: 100)
        try db.savePosition(temp.key(path), place: place, progress: 20, at: 101)
        XCTAssertEqual(try db.place(for: ArticleKey(path: path, fingerprint: nil)), place)
        XCTAssertEqual(try db.records(paths: [path])[path]?.progress, 40, "progress keeps the furthest point")
        // Renamed: not found by its new path, found by its text; the next save moves the row.
        let moved = temp.folder + "/renamed.txt"
        try FileManager.default.moveItem(atPath: path, toPath: moved)
        XCTAssertNil(try db.place(for: ArticleKey(path: moved, fingerprint: nil)))
        XCTAssertEqual(try db.place(for: temp.key(moved)), place)
        try db.opened(temp.key(moved), title: "Title", at: 102)
        XCTAssertEqual(try db.records(paths: [moved])[moved]?.progress, 40, "the row followed the file")
        XCTAssertEqual(try db.records(paths: [path]), [:])
    }

    func testTheJournalOfAFolder() throws {
        let temp = TempState()
        let a = temp.article("a.txt", "A\n\nText a.\n"), b = temp.article("b.txt", "B\n\nText b.\n")
        let elsewhere = ArticleKey(path: "/elsewhere/c.txt", fingerprint: "f")
        let db = try temp.open()
        try db.opened(temp.key(a), title: "A", at: 1)
        try db.opened(temp.key(b), title: "B", at: 2)
        try db.opened(elsewhere, title: "C", at: 3)
        try db.setRead([temp.key(a)], read: true, at: 4)
        try db.savePosition(temp.key(b), place: place, progress: 30, at: 5)
        try db.setMark(temp.key(a), letter: "a", place: place, title: "A", at: 6)
        try db.setMark(temp.key(b), letter: "Q", place: place, title: "B", at: 7)
        try db.setMark(temp.key(a), letter: "Q", place: place, title: "A", at: 8)
        try db.saveHistory(scope: temp.folder, back: [(temp.key(a), place)], forward: [])
        XCTAssertEqual(try db.lastOpened(inFolder: temp.folder), b)
        let journal = try db.journal(folders: [temp.folder], scope: temp.folder, places: true)
        XCTAssertEqual(journal.read, [ArticleID(key: a)])
        XCTAssertEqual(journal.progress, [ArticleID(key: b): 30])
        XCTAssertEqual(journal.places, [ArticleID(key: b): place])
        XCTAssertEqual(
            journal.marks.map { "\($0.letter)\($0.title)" }, ["QA", "aA"],
            "newest first; an upper-case mark lives in one article only")
        XCTAssertEqual(journal.recent, [ArticleID(key: b), ArticleID(key: a)], "only this folder's, newest first")
        XCTAssertEqual(journal.back.map(\.article), [ArticleID(key: a)])
        XCTAssertEqual(journal.back.first?.place, place)
        XCTAssertEqual(
            try db.journal(folders: [temp.folder], scope: temp.folder, places: false).places, [:],
            "--from-start: no places")
    }

    /// A nested archive (issue 21): the article last opened in a month folder is where the archive
    /// opens, and the journal holds the subfolders' articles, within the depth and never a hidden
    /// folder's or a neighbouring folder whose name starts the same.
    func testTheJournalOfANestedFolderHoldsItsSubfolders() throws {
        let temp = TempState()
        for sub in ["2026/01", ".drafts"] {
            try FileManager.default.createDirectory(atPath: temp.folder + "/" + sub, withIntermediateDirectories: true)
        }
        let top = temp.article("top.txt", "Top\n\nText.\n")
        let month = temp.article("2026/01/m.txt", "Month\n\nText.\n")
        let draft = temp.article(".drafts/d.txt", "Draft\n\nText.\n")
        // "articles-old" beside "articles": its name starts the same, it is not a subfolder.
        let neighbour = temp.root + "/articles-old/n.txt"
        try FileManager.default.createDirectory(atPath: temp.root + "/articles-old", withIntermediateDirectories: true)
        try "Old\n\nText.\n".write(toFile: neighbour, atomically: true, encoding: .utf8)
        let db = try temp.open()
        try db.opened(temp.key(top), title: "Top", at: 1)
        try db.opened(temp.key(month), title: "Month", at: 2)
        try db.opened(temp.key(draft), title: "Draft", at: 3)
        try db.opened(temp.key(neighbour), title: "Old", at: 4)
        try db.setRead([temp.key(month), temp.key(draft), temp.key(neighbour)], read: true, at: 5)
        XCTAssertEqual(try db.lastOpened(inFolder: temp.folder), month)
        XCTAssertEqual(try db.lastOpened(inFolder: temp.folder, depth: 0), top, "--no-recurse: the folder's own")
        let journal = try db.journal(folders: [temp.folder], scope: temp.folder, places: true)
        XCTAssertEqual(journal.read, [ArticleID(key: month)])
        XCTAssertEqual(journal.recent, [ArticleID(key: month), ArticleID(key: top)])
        let flat = try db.journal(folders: [temp.folder], depth: 0, scope: temp.folder, places: true)
        XCTAssertEqual(flat.read, [])
        XCTAssertEqual(flat.recent, [ArticleID(key: top)])
    }

    func testExportAndImportMergeByFingerprint() throws {
        let here = TempState(), there = TempState()
        let a = here.article("a.txt", "A\n\nText a.\n")
        let mine = try here.open()
        try mine.opened(here.key(a), title: "A", at: 10)
        try mine.setRead([here.key(a)], read: true, at: 11)
        try mine.savePosition(here.key(a), place: place, progress: 100, at: 12)
        try mine.setMark(here.key(a), letter: "m", place: place, title: "A", at: 13)
        let lines = try mine.export().map(StateJSON.line).joined(separator: "\n")
        // The same text under another name on the other machine, read there earlier and marked unread.
        let b = there.article("moved-here.txt", "A\n\n  Text   a.\r\n")
        let theirs = try there.open()
        try theirs.setRead([there.key(b)], read: false, at: 5)
        let summary = try theirs.importing(try StateJSON.articles(lines))
        XCTAssertEqual(summary, ImportSummary(merged: 1, added: 0), "found by fingerprint, white space aside")
        let merged = try theirs.export()
        XCTAssertEqual(merged.count, 1)
        XCTAssertEqual(merged[0].path, b)
        XCTAssertTrue(merged[0].read, "the newer read state wins")
        XCTAssertEqual(merged[0].position?.place, place)
        XCTAssertEqual(merged[0].marks.map(\.letter), ["m"])
        // Importing twice changes nothing.
        _ = try theirs.importing(try StateJSON.articles(lines))
        XCTAssertEqual(try theirs.export(), merged)
        XCTAssertThrowsError(try StateJSON.articles("{\"path\": 1}\nnot json")) { error in
            XCTAssertTrue("\(error)".hasPrefix("line 1 is not an exported article"), "\(error)")
        }
    }

    func testTwoWritersAtOnceNeverSeeALockedDatabase() throws {
        let temp = TempState()
        let one = try temp.open(), two = try temp.open()
        let errors = Atomic(0)
        let place = self.place
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let db = worker == 0 ? one : two
            for i in 0..<150 {
                let key = ArticleKey(path: "/f/\(i % 7).txt", fingerprint: "fp\(i % 7)")
                do {
                    try db.savePosition(key, place: place, progress: i % 100, at: Double(i))
                    try db.setRead([key], read: i % 2 == 0, at: Double(i))
                } catch {
                    errors.add(1)
                }
            }
        }
        XCTAssertEqual(errors.value, 0)
        XCTAssertEqual(try one.integrityCheck(), "ok")
        XCTAssertEqual(try two.records(paths: (0..<7).map { "/f/\($0).txt" }).count, 7)
    }
}

/// The faults the store meets on disk: each leaves the reader working and says why.
final class StateFaultTests: XCTestCase {
    func damage(_ bytes: (Data) -> Data) throws -> (TempState, String?) {
        let temp = TempState()
        do {
            let db = try temp.open()
            try db.opened(ArticleKey(path: "/x/a.txt", fingerprint: "f"), title: "A", at: 1)
        }
        // The pool above is closed: damage the file as a crash of the disk would.
        let path = temp.location.database
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try bytes(data).write(to: URL(fileURLWithPath: path))
        let (db, notice) = try StateDatabase.open(temp.location)
        XCTAssertEqual(try db.integrityCheck(), "ok", "a fresh database")
        return (temp, notice)
    }

    func asideFiles(_ temp: TempState) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: temp.location.directory)) ?? [])
            .filter { $0.hasPrefix("state.sqlite.corrupt-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
    }

    func testRandomBytesAreMovedAsideAndAFreshDatabaseMade() throws {
        var rng = SystemRandomNumberGenerator()
        let (temp, notice) = try damage { data in
            Data((0..<data.count).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
        XCTAssertEqual(asideFiles(temp).count, 1)
        let line = try XCTUnwrap(notice)
        XCTAssertTrue(line.contains("was damaged") && line.contains("state.sqlite.corrupt-"), line)
        XCTAssertFalse(line.contains("\n"), "one line")
    }

    func testATruncatedFileIsMovedAside() throws {
        let (temp, notice) = try damage { data in data.prefix(4096 + 100) }
        XCTAssertNotNil(notice)
        XCTAssertEqual(asideFiles(temp).count, 1)
    }

    func testANewerSchemaIsLeftUntouched() throws {
        let temp = TempState()
        do {
            let db = try temp.open()
            try db.pool.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: temp.location.database))
        XCTAssertThrowsError(try StateDatabase.open(temp.location)) { error in
            XCTAssertEqual(
                error as? StateStoreError,
                .newerSchema(path: temp.location.database, unknown: ["v99-from-the-future"]))
            XCTAssertTrue("\(error)".contains("newer Gazette"))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: temp.location.database)), before)
        XCTAssertEqual(asideFiles(temp), [])
    }

    func testAStateFolderUnderAFileOrReadOnlyIsRefusedWithAReason() throws {
        let temp = TempState()
        let file = temp.root + "/plain-file"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try StateDatabase.open(StateLocation(directory: file + "/gazette"))) { error in
            guard case .folderUnusable = error as? StateStoreError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("XDG_STATE_HOME"))
        }
        guard getuid() != 0 else { return }  // root writes anywhere: the mode is not tested then
        let readOnly = temp.root + "/ro"
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        chmod(readOnly, 0o555)
        defer { chmod(readOnly, 0o755) }
        XCTAssertThrowsError(try StateDatabase.open(StateLocation(directory: readOnly + "/gazette")))
    }
}

/// A counter shared by threads.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var count: Int
    init(_ value: Int) { count = value }
    func add(_ n: Int) { lock.lock(); count += n; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
