import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// `IndexText`'s eight-bytes-a-step word runs (the end of a run of ASCII word bytes found on a
/// whole word at once, words copied eight bytes at a time) against the plain rule.
final class IndexWordRunTests: XCTestCase {
    /// Every byte value at every position of a word: the bit test against `isASCIIWordByte`.
    func testWordBytesMarksExactlyTheDigitsAndLetters() {
        var g = SeededGenerator.forTest(seed: 8)
        for b in 0...255 {
            for position in 0..<8 {
                let others = UInt64.random(in: 0...UInt64.max, using: &g)
                let shift = UInt64(8 * position)
                let w = (others & ~(0xFF << shift)) | (UInt64(b) << shift)
                let marked = (IndexText.wordBytes(w) >> shift) & 0xFF
                let expected = b < 0x80 && IndexText.isASCIIWordByte(UInt8(b))
                XCTAssertEqual(marked, expected ? 0x80 : 0, "byte \(b) at \(position) among \(others)")
            }
        }
    }

    /// ASCII words of every length up to 20 (past the eight-byte step and its tail), separated by
    /// the bytes next to the digits' and letters' ranges, with non-ASCII letters and marks among
    /// them, and ending anywhere in the buffer: the byte-level pass against the plain rule.
    func testLongAndShortASCIIWordsAgreeWithThePlainRule() {
        let separators: [String] = [
            " ", "  ", "/", ":", "@", "[", "`", "{", "\u{7F}", "\n", "\t", "-", ".", ", ", "é", "\u{0301}", "東", "ห",
            "\u{0E49}", "Ж", "서", "—", "\u{00A0}",
        ]
        let wordBytes = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)
        var g = SeededGenerator.forTest(seed: 2108)
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &g) {
                let length = Int.random(in: 0...20, using: &g)
                text += String(decoding: (0..<length).map { _ in wordBytes.randomElement(using: &g)! }, as: UTF8.self)
                text += separators.randomElement(using: &g)!
            }
            if Bool.random(using: &g) && !text.isEmpty { text.removeLast() }
            XCTAssertEqual(IndexText.words(ofFolded: text), IndexTextTests.reference(text), text.debugDescription)
        }
    }
}
