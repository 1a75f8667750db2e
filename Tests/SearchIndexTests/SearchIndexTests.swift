import ArticleKit
import Foundation
import GazetteTestSupport
import ReaderCore
import Synchronization
import XCTest

@testable import SearchIndex

/// The index against fixture folders written for these tests: ranking, the fold, scripts
/// without spaces, the query grammar, incremental updates and damage.
final class SearchIndexTests: XCTestCase {
    var folder: TemporaryFolder!
    var cache: TemporaryFolder!

    override func setUpWithError() throws {
        folder = try temporaryFolder()
        cache = try temporaryFolder()
    }

    func write(_ name: String, _ title: String, _ blocks: [String]) {
        folder.write(name, Fixture.spaced(title, blocks).bytes)
    }

    func openIndex() throws -> SearchIndex {
        try SearchIndex.open(IndexLocation(directory: cache.path)).index
    }

    var scope: IndexScope { IndexScope(folders: [folder.path], files: [], directory: "/") }

    func search(_ index: SearchIndex, _ typed: String, limit: Int = 20) throws -> [String] {
        try index.find(try SearchQuery.parse(typed), scope: scope, limit: limit).map {
            URL(fileURLWithPath: $0.hit.path).lastPathComponent
        }
    }

    func writeBakery() {
        write(
            "a-bakery.txt", "Sourdough returns to the harbour bakery",
            [
                "The harbour bakery bakes sourdough again, after a winter without flour deliveries.",
                "Ovens and starters",
                "Its sourdough starter is forty years old; the bakers feed the sourdough every morning.",
            ])
        write(
            "b-market.txt", "Market stalls reopen on the roof",
            [
                "Among the cheese and the fish, one stall sells sourdough from the hills.",
                "Prices",
                "Bread costs more this year, the traders said.",
            ])
        write(
            "c-cafe.txt", "Café culture in the old town",
            [
                "The café on the square serves crème brûlée and strong coffee to students.",
                "Opening hours",
                "It opens at seven; the Bibliothèque next door opens at nine.",
            ])
        write(
            "d-tokyo.txt", "東京都の新しい図書館",
            [
                "東京都は新しい図書館を開館した。蔵書は二十万冊で、子ども向けの部屋もある。",
                "서울에서 온 방문객도 많았다.",
                "ห้องสมุดแห่งใหม่เปิดให้บริการแล้ว",
            ])
    }

    /// A batch ends at its count of files or once its files hold the byte budget, whichever comes
    /// first, with one file at least (found by review: big files made 1,024-file batches huge).
    func testABatchIsBoundedByFilesAndBytes() {
        let mb: Int64 = 1 << 20
        XCTAssertEqual(
            SearchIndex.batchEnd(Array(repeating: 10, count: 5000), from: 0, files: 1024, bytes: 24 * mb), 1024)
        XCTAssertEqual(
            SearchIndex.batchEnd(Array(repeating: 3 * mb, count: 20), from: 0, files: 1024, bytes: 8 * mb), 3)
        XCTAssertEqual(
            SearchIndex.batchEnd(Array(repeating: 3 * mb, count: 20), from: 18, files: 1024, bytes: 8 * mb), 20)
        XCTAssertEqual(SearchIndex.batchEnd([30 * mb, 1], from: 0, files: 1024, bytes: 8 * mb), 1)
        XCTAssertEqual(SearchIndex.batchEnd([1, 2, 3], from: 3, files: 1024, bytes: 8 * mb), 3)
    }

    func testTheArticleThatUsesAWordMostAndInItsTitleRanksFirst() throws {
        writeBakery()
        let index = try openIndex()
        let report = try index.update(scope)
        XCTAssertEqual(report.indexed, 4)
        XCTAssertEqual(try search(index, "sourdough"), ["a-bakery.txt", "b-market.txt"])
        // A title word outweighs the same word once in a body.
        write("e-bread.txt", "Bread prices rise", ["Flour is dearer; a loaf of sourdough costs more."])
        _ = try index.update(scope)
        XCTAssertEqual(try search(index, "bread").first, "e-bread.txt")
    }

