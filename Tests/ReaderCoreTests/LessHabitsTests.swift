import ArticleKit
import GazetteTestSupport
import ReaderLoop
import XCTest

@testable import ReaderCore

/// Articles for the less habits: a chain of two that both speak of the harbour, and one with
/// twelve sections.
enum LessFixtures {
    static func paragraph(_ n: Int, _ word: String) -> String {
        "Paragraph \(n) tells how the \(word) council met on Tuesday evening and argued for hours about money, "
            + "roads and the old market, and how nothing was decided before midnight came and everyone went home."
    }

    static let first = """
        Harbour Council Approves New Budget for Waterfront Renewal

        -

        \(paragraph(1, "harbour"))

        \(paragraph(2, "town"))

        \(paragraph(3, "harbour"))

        \(paragraph(4, "town"))

        \(paragraph(5, "harbour"))

        -

        NEXT Fishermen Welcome the Harbour Plan
        """

    static let second = """
        Fishermen Welcome the Harbour Plan

        -

        \(paragraph(1, "town"))

        \(paragraph(2, "harbour"))

        -

        PREV Harbour Council Approves New Budget for Waterfront Renewal
        """

    static var twelve: String {
        var blocks = ["A Long Report in Twelve Parts", "-", paragraph(0, "town")]
        for n in 1...11 { blocks += ["Part number \(n) of the report", paragraph(n, "town")] }
        return blocks.joined(separator: "\n\n")
    }

    static func library() -> ArticleLibrary {
        .of(["a.txt", "b.txt", "c.txt"], in: MemoryStore([("a.txt", first), ("b.txt", second), ("c.txt", twelve)]))
    }

    static func state(_ entry: Int = 0, width: Int = 60, height: Int = 12) -> ReaderState {
        ReaderState(library: library(), start: entry, width: width, height: height)
    }
}

extension ReaderState {
    var status: String { screen.text(row: geometry.height - 1) }
    mutating func search(_ query: String) {
        press(.character("/"))
        type(query)
        press(.enter)
    }
}

final class SearchPromptTests: XCTestCase {
    func testTheLineEditsLikeAShellLine() {
        var p = SearchPrompt()
        for c in "harbor plan" { _ = p.edit(.character(c)) }
        for _ in 0..<6 { _ = p.edit(.left) }
        _ = p.edit(.character("u"))
        XCTAssertEqual(p.string, "harbour plan")
        XCTAssertEqual(p.cursor, 6)
        _ = p.edit(.home)
        _ = p.edit(.character("/"))
        _ = p.edit(.end)
        _ = p.edit(.backspace)
        XCTAssertEqual(p.string, "/harbour pla")
        _ = p.edit(.control("w"))
        XCTAssertEqual(p.string, "/harbour ")
        _ = p.edit(.control("w"))
        XCTAssertEqual(p.string, "")
        for c in "ab cd" { _ = p.edit(.character(c)) }
        _ = p.edit(.left); _ = p.edit(.left)
        _ = p.edit(.control("u"))
        XCTAssertEqual(p.string, "cd")
        XCTAssertEqual(p.cursor, 0)
        XCTAssertEqual(p.edit(.enter), .submitted("cd"))
    }

    func testArrowsWalkThisSessionsQueriesAndGiveBackTheDraft() {
        var p = SearchPrompt(history: ["one", "two"])
        _ = p.edit(.character("x"))
        _ = p.edit(.up)
        XCTAssertEqual(p.string, "two")
        _ = p.edit(.up); _ = p.edit(.up)
        XCTAssertEqual(p.string, "one")
        _ = p.edit(.down)
        XCTAssertEqual(p.string, "two")
        _ = p.edit(.down)
        XCTAssertEqual(p.string, "x")
        XCTAssertEqual(p.cursor, 1)
    }

    func testBackspaceOnAnEmptyLineAndEscLeave() {
        var p = SearchPrompt()
        XCTAssertEqual(p.edit(.backspace), .cancelled)
        _ = p.edit(.character("a"))
        XCTAssertEqual(p.edit(.escape), .cancelled)
    }

    func testTheCursorIsWhereTheNextCharacterGoes() {
        var state = LessFixtures.state()
        state.press(.character("/"))
        state.type("harbour")
        state.press(.left, .left)
        XCTAssertEqual(state.screen.cursor?.row, 11)
        XCTAssertEqual(state.screen.cursor?.column, 1 + 5)
        state.press(.up)
        XCTAssertEqual(state.prompt?.string, "harbour", "no earlier query: ↑ changes nothing")
    }
}

