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

    func testUTF8ScalarsMatchTheStringsScalarView() {
        var g = SeededGenerator.forTest(seed: 1212)
        for _ in 0..<20000 {
            var s = Self.randomString(&g)
            let reference = Array(s.unicodeScalars)
            let decoded = s.withUTF8 { Array(UTF8Scalars($0)) }
            XCTAssertEqual(decoded, reference, s.debugDescription)
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
