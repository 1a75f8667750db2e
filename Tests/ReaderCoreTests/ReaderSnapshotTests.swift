import ArticleKit
import GazetteTestSupport
import ReaderLoop
import XCTest

@testable import ReaderCore

final class ReaderSnapshotTests: XCTestCase {
    func testItalianArticleAt80x24() {
        let state = ReaderFixtures.state(0)
        let screen = state.screen
        XCTAssertTrue(screen.text(row: 0).contains("Russia. Il governo firma"))
        XCTAssertTrue(screen.text(row: 0).hasSuffix("chain 1/3"))
        XCTAssertTrue(screen.text(row: 23).hasPrefix(" § 1/3 Beginning"))
        XCTAssertEqual(screen.cursor?.row, 23, "nothing has focus: parked at the status line, as less parks it")
        Snapshot.assert(screen, "italian-80x24")
    }

    func testItalianArticleAt40x12() {
        var state = ReaderFixtures.state(0, width: 40, height: 12)
        Snapshot.assert(state.screen, "italian-40x12")
        state.press(.character("]"))
        XCTAssertEqual(state.screen.text(row: 1), " § Le condizioni dell’accordo")
        XCTAssertTrue(state.screen.text(row: 11).contains("§ 2/3 Le condizioni"))
        Snapshot.assert(state.screen, "italian-40x12-next-section")
    }

    func testCJKWrapsBetweenIdeographsWithinTheColumn() {
        let state = ReaderFixtures.state(1, width: 30, height: 14)
        let screen = state.screen
        for row in 0..<screen.height {
            XCTAssertLessThanOrEqual(DisplayWidth.of(screen.text(row: row)), 30)
        }
        // Closing punctuation never starts a line.
        for line in state.lines where line.kind == .body {
            XCTAssertFalse(line.text.hasPrefix("、") || line.text.hasPrefix("。"), line.text)
        }
        Snapshot.assert(screen, "japanese-30x14")
    }

