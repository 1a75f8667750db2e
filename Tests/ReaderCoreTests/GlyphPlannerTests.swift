import ArticleKit
import XCTest

@testable import ReaderCore

#if canImport(Glibc)
    import Glibc

    @_silgen_name("wcwidth")
    private func glibcWcwidth(_ c: Int32) -> Int32

    /// How the backend turns model cells into terminal cells (`GlyphPlanner`).
    final class GlyphPlannerTests: XCTestCase {
        /// A terminal that knows Unicode 14 widths, as glibc 2.36 does; a few later scalars given -1 by hand.
        static let unknown: Set<UInt32> = [0x1FAE8, 0x0ECE]
        static func oldTerminal(_ s: Unicode.Scalar) -> Int {
            if unknown.contains(s.value) { return -1 }
            return DisplayWidth.of(s)
        }

        let planner = GlyphPlanner(capacity: 5, terminalWidth: GlyphPlannerTests.oldTerminal)

        func screen(_ lines: [String], width: Int = 40) -> Screen {
            var screen = Screen(width: width, height: lines.count)
            for (row, line) in lines.enumerated() { screen.put(line, row: row, column: 0, style: .plain) }
            return screen
        }

        func text(_ glyphs: [Glyph]) -> String {
            var s = String.UnicodeScalarView()
            for g in glyphs { s.append(contentsOf: g.overflow ?? g.scalars) }
            return String(s)
        }

        func assertCoversTheRow(_ glyphs: [Glyph], width: Int, file: StaticString = #filePath, line: UInt = #line) {
            var column = 0
            for g in glyphs {
                XCTAssertEqual(g.column, column, "glyphs must follow each other", file: file, line: line)
                column += g.width
            }
            XCTAssertEqual(column, width, "glyphs must cover the row", file: file, line: line)
        }

        func testEveryScalarOfEachClusterIsSentAndTheRowIsCovered() {
            let lines = [
                "Hindi: भारत क्षेत्र", "Flags: 🇩🇪 🇧🇷", "Family: 👩‍👩‍👦 🧑🏽‍🚀", "Jamo: \u{1112}\u{1161}\u{11AB}",
                "Keycap: #️⃣ ✈️",
            ]
            let s = screen(lines)
            for (row, line) in lines.enumerated() {
                let glyphs = planner.glyphs(in: s, row: row)
                assertCoversTheRow(glyphs, width: s.width)
                XCTAssertEqual(text(glyphs).trimmingCharacters(in: .whitespaces), line)
                XCTAssertTrue(glyphs.allSatisfy { $0.scalars.count <= 5 && $0.overflow == nil }, line)
            }
        }

        func testACellLongerThanCursesHoldsOverflowsWhole() {
            let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
            let glyphs = planner.glyphs(in: screen([family]), row: 0)
            XCTAssertEqual(glyphs[0].width, 2)
            XCTAssertEqual(glyphs[0].scalars, ["👨", "\u{200D}", "👩", "\u{200D}", "👧"])
            XCTAssertEqual(glyphs[0].overflow.map { String(String.UnicodeScalarView($0)) }, family)
            // With a capacity of 4 the held part must not end in a ZWJ: the terminal would join the next cell.
            let four = GlyphPlanner(capacity: 4, terminalWidth: Self.oldTerminal).glyphs(in: screen([family]), row: 0)
            XCTAssertEqual(four[0].scalars, ["👨", "\u{200D}", "👩"])
            // A pile of marks is sent only as far as terminals keep it.
            let zalgo = planner.glyphs(in: screen(["Z" + String(repeating: "\u{0301}", count: 100)]), row: 0)
            XCTAssertEqual(zalgo[0].scalars.count, 5)
            XCTAssertEqual(zalgo[0].overflow?.count, GlyphPlanner.overflowLimit)
        }

        func testACellTheTerminalWouldMakeAnotherWidthIsReplacedAtTheModelsWidth() {
            // U+1FAE8 (Unicode 15) is two columns to the model; an older terminal gives it -1.
            let glyphs = planner.glyphs(in: screen(["a\u{1FAE8}b"]), row: 0)
            assertCoversTheRow(glyphs, width: 40)
            XCTAssertEqual(glyphs.prefix(4).map(\.scalars), [["a"], ["\u{FFFD}"], [" "], ["b"]])
        }

        func testAZeroWidthScalarTheTerminalWouldGiveAColumnIsLeftOut() {
            let glyphs = planner.glyphs(in: screen(["\u{0EA5}\u{0ECE}x"]), row: 0)
            XCTAssertEqual(glyphs.prefix(2).map(\.scalars), [["\u{0EA5}"], ["x"]])
        }

        func testASCIIOnlyTerminal() {
            let ascii = GlyphPlanner(capacity: 5, replacement: "?") { (0x20..<0x7F).contains($0.value) ? 1 : -1 }
            let glyphs = ascii.glyphs(in: screen(["e\u{0301} é 日x"], width: 10), row: 0)
            assertCoversTheRow(glyphs, width: 10)
            XCTAssertEqual(text(glyphs), "e ? ? x   ")
        }

        func testColumnsAWideClusterLostAreBlank() {
            var s = Screen(width: 6, height: 1)
            s.put("日本", row: 0, column: 0, style: .plain)
            s.put("a", row: 0, column: 0, style: .plain)  // over the left half of 日
            s.put("b", row: 0, column: 3, style: .plain)  // over the right half of 本
            let glyphs = planner.glyphs(in: s, row: 0)
            assertCoversTheRow(glyphs, width: 6)
            XCTAssertEqual(text(glyphs), "a  b  ")
        }

        /// With the real glibc: what the backend sends for each scalar has the width the model gives it.
        func testWithGlibcTheGlyphWidthsAreTheTerminals() throws {
            guard let saved = setlocale(LC_CTYPE, nil).map({ String(cString: $0) }) else { return XCTFail("no locale") }
            guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale") }
            defer { setlocale(LC_CTYPE, saved) }
            let wcwidth = { (s: Unicode.Scalar) in Int(glibcWcwidth(Int32(bitPattern: s.value))) }
            let planner = GlyphPlanner(capacity: 5, terminalWidth: wcwidth)
            let lines = ["ภาษาไทย น้ำ ພາສາລາວ", "שָׁלוֹם 한국어 日本語", "🤝🏾 ✌🏻 🏳️‍🌈 #️⃣", "\u{1FAE8} new in 15"]
            let s = screen(lines)
            for row in lines.indices {
                let glyphs = planner.glyphs(in: s, row: row)
                assertCoversTheRow(glyphs, width: s.width)
                for g in glyphs { XCTAssertEqual(wcwidth(g.scalars[0]), g.width, "\(g)") }
            }
        }
    }
#endif
