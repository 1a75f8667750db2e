import XCTest

@testable import ArticleKit

/// `LineSplitter`: one rule for lines, whichever way they are read. Inputs are seeded
/// (`SplitMix64`), so a failure names the seed that builds it again.
final class LineSplitterTests: XCTestCase {
    static let pieces: [[UInt8]] = [
        [0x0A], [0x0D], [0x0D, 0x0A], [0x0D, 0x0D, 0x0A], [0xEF, 0xBB, 0xBF], [0x61], [0x62, 0x63], [0x20],
        [0xE2, 0x80, 0xAE], Array(repeating: 0x7A, count: 11),  // a run past eight bytes
    ]

    static func randomBytes(seed: UInt64) -> [UInt8] {
        var g = SplitMix64(seed: seed)
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...20, using: &g) { bytes += pieces[Int.random(in: 0..<pieces.count, using: &g)] }
        return bytes
    }

    /// The rule, written the plain way: LF, CR and CRLF end a line, bytes after the last line end
    /// are a line, the first line loses a leading BOM; mid-line, the first (cut) line is not given.
    static func reference(_ b: [UInt8], start: LineSplitter.Start) -> [[UInt8]] {
        var lines: [[UInt8]] = [], current: [UInt8] = [], sawLineEnd = false
        var i = 0
        while i < b.count {
            if b[i] == 0x0A || b[i] == 0x0D {
                lines.append(current)
                current = []
                sawLineEnd = true
                if b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
            } else {
                current.append(b[i])
            }
            i += 1
        }
        if !current.isEmpty { lines.append(current) }
        switch start {
        case .fileStart: if let first = lines.first, first.starts(with: [0xEF, 0xBB, 0xBF]) { lines[0].removeFirst(3) }
        case .lineStart: break
        case .midLine: lines = sawLineEnd ? Array(lines.dropFirst()) : []
        }
        return lines
    }

    func forward(_ b: [UInt8], start: LineSplitter.Start) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        b.withUnsafeBufferPointer { p in
            LineSplitter.forEachLine(in: p, start: start) { line, _ in
                lines.append(Array(p[line])); return true
            }
        }
        return lines
    }

    func backward(_ b: [UInt8], floor: Int = 0, start: LineSplitter.Start) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        b.withUnsafeBufferPointer { p in
            LineSplitter.forEachLineBackward(in: p, floor: floor, start: start) {
                lines.append(Array(p[$0]))
                return true
            }
        }
        return lines.reversed()
    }

    func chunked(_ b: [UInt8], seed: UInt64) -> [[UInt8]] {
        var g = SplitMix64(seed: seed)
        var splitter = LineSplitter()
        var lines: [[UInt8]] = []
        var offset = 0
        while offset < b.count {
            let n = min(b.count - offset, Int.random(in: 0...5, using: &g))
            b[offset..<(offset + n)].withUnsafeBufferPointer { splitter.feed($0) { lines.append(Array($0)) } }
            offset += n
        }
        splitter.finish { lines.append(Array($0)) }
        return lines
    }

    func testEveryWayOfReadingFindsTheLinesOfTheRule() {
        for seed: UInt64 in 1...3000 {
            let b = Self.randomBytes(seed: seed)
            let name = "seed \(seed): \(b)"
            let lines = Self.reference(b, start: .fileStart)
            XCTAssertEqual(forward(b, start: .fileStart), lines, name)
            XCTAssertEqual(chunked(b, seed: seed), lines, name)
            XCTAssertEqual(backward(b, start: .fileStart), lines, name)
            for start in [LineSplitter.Start.lineStart, .midLine] {
                XCTAssertEqual(forward(b, start: start), Self.reference(b, start: start), "\(start), \(name)")
                XCTAssertEqual(backward(b, start: start), Self.reference(b, start: start), "\(start), \(name)")
            }
        }
    }

    /// What the edge scan does: from a line found going forward, back from the end to that line.
    func testBackwardFromALineStartGivesTheLinesFromThere() {
        for seed: UInt64 in 1...1000 {
            let b = Self.randomBytes(seed: seed)
            var starts: [Int] = [], lines: [[UInt8]] = []
            b.withUnsafeBufferPointer { p in
                LineSplitter.forEachLine(in: p, start: .fileStart) { line, next in
                    lines.append(Array(p[line]))
                    if next < p.count { starts.append(next) }
                    return true
                }
            }
            for (k, floor) in starts.enumerated() {
                XCTAssertEqual(
                    backward(b, floor: floor, start: .lineStart), Array(lines[(k + 1)...]),
                    "seed \(seed) from \(floor)")
            }
        }
    }

    func testWholeLinesEndAtTheLastLineEnd() {
        func whole(_ s: String) -> Int { Array(s.utf8).withUnsafeBufferPointer { LineSplitter.wholeLinesLength($0) } }
        XCTAssertEqual(whole("ab\ncd"), 3)
        XCTAssertEqual(whole("ab\r\ncd"), 4)
        XCTAssertEqual(whole("ab\r"), 3)
        XCTAssertEqual(whole("abc"), 3)  // no line end: the one line is all there is
        XCTAssertEqual(whole(""), 0)
    }
}

/// `ArticleGrammar` over single lines, and the edge scan's byte-level pre-check against it.
final class ArticleGrammarTests: XCTestCase {
    func decode(_ bytes: [UInt8]) -> String {
        var reader = LineReader()
        return bytes.withUnsafeBufferPointer { reader.text(of: $0) }
    }

    func mayBe(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer { ArticleGrammar.mayBeTrailerLine($0) } }

