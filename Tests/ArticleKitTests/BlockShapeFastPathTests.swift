import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// `BlockShape`'s counting loop (glyphs counted by raw value, word starts and stops as flags)
/// against the plain scalar-by-scalar rule it replaces, on seeded random blocks weighted toward
/// what the loop treats specially; and the eight-bytes-a-step text hash.
final class BlockShapeFastPathTests: XCTestCase {
    /// Every glyph's kind of scalar: ASCII punctuation and controls, the three spaces, the
    /// non-ASCII stops, quotes and brackets, Latin-1 and Greek letters, Han, kana and Hangul,
    /// wide and combining characters, and the scalars around the loop's boundaries.
    static let interesting: [Unicode.Scalar] = [
        " ", " ", " ", "\u{A0}", "\u{3000}", "\t", "\u{1}", "\u{7F}", "\u{80}", "\u{9F}", ".", "!", "?", ":",
        ";", ",", "\"", "'", "`", "(", ")", "[", "]", "{", "}", "<", ">", "-", "_", "*", "#", "/", "@", "§",
        "。", "｡", "．", "।", "！", "‼", "？", "؟", "\u{37E}", "⁉", "：", "；", "·", "，", "、", "“", "”",
        "«", "»", "「", "」", "（", "）", "【", "】", "–", "—", "−", "…", "•", "■", "★", "✓", "→", "０",
        "٣", "©", "×", "÷", "À", "Þ", "ß", "ÿ", "Ā", "ő", "Ω", "λ", "ά", "ἀ", "Ж", "ж", "Ա", "ա", "Ⴀ",
        "ა", "ạ", "Ạ", "中", "国", "㐀", "豈", "あ", "カ", "ー", "・", "･", "한", "글", "\u{20000}", "😀",
        "\u{301}", "\u{300}", "\u{200B}", "\u{FE0F}", "\u{FFFD}", "\u{2FF}", "\u{3040}", "\u{3041}", "\u{10FFFF}",
    ]

    /// A block: words of ASCII letters, interesting scalars and any scalar, with spaces
    /// between them; a tenth of them past `BlockShape.measuredBytes`, so the loop stops early.
    static func randomBlock(_ g: inout SeededGenerator) -> String {
        var s = String.UnicodeScalarView()
        let long = Int.random(in: 0..<10, using: &g) == 0
        let scalars = long ? Int.random(in: 150...900, using: &g) : Int.random(in: 0...60, using: &g)
        let asciiRate = Int.random(in: 0...10, using: &g)
        for _ in 0..<scalars {
            let roll = Int.random(in: 0..<10, using: &g)
            if roll < asciiRate {
                s.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &g)))
            } else if roll % 3 != 0 {
                s.append(interesting.randomElement(using: &g)!)
            } else {
                var v = UInt32.random(in: 0...0x10FFFF, using: &g)
                if (0xD800...0xDFFF).contains(v) { v = 0x4E2D }
                s.append(Unicode.Scalar(v)!)
            }
        }
        return String(s)
    }

    func testCountingLoopMatchesTheScalarRule() {
        var g = SeededGenerator.forTest(seed: 21)
        var long = 0, greek = 0, colons = 0, stops = 0
        for _ in 0..<20000 {
            let text = Self.randomBlock(&g)
            let fast = BlockShape(text), plain = BlockShape(scalarByScalar: text)
            // Every stored property, by reflection: a field the loop forgets shows here too.
            XCTAssertEqual(String(describing: fast), String(describing: plain), text.debugDescription)
            if fast.isLong { long += 1 }
            if fast.greekLetters > 0 { greek += 1 }
            if fast.colonWord > 0 { colons += 1 }
            if fast.innerStops > 0 { stops += 1 }
        }
        // The blocks reach the loop's special cases, not only its common one.
        XCTAssertGreaterThan(long, 500)
        XCTAssertGreaterThan(greek, 500)
        XCTAssertGreaterThan(colons, 500)
        XCTAssertGreaterThan(stops, 500)
    }

    /// Blocks of words as articles have them (not random scalars): both rules agree on them too.
    func testCountingLoopMatchesTheScalarRuleOnSentences() {
        let blocks = [
            "", " ", "Ein neuer Fahrplan", "Q: Why now? A: Because. Then: more, and more!", "3.1 Kosten",
            "„Wir bleiben“, sagte sie.", "Τι σημαίνει αυτό;", "港の整備が進む。新しい岸壁は２０２６年に完成する。",
            "한국 항구의 새 부두", "«Le port», dit-il : « ça change tout ».", String(repeating: "Long sentence. ", count: 60),
            String(repeating: "港の整備が進む。", count: 40), "11.04 Uhr: Der Zug fährt.", "• item one", "  spaced  out  ",
        ]
        for text in blocks {
            XCTAssertEqual(
                String(describing: BlockShape(text)), String(describing: BlockShape(scalarByScalar: text)),
                text.debugDescription)
        }
    }

    /// `GlyphCounts` keeps each count in 10 bits: a block must not measure more scalars than that
    /// holds. A block of 600 capitals, the most one field can get, counts them all.
    func testTheCountsFieldsHoldEveryMeasuredScalar() {
        XCTAssertLessThan(BlockShape.measuredBytes, 1 << 10)
        for length in [599, 600, 601, 2000] {
            let text = String(repeating: "A", count: length)
            let shape = BlockShape(text)
            XCTAssertEqual(String(describing: shape), String(describing: BlockShape(scalarByScalar: text)))
            XCTAssertEqual(shape.upperLetters, min(length, BlockShape.measuredBytes))
        }
    }

    func testTextHashTellsTextsApart() {
        func hash(_ s: String) -> UInt64 {
            var copy = s
            return copy.withUTF8 { BlockShape.textHash($0) }
        }
        var g = SeededGenerator.forTest(seed: 2121)
        var seen: [UInt64: String] = [:]
        for _ in 0..<20000 {
            let text = Self.randomBlock(&g)
            let h = hash(text)
            XCTAssertEqual(h, hash(String(text.unicodeScalars)), "equal texts, equal hashes")
            if let other = seen[h] {
                // Texts past 400 bytes are hashed on their start and length only.
                if other != text && (other.utf8.count <= 400 || text.utf8.count <= 400) {
                    XCTFail("\(other.debugDescription) and \(text.debugDescription) share a hash")
                }
            }
            seen[h] = text
        }
        // Every length of a tail (0 to 7 bytes after the last whole word), a byte apart.
        for length in 0..<24 {
            let base = String(repeating: "a", count: length)
            XCTAssertNotEqual(hash(base), hash(base + "b"))
            XCTAssertNotEqual(hash(base + "b"), hash(base + "c"))
            if length > 0 { XCTAssertNotEqual(hash(base + "b"), hash("b" + base)) }
        }
        let start = String(repeating: "x", count: 400)
        XCTAssertEqual(hash(start + "tail one"), hash(start + "tail two"), "only the start and length of a long text")
        XCTAssertNotEqual(hash(start + "tail"), hash(start + "tail!"))
    }
}
