import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// The learned heading detector: the committed model matches today's features, the
/// training dump decides exactly as the parser does, the reader-facing rules hold
/// (no "[edit]", no furniture as a heading, no section of furniture), and the
/// look-ahead stays bounded.
final class HeadingModelTests: XCTestCase {
    func testCommittedModelIsForTodaysFeatures() {
        XCTAssertEqual(
            HeadingModel.trainedWeights.map(\.name), HeadingFeatures.names,
            "features changed: run scripts/train-headings.py to retrain the model")
        XCTAssertEqual(HeadingFeatures.count, HeadingFeatures.names.count)
        XCTAssertEqual(Set(HeadingFeatures.names).count, HeadingFeatures.count, "feature names must be unique")
        XCTAssertEqual(HeadingModel.trained.overText.weights.count, HeadingFeatures.count)
    }

    /// scripts/train-headings.py learns from `gazette heading-features`; its decisions
    /// must be the parser's, or the cross-validation would measure something else.
    func testFeatureDumpDecidesAsTheParserDoes() throws {
        let folder = HeadingDetectionTests.folder
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        XCTAssertGreaterThan(files.count, 40)
        for file in files.sorted() {
            let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(file)))
            let parsed = try ArticleParser().parse(bytes, source: file)
            let dumped = try HeadingFeatureDump.blocks(of: bytes, source: file)
            XCTAssertEqual(dumped.compactMap(\.heading), parsed.headings, file)
            XCTAssertEqual(dumped.count, parsed.sections.reduce(0) { $0 + $1.paragraphs.count } + parsed.headings.count)
            for block in dumped where block.candidate {
                XCTAssertEqual(block.features.count, HeadingFeatures.count)
                XCTAssertEqual(
                    block.heading != nil,
                    block.score! > 0 || BlockShape(block.text).editSuffix > 0
                        || HeadingDetector.isInterviewQuestion(BlockShape(block.text)),
                    "\(file): \(block.text)")
            }
        }
    }

    func testModelFileWithOtherFeaturesIsRefused() {
        let names = HeadingFeatures.names
        var weights = Dictionary(uniqueKeysWithValues: names.map { ($0, 0.0) })
        XCTAssertNotNil(HeadingModel(named: [.overText: (weights, 0), .overOther: (weights, 0)]))
        weights["a feature that does not exist"] = 1
        XCTAssertNil(HeadingModel(named: [.overText: (weights, 0), .overOther: (weights, 0)]))
        XCTAssertNil(HeadingModel(named: [.overText: (weights, 0)]))
    }

    func testEditSuffixIsDroppedFromTheHeading() throws {
        let a = try Fixture(
            title: "Harbour",
            blocks: [
                paragraph("The harbour was built in 1850."),
                "History[edit]",
                paragraph("Trade grew quickly after the railway arrived.[3]"),
                "Geschichte [Bearbeiten | Quelltext bearbeiten]",
                paragraph("Der Hafen wurde 1850 gebaut."),
            ]
        ).parse()
        XCTAssertEqual(a.headings, ["History", "Geschichte"])
    }

    /// Issue 14: a heading is never a caption, credit, byline, stamp, button or "read also" line.
    func testFurnitureIsNeverAHeading() throws {
        for line in [
            "Foto: ANSA/Massimo Paolone", "Photo by Anna Berg / Getty Images", "By Stella Kim", "Von Max Muster",
            "Share this article", "Subscribe to our newsletter", "Read also: the council's budget",
            "Lesen Sie auch", "Updated 10:42", "Stand: 14.06.2025, 06:30 Uhr", "Tags: energy, council",
            "Continue reading the main story", "© Reuters 2024", "Mike Watson Images/Moodboard/Getty",
        ] {
            let a = try Fixture(title: "T", blocks: [paragraph("First."), line, paragraph("Then.")]).parse()
            XCTAssertEqual(a.headings, [], line)
        }
    }

    func testLeadInEndingInAColonIsNoHeading() throws {
        let a = try Fixture(
            title: "T",
            blocks: [
                paragraph("Marco wrote a long post about it."),
                "To which Samantha understandably replies:",
                "\u{201C}That is not what the policy says, and you know it.\u{201D} She went on for some time after that.",
            ]
        ).parse()
        XCTAssertEqual(a.headings, [])
    }

    /// A heading-like line with nothing but furniture after it heads nothing.
    func testSectionOfOnlyFurnitureIsNoSection() throws {
        let a = try Fixture(
            title: "T",
            blocks: [
                paragraph("First."), "More from the newsroom", "Share", "Print",
            ]
        ).parse()
        XCTAssertEqual(a.headings, [])
        XCTAssertEqual(a.sections.count, 1)
    }

    /// The parser hands a block out once the `lookahead` blocks after it have arrived.
    func testBlocksAreDecidedWithinTheLookahead() {
        var events: [ArticleEvent] = []
        var parser = StreamingParser { events.append($0) }
        func feed(_ s: String) { Array(s.utf8).withUnsafeBufferPointer { parser.feed($0) } }
        feed("Title\n-\n\n")
        let blocks = 12
        for k in 0..<blocks {
            feed((k % 3 == 1 ? "A short heading \(k)" : paragraph("Block \(k).")) + "\n\n")
            // The blank line ends block k; the title is the first event.
            XCTAssertEqual(events.count, 1 + max(0, k + 1 - HeadingDetector.lookahead), "after block \(k)")
        }
        parser.finish()
        XCTAssertEqual(events.count, 1 + blocks)
    }

    /// However long the article, the window keeps a fixed number of block shapes.
    func testWindowMemoryIsFixed() {
        var window = HeadingWindow()
        for k in 0..<1000 { window.append(k % 2 == 0 ? "Short line \(k)" : paragraph("Block \(k).")) }
        XCTAssertEqual(window.count, 1000)
        XCTAssertNotNil(window.shape(999 - HeadingWindow.lookback - HeadingDetector.lookahead))
        XCTAssertNil(window.shape(999 - HeadingWindow.capacity))
        XCTAssertGreaterThan(window.shape(999)!.medianWidth, 0)
    }

    func testTableOfContentsEntryMakesItsHeadingSeenBefore() {
        var window = HeadingWindow()
        for text in ["Contents", "1 Etymology", "2 History", "3.1 Foreign relations", paragraph("Intro."), "History"] {
            window.append(text)
        }
        XCTAssertTrue(window.shape(5)!.seenBefore)
        XCTAssertFalse(window.shape(0)!.seenBefore)
    }

    func testSentenceEndLooksPastQuotesAndCitations() {
        XCTAssertTrue(BlockShape("It was built in 1856.[48]").endsSentence)
        XCTAssertTrue(BlockShape("\u{201C}We will come back,\u{201D}").endsSentence)
        XCTAssertTrue(BlockShape("He said so (in 2019).").endsSentence)
        XCTAssertFalse(BlockShape("See also[edit]").endsSentence)
        XCTAssertFalse(BlockShape("Cosa prevede l'allerta per domani?").endsSentence)
    }
}

