import Dispatch
import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit
@testable import Reports

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile input built in-process (no committed binaries): every file either parses
/// into an article whose text carries no terminal control, or is refused with a
/// one-line reason; special files in a folder never block and never stop the rest.
/// The end-to-end counterpart is scripts/e2e-hostile.sh.
final class HostileInputTests: XCTestCase {

    // MARK: what the cases are made of

    // `Hostile` (GazetteTestSupport) holds them; the names here are what the cases below are written in.
    static let esc = Hostile.esc
    static let csi = Hostile.csi
    static let osc = Hostile.osc
    static let clipboard = Hostile.clipboard
    static let dcs = Hostile.dcs
    static let c1 = Hostile.c1
    static let bidi = Hostile.bidi
    static let zeroWidth = Hostile.zeroWidth
    static let body = Hostile.body
    static let allControls = Hostile.allControls

    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10,
    ]

    /// Every hostile text: (name, bytes). Sizes stay small enough for a unit test;
    /// the 50 MB line and the 200,000 lines are in the end-to-end test.
    /// The random bytes are fixed (`randomBytes` is seeded), so a failure can be replayed.
    static let cases: [(name: String, bytes: [UInt8])] = {
        let zalgo = Hostile.zalgo
        var c: [(String, [UInt8])] = [
            ("random", randomBytes(64 * 1024, seed: 0x9E3779B97F4A7C15)),
            ("random-high", randomBytes(8 * 1024, seed: 42).map { $0 | 0x80 }),  // no NUL, no C0: all invalid UTF-8
            ("png", png + randomBytes(2000, seed: 7)),
            ("empty", []),
            ("whitespace", Array(" \n\t\r\n   \n".utf8)),
            ("separators-only", Array("-\n—\n–\n-".utf8)),
            ("nul-early", Array("Title\0with NUL\n\n-\n\n\(body)".utf8)),
            (
                "nul-late",
                Array("NUL after 8 kB\n\n-\n\n".utf8) + Array(String(repeating: body + "\n\n", count: 60).utf8)
                    + Array("Here \0 is a NUL.".utf8)
            ),
            ("utf16", [0xFF, 0xFE] + Array("A UTF-16 title\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
            ("title-only", Array("Only a title".utf8)),
            ("title-only-newlines", Array("Only a title\n\n\n".utf8)),
            ("only-prev", Array("PREV a link and nothing else\n".utf8)),
            (
                "repeated-titles",
                Fixture.spaced(
                    "Same title", [body, "A heading after the repeats", body + " " + body], next: "x", repeats: 1000
                ).bytes
            ),
            (
                "repeats-no-separator",
                Array((String(repeating: "Same title\n", count: 1000) + "\n" + body + "\n\nNEXT x").utf8)
            ),
            (
                "escapes",
                Fixture.spaced(
                    "Esc " + allControls + " title",
                    [
                        "Lede " + allControls + " " + body, "Heading " + csi + "red", body + " " + osc + dcs,
                        "\u{7F}\u{08}\u{0C}\u{0B}\u{1C}",
                    ],
                    previous: "Prev " + osc, next: "Next " + csi + c1
                ).bytes
            ),
            ("escape-only-title", Array((csi + "\n\n-\n\n" + body).utf8)),
            (
                "raw-c1-bytes",
                Array("Raw ".utf8) + [0x9B] + Array("2J title\n\n-\n\nLede ".utf8) + [0x9B, 0x9D, 0x90, 0x9C]
                    + Array(" \(body)\n\n-\n\nPREV ".utf8) + [0x9B] + Array("p\nNEXT n".utf8)
            ),
            (
                "bidi",
                Fixture.spaced(
                    "Bidi \u{202E}evil\u{202C} \u{2066}title\u{2069}",
                    [
                        "Lede \u{202E}" + body, "Heading \u{2067}rtl\u{2069}",
                        body + String(repeating: "\u{202E}", count: 4000), bidi,
                    ],
                    previous: "\u{202E}prev", next: "\u{2066}next\u{2069}"
                ).bytes
            ),
            (
                "zero-width",
                Fixture.spaced(
                    "Zero" + zeroWidth + "width",
                    ["Lede" + String(repeating: "\u{200B}", count: 5000) + " " + body, "\u{200B}\u{200B}"],
                    next: "\u{200B}\u{200B}"
                ).bytes
            ),
            ("invisible-title", Fixture.spaced("\u{200B}\u{200B}", [body]).bytes),
            (
                "combining",
                Fixture.spaced(
                    "Combining " + zalgo + " title",
                    [
                        "Lede " + zalgo + " " + body, "Heading a" + String(repeating: "\u{0308}", count: 10_000), body,
                        String(repeating: "\u{0301}", count: 10_000) + " starts with marks. " + body,
                    ], previous: zalgo
                ).bytes
            ),
            (
                "tabs",
                Array(
                    ("Tabs\tin\ttitle\n\n-\n\n" + String(repeating: "\t", count: 5000)
                        + String(repeating: "word\t", count: 2000) + "\n\n-\n\nPREV \tp\nNEXT n\t").utf8)
            ),
            (
                "line-separators",
                Array(
                    "Line\u{2028}separator\u{2029}title\n\n-\n\n\(body.replacingOccurrences(of: " ", with: "\u{2028}"))"
                        .utf8)
            ),
            ("lone-cr", Array("Title\rInjected by a carriage return\r\r-\r\r\(body)\r\rPREV a\rNEXT b".utf8)),
            ("long-title", Array(("Long " + String(repeating: "é", count: 5000) + "\n\n-\n\n" + body).utf8)),
            ("one-long-line", Array(String(repeating: "x", count: 2 * 1024 * 1024).utf8)),
            (
                "long-paragraph",
                Fixture.spaced(
                    "A long paragraph", [String(repeating: "lorem ipsum " + esc + "[2J dolor ", count: 40_000)]
                ).bytes
            ),
            (
                "many-lines",
                Array(
                    ("Many lines\n\n-\n\n"
                        + (0..<100_000).map { String(UnicodeScalar(UInt8(97 + $0 % 26))) }.joined(separator: "\n")).utf8
                )
            ),
        ]
        var bad =
            Array("Invalid ".utf8) + [0xC0, 0xAF] + Array(" overlong ".utf8) + [0xE0, 0x80, 0xAF]
            + Array(" surrogate ".utf8) + [0xED, 0xA0, 0x80]
        bad +=
            Array(" big ".utf8) + [0xF4, 0x90, 0x80, 0x80, 0xFF, 0xFE] + Array("\n\n-\n\nLede ".utf8) + [
                0x80, 0x80, 0xC3,
            ] + Array(" \(body)\n\n-\n\nPREV ".utf8) + [0xC0, 0xAF] + Array("x\nNEXT y".utf8) + [0xE2, 0x82]
        c.append(("invalid-utf8", bad))
        return c
    }()

    // MARK: helpers

    func texts(of a: Article) -> [String] {
        [a.title] + a.sections.flatMap { ($0.heading.map { [$0] } ?? []) + $0.paragraphs }
            + [a.previousTitle, a.nextTitle].compactMap { $0 } + a.warnings
    }

    func assertSafe(_ s: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        if let bad = s.unicodeScalars.first(where: TextSanitizer.needsChange) {
            XCTFail(
                "\(what) carries U+\(String(bad.value, radix: 16, uppercase: true)): \(s.prefix(80).debugDescription)",
                file: file, line: line)
        }
    }

    func parse(_ bytes: [UInt8], _ name: String = "hostile.txt") throws -> Article {
        try ArticleParser().parse(bytes, source: name)
    }

    // MARK: every case

    func testEveryHostileTextIsServedSafelyOrRefusedWithOneLine() {
        let parser = ArticleParser()
        var served = 0, refused = 0
        for (name, bytes) in Self.cases {
            let start = DispatchTime.now()
            do {
                let a = try parser.parse(bytes, source: name)
                served += 1
                for t in texts(of: a) { assertSafe(t, "\(name)") }
                XCTAssertFalse(a.title.isEmpty, name)
                XCTAssertLessThanOrEqual(a.title.unicodeScalars.count, ArticleParser.maxTitleScalars + 1, name)
                // What the collection indexes (ArticleParser.links) agrees with the full parse.
                if bytes.count <= 16 * 1024 {
                    let links = try ArticleParser.links(head: bytes, tail: nil, source: name)
                    XCTAssertEqual(links.title, a.title, name)
                    XCTAssertEqual(links.previousTitle, a.previousTitle, name)
                    XCTAssertEqual(links.nextTitle, a.nextTitle, name)
                }
            } catch {
                refused += 1
                XCTAssertFalse(error.description.contains("\n"), "\(name): \(error.description)")
                XCTAssertTrue(error.description.hasPrefix(name + ": "), error.description)
                assertSafe(error.description, name)
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            XCTAssertLessThan(seconds, 30, "\(name) took \(seconds) s")
        }
        XCTAssertGreaterThan(served, 20)
        XCTAssertGreaterThan(refused, 5)
    }

    func testRefusedFilesSayWhy() throws {
        let cases = Dictionary(uniqueKeysWithValues: Self.cases.map { ($0.name, $0.bytes) })
        for (name, error) in [
            ("random", ArticleError.binary(path: "random")), ("png", .binary(path: "png")),
            ("empty", .empty(path: "empty")),
            ("whitespace", .empty(path: "whitespace")), ("nul-early", .binary(path: "nul-early")),
            ("utf16", .binary(path: "utf16")), ("separators-only", .empty(path: "separators-only")),
        ] {
            XCTAssertThrowsError(try ArticleParser().parse(cases[name]!, source: name), name) {
                XCTAssertEqual($0 as? ArticleError, error, name)
            }
        }
    }

    // MARK: escape sequences, C1, bidi, zero width

    func testEscapeSequencesBecomeVisibleInEveryPart() throws {
        let a = try parse(Self.cases.first { $0.name == "escapes" }!.bytes)
        XCTAssertEqual(
            a.title, "Esc ␛[2J␛[31m␛]0;PWNED␇␛]52;c;cm0gLXJmIH4K␇␛Pq#0;2;0;0;0␛\\\u{FFFD}2J\u{FFFD}0;x\u{FFFD} title")
        XCTAssertEqual(a.headings, ["Heading ␛[2J␛[31mred"])
        XCTAssertTrue(a.sections[0].paragraphs[0].hasPrefix("Lede ␛[2J␛[31m␛]0;PWNED␇"), a.sections[0].paragraphs[0])
        XCTAssertEqual(a.sections.last?.paragraphs.last, "␡␈␌␋␜")
        XCTAssertEqual(a.previousTitle, "Prev ␛]0;PWNED␇")
        XCTAssertEqual(a.nextTitle, "Next ␛[2J␛[31m\u{FFFD}2J\u{FFFD}0;x\u{FFFD}")
        XCTAssertTrue(a.warnings.contains { $0.contains("control character") }, "\(a.warnings)")
        XCTAssertTrue(a.warnings.contains { $0.contains("bidirectional") }, "\(a.warnings)")
    }

    func testC1AsUTF8AndAsARawByte() throws {
        // U+009B encoded as C2 9B is a C1 control: U+FFFD. A raw 9B byte is not UTF-8: U+FFFD too.
        let a = try parse(Array("A \u{9B}2J title\n\n-\n\n\(Self.body)".utf8))
        XCTAssertEqual(a.title, "A \u{FFFD}2J title")
        let raw = try parse(Self.cases.first { $0.name == "raw-c1-bytes" }!.bytes)
        XCTAssertEqual(raw.title, "Raw \u{FFFD}2J title")
        XCTAssertTrue(
            raw.sections[0].paragraphs[0].hasPrefix("Lede \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} "),
            raw.sections[0].paragraphs[0])
        XCTAssertEqual(raw.previousTitle, "\u{FFFD}p")
        XCTAssertTrue(raw.warnings.contains { $0.contains("not valid UTF-8") }, "\(raw.warnings)")
    }

    func testInvalidAndOverlongUTF8NeverDecodeToWhatTheyHide() throws {
        let a = try parse(Self.cases.first { $0.name == "invalid-utf8" }!.bytes)
        // C0 AF and E0 80 AF are overlong "/": they must not become "/".
        XCTAssertFalse(a.title.contains("/"), a.title)
        XCTAssertFalse(a.previousTitle?.contains("/") ?? false)
        XCTAssertTrue(
            a.title.hasPrefix(
                "Invalid \u{FFFD}\u{FFFD} overlong \u{FFFD}\u{FFFD}\u{FFFD} surrogate \u{FFFD}\u{FFFD}\u{FFFD} big "),
            a.title)
        XCTAssertTrue(a.sections[0].paragraphs[0].hasSuffix(Self.body), "the rest of a line survives bad bytes")
        XCTAssertEqual(a.previousTitle, "\u{FFFD}\u{FFFD}x")
        XCTAssertEqual(a.nextTitle, "y\u{FFFD}", "a sequence cut at the end of the file")
        XCTAssertTrue(a.warnings.contains { $0.contains("not valid UTF-8") })
    }

    func testBidiControlsAreRemovedAndLinksStillResolve() throws {
        let a = try parse(Self.cases.first { $0.name == "bidi" }!.bytes)
        XCTAssertEqual(a.title, "Bidi evil title")
        XCTAssertEqual(a.headings, ["Heading rtl"])
        XCTAssertEqual(a.previousTitle, "prev")
        XCTAssertEqual(a.nextTitle, "next")
        XCTAssertTrue(
            a.warnings.contains { $0.hasSuffix("bidirectional override character(s) removed") }, "\(a.warnings)")
        // A link written with bidi and escape characters reaches the article whose title has them too.
        let collection = memoryLibrary([
            (
                name: "a.txt",
                text: Fixture.spaced(
                    "First \u{202E}one\u{202C} " + Self.osc, [Self.body],
                    next: "Second " + Self.csi + "\u{2066}two\u{2069}"
                ).text
            ),
            (
                name: "b.txt",
                text: Fixture.spaced("Second " + Self.csi + "two", [Self.body], previous: "First one " + Self.osc).text
            ),
            (
                name: "c.txt",
                text: Fixture.spaced("Zero\u{200B}width", [Self.body], previous: "Second ␛[2J␛[31mtwo").text
            ),
        ]).collection
        XCTAssertEqual(collection.link(0, .next)?.target, 1)
        XCTAssertEqual(collection.link(1, .previous)?.target, 0)
        XCTAssertEqual(collection.link(2, .previous)?.target, 1, "a title typed with visible ␛ is the same title")
        XCTAssertEqual(ChainBuilder.build(collection).chains.map(\.entries), [[0, 1, 2]])
    }

    func testZeroWidthCharactersAreKeptButTakeNoColumns() throws {
        let a = try parse(Self.cases.first { $0.name == "zero-width" }!.bytes)
        XCTAssertEqual(a.title, "Zero\u{200B}\u{200C}\u{200D}\u{2060}width")
        XCTAssertEqual(DisplayWidth.of(a.title), 9)
        XCTAssertEqual(a.nextTitle, "\u{200B}\u{200B}")
        let invisible = try parse(Self.cases.first { $0.name == "invisible-title" }!.bytes)
        XCTAssertEqual(invisible.title, "\u{200B}\u{200B}")
        XCTAssertEqual(DisplayWidth.of(invisible.title), 0)
    }

    // MARK: NULs, empty, shapes

    func testNULAfterTheFirst8kBIsShownNotObeyed() throws {
        let a = try parse(Self.cases.first { $0.name == "nul-late" }!.bytes)
        XCTAssertEqual(a.sections.last?.paragraphs.last, "Here ␀ is a NUL.")
    }

    func testTitleOnlyFiles() throws {
        for text in ["Only a title", "Only a title\n\n\n", "Only a title\r\n-\r\n"] {
            let a = try parse(Array(text.utf8))
            XCTAssertEqual(a.title, "Only a title", text.debugDescription)
            XCTAssertEqual(a.sections, [], text.debugDescription)
            XCTAssertTrue(a.warnings.contains("the article has a title but no body text"), "\(a.warnings)")
        }
    }

    func testAThousandRepeatedTitleLines() throws {
        let a = try parse(Self.cases.first { $0.name == "repeated-titles" }!.bytes)
        XCTAssertEqual(a.title, "Same title")
        XCTAssertEqual(a.headings, ["A heading after the repeats"])
        XCTAssertFalse(a.sections.flatMap(\.paragraphs).contains("Same title"))
        let b = try parse(Self.cases.first { $0.name == "repeats-no-separator" }!.bytes)
        XCTAssertEqual(b.title, "Same title")
        XCTAssertEqual(b.sections.flatMap(\.paragraphs), [Self.body])
    }

    func testTenThousandCombiningMarksOnOneLetter() throws {
        let zalgo = Hostile.zalgo
        XCTAssertEqual(zalgo.count, 1, "one grapheme cluster")
        XCTAssertEqual(DisplayWidth.of(zalgo), 1)
        XCTAssertEqual(
            DisplayWidth.of(String(repeating: "\u{0301}", count: 10_000)), 1, "marks with no base still take a cell")
        let a = try parse(Self.cases.first { $0.name == "combining" }!.bytes)
        // By scalars: hasPrefix compares whole clusters, and "Z" + 10,000 marks is one.
        XCTAssertTrue(a.title.unicodeScalars.starts(with: "Combining Z\u{0301}\u{0301}".unicodeScalars))
        XCTAssertEqual(a.title.unicodeScalars.count, ArticleParser.maxTitleScalars + 1, "cut at 300 scalars, plus …")
        let blocks = a.headings + a.sections.flatMap(\.paragraphs)
        XCTAssertTrue(
            blocks.contains { $0.unicodeScalars.starts(with: "Heading a\u{0308}\u{0308}".unicodeScalars) },
            "kept, as a heading or as text")
        XCTAssertTrue(blocks.contains { $0.hasPrefix("Lede " + zalgo + " ") })
        XCTAssertTrue(blocks.contains { $0.hasPrefix(String(repeating: "\u{0301}", count: 10_000) + " starts") })
    }

    func testTabsAndLineSeparatorsBecomeSpaces() throws {
        let a = try parse(Self.cases.first { $0.name == "tabs" }!.bytes)
        XCTAssertEqual(a.title, "Tabs in title")
        XCTAssertEqual(a.previousTitle, "p")
        XCTAssertEqual(a.nextTitle, "n")
        XCTAssertFalse(a.warnings.contains { $0.contains("control") }, "a tab is layout, not a warning: \(a.warnings)")
        let b = try parse(Self.cases.first { $0.name == "line-separators" }!.bytes)
        XCTAssertEqual(b.title, "Line separator title")
        XCTAssertEqual(b.sections.first?.paragraphs, [Self.body])
    }

    func testALoneCarriageReturnEndsALine() throws {
        let a = try parse(Self.cases.first { $0.name == "lone-cr" }!.bytes)
        XCTAssertEqual(a.title, "Title", "a CR cannot draw over the title")
        XCTAssertEqual(a.nextTitle, "b")
    }

    func testLongLinesAndManyLines() throws {
        let one = try parse(Self.cases.first { $0.name == "one-long-line" }!.bytes)
        XCTAssertEqual(one.title.unicodeScalars.count, ArticleParser.maxTitleScalars + 1)
        let long = try parse(Self.cases.first { $0.name == "long-paragraph" }!.bytes)
        XCTAssertEqual(long.sections.flatMap(\.paragraphs).count, 1)
        XCTAssertTrue(long.sections[0].paragraphs[0].hasPrefix("lorem ipsum ␛[2J dolor "))
        let many = try parse(Self.cases.first { $0.name == "many-lines" }!.bytes)
        XCTAssertEqual(many.sections.flatMap(\.paragraphs).count, 100_000)
    }

    // MARK: the sanitiser and JSON, over every scalar

    func testSanitizerLeavesNoControlOfAnyKind() {
        var all = String.UnicodeScalarView()
        for v in UInt32(0)...0x10FFFF { if let s = Unicode.Scalar(v) { all.append(s) } }
        var report = TextSanitizer.Report()
        let out = TextSanitizer.sanitize(String(all), report: &report)
        XCTAssertNil(out.unicodeScalars.first(where: TextSanitizer.needsChange))
        XCTAssertEqual(report.controls, 31 + 1 + 32, "C0 but tab, DEL, C1")
        XCTAssertEqual(report.bidi, 9)
        for v: UInt32 in [0x1B, 0x7F, 0x85, 0x9B, 0x9D, 0x202E, 0x2066, 0x2069] {
            XCTAssertFalse(out.unicodeScalars.contains(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
        // needsChange flags exactly what the sanitiser changes.
        for v in UInt32(0)...0x3000 {
            guard let s = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(
                TextSanitizer.needsChange(s), TextSanitizer.sanitize(String(s)) != String(s),
                "U+\(String(v, radix: 16))")
        }
    }

    func testJSONEscapesEveryControlCharacter() throws {
        // Straight into the report, bypassing the parser: the JSON writer alone must escape.
        var raw = ""
        for v in UInt32(0)...0x9F where v < 0x20 || v >= 0x7F { raw.unicodeScalars.append(Unicode.Scalar(v)!) }
        raw += "\u{2028}\u{2029}\"\\"
        let article = Article(
            title: "T" + raw, sections: [Section(heading: "H" + raw, paragraphs: ["P" + raw])],
            previousTitle: "p" + raw, nextTitle: nil, source: "s" + raw, warnings: ["w" + raw])
        let json = TocReport.json(article, links: nil, collection: nil).serialized
        for s in json.unicodeScalars {
            XCTAssertFalse(
                s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029,
                "raw U+\(String(s.value, radix: 16)) in JSON")
        }
        let back = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(back["title"] as? String, "T" + raw, "escapes round-trip")
        XCTAssertEqual(back["file"] as? String, "s" + raw)
        XCTAssertEqual((back["prev"] as? [String: Any])?["title"] as? String, "p" + raw)
        // And what the parser makes of controls is JSON with no escapes left to decode into controls.
        let controls = Self.allControls + "\u{7F}\u{85}"
        let parsed = try parse(Array(("T" + controls + "\n\n-\n\n" + Self.body + " " + controls).utf8), "hostile.txt")
        let line = TocReport.json(parsed, links: nil, collection: nil).serialized
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        assertSafe(object["title"] as? String ?? "", "title decoded from JSON")
        XCTAssertFalse(line.contains("\\u001b"), line)
    }
}

// MARK: - special files in a folder

final class HostileFolderTests: XCTestCase {
    var tmp: TemporaryFolder!
    var folder: String { tmp.path }

    override func setUpWithError() throws {
        tmp = try temporaryFolder("hostile")
    }

    var isRoot: Bool { geteuid() == 0 }

    /// Runs `body` on another thread and fails (instead of hanging the suite) when it
    /// does not finish in time: a FIFO opened for reading blocks until a writer comes.
    func withinSeconds<T: Sendable>(_ seconds: Int, _ what: String, _ body: @escaping @Sendable () throws -> T) throws
        -> T
    {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Thread {
            box.result = Result { try body() }
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + .seconds(seconds)) == .success else {
            // An error, not a skip, ends the test: a hang is a failure.
            throw Stuck(what: what, seconds: seconds)
        }
        return try box.result!.get()
    }

    final class ResultBox<T>: @unchecked Sendable { var result: Result<T, Error>? }

    struct Stuck: Error, CustomStringConvertible {
        let what: String, seconds: Int
        var description: String { "\(what) did not finish in \(seconds) s" }
    }

    func testSpecialEntriesAreRefusedAndTheRestIsServed() throws {
        let good = Fixture.spaced("Good", [HostileInputTests.body], next: "Escapes " + HostileInputTests.csi).bytes
        tmp.write("01_good.txt", good)
        tmp.write(
            "02_escapes.txt",
            Fixture.spaced("Escapes " + HostileInputTests.csi, [HostileInputTests.body], previous: "Good"))
        XCTAssertEqual(mkfifo(folder + "/03_fifo.txt", 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/04_zero.txt", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/05_urandom.txt", withDestinationPath: "/dev/urandom")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/06_loop.txt", withDestinationPath: folder + "/06_loop.txt")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/07_gone.txt", withDestinationPath: folder + "/no-such-file")
        try tmp.makeFolder("x.txt")
        let socketMade = tmp.makeSocket("08_socket.txt") != nil
        tmp.write("09_unreadable.txt", good)
        XCTAssertEqual(chmod(folder + "/09_unreadable.txt", 0), 0)
        if isRoot { print("note: running as root, so a chmod 000 file is readable (EACCES: see ErrnoMappingTests)") }

        let folder = self.folder
        let collection = try withinSeconds(20, "indexing a folder with a FIFO") {
            try CollectionLoader().collection(ofFolder: folder)
        }
        var served = ["01_good.txt", "02_escapes.txt"]
        if isRoot { served.append("09_unreadable.txt") }
        XCTAssertEqual(collection.entries.map { ($0.source as NSString).lastPathComponent }, served)
        var expected = [
            "03_fifo.txt": "skipped, it is a named pipe (FIFO), not a regular file",
            "04_zero.txt": "skipped, it is a character device, not a regular file",
            "05_urandom.txt": "skipped, it is a character device, not a regular file",
            "06_loop.txt": "cannot be read (too many levels of symbolic links)",
            "07_gone.txt": "no such file or folder",
            "x.txt": "skipped, it is a folder, not a regular file",
        ]
        if socketMade { expected["08_socket.txt"] = "skipped, it is a socket, not a regular file" }
        if !isRoot { expected["09_unreadable.txt"] = "cannot be read (permission denied)" }
        let reasons = Dictionary(
            uniqueKeysWithValues: collection.failures.map { (($0.path as NSString).lastPathComponent, $0.reason) })
        // The folder named x.txt is read as a subfolder (it is empty): not a file refused.
        XCTAssertEqual(reasons, expected.filter { $0.key != "x.txt" })
        for failure in collection.failures { XCTAssertFalse(failure.description.contains("\n"), failure.description) }
        XCTAssertEqual(collection.link(0, .next)?.target, 1, "the rest of the folder still works")

        // Each special file named alone, read whole: refused, never blocking.
        let reader = FileReader()
        for name in ["03_fifo.txt", "04_zero.txt", "05_urandom.txt", "06_loop.txt", "x.txt"] {
            let path = folder + "/" + name
            let outcome = try withinSeconds(10, "reading \(name)") { () -> String in
                do throws(ArticleError) { _ = try reader.read(path); return "read" } catch { return error.reason }
            }
            XCTAssertEqual(outcome, expected[name], name)
            let edges = try withinSeconds(10, "scanning \(name)") { () -> String in
                do throws(ArticleError) { _ = try reader.edges(path); return "read" } catch { return error.reason }
            }
            XCTAssertEqual(edges, expected[name], name)
        }
    }

    func testAFileRemovedAfterListingOrAfterIndexing() throws {
        let body = HostileInputTests.body
        tmp.write("a.txt", Fixture.spaced("Alpha", [body], next: "Beta"))
        tmp.write("b.txt", Fixture.spaced("Beta", [body], previous: "Alpha", next: "Gamma"))
        tmp.write("c.txt", Fixture.spaced("Gamma", [body], previous: "Beta"))
        let loader = CollectionLoader()
        let listed = try loader.list(folder: folder)
        XCTAssertEqual(listed.count, 3)
        // Removed between listing and reading.
        try FileManager.default.removeItem(atPath: folder + "/b.txt")
        let collection = loader.collection(of: listed)
        XCTAssertEqual(collection.entries.map(\.links.title), ["Alpha", "Gamma"])
        XCTAssertEqual(collection.failures, [.notFound(path: folder + "/b.txt")])
        XCTAssertEqual(collection.failures.first?.description, folder + "/b.txt: no such file or folder")
        XCTAssertTrue(collection.link(0, .next)?.isDangling ?? false)
        // Removed between indexing and opening.
        let library = ArticleLibrary(collection: collection, store: loader.store)
        try FileManager.default.removeItem(atPath: folder + "/c.txt")
        guard case .failure(let error) = library.article(1) else { return XCTFail("a removed file cannot be read") }
        XCTAssertEqual(error, .notFound(path: folder + "/c.txt"))
        guard case .success(let alpha) = library.article(0) else { return XCTFail("the rest is still served") }
        XCTAssertEqual(alpha.title, "Alpha")
        // Replaced by a folder or a FIFO after indexing: refused, not blocking.
        XCTAssertEqual(mkfifo(folder + "/c.txt", 0o644), 0)
        let lib = library
        let fifo = try withinSeconds(10, "opening a FIFO that replaced an indexed file") { () -> String in
            if case .failure(let e) = lib.article(1) { return e.reason } else { return "read" }
        }
        XCTAssertEqual(fifo, "skipped, it is a named pipe (FIFO), not a regular file")
    }

    func testAnUnreadableFile() throws {
        tmp.write("secret.txt", Fixture.spaced("Secret", [HostileInputTests.body]))
        XCTAssertEqual(chmod(folder + "/secret.txt", 0), 0)
        defer { chmod(folder + "/secret.txt", 0o644) }
        if isRoot {
            print("note: running as root, so a chmod 000 file is readable; EACCES is checked in ErrnoMappingTests")
            XCTAssertNoThrow(try FileReader().read(folder + "/secret.txt"))
            return
        }
        XCTAssertThrowsError(try FileReader().read(folder + "/secret.txt")) {
            XCTAssertEqual(($0 as? ArticleError)?.reason, "cannot be read (permission denied)")
        }
    }
}
