import ArticleKit
import XCTest

@testable import ReaderCore

/// A big article's layout is not a second copy of its text: lines are slices of their paragraph, and
/// giving a layout the closing lines it already has copies nothing.
final class LayoutMemoryTests: XCTestCase {
    let article = Article(
        title: "A Title Long Enough To Wrap Over Two Lines Here",
        sections: [
            Section(heading: nil, paragraphs: ["First paragraph, with words enough to wrap at twenty columns."]),
            Section(heading: "A heading that wraps too", paragraphs: ["Città e café: 中文の行も折り返す。"]),
        ], previousTitle: "Before", nextTitle: nil, source: "t")

    func testTheSameFooterKeepsTheLinesAndAnotherIsLaidOutAsNew() {
        let footer = [
            FooterLine.rule, FooterLine("PREV: Before", .footerLink), FooterLine("NEXT: (no link)", .footerUnresolved),
        ]
        let layout = ArticleLayout.make(article, footer: footer, width: 20)
        let same = layout.replacingFooter(footer)
        XCTAssertEqual(same, layout)
        let address = { (l: ArticleLayout) in l.lines.body.withUnsafeBufferPointer { $0.baseAddress } }
        XCTAssertEqual(address(same), address(layout), "not copied")
        let other = [
            FooterLine.rule, FooterLine("PREV: Before (not in this collection)", .footerUnresolved),
            FooterLine("NEXT: (no link)", .footerUnresolved),
        ]
        let replaced = layout.replacingFooter(other)
        XCTAssertEqual(replaced, ArticleLayout.make(article, footer: other, width: 20))
        XCTAssertEqual(address(replaced), address(layout), "other closing lines do not copy the body's")
        XCTAssertEqual(
            Array(replaced.lines.suffix(3)).map(\.text),
            ["PREV: Before (not in", "this collection)", "NEXT: (no link)"])
    }

    func testLinesAreSlicesOfTheirParagraphAndShowTheSameText() {
        let layout = ArticleLayout.make(article, footer: [], width: 20)
        let body = layout.lines.filter { $0.kind == .body }
        XCTAssertTrue(body.allSatisfy { $0.lead.isEmpty })
        // A heading's first line carries the marker, its next lines the indent, as leads.
        let heading = layout.lines.filter { $0.kind == .heading }
        XCTAssertEqual(heading.map(\.lead), [ArticleLayout.headingMarker, "  "])
        XCTAssertEqual(heading.map(\.text), ["§ A heading that", "  wraps too"])
        // Equal by what they show, however held.
        for line in layout.lines {
            XCTAssertEqual(line, LayoutLine(text: line.text, kind: line.kind, section: line.section, block: line.block))
        }
        var edited = body[0]
        edited.text = "other"
        XCTAssertEqual(edited.text, "other")
        XCTAssertNotEqual(edited, body[0])
    }
}
