import ArticleKit
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// The article list reads letters as keys, as newsboat, mutt and less do (issue 20): j/k move, g/G go
/// to the ends, q closes it; `/` starts the filter, whose characters are text until Enter or Esc.
final class ListKeysTests: XCTestCase {
    func list(_ state: ReaderState, file: StaticString = #filePath, line: UInt = #line) -> ArticleListState? {
        guard case .list(let list) = state.overlay else {
            XCTFail("the list is not open: \(state.overlay)", file: file, line: line)
            return nil
        }
        return list
    }

    func testJAndKMoveGAndGGoToTheEndsAndQClosesTheListOnly() throws {
        var state = ReaderFixtures.state(0, width: 60, height: 12)
        state.press(.character("l"))
        XCTAssertEqual(try XCTUnwrap(list(state)).selection, 0)
        state.press(.character("j"), .character("j"))
        XCTAssertEqual(try XCTUnwrap(list(state)).selection, 2)
        state.press(.character("k"))
        XCTAssertEqual(try XCTUnwrap(list(state)).selection, 1)
        state.press(.character("G"))
        XCTAssertEqual(try XCTUnwrap(list(state)).selection, 3)
        state.press(.character("g"))
        XCTAssertEqual(try XCTUnwrap(list(state)).selection, 0)
        XCTAssertEqual(try XCTUnwrap(list(state)).filter, "", "no letter went into the filter")
        let effects = state.send(.key(.character("q")))
        XCTAssertEqual(state.overlay, .none, "q closes the list")
        XCTAssertFalse(effects.contains(.quit), "… and does not quit the reader")
        XCTAssertTrue(state.screen.text(row: 1).contains("Articles") == false)
    }

    func testSlashStartsTheFilterEnterKeepsItEscDropsWhatWasTyped() throws {
        var state = ReaderFixtures.state(0, width: 60, height: 12)
        state.press(.character("l"))
        XCTAssertTrue(state.screen.text(row: 1).contains("/ filters"), state.screen.text(row: 1))
        state.press(.character("/"))
        XCTAssertTrue(try XCTUnwrap(list(state)).typing)
        state.type("jq")  // letters that are keys in the list are text in its filter
        XCTAssertEqual(try XCTUnwrap(list(state)).filter, "jq")
        XCTAssertEqual(state.status.trimmingCharacters(in: .whitespaces), "filter: jq")
        XCTAssertEqual(state.screen.cursor?.column, "filter: jq".count, "the cursor is at the filter's end")
        state.press(.backspace, .backspace)
        state.type("brid")
        XCTAssertEqual(try XCTUnwrap(list(state)).matches, [2])
        state.press(.enter)
        var kept = try XCTUnwrap(list(state))
        XCTAssertFalse(kept.typing, "Enter gives the keys back to the list")
        XCTAssertEqual(kept.filter, "brid")
        XCTAssertTrue(state.screen.text(row: 1).contains("Articles matching “brid”"), state.screen.text(row: 1))
        XCTAssertFalse(state.status.contains("filter:"))
        state.press(.character("j"))
        kept = try XCTUnwrap(list(state))
        XCTAssertEqual(kept.filter, "brid", "j moves again, it is not typed")
        // Esc while typing goes back to the filter there was before /.
        state.press(.character("/"))
        state.type(" zzz")
        XCTAssertEqual(try XCTUnwrap(list(state)).matches, [])
        state.press(.escape)
        kept = try XCTUnwrap(list(state))
        XCTAssertEqual(kept.filter, "brid")
        XCTAssertEqual(kept.matches, [2])
        XCTAssertFalse(kept.typing)
        // Esc in the list clears the filter, and once more closes the list.
        state.press(.escape)
        XCTAssertEqual(try XCTUnwrap(list(state)).filter, "")
        XCTAssertEqual(try XCTUnwrap(list(state)).matches, [0, 1, 2, 3])
        state.press(.escape)
        XCTAssertEqual(state.overlay, .none)
    }

    func testBackspaceOnAnEmptyFilterLeavesItAndTheArrowsMoveWhileTyping() throws {
        var state = ReaderFixtures.state(0, width: 60, height: 12)
        state.press(.character("l"), .character("/"), .down, .down)
        var l = try XCTUnwrap(list(state))
        XCTAssertEqual(l.selection, 2, "↓ moves while the filter is typed")
        XCTAssertTrue(l.typing)
        state.type("the war")
        state.press(.control("w"))
        XCTAssertEqual(try XCTUnwrap(list(state)).filter, "the ")
        state.press(.control("u"))
        XCTAssertEqual(try XCTUnwrap(list(state)).filter, "")
        state.press(.backspace)
        l = try XCTUnwrap(list(state))
        XCTAssertFalse(l.typing, "Backspace on an empty filter leaves it, as in the search prompt")
        state.press(.character("q"))
        XCTAssertEqual(state.overlay, .none)
    }

    /// The list's letters are keys, so a config may bind them there; the filter's are text, so not there.
    func testTheListContextTypesNoTextAndTheFilterContextDoes() {
        XCTAssertFalse(KeyContext.list.typesText(.character("j")))
        XCTAssertTrue(KeyContext.filter.typesText(.character("j")))
        XCTAssertEqual(KeyMap.standard.action(for: .character("/"), in: .list), .filter)
        XCTAssertEqual(KeyMap.standard.action(for: .character("q"), in: .list), .close)
        XCTAssertEqual(KeyContext.filter.wayOut, .cancel)
    }
}
