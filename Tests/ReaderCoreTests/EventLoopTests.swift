import ArticleKit
import GazetteTestSupport
import ReaderLoop
import XCTest

@testable import ReaderCore

/// The run loop on a headless backend: what it draws and when, what waits for
/// background work, how it polls, and how it ends.
final class EventLoopTests: XCTestCase {
    let full = ReaderFixtures.library()

    /// The first article alone, as the reader opens a folder before indexing it.
    var firstOnly: ArticleLibrary {
        .of(["01_it.txt"], in: full.store)
    }

    func opening(_ library: ArticleLibrary, indexing: Bool = false, width: Int = 60, height: Int = 12)
        -> ReaderOpening
    {
        ReaderState.open(
            library: library, at: library.collection.entries[0].id, width: width, height: height,
            indexing: indexing)
    }

    func sections(_ screen: Screen) -> Int? {
        let status = screen.text(row: screen.height - 1)
        guard let range = status.range(of: "§ 1/") else { return nil }
        return Int(status[range.upperBound...].prefix { $0.isNumber })
    }

    func testKeysTypedWhileIndexingWaitAndRunInOrder() {
        let full = self.full
        let indexer: EventLoop.Indexer = { (full, ChainBuilder.build(full.collection), []) }
        let run = LoopRun(
            opening(firstOnly, indexing: true), indexer: indexer,
            [
                .press("n"), .press("n"), .pause,
                .finishWork,
                .input(.key(.backspace)), .pause,
                .press("q"),
            ])
        let screens = run.backend.screens
        XCTAssertFalse(run.backend.ranOut)
        XCTAssertEqual(screens.count, 4)
        XCTAssertTrue(screens[0].text(row: 0).hasSuffix("indexing…"))
        XCTAssertEqual(run.backend.jobsAtDraw, [0, 1, 1, 1], "the folder is indexed only once the first screen is out")
        XCTAssertTrue(screens[1].text.contains("Reading the folder…"))
        XCTAssertTrue(screens[1].text(row: 0).contains("Russia. Il governo"), "n waits: still the first article")
        XCTAssertTrue(screens[2].text(row: 0).contains("Family cyclists"), "both n ran, in order")
        XCTAssertTrue(screens[2].text(row: 0).hasSuffix("chain 3/3"))
        XCTAssertTrue(screens[3].text(row: 0).contains("金沢の路地に活版印刷所が復活"))
        XCTAssertFalse(screens.contains { $0.text.contains("Loading…") }, "articles are read before drawing")
        XCTAssertEqual(
            run.backend.timeouts.filter { $0 > 0 },
            [EventLoop.busyPoll, EventLoop.busyPoll, EventLoop.idlePoll, EventLoop.idlePoll],
            "quick polls while the index is out, slow ones once it is in")
        XCTAssertEqual(
            run.persisted.map(\.article.key), ["01_it.txt", "02_ja.txt", "03_en.txt", "02_ja.txt"],
            "each article left, then the one quit from")
    }

    /// Issue 20: files the folder's index had to skip (empty, binary) were said nowhere in the reader.
    /// The status line says so once they are known, by file name, and a key clears it.
    func testSkippedFilesAreSaidOnceInTheStatusLine() {
        let full = self.full
        let skipped: [ArticleError] = [.empty(path: "/news/05_empty.txt"), .binary(path: "/news/06_image.txt")]
        let indexer: EventLoop.Indexer = { (full, ChainBuilder.build(full.collection), skipped) }
        let run = LoopRun(
            opening(firstOnly, indexing: true, width: 100), indexer: indexer,
            [.pause, .finishWork, .pause, .press("j"), .pause, .press("q")])
        let screens = run.backend.screens
        XCTAssertFalse(run.backend.ranOut)
        let status = screens.map { $0.text(row: $0.height - 1) }
        XCTAssertFalse(status[0].contains("skipped"), status[0])
        XCTAssertEqual(
            status.filter { $0.contains("05_empty.txt: skipped, the file is empty (and 1 more") }.count, 1, "\(status)")
        XCTAssertFalse(status.last?.contains("skipped") ?? true, "said once: the next key clears it \(status)")
        XCTAssertEqual(
            SkippedFiles.notice([.binary(path: "/news/06_image.txt")]),
            "06_image.txt: skipped, it looks like binary data, not text (printed again on exit)")
        XCTAssertNil(SkippedFiles.notice([]))
    }

