import ArticleKit
import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// The text the search index stores and asks for: the fold, and characters of scripts
/// without spaces set apart.
final class IndexTextTests: XCTestCase {
    func prepare(_ s: String) -> String {
        var text = IndexText()
        return text.prepare(s)
    }

    func testScriptsWithoutSpacesBecomeOneWordPerCharacter() {
        XCTAssertEqual(prepare("東京都の図書館"), "東 京 都 の 図 書 館")
        XCTAssertEqual(prepare("in 東京 today"), "in 東 京 today")
        XCTAssertEqual(prepare("Tokyo東京2024"), "tokyo 東 京 2024")
        // Dakuten stay on their kana (the fold decomposes が into か and U+3099).
        XCTAssertEqual(prepare("がっこう").unicodeScalars.filter { $0 == " " }.count, 3)
        // Thai marks stay on their consonant: ห้อง is ห้ อ ง.
        XCTAssertEqual(prepare("ห้อง"), "ห\u{0E49} อ ง")
        // Hangul: precomposed syllables, and a syllable written as jamo stays one.
        XCTAssertEqual(prepare("서울에서"), "서 울 에 서")
        XCTAssertEqual(prepare("\u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}"), "\u{1109}\u{1165} \u{110B}\u{116E}\u{11AF}")
    }

    func testOtherTextIsTheFoldsWordsOneSpaceApart() {
        XCTAssertEqual(prepare("Crème Brûlée — “Straße”"), "creme brulee strasse")
        XCTAssertEqual(prepare("Ελληνικά και русский"), "ελληνικα και русскии")
        XCTAssertEqual(prepare("  don't — e-mail, U.S.\n\n2024!  "), "don t e mail u s 2024")
        XCTAssertEqual(prepare("नमस्ते दुनिया 👍🏽 a\u{200D}b"), "नमस्ते दुनिया a b")
        XCTAssertEqual(prepare("—!? "), "")
        // A mark after a separator starts a word of its own (found by review: split as Characters,
        // the space and the mark were one).
        var text = IndexText()
        XCTAssertEqual(text.words("ห \u{0E49}x"), ["ห", "\u{0E49}x"])
        XCTAssertEqual(text.words("x - \u{093F}y"), ["x", "\u{093F}y"])
    }

