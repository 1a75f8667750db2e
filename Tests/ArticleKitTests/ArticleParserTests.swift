import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

final class ArticleParserTests: XCTestCase {
    let italian = Fixture(
        title: "Russia. Il governo firma un accordo sull’energia con la Norvegia",
        blocks: [
            "Il ministro dell’energia ha firmato ieri un accordo di cooperazione con la Norvegia, che prevede forniture di gas per i prossimi dieci anni e un fondo comune per la ricerca sulle rinnovabili.",
            "Le condizioni dell’accordo",
            "Il testo stabilisce un prezzo indicizzato e una clausola di revisione ogni tre anni. Secondo il ministero, le prime consegne arriveranno già in primavera attraverso il gasdotto del Nord.",
            "Le reazioni a Bruxelles",
            "La Commissione europea ha accolto con favore l’intesa, ricordando però che ogni accordo bilaterale deve rispettare le regole del mercato interno dell’energia e i vincoli sugli aiuti di Stato.",
        ],
        previous: "Ille-et-Vilaine. Un incendio in un deposito di rifiuti",
        next: "L’incontro di valori: perché investire?"
    )

    func testSampleShapedArticle() throws {
        let a = try italian.parse()
        XCTAssertEqual(a.title, italian.title)
        XCTAssertEqual(a.sections.map(\.heading), [nil, "Le condizioni dell’accordo", "Le reazioni a Bruxelles"])
        XCTAssertEqual(a.sections.map(\.paragraphs.count), [1, 1, 1])
        XCTAssertEqual(a.previousTitle, "Ille-et-Vilaine. Un incendio in un deposito di rifiuti")
        XCTAssertEqual(a.nextTitle, "L’incontro di valori: perché investire?")
        XCTAssertEqual(a.warnings, [])
    }

