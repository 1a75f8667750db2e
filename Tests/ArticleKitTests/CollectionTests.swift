import GazetteTestSupport
import XCTest

@testable import ArticleKit

final class CollectionTests: XCTestCase {
    /// A collection from (name, title, prev, next) rows, held in memory.
    func collection(_ rows: [(String, String, String?, String?)], crlf: Set<String> = []) -> ArticleCollection {
        let texts = rows.map { row -> (name: String, text: String) in
            var f = Fixture(title: row.1, blocks: [paragraph("Body of \(row.1).")], previous: row.2, next: row.3)
            if crlf.contains(row.0) { f.lineEnding = "\r\n" }
            return (row.0, f.text)
        }
        return memoryLibrary(texts).collection
    }

    func chains(_ c: ArticleCollection) -> [[String]] {
        ChainBuilder.build(c).chains.map { $0.entries.map { c.entries[$0].source } }
    }

    func testSimpleChainWithDanglingEnds() {
        let c = collection([
            ("a", "Alpha", "Before everything", "Beta"),
            ("b", "Beta", "Alpha", "Gamma"),
            ("c", "Gamma", "Beta", "After everything"),
        ])
        let result = ChainBuilder.build(c)
        XCTAssertEqual(chains(c), [["a", "b", "c"]])
        XCTAssertEqual(result.chains[0].danglingPrevious, "Before everything")
        XCTAssertEqual(result.chains[0].danglingNext, "After everything")
        let kinds = CollectionChecker.diagnostics(c).map(\.kind)
        XCTAssertEqual(kinds, ["dangling", "dangling"])
    }

    func testChainOrderIndependentOfFileOrderAndCRLF() {
        let c = collection(
            [
                ("1", "Gamma", "Beta", nil),
                ("2", "Alpha", nil, "Beta"),
                ("3", "Beta", "Alpha", "Gamma"),
            ], crlf: ["3"])
        XCTAssertEqual(chains(c), [["2", "3", "1"]])
    }

    func testTitleNormalisation() {
        XCTAssertEqual(TitleKey("L’incontro  di “valori” – oggi "), TitleKey("l'incontro di \"valori\" - oggi"))
        XCTAssertEqual(TitleKey("Cafe\u{0301}"), TitleKey("Café"))
        XCTAssertEqual(TitleKey("ÉTÉ À PARIS"), TitleKey("été à paris"))
        XCTAssertNotEqual(TitleKey("Alpha"), TitleKey("Alpha 2"))
    }

    func testDuplicateTitlesPreferTheOneThatLinksBack() {
        // Two articles titled "Gizmodo": a's NEXT means the one whose PREV is "Alpha".
        let c = collection([
            ("1", "Gizmodo", "Somewhere else", "Omega"),
            ("2", "Alpha", nil, "Gizmodo"),
            ("3", "Gizmodo", "Alpha", nil),
            ("4", "Omega", "Gizmodo", nil),
        ])
        XCTAssertEqual(c.link(1, .next)?.target, 2)
        XCTAssertEqual(c.link(1, .next)?.candidates, [0, 2])
        XCTAssertEqual(c.link(3, .previous)?.target, 0)
        XCTAssertEqual(chains(c), [["1", "4"], ["2", "3"]])
        XCTAssertTrue(CollectionChecker.diagnostics(c).contains { $0.kind == "ambiguous" })
    }

    func testDuplicateTitlesWithoutBackLinkTakeTheNearest() {
        let c = collection([
            ("1", "Same", nil, nil),
            ("2", "Other", nil, nil),
            ("3", "Pointer", nil, "Same"),
            ("4", "Same", nil, nil),
        ])
        XCTAssertEqual(c.link(2, .next)?.target, 3)
    }

    func testMissingLinesStillChainFromTheOtherSide() {
        // b has no PREV line and a has no NEXT line: the other side's link is enough.
        let c = collection([
            ("a", "Alpha", nil, nil),
            ("b", "Beta", nil, "Gamma"),
            ("c", "Gamma", "Beta", nil),
            ("d", "Delta", "Alpha", nil),
        ])
        XCTAssertEqual(chains(c), [["a", "d"], ["b", "c"]])
    }

    func testCyclesAreCutAndEveryArticleIsInOneChain() {
        let c = collection([
            ("a", "A", "C", "B"),
            ("b", "B", "A", "C"),
            ("c", "C", "B", "A"),
            ("s", "Self", "Self", "Self"),
        ])
        let all = chains(c).flatMap { $0 }
        XCTAssertEqual(all.sorted(), ["a", "b", "c", "s"])
        XCTAssertEqual(chains(c), [["a", "b", "c"], ["s"]])
        // One loop cut at C→A, and the article that links to itself.
        XCTAssertEqual(CollectionChecker.diagnostics(c).filter { $0.kind == "cycle" }.count, 2)
    }

    func testNotReciprocatedLinkIsReported() {
        let c = collection([
            ("a", "Alpha", nil, "Beta"),
            ("b", "Beta", "Someone else", nil),
        ])
        let d = CollectionChecker.diagnostics(c)
        XCTAssertTrue(d.contains { $0.kind == "not-reciprocated" && $0.message.contains("a: NEXT leads to b") }, "\(d)")
        XCTAssertEqual(chains(c), [["a", "b"]])
    }

    func testLongChainIsLinearTime() {
        let n = 20_000
        let rows = (0..<n).map { i in
            (String(format: "%05d", i), "T\(i)", i > 0 ? "T\(i - 1)" : nil, i < n - 1 ? "T\(i + 1)" : nil)
        }
        let c = collection(rows.reversed())
        let result = ChainBuilder.build(c)
        XCTAssertEqual(result.chains.count, 1)
        XCTAssertEqual(result.chains[0].entries.count, n)
    }
}
