import ArticleKit
import GazetteTestSupport
import ReaderLoop
import XCTest

@testable import ReaderCore

/// `s` and the list filter against the index, without one: the core asks with
/// `.searchCollection` and the test answers as the run loop would.
final class CollectionSearchTests: XCTestCase {
    let library = ReaderFixtures.library()

    func state(ready: Bool = true) -> ReaderState {
        var state = ReaderState(library: library, start: 0, width: 80, height: 24)
        if ready { state.send(.searchIndex(.ready)) }
        return state
    }

    /// The hits the index would give for `typed` in these fixtures: every section holding its words.
    func answer(_ request: CollectionSearchRequest) -> CollectionResults {
        Self.answer(request, in: library)
    }

    static func answer(_ request: CollectionSearchRequest, in library: ArticleLibrary) -> CollectionResults {
        let cutter = SnippetCutter(query: request.query)
        var hits: [SearchHit] = []
        for (i, entry) in library.collection.entries.enumerated() {
            guard let article = try? library.article(i).get() else { continue }
            for s in article.sections.indices {
                if let snippet = cutter.cut(article, section: s) {
                    hits.append(
                        SearchHit(
                            path: entry.id.key, title: article.title, section: s,
                            heading: article.sections[s].heading, score: 1, snippet: snippet))
                    break
                }
            }
        }
        return CollectionResults(generation: request.generation, hits: hits, complete: request.indexComplete)
    }

    func request(_ effects: [Effect]) -> CollectionSearchRequest? {
        for case .searchCollection(let r) in effects { return r }
        return nil
    }

    func search(_ state: inout ReaderState, _ typed: String) -> CollectionSearchRequest? {
        state.press(.character("s"))
        state.type(typed)
        return request(state.send(.key(.enter)))
    }

    func testWithoutAnIndexSaysWhy() {
        var state = state(ready: false)
        state.press(.character("s"))
        XCTAssertNil(state.prompt)
        XCTAssertTrue(state.message?.contains("index") ?? false, state.message ?? "")
    }

    func testPromptResultsMatchAndBack() throws {
        var state = state()
        let asked = try XCTUnwrap(search(&state, "council"))
        XCTAssertEqual(asked.query, try SearchQuery.parse("council"))
        guard case .results(let waiting) = state.overlay else { return XCTFail("no results overlay") }
        XCTAssertFalse(waiting.answered)
        XCTAssertTrue(state.screen.text(row: 1).contains("Searching every article"), state.screen.text)

        state.send(.collectionResults(answer(asked)))
        guard case .results(let shown) = state.overlay else { return XCTFail("results gone") }
        XCTAssertEqual(shown.hits.map(\.path), ["03_en.txt"])
        let screen = state.screen
        let row = try XCTUnwrap((0..<screen.height).first { screen.text(row: $0).contains(" — The council will") })
        // The title gives way to the section (issue 20: a result says where it is) and the file name.
        XCTAssertTrue(screen.text(row: row).hasPrefix("   Family cyclis"), screen.text)
        XCTAssertTrue(screen.text(row: row).contains("› What comes next"), screen.text)
        // The word is highlighted in the row: the cells under "council" carry the match style.
        let column = try XCTUnwrap(Self.column(of: "council", in: screen.text(row: row)))
        XCTAssertEqual(screen[row, column].style.role, .currentMatch)
        XCTAssertEqual(screen[row, column - 2].style.role, .selection)

        // Enter: the article, at the match, with / set so that n goes on.
        state.press(.enter)
        XCTAssertEqual(state.document.id, ArticleID(key: "03_en.txt"))
        XCTAssertEqual(state.overlay, .none)
        let search = try XCTUnwrap(state.search)
        XCTAssertEqual(search.query, "council")
        XCTAssertTrue(search.visited)
        let focused = state.lines[state.focus].text
        XCTAssertTrue(focused.contains("council"), focused)
        XCTAssertEqual(state.document.layout.lines[state.focus].section, 1)

        // Back: the results again, with the same selection.
        state.press(.backspace)
        guard case .results(let again) = state.overlay else { return XCTFail("Back did not bring the results") }
        XCTAssertEqual(again.hits, shown.hits)
        XCTAssertEqual(state.document.id, ArticleID(key: "01_it.txt"))
    }

