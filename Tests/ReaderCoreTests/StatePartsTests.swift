import ArticleKit
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// The reader's parts, each on its own: an overlay's reducer, the history, the collection search's asks.
/// No `ReaderState` is needed to know what they do.
final class StatePartsTests: XCTestCase {
    let keys = KeyMap.standard

    func testTheOutlinePicksASectionByItsDigits() {
        XCTAssertEqual(
            OutlineOverlay.take(.character("j"), selection: 2, sections: 3, typed: nil, keys: keys), .select(2))
        XCTAssertEqual(
            OutlineOverlay.take(.character("k"), selection: 0, sections: 3, typed: nil, keys: keys), .select(0))
        XCTAssertEqual(
            OutlineOverlay.take(.enter, selection: 1, sections: 3, typed: nil, keys: keys), .jump(toSection: 1))
        // With 12 sections "1" waits for a second digit, "12" jumps, "5" jumps at once.
        XCTAssertEqual(OutlineOverlay.digit(1, typed: nil, sections: 12), .typed(number: 1))
        XCTAssertEqual(OutlineOverlay.digit(2, typed: 1, sections: 12), .jump(toSection: 11))
        XCTAssertEqual(OutlineOverlay.digit(5, typed: nil, sections: 12), .jump(toSection: 4))
        XCTAssertEqual(
            OutlineOverlay.digit(0, typed: nil, sections: 3), .say("There is no section 0 (this article has 3)"))
    }

    func testThePickersAndTheHelpStopAtTheirEnds() {
        XCTAssertEqual(Picker.take(.down, selection: 2, count: 3), .select(2))
        XCTAssertEqual(Picker.take(.open, selection: 1, count: 3), .open(1))
        XCTAssertEqual(Picker.take(.open, selection: 0, count: 0), .stay, "nothing to open")
        XCTAssertEqual(Picker.take(nil, selection: 1, count: 3), .close, "any other key closes")
        XCTAssertEqual(HelpOverlay.take(.pageDown, scroll: 0, rows: 30, bodyHeight: 10), 9)
        XCTAssertEqual(HelpOverlay.take(.pageDown, scroll: 15, rows: 30, bodyHeight: 10), 20, "the last screenful")
        XCTAssertNil(HelpOverlay.take(nil, scroll: 3, rows: 30, bodyHeight: 10))
    }

    func testTheListsReducerTypesIntoItsFilterAndAsksForTheRest() {
        var list = ArticleListState(matches: [0, 1, 2], selection: 0)
        XCTAssertEqual(list.take(.character("j"), keys: keys, page: 8), .stay)
        XCTAssertEqual(list.selection, 1)
        XCTAssertEqual(list.take(.character("/"), keys: keys, page: 8), .stay)
        XCTAssertTrue(list.typing)
        XCTAssertEqual(list.take(.character("j"), keys: keys, page: 8), .filter("j"), "typed, not a move")
        list.filter = "j"
        XCTAssertEqual(list.take(.escape, keys: keys, page: 8), .filter(""), "Esc: the filter before /")
        XCTAssertFalse(list.typing)
    }

    func testTheHistoryLeavesGoesBackAndForward() {
        func at(_ line: Int) -> Position { Position(article: ArticleID(key: "a"), block: 0, line: line, width: 60) }
        var navigation = Navigation()
        navigation.leave(at(1))
        navigation.leave(at(2))
        XCTAssertEqual(navigation.back(from: at(3)), at(2))
        XCTAssertEqual(navigation.forwardStack, [at(3)])
        XCTAssertEqual(navigation.forward(from: at(2)), at(3))
        navigation.leave(at(4))
        XCTAssertEqual(navigation.forwardStack, [], "a new place drops what was ahead")
        var empty = Navigation()
        XCTAssertNil(empty.back(from: at(0)))
        for _ in 0..<100 { navigation.holdKey(.character("j")) }
        XCTAssertEqual(navigation.typeahead.count, Navigation.typeaheadLimit)
    }

    func testEachCollectionAskHasANewGenerationAndTheListAsksOnlyWithAnIndex() throws {
        var search = CollectionSearchState()
        var list = ArticleListState(matches: [], selection: 0)
        list.filter = "harb"
        XCTAssertNil(search.askBodies(&list), "no index: nothing asked")
        search.index = .ready
        guard case .searchCollection(let first)? = search.askBodies(&list) else { return XCTFail("asked") }
        XCTAssertEqual(first.query.required, [.prefix("harb")], "the word being typed is a prefix")
        guard case .success(let started) = search.start("harbour"), case .searchCollection(let second) = started.1
        else { return XCTFail("a query that parses starts a search") }
        let results = started.0
        XCTAssertEqual(second.generation, first.generation + 1)
        XCTAssertEqual(results.generation, second.generation)
        XCTAssertEqual(search.queries, ["harbour"])
    }
}
