import ArticleKit
import Foundation
import GazetteTestSupport
import XCTest

@testable import ReaderCore
@testable import ReaderLoop

/// ReaderLoop's own parts, each alone: the loader that reads for the state, dump's streaming reader,
/// the editor command, file stamps, and the loop's bookkeeping of asks and answers.
final class ReaderLoopTests: XCTestCase {
    func request(_ id: ArticleID) -> LoadRequest { LoadRequest(article: id, width: 80, height: 24, indexing: false) }

    func testTheLoaderReadsAFirstScreenOrTheWholeOfABigArticle() {
        let big = BigFixture.library()
        let start = DocumentLoader.load(request(BigFixture.big), whole: false, from: big)
        XCTAssertEqual(start.extent, .start)
        let whole = DocumentLoader.load(request(BigFixture.big), whole: true, from: big)
        XCTAssertEqual(whole.extent, .whole)
        XCTAssertEqual(whole.article.sections.count, BigFixture.sections)
        XCTAssertLessThan(start.article.sections.count, whole.article.sections.count)
        XCTAssertEqual(DocumentLoader.load(request(BigFixture.small), whole: false, from: big).extent, .whole)
    }

    func testAnArticleGoneFromTheCollectionIsAPageSayingSo() {
        let document = DocumentLoader.load(
            request(ArticleID(key: "gone.txt")), whole: false, from: BigFixture.library())
        XCTAssertNotNil(document.failure)
        XCTAssertTrue(document.isComplete)
    }

    func testSettleReadsEveryLoadAndHandsBackTheRestInOrder() {
        let library = ReaderFixtures.library()
        let opening = ReaderState.open(library: library, at: library.collection.entries[0].id, width: 60, height: 12)
        var state = opening.state
        let rest = DocumentLoader.settle(opening.effects + [.repaint, .quit], into: &state, from: library)
        XCTAssertEqual(rest, [.repaint, .quit])
        XCTAssertEqual(state.document.extent, .whole)
    }

    /// The state's collection grows when the folder is indexed; the loader reads it with the first library's store.
    func testTheLoaderReadsTheStatesCollectionWithTheLibrarysStore() {
        let library = ReaderFixtures.library()
        let first = ArticleLibrary.of([library.collection.entries[0].source], in: library.store)
        let reading = DocumentLoader.library(library.collection, like: first)
        XCTAssertEqual(reading.collection.entries.count, library.collection.entries.count)
        let last = library.collection.entries.last!.id
        XCTAssertNil(DocumentLoader.load(request(last), whole: true, from: reading).failure)
    }

    func testTheStreamedDumpIsTheRenderedDump() throws {
        let library = ReaderFixtures.library()
        for entry in library.collection.entries.indices {
            for width in [30, 80, PlainTextDump.unwrapped] {
                var streamed = ""
                try PlainTextDump.stream(library, entry: entry, width: width) { streamed += $0 }
                let article = try library.article(entry).get()
                let rendered = PlainTextDump.render(
                    article, links: library.collection.resolutions[entry], collection: library.collection, width: width)
                XCTAssertEqual(streamed, rendered + "\n", "entry \(entry) at \(width)")
            }
        }
    }

    func testTheEditorOpensAtTheLineHoldingTheText() {
        let file = "Title\n\n-\n\nFirst paragraph here, and more of it.\n\nThe second paragraph\nwraps in the file.\n"
        XCTAssertEqual(EditorCommand.line(of: "The second paragraph", in: file), 7)
        XCTAssertEqual(
            EditorCommand.line(of: "First paragraph here, and more of it wrapped", in: file), 5,
            "by its first four words")
        XCTAssertEqual(EditorCommand.line(of: "not there at all", in: file), 1)
        XCTAssertEqual(EditorCommand.line(of: "", in: file), 1)
        let command = EditorCommand.make(path: "/tmp/a b.txt", line: 7)
        XCTAssertEqual(command.suffix(2), ["+7", "/tmp/a b.txt"], "line and path are arguments, never parsed by sh")
    }

    func testAFileStampIsTakenOnlyOfARegularFile() throws {
        let temp = try temporaryFolder()
        let path = temp.write("a.txt", Array("Title\n\nText.\n".utf8))
        let stamp = try XCTUnwrap(FileStamps.read(path))
        XCTAssertEqual(stamp.size, 13)
        XCTAssertNil(FileStamps.read(temp.path), "a folder")
        XCTAssertNil(FileStamps.read(temp.path("gone.txt")))
        XCTAssertNil(FileStamps.read("(standard input)"), "a built-in or in-memory name")
    }

    func testOnlyTheNewestAskOfAKindIsRun() {
        let latest = LatestAsk()
        let query = try! SearchQuery.parse("harbour")
        let old = CollectionSearchRequest(query: query, generation: 1, limit: 10, purpose: .listFilter)
        let new = CollectionSearchRequest(query: query, generation: 2, limit: 10, purpose: .listFilter)
        let other = CollectionSearchRequest(query: query, generation: 1, limit: 10, purpose: .results)
        latest.note(old)
        latest.note(new)
        latest.note(other)
        XCTAssertFalse(latest.isLatest(old))
        XCTAssertTrue(latest.isLatest(new))
        XCTAssertTrue(latest.isLatest(other), "another purpose is not overtaken")
    }

    func testTheMailboxHandsOutAnswersInTheOrderTheyCame() {
        let mailbox = Mailbox()
        mailbox.post(.notice("one"), finishesJob: false)
        mailbox.post(.notice("two"))
        let taken = mailbox.takeAll()
        XCTAssertEqual(taken.count, 2)
        XCTAssertEqual(taken.map(\.1), [false, true])
        if case .notice(let first) = taken[0].0 { XCTAssertEqual(first, "one") } else { XCTFail("\(taken[0].0)") }
        XCTAssertTrue(mailbox.takeAll().isEmpty, "taken once")
    }

    func testACountNoLongerWantedIsToldToStop() {
        let live = LiveCount()
        live.set(3)
        XCTAssertTrue(live.wants(3))
        live.cancel(2)
        XCTAssertTrue(live.wants(3), "cancelling another count changes nothing")
        live.cancel(3)
        XCTAssertFalse(live.wants(3))
    }
}