final class LessSearchTests: XCTestCase {
    func testNAndShiftNStepWhileASearchIsOnAndWrapWithANotice() {
        var state = LessFixtures.state()
        state.search("harbour")
        let count = state.search!.matches.count
        XCTAssertGreaterThanOrEqual(count, 3)
        XCTAssertTrue(state.status.hasPrefix(" match 1/\(count) · n/N · Esc clears"), state.status)
        state.press(.character("n"))
        XCTAssertEqual(state.search?.current, 1)
        XCTAssertEqual(state.entryIndex, 0, "n steps the search, not the chain")
        state.press(.character("N"), .character("N"))
        XCTAssertEqual(state.search?.current, count - 1)
        XCTAssertEqual(state.message, "search hit the top, continuing at the end")
        state.press(.character("n"))
        XCTAssertEqual(state.search?.current, 0)
        XCTAssertEqual(state.message, "search hit the end, continuing at the top")
        XCTAssertTrue(state.status.contains("search hit the end, continuing at the top"), state.status)
        // . and , stay as aliases.
        state.press(.character("."))
        XCTAssertEqual(state.search?.current, 1)
        state.press(.character(","))
        XCTAssertEqual(state.search?.current, 0)
    }

    func testJAndTheArrowsAlwaysFollowTheChainAndEscGivesNBack() {
        var state = LessFixtures.state()
        state.search("harbour")
        state.press(.right)
        XCTAssertEqual(state.entryIndex, 1)
        state.press(.left)
        XCTAssertEqual(state.entryIndex, 0)
        state.press(.character("J"))
        XCTAssertEqual(state.entryIndex, 1)
        state.press(.character("K"))
        state.search("harbour")
        state.press(.escape)
        XCTAssertNil(state.search)
        XCTAssertEqual(state.message, "Search cleared: n and p follow the chain")
        state.press(.character("n"))
        XCTAssertEqual(state.entryIndex, 1)
        state.press(.character("N"))
        XCTAssertEqual(state.message, "No search: press / to search")
    }

    func testEnterOnAnEmptyPromptRepeatsTheLastSearchEvenAfterEsc() {
        var state = LessFixtures.state()
        state.search("harbour")
        state.press(.character("/"), .enter)
        XCTAssertEqual(state.search?.current, 1, "repeating the search on screen steps to the next match")
        state.press(.escape, .character("/"), .enter)
        XCTAssertEqual(state.search?.query, "harbour")
        var fresh = LessFixtures.state()
        fresh.press(.character("/"), .enter)
        XCTAssertNil(fresh.search)
        XCTAssertEqual(fresh.message, "No earlier search to repeat")
    }

    func testTheQueryGoesOnInTheNextArticleAndBackGivesTheSearchAsItWas() {
        var state = LessFixtures.state()
        state.search("harbour")
        state.press(.character("n"), .character("n"))
        XCTAssertEqual(state.search?.current, 2)
        state.press(.character("J"))
        XCTAssertEqual(state.entryIndex, 1)
        XCTAssertEqual(state.search?.query, "harbour", "the query is kept, as less keeps its pattern across :n")
        XCTAssertEqual(state.top, 0, "arriving does not jump to a match")
        // The title has one; the first n goes to it rather than past it.
        state.press(.character("n"))
        XCTAssertEqual(state.search?.current, 0)
        XCTAssertNil(state.message)
        state.press(.backspace)
        XCTAssertEqual(state.entryIndex, 0)
        XCTAssertEqual(state.search?.current, 2, "back returns to the article with its search as it was")
        XCTAssertTrue(state.status.hasPrefix(" match 3/"), state.status)
        // An article left without a search comes back without one.
        state.press(.escape, .character("J"), .backspace)
        XCTAssertNil(state.search)
    }

    func testTheEndOfTheArticleNamesTheChainKeysThatWorkNow() {
        var state = LessFixtures.state()
        state.search("harbour")
        for _ in 0..<10 { state.press(.character(" ")) }
        XCTAssertEqual(state.message, "End of the article — J: next article, K: previous")
        state.press(.escape, .character(" "))
        XCTAssertEqual(state.message, "End of the article — n: next article, p: previous")
    }