    /// On seeded random mixtures: no word scalar is lost, nothing else kept, and every base
    /// character of a script without spaces stands apart.
    func testSpacingKeepsEveryScalarAndSetsEachCharacterApart() {
        let pool: [String] = [
            "a", "b", " ", "1", "é", "東", "京", "か\u{3099}", "ห", "\u{0E49}", "\u{0E33}", "서", "\u{1100}\u{1161}",
            "\u{11A8}", "👍", "\u{200D}", "-", "ß", "Ж", "ا", "न", "\u{093F}", "\n",
        ]
        var random = SeededGenerator(seed: 11)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...24, using: &random)).map { _ in pool.randomElement(using: &random)! }
                .joined()
            let folded = TextFold.fold(text).string
            let spaced = prepare(text)
            XCTAssertEqual(
                spaced.unicodeScalars.filter { $0 != " " }.map(\.value),
                folded.unicodeScalars.filter { IndexText.isWordScalar($0) }.map(\.value), text.debugDescription)
            let scalars = Array(spaced.unicodeScalars)
            for (i, u) in scalars.enumerated()
            where IndexText.isUnspacedScript(u) && !IndexText.isAttached(u) && i > 0 {
                XCTAssertTrue(
                    scalars[i - 1].properties.isWhitespace, "\(text.debugDescription) → \(spaced.debugDescription)")
            }
        }
    }

    /// The rule written plainly, scalar by scalar, for the byte-level pass to be checked against:
    /// a space on both sides of each character of a script without spaces (its marks kept on it),
    /// then the words by `isWordScalar`, one space apart.
    static func reference(_ folded: String) -> String {
        spaced(folded).unicodeScalars.split { !IndexText.isWordScalar($0) }
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    static func spaced(_ folded: String) -> String {
        var out = String.UnicodeScalarView()
        var spaceDue = false
        for u in folded.unicodeScalars {
            let unspaced = IndexText.isUnspacedScript(u)
            if (spaceDue || unspaced) && IndexText.isAttached(u) {
                out.append(u)
                continue
            }
            let isSpace = u == " " || u == "\n" || u == "\t" || u == "\r"
            if (unspaced || spaceDue) && !isSpace, let last = out.last, !" \n\t\r".unicodeScalars.contains(last) {
                out.append(" ")
            }
            out.append(u)
            spaceDue = unspaced
        }
        return String(out)
    }

    func testTheByteLevelPassAgreesWithThePlainRule() {
        let pool: [String] = [
            "a", "bc ", " ", "  ", "é", "ü", "東", "か\u{3099}", "ห", "\u{0E49}", "๏", "서", "\u{1161}", "\u{0301}", "👍",
            "\u{1F3FD}", "—", "-", "'", "_", "\n", "\t", "Ж", "ß", "ا", "\u{200D}", "\u{00A0}", "ກ", "\u{0EB4}", "ក",
            "\u{17B6}", "က", "\u{102C}", "𠀋", "·", "\u{E000}", "²", "Ⅻ", "\u{7F}", "Z9", "・", "\u{309B}",
        ]
        var random = SeededGenerator(seed: 12)
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pool.randomElement(using: &random)! }
                .joined()
            let folded = TextFold.fold(text).string
            XCTAssertEqual(IndexText.words(ofFolded: folded), Self.reference(folded), text.debugDescription)
        }
    }
    /// Runs of ideographs take a path of their own in the byte-level pass: against the plain rule,
    /// with what may border a run (marks, kana, Hangul, ideographs of other blocks, ASCII, spaces).
    func testIdeographRunsAgreeWithThePlainRule() {
        let pool: [String] = [
            "中", "文字", "東京都", "\u{9FFF}", "\u{4E00}", "\u{4DFF}", "\u{3400}", "\u{0301}", "\u{3099}", "か", "서",
            "\u{11A8}", "𠀋", "a", "7", " ", "\n", "、", "。", "ห\u{0E49}",
        ]
        var random = SeededGenerator(seed: 13)
        for _ in 0..<1_000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pool.randomElement(using: &random)! }
                .joined()
            let folded = TextFold.fold(text).string
            XCTAssertEqual(IndexText.words(ofFolded: folded), Self.reference(folded), text.debugDescription)
        }
    }

    /// The index's way (one `IndexText` for many texts, the fold's bytes without its offset map, a
    /// section's paragraphs prepared into one buffer) against the plain way it replaced: each text
    /// folded to a `FoldedText`, its words taken, the paragraphs joined. Seeded random mixtures of
    /// every script, marks, emoji, controls and hostile text.
    func testPreparingParagraphsInOneBufferIsThePlainWay() {
        let pool: [String] = [
            "a", "Bc ", " ", "  ", "é", "Ü", "东京", "か\u{3099}", "ห", "\u{0E49}", "서울", "\u{1161}", "\u{0301}", "👍🏽",
            "—", "-", "'", "\n", "\t", "Ж", "ẞ", "ß", "ﬁ", "ا", "\u{200D}", "\u{00A0}", "ກ", "ក\u{17B6}", "က",
            "𠀋", "Ⅻ", "²", "\u{7F}", "Z9", "・", "İ", "Σ", "ǅ", "\u{FEFF}", "\u{AD}", "Crème", "Straße", "नमस्ते",
            "\r\n", "🇩🇪", "👨‍👩‍👧", Hostile.bidi, Hostile.zeroWidth, Hostile.csi, "\u{1100}\u{1161}\u{11A8}",
        ]
        var random = SeededGenerator(seed: 21)
        var text = IndexText()
        for _ in 0..<600 {
            let paragraphs = (0..<Int.random(in: 0...5, using: &random)).map { _ in
                (0..<Int.random(in: 0...20, using: &random)).map { _ in pool.randomElement(using: &random)! }.joined()
            }
            let plain = paragraphs.map { IndexText.words(ofFolded: TextFold.fold($0).string) }.joined(separator: "\n")
            XCTAssertEqual(text.prepare(paragraphs: paragraphs), plain, paragraphs.debugDescription)
            for paragraph in paragraphs {
                XCTAssertEqual(text.prepare(paragraph), IndexText.words(ofFolded: TextFold.fold(paragraph).string))
                for keepingCase in [false, true] {
                    var fold = TextFold(keepingCase: keepingCase)
                    var bytes: [UInt8] = [1, 2]
                    fold.foldedUTF8(paragraph, appendingTo: &bytes)
                    XCTAssertEqual(bytes, [1, 2] + TextFold.fold(paragraph, keepingCase: keepingCase).utf8)
                }
            }
        }
        XCTAssertEqual(text.prepare(paragraphs: []), "")
        XCTAssertEqual(text.prepare(paragraphs: ["", "—", "A b"]), "\n\na b")
    }
}
