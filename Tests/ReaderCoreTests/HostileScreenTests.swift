import ArticleKit
import Foundation
import GazetteTestSupport
import XCTest

@testable import ReaderCore

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile articles through layout, the reader and the screen model: no cell ever
/// holds a scalar `TextSanitizer.needsChange` flags, and no row, laid-out line or
/// dumped line is wider than its width — at every window size, in every overlay,
/// and with control characters typed (pasted) into the search prompt and the list.
final class HostileScreenTests: XCTestCase {
    // `Hostile` (GazetteTestSupport) holds them, as it does for HostileInputTests.
    static let esc = Hostile.esc
    static let controls = Hostile.controls
    static let bidi = Hostile.bidi
    static let zalgo = Hostile.zalgo
    static let body = Hostile.body

    /// File name → bytes. A chain runs through the escape, bidi and zero-width titles.
    static var files: [(String, [UInt8])] {
        [
            (
                "01_escapes.txt",
                Fixture.spaced(
                    "Escapes " + controls + " title",
                    ["Lede " + controls + " " + body, "Heading " + controls, body + " " + controls, controls],
                    previous: "Nothing " + controls, next: "Bidi \u{202E}evil\u{202C} title"
                ).bytes
            ),
            (
                "02_bidi.txt",
                Fixture.spaced(
                    "Bidi \u{202E}evil\u{202C} title",
                    [
                        "Lede \u{202E}" + body, "Heading \u{2066}isolated\u{2069}",
                        body + bidi + String(repeating: "\u{202E}", count: 3000), bidi,
                    ],
                    previous: "Escapes " + controls + " title", next: "Zero\u{200B}width"
                ).bytes
            ),
            (
                "03_zero_width.txt",
                Fixture.spaced(
                    "Zero\u{200B}width",
                    [
                        "\u{200B}\u{200C}\u{200D}\u{2060}" + String(repeating: "\u{200B}", count: 3000) + " " + body,
                        "\u{200B}\u{200B}",
                    ],
                    previous: "Bidi evil title", next: "\u{200B}\u{200B}"
                ).bytes
            ),
            ("04_invisible.txt", Fixture.spaced("\u{200B}\u{200B}", [body], previous: "Zero\u{200B}width").bytes),
            (
                "05_combining.txt",
                Fixture.spaced(
                    "Combining " + zalgo + " title",
                    [
                        "Lede " + zalgo + " " + body, "Heading a" + String(repeating: "\u{0308}", count: 10_000), body,
                        String(repeating: "\u{0301}", count: 10_000) + " starts with marks. " + body,
                    ], previous: zalgo, next: zalgo
                ).bytes
            ),
            (
                "06_raw_c1.txt",
                Array("Raw ".utf8) + [0x9B] + Array("2J title\n\n-\n\nLede ".utf8) + [
                    0x9B, 0x9D, 0x90, 0x9C, 0xC0, 0xAF, 0xE0, 0x80, 0xAF,
                ] + Array(" \(body)\n\n-\n\nPREV ".utf8) + [0x9B] + Array("p\nNEXT n".utf8)
            ),
            ("07_title_only.txt", Array("Only a title".utf8)),
            (
                "08_wide.txt",
                Fixture.spaced(
                    "金沢の路地に活版印刷所が復活" + String(repeating: "漢", count: 400),
                    [
                        String(repeating: "職人たちは倉庫で古い活字を見つけ、", count: 40), "眠っていた活字との出会い",
                        String(repeating: "👨‍👩‍👧‍👦🇮🇹", count: 200) + "。", String(repeating: "a年，", count: 300),
                    ]
                ).bytes
            ),
            (
                "09_long_word.txt",
                Fixture.spaced(
                    String(repeating: "W", count: 2000),
                    [
                        String(repeating: "x", count: 20_000),
                        "Tabs\tand\u{2028}separators " + String(repeating: "\t", count: 300) + body,
                    ]
                ).bytes
            ),
            (
                "10_repeated.txt",
                Array((String(repeating: "Same title\n", count: 1000) + "-\n\n" + body + "\n\nNEXT \(controls)").utf8)
            ),
            (
                "11_nul_late.txt",
                Array("NUL after 8 kB\n\n-\n\n".utf8) + Array(String(repeating: body + "\n\n", count: 60).utf8)
                    + Array("Here \0 is a NUL.".utf8)
            ),
            (
                "12_many_lines.txt",
                Array(
                    ("Many lines\n\n-\n\n"
                        + (0..<3000).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }.joined(separator: "\n")).utf8)
            ),
            ("13_png.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]),
            ("14_empty.txt", []),
        ]
    }

