import XCTest

@testable import ArticleKit

/// The titles folded once for the article list's filter: a first pass that must never miss a title the
/// filter's own fold matches, nor match across two titles.
final class TitleFilterKeysTests: XCTestCase {
    private let keys = TitleFilterKeys(titles: [
        "La Bibliothèque de Lyon", "ab", "cd", "Im Schwarzwald zählen", "東京の天気", "",
    ])

    func testAWordIsFoundFoldedAsTheFilterFoldsIt() {
        XCTAssertTrue(keys.mayContain(0, TitleFilterKeys.fold("bibliotheque")))
        XCTAssertTrue(keys.mayContain(0, TitleFilterKeys.fold("LYON")))
        XCTAssertTrue(keys.mayContain(3, TitleFilterKeys.fold("zahlen")))
        XCTAssertTrue(keys.mayContain(4, TitleFilterKeys.fold("東京")))
        XCTAssertFalse(keys.mayContain(1, TitleFilterKeys.fold("bibliotheque")))
    }

    func testAMatchNeverSpansTwoTitles() {
        XCTAssertTrue(keys.mayContain(1, TitleFilterKeys.fold("ab")))
        XCTAssertFalse(keys.mayContain(1, TitleFilterKeys.fold("bc")))
        XCTAssertFalse(keys.mayContain(2, TitleFilterKeys.fold("bc")))
        XCTAssertFalse(keys.mayContain(2, TitleFilterKeys.fold("cde")))
    }

    func testABytesMatchIsExactUnlessAClusterWasKeptWhole() {
        let keys = TitleFilterKeys(titles: ["Ölpreis", "がっこう", "abc"])
        XCTAssertTrue(keys.isExact(0))
        XCTAssertFalse(keys.isExact(1), "が folds to か and a mark kept with it")
        XCTAssertTrue(keys.isExact(2))
        XCTAssertFalse(keys.isExact(3))
    }

    /// Folded in chunks on all cores: every entry keeps its own key across the chunks' seams.
    func testManyTitlesKeepTheirOwnKeys() {
        let titles = (0..<3_000).map { $0 % 7 == 0 ? "がっこう \($0)." : "Title \($0)." }
        let keys = TitleFilterKeys(titles: titles)
        for i in 0..<titles.count {
            XCTAssertTrue(keys.mayContain(i, TitleFilterKeys.fold(" \(i).")), "\(i)")
            XCTAssertFalse(keys.mayContain(i, TitleFilterKeys.fold(" \(i + 1).")), "\(i)")
            XCTAssertEqual(keys.isExact(i), i % 7 != 0, "\(i)")
        }
    }

    func testAWordIsLookedForInEachDistinctFolderOnce() {
        let keys = TitleFilterKeys(titles: ["a", "b", "c", "d"], folders: ["2026/03", "2026/04", "2026/03", ""])
        let words = [TitleFilterKeys.fold("2026/03"), TitleFilterKeys.fold("2026")]
        let matches = keys.folderMatches(words)
        XCTAssertEqual(matches.count, 3, "three distinct folders, the empty one included")
        XCTAssertEqual((0..<4).map { keys.folderMayContain($0, word: 0, in: matches) }, [true, false, true, false])
        XCTAssertEqual((0..<4).map { keys.folderMayContain($0, word: 1, in: matches) }, [true, true, true, false])
        XCTAssertFalse(keys.folderMayContain(4, word: 0, in: matches), "no such entry")
    }

    func testEdges() {
        XCTAssertTrue(keys.mayContain(5, []), "an empty word holds everywhere")
        XCTAssertFalse(keys.mayContain(5, TitleFilterKeys.fold("a")), "an empty title holds no word")
        XCTAssertFalse(keys.mayContain(6, TitleFilterKeys.fold("a")), "no such entry")
        XCTAssertTrue(TitleFilterKeys.mayContain(TitleFilterKeys.fold("2026/03"), TitleFilterKeys.fold("2026/0")))
    }

    /// Every title the exact fold matches passes the first pass (case folded away there, kept by the
    /// exact match when the filter has a capital).
    func testTheFirstPassIsNeverNarrowerThanTheExactMatch() {
        let titles = ["Ölpreis STEIGT", "café crème", "ǅemal", "Straße", "ΣΊΣΥΦΟΣ", "がっこう", "İstanbul"]
        let keys = TitleFilterKeys(titles: titles)
        for (i, title) in titles.enumerated() {
            for query in [
                "ÖL", "Öl", "oel", "CAFÉ", "Cafe", "ǆ", "ǅ", "SS", "strasse", "σίσυφος", "Σ", "か", "が", "i̇stanbul", "İ",
            ] {
                var fold = TextFold(for: query)
                let exact = fold.fold(title).contains(fold.fold(query))
                if exact {
                    XCTAssertTrue(keys.mayContain(i, TitleFilterKeys.fold(query)), "\(query) in \(title)")
                }
            }
        }
    }
}