    /// Issue 20: a search typed below its only matches went back to the top in silence.
    func testASearchThatWrapsFromTheEndSaysSo() {
        var state = LessFixtures.state(2, width: 40, height: 12)
        state.press(.character("G"))
        state.search("Part number 1 ")
        XCTAssertEqual(state.message, "search hit the end, continuing at the top")
        XCTAssertLessThan(state.top, state.maxTop)
        state.press(.character("g"))
        state.search("Part number 2 ")
        XCTAssertNotEqual(state.message, "search hit the end, continuing at the top", "found below the top")
    }

    func testNoMatchKeepsTheSearchOnAndSaysHowToClearIt() {
        var state = LessFixtures.state()
        state.search("zeppelin")
        XCTAssertEqual(state.message, "No match for “zeppelin”")
        state.press(.character("n"))
        XCTAssertEqual(state.message, "No match for “zeppelin” in this article · Esc clears")
        XCTAssertEqual(state.entryIndex, 0)
    }
}

final class CountTests: XCTestCase {
    func testANumberThenGGoesToThatLineAndPercentThatFarIn() {
        var state = LessFixtures.state()
        state.type("12g")
        XCTAssertEqual(state.focus, 11)
        XCTAssertEqual(state.top, 11)
        XCTAssertNil(state.count)
        state.type("1G")
        XCTAssertEqual(state.top, 0)
        state.type("50%")
        XCTAssertEqual(state.top, state.lines.count / 2)
        state.type("100%")
        XCTAssertEqual(state.top, state.maxTop)
        state.press(.character("%"))
        XCTAssertEqual(state.message, "Type a number first: 40% goes 40 per cent of the way in")
        state.type("1g3j")
        XCTAssertEqual(state.top, 3)
    }

    func testTheCountShowsWhileItIsTyped() {
        var state = LessFixtures.state(width: 80, height: 24)
        state.type("12")
        XCTAssertEqual(state.count, 12)
        XCTAssertTrue(state.status.contains("12…"), state.status)
        state.press(.escape)
        XCTAssertNil(state.count)
    }

    func testSectionsPastNineByACountBeforeTheBracket() {
        var state = LessFixtures.state(2, width: 80, height: 24)
        XCTAssertEqual(state.document.article.sections.count, 12)
        state.type("12]")
        XCTAssertEqual(state.currentSection, 11)
        state.type("10]")
        XCTAssertEqual(state.currentSection, 9)
        state.press(.character("]"))
        XCTAssertEqual(state.currentSection, 10, "without a count ] is the next section")
    }

    /// Issue 20: a digit is only a count for the next key. It used to jump to its section at once
    /// as well, so `g5j` landed a line into section 5 and `20]` went to section 2 first.
    func testADigitIsOnlyACountForTheNextKey() {
        var state = LessFixtures.state(2, width: 40, height: 12)
        XCTAssertGreaterThan(state.maxTop, 80)
        state.type("g5j")
        XCTAssertEqual(state.top, 5, "g 5 j puts line 6 on top")
        XCTAssertNil(state.count)
        state.type("70g2k")
        XCTAssertEqual(state.top, 67)
        state.type("3")
        XCTAssertEqual(state.top, 67, "a digit alone does not move")
        XCTAssertTrue(state.status.contains("3…"), state.status)
        state.press(.character("G"))
        XCTAssertEqual(state.top, 2, "3G is line 3")
        XCTAssertNil(state.count, "and the count is used up")
        state.press(.character("G"))
        XCTAssertEqual(state.top, state.maxTop, "G alone is the end")
        state.type("g20]")
        XCTAssertEqual(state.top, 0, "no section 20: the reader stays")
        XCTAssertEqual(state.message, "There is no section 20 (this article has 12)")
        state.type("3]")
        XCTAssertEqual(state.currentSection, 2)
        XCTAssertEqual(state.focus, state.document.layout.sectionStarts[2])
        state.type("40%")
        XCTAssertEqual(state.top, min(state.maxTop, 40 * state.lines.count / 100))
    }

    func testDigitsCannotBeBoundInTheArticleView() {
        XCTAssertTrue(KeyContext.article.typesText(.character("7")))
        XCTAssertFalse(KeyContext.article.typesText(.character("j")))
        XCTAssertTrue(KeyMap.standard.helpLines.contains { $0.keys == "0 … 9" && $0.summary == KeyMap.digitsSummary })
        XCTAssertFalse(KeyMap.standard.helpLines.contains { $0.summary.hasPrefix("section 1") })
    }