    var folder: String!

    override func setUpWithError() throws {
        let tmp = try temporaryFolder("hostile-screen")
        folder = tmp.path
        for (name, bytes) in Self.files { tmp.write(name, bytes) }
        // A hostile file name, removed after indexing: the reader then shows why it cannot be read, path and all.
        tmp.write("15_name_\u{1B}]0;PWNED\u{07}\u{9B}2J\u{202E}.txt", Fixture.spaced("Named", [Self.body]))
        XCTAssertEqual(mkfifo(tmp.path("16_fifo.txt"), 0o644), 0)
    }

    func library() throws -> ArticleLibrary {
        try ArticleLibrary.open(paths: [folder]).library
    }

    // MARK: properties

    func assertSafe(_ s: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        if let bad = s.unicodeScalars.first(where: TextSanitizer.needsChange) {
            XCTFail(
                "\(what) carries U+\(String(bad.value, radix: 16, uppercase: true)): \(s.prefix(60).debugDescription)",
                file: file, line: line)
        }
    }

    /// No cell holds a flagged scalar or more than one cluster; a wide cluster is
    /// followed by its empty right half; no row is wider than the screen.
    func assertScreen(_ screen: Screen, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(screen.cells.count, screen.width * screen.height, what, file: file, line: line)
        for row in 0..<screen.height {
            var columns = 0
            var x = 0
            while x < screen.width {
                let cell = screen[row, x]
                if cell.text.unicodeScalars.contains(where: TextSanitizer.needsChange) {
                    return XCTFail(
                        "\(what): cell \(row),\(x) holds \(cell.text.prefix(20).debugDescription)", file: file,
                        line: line)
                }
                guard !cell.text.isEmpty else {
                    return XCTFail(
                        "\(what): cell \(row),\(x) is a right half with no wide cluster before it", file: file,
                        line: line)
                }
                XCTAssertEqual(cell.text.count, 1, "\(what): cell \(row),\(x)", file: file, line: line)
                let w = DisplayWidth.of(cell.text)
                if w == 2 {
                    guard x + 1 < screen.width, screen[row, x + 1].text.isEmpty else {
                        return XCTFail(
                            "\(what): wide cluster at \(row),\(x) without its right half", file: file, line: line)
                    }
                    x += 2
                } else {
                    x += 1
                }
                columns += max(1, w)
            }
            XCTAssertLessThanOrEqual(columns, screen.width, "\(what): row \(row)", file: file, line: line)
            XCTAssertLessThanOrEqual(
                DisplayWidth.of(screen.text(row: row)), screen.width, "\(what): row \(row)", file: file, line: line)
        }
        if let c = screen.cursor, screen.width > 0, screen.height > 0 {
            XCTAssertTrue(
                (0..<screen.height).contains(c.row) && (0...screen.width).contains(c.column), "\(what): cursor \(c)",
                file: file, line: line)
        }
    }

    func assertLayout(_ layout: ArticleLayout, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for l in layout.lines {
            assertSafe(l.text, what, file: file, line: line)
            if DisplayWidth.of(l.text) > layout.width {
                return XCTFail(
                    "\(what): \(DisplayWidth.of(l.text)) columns in a \(layout.width)-column layout: \(l.text.prefix(40).debugDescription)",
                    file: file, line: line)
            }
        }
    }

    // MARK: tests

    func testEveryHostileArticleAtEveryWindowSize() throws {
        let library = try library()
        let entries = library.collection.entries
        XCTAssertEqual(entries.count, 13, "\(entries.map(\.source)) / \(library.collection.failures)")
        XCTAssertEqual(
            Set(library.collection.failures.map { ($0.path as NSString).lastPathComponent }),
            ["13_png.txt", "14_empty.txt", "16_fifo.txt"])
        // The hostile name is indexed, then removed: opening it shows the error, whose path carries controls.
        let named = try XCTUnwrap(entries.firstIndex { $0.source.contains("15_name_") })
        try FileManager.default.removeItem(atPath: entries[named].source)
        for entry in entries.indices {
            for (w, h) in [(80, 24), (20, 5), (120, 40), (33, 9), (200, 6)] {
                let state = ReaderState(library: library, start: entry, width: w, height: h)
                let what = "\((entries[entry].source as NSString).lastPathComponent) at \(w)x\(h)"
                assertScreen(state.screen, what)
                // The stand-in article for an unreadable file holds its path: sanitised too.
                assertLayout(state.document.layout, what)
                if entry == named {
                    XCTAssertNotNil(state.document.failure, what)
                    if h >= 24 { XCTAssertTrue(state.screen.text.contains("could not be read"), state.screen.text) }
                }
            }
        }
    }

