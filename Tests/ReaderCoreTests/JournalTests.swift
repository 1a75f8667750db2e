import ArticleKit
import ReaderLoop
import XCTest

@testable import ReaderCore

/// Reading state in the pure core: text places, read and unread, marks, and what the
/// core asks a store to keep.
final class JournalTests: XCTestCase {
    let library = ReaderFixtures.library()
    func id(_ entry: Int) -> ArticleID { library.collection.entries[entry].id }

    func recording(_ entry: Int, width: Int = 60, height: Int = 12) -> ReaderState {
        ReaderFixtures.recording(library, entry, width: width, height: height)
    }

    func records(_ effects: [Effect]) -> [StateChange] {
        effects.compactMap { if case .record(let change) = $0 { return change } else { return nil } }
    }

    /// The top line's text, without the indent and the heading marker.
    func topText(_ state: ReaderState) -> String {
        Document.readable(state.lines[state.top])
    }

    func testATextPlaceFindsTheSameTextAtAnotherWidth() {
        var narrow = ReaderState(library: library, start: 0, width: 44, height: 12)
        for _ in 0..<7 { narrow.send(.key(.character("j"))) }
        let place = narrow.document.place(atLine: narrow.top)
        XCTAssertGreaterThan(place.offset, 0, "the top line is inside its block")
        let wide = ReaderState(library: library, start: 0, width: 100, height: 12)
        let line = try! XCTUnwrap(wide.document.line(for: place))
        let text = wide.document.blockText(place.block).dropFirst(place.offset).prefix(4)
        XCTAssertEqual(text, Document.squash(topText(narrow)).prefix(4), "the offset counts the same characters")
        XCTAssertTrue(
            Document.squash(Document.readable(wide.lines[line])).contains(text),
            "the wide line holds the text the narrow top line began with")
    }

    func testAPlaceInAnEditedArticleIsFoundByItsText() {
        let article = Article(
            title: "Title",
            sections: [
                Section(
                    heading: nil, paragraphs: ["First paragraph of the lede.", "Second paragraph, still the lede."]),
                Section(
                    heading: "The middle",
                    paragraphs: [
                        "Under the heading, one paragraph.",
                        "And the paragraph the reader had reached.",
                    ]),
            ], previousTitle: nil, nextTitle: nil, source: "a.txt")
        let original = Document(
            id: ArticleID(key: "a.txt"), article: article,
            layout: ArticleLayout.make(article, footer: [], width: 30), extent: .whole)
        let reached = try! XCTUnwrap(original.layout.lines.firstIndex { $0.text.hasPrefix("And the paragraph") })
        let place = original.place(atLine: reached + 1)
        XCTAssertEqual(place.heading, "The middle")
        XCTAssertGreaterThan(place.offset, 0)
        // A paragraph added at the start: every block after it moves down one.
        var changed = original.article
        changed.sections[0].paragraphs.insert("A new first paragraph, added after the place was saved.", at: 0)
        var edited = original
        edited.article = changed
        edited.layout = ArticleLayout.make(changed, footer: [], width: original.layout.width)
        let line = try! XCTUnwrap(edited.line(for: place))
        XCTAssertEqual(edited.lines(line).block, place.block + 1)
        XCTAssertEqual(edited.lines(line).text, original.lines(reached + 1).text, "the same line of the same text")
        // Text gone altogether: the section with the same heading.
        let gone = TextPlace(block: 99, offset: 3, heading: changed.sections[1].heading, snippet: "no longer there")
        XCTAssertEqual(edited.line(for: gone), edited.layout.sectionStarts[1])
    }

    func testResumingOpensAtTheSavedPlace() {
        var before = ReaderState(library: library, start: 0, width: 60, height: 12)
        for _ in 0..<9 { before.send(.key(.character("j"))) }
        let place = before.currentPosition.place!
        let state = ReaderState(
            opening: ReaderState.open(library: library, at: id(0), width: 90, height: 30, resume: place))
        XCTAssertEqual(state.currentPosition.place?.block, place.block)
        XCTAssertTrue(
            Document.squash(topText(state)).hasPrefix(Document.squash(topText(before).prefix(8)))
                || Document.squash(topText(before)).hasPrefix(Document.squash(topText(state).prefix(8)))
                || state.document.blockText(place.block).contains(Document.squash(place.snippet)))
    }

    func testAnArticleIsReadOnceItsEndHasBeenOnScreenAndMCanUndoIt() {
        var state = recording(0)
        XCTAssertFalse(state.journal.isRead(id(0)))
        let toEnd = state.send(.key(.character("G")))
        XCTAssertEqual(records(toEnd), [.read([id(0)], true)])
        XCTAssertEqual(state.journal.progress[id(0)], 100)
        XCTAssertEqual(records(state.send(.key(.character("M")))), [.read([id(0)], false)])
        XCTAssertEqual(state.message, "Marked unread")
        XCTAssertEqual(records(state.send(.key(.character("k")))), [], "staying at the end does not mark it again")
        XCTAssertFalse(state.journal.isRead(id(0)))
        XCTAssertTrue(Renderer.render(state).text(row: 0).hasSuffix("100% read"), "the title bar tells how far")
    }