    func testABigArticleShowsItsStartThenTheWhole() {
        let run = LoopRun(opening(BigFixture.library(), width: 80, height: 24), [.pause, .finishWork, .press("q")])
        let screens = run.backend.screens
        XCTAssertEqual(screens.count, 2)
        XCTAssertLessThan(
            sections(screens[0]) ?? .max, BigFixture.sections,
            "only the start is read for the first screen")
        XCTAssertEqual(sections(screens[1]), BigFixture.sections)
        XCTAssertEqual(run.backend.jobsAtDraw, [0, 1], "the whole is read once the start is on screen")
        XCTAssertEqual(run.final.document.extent, .whole)
        XCTAssertEqual(
            run.backend.timeouts.filter { $0 > 0 },
            [EventLoop.busyPoll, EventLoop.busyPoll, EventLoop.idlePoll])
    }

    /// The whole article came back while the reader was on another: coming back asks again (a26a5be).
    func testAnArticleLeftAndReturnedToWhileItWasReadIsAskedForAgain() {
        let run = LoopRun(
            opening(BigFixture.library(), width: 80, height: 24),
            [
                .press("n"), .pause, .finishWork,
                .press("p"), .pause, .finishWork,
                .press("q"),
            ])
        XCTAssertEqual(run.backend.worker.started, 2)
        XCTAssertEqual(run.final.document.id, BigFixture.big)
        XCTAssertEqual(run.final.document.extent, .whole)
        XCTAssertEqual(run.backend.screens.last.flatMap(sections), BigFixture.sections)
    }

    /// Back before the answer came: it is not asked for twice, and it is installed when it comes.
    func testAnArticleReturnedToBeforeItsAnswerIsNotAskedForTwice() {
        let run = LoopRun(
            opening(BigFixture.library(), width: 80, height: 24),
            [
                .press("n"), .pause,
                .press("p"), .pause, .finishWork,
                .press("q"),
            ])
        XCTAssertEqual(run.backend.worker.started, 1)
        XCTAssertEqual(run.final.document.extent, .whole)
        XCTAssertEqual(run.backend.screens.last.flatMap(sections), BigFixture.sections)
    }

    /// Resizes already queued are taken together, 1 + `batch` at a time, and drawn once.
    func testAResizeStormIsDrawnOncePerBatch() {
        let storm: [HeadlessBackend.Step] = (0..<100).map { i in
            .input(.resize(width: 1 + i * 37 % 200, height: 1 + i * 13 % 60))
        }
        let run = LoopRun(
            opening(full, width: 80, height: 24),
            storm + [
                .input(.resize(width: 60, height: 20)), .pause,
                .press("q"),
            ])
        let screens = run.backend.screens
        XCTAssertEqual(screens.count, 3, "the first screen, then one per batch of 1 + \(EventLoop.batch)")
        XCTAssertEqual(screens.last, ReaderState(library: full, start: 0, width: 60, height: 20).screen)
    }

    func testQuitEndsTheLoopWithoutDrawingAndLeavesTheRestOfTheInput() {
        let run = LoopRun(
            opening(full),
            [
                .press("j"), .press("j"),
                .press("q"), .press("j"),
            ])
        XCTAssertEqual(run.backend.screens.count, 1)
        XCTAssertEqual(run.backend.steps.count, 1, "the key after q is not read")
        XCTAssertEqual(run.persisted.map(\.line), [2])
        XCTAssertEqual(run.final.top, 2)
    }

    /// SIGTERM or SIGHUP: the loop ends as quitting does, the position saved.
    func testASignalEndsTheLoopLikeQuitting() {
        let run = LoopRun(opening(full), [.press("G"), .pause, .signal, .press("g")])
        XCTAssertEqual(run.backend.screens.count, 2)
        XCTAssertEqual(run.backend.steps.count, 1)
        let end = run.final
        XCTAssertEqual(
            run.persisted,
            [
                Position(
                    article: full.collection.entries[0].id, block: end.lines[end.top].block,
                    line: end.maxTop, width: end.document.layout.width)
            ])
    }
}
