import XCTest

@testable import ArticleKit

/// Widths as tmux 3.3a advances its cursor (the column after printf 'X%s', minus one,
/// LANG=C.UTF-8), and the cells `TerminalCells` splits clusters into.
final class ClusterWidthTests: XCTestCase {
    static let measured: [(String, Int, String)] = [
        ("🇩🇪", 2, "two regional indicators, one column each"),
        ("👩\u{200D}👩\u{200D}👦", 2, "ZWJ family: joined into the first picture's cell"),
        ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2, "seven scalars, still one picture"),
        ("👨\u{200D}❤️\u{200D}💋\u{200D}👨", 2, "kiss: eight scalars"),
        ("🧑\u{200D}🚀", 2, "ZWJ joins the rocket"),
        ("🏳️\u{200D}🌈", 1, "the white flag is one column; the rainbow is joined"),
        ("🧑🏽\u{200D}🚀", 4, "the skin tone is not joined, the rocket is joined to it"),
        ("🤝🏾", 4, "skin tone not joined: 2 + 2"),
        ("✌🏻", 3, "1 + 2"),
        ("भा", 2, "spacing vowel sign: 1 + 1"),
        ("क्ष", 2, "conjunct: 1 + 0 + 1"),
        ("क्\u{200D}ष", 1, "after a ZWJ even a letter is joined"),
        ("ক্ষ", 2, "1 + 0 + 1"),
        ("ஷ்", 1, "virama is zero-width"),
        ("நா", 2, "1 + 1"),
        ("กำ", 2, "SARA AM is spacing: 1 + 1"),
        ("ສຳ", 2, "Lao AM: 1 + 1"),
        ("\u{1100}\u{1161}", 2, "decomposed 가: 2 + 0"),
        ("\u{1100}\u{1161}\u{11A8}", 2, "decomposed 각: 2 + 0 + 0"),
        ("한", 2, "precomposed syllable"),
        ("שָׁ", 1, "Hebrew points are zero-width"),
        ("\u{0644}\u{0627}", 2, "lam-alef: two letters, the terminal does not ligate"),
        ("☎️", 1, "VS16 does not widen"),
        ("✈️", 1, "VS16 does not widen"),
        ("✈︎", 1, "VS15"),
        ("😀︎", 2, "VS15 does not narrow"),
        ("#️⃣", 1, "keycap: 1 + 0 + 0"),
        ("🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", 2, "subdivision flag: tags are zero-width"),
        ("\u{00AD}", 1, "soft hyphen is shown"),
        ("\u{200B}", 0, "ZWSP"),
        ("\u{2060}", 0, "word joiner"),
        ("e\u{0301}", 1, "decomposed é"),
    ]

    func testClusterWidthsAreWhatTmuxAdvances() {
        for (text, width, why) in Self.measured {
            XCTAssertEqual(DisplayWidth.of(text), width, "\(text.debugDescription): \(why)")
        }
    }

    func testTheSampleLinesOfIssue8() {
        // Where tmux's cursor ends after printing each of the lines the reader got wrong.
        XCTAssertEqual(DisplayWidth.of("Hindi: भारत समाचार आज"), 21)
        XCTAssertEqual(DisplayWidth.of("Flags: 🇩🇪 🇪🇸 🇧🇷 end"), 19)
        XCTAssertEqual(DisplayWidth.of("People: 🧑‍🚀 and 👩‍👩‍👦 end"), 21)
        XCTAssertEqual(DisplayWidth.of("Symbols: ✈️ ☎️ end"), 16)
    }

    func testCellsOfASequence() {
        let cells = TerminalCells.of(Character("🧑🏽\u{200D}🚀"))
        XCTAssertEqual(
            cells,
            [
                TerminalCell(scalars: ["\u{1F9D1}"], width: 2),
                TerminalCell(scalars: ["\u{1F3FD}", "\u{200D}", "\u{1F680}"], width: 2),
            ])
        XCTAssertEqual(TerminalCells.of(Character("🇩🇪")).map(\.width), [1, 1])
        XCTAssertEqual(TerminalCells.of(Character("भा")).map(\.scalars), [["\u{092D}"], ["\u{093E}"]])
        XCTAssertEqual(
            TerminalCells.of(Character("\u{1100}\u{1161}")),
            [TerminalCell(scalars: ["\u{1100}", "\u{1161}"], width: 2)])
    }

    func testALoneMarkGetsACellOnASpace() {
        XCTAssertEqual(TerminalCells.of(Character("\u{0301}")), [TerminalCell(scalars: [" ", "\u{0301}"], width: 1)])
        XCTAssertEqual(DisplayWidth.of(String(repeating: "\u{0301}", count: 3)), 1)
        XCTAssertEqual(TerminalCells.of(Character("\u{1161}")).map(\.width), [1], "a medial vowel with no initial")
    }

    func testInvisibleScalarsWithNothingToSitOnAreDropped() {
        XCTAssertEqual(TerminalCells.of(Character("\u{200D}")), [])
        XCTAssertEqual(TerminalCells.of(Character("\u{200C}\u{200D}")), [])
        XCTAssertEqual(TerminalCells.of(Character("\u{FE0F}")), [])
        XCTAssertEqual(DisplayWidth.of("\u{200C}\u{200D}"), 0)
    }

    func testATrailingJoinerIsDropped() {
        // Else the terminal joins the next cluster's first scalar into this cell.
        let c = Character("\u{0915}\u{200D}")
        XCTAssertEqual(TerminalCells.of(c), [TerminalCell(scalars: ["\u{0915}"], width: 1)])
        XCTAssertEqual(DisplayWidth.of(c), 1)
    }

    /// `width(of:)` takes shortcuts; it must say what the cells say, for every single scalar
    /// and for clusters built from the scalars the rules treat specially.
    func testTheWidthIsTheSumOfTheCells() {
        func check(_ text: String) {
            for c in text {
                let cells = TerminalCells.of(c).reduce(0) { $0 + $1.width }
                let hex = c.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
                XCTAssertEqual(DisplayWidth.of(c), cells, hex)
            }
        }
        for v in stride(from: UInt32(0x20), through: 0x10FFFF, by: 7) {
            if let s = Unicode.Scalar(v) { check(String(s)) }
        }
        let parts: [String] = [
            "a", "#", "\u{0301}", "\u{200D}", "\u{FE0F}", "\u{FE0E}", "🧑", "🏽", "🚀", "🇩",
            "\u{0915}", "\u{094D}", "\u{093E}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{200B}",
            "\u{00AD}", "日", "\u{20E3}",
        ]
        for a in parts {
            for b in parts {
                for c in parts { check(a + b + c) }
            }
        }
    }
}
