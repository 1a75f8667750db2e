import ArticleKit
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// Rows of the lists say where their entry is, and what ends a row stays on it (issue 20): bookmarks
/// give the section and the file, search results the file, and a long title never pushes the reading
/// progress off the article list or the recently read list.
final class ListRowsTests: XCTestCase {
    let library = ReaderFixtures.library()
    func id(_ entry: Int) -> ArticleID { library.collection.entries[entry].id }

    func recording(_ entry: Int, width: Int = 60, height: Int = 12) -> ReaderState {
        ReaderFixtures.recording(library, entry, width: width, height: height)
    }

    func row(_ state: ReaderState, holding text: String) -> String? {
        let screen = state.screen
        return (0..<screen.height).map { screen.text(row: $0) }.first { $0.contains(text) }
    }

    func testALongTitleNeverPushesTheProgressOffTheRow() throws {
        // The Italian title is wider than the row at 60 columns: it gives way, the progress does not.
        var state = recording(1)
        state.send(.journal(Journal(progress: [id(0): 10], recent: [id(0)])))
        state.press(.character("l"))
        let listed = try XCTUnwrap(row(state, holding: "Russia."), state.screen.text)
        XCTAssertTrue(listed.contains("(10% read)"), listed)
        XCTAssertTrue(listed.contains("…"), "the title is the one cut: \(listed)")
        state.press(.character("q"), .character("r"))
        let recent = try XCTUnwrap(row(state, holding: "Russia."), state.screen.text)
        XCTAssertTrue(recent.contains("(10% read)"), recent)
    }

    func testBookmarksSayTheSectionAndTheFile() throws {
        var state = recording(0)
        state.type("2]")
        state.press(.character("j"), .character("m"), .character("A"), .character("B"))
        XCTAssertEqual(state.overlay, .marks(selection: 0))
        let mark = try XCTUnwrap(row(state, holding: "A  "), state.screen.text)
        XCTAssertTrue(mark.contains("› Le condi"), mark)
        XCTAssertTrue(mark.trimmingCharacters(in: .whitespaces).hasSuffix("01_it.txt"), mark)
    }

    func testSearchResultsEndWithTheFileName() throws {
        var state = ReaderState(library: library, start: 0, width: 80, height: 24)
        state.send(.searchIndex(.ready))
        state.press(.character("s"))
        state.type("council")
        var asked: CollectionSearchRequest?
        for case .searchCollection(let r) in state.send(.key(.enter)) { asked = r }
        let request = try XCTUnwrap(asked)
        state.send(.collectionResults(CollectionSearchTests.answer(request, in: library)))
        let hit = try XCTUnwrap(row(state, holding: "Family cyclis"), state.screen.text)
        XCTAssertTrue(hit.contains("› What comes next"), hit)
        XCTAssertTrue(hit.contains("03_en.txt"), hit)
        XCTAssertTrue(hit.contains("council"), "the snippet keeps its match: \(hit)")
    }

    /// A nested archive (issue 21): each row ends with its article's folder, relative to the folder
    /// named, so two files of one name in two months differ; a flat folder's rows are unchanged (the
    /// other tests here and the snapshots); a filter word may name the folder.
    func testANestedArchiveSaysEachArticlesFolderAndFiltersByIt() throws {
        let names = ["2026/01/x.txt", "2026/02/x.txt", "top.txt"]
        let texts = ["Council budget vote", "Council budget vote", "Harbour news"].map {
            Fixture(title: $0, blocks: [paragraph($0)]).text
        }
        let store = MemoryStore(Array(zip(names, texts)).map { (name: $0.0, text: $0.1) })
        let collection = CollectionLoader(store: store).collection(of: names, folders: ["2026/01", "2026/02", ""])
        let nested = ArticleLibrary(collection: collection, store: store)
        var state = ReaderState(library: nested, start: 2, width: 70, height: 12)
        state.recordsChanges = true
        state.send(.journal(Journal(progress: [collection.entries[1].id: 40])))
        state.press(.character("l"))
        // The list's rows, not the title bar's line.
        let listed = (0..<state.screen.height).map { state.screen.text(row: $0) }.filter { !$0.contains("chain 1/1") }
        let rows = listed.filter { $0.contains("Council") }
        XCTAssertEqual(rows.count, 2, state.screen.text)
        XCTAssertTrue(rows[0].trimmingCharacters(in: .whitespaces).hasSuffix("2026/01"), rows[0])
        XCTAssertTrue(rows[1].trimmingCharacters(in: .whitespaces).hasSuffix("(40% read)  2026/02"), rows[1])
        let top = try XCTUnwrap(listed.first { $0.contains("Harbour news") }, state.screen.text)
        XCTAssertTrue(top.trimmingCharacters(in: .whitespaces).hasSuffix("Harbour news"), "no folder: \(top)")
        state.type("/council 2026/02")
        guard case .list(let list) = state.overlay else { return XCTFail("the list is open") }
        XCTAssertEqual(list.matches, [1], "the folder narrows the titles")
    }

    func testATrailerNeverTakesMoreThanHalfARowAndNarrowRowsKeepTheText() {
        let long = String(repeating: "x", count: 80) + ".txt"
        let row = Renderer.withTrailer("A title", long, 40)
        XCTAssertEqual(DisplayWidth.of(row), 40)
        XCTAssertTrue(row.hasPrefix("A title"), row)
        XCTAssertEqual(Renderer.withTrailer("A title", "(10% read)", 20), "A title")
    }
}
