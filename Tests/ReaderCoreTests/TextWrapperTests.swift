import ArticleKit
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// The fast wrapper (byte-level for ASCII, clusters elsewhere) must break exactly
/// like the plain cluster-by-cluster wrapper kept here as the reference.
final class TextWrapperTests: XCTestCase {
    static func referenceWrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        // The line being built, as a string: appending whole clusters keeps the work
        // in the standard library, so a 50 MB paragraph wraps in linear time.
        var line = ""
        var lineWidth = 0
        // Where the line may be cut (a UTF-8 offset in `line`) and the width before the cut.
        var breakOffset: Int? = nil
        var breakWidth = 0
        var previous: Character? = nil

        func emit(_ s: Substring) {
            var end = s.endIndex
            while end > s.startIndex {
                let before = s.index(before: end)
                guard s[before] == " " else { break }
                end = before
            }
            lines.append(String(s[..<end]))
        }

        for var c in text {
            var w = DisplayWidth.of(c)
            if w > width { c = "…"; w = 1 }  // only in absurdly narrow columns
            if c == " " {
                if lineWidth == 0 { previous = c; continue }  // no leading spaces on a wrapped line
                line.append(" "); lineWidth += 1
                breakOffset = line.utf8.count; breakWidth = lineWidth
                previous = c
                if lineWidth >= width {
                    emit(line[...]); line = ""; lineWidth = 0; breakOffset = nil
                }
                continue
            }
            if let p = previous, lineWidth > 0, TextWrapper.canBreak(between: p, and: c) {
                breakOffset = line.utf8.count; breakWidth = lineWidth
            }
            // After a cut at an earlier break, what is carried over may still leave no room
            // for `c` (an ideograph kept with the punctuation after it): then it goes too.
            while lineWidth + w > width && !line.isEmpty {
                if let cut = breakOffset, cut > 0 {
                    let at = line.utf8.index(line.utf8.startIndex, offsetBy: cut)
                    emit(line[..<at])
                    line = String(line[at...])
                    lineWidth -= breakWidth
                } else {
                    emit(line[...])
                    line = ""
                    lineWidth = 0
                }
                breakOffset = nil
            }
            line.append(c); lineWidth += w
            previous = c
        }
        if !line.isEmpty || lines.isEmpty { emit(line[...]) }
        return lines
    }

    func testFastWrapperMatchesReference() {
        let pieces = [
            "word", " ", "  ", "a", "Straße", "café", "e\u{301}", "日本語の文章です", "。", "、", "「引用」", "👨‍👩‍👧‍👦", "🇮🇹", "👍🏽", "x",
            "longwordwithoutanyspacesatall", "—", "(", ")", "?", "ー", "مرحبا", " 123 ",
        ]
        var generator = SeededGenerator.forTest(seed: 1)
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let width = Int.random(in: 1...30, using: &generator)
            XCTAssertEqual(
                TextWrapper.wrap(text, width: width), Self.referenceWrap(text, width: width),
                "width \(width): \(text.debugDescription) (seed \(generator.seed))")
            // The layout's slices of the text are the same lines (clusters too wide shown as "…" too).
            XCTAssertEqual(
                TextWrapper.wrapSlices(text, width: width).map(String.init), Self.referenceWrap(text, width: width),
                "slices, width \(width): \(text.debugDescription) (seed \(generator.seed))")
        }
    }

    func testNoLineWiderThanTheWidthAndNothingLost() {
        let text =
            "\u{200B} Il presidente 🇮🇹 ha firmato 「活版印刷所が復活」 un\u{200B} trattato, e\u{301} poi—senza spazi—continuò."
        for width in 2...40 {
            let lines = TextWrapper.wrap(text, width: width)
            for l in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(l), width) }
            XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " })
        }
    }
}
