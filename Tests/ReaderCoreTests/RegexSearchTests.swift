import ArticleKit
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// `/` with a regular expression, as less has it (issue 20): a query starting with `~` is a pattern,
/// folded as the text is (accents never count, case only with a capital); plain text stays the default,
/// and Ctrl-R in the prompt puts the `~` in or takes it out.
final class RegexSearchTests: XCTestCase {
    func count(_ query: String, _ state: ReaderState) -> Int {
        SearchState.find(query, in: state.document.layout).count
    }

    func testATildeMakesTheQueryARegularExpression() {
        let state = ReaderFixtures.state(0, width: 70, height: 16)
        let accordo = count("accordo", state)
        let energia = count("energia", state)
        XCTAssertEqual(accordo, 4)
        XCTAssertGreaterThan(energia, 0)
        XCTAssertEqual(count("~accordo", state), accordo)
        XCTAssertEqual(count("~acc.rdo", state), accordo, ". is any character")
        XCTAssertEqual(count("~accordo|energia", state), accordo + energia)
        XCTAssertEqual(count("accordo|energia", state), 0, "without ~ the bar is text")
        XCTAssertEqual(count("acc.rdo", state), 0, "… and so is the dot")
        // Folded as the text is: "dell’accordo" has a curly quote, the pattern a straight one.
        XCTAssertEqual(count("~dell'accord[oi]", state), count("dell'accordo", state))
        XCTAssertGreaterThan(count("~dell'accord[oi]", state), 0)
        // A capital makes case count, as in the literal search.
        XCTAssertEqual(count("~Il ministro", state), count("Il ministro", state))
        XCTAssertEqual(count("~IL MINISTRO", state), 0)
        // Word boundaries as grep has them (an apostrophe ends a word) and classes work; a pattern that matches the empty string finds nothing empty.
        XCTAssertEqual(count("~\\baccordo\\b", state), accordo)
        XCTAssertEqual(count("~\\b", state), 0)
    }

    func testNStepsThroughTheMatchesOfAPattern() {
        var state = ReaderFixtures.state(0, width: 70, height: 16)
        state.search("~accordo|energia")
        let s = try! XCTUnwrap(state.search)
        XCTAssertEqual(s.query, "~accordo|energia")
        XCTAssertEqual(s.matches.count, count("~accordo|energia", state))
        XCTAssertTrue(state.status.contains("match 1/\(s.matches.count)"), state.status)
        state.press(.character("n"))
        XCTAssertTrue(state.status.contains("match 2/\(s.matches.count)"), state.status)
    }

    func testAPatternThatDoesNotCompileSaysSo() {
        var state = ReaderFixtures.state(0, width: 70, height: 16)
        state.search("~(accordo")
        XCTAssertNil(state.search)
        XCTAssertTrue(
            state.message?.hasPrefix("“(accordo” is not a regular expression") ?? false, state.message ?? "nil")
        XCTAssertNil(SearchState.regexProblem("~accordo"))
        XCTAssertNil(SearchState.regexProblem("(literal"), "without ~ nothing is a pattern")
        XCTAssertNil(SearchState.regexPattern("~"), "a lone ~ is text")
    }

    func testCtrlRPutsTheTildeInAndTakesItOut() {
        var state = ReaderFixtures.state(0, width: 70, height: 16)
        state.press(.character("/"))
        state.type("acc.rdo")
        state.press(.control("r"))
        XCTAssertEqual(state.prompt?.string, "~acc.rdo")
        XCTAssertEqual(state.prompt?.cursor, 8, "the cursor stays after what was typed")
        XCTAssertEqual(state.status.trimmingCharacters(in: .whitespaces), "/~acc.rdo")
        state.press(.control("r"))
        XCTAssertEqual(state.prompt?.string, "acc.rdo")
        state.press(.control("r"), .enter)
        XCTAssertEqual(state.search?.matches.count, 4)
        // The search of every article has no patterns: Ctrl-R does nothing there.
        var all = SearchPrompt(scope: .collection)
        _ = all.edit(.character("a"))
        _ = all.edit(.control("r"))
        XCTAssertEqual(all.string, "a")
    }

    /// A long article is searched in parts behind the screen: a pattern finds in the parts what it finds whole.
    func testAPatternFindsTheSameInPartsAsWhole() {
        let state = ReaderFixtures.state(0, width: 40, height: 16)
        let layout = state.document.layout
        let whole = SearchState.find("~accord[oi]|gas", in: layout)
        let starts = layout.blockStarts
        let middle = starts[starts.count / 2]
        let parts =
            SearchState.find("~accord[oi]|gas", in: layout, lines: 0..<middle)
            + SearchState.find("~accord[oi]|gas", in: layout, lines: middle..<layout.lines.count)
        XCTAssertEqual(parts, whole)
        XCTAssertGreaterThan(whole.count, 4)
    }
}