    func testEveryKeyAndOverlayOnTheEscapesArticle() throws {
        let library = try library()
        var state = ReaderState(library: library, start: 0, width: 80, height: 24)
        XCTAssertTrue(state.screen.text(row: 0).contains("Escapes ␛[2J␛[31m␛]0;PWNED␇"), state.screen.text(row: 0))
        XCTAssertEqual(state.chainPosition?.count, 4, "escapes → bidi → zero width → invisible")
        let steps: [(String, [InputEvent])] = [
            ("end", [.key(.end)]), ("top", [.key(.home)]), ("next section", [.key(.character("]"))]),
            ("outline", [.key(.character("t"))]), ("outline down", [.key(.down), .key(.down)]),
            ("outline jump", [.key(.enter)]),
            ("help", [.key(.character("?"))]), ("help scroll", [.key(.pageDown)]), ("help close", [.key(.escape)]),
            ("list", [.key(.character("l")), .key(.character("/"))]),
            ("list filter", "\u{9B}2J\u{202E}zero".map { .key(.character($0)) }),
            ("list unfilter", Array(repeating: .key(.backspace), count: 8)),
            ("list close", [.key(.enter), .key(.escape), .key(.escape)]),
            ("search", [.key(.character("/"))] + "␛[2J".map { .key(.character($0)) } + [.key(.enter)]),
            ("next match", [.key(.character(".")), .key(.character("."))]),
            (
                "pasted controls",
                [.key(.character("/"))] + "\u{9B}\u{9D}\u{202E}\u{2066}x\u{85}".map { .key(.character($0)) }
            ),
            ("pasted controls searched", [.key(.enter)]),
            ("follow next", [.key(.character("n"))]), ("follow next 2", [.key(.character("n"))]),
            ("follow next 3", [.key(.character("n"))]),
            ("follow next past the end", [.key(.character("n"))]),
            ("back", [.key(.character("p")), .key(.character("p")), .key(.character("p"))]),
            ("narrow", [.resize(width: 20, height: 5)]), ("too small", [.resize(width: 7, height: 2)]),
            ("empty", [.resize(width: 0, height: 0)]),
            ("wide", [.resize(width: 160, height: 50)]), ("outline pane", [.key(.character("t")), .key(.down)]),
            ("back to 80", [.key(.escape), .resize(width: 80, height: 24)]),
        ]
        for (name, events) in steps {
            for e in events { state.send(e) }
            assertScreen(state.screen, name)
        }
    }

    func testCombiningMarksAndWideClustersAreDrawnWhole() throws {
        let library = try library()
        let entry = try XCTUnwrap(library.collection.entries.firstIndex { $0.source.hasSuffix("05_combining.txt") })
        for (w, h) in [(80, 24), (21, 6)] {
            let state = ReaderState(library: library, start: entry, width: w, height: h)
            let screen = state.screen
            assertScreen(screen, "combining \(w)x\(h)")
            let zalgoCells = screen.cells.filter { $0.text.unicodeScalars.count > 1000 }
            XCTAssertFalse(zalgoCells.isEmpty, "Z with 10,000 marks stays one cell")
            XCTAssertTrue(zalgoCells.allSatisfy { $0.text.count == 1 })
        }
        let wide = try XCTUnwrap(library.collection.entries.firstIndex { $0.source.hasSuffix("08_wide.txt") })
        for w in [20, 21, 80] {
            assertScreen(ReaderState(library: library, start: wide, width: w, height: 10).screen, "wide \(w)")
        }
    }

