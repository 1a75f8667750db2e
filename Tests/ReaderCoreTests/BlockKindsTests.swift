import ArticleKit
import GazetteTestSupport
import ReaderLoop
import XCTest

@testable import ReaderCore

/// An article as a page gives it: sections and a sub-section, and a block of every kind.
enum PageFixture {
    static let code = [
        "Stop        First  Last",
        "Harbour     00:10  04:50",
        "",
        "    indented = true  // a line of code wider than any narrow window, kept whole",
    ].joined(separator: "\n")

    static let quote =
        "We did not think anyone would ride at three in the morning, and we were wrong about that, said the director."

    static func article(source: String = "page.html", meta: Bool = true) -> Article {
        var lede = Section(heading: nil, paragraphs: [])
        lede.append(
            "The harbour line runs again at night for the first time in forty years, the city said on Monday.")
        var why = Section(heading: "Why the service came back", paragraphs: [])
        why.append("Riders asked for it in a survey that drew eleven thousand answers.")
        why.append("• Trams every twenty minutes from midnight until five in the morning, every day", kind: .listItem)
        why.append("• Fares as by day", kind: .listItem)
        why.append("  • Night passes accepted on every line of the network", kind: .listItem)
        why.append("1. First stop", kind: .listItem)
        why.append("12. Twelfth stop, at the end of the harbour pier", kind: .listItem)
        why.append(quote, kind: .quote)
        var timetable = Section(heading: "The timetable", paragraphs: [], level: 2)
        timetable.append(code, kind: .code)
        timetable.append("Line | From | To", kind: .tableRow)
        timetable.append("N1 | Harbour depot and ferry terminal | Central station, west entrance", kind: .tableRow)
        timetable.append("The first night tram leaves the harbour depot.", kind: .caption)
        var expect = Section(heading: "What riders can expect", paragraphs: [])
        expect.append("Quiet cars, and a conductor on every tram after one in the morning.")
        expect.append("Reporting by Ada Lovelace", kind: .byline)
        var sections = [lede, why, timetable, expect]
        if meta { sections[3].paragraphs.removeLast(); sections[3].kinds.removeLast() }
        return Article(
            title: "Night trams return to the harbour", sections: sections, previousTitle: nil, nextTitle: nil,
            source: source,
            meta: ArticleMeta(
                format: .html, url: meta ? "https://news.example/trams" : nil, author: meta ? "Ada Lovelace" : nil,
                date: meta ? "2026-11-30" : nil))
    }

    /// The reader on `article`, as it is once read.
    static func state(_ article: Article, width: Int, height: Int, options: ReaderOptions = .standard)
        -> ReaderState
    {
        let library = memoryLibrary([("page.txt", Fixture.spaced("Placeholder", [paragraph("Stand-in.")]).text)])
        var state = ReaderState(library: library, start: 0, width: width, height: height, options: options)
        var article = article
        article.source = state.document.article.source
        state.arrive(
            Document(
                id: state.document.id, article: article, layout: ArticleLayout.make(article, footer: [], width: 1),
                extent: .whole))
        return state
    }
}

final class BlockKindsTests: XCTestCase {
    func testEveryBlockKindAt80() {
        let state = PageFixture.state(PageFixture.article(meta: false), width: 80, height: 44)
        let text = state.screen.text
        XCTAssertTrue(text.contains("│ We did not think"), text)
        XCTAssertTrue(text.contains("  Harbour     00:10  04:50"), text)
        Snapshot.assert(state.screen, "block-kinds-80x44")
    }

    func testEveryBlockKindAt30() {
        let state = PageFixture.state(PageFixture.article(meta: false), width: 30, height: 62)
        Snapshot.assert(state.screen, "block-kinds-30x62")
    }