    func testEmojiClustersAreNeverSplit() {
        let state = ReaderFixtures.state(2, width: 24, height: 16)
        let text = state.lines.map(\.text).joined()
        XCTAssertTrue(text.contains("👨‍👩‍👧‍👦"))
        XCTAssertTrue(text.contains("🇮🇹"))
        XCTAssertTrue(text.contains("👍🏽"))
        for line in state.lines {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line.text), state.geometry.columnWidth, line.text)
        }
        Snapshot.assert(state.screen, "emoji-24x16")
    }

    func testOutlineAsPaneOnWideWindows() {
        var state = ReaderFixtures.state(0, width: 120, height: 20)
        XCTAssertNotNil(state.geometry.pane)
        Snapshot.assert(state.screen, "outline-pane-120x20")
        state.press(.character("t"), .down, .down)
        Snapshot.assert(state.screen, "outline-pane-focused-120x20")
        state.press(.enter)
        XCTAssertEqual(state.currentSection, 2)
        XCTAssertEqual(state.overlay, .none)
        XCTAssertTrue(state.screen.text.contains("§ Le reazioni a Bruxelles"))
        XCTAssertEqual(state.screen.cursor?.row, 1 + state.focus - state.top, "the cursor sits on the heading")
    }

    func testOutlineAsOverlayOnNarrowWindows() {
        var state = ReaderFixtures.state(0, width: 60, height: 14)
        XCTAssertNil(state.geometry.pane)
        state.press(.character("t"))
        Snapshot.assert(state.screen, "outline-overlay-60x14")
        state.press(.character("j"), .enter)
        XCTAssertEqual(state.currentSection, 1)
        XCTAssertEqual(state.screen.text(row: 1), " § Le condizioni dell’accordo")
    }

    func testArticleListWithFilter() {
        var state = ReaderFixtures.state(0, width: 60, height: 12)
        state.press(.character("l"))
        Snapshot.assert(state.screen, "list-60x12")
        state.type("/brid")
        guard case .list(let list) = state.overlay else { return XCTFail("list closed") }
        XCTAssertEqual(list.matches, [2])
        Snapshot.assert(state.screen, "list-filtered-60x12")
        state.press(.enter, .enter)  // keeps the filter, then opens
        XCTAssertEqual(state.entryIndex, 2)
        XCTAssertEqual(state.backStack.last?.article, state.collection.entries[0].id)
    }

    func testSearchHighlightsEveryMatchAndCounts() {
        var state = ReaderFixtures.state(0, width: 70, height: 16)
        state.press(.character("/"))
        state.type("accordo")
        XCTAssertEqual(state.screen.text(row: 15), "/accordo")
        state.press(.enter)
        let search = try! XCTUnwrap(state.search)
        XCTAssertEqual(search.matches.count, 4)
        XCTAssertTrue(state.screen.text(row: 15).contains("match 1/4"))
        Snapshot.assert(state.screen, "search-70x16")
        state.press(.character("."), .character("."))
        XCTAssertTrue(state.screen.text(row: 15).contains("match 3/4"))
        state.press(.character(","))
        XCTAssertTrue(state.screen.text(row: 15).contains("match 2/4"))
        // While a search is on, n steps to the next match as in less; Esc gives n back to the chain.
        state.press(.character("n"))
        XCTAssertEqual(state.search?.current, 2)
        XCTAssertEqual(state.entryIndex, 0)
        state.press(.escape, .character("n"))
        XCTAssertEqual(state.entryIndex, 1)
    }

    func testChainEndsAndDanglingLinks() {
        var state = ReaderFixtures.state(0, width: 60, height: 10)
        state.press(.character("p"))
        XCTAssertEqual(state.entryIndex, 0)
        XCTAssertEqual(state.message, "PREV “Un incendio in un deposito di rifiuti a Rennes” is not in this collection")
        Snapshot.assert(state.screen, "dangling-prev-60x10")
        state.press(.character("n"), .character("n"))
        XCTAssertEqual(state.entryIndex, 2)
        XCTAssertTrue(state.screen.text(row: 0).hasSuffix("chain 3/3"))
        state.press(.character("n"))
        XCTAssertEqual(state.message, "NEXT “A story that is not in this folder” is not in this collection")
        state.press(.character("G"))
        Snapshot.assert(state.screen, "chain-end-footer-60x10")
        let footer = state.lines.suffix(4).map(\.text).joined(separator: " ")
        XCTAssertTrue(
            footer.hasSuffix("PREV: 金沢の路地に活版印刷所が復活 NEXT: A story that is not in this folder (not in this collection)"),
            footer)

        var lone = ReaderFixtures.state(3, width: 60, height: 10)
        lone.press(.character("n"))
        XCTAssertEqual(lone.message, "End of the chain: this article has no NEXT")
    }

    func testTinyWindowShowsAMessageAndRecovers() {
        var state = ReaderFixtures.state(0, width: 80, height: 24)
        state.press(.character("]"))
        state.send(.resize(width: 15, height: 4))
        Snapshot.assert(state.screen, "tiny-15x4")
        XCTAssertTrue(state.screen.text.contains("Too small"))
        state.send(.resize(width: 80, height: 24))
        XCTAssertEqual(state.screen.text(row: 1), " § Le condizioni dell’accordo")
    }

    func testResizeKeepsTheParagraphAtTheTop() {
        var state = ReaderFixtures.state(0, width: 80, height: 24)
        state.press(.character("]"), .character("j"), .character("j"))
        let topBlock = state.lines[state.top].block
        let topText = state.lines[state.top].text
        XCTAssertTrue(topText.hasPrefix("Il testo stabilisce"))
        state.send(.resize(width: 40, height: 12))
        XCTAssertEqual(state.lines[state.top].block, topBlock)
        XCTAssertTrue(state.screen.text(row: 1).contains("Il testo stabilisce"))
        Snapshot.assert(state.screen, "resized-40x12")
        var generator = SeededGenerator.forTest(seed: 1)
        for _ in 0..<50 {
            let width = Int.random(in: 1...200, using: &generator), height = Int.random(in: 1...60, using: &generator)
            state.send(.resize(width: width, height: height))
        }
        state.send(.resize(width: 80, height: 24))
        XCTAssertEqual(state.lines[state.top].block, topBlock, "seed \(generator.seed)")
    }

    func testHistoryBackAndForward() {
        var state = ReaderFixtures.state(0, width: 60, height: 12)
        state.press(.character("G"))
        let endTop = state.top
        state.press(.character("n"))
        XCTAssertEqual(state.entryIndex, 1)
        state.press(.character("l"))
        state.type("/Schwarz")
        state.press(.enter, .enter)
        XCTAssertEqual(state.entryIndex, 3)
        state.press(.backspace)
        XCTAssertEqual(state.entryIndex, 1)
        state.press(.backspace)
        XCTAssertEqual(state.entryIndex, 0)
        XCTAssertEqual(state.top, endTop, "back returns to where you were")
        state.press(.backspace)
        XCTAssertEqual(state.message, "No earlier article in your history")
        state.press(.character("L"))
        XCTAssertEqual(state.entryIndex, 1)
        state.press(.character("L"))
        XCTAssertEqual(state.entryIndex, 3)
        Snapshot.assert(state.screen, "history-forward-60x12")
    }

    func testSpaceAtTheEndDoesNotLeaveTheArticle() {
        var state = ReaderFixtures.state(0, width: 60, height: 12)
        for _ in 0..<40 { state.press(.character(" ")) }
        XCTAssertEqual(state.entryIndex, 0)
        XCTAssertEqual(state.top, state.maxTop)
        XCTAssertTrue(state.screen.text(row: 11).contains("End of the article"))
    }

    func testHelpIsGeneratedFromTheKeyMap() {
        // Tall enough for the article view's bindings at once; the other contexts follow below.
        var state = ReaderFixtures.state(0, width: 80, height: 60)
        state.press(.character("?"))
        var text = state.screen.text
        for line in KeyMap.standard.helpLines { XCTAssertTrue(text.contains(line.keys), line.keys) }
        Snapshot.assert(state.screen, "help-80x60")
        for _ in 0..<Renderer.helpRows(state).count {
            state.press(.character("j"))
            text += state.screen.text
        }
        for context in KeyContext.allCases {
            XCTAssertTrue(text.contains(context.title), context.title)
            for line in KeyMap.standard.helpLines(in: context) {
                XCTAssertTrue(text.contains(line.keys + " "), "\(context): \(line.keys)")
                XCTAssertTrue(text.contains(String(line.summary.prefix(20))), "\(context): \(line.summary)")
            }
        }
        state.press(.character("x"))
        XCTAssertEqual(state.overlay, .none)
    }

    func testSectionNumbersAndMissingSection() {
        var state = ReaderFixtures.state(0)
        // Section N is N]: a digit is only a count.
        state.type("3]")
        XCTAssertEqual(state.currentSection, 2)
        state.type("9]")
        XCTAssertEqual(state.message, "There is no section 9 (this article has 3)")
        state.type("1]")
        XCTAssertEqual(state.top, 0)
    }
}

