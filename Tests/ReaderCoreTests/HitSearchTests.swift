import ArticleKit
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// A hit opened from `s` sets `/` to the whole query, so that n walks "council will", not every "council"
/// (issue 20); where the index found the words apart, `/` finds any of them.
final class HitSearchTests: XCTestCase {
    let library = ReaderFixtures.library()

    func open(_ typed: String) throws -> ReaderState {
        var state = ReaderState(library: library, start: 0, width: 80, height: 24)
        state.send(.searchIndex(.ready))
        state.press(.character("s"))
        state.type(typed)
        var asked: CollectionSearchRequest?
        for case .searchCollection(let r) in state.send(.key(.enter)) { asked = r }
        state.send(.collectionResults(CollectionSearchTests.answer(try XCTUnwrap(asked), in: library)))
        state.press(.enter)
        XCTAssertEqual(state.document.id, ArticleID(key: "03_en.txt"))
        return state
    }

    func testTheWholeQueryBecomesTheSearch() throws {
        let state = try open("council will")
        let search = try XCTUnwrap(state.search)
        XCTAssertEqual(search.query, "council will")
        XCTAssertEqual(search.matches.count, SearchState.find("council will", in: state.document.layout).count)
        XCTAssertGreaterThan(search.matches.count, 0)
        XCTAssertTrue(state.lines[state.focus].text.contains("council"), state.lines[state.focus].text)
    }

    func testWordsFoundApartAreEachFound() throws {
        let state = try open("council decide")
        let search = try XCTUnwrap(state.search)
        XCTAssertEqual(search.query, "~council|decide")
        let layout = state.document.layout
        XCTAssertEqual(
            search.matches.count,
            SearchState.find("council", in: layout).count + SearchState.find("decide", in: layout).count)
        XCTAssertEqual(SearchState.anyOf(["a.b", "c+"]), "~a\\.b|c\\+")
    }
}
