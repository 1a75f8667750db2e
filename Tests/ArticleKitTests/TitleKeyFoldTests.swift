import ArticleKit
import XCTest

/// TitleKey shares case, quotes, dashes and spaces with the search fold, but not its accent folding:
/// a PREV/NEXT line names one article.
final class TitleKeyFoldTests: XCTestCase {
    func testFullCaseFolding() {
        // Lowercasing alone left these apart.
        XCTAssertEqual(TitleKey("Die Straße"), TitleKey("DIE STRASSE"))
        XCTAssertEqual(TitleKey("ΟΔΟΣ"), TitleKey("οδος"))
        XCTAssertEqual(TitleKey("ΟΔΌΣ"), TitleKey("οδός"))
        XCTAssertEqual(TitleKey("ﬁn"), TitleKey("FIN"))
        XCTAssertEqual(TitleKey("ÉTÉ À PARIS"), TitleKey("été à paris"))
    }

    /// TitleKey lowercases first and folds only what `mayFoldBeyondLowercase` names: it must name every
    /// scalar that lowercasing leaves and case folding changes.
    func testEveryScalarFoldingBeyondLowercaseIsNamed() {
        var named = 0
        for value in UInt32(0)..<0x11_0000 {
            guard let u = Unicode.Scalar(value), u.properties.lowercaseMapping.unicodeScalars.elementsEqual([u]),
                u.properties.changesWhenCaseFolded
            else { continue }
            named += 1
            XCTAssertTrue(FoldRules.mayFoldBeyondLowercase(u), "U+\(String(value, radix: 16))")
        }
        XCTAssertGreaterThan(named, 100)
        XCTAssertEqual(TitleKey("ᾷ"), TitleKey("ᾶι"))
    }

    func testAccentsAndLettersStillCount() {
        XCTAssertNotEqual(TitleKey("Resume"), TitleKey("Résumé"))
        XCTAssertNotEqual(TitleKey("Đà Nẵng"), TitleKey("Da Nang"))
        XCTAssertNotEqual(TitleKey("が"), TitleKey("か"))
        // Case folding keeps the dotless ı apart (the search fold does not).
        XCTAssertNotEqual(TitleKey("kapı"), TitleKey("kapi"))
        XCTAssertEqual(TitleKey("İstanbul"), TitleKey("i\u{0307}stanbul"))
        // No compatibility folding either: fullwidth letters are other characters in a title.
        XCTAssertNotEqual(TitleKey("ＡＢＣ"), TitleKey("ABC"))
    }

    func testSharedPunctuationAndSpaces() {
        XCTAssertEqual(TitleKey("The city’s “river” – 1914—1918"), TitleKey("the city's \"river\" - 1914-1918"))
        XCTAssertEqual(TitleKey("don´t\u{00A0}stop"), TitleKey("don't stop"))
        XCTAssertEqual(TitleKey("Cafe\u{0301}"), TitleKey("Café"))
    }
}