    func testTheBylineAndDateUnderTheTitle() {
        let state = PageFixture.state(PageFixture.article(), width: 80, height: 12)
        XCTAssertEqual(state.screen.text(row: 2), " By Ada Lovelace · 2026-11-30")
        XCTAssertEqual(state.screen[2, 1].style, .caption)
        Snapshot.assert(state.screen, "page-byline-80x12")
        // The line is part of the title's block: the text's blocks are numbered as without it.
        let with = ArticleLayout.make(PageFixture.article(), footer: [], width: 80)
        var without = PageFixture.article()
        without.meta = ArticleMeta()
        let plain = ArticleLayout.make(without, footer: [], width: 80)
        XCTAssertEqual(with.blockStarts.count, plain.blockStarts.count)
        XCTAssertEqual(with.lines.count, plain.lines.count + 1)
        // A byline in the text stands where it is, and the line under the title is not made.
        var both = PageFixture.article(meta: false)
        both.meta.author = "Ada Lovelace"
        XCTAssertNil(ArticleLayout.byline(both))
    }

    func testSubSectionsIndentedInTheOutline() {
        var state = PageFixture.state(PageFixture.article(), width: 120, height: 20)
        XCTAssertNotNil(state.geometry.pane)
        let rows = (0..<state.screen.height).map { state.screen.text(row: $0) }
        XCTAssertTrue(rows.contains { $0.hasSuffix("│  2. Why the service came") }, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.contains { $0.hasSuffix("│    3. The timetable") }, rows.joined(separator: "\n"))
        Snapshot.assert(state.screen, "page-outline-pane-120x20")
        // The overlay on narrow windows, the digits as they were.
        state = PageFixture.state(PageFixture.article(), width: 30, height: 12)
        state.press(.character("t"))
        XCTAssertTrue(state.screen.text.contains("    3. The timetable"), state.screen.text)
        state.press(.character("3"))
        XCTAssertEqual(state.currentSection, 2)
        // Captions are never sections.
        XCTAssertEqual(state.document.layout.sectionStarts.count, 4)
    }

    func testPlainModeQuotesWithoutBoxDrawing() {
        let state = PageFixture.state(
            PageFixture.article(meta: false), width: 80, height: 44, options: ReaderOptions(plain: true))
        let text = state.screen.text
        XCTAssertTrue(text.contains("> We did not think"), text)
        XCTAssertTrue(text.contains("\n - Trams every twenty minutes"), text)
        XCTAssertTrue(text.contains("\n   - Night passes accepted"), text)
        XCTAssertTrue(text.contains("\n 12. Twelfth stop"), text)
        XCTAssertFalse(text.contains("│") || text.contains("•"), text)
    }

    func testCodeLinesAreNeverJoinedAndEveryCharacterStays() {
        for width in [80, 30, 12, 5, 3, 2, 1] {
            let layout = ArticleLayout.make(PageFixture.article(), footer: [], width: width)
            let code = layout.lines.filter { $0.kind == .code }
            XCTAssertTrue(code.allSatisfy { DisplayWidth.of($0.text) <= width }, "width \(width)")
            // The source's lines, put back together from the pieces: nothing left out, no space dropped.
            var rebuilt: [String] = []
            var previousBase: Substring.Index? = nil
            for line in code {
                // A piece that starts where the one before ended goes on the same source line.
                if let end = previousBase, line.body.startIndex == end, !rebuilt.isEmpty, !line.body.isEmpty {
                    rebuilt[rebuilt.count - 1] += line.body
                } else {
                    rebuilt.append(String(line.body))
                }
                previousBase = line.body.endIndex
            }
            XCTAssertEqual(rebuilt.joined(separator: "\n"), PageFixture.code, "width \(width)")
            if width > 2 {
                XCTAssertTrue(code.allSatisfy { $0.body.isEmpty || $0.text.hasPrefix("  ") }, "indented by 2")
            }
        }
        let wide = ArticleLayout.make(PageFixture.article(), footer: [], width: 100)
        XCTAssertEqual(
            wide.lines.filter { $0.kind == .code }.map(\.text),
            [
                "  Stop        First  Last", "  Harbour     00:10  04:50", "",
                "      indented = true  // a line of code wider than any narrow window, kept whole",
            ])
    }