    func testScreenPutNeverStoresAControl() {
        var screen = Screen(width: 30, height: 3)
        let end = screen.put("a\u{1B}[2Jb\u{9B}c\u{202E}d\u{7F}\r\n\u{200B}e", row: 0, column: 0, style: .plain)
        assertScreen(screen, "put")
        XCTAssertEqual(screen.text(row: 0), "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}\u{FFFD}e")
        XCTAssertEqual(end, 13)
        screen.put(Self.zalgo + "漢字" + Self.zalgo, row: 1, column: 27, style: .plain)
        assertScreen(screen, "put at the edge")
        XCTAssertEqual(screen[1, 27].text, Self.zalgo)
        XCTAssertEqual(screen[1, 28].text, "漢")
        XCTAssertEqual(screen[1, 29].text, "")
        screen.put(Self.zalgo + "漢字", row: 2, column: 28, style: .plain)
        assertScreen(screen, "put past the edge")
        XCTAssertEqual(screen[2, 29].text, " ", "a wide cluster that does not fit whole is not drawn half")
        screen.put("x", row: 5, column: 0, style: .plain)
        screen.put("x", row: -1, column: -4, style: .plain)
        assertScreen(screen, "put out of range")
    }

    func testLayoutAndDumpOfEveryHostileArticleAtNarrowWidths() throws {
        let library = try library()
        for entry in library.collection.entries.indices {
            guard case .success(let article) = library.article(entry) else { continue }
            let name = (library.collection.entries[entry].source as NSString).lastPathComponent
            for width in [1, 2, 3, 4, 5, 9, 20, 60] {
                let footer = PlainTextDump.footer(
                    article, links: library.collection.resolutions[entry], collection: library.collection)
                assertLayout(ArticleLayout.make(article, footer: footer, width: width), "\(name) at \(width)")
                if width >= 10 {
                    let dump = PlainTextDump.render(
                        article, links: library.collection.resolutions[entry], collection: library.collection,
                        width: width)
                    for line in dump.split(separator: "\n", omittingEmptySubsequences: false) {
                        assertSafe(String(line), "\(name) dump")
                        XCTAssertLessThanOrEqual(
                            DisplayWidth.of(line), width, "\(name) dump at \(width): \(line.prefix(40))")
                    }
                }
            }
        }
    }

    /// The wrapper on hostile clusters: every line fits, and nothing but spaces is lost
    /// (at width 1 a wide cluster shows as "…").
    func testWrapperKeepsEveryClusterAndFitsEveryWidth() {
        let texts = [
            Self.zalgo + " " + Self.zalgo + Self.zalgo + " word",
            String(repeating: "\u{0301}", count: 500) + " lone marks first",
            String(repeating: "ab\u{0301}c e\u{0301}\u{0302} ", count: 30),
            "漢\u{0301}字\u{302A}、" + String(repeating: "漢字。", count: 30),
            String(repeating: "👨‍👩‍👧‍👦 🇮🇹🇫🇷🇩 👍🏽", count: 10) + "🇫",
            String(repeating: "\u{1100}\u{1161}\u{11A8}\u{1100}\u{1161} ", count: 20),
            String(repeating: "\u{200B}", count: 300) + "x" + String(repeating: "\u{200D}\u{2060}", count: 100) + " y",
            "␛[2J␛]0;PWNED␇ \u{FFFD}\u{FFFD} " + String(repeating: "x", count: 500),
            String(repeating: "a年，", count: 50) + String(repeating: "（括弧）", count: 20),
            "\u{0600}123 \u{0915}\u{094D}\u{0937} " + String(repeating: "क्षि ", count: 30),
            String(repeating: "é", count: 200) + " " + String(repeating: "e\u{0301}", count: 200),
            "",
            "   ",
        ]
        for text in texts {
            for width in [1, 2, 3, 4, 5, 7, 8, 13, 40, 60, 80] {
                let lines = TextWrapper.wrap(text, width: width)
                XCTAssertFalse(lines.isEmpty)
                for line in lines {
                    XCTAssertLessThanOrEqual(
                        DisplayWidth.of(line), width,
                        "\(text.prefix(20).debugDescription) at \(width): \(line.prefix(30).debugDescription)")
                }
                guard width >= 2 else { continue }
                let kept = lines.joined().unicodeScalars.filter { $0 != " " }
                // A cluster wider than the line is shown as "…" (👍🏽 is four columns).
                let shown = String(text.map { DisplayWidth.of($0) > width ? "…" : $0 })
                let given = shown.unicodeScalars.filter { $0 != " " }
                XCTAssertTrue(
                    kept.elementsEqual(given),
                    "\(text.prefix(20).debugDescription) at \(width) lost or changed something")
            }
        }
    }
}
