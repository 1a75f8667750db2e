import ArticleKit
import GazetteTestSupport
import ReaderLoop
import XCTest

@testable import ReaderCore

/// `/` in a long article: searched at once near the screen, counted behind it a chunk at a time
/// (`Effect.countMatches`, answered by `.searchCounted`), keys answered meanwhile, Esc stops the count.
/// The windows are made small here so that a short article is "long".
final class BackgroundSearchTests: XCTestCase {
    static let small = SearchWindow(wholeLines: 60, windowLines: 30, chunkLines: 90)

    /// 120 paragraphs; "lantern" is in paragraphs 3, 40, 41 and 100 (twice in 100), "Lantern" in 70.
    static func article() -> String {
        var blocks = ["A Long Chronicle of the Harbour", "-"]
        for n in 0..<120 {
            var words = String(
                repeating: "Paragraph \(n) tells of the quay, the boats and the weather over the bay at dawn. ",
                count: 3)
            if [3, 40, 41].contains(n) { words += "A lantern burned at the end of the pier." }
            if n == 70 { words += "The Lantern Inn opened its doors." }
            if n == 100 { words += "One lantern, then another lantern, came down the hill." }
            blocks.append(words)
        }
        return blocks.joined(separator: "\n\n")
    }

    static func state(window: SearchWindow = small) -> ReaderState {
        let library = ArticleLibrary.of(["long.txt"], in: MemoryStore([("long.txt", article())]))
        var state = ReaderState(library: library, start: 0, width: 100, height: 20)
        state.searchWindow = window
        return state
    }

    /// Types a search; the effects it asked for.
    static func search(_ query: String, in state: inout ReaderState) -> [Effect] {
        var effects: [Effect] = []
        for key in [Key.character("/")] + query.map(Key.character) + [.enter] { effects += state.send(.key(key)) }
        return effects
    }

    static func job(in effects: [Effect]) -> SearchJob? {
        for case .countMatches(let job) in effects { return job }
        return nil
    }

    /// Every chunk of the count, in order, as the worker would post them.
    static func chunks(_ job: SearchJob) -> [SearchChunk] {
        var chunks: [SearchChunk] = []
        SearchCount.run(job, cancelled: { false }) { chunks.append($0) }
        return chunks
    }

    // MARK: Differential: the counted search against the whole one

    /// For queries near, far, absent and case-sensitive, from several places: once every chunk is in, the
    /// matches, the current one and the place on screen are those of the search done whole at once.
    func testTheCountedSearchEndsWhereTheWholeSearchIs() {
        let sample = Self.state()
        let starts = [0, sample.lines.count / 2, sample.maxTop]
        // Near and far, case-sensitive, frequent, across a wrapped line end, and absent.
        for query in ["lantern", "Lantern", "quay", "dawn. paragraph", "absent word"] {
            for start in starts {
                var counted = Self.state()
                var whole = Self.state(window: .standard)
                counted.setTop(start)
                whole.setTop(start)
                let effects = Self.search(query, in: &counted)
                _ = Self.search(query, in: &whole)
                if let job = Self.job(in: effects) {
                    for chunk in Self.chunks(job) { _ = counted.send(.searchCounted(chunk)) }
                }
                let label = "“\(query)” from line \(start)"
                XCTAssertNil(counted.search?.counting, label)
                XCTAssertEqual(counted.search?.matches, SearchState.find(query, in: counted.document.layout), label)
                XCTAssertEqual(counted.search?.matches, whole.search?.matches, label)
                XCTAssertEqual(counted.search?.current, whole.search?.current, label)
                XCTAssertEqual(counted.top, whole.top, label)
                XCTAssertEqual(counted.status, whole.status, label)
            }
        }
    }

    /// The chunks of a count cover the ring once, in order, in whole blocks: their matches are the
    /// whole search's, rotated to start at the origin.
    func testChunksCoverTheRingOnceInRingOrder() {
        let state = Self.state()
        let layout = state.document.layout
        let all = SearchState.find("lantern", in: layout)
        for origin in [0, layout.blockStarts[30], layout.blockStarts[90]] {
            let start = SearchCount.blockEnd(layout.lines, from: origin + 30, limit: layout.lines.count)
            let job = SearchJob(id: 1, query: "lantern", layout: layout, start: start, origin: origin, chunkLines: 50)
            let chunks = Self.chunks(job)
            XCTAssertEqual(chunks.filter(\.final).count, 1)
            XCTAssertTrue(chunks.last!.final)
            XCTAssertEqual(chunks.last!.scanned, layout.lines.count)
            XCTAssertEqual(chunks.map(\.scanned), chunks.map(\.scanned).sorted())
            let window = SearchState.find("lantern", in: layout, lines: origin..<start)
            let after = chunks.filter { !$0.wrapped }.flatMap(\.matches)
            let before = chunks.filter(\.wrapped).flatMap(\.matches)
            XCTAssertEqual(before + window + after, all, "origin \(origin)")
        }
    }