    func testDigitsTypedInTheOutlinePickSectionsPastNine() {
        var state = LessFixtures.state(2, width: 80, height: 24)
        state.press(.character("t"), .character("1"))
        XCTAssertEqual(state.overlay, .outline(selection: 0), "1 could still be 10, 11 or 12: it waits")
        state.press(.character("1"))
        XCTAssertEqual(state.overlay, .none)
        XCTAssertEqual(state.currentSection, 10)
        state.press(.character("t"), .character("1"), .enter)
        XCTAssertEqual(state.currentSection, 0)
        state.press(.character("t"), .character("4"))
        XCTAssertEqual(state.overlay, .none, "no section 40 and more: 4 jumps at once")
        XCTAssertEqual(state.currentSection, 3)
    }
}

final class TerminalKeyTests: XCTestCase {
    func testCtrlLRepaintsAndCtrlZSuspends() {
        var state = LessFixtures.state()
        XCTAssertEqual(state.handle(.key(.control("l"))), [.repaint])
        XCTAssertEqual(state.handle(.key(.control("z"))), [.suspend])
    }

    func testWhereAmIAndAnArticleThatIsNoFile() {
        var state = LessFixtures.state(width: 120, height: 12)
        state.press(.character("="))
        let total = state.lines.count
        XCTAssertEqual(state.message, "a.txt · lines 1–10 of \(total) (\(1000 / total)%) · § 1/1 · chain 1/2")
        state.press(.control("g"))
        XCTAssertTrue(state.message?.hasPrefix("a.txt · lines") ?? false)
        state.press(.character("v"))
        XCTAssertEqual(state.message, "This article is not a file: there is nothing to edit")
    }

    func testReloadReadsTheArticleAgainKeepingThePlace() {
        var state = LessFixtures.state()
        state.search("harbour")
        state.type("5j")
        let top = state.top
        let effects = state.handle(.key(.character("R")))
        XCTAssertEqual(
            effects.first,
            .load(
                LoadRequest(
                    article: state.document.id, width: 60, height: 12,
                    indexing: false)))
        _ = TestReading.settle(effects, into: &state)
        XCTAssertEqual(state.top, top)
        XCTAssertEqual(state.search?.query, "harbour")
        XCTAssertEqual(state.message, "Read again from the file")
    }

    func testFileTimesAreShownInUTC() {
        XCTAssertEqual(ReaderState.utc(0), "1970-01-01 00:00 UTC")
        XCTAssertEqual(ReaderState.utc(1_796_115_900), "2026-12-01 09:05 UTC")
        XCTAssertEqual(ReaderState.size(999), "999 bytes")
        XCTAssertEqual(ReaderState.size(12_345), "12 kB")
    }
}

final class RoughEdgeTests: XCTestCase {
    func testALongMessageShortensTheTitleAndKeepsTheVerdict() {
        var state = LessFixtures.state(1, width: 60, height: 12)
        state.press(.character("J"))
        XCTAssertEqual(state.message, "End of the chain: this article has no NEXT")
        let text = "PREV “Harbour Council Approves New Budget for Waterfront Renewal” is not in this collection"
        let fitted = StatusText.fit(text, 50)
        XCTAssertTrue(fitted.hasSuffix("…” is not in this collection"), fitted)
        XCTAssertTrue(fitted.hasPrefix("PREV “Harbour"), fitted)
        XCTAssertLessThanOrEqual(DisplayWidth.of(fitted), 50)
        // The folder gives way, not the file's name (issue 20: "/very/long/… · lines 1–9 of 90").
        XCTAssertEqual(
            StatusText.fit("/very/long/path/to/a.txt · lines 1–9 of 90", 30),
            "/very…/a.txt · lines 1–9 of 90")
        XCTAssertEqual(
            StatusText.fit("/very/long/path/to/a-long-name.txt · lines 1–9 of 90", 30),
            "…/a-long-name.txt · lines 1–9…", "the name first, then what fits of the rest")
    }

