import XCTest

@testable import ArticleKit
@testable import ReaderCore

/// A closing line is styled by whether its link resolved, never by its words: a dangling title
/// that wraps leaves "(not in this collection)" on a line of its own, and the line before it must
/// be drawn as dangling too.
final class FooterStyleTests: XCTestCase {
    func testADanglingLinkThatWrapsIsDimOnEveryLine() {
        var state = ReaderFixtures.state(0, width: 60, height: 10)
        state.press(.character("n"), .character("n"), .character("G"))
        let screen = state.screen
        let rows = (0..<screen.height).filter { screen.text(row: $0).contains("NEXT: A story that is not in") }
        XCTAssertEqual(rows.count, 1, "the dangling NEXT is on screen")
        guard let first = rows.first else { return }
        // The title's line and the note's line wrapped after it: both dim, none drawn as a link.
        for row in [first, first + 1] {
            let styles = (0..<screen.width).filter {
                !screen[row, $0].text.trimmingCharacters(in: .whitespaces).isEmpty
            }
            .map { screen[row, $0].style }
            XCTAssertFalse(styles.isEmpty)
            XCTAssertTrue(styles.allSatisfy { $0 == .dim }, "row \(row): \(screen.text(row: row))")
        }
    }

    /// Pages link by address: the closing line names the page the link resolved to (it said
    /// "(no link)" while `n` followed it), or the address when no page here has it.
    func testALinkByAddressIsNamedByWhereItLeads() {
        let links = Resolutions(
            previous: Link(title: "Day one", target: 0, candidates: [0]),
            next: Link(title: "https://ex.example/elsewhere", target: nil, candidates: []))
        let footer = PlainTextDump.footer(previous: nil, next: nil, links: links)
        XCTAssertEqual(
            footer.map(\.text), ["—", "PREV: Day one", "NEXT: https://ex.example/elsewhere (not in this collection)"])
        XCTAssertEqual(footer.map(\.kind), [.footer, .footerLink, .footerUnresolved])
    }

    func testEachClosingLineKnowsWhetherItsLinkResolved() {
        let footer = PlainTextDump.footer(previous: "Before", next: "Somewhere else", links: nil)
        XCTAssertEqual(
            footer.map(\.text),
            ["—", "PREV: Before (not in this collection)", "NEXT: Somewhere else (not in this collection)"])
        XCTAssertEqual(footer.map(\.kind), [.footer, .footerUnresolved, .footerUnresolved])
        let none = PlainTextDump.footer(previous: nil, next: nil, links: nil)
        XCTAssertEqual(none.map(\.kind), [.footer, .footerUnresolved, .footerUnresolved])
        // While the folder is still read, a title not found yet may be there: not drawn as dangling.
        let looking = PlainTextDump.footer(previous: "Before", next: nil, links: nil, indexing: true)
        XCTAssertEqual(looking.map(\.kind), [.footer, .footerLink, .footerUnresolved])
        // Laid out narrow, every wrapped line keeps its line's kind.
        let article = Article(
            title: "T", sections: [Section(heading: nil, paragraphs: ["Body."])], previousTitle: "Before",
            nextTitle: "Somewhere else", source: "t")
        let layout = ArticleLayout.make(article, footer: footer, width: 16)
        let closing = layout.lines.suffix(from: (layout.footerStart ?? 0) + 1)
        XCTAssertGreaterThan(closing.count, footer.count, "the links wrap")
        XCTAssertTrue(closing.dropFirst().allSatisfy { $0.kind == .footerUnresolved }, "\(closing.map(\.text))")
    }
}