    // MARK: What shows while counting

    func testAMatchNearTheScreenShowsAtOnceAndTheRestIsCounted() {
        var state = Self.state()
        state.setTop(state.document.layout.blockStarts[39])
        let effects = Self.search("lantern", in: &state)
        let job = try! XCTUnwrap(Self.job(in: effects))
        let s = state.search!
        XCTAssertNotNil(s.counting)
        XCTAssertFalse(s.awaitingFirst)
        XCTAssertLessThan(job.start - job.origin, state.lines.count / 4, "only a window was searched at once")
        XCTAssertTrue(state.lines[s.matches[s.current].line].text.contains("lantern"))
        XCTAssertTrue(state.status.contains("match found, counting… 2 so far ("), state.status)
        XCTAssertEqual(state.screen.cursor?.row, s.matches[s.current].line - state.top + 1, "the cursor is on it")
        let chunks = Self.chunks(job)
        XCTAssertGreaterThan(chunks.count, 2)
        let before = state.search!.matches[state.search!.current]
        for chunk in chunks.dropLast() { _ = state.send(.searchCounted(chunk)) }
        XCTAssertTrue(state.status.contains("%) · n/N · Esc stops"), state.status)
        XCTAssertEqual(state.search!.matches[state.search!.current], before, "the current match stays as others come")
        _ = state.send(.searchCounted(chunks.last!))
        XCTAssertTrue(state.status.hasPrefix(" match 2/6 · n/N · Esc clears"), state.status)
    }

    func testAFarMatchWaitsWhileKeysAreAnsweredThenIsShown() {
        var state = Self.state()
        state.setTop(state.document.layout.blockStarts[80])
        let job = try! XCTUnwrap(Self.job(in: Self.search("lantern", in: &state)))
        XCTAssertTrue(state.search!.awaitingFirst)
        XCTAssertTrue(state.status.contains("searching for “lantern”… "), state.status)
        state.press(.character("n"))
        XCTAssertTrue(state.message!.hasPrefix("Still searching for “lantern” ("), state.message!)
        let top = state.top
        state.press(.character("j"), .character("j"))
        XCTAssertEqual(state.top, top + 2, "keys are answered while the count runs")
        var chunks = Self.chunks(job)[...]
        while let chunk = chunks.popFirst(), state.search!.awaitingFirst { _ = state.send(.searchCounted(chunk)) }
        let shown = state.search!.matches[state.search!.current]
        XCTAssertTrue(state.lines[shown.line].text.contains("lantern"))
        XCTAssertEqual(state.lines[shown.line].block, 101, "the first match after the top: paragraph 100")
        XCTAssertTrue(shown.line >= state.top && shown.line < state.top + state.bodyHeight, "brought into view")
    }

    func testNStepsThroughWhatIsKnownAndWaitsAtItsEdge() {
        var state = Self.state()
        state.setTop(state.document.layout.blockStarts[39])
        let job = try! XCTUnwrap(Self.job(in: Self.search("lantern", in: &state)))
        XCTAssertEqual(state.search!.matches.count, 2, "paragraphs 40 and 41 are in the window")
        let first = state.search!.current
        state.press(.character("N"))
        XCTAssertTrue(state.message!.hasPrefix("The next match is not found yet: counting ("), state.message!)
        XCTAssertEqual(state.search!.current, first)
        state.press(.character("n"))
        XCTAssertEqual(state.search!.current, first + 1)
        state.press(.character("n"))
        XCTAssertTrue(state.message!.hasPrefix("The next match is not found yet"), state.message!)
        for chunk in Self.chunks(job) where !chunk.wrapped { _ = state.send(.searchCounted(chunk)) }
        state.press(.character("n"), .character("n"), .character("n"))
        XCTAssertEqual(state.lines[state.search!.matches[state.search!.current].line].block, 101)
        state.press(.character("n"))
        XCTAssertTrue(state.message!.hasPrefix("The next match is not found yet"), "paragraph 3 is not searched yet")
    }

    func testEscStopsTheCountAndLateChunksAreIgnored() {
        var state = Self.state()
        state.setTop(state.document.layout.blockStarts[39])
        let job = try! XCTUnwrap(Self.job(in: Self.search("lantern", in: &state)))
        let effects = state.send(.key(.escape))
        XCTAssertEqual(effects, [.cancelCount(job.id)])
        XCTAssertNil(state.search)
        XCTAssertEqual(state.message, "Search stopped: n and p follow the chain")
        for chunk in Self.chunks(job) { _ = state.send(.searchCounted(chunk)) }
        XCTAssertNil(state.search)
        // A new search stops the one still counting, and counts on its own.
        let second = try! XCTUnwrap(Self.job(in: Self.search("quay", in: &state)))
        let third = Self.search("boats", in: &state)
        XCTAssertTrue(third.contains(.cancelCount(second.id)))
        XCTAssertNotEqual(Self.job(in: third)?.id, second.id)
        // A count that ends stops nothing.
        for chunk in Self.chunks(Self.job(in: third)!) {
            XCTAssertFalse(
                state.send(.searchCounted(chunk)).contains { if case .cancelCount = $0 { true } else { false } })
        }
    }