/// The reader opens on the first article at once and takes the folder's index when it arrives.
final class BackgroundIndexTests: XCTestCase {
    func testFirstArticleFirstThenTheIndex() {
        let full = ReaderFixtures.library()
        let store = full.store
        let first = ArticleLibrary(
            collection: CollectionLoader(store: store).collection(of: ["01_it.txt"]), store: store)
        var state = ReaderState(library: first, start: 0, width: 60, height: 12, indexing: true)
        XCTAssertTrue(state.screen.text(row: 0).hasSuffix("indexing…"))
        state.press(.character("G"))
        XCTAssertTrue(state.lines.map(\.text).joined(separator: " ").contains("NEXT: 金沢の路地に活版印刷所が復活 (looking it up…)"))
        let top = state.top
        state.press(.character("n"))
        XCTAssertEqual(state.entryIndex, 0)
        XCTAssertEqual(state.message, "Reading the folder… this happens as soon as it is indexed")
        state.press(.character("n"))
        state.send(.indexed(full.collection, ChainBuilder.build(full.collection)))
        // Both waiting n ran, in order: we are on the third article, and back returns step by step.
        XCTAssertTrue(state.screen.text(row: 0).hasSuffix("chain 3/3"))
        state.press(.backspace)
        XCTAssertEqual(state.document.article.title, "金沢の路地に活版印刷所が復活")
        state.press(.backspace)
        XCTAssertEqual(state.entryIndex, 0)
        XCTAssertEqual(state.top, top)
        XCTAssertFalse(state.lines.map(\.text).joined().contains("looking it up"))
    }
}