    func testLinksAndNearMisses() {
        XCTAssertEqual(ArticleGrammar.link("PREV  Alpha "), .init(direction: .previous, title: "Alpha"))
        XCTAssertEqual(ArticleGrammar.link("NEXT"), .init(direction: .next, title: nil))
        XCTAssertEqual(ArticleGrammar.link("NEXT\u{3000}東京"), .init(direction: .next, title: "東京"))
        for miss in ["PREVx a", " PREV a", "prev a", "PREV\u{301} a", "Paris", "NEX", ""] {
            XCTAssertNil(ArticleGrammar.link(miss), miss.debugDescription)
        }
        // What the sanitiser drops does not hide a keyword.
        XCTAssertEqual(ArticleGrammar.link(decode(Array("NE\u{202C}XT n".utf8)))?.title, "n")
        XCTAssertEqual(ArticleGrammar.link(decode(Array("\u{FEFF}PREV p".utf8)))?.title, "p")
    }

    func testBlankAndSeparatorLines() {
        for blank in ["", "\u{A0}", " \u{3000}", decode(Array(" \u{202E}\u{FEFF}\t".utf8))] {
            XCTAssertTrue(ArticleGrammar.isBlank(blank), blank.debugDescription)
        }
        XCTAssertFalse(ArticleGrammar.isBlank("\u{200B}"))  // zero-width space: not whitespace, and kept
        XCTAssertTrue(ArticleGrammar.isSeparator(" –—- "))
        XCTAssertFalse(ArticleGrammar.isSeparator(String(repeating: "-", count: 201)))
        XCTAssertFalse(ArticleGrammar.isSeparator("- item"))
    }

    /// The separator test without copies says what its definition says: trimmed, not empty, at most
    /// 200 bytes, dashes only.
    func testSeparatorMatchesItsDefinition() {
        let pieces = ["-", "–", "—", " ", "\u{A0}", "\u{3000}", "x", String(repeating: "-", count: 60), "–—"]
        var separators = 0
        for seed: UInt64 in 1...5000 {
            var g = SplitMix64(seed: seed)
            var line = ""
            for _ in 0..<Int.random(in: 0...6, using: &g) {
                line += pieces[Int.random(in: 0..<pieces.count, using: &g)]
            }
            let t = ArticleGrammar.trimmed(line)
            let expected =
                !t.isEmpty && t.utf8.count <= 200
                && t.unicodeScalars.allSatisfy { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" }
            XCTAssertEqual(ArticleGrammar.isSeparator(line), expected, "seed \(seed): \(line.debugDescription)")
            if expected { separators += 1 }
        }
        XCTAssertGreaterThan(separators, 500)
    }

    func testHeaderReadsTitleRepeatsAndSeparator() {
        var header = HeaderReader()
        XCTAssertEqual(header.read("—"), .skipped)
        XCTAssertEqual(header.read("NEXT Le Titre"), .title("NEXT Le Titre"))
        XCTAssertEqual(header.read("\u{A0}"), .skipped)
        XCTAssertEqual(header.read("next  le titre"), .skipped)  // the same title key: a repeat, not a link
        XCTAssertEqual(header.read("-"), .separator)
        XCTAssertTrue(header.isDone)
        var unseparated = HeaderReader()
        _ = unseparated.read("Title")
        XCTAssertEqual(unseparated.read("Body text"), .body)
    }

    func testByteCheckSettlesPlainLines() {
        for line in ["", "   ", "PREV", "PREV x", "NEXT", "NE\u{202C}XT n", " \u{A0}", "\tPREV", "PREV\u{301} x"] {
            XCTAssertTrue(mayBe(line), line.debugDescription)
        }
        for line in ["Paris", "PREVx", " PREV x", "  x", "PRE", "NEX T", "-", "Body text."] {
            XCTAssertFalse(mayBe(line), line.debugDescription)
        }
    }

    /// The pre-check may say "maybe" too often, never "no" to a line that decodes to a trailer line.
    func testByteCheckNeverRulesOutATrailerLine() {
        let keywords = [Array("PREV"), Array("NEXT")]
        let pieces =
            [
                " ", "\t", "x", "V", "T", "\u{202E}", "\u{202C}", "\u{FEFF}", "\u{A0}", "\u{3000}", "\u{301}",
                "\u{200B}", "\u{1B}", "\u{2028}", "\u{FFFD}",
            ].map { Array($0.utf8) } + [[0xFF], [0xC3]]
        var ruledOut = 0, trailerLines = 0
        for seed: UInt64 in 1...20_000 {
            var g = SplitMix64(seed: seed)
            func piece() -> [UInt8] { pieces[Int.random(in: 0..<pieces.count, using: &g)] }
            var bytes: [UInt8] = []
            // Most lines start with some of a keyword, now and then with a piece inside it.
            let keyword = keywords[Int.random(in: 0..<2, using: &g)]
            for c in keyword.prefix(Int.random(in: 0...4, using: &g)) {
                if Int.random(in: 0..<8, using: &g) == 0 { bytes += piece() }
                bytes += Array(String(c).utf8)
            }
            for _ in 0..<Int.random(in: 0...3, using: &g) { bytes += piece() }
            let text = decode(bytes)
            let maybe = bytes.withUnsafeBufferPointer { ArticleGrammar.mayBeTrailerLine($0) }
            if ArticleGrammar.isTrailerLine(text) {
                trailerLines += 1
                XCTAssertTrue(maybe, "seed \(seed): \(bytes) decodes to \(text.debugDescription)")
            }
            if !maybe { ruledOut += 1 }
        }
        // Both answers are common, so the check neither decodes everything nor misses nothing by luck.
        XCTAssertGreaterThan(trailerLines, 2000)
        XCTAssertGreaterThan(ruledOut, 2000)
    }
}