/// Furniture is matched on case-folded bytes; these pin the folding and the patterns.
final class FurnitureTests: XCTestCase {
    func kinds(_ s: String) -> Furniture.Kinds { BlockShape(s).furniture }

    func testCaseFoldingKeepsByteOffsets() {
        let text = "FOTO: ÉLAN Ünd ДОМ"
        var out = [UInt8](repeating: 0, count: text.utf8.count)
        out.withUnsafeMutableBufferPointer { o in
            Array(text.utf8).withUnsafeBufferPointer { CaseFold.fold($0, into: o) }
        }
        XCTAssertEqual(String(decoding: out, as: UTF8.self), "foto: élan ünd дом")
    }

    func testBylineNeedsAName() {
        XCTAssertTrue(kinds("Von Anna Berg und Max Muster").contains(.byline))
        XCTAssertTrue(kinds("By Stella Kim").contains(.byline))
        XCTAssertFalse(kinds("Von der Idee zur Umsetzung").contains(.byline))
        XCTAssertFalse(kinds("By the numbers").contains(.byline))
        XCTAssertFalse(kinds("Por qué sube el precio del aceite").contains(.byline))
        XCTAssertTrue(kinds("経済部・佐藤健太").contains(.byline))
    }

    func testDatesAndStamps() {
        XCTAssertTrue(kinds("12 March 2024").contains(.date))
        XCTAssertTrue(kinds("Montag, 2024-03-12").contains(.date))
        XCTAssertTrue(kinds("2024年11月8日").contains(.date))
        XCTAssertFalse(kinds("The 2024 budget").contains(.date))
        XCTAssertTrue(kinds("Aktualisiert: 12.03.2024").contains(.stamp))
    }

    func testCreditsAndReadAlso() {
        XCTAssertTrue(kinds("L'esultanza dei rossoblù dopo il gol (Foto LaPresse)").contains(.credit))
        XCTAssertTrue(kinds("Soldiers at the border / AFP").contains(.credit))
        XCTAssertTrue(kinds("ANSA").contains(.credit))
        XCTAssertFalse(kinds("Answers to your questions").contains(.credit))
        XCTAssertTrue(kinds("Lea más: Secretaria vip condenada").contains(.related))
        XCTAssertTrue(kinds("延伸阅读").contains(.related))
    }

    func testNumberingAndTimes() {
        XCTAssertTrue(BlockShape("1. Take any blankets off the bed").numbered)
        XCTAssertTrue(BlockShape("12) Second point").numbered)
        XCTAssertFalse(BlockShape("1969").numbered)
        XCTAssertTrue(BlockShape("11.04 Uhr: Angriffe gehen weiter").startsWithTime)
        XCTAssertTrue(BlockShape("7h07 - La Bourse de Paris ouvre").startsWithTime)
        XCTAssertFalse(BlockShape("2024: das Jahr").startsWithTime)
    }
}