    func testListItemsHangUnderTheirText() {
        let layout = ArticleLayout.make(PageFixture.article(), footer: [], width: 30)
        let items = layout.lines.filter { $0.kind == .listItem }.map(\.text)
        XCTAssertEqual(
            items,
            [
                "• Trams every twenty minutes", "  from midnight until five in", "  the morning, every day",
                "• Fares as by day", "  • Night passes accepted on", "    every line of the network",
                "1. First stop", "12. Twelfth stop, at the end", "    of the harbour pier",
            ])
        // One item a line: no blank line between the items of a list, nor the rows of a table.
        let first = layout.lines.firstIndex { $0.kind == .listItem }!
        let last = layout.lines.lastIndex { $0.kind == .listItem }!
        XCTAssertFalse(layout.lines[first...last].contains { $0.kind == .blank })
        let rows = layout.lines.filter { $0.kind == .tableRow }.map(\.text)
        XCTAssertEqual(rows.first, "Line | From | To", "a row that fits stays on one line")
        XCTAssertGreaterThan(rows.count, 2, "a row that does not is wrapped as text")
    }

    /// Blocks are numbered as before (one a heading or paragraph, whatever its kind), and a place in a
    /// list, a quote or code is found again at any width.
    func testBlockNumberingAndPlacesSurviveAResize() {
        let article = PageFixture.article()
        let layout = ArticleLayout.make(article, footer: [], width: 80)
        let paragraphs = article.sections.reduce(0) { $0 + $1.paragraphs.count + ($1.heading == nil ? 0 : 1) }
        XCTAssertEqual(layout.blockStarts.count, 1 + paragraphs)
        XCTAssertEqual(
            layout.lines[layout.blockStarts[ArticleLayout.block(of: .paragraph(0), section: 2, in: article)]].kind,
            .code)
        let wide = Document(id: ArticleID(key: "p"), article: article, layout: layout, extent: .whole)
        for width in [30, 17] {
            let narrow = Document(
                id: ArticleID(key: "p"), article: article,
                layout: ArticleLayout.make(article, footer: [], width: width),
                extent: .whole)
            for kind in [LineKind.quote, .code, .listItem, .tableRow, .caption] {
                // The last line of the block at the narrow width, and back.
                let line = narrow.layout.lines.lastIndex { $0.kind == kind }!
                let place = narrow.place(atLine: line)
                let there = try! XCTUnwrap(wide.line(for: place))
                XCTAssertEqual(wide.layout.lines[there].block, place.block, "\(kind) at \(width)")
                let back = try! XCTUnwrap(narrow.line(for: wide.place(atLine: there)))
                XCTAssertLessThanOrEqual(back, line, "\(kind) at \(width)")
                XCTAssertEqual(narrow.layout.lines[back].block, place.block, "\(kind) at \(width)")
            }
        }
    }

    func testDumpPrintsTheSameStructure() {
        let dump = PlainTextDump.render(PageFixture.article(), links: nil, collection: nil, width: 40)
        XCTAssertEqual(
            dump,
            """
            Night trams return to the harbour
            =================================
            By Ada Lovelace · 2026-11-30

            The harbour line runs again at night for
            the first time in forty years, the city
            said on Monday.

            § Why the service came back

            Riders asked for it in a survey that
            drew eleven thousand answers.

            • Trams every twenty minutes from
              midnight until five in the morning,
              every day
            • Fares as by day
              • Night passes accepted on every line
                of the network
            1. First stop
            12. Twelfth stop, at the end of the
                harbour pier

            │ We did not think anyone would ride at
            │ three in the morning, and we were
            │ wrong about that, said the director.

            § The timetable

              Stop        First  Last
              Harbour     00:10  04:50

                  indented = true  // a line of code
               wider than any narrow window, kept wh
              ole

            Line | From | To
            N1 | Harbour depot and ferry terminal |
            Central station, west entrance

            The first night tram leaves the harbour
            depot.

            § What riders can expect

            Quiet cars, and a conductor on every
            tram after one in the morning.

            —
            PREV: (no link)
            NEXT: (no link)
            """)
        // Unwrapped, each line of code is one line and each other block one line.
        let unwrapped = PlainTextDump.render(
            PageFixture.article(), links: nil, collection: nil, width: PlainTextDump.unwrapped)
        XCTAssertTrue(unwrapped.contains("\n  Stop        First  Last\n  Harbour     00:10  04:50\n\n      indented"))
        XCTAssertTrue(unwrapped.contains("\n│ " + PageFixture.quote + "\n"))
    }