    func testACancelledCountStopsAtItsNextChunk() {
        let layout = Self.state().document.layout
        let job = SearchJob(id: 7, query: "quay", layout: layout, start: 40, origin: 0, chunkLines: 50)
        var asked = 0
        var chunks: [SearchChunk] = []
        SearchCount.run(
            job,
            cancelled: {
                asked += 1; return asked > 2
            }
        ) { chunks.append($0) }
        XCTAssertEqual(chunks.count, 3)
        XCTAssertEqual(chunks.map(\.final), [false, false, true])
        XCTAssertEqual(chunks.last?.matches, [])
        XCTAssertLessThan(chunks.last!.scanned, layout.lines.count)
    }

    // MARK: The run loop

    func testTheLoopDrawsTheFirstMatchThenCountsBehindTheScreen() {
        var opening = ReaderState.open(
            library: .of(["long.txt"], in: MemoryStore([("long.txt", Self.article())])),
            at: ArticleID(key: "long.txt"), width: 100, height: 20)
        opening.state.searchWindow = Self.small
        let line = Self.state().document.layout.blockStarts[40] + 1
        // Built in steps: as one expression it took the type checker almost two seconds.
        var keys: [HeadlessBackend.Step] = "\(line)g".map { HeadlessBackend.Step.press($0) }
        keys += [.pause, .press("/")]
        keys += "lantern".map { HeadlessBackend.Step.press($0) }
        keys += [.input(.key(.enter)), .pause, .press("j"), .pause, .finishWork, .pause, .press("q")]
        let run = LoopRun(opening, keys)
        let screens = run.backend.screens
        XCTAssertFalse(run.backend.ranOut)
        let counting = screens.firstIndex { $0.text(row: 19).contains("match found, counting…") }
        XCTAssertNotNil(counting, "the first match is drawn before the count is done")
        XCTAssertTrue(screens[counting! + 1].text(row: 19).contains("counting"), "j answered meanwhile")
        XCTAssertTrue(screens.last!.text(row: 19).contains("match 2/6"), screens.last!.text(row: 19))
        XCTAssertEqual(run.backend.jobsAtDraw[counting!], 0, "the count starts once the match is drawn")
        XCTAssertEqual(run.backend.jobsAtDraw.last, 1)
        XCTAssertEqual(run.backend.timeouts.filter { $0 > 0 }.last, EventLoop.idlePoll, "nothing is out at the end")
    }

    func testEscBeforeTheCountRunsLeavesNothingOutstanding() {
        var opening = ReaderState.open(
            library: .of(["long.txt"], in: MemoryStore([("long.txt", Self.article())])),
            at: ArticleID(key: "long.txt"), width: 100, height: 20)
        opening.state.searchWindow = Self.small
        let keys: [HeadlessBackend.Step] =
            [.press("/")] + "quay".map { .press($0) }
            + [.input(.key(.enter)), .pause, .input(.key(.escape)), .pause, .finishWork, .pause, .press("q")]
        let run = LoopRun(opening, keys)
        XCTAssertNil(run.final.search)
        XCTAssertTrue(run.backend.screens.last!.text(row: 19).contains("Search stopped"))
        XCTAssertEqual(run.backend.timeouts.filter { $0 > 0 }.last, EventLoop.idlePoll, "the stopped count ended")
    }
}

/// An event in the middle of a count (a resize): the match the reader was on stays current once
/// the new count is done (found by the review: it jumped to the article's first match).
final class BackgroundSearchResizeTests: XCTestCase {
    func testResizeWhileCountingKeepsTheCurrentMatch() throws {
        var state = BackgroundSearchTests.state()
        state.setTop(state.document.layout.blockStarts[39])
        let effects = BackgroundSearchTests.search("lantern", in: &state)
        _ = try XCTUnwrap(BackgroundSearchTests.job(in: effects))
        let before = try XCTUnwrap(state.search)
        let block = state.lines[before.matches[before.current].line].block
        let resized = state.send(.resize(width: 70, height: 20))
        if let job = BackgroundSearchTests.job(in: resized) {
            for chunk in BackgroundSearchTests.chunks(job) { _ = state.send(.searchCounted(chunk)) }
        }
        let after = try XCTUnwrap(state.search)
        XCTAssertEqual(state.lines[after.matches[after.current].line].block, block)
    }
}