    func testCRLFAndCRAndBOM() throws {
        var crlf = italian
        crlf.lineEnding = "\r\n"
        let a = try crlf.parse()
        XCTAssertEqual(a.headings, ["Le condizioni dell’accordo", "Le reazioni a Bruxelles"])
        XCTAssertEqual(a.nextTitle, italian.next)
        var cr = italian
        cr.lineEnding = "\r"
        XCTAssertEqual(try cr.parse().sections, a.sections)
        var bom = italian
        bom.bom = true
        XCTAssertEqual(Array(bom.bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let b = try bom.parse("bom.txt")
        XCTAssertEqual(b.title, italian.title)
    }

    func testTitleRepeatedZeroToTwoTimesAndTrailingSpaces() throws {
        for repeats in 0...2 {
            var f = italian
            f.repeats = repeats
            f.title = italian.title + "   "
            let a = try f.parse()
            XCTAssertEqual(a.title, italian.title, "repeats \(repeats)")
            XCTAssertEqual(a.sections.first?.paragraphs.first, italian.blocks[0])
        }
    }

    func testMissingTrailerLinesAndFinalNewline() throws {
        var f = italian
        f.previous = nil
        f.finalNewline = true
        let a = try f.parse()
        XCTAssertNil(a.previousTitle)
        XCTAssertEqual(a.nextTitle, italian.next)
        XCTAssertTrue(a.warnings.contains("no PREV line"))
        XCTAssertEqual(a.sections.last?.paragraphs.last, italian.blocks.last)
    }

    func testNoSeparatorsAtAll() throws {
        let text =
            "Ein Titel ohne Trennlinien\n\nDer erste Absatz erzählt, was geschah, und zwar ausführlich genug, um als Fließtext zu gelten.\n\nPREV Vorher\nNEXT Nachher"
        let a = try ArticleParser().parse(Array(text.utf8), source: "de.txt")
        XCTAssertEqual(a.title, "Ein Titel ohne Trennlinien")
        XCTAssertEqual(a.sections.first?.paragraphs.count, 1)
        XCTAssertEqual(a.previousTitle, "Vorher")
        XCTAssertEqual(a.nextTitle, "Nachher")
    }

    func testInvalidUTF8IsReplacedNotTruncated() throws {
        var bytes = Array("Titolo\n\n-\n\nPrima ".utf8)
        bytes += [0xFF, 0xC3]
        bytes += Array(" dopo i byte sbagliati il testo continua.\n\n-\n\nNEXT Altro".utf8)
        let a = try ArticleParser().parse(bytes, source: "bad.txt")
        let p = try XCTUnwrap(a.sections.first?.paragraphs.first)
        XCTAssertTrue(p.hasPrefix("Prima \u{FFFD}"))
        XCTAssertTrue(p.hasSuffix("il testo continua."))
        XCTAssertTrue(a.warnings.contains { $0.contains("not valid UTF-8") })
    }

    func testControlCharactersAndBidiOverridesAreNeutralised() throws {
        let text =
            "Title \u{1B}]0;pwned\u{07}\n\n-\n\nBody \u{1B}[2J text \u{202E}reversed\u{202C} and \u{9B}31m C1.\n\n-\n\nNEXT Next \u{1B}[31mred"
        let a = try ArticleParser().parse(Array(text.utf8), source: "evil.txt")
        let everything = ([a.title, a.nextTitle ?? ""] + a.sections.flatMap(\.paragraphs)).joined()
        for scalar in everything.unicodeScalars {
            XCTAssertFalse(
                scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value),
                "raw control U+\(String(scalar.value, radix: 16))")
            XCTAssertFalse((0x202A...0x202E).contains(scalar.value))
        }
        XCTAssertTrue(a.title.contains("␛"))
    }

    func testEmptyAndBinaryFilesAreRefused() {
        XCTAssertThrowsError(try ArticleParser().parse([], source: "e.txt")) {
            XCTAssertEqual($0 as? ArticleError, .empty(path: "e.txt"))
        }
        XCTAssertThrowsError(try ArticleParser().parse(Array("  \n\n \r\n".utf8), source: "w.txt")) {
            XCTAssertEqual($0 as? ArticleError, .empty(path: "w.txt"))
        }
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        XCTAssertThrowsError(try ArticleParser().parse(png, source: "p.txt")) {
            XCTAssertEqual($0 as? ArticleError, .binary(path: "p.txt"))
        }
    }

    func testTitleOnlyAndHugeTitle() throws {
        let a = try ArticleParser().parse(Array("Solo il titolo".utf8), source: "t.txt")
        XCTAssertEqual(a.title, "Solo il titolo")
        XCTAssertEqual(a.sections, [])
        let long = String(repeating: "x", count: 10_000)
        let b = try ArticleParser().parse(Array(long.utf8), source: "l.txt")
        XCTAssertEqual(b.title.unicodeScalars.count, ArticleParser.maxTitleScalars + 1)
    }

    func testLinksFromEdgesMatchFullParse() throws {
        var f = italian
        f.blocks += Array(repeating: paragraph("Filler."), count: 400)
        let bytes = f.bytes
        XCTAssertGreaterThan(bytes.count, 40_000)
        let head = Array(bytes.prefix(16_384)), tail = Array(bytes.suffix(16_384))
        let links = try ArticleParser.links(head: head, tail: tail, source: "big.txt")
        let full = try ArticleParser().parse(bytes, source: "big.txt")
        XCTAssertEqual(
            links, ArticleLinks(title: full.title, previousTitle: full.previousTitle, nextTitle: full.nextTitle))
    }

    func testHardWrappedParagraphIsJoinedButHeadingOverTextIsNot() {
        let wrapped = [
            "This paragraph was wrapped by an old mail program at", "a fixed width, so its lines must be joined again",
            "before the reader wraps it.",
        ]
        XCTAssertEqual(BlockSplitter.merge(wrapped).count, 1)
        let list = ["Apples", "Pears", "A much longer line that follows two short ones in the same block"]
        XCTAssertEqual(BlockSplitter.merge(list).count, 3)
    }
}

final class EdgeScanTests: XCTestCase {
    /// The fast edge scan must agree with the full parse on every labelled fixture,
    /// whole and split into a head and a tail, with LF and CRLF line ends.
    func testEdgeScanAgreesWithFullParseOnFixtures() throws {
        let folder = HeadingDetectionTests.folder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        XCTAssertGreaterThan(files.count, 40)
        for file in files {
            let original = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
            let crlf = Array(
                String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            for bytes in [original, crlf] {
                let full = try ArticleParser().parse(bytes, source: file)
                let expected = ArticleLinks(
                    title: full.title, previousTitle: full.previousTitle, nextTitle: full.nextTitle)
                XCTAssertEqual(try ArticleParser.links(head: bytes, tail: nil, source: file), expected, file)
                let cut = bytes.count / 2
                XCTAssertEqual(
                    try ArticleParser.links(head: Array(bytes[..<cut]), tail: Array(bytes[cut...]), source: file),
                    expected, file)
            }
        }
    }
}

final class StreamingParserTests: XCTestCase {
    /// Feeding the bytes in chunks of any size (splitting CRLF pairs and UTF-8
    /// sequences) gives exactly the events of one whole buffer.
    func testChunkedFeedingMatchesWholeBuffer() throws {
        let folder = HeadingDetectionTests.folder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        var generator = SeededGenerator.forTest(seed: 1)
        for file in files.prefix(20) {
            let original = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
            let crlf = Array(
                String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            for bytes in [original, crlf] {
                func events(chunk: () -> Int) -> ([ArticleEvent], String?, String?) {
                    var out: [ArticleEvent] = []
                    var parser = StreamingParser { out.append($0) }
                    var offset = 0
                    while offset < bytes.count {
                        let n = min(bytes.count - offset, max(1, chunk()))
                        bytes[offset..<(offset + n)].withUnsafeBufferPointer { parser.feed($0) }
                        offset += n
                    }
                    parser.finish()
                    return (out, parser.previousTitle, parser.nextTitle)
                }
                let whole = events { bytes.count }
                let chunked = events { Int.random(in: 1...7, using: &generator) }
                let what = "\(file), seed \(generator.seed)"
                XCTAssertEqual(whole.0, chunked.0, what)
                XCTAssertEqual(whole.1, chunked.1, what)
                XCTAssertEqual(whole.2, chunked.2, what)
            }
        }
    }

    func testPrevLineInsideTheBodyIsBodyText() throws {
        let text =
            "Titolo\n\n-\n\nPREV is how the old system named it, and the name stuck for years in the archive.\n\nAnother paragraph follows it here.\n\n-\n\nNEXT Fine"
        let a = try ArticleParser().parse(Array(text.utf8), source: "p.txt")
        XCTAssertEqual(
            a.sections.first?.paragraphs.first,
            "PREV is how the old system named it, and the name stuck for years in the archive.")
        XCTAssertNil(a.previousTitle)
        XCTAssertEqual(a.nextTitle, "Fine")
    }
}

final class SanitizerByteCheckTests: XCTestCase {
    /// The byte-level pre-check never lets through a scalar the sanitiser would change.
    func testByteCheckCoversEveryScalarThatNeedsChange() {
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let bytes = Array(String(scalar).utf8)
            let flagged = bytes.withUnsafeBufferPointer { TextSanitizer.mayNeedChange($0) }
            if TextSanitizer.needsChange(scalar) { XCTAssertTrue(flagged, "U+\(String(v, radix: 16))") }
        }
    }
}

extension SanitizerByteCheckTests {
    /// The eight-bytes-at-a-time path: a flagged scalar at any offset in a long line is found.
    func testByteCheckFindsControlsAtEveryOffsetOfALongLine() {
        let flagged: [Unicode.Scalar] = [
            "\u{00}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}", "\u{2028}", "\u{202E}", "\u{2066}",
            "\u{2069}", "\u{FEFF}", "\t",
        ]
        for scalar in flagged {
            for offset in 0..<24 {
                let line =
                    String(repeating: "a", count: offset) + String(scalar) + String(repeating: "z", count: 30 - offset)
                let found = Array(line.utf8).withUnsafeBufferPointer { TextSanitizer.mayNeedChange($0) }
                XCTAssertTrue(found, "U+\(String(scalar.value, radix: 16)) at \(offset)")
            }
        }
        let clean =
            String(repeating: "Plain ASCII text, with punctuation ~!@#$%^&*()_+{}|:<>? ", count: 3) + "café “quoted”"
        XCTAssertFalse(Array(clean.utf8).withUnsafeBufferPointer { TextSanitizer.mayNeedChange($0) })
    }
}

extension EdgeScanTests {
    /// Found by the parser fuzzer: a BOM before "PREV" is dropped by the sanitiser, so
    /// the edge scan must read that line as the parser does.
    func testFuzzFindingBOMBeforeTrailerLine() throws {
        let bytes: [UInt8] = [0x80, 0x0A, 0xEF, 0xBB, 0xBF, 0x50, 0x52, 0x45, 0x56, 0x20, 0xD8]
        let full = try ArticleParser().parse(bytes, source: "f")
        let links = try ArticleParser.links(head: bytes, tail: nil, source: "f")
        XCTAssertEqual(
            links, ArticleLinks(title: full.title, previousTitle: full.previousTitle, nextTitle: full.nextTitle))
        XCTAssertEqual(full.previousTitle, "\u{FFFD}")
        // A bidi override before NEXT, and a line of zero-width no-break spaces between.
        let text = Array("Titolo\n\n-\n\nCorpo del testo.\n\n-\n\u{FEFF}\u{FEFF}\n\u{202E}NEXT Altro".utf8)
        let parsed = try ArticleParser().parse(text, source: "g")
        XCTAssertEqual(parsed.nextTitle, "Altro")
        XCTAssertEqual(try ArticleParser.links(head: text, tail: nil, source: "g").nextTitle, "Altro")
    }
}