    func testAnAnswerToAnOlderQueryIsDropped() throws {
        var state = state()
        let first = try XCTUnwrap(search(&state, "council"))
        state.press(.escape)
        let second = try XCTUnwrap(search(&state, "Schwarzwald"))
        XCTAssertNotEqual(first.generation, second.generation)
        state.send(.collectionResults(answer(first)))
        guard case .results(let results) = state.overlay else { return XCTFail() }
        XCTAssertFalse(results.answered, "the answer to 'council' must not fill the results of 'Schwarzwald'")
        state.send(.collectionResults(answer(second)))
        guard case .results(let answered) = state.overlay else { return XCTFail() }
        XCTAssertEqual(answered.hits.map(\.path), ["04_de.txt"])
    }

    func testResultsAreAskedAgainAsTheIndexGrows() throws {
        var state = state(ready: false)
        state.send(.searchIndex(.building(done: 100, total: 10_000)))
        XCTAssertTrue(state.screen.text(row: 23).contains("indexing 100/10,000"), state.screen.text(row: 23))
        _ = try XCTUnwrap(search(&state, "council"))
        // A few more files: not worth asking again; a twentieth of the folder: asked again.
        XCTAssertNil(request(state.send(.searchIndex(.building(done: 300, total: 10_000)))))
        let again = try XCTUnwrap(request(state.send(.searchIndex(.building(done: 700, total: 10_000)))))
        XCTAssertEqual(again.purpose, .results)
        // Once the index is ready, asked a last time.
        state.send(.collectionResults(answer(again)))
        XCTAssertNotNil(request(state.send(.searchIndex(.ready))))
    }

    func testQueriesThatCannotRunSayWhy() {
        var state = state()
        XCTAssertNil(search(&state, "-council"))
        XCTAssertEqual(state.message, SearchQueryError.onlyExclusions.description)
        XCTAssertNil(search(&state, "!!! ???"))
        XCTAssertTrue(state.message?.hasPrefix("nothing to search for") ?? false)
        XCTAssertEqual(state.overlay, .none)
    }

    func testTheListFilterFindsBodiesToo() throws {
        var state = state()
        state.press(.character("l"), .character("/"))
        var asked: CollectionSearchRequest?
        for c in "counc" { asked = request(state.send(.key(.character(c)))) ?? asked }
        let last = try XCTUnwrap(asked)
        XCTAssertEqual(last.purpose, .listFilter)
        XCTAssertEqual(last.query.required, [.prefix("counc")], "the word being typed is a prefix")
        state.send(.collectionResults(answer(try SearchQuery.parse("council"), generation: last.generation)))
        guard case .list(let list) = state.overlay else { return XCTFail() }
        XCTAssertEqual(list.matches, [], "no title holds it")
        XCTAssertEqual(list.bodyMatches.map(\.key), ["03_en.txt"])
        XCTAssertTrue(state.screen.text.contains("≈ "), state.screen.text)
        state.press(.enter, .enter)  // the first keeps the filter, the second opens
        XCTAssertEqual(state.document.id, ArticleID(key: "03_en.txt"))
    }

    func answer(_ query: SearchQuery, generation: Int) -> CollectionResults {
        answer(CollectionSearchRequest(query: query, generation: generation, limit: 10, purpose: .listFilter))
    }

    static func column(of word: String, in row: String) -> Int? {
        guard let range = row.range(of: word) else { return nil }
        return DisplayWidth.of(String(row[..<range.lowerBound]))
    }

    func testTheResultsOverlaySnapshot() throws {
        var state = ReaderState(library: library, start: 0, width: 70, height: 14)
        state.send(.searchIndex(.ready))
        let asked = try XCTUnwrap(search(&state, "the"))
        state.send(.collectionResults(answer(asked)))
        state.press(.down)
        Snapshot.assert(state.screen, "results-70x14")
    }

    /// The run loop: the index is updated behind the first screen (progress in the status line),
    /// a query asked meanwhile is answered, and Enter lands on the match.
    func testTheLoopUpdatesTheIndexAndAnswersQueries() throws {
        let library = self.library
        let hooks = SearchHooks(
            update: { progress in
                progress(2, 4)
                progress(4, 4)
                return .success("the search index was damaged or too old and was built again")
            },
            find: { query, limit, _ in
                let request = CollectionSearchRequest(query: query, generation: 0, limit: limit, purpose: .results)
                return .success(CollectionSearchTests.answer(request, in: library).hits)
            })
        let opening = ReaderState.open(
            library: library, at: library.collection.entries[0].id, width: 80, height: 24)
        let keys: [HeadlessBackend.Step] =
            [.pause, .finishWork, .press("s")] + "council".map { HeadlessBackend.Step.press($0) } + [
                .input(.key(.enter)), .pause, .finishWork, .pause, .input(.key(.enter)), .pause,
                .input(.key(.character("q"))),
            ]
        let run = LoopRun(opening, search: hooks, keys)
        XCTAssertFalse(run.backend.ranOut)
        let screens = run.backend.screens.map { $0.text }
        XCTAssertTrue(screens.contains { $0.contains("indexing") }, "progress was shown")
        XCTAssertTrue(screens.contains { $0.contains("the search index was damaged") }, "the notice was shown")
        XCTAssertTrue(screens.contains { $0.contains("“council”: 1 article") }, screens.last ?? "")
        XCTAssertEqual(run.final.document.id, ArticleID(key: "03_en.txt"))
        XCTAssertEqual(run.final.search?.query, "council")
    }