/// A big article shows its start at once; the whole of it arrives later without moving the reader.
final class BigArticleTests: XCTestCase {
    func testStartFirstThenTheWholeArticle() {
        let paragraph = String(
            repeating: "Il consiglio comunale ha discusso a lungo la proposta, e la decisione è rinviata. ", count: 12)
        var blocks: [String] = []
        for n in 0..<400 { blocks += ["Capitolo \(n + 1) della cronaca", paragraph] }
        let text = Fixture.spaced("Una cronaca molto lunga", blocks, previous: "Prima", next: "Dopo", repeats: 0).text
        XCTAssertGreaterThan(text.utf8.count, ReaderState.firstScreenBytes)
        let library = memoryLibrary([("big.txt", text)])
        var state = ReaderState(library: library, start: 0, width: 80, height: 24)
        XCTAssertEqual(state.document.extent, .start)
        XCTAssertEqual(state.lines.last?.text, "Reading the rest of this article…")
        state.type("5]")
        let top = state.top
        let topText = state.lines[top].text
        let request = LoadRequest(article: state.document.id, width: 80, height: 24, indexing: false)
        state.send(.loaded(DocumentLoader.load(request, whole: true, from: library)))
        XCTAssertEqual(state.document.extent, .whole)
        XCTAssertEqual(state.document.article.sections.count, 400)
        XCTAssertEqual(state.lines[state.top].text, topText)
        XCTAssertEqual(state.top, top)
        XCTAssertTrue(state.lines.last?.text.hasPrefix("NEXT: Dopo") ?? false)
    }
}

/// The README lists every key the reader knows, in every context, as the help screen does.
final class ReadmeKeysTests: XCTestCase {
    func testReadmeListsEveryBinding() throws {
        let text = try projectFile("README.md")
        for context in KeyContext.allCases {
            let heading = "**\(context.title)** (`[keys.\(context.name)]`)"
            guard let start = text.range(of: heading) else {
                XCTFail("README lacks the heading \(heading)")
                continue
            }
            // The table under the heading: from its header row to the next blank line.
            let rest = text[
                (text.range(of: "| keys |", range: start.upperBound..<text.endIndex)?.lowerBound
                    ?? start.upperBound)...]
            let table = rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)]
            for binding in KeyMap.standard.bindings(in: context) where binding.action.sectionNumber == nil {
                let keys = binding.keys.map { "`\($0)`" }.joined(separator: " ")
                let row = "| " + keys + " | `" + binding.action.name + "` | " + context.summary(binding.action) + " |"
                XCTAssertTrue(table.contains(row), "README lacks, under \(heading): \(row)")
            }
        }
        XCTAssertTrue(text.contains("| `0` … `9` | (a count) | \(KeyMap.digitsSummary) |"))
    }
}

extension ReaderSnapshotTests {
    /// At the end of an article whose last section is short, that section is the current one.
    func testLastSectionIsCurrentAtTheEnd() {
        var state = ReaderFixtures.state(0, width: 80, height: 24)
        state.press(.character("G"))
        XCTAssertEqual(state.currentSection, 2)
        XCTAssertTrue(state.screen.text(row: 23).contains("§ 3/3 Le reazioni a Bruxelles"))
        state.press(.character("["))
        XCTAssertEqual(state.currentSection, 1)
    }
}