    func testTheOutlinePaneNeverDropsTextSilently() {
        let lines = Renderer.paneLines("objectifs des services publics de la région et du département", width: 12)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[2].hasSuffix("…"), lines[2])
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 12 })
        XCTAssertEqual(Renderer.paneLines("short one", width: 12), ["short one"])
    }

    /// Issue 20: a word wider than the pane lost letters ("Einrichtungsübergrei" / "nde"): the rows
    /// after the first were indented past the pane's edge, and a long word was cut with no mark.
    func testTheOutlinePaneKeepsEveryLetterOfALongWord() {
        let heading = "3. Einrichtungsübergreifende Intransparenzen bei Krankenkassenmonitoring"
        let lines = Renderer.paneLines(heading, width: 24, indent: 3, limit: 6)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 24 }, "\(lines)")
        XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("   ") }, "\(lines)")
        XCTAssertEqual(Self.rejoined(lines), heading)
        XCTAssertTrue(lines[0].hasSuffix("-"), lines[0])
        // Too long for its rows: it ends with "…", never in the middle of a word without one.
        let short = Renderer.paneLines(heading, width: 24, indent: 3, limit: 2)
        XCTAssertEqual(short.count, 2)
        XCTAssertTrue(short[1].hasSuffix("…"), short[1])
        // Ideographs break between characters, with no hyphen.
        XCTAssertFalse(Renderer.paneLines(String(repeating: "活版印刷所", count: 4), width: 12).joined().contains("-"))
    }

    /// Pane rows read back as one line: a row ending in a hyphen goes on in the next without a space.
    static func rejoined(_ rows: [String]) -> String {
        var text = ""
        for row in rows {
            let part = row.trimmingCharacters(in: .whitespaces)
            if text.hasSuffix("-") {
                text.removeLast()
                text += part
            } else {
                text += (text.isEmpty ? "" : " ") + part
            }
        }
        return text
    }

    /// The pane on screen, at the width the issue saw it: every letter of the heading is drawn.
    func testTheOutlinePaneOnScreenKeepsEveryLetter() {
        let paragraph =
            "Die Kassen und die Kliniken streiten seit Monaten darüber, wer welche Daten zeigen muss, und das "
            + "Ministerium hat dazu bisher keinen Vorschlag gemacht, der beide Seiten überzeugt hätte."
        let text = Fixture.spaced(
            "Krankenhausreform im Land",
            [
                paragraph, "Einrichtungsübergreifende Intransparenzen bei Krankenkassenmonitoring", paragraph,
                "Was jetzt geschieht", paragraph,
            ],
            previous: nil, next: nil, repeats: 1
        ).text
        var state = ReaderState(
            library: memoryLibrary([("de.txt", text)]), start: 0, width: 110, height: 24)
        _ = state.handle(InputEvent.key(Key.character("j")))
        XCTAssertNotNil(state.geometry.pane)
        let pane = state.geometry.pane!
        let rows = (0..<24).map { row in
            String(state.screen.text(row: row).dropFirst(pane.x)).trimmingCharacters(in: .whitespaces)
        }
        // The entry's rows, read back: the heading's first words whole, then "…" for the rest.
        guard let first = rows.firstIndex(where: { $0.hasPrefix("2. ") }),
            let next = rows.firstIndex(where: { $0.hasPrefix("3. ") })
        else { return XCTFail("\(rows)") }
        let shown = Self.rejoined(Array(rows[first..<next]))
        XCTAssertTrue(shown.hasSuffix("…"), shown)
        let heading = "2. Einrichtungsübergreifende Intransparenzen bei Krankenkassenmonitoring"
        XCTAssertTrue(heading.hasPrefix(shown.dropLast()), shown)
        XCTAssertTrue(shown.hasPrefix("2. Einrichtungsübergreifende Intransparenzen"), shown)
    }

    func testTheHelpSaysWhatItsKeysDo() {
        var state = LessFixtures.state(width: 80, height: 16)
        state.press(.character("?"))
        XCTAssertTrue(state.screen.text(row: 1).contains("j/k scroll; any other key closes this help"))
        state.press(.character("j"))
        XCTAssertEqual(state.overlay, .help(scroll: 1))
        for _ in 0..<200 { state.press(.character("j")) }
        let last = Renderer.helpRows(state).count - state.bodyHeight
        XCTAssertEqual(state.overlay, .help(scroll: last), "scrolling stops at the last screenful")
        XCTAssertTrue(state.screen.text.contains(Renderer.helpRows(state).last!.text), "the last line is in view")
        state.press(.character("k"))
        XCTAssertEqual(state.overlay, .help(scroll: last - 1))
        state.press(.character("x"))
        XCTAssertEqual(state.overlay, .none)
    }

    /// Issue 20: Space and PgDn closed the help; they page it, as in less, and b and PgUp page back.
    func testSpaceAndPgDnPageTheHelp() {
        var state = LessFixtures.state(width: 80, height: 16)
        state.press(.character("?"))
        XCTAssertTrue(state.screen.text(row: 1).contains("Space/b page"), state.screen.text(row: 1))
        let page = state.bodyHeight - 1
        state.press(.character(" "))
        XCTAssertEqual(state.overlay, .help(scroll: page))
        state.press(.pageDown)
        XCTAssertEqual(state.overlay, .help(scroll: 2 * page))
        state.press(.character("b"))
        XCTAssertEqual(state.overlay, .help(scroll: page))
        state.press(.pageUp, .pageUp)
        XCTAssertEqual(state.overlay, .help(scroll: 0))
        for _ in 0..<50 { state.press(.character(" ")) }
        XCTAssertEqual(state.overlay, .help(scroll: Renderer.helpRows(state).count - state.bodyHeight))
    }
}