    func testAccentsAndCaseFoldAsInTheArticleSearch() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        XCTAssertEqual(try search(index, "creme brulee"), ["c-cafe.txt"])
        XCTAssertEqual(try search(index, "bibliotheque"), ["c-cafe.txt"])
        XCTAssertEqual(try search(index, "CAFE"), [], "a capital makes case count, as / does")
        XCTAssertEqual(try search(index, "Café"), ["c-cafe.txt"])
    }

    func testScriptsWithoutSpacesAreFoundBySubstring() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        XCTAssertEqual(try search(index, "図書館"), ["d-tokyo.txt"])
        XCTAssertEqual(try search(index, "東京"), ["d-tokyo.txt"], "two characters inside a longer word")
        XCTAssertEqual(try search(index, "館"), ["d-tokyo.txt"], "one character")
        XCTAssertEqual(try search(index, "서울"), ["d-tokyo.txt"], "Korean with its particle attached")
        XCTAssertEqual(try search(index, "ห้องสมุด"), ["d-tokyo.txt"], "Thai")
        XCTAssertEqual(try search(index, "京東"), [], "the characters in another order are not a match")
    }

    func testPhrasesPrefixesAndExclusions() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        XCTAssertEqual(try search(index, "\"sourdough starter\""), ["a-bakery.txt"])
        XCTAssertEqual(try search(index, "\"starter sourdough\""), [])
        XCTAssertEqual(try search(index, "sourd*"), ["a-bakery.txt", "b-market.txt"])
        XCTAssertEqual(try search(index, "sourdough -cheese"), ["a-bakery.txt"])
        XCTAssertEqual(try search(index, "sourdough harbour"), ["a-bakery.txt"], "every word must match")
        XCTAssertThrowsError(try SearchQuery.parse("-cheese")) { error in
            XCTAssertEqual(error as? SearchQueryError, .onlyExclusions)
        }
    }

    func testHostileQueriesGiveResultsOrAClearMessageNeverAnSQLError() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        let hostile = [
            "NEAR(sourdough", "sourdough AND", "OR", "\"", "\"\"\"", "sour\"dough", "^sourdough", "sourdough)",
            "(", "*", "**sour", "-", "--", "title:sourdough", "{title}: bread", "sourdough\u{1B}[31m", "\u{0}",
            "a\u{7}b", "NOT NOT", "'; DROP TABLE file; --", "\u{202E}sourdough", String(repeating: "x ", count: 500),
            "\u{2BC} -x", "\u{2BC}", "- \u{2BC}", "\"\u{2BC}\" sourdough",
        ]
        for typed in hostile {
            do {
                let query = try SearchQuery.parse(typed)
                XCTAssertNoThrow(try index.search(query, scope: scope, limit: 5), "query \(typed.debugDescription)")
            } catch let error as SearchQueryError {
                XCTAssertFalse(error.description.isEmpty)
            }
        }
        XCTAssertEqual(try search(index, "NEAR(sourdough"), [], "NEAR( is a word here, and not in the texts")
        XCTAssertEqual(try search(index, "^sourdough"), ["a-bakery.txt", "b-market.txt"])
        // AND is a word to find, not an operator (a capital in it makes case count).
        XCTAssertEqual(try search(index, "sourdough AND"), [])
        XCTAssertEqual(try search(index, "sourdough and fish"), ["b-market.txt"])
        let raw = try index.search(try SearchQuery.parse("sourdough AND fish"), scope: scope, limit: 5)
        XCTAssertEqual(raw.map { URL(fileURLWithPath: $0.path).lastPathComponent }, ["b-market.txt"])
        XCTAssertEqual(try index.counts().files, 4, "the tables are still there")
    }

    func testAnUpdateReadsOnlyWhatChanged() throws {
        writeBakery()
        let index = try openIndex()
        XCTAssertEqual(try index.update(scope).indexed, 4)
        let again = try index.update(scope)
        XCTAssertEqual(again.indexed, 0)
        XCTAssertEqual(again.unchanged, 4)

        // Added, changed (same size would still change mtime), removed.
        write("f-new.txt", "Ferry timetable changes", ["The night ferry now leaves at ten."])
        write("b-market.txt", "Market stalls reopen on the roof", ["Only fish and flowers are sold now."])
        try FileManager.default.removeItem(atPath: folder.path("c-cafe.txt"))
        let report = try index.update(scope)
        XCTAssertEqual(report.indexed, 2)
        XCTAssertEqual(report.removed, 1)
        XCTAssertEqual(report.unchanged, 2)
        XCTAssertEqual(try search(index, "ferry"), ["f-new.txt"])
        XCTAssertEqual(try search(index, "sourdough"), ["a-bakery.txt"], "the changed file's old words are gone")
        XCTAssertEqual(try search(index, "bibliotheque"), [], "the removed file is gone")
        XCTAssertGreaterThan(try index.counts().dead, 0, "old rows are counted until a rebuild")
    }

    /// A first index stopped after its first batches (the reader quit, the command interrupted) leaves
    /// those batches whole and nothing else; the next update reads only the rest, and then every file
    /// is found once, by the words of its first and its last batch alike.
    func testAnInterruptedFirstIndexIsCompletedByTheNextUpdate() throws {
        for n in 0..<150 {
            write(
                String(format: "n%03d.txt", n), "Report \(n) from the café",
                ["Every report mentions the harbour. Unique word w\(n)x here, and 東京 too."])
        }
        let index = try openIndex()
        let batches = Mutex(0)
        let first = try index.update(
            scope, parallel: false, progress: { _ in batches.withLock { $0 += 1 } },
            isCancelled: { batches.withLock { $0 } > 2 })
        XCTAssertGreaterThan(first.indexed, 0)
        XCTAssertLessThan(first.indexed, 150, "stopped part way")
        XCTAssertEqual(try index.counts().files, first.indexed, "only whole batches are in")
        let rest = try index.update(scope)
        XCTAssertEqual(rest.indexed, 150 - first.indexed, "the next update reads only the files not yet in")
        XCTAssertEqual(rest.unchanged, first.indexed)
        XCTAssertEqual(try index.counts().files, 150)
        XCTAssertEqual(try search(index, "w0x"), ["n000.txt"])
        XCTAssertEqual(try search(index, "w149x"), ["n149.txt"])
        XCTAssertEqual(try search(index, "harbour cafe", limit: 500).count, 150)
        XCTAssertEqual(try search(index, "\"the harbour\"", limit: 500).count, 150)
        XCTAssertEqual(try search(index, "東京", limit: 500).count, 150)
    }

    func testHostileFilesAreSkippedWithTheirReasonAndNotReadAgain() throws {
        writeBakery()
        folder.write("binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00] + Array(repeating: 0, count: 100))
        folder.write("empty.txt", [])
        let index = try openIndex()
        let report = try index.update(scope)
        XCTAssertEqual(report.indexed, 4)
        XCTAssertEqual(report.skipped.count, 2)
        XCTAssertTrue(report.skipped.contains { $0.contains("binary") }, "\(report.skipped)")
        let again = try index.update(scope)
        XCTAssertEqual(again.skipped, [], "an unchanged bad file is not read again")
        XCTAssertEqual(again.unchanged, 6)
    }

    func testADamagedIndexIsBuiltAgain() throws {
        writeBakery()
        var index = try openIndex()
        _ = try index.update(scope)
        index = try openIndex()  // closes nothing, but the file below is replaced whole
        let path = IndexLocation(directory: cache.path).database
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        cache.write(
            "search.sqlite", Array("this is not a database, it was overwritten".utf8) + Array(repeating: 7, count: 4096)
        )
        let (fresh, notice) = try SearchIndex.open(IndexLocation(directory: cache.path))
        XCTAssertNotNil(notice)
        XCTAssertEqual(try fresh.update(scope).indexed, 4)
        XCTAssertEqual(try search(fresh, "sourdough").count, 2)
        _ = index
    }

    /// A new index is made of 16 KiB pages (a first index writes its bytes in a quarter of the calls),
    /// and keeps them when opened again.
    func testANewIndexHasSixteenKiBPages() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        XCTAssertEqual(try index.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }, 16384)
        XCTAssertEqual(try openIndex().pool.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }, 16384)
    }

    func testAnIndexOfAnotherVersionIsStartedAgain() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        try index.pool.write { db in try db.execute(sql: "PRAGMA user_version = 999") }
        let reopened = try openIndex()
        XCTAssertEqual(try reopened.counts().files, 0)
        XCTAssertEqual(try reopened.update(scope).indexed, 4)
    }

    func testSnippetsShowTheMatchAndPointIntoTheDump() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        let query = try SearchQuery.parse("starter")
        let hit = try XCTUnwrap(try index.search(query, scope: scope, limit: 1).first)
        let article = try ArticleParser().parse(try FileReader().read(hit.path), source: hit.path)
        let snippet = try XCTUnwrap(SnippetCutter(query: query).cut(article, section: hit.section))
        XCTAssertEqual(hit.heading, "Ovens and starters")
        XCTAssertTrue(snippet.text.contains("sourdough starter"), snippet.text)
        let match = try XCTUnwrap(snippet.matches.first)
        XCTAssertEqual(String(decoding: Array(snippet.text.utf8)[match], as: UTF8.self), "starter")
        // The offset points at the word in what `dump --width 0` prints.
        let block = ArticleLayout.block(of: snippet.place, section: hit.section, in: article)
        let offset = PlainTextDump.unwrappedOffset(of: block, byte: snippet.offset, in: article)
        let dump = Array(
            PlainTextDump.render(article, links: nil, collection: nil, width: PlainTextDump.unwrapped).utf8)
        XCTAssertEqual(String(decoding: dump[offset..<offset + 7], as: UTF8.self), "starter")
    }

    func testAFolderScopeLeavesOutOtherFolders() throws {
        writeBakery()
        let other = try temporaryFolder()
        other.write("x.txt", Fixture.spaced("Sourdough elsewhere", ["Sourdough in another folder."]).bytes)
        let index = try openIndex()
        _ = try index.update(scope)
        let otherScope = IndexScope(folders: [other.path], files: [], directory: "/")
        _ = try index.update(otherScope)
        XCTAssertEqual(try search(index, "sourdough").count, 2)
        let everywhere = try index.search(try SearchQuery.parse("sourdough"), scope: nil, limit: 10)
        XCTAssertEqual(everywhere.count, 3)
    }

    /// A nested archive (issue 21): a folder's scope is its subfolders too, as the commands read them
    /// (hidden folders left out); `--depth 0` keeps to the folder itself and leaves the subfolders' rows
    /// alone, so the next search of the whole archive reads nothing again.
    func testTheScopeOfANestedFolderIsItsSubfoldersToTheDepth() throws {
        write("top.txt", "Harbour news", ["The harbour office moves to the old station."])
        for (month, words) in [("01", "The ferry to the island runs again."), ("02", "A ferry strike ends.")] {
            try folder.makeFolder("2026/" + month)
            write("2026/\(month)/ferry.txt", "Ferry news \(month)", [words])
        }
        try folder.makeFolder(".drafts")
        write(".drafts/ferry.txt", "Draft", ["A ferry draft never published."])
        let index = try openIndex()
        let first = try index.update(scope)
        XCTAssertEqual(first.indexed, 3, "the hidden folder is not indexed")
        func paths(_ typed: String, _ scope: IndexScope) throws -> [String] {
            try index.find(try SearchQuery.parse(typed), scope: scope, limit: 10).map {
                String($0.hit.path.dropFirst(folder.path.count + 1))
            }.sorted()
        }
        XCTAssertEqual(try paths("ferry", scope), ["2026/01/ferry.txt", "2026/02/ferry.txt"])
        let flat = IndexScope(folders: [folder.path], files: [], depth: 0, directory: "/")
        XCTAssertEqual(try paths("ferry", flat), [])
        XCTAssertEqual(try paths("harbour", flat), ["top.txt"])
        let flatUpdate = try index.update(flat)
        XCTAssertEqual(flatUpdate.removed, 0, "the subfolders' rows are another scope's")
        XCTAssertEqual(flatUpdate.unchanged, 1)
        let month = IndexScope(folders: [folder.path("2026")], files: [], depth: 1, directory: "/")
        XCTAssertEqual(try paths("ferry", month).count, 2)
        // A month removed: its rows go with the next update of the archive, not before.
        try FileManager.default.removeItem(atPath: folder.path("2026/02"))
        let again = try index.update(scope)
        XCTAssertEqual(again.removed, 1)
        XCTAssertEqual(again.unchanged, 2)
        XCTAssertEqual(again.indexed, 0)
        XCTAssertEqual(try paths("ferry", scope), ["2026/01/ferry.txt"])
    }

    /// The words a changed or removed file leaves in the contentless table must never be read as
    /// another file's: section ids are never given out again.
    func testOldWordsNeverBelongToANewFile() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        // The file indexed last holds the highest ids: change it, then add one.
        write("d-tokyo.txt", "東京都の新しい図書館", ["The library opened a reading room for children."])
        _ = try index.update(scope)
        write("z-new.txt", "Ferry timetable changes", ["The night ferry leaves at ten, said the harbour master."])
        _ = try index.update(scope)
        func raw(_ typed: String) throws -> [String] {
            try index.search(try SearchQuery.parse(typed), scope: scope, limit: 10).map {
                URL(fileURLWithPath: $0.path).lastPathComponent
            }
        }
        XCTAssertEqual(try raw("図書館"), ["d-tokyo.txt"], "the title is still there")
        XCTAssertEqual(try raw("蔵書"), [], "the old body's words are gone")
        XCTAssertEqual(try raw("ferry 蔵書"), [], "nor do they join the new file's")
        XCTAssertEqual(try raw("ferry -蔵書"), ["z-new.txt"])
        XCTAssertEqual(try raw("children"), ["d-tokyo.txt"])
    }

    /// Damage inside the index (its header whole, its word pages not) is an error the caller can
    /// recognise, and `reset` then an update bring it back.
    func testDamageInsideTheIndexIsRecognisedAndRepaired() throws {
        writeBakery()
        let index = try openIndex()
        _ = try index.update(scope)
        try index.pool.write { db in
            try db.execute(sql: "UPDATE text_data SET block = x'00ff00ff00ff00ff00ff' WHERE id > 10")
        }
        var sawDamage = false
        do {
            for word in ["sourdough", "harbour", "bakery", "cheese", "café", "東京", "starter", "bread"] {
                _ = try index.search(try SearchQuery.parse(word), scope: scope, limit: 5)
            }
        } catch {
            sawDamage = SearchIndex.isDamage(error)
            XCTAssertTrue(sawDamage, "\(error)")
        }
        XCTAssertTrue(sawDamage, "the damaged pages were never read")
        try index.reset()
        XCTAssertEqual(try index.update(scope).indexed, 4)
        XCTAssertEqual(try search(index, "sourdough").count, 2)
    }

    /// A big file is indexed as it is read, a section (or a megabyte of one) at a time: the same
    /// sections and words as the whole parse, on seeded messy articles.
    func testStreamingAFileGivesTheSameSectionsAsTheWholeParse() throws {
        var random = SeededGenerator(seed: 31)
        let words = ["harbour", "Straße", "東京都", "ห้องสมุด", "café", "council", "river", "—", "1984"]
        for n in 0..<12 {
            var blocks: [String] = []
            for _ in 0..<Int.random(in: 1...14, using: &random) {
                if Bool.random(using: &random) {
                    blocks.append(
                        "Heading \(words.randomElement(using: &random)!) \(Int.random(in: 1...99, using: &random))")
                }
                blocks.append(
                    (0..<Int.random(in: 20...90, using: &random)).map { _ in words.randomElement(using: &random)! }
                        .joined(separator: " ") + ".")
            }
            let name = "s\(n).txt"
            folder.write(name, Fixture.spaced("Article \(n)", blocks).bytes)
            let path = folder.path(name)
            let whole = IndexedArticle.make(
                path: path, stat: FileStamp(size: 0, mtime: 0, inode: 0), reader: FileReader(), parser: ArticleParser())
            var pieces: [IndexStream.Piece] = []
            var title = ""
            try IndexStream.read(
                path, reader: FileReader(), parser: ArticleParser(), pieceBytes: 200, title: { title = $0 },
                piece: { pieces.append($0) })
            XCTAssertEqual(title, whole.title)
            let streamed = Dictionary(grouping: pieces, by: \.section).sorted { $0.key < $1.key }
            XCTAssertEqual(streamed.map(\.key), Array(whole.sections.indices), "seed 31, article \(n)")
            for (number, parts) in streamed {
                XCTAssertEqual(parts[0].heading, whole.sections[number].heading)
                XCTAssertEqual(
                    parts.map(\.preparedBody).joined(separator: "\n"), whole.sections[number].preparedBody,
                    "article \(n), section \(number)")
            }
        }
    }

    /// A batch prepared on every core in shares, each share with one fold that remembers what every
    /// character folds to, gives what each file prepared alone gives, in the batch's order (more than
    /// 64 files, so it is split; an unreadable file keeps its place and its reason).
    func testABatchPreparedInSharesIsEachFilePreparedAlone() throws {
        var random = SeededGenerator(seed: 47)
        let words = ["Harbour", "Straße", "東京都", "ห้องสมุด", "Café", "MUSÉE", "council", "—", "1984", "İstanbul"]
        var batch: [(path: String, stat: FileStamp)] = []
        for n in 0..<150 {
            let name = "p\(n).txt"
            if n == 77 {
                folder.write(name, [0, 1, 2, 0, 0xFF, 0])
            } else {
                let blocks = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                    (0..<Int.random(in: 5...30, using: &random)).map { _ in words.randomElement(using: &random)! }
                        .joined(separator: " ") + "."
                }
                folder.write(name, Fixture.spaced("Article \(n) \(words[n % words.count])", blocks).bytes)
            }
            batch.append((folder.path(name), FileStamp(size: Int64(n), mtime: 0, inode: 0)))
        }
        let threads = PreparingThreads(count: 2)
        defer { threads.stop() }
        let shared = SearchIndex.prepare(batch, on: threads, reader: FileReader(), parser: ArticleParser())
        XCTAssertEqual(shared.count, batch.count)
        for (item, made) in zip(batch, shared) {
            let alone = IndexedArticle.make(
                path: item.path, stat: item.stat, reader: FileReader(), parser: ArticleParser())
            XCTAssertEqual(made.path, item.path)
            XCTAssertEqual(made.stat, item.stat)
            XCTAssertEqual(made.skipped, alone.skipped, item.path)
            XCTAssertEqual(made.preparedTitle, alone.preparedTitle, item.path)
            XCTAssertEqual(made.sections.map(\.preparedBody), alone.sections.map(\.preparedBody), item.path)
            XCTAssertEqual(made.sections.map(\.preparedHeading), alone.sections.map(\.preparedHeading), item.path)
        }
        XCTAssertNotNil(shared[77].skipped)
        XCTAssertEqual(shared[4].preparedTitle, "article 4 cafe")
        XCTAssertEqual(shared[2].preparedTitle, "article 2 東 京 都")
        XCTAssertEqual(shared[5].preparedTitle, "article 5 musee")
    }

    /// Through an update: a file over the streaming size is found by a word near its end.
    func testABigFileIsIndexedByStreaming() throws {
        let paragraph = String(repeating: "The harbour board met again to discuss the timetable. ", count: 40)
        let blocks =
            (0..<2_200).map { i in i % 50 == 0 ? "Part \(i / 50)" : paragraph } + ["The word zebracrossing ends it."]
        folder.write("big.txt", Fixture.spaced("A very long report", blocks).bytes)
        let index = try openIndex()
        let report = try index.update(scope)
        XCTAssertEqual(report.indexed, 1)
        XCTAssertGreaterThan(try FileStamp.of(folder.path("big.txt"))!.size, IndexStream.bigFileBytes)
        XCTAssertEqual(try search(index, "zebracrossing"), ["big.txt"])
        XCTAssertEqual(try search(index, "report"), ["big.txt"], "the title is in its rows")
    }
}