    func testUGoesToTheNextUnreadInTheChainThenTheFolder() {
        var state = recording(0)
        state.send(.journal(Journal(read: [id(1)])))
        state.send(.key(.character("U")))
        XCTAssertEqual(state.document.id, id(2), "02 is read: the chain's next unread is 03")
        state.send(.key(.character("U")))
        XCTAssertEqual(state.document.id, id(3), "the chain ends: the folder's next unread")
        XCTAssertEqual(state.backStack.map(\.article), [id(0), id(2)])
    }

    func testCMarksTheWholeChainRead() {
        var state = recording(1)
        XCTAssertEqual(records(state.send(.key(.character("C")))), [.read([id(0), id(1), id(2)], true)])
        XCTAssertEqual(state.journal.read, [id(0), id(1), id(2)])
    }

    func testMarksAcrossArticlesAndBack() {
        var state = recording(0)
        for _ in 0..<5 { state.send(.key(.character("j"))) }
        let marked = state.top
        let set = records(state.send(.key(.character("m"))) + state.send(.key(.character("A"))))
        guard case .mark(let mark) = set.first else { return XCTFail("\(set)") }
        XCTAssertEqual(mark.letter, "A")
        XCTAssertEqual(mark.position.line, marked)
        state.send(.key(.character("n")))
        state.send(.key(.character("m"))); state.send(.key(.character("a")))
        XCTAssertEqual(state.journal.marks.map(\.letter), ["a", "A"], "newest first")
        state.send(.key(.character("'"))); state.send(.key(.character("A")))
        XCTAssertEqual(state.document.id, id(0), "an upper-case mark opens its article")
        XCTAssertEqual(state.top, marked)
        state.send(.key(.character("'"))); state.send(.key(.character("a")))
        XCTAssertEqual(state.message, "No mark a", "a lower-case mark belongs to its article")
        state.send(.key(.character("'"))); state.send(.key(.character("'")))
        XCTAssertEqual(state.document.id, id(1), "'' goes back to where the jump left from")
        state.send(.key(.character("B")))
        XCTAssertEqual(state.overlay, .marks(selection: 0))
        XCTAssertTrue(Renderer.render(state).text.contains("Bookmarks (2)"))
        state.send(.key(.character("j"))); state.send(.key(.enter))
        XCTAssertEqual(state.document.id, id(0), "Enter opens the mark selected")
    }

    func testAJournalArrivingLateKeepsWhatThisSittingChanged() {
        var state = recording(0)
        state.send(.key(.character("M")))
        state.send(
            .journal(
                Journal(
                    read: [id(2)], progress: [id(0): 10, id(3): 50],
                    recent: [id(3)], back: [Position(article: id(3), block: 0, line: 0, width: 0)])))
        XCTAssertEqual(state.journal.read, [id(0), id(2)])
        XCTAssertEqual(state.journal.recent, [id(0), id(3)])
        XCTAssertEqual(state.backStack.map(\.article), [id(3)], "the history of the last sitting")
        state.send(.key(.character("l")))
        let list = Renderer.render(state).text
        XCTAssertTrue(list.contains("• Im") || list.contains("(50% read)"), "unread articles carry a dot and progress")
        state.send(.key(.tab))
        guard case .list(let unread) = state.overlay else { return XCTFail("the list closed") }
        XCTAssertEqual(unread.matches, [1, 3], "Tab: only the unread")
        XCTAssertTrue(Renderer.render(state).text.contains("Unread: 2 of 4"))
        state.send(.key(.escape))
        state.send(.key(.character("r")))
        XCTAssertEqual(state.overlay, .recent(selection: 0))
    }

    func testWithoutAStoreNothingIsAskedToBeKept() {
        var state = ReaderState(library: library, start: 0, width: 60, height: 12)
        XCTAssertEqual(records(state.send(.key(.character("G"))) + state.send(.key(.character("n")))), [])
        XCTAssertFalse(Renderer.render(state).text(row: 0).contains("read"))
    }
}

extension Document {
    func lines(_ line: Int) -> LayoutLine { layout.lines[line] }
}

extension JournalTests {
    /// A file that is one huge paragraph: the place of a line deep in it stays cheap to take
    /// (each key asks for it) and is found again.
    func testAPlaceDeepInAHugeParagraphIsCheap() {
        let words = (0..<60_000).map { "word\($0)" }.joined(separator: " ")
        let article = Article(
            title: "Huge", sections: [Section(heading: nil, paragraphs: [words])],
            previousTitle: nil, nextTitle: nil, source: "huge.txt")
        let document = Document(
            id: ArticleID(key: "huge.txt"), article: article,
            layout: ArticleLayout.make(article, footer: [], width: 60), extent: .whole)
        let deep = document.layout.lines.count - 20
        XCTAssertGreaterThan(deep, Document.exactLines * 2)
        var place = document.place(atLine: deep)
        let elapsed = ContinuousClock().measure { place = document.place(atLine: deep) }
        XCTAssertLessThan(elapsed, .milliseconds(100), "\(elapsed)")
        let found = try! XCTUnwrap(document.line(for: place))
        XCTAssertLessThan(abs(found - deep), 40, "estimated past the first lines, found near by its text")
    }
}