final class MouseTests: XCTestCase {
    func testTheWheelScrollsTheArticleTheListAndTheOutline() {
        var state = LessFixtures.state(2, width: 80, height: 24)
        state.send(.mouse(.wheel(1, row: 5, column: 5)))
        XCTAssertEqual(state.top, ReaderState.wheelLines)
        state.send(.mouse(.wheel(-1, row: 5, column: 5)))
        XCTAssertEqual(state.top, 0)
        state.press(.character("t"))
        state.send(.mouse(.wheel(1, row: 5, column: 5)))
        XCTAssertEqual(state.overlay, .outline(selection: 1))
        state.press(.escape, .character("l"))
        state.send(.mouse(.wheel(1, row: 5, column: 5)))
        guard case .list(let list) = state.overlay else { return XCTFail("no list") }
        XCTAssertEqual(list.selection, 2, "the last of three: the wheel stops at the end")
    }

    func testAClickOnAListEntryOrAnOutlineEntryOpensIt() {
        var state = LessFixtures.state(0, width: 60, height: 12)
        state.press(.character("l"))
        let row = (0..<12).first { state.screen.text(row: $0).contains("Fishermen Welcome") }!
        state.send(.mouse(.click(row: row, column: 10)))
        XCTAssertEqual(state.entryIndex, 1)
        var wide = LessFixtures.state(2, width: 120, height: 30)
        let partRow = (0..<30).first { wide.screen.text(row: $0).contains("5. Part number 4") }!
        wide.send(.mouse(.click(row: partRow, column: 110)))
        XCTAssertEqual(wide.currentSection, 4)
        wide.send(.mouse(.click(row: 0, column: 3)))
        XCTAssertEqual(wide.currentSection, 4, "a click on no entry does nothing")
    }
}

final class ShortlistTests: XCTestCase {
    func testFilesNamedOnTheCommandLineAreTheListAndLinksStillResolve() {
        let library = LessFixtures.library()
        let ids = [library.collection.entries[0].id, library.collection.entries[2].id]
        var state = ReaderState(
            opening: ReaderState.open(library: library, at: ids[0], width: 60, height: 12, shortlist: ids))
        state.press(.character("l"))
        guard case .list(let list) = state.overlay else { return XCTFail("no list") }
        XCTAssertEqual(list.matches, [0, 2])
        XCTAssertTrue(state.screen.text.contains("Articles (2)"))
        state.press(.escape)
        state.press(.character("J"))
        XCTAssertEqual(state.entryIndex, 1, "NEXT still leads to the unnamed sibling")
    }
}

/// Positions in a PREV/NEXT cycle: counted from where the cycle is cut, shown as "cycle k/n",
/// and n/p going round it agree with them.
final class CyclePositionTests: XCTestCase {
    static func article(_ title: String, prev: String? = nil, next: String? = nil) -> String {
        let links = [prev.map { "PREV \($0)" }, next.map { "NEXT \($0)" }].compactMap { $0 }.joined(separator: "\n")
        return "\(title)\n\n-\n\nThe text of \(title), a paragraph long enough to read.\n\n-\n\n\(links)\n"
    }

    func state(_ files: [(String, String)], at entry: Int) -> ReaderState {
        let store = MemoryStore(files.map { (name: $0.0, text: $0.1) })
        return ReaderState(library: .of(files.map(\.0), in: store), start: entry, width: 60, height: 12)
    }

