import XCTest

@testable import ArticleKit

/// The titles folded once for the article list's filter: a first pass that must never miss a title the
/// filter's own fold matches, nor match across two titles.
final class TitleFilterKeysTests: XCTestCase {
    private let keys = TitleFilterKeys(titles: ["La Bibliothèque de Lyon", "ab", "cd", "Im Schwarzwald zählen", "東京の天気", ""])

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
            for query in ["ÖL", "Öl", "oel", "CAFÉ", "Cafe", "ǆ", "ǅ", "SS", "strasse", "σίσυφος", "Σ", "か", "が", "i̇stanbul", "İ"] {
                var fold = TextFold(for: query)
                let exact = fold.fold(title).contains(fold.fold(query))
                if exact {
                    XCTAssertTrue(keys.mayContain(i, TitleFilterKeys.fold(query)), "\(query) in \(title)")
                }
            }
        }
    }
}
