import GazetteTestSupport
import XCTest

@testable import ArticleKit
@testable import Reports

/// Issue 12's byte-level fast paths against the plain reference implementations they replace,
/// on seeded random strings weighted toward the bytes each fast path treats specially.
final class FastPathDifferentialTests: XCTestCase {
    /// Scalars around every boundary the checks draw: ASCII escapes, C1 controls, the line and
    /// paragraph separators, bidi controls and their neighbours, and plain text of all widths.
    static let interesting: [Unicode.Scalar] = [
        "a", "Z", " ", "0", "\"", "\\", "/", "\n", "\r", "\t", "\u{0}", "\u{1F}", "\u{7E}", "\u{7F}",
        "\u{80}", "\u{9F}", "\u{A0}", "\u{FF}", "é", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}",
        "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{2080}", "\u{20AC}",
        "—", "中", "\u{FEFF}", "\u{FFFD}", "😀",
    ]

    /// Runs of plain ASCII too (the eight-byte fast paths), with the interesting scalars among them.
    static func randomString(_ g: inout SeededGenerator) -> String {
        var s = String.UnicodeScalarView()
        let asciiRate = Int.random(in: 0...9, using: &g)
        for _ in 0..<Int.random(in: 0...40, using: &g) {
            let roll = Int.random(in: 0..<10, using: &g)
            if roll < asciiRate {
                s.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &g)))
            } else if roll % 2 == 0 {
                s.append(interesting.randomElement(using: &g)!)
            } else {
                // Any scalar: a random code point outside the surrogates.
                var v = UInt32.random(in: 0...0x10FFFF, using: &g)
                if (0xD800...0xDFFF).contains(v) { v = 0x41 }
                s.append(Unicode.Scalar(v)!)
            }
        }
        return String(s)
    }

    func testJSONQuoteMatchesScalarByScalarReference() {
        var g = SeededGenerator.forTest(seed: 12)
        for _ in 0..<20000 {
            let s = Self.randomString(&g)
            var fast = "", slow = ""
            JSONValue.quote(s, into: &fast)
            JSONValue.quoteByScalar(s, into: &slow)
            XCTAssertEqual(fast, slow, s.debugDescription)
        }
    }

    /// White space collapsed on the bytes, against the scalar-by-scalar rule: every space
    /// `HTMLText.isSpace` knows, in runs, at either end and between wide and combining characters.
    func testCollapsedWhiteSpaceMatchesTheScalarRule() {
        let spaces: [Unicode.Scalar] = [
            " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{200B}",
            "\u{200C}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{301}",
        ]
        func reference(_ s: String) -> String {
            var out = String.UnicodeScalarView()
            var space = false
            for scalar in s.unicodeScalars {
                if HTMLText.isSpace(scalar) {
                    space = !out.isEmpty
                } else {
                    if space { out.append(" ") }
                    space = false
                    out.append(scalar)
                }
            }
            return String(out)
        }
        var g = SeededGenerator.forTest(seed: 139)
        for _ in 0..<20000 {
            var s = String.UnicodeScalarView()
            for piece in Self.randomString(&g).unicodeScalars {
                s.append(piece)
                if Int.random(in: 0..<3, using: &g) == 0 { s.append(spaces.randomElement(using: &g)!) }
            }
            let text = String(s)
            XCTAssertEqual(HTMLText.collapse(text), reference(text), text.debugDescription)
        }
        XCTAssertEqual(HTMLText.collapse("\u{3000} Tokyo\u{A0}\u{2009}東京 \n"), "Tokyo 東京")
    }

    func testUTF8ScalarsMatchTheStringsScalarView() {
        var g = SeededGenerator.forTest(seed: 1212)
        for _ in 0..<20000 {
            var s = Self.randomString(&g)
            let reference = Array(s.unicodeScalars)
            let decoded = s.withUTF8 { Array(UTF8Scalars($0)) }
            XCTAssertEqual(decoded, reference, s.debugDescription)
        }
    }

    /// Latin-1's letters are classed by range, not by the property tables: the same answer.
    func testGlyphOfLatin1LettersMatchesTheCaseProperties() {
        for v in UInt32(0xC0)...0xFF where v != 0xD7 && v != 0xF7 {
            let s = Unicode.Scalar(v)!
            let expected: Glyph = s.properties.isUppercase ? .upper : s.properties.isLowercase ? .lower : .caseless
            XCTAssertEqual(Glyph(s), expected, String(v, radix: 16))
        }
        // What the heading features read of a block of them: measured in the table's loop as before.
        let shape = BlockShape("Équipe ÀÉÎ ßüñ çà ×÷ end")
        XCTAssertEqual(
            [shape.upperLetters, shape.lowerLetters, shape.upperInitials, shape.lowerInitials], [4, 13, 2, 3])
    }

    /// Ideographs and Hangul syllables are answered before the index's list of marks: none is a mark.
    func testIdeographsAndHangulSyllablesAreNeverAttached() {
        for v in Array(UInt32(0x3400)...0x9FFF) + Array(UInt32(0xAC00)...0xD7AF) {
            let s = Unicode.Scalar(v)!
            XCTAssertFalse(IndexText.isAttached(s))
            let mark: [Unicode.GeneralCategory] = [.nonspacingMark, .spacingMark, .enclosingMark]
            XCTAssertFalse(mark.contains(s.properties.generalCategory), String(v, radix: 16))
        }
    }

    func testControlByteCountMatchesByteByByteReference() {
        var g = SeededGenerator.forTest(seed: 121212)
        // Mostly text with a few control bytes (NUL rarely), at every length around a word of 8.
        let rare: [UInt8] = [0x00, 0x01, 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x7F, 0x80, 0xFF]
        for _ in 0..<20000 {
            let count = Int.random(in: 0...80, using: &g)
            let controlRate = Int.random(in: 1...40, using: &g)
            let bytes: [UInt8] = (0..<count).map { _ in
                Int.random(in: 0..<controlRate, using: &g) == 0
                    ? rare.randomElement(using: &g)! : UInt8.random(in: 0x20...0xFF, using: &g)
            }
            bytes.withUnsafeBufferPointer { b in
                let fast = ArticleParser.controlBytes(b), slow = ArticleParser.controlBytesByByte(b)
                XCTAssertTrue(fast == slow, "\(bytes): \(fast) vs \(slow)")
            }
        }
    }

    func testWhitespaceMatchesTheScalarProperty() {
        // Every ASCII scalar (the fast path), then random scalars of every plane.
        for v in 0..<0x80 {
            let s = Unicode.Scalar(UInt8(v))
            XCTAssertEqual(ArticleGrammar.isWhitespace(s), s.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
        var g = SeededGenerator.forTest(seed: 12121212)
        for _ in 0..<20000 {
            for s in Self.randomString(&g).unicodeScalars {
                XCTAssertEqual(ArticleGrammar.isWhitespace(s), s.properties.isWhitespace, "\(s.value)")
            }
        }
    }
}

/// The reader reads a big article whole a chunk at a time (`streamedArticle`); it must be the article
/// that parsing the file's bytes at once gives (`article`), failures included.
final class StreamedArticleDifferentialTests: XCTestCase {
    func testTheStreamedArticleIsTheParsedOne() throws {
        let folder = try temporaryFolder("streamed")
        defer { folder.remove() }
        var g = SeededGenerator.forTest(seed: 12)
        // Paragraphs of random text with the fast paths' interesting scalars; long enough for several
        // 1 MB chunks in the last one, whose lines then cross chunk edges.
        // Without the C0 controls, which would make the files binary; line ends stay.
        func text(_ s: String) -> String {
            String(String.UnicodeScalarView(s.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" }))
        }
        func body(_ n: Int) -> String {
            (0..<n).map { i in
                i % 7 == 3
                    ? "A Heading Of Words \(i)"
                    : (0..<8).map { _ in text(FastPathDifferentialTests.randomString(&g)) }.joined(separator: " ")
            }.joined(separator: "\n\n")
        }
        let plain = Array(repeating: String(repeating: "Città e café, 中文 lines — quite long. ", count: 120), count: 260)
            .joined(separator: "\n\n")
        let texts: [(String, String)] = [
            ("plain.txt", "Title\n\n-\n\n" + body(20) + "\n\n-\n\nPREV Before\nNEXT After"),
            ("repeat.txt", "Title\n\nTitle\n\n-\n\n" + body(5) + "\n\n-\n\nNEXT After"),
            ("crlf.txt", "Title\r\n\r\n-\r\n\r\nOne paragraph.\r\n\r\n-\r\n\r\nPREV Before"),
            ("notrailer.txt", "Title\n\n-\n\n" + body(3)),
            ("big.txt", "Big\n\n-\n\n" + body(40) + "\n\n" + plain + "\n\n-\n\nPREV Before"),
        ]
        for (name, text) in texts { folder.write(name, Array(text.utf8)) }
        XCTAssertGreaterThan(texts[4].1.utf8.count, 1 << 20, "the big one spans chunks")
        // Files that go bad once indexed (the reader may read one again after it changed on disk).
        let spoilt: [(String, [UInt8])] = [
            ("empty.txt", []), ("blank.txt", Array("   \n\n  \n".utf8)),
            ("binary.txt", [0x54, 0x00, 0x01, 0x02] + randomBytes(20_000, seed: 3)),
        ]
        for (name, _) in spoilt { folder.write(name, Array("Fine\n\n-\n\nFor now.".utf8)) }
        let (library, _, _) = try ArticleLibrary.open(paths: [folder.path])
        for (name, bytes) in spoilt { folder.write(name, bytes) }
        XCTAssertEqual(
            library.collection.entries.count, texts.count + spoilt.count, "\(library.collection.failures)")
        for entry in library.collection.entries.indices {
            let source = library.collection.entries[entry].source
            switch (library.article(entry), library.streamedArticle(entry)) {
            case (.success(let a), .success(let b)): XCTAssertEqual(a, b, source)
            case (.failure(let a), .failure(let b)): XCTAssertEqual(a.description, b.description, source)
            case (let a, let b): XCTFail("\(source): \(a) against \(b)")
            }
        }
    }
}