    var title: (ReaderState) -> String = { $0.screen.text(row: 0) }

    func testAMixedCycleShowsCyclePositionsThatNAndPAgreeWith() {
        // A⇄B by both lines, B→C by NEXT only, C⇄A by both: the B→C edge is taken last and cut.
        var s = state(
            [
                ("a.txt", Self.article("Alpha", prev: "Gamma", next: "Beta")),
                ("b.txt", Self.article("Beta", prev: "Alpha", next: "Gamma")),
                ("c.txt", Self.article("Gamma", next: "Alpha")),
            ], at: 2)
        XCTAssertTrue(title(s).hasSuffix("cycle 1/3"), title(s))
        s.press(.character("J"))
        XCTAssertTrue(title(s).hasSuffix("cycle 2/3"), title(s))
        s.press(.character("J"))
        XCTAssertTrue(title(s).hasSuffix("cycle 3/3"), title(s))
        s.press(.character("J"))
        XCTAssertEqual(s.entryIndex, 2)
        XCTAssertTrue(title(s).hasSuffix("cycle 1/3"), "past the last comes round to 1")
        // Gamma has no PREV line; Beta's NEXT names it, and p goes there: 3/3, the one before 1.
        s.press(.character("p"))
        XCTAssertEqual(s.entryIndex, 1)
        XCTAssertTrue(title(s).hasSuffix("cycle 3/3"), title(s))
    }

    func testAnArticleWithNoPrevLineIsReachedByPFromTheOneItPointsTo() {
        // Lead NEXT→Alpha, and Alpha has no PREV: p from Alpha goes back to Lead.
        var s = state(
            [
                ("a.txt", Self.article("Lead", next: "Alpha")),
                ("b.txt", Self.article("Alpha")),
            ], at: 1)
        XCTAssertTrue(title(s).hasSuffix("chain 2/2"), title(s))
        s.press(.character("p"))
        XCTAssertEqual(s.entryIndex, 0)
        XCTAssertTrue(title(s).hasSuffix("chain 1/2"))
    }

    func testAnArticlePointingIntoACycleHasItsOwnChainAndLeadsIn() {
        // Alpha→Beta→Gamma→Alpha by NEXT alone, and Spur NEXT→Beta. Beta's predecessor is Alpha, so p
        // from Beta stays in the cycle; Spur is reached by Back.
        var s = state(
            [
                ("a.txt", Self.article("Alpha", next: "Beta")),
                ("b.txt", Self.article("Beta", next: "Gamma")),
                ("c.txt", Self.article("Gamma", next: "Alpha")),
                ("d.txt", Self.article("Spur", next: "Beta")),
            ], at: 3)
        XCTAssertTrue(title(s).hasSuffix("chain 1/1"), title(s))
        s.press(.character("J"))
        XCTAssertTrue(title(s).hasSuffix("cycle 2/3"), title(s))
        s.press(.character("p"))
        XCTAssertTrue(title(s).hasSuffix("cycle 1/3"), title(s))
        s.press(.character("p"))
        XCTAssertTrue(title(s).hasSuffix("cycle 3/3"), "p from the head of a NEXT-only cycle goes to its tail")
        s.press(.backspace, .backspace, .backspace)
        XCTAssertEqual(s.entryIndex, 3)
    }
}

final class CursorTests: XCTestCase {
    func testTheCursorIsParkedAsLessParksItUnlessSomethingHasFocus() {
        var state = LessFixtures.state(2, width: 80, height: 24)
        XCTAssertEqual(state.screen.cursor?.row, 23, "reading: bottom-left, as less")
        XCTAssertEqual(state.screen.cursor?.column, 0)
        state.search("Part number 3")
        let match = state.search!.matches[state.search!.current].spans[0]
        XCTAssertEqual(state.screen.cursor?.row, 1 + match.line - state.top, "on the current match")
        state.press(.escape, .character("t"), .down)
        guard case .outline(let selection) = state.overlay else { return XCTFail("no outline") }
        let row = state.screen.cursor!.row
        XCTAssertTrue(
            state.screen.text(row: row).contains("\(selection + 1). Part number \(selection)"),
            "on the selected outline entry")
        state.press(.enter)
        XCTAssertEqual(state.screen.cursor?.row, 1 + state.focus - state.top, "on the heading jumped to")
    }
}