    /// `search --json`'s offset: where a byte of a block is in what `dump --width 0` prints.
    func testUnwrappedOffsetsInCodeQuotesAndLists() {
        let article = PageFixture.article()
        let dump = Array(
            PlainTextDump.render(article, links: nil, collection: nil, width: PlainTextDump.unwrapped).utf8)
        let cases: [(section: Int, paragraph: Int, needle: String)] = [
            (2, 0, "00:10"), (2, 0, "indented"), (2, 0, "Stop"), (1, 6, "three"), (1, 3, "Night passes"),
            (1, 1, "•"), (2, 2, "ferry"), (2, 3, "depot"),
        ]
        for c in cases {
            let text = article.sections[c.section].paragraphs[c.paragraph]
            let byte = text.utf8.distance(from: text.startIndex, to: text.range(of: c.needle)!.lowerBound)
            let block = ArticleLayout.block(of: .paragraph(c.paragraph), section: c.section, in: article)
            let offset = PlainTextDump.unwrappedOffset(of: block, byte: byte, in: article)
            let found = String(decoding: dump[offset..<min(dump.count, offset + c.needle.utf8.count)], as: UTF8.self)
            XCTAssertEqual(found, c.needle, "\(c)")
        }
    }

    func testWhereAmINamesTheAuthorDateAndAddress() {
        var state = PageFixture.state(PageFixture.article(), width: 200, height: 12)
        state.press(.character("="))
        let message = try! XCTUnwrap(state.message)
        XCTAssertTrue(message.hasSuffix(" · by Ada Lovelace · 2026-11-30 · https://news.example/trams"), message)
    }

    func testCaptionsAreDimmedInEveryThemeThatDims() {
        for name in ["default", "light", "dark", "mono"] {
            let theme = Theme.builtIn(name)!.withoutColour()
            XCTAssertNotEqual(theme.resolve(.caption).attributes, theme.resolve(.plain).attributes, name)
            XCTAssertTrue(theme.resolve(.caption).dim, name)
        }
        XCTAssertNotNil(Theme.highContrast.resolve(.caption).fg, "high contrast trades dim for a colour")
    }
}

/// `gazette dump` of a page: read whole, its blocks printed by kind (what the parser's events would lose).
final class PageDumpTests: XCTestCase {
    func testADumpedPageKeepsItsListsAndCode() throws {
        let page = """
            <!DOCTYPE html><html><head><title>Night trams</title></head><body><article>
            <h1>Night trams</h1>
            <p>The harbour line runs again at night for the first time in forty years, the city said on Monday.</p>
            <h2>Why the service came back</h2>
            <p>Riders asked for it in a survey that drew eleven thousand answers, more than any before.</p>
            <ul><li>Trams every twenty minutes from midnight until five in the morning, every day</li>
            <li>Fares as by day</li></ul>
            <pre>Stop        First  Last
            Harbour     00:10  04:50</pre>
            </article></body></html>
            """
        let library = memoryLibrary([("page.html", page)])
        var out = ""
        try PlainTextDump.stream(library, entry: 0, width: 40) { out += $0 }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.contains("• Trams every twenty minutes from"), out)
        XCTAssertTrue(lines.contains("  midnight until five in the morning,"), out)
        XCTAssertTrue(lines.contains("  Stop        First  Last"), out)
        XCTAssertTrue(lines.contains("  Harbour     00:10  04:50"), out)
        XCTAssertTrue(out.hasSuffix("NEXT: (no link)\n"), out)
        // What the reader shows without colour, as a whole article renders.
        let article = try library.article(0).get()
        XCTAssertEqual(out, PlainTextDump.render(article, links: nil, collection: library.collection, width: 40) + "\n")
    }
}