    /// Every small window, with long titles, wide characters and a match at a snippet's end: the
    /// rows fit, the highlight stays inside the row, nothing traps.
    func testTheResultsFitEveryWindow() throws {
        var state = state()
        let asked = try XCTUnwrap(search(&state, "the"))
        state.send(.collectionResults(answer(asked)))
        for width in stride(from: 8, through: 50, by: 3) {
            for height in 3...9 {
                state.send(.resize(width: width, height: height))
                let screen = state.screen
                XCTAssertEqual(screen.width, width)
                for row in 0..<height { XCTAssertLessThanOrEqual(DisplayWidth.of(screen.text(row: row)), width) }
            }
        }
        state.send(.resize(width: 80, height: 24))
        guard case .results = state.overlay else { return XCTFail("the results closed on a resize") }
    }

    /// Asked again as the index grows, an older answer arriving after a newer one is dropped; the
    /// answer says whether the index was complete when it was asked.
    func testAnOlderAnswerNeverOverwritesANewerOne() throws {
        var state = state(ready: false)
        state.send(.searchIndex(.building(done: 0, total: 1_000)))
        let first = try XCTUnwrap(search(&state, "council"))
        XCTAssertFalse(first.indexComplete)
        let second = try XCTUnwrap(request(state.send(.searchIndex(.ready))))
        XCTAssertTrue(second.indexComplete)
        XCTAssertGreaterThan(second.generation, first.generation)
        var full = answer(second)
        full.complete = second.indexComplete
        state.send(.collectionResults(full))
        var stale = answer(first)
        stale.hits = []
        stale.complete = false
        state.send(.collectionResults(stale))
        guard case .results(let shown) = state.overlay else { return XCTFail() }
        XCTAssertEqual(shown.hits.map(\.path), ["03_en.txt"], "the late, older answer was dropped")
        XCTAssertTrue(shown.complete)
    }

    /// An index that cannot be used: `s` says why instead of opening a prompt that can only fail.
    func testAnUnusableIndexSaysWhy() {
        var state = state(ready: false)
        state.send(.searchIndex(.unavailable("cannot keep a search index: its folder is not writable")))
        state.press(.character("s"))
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.message, "cannot keep a search index: its folder is not writable")
    }

    /// Results brought back by Back go with the place if it is left again (Forward, then Back).
    func testBackForwardBackKeepsTheResults() throws {
        var state = state()
        let asked = try XCTUnwrap(search(&state, "council"))
        state.send(.collectionResults(answer(asked)))
        state.press(.enter)
        state.press(.backspace)
        guard case .results = state.overlay else { return XCTFail("Back did not bring the results") }
        state.press(.escape)
        state.press(.character("L"))
        XCTAssertEqual(state.document.id, ArticleID(key: "03_en.txt"))
        state.press(.backspace)
        guard case .results = state.overlay else { return XCTFail("the results were lost on the second Back") }
    }

    /// ≈ rows wait for their answer without leaving the selection outside the rows.
    func testTheListSelectionStaysInsideItsRows() throws {
        var state = state()
        state.press(.character("l"), .character("/"))
        var asked: CollectionSearchRequest?
        for c in "council" { asked = request(state.send(.key(.character(c)))) ?? asked }
        state.press(.down, .down)
        guard case .list(let before) = state.overlay else { return XCTFail() }
        XCTAssertGreaterThanOrEqual(before.selection, 0)
        let last = try XCTUnwrap(asked)
        state.send(.collectionResults(answer(try SearchQuery.parse("council"), generation: last.generation)))
        state.press(.enter, .enter)
        XCTAssertEqual(state.document.id, ArticleID(key: "03_en.txt"), "Enter opens the ≈ row")
    }
}
