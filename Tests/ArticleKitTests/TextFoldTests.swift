import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// The search fold, language by language, and the map from folded offsets back to the original.
final class TextFoldTests: XCTestCase {
    private func folded(_ s: String, keepingCase: Bool = false) -> String {
        TextFold.fold(s, keepingCase: keepingCase).string
    }

    /// Original UTF-8 ranges where `query` (folded for itself, smartcase) is found in `text`.
    private func find(_ query: String, in text: String) -> [Range<Int>] {
        var fold = TextFold(for: query)
        return fold.fold(text).matches(of: fold.fold(query))
    }

    /// The original text each match covers.
    private func found(_ query: String, in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return find(query, in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    func testFrench() {
        XCTAssertEqual(folded("Bibliothèque"), "bibliotheque")
        XCTAssertEqual(folded("L’Œuvre à l’été"), "l'oeuvre a l'ete")
        XCTAssertEqual(folded("FRANÇAIS, Noël"), "francais, noel")
        XCTAssertEqual(found("theque", in: "La Bibliothèque"), ["thèque"])
    }

    func testGerman() {
        XCTAssertEqual(folded("Straße"), "strasse")
        XCTAssertEqual(folded("STRAẞE"), "strasse")
        XCTAssertEqual(folded("Zählen, Öl, Übung"), "zahlen, ol, ubung")
        XCTAssertEqual(found("zahlen", in: "Freiwillige zählen"), ["zählen"])
        // ß is spelled out even when case counts: a capital in the query keeps case, not ß.
        XCTAssertEqual(folded("Straße", keepingCase: true), "Strasse")
        XCTAssertEqual(found("Strasse", in: "die Straße"), ["Straße"])
        // Part of the spelled-out ss still finds the ß, once.
        XCTAssertEqual(found("stras", in: "Straße"), ["Straß"])
        XCTAssertEqual(found("s", in: "ßs"), ["ß", "s"])
    }

    func testSpanish() {
        XCTAssertEqual(folded("¿Qué pasó en España?"), "¿que paso en espana?")
        XCTAssertEqual(folded("Ñandú"), "nandu")
        XCTAssertEqual(found("pinguino", in: "El pingüino"), ["pingüino"])
    }

    func testVietnamese() {
        XCTAssertEqual(folded("Tiếng Việt"), "tieng viet")
        // đ has a stroke, not a decomposable accent: spelled out as d.
        XCTAssertEqual(folded("Đà Nẵng"), "da nang")
        XCTAssertEqual(found("nang", in: "Thành phố Đà Nẵng"), ["Nẵng"])
    }

    func testGreek() {
        // Final sigma folds with sigma, tonos goes.
        XCTAssertEqual(folded("ΟΔΟΣ"), folded("οδός"))
        XCTAssertEqual(folded("οδός"), "οδοσ")
        // Breathings, circumflex and the iota subscript are accents on the letter.
        XCTAssertEqual(folded("Ἀθῆναι"), "αθηναι")
        XCTAssertEqual(folded("ᾳ"), "α")
        XCTAssertEqual(found("αθηνα", in: "ΑΘΗΝΑ, Ἀθήνα"), ["ΑΘΗΝΑ", "Ἀθήνα"])
    }

    func testTurkish() {
        // Locale-blind: I, ı, İ and i all meet at i, so either spelling finds the other.
        XCTAssertEqual(folded("İstanbul"), "istanbul")
        XCTAssertEqual(folded("Diyarbakır"), "diyarbakir")
        XCTAssertEqual(folded("KAPI"), folded("kapı"))
        XCTAssertEqual(found("istanbul", in: "İSTANBUL ve İstanbul"), ["İSTANBUL", "İstanbul"])
        XCTAssertEqual(found("Ispir", in: "İspir"), ["İspir"])
    }

    func testRussian() {
        XCTAssertEqual(folded("МОСКВА"), "москва")
        XCTAssertEqual(folded("Ёлка"), "елка")
        XCTAssertEqual(found("елка", in: "Новогодняя ёлка"), ["ёлка"])
    }

    func testJapanese() {
        // Voicing marks stay: が is another syllable than か, and Japanese input always types it.
        XCTAssertNotEqual(folded("が"), folded("か"))
        XCTAssertEqual(found("か", in: "がっこう"), [])
        XCTAssertEqual(found("か", in: "かがく"), ["か"])
        // The same syllable written decomposed, or in halfwidth katakana, is the same.
        XCTAssertEqual(folded("か\u{3099}"), folded("が"))
        XCTAssertEqual(found("ガス", in: "ｶﾞｽ"), ["ｶﾞｽ"])
        // Fullwidth Latin and digits are ASCII.
        XCTAssertEqual(folded("ＡＢＣ１２３"), "abc123")
        XCTAssertEqual(found("活字", in: "古い活字を"), ["活字"])
    }

    func testKorean() {
        // Syllables stay whole: the first syllable of a word does not match inside another.
        XCTAssertEqual(folded("한글"), "한글")
        XCTAssertEqual(found("하", in: "한글"), [])
        XCTAssertEqual(found("한", in: "한글"), ["한"])
        // The same word typed as conjoining jamo.
        XCTAssertEqual(folded("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}"), "한글")
    }

    func testArabic() {
        // Harakat, hamza on alef, and the tatweel go; the letters stay.
        XCTAssertEqual(folded("مُحَمَّد"), "محمد")
        XCTAssertEqual(folded("أحمد"), "احمد")
        XCTAssertEqual(folded("عـــربي"), "عربي")
        XCTAssertEqual(found("محمد", in: "قال مُحَمَّد"), ["مُحَمَّد"])
    }

    func testHebrew() {
        XCTAssertEqual(folded("שָׁלוֹם"), "שלום")
        XCTAssertEqual(found("שלום", in: "שָׁלוֹם עֲלֵיכֶם"), ["שָׁלוֹם"])
    }

    func testThai() {
        // Vowel and tone marks are letters of the word: kept, in canonical order.
        XCTAssertEqual(folded("ภาษาไทย"), "ภาษาไทย")
        XCTAssertEqual(folded("ก\u{0E38}\u{0E48}"), folded("ก\u{0E48}\u{0E38}"))
        XCTAssertEqual(found("กี", in: "กีฬา"), ["กี"])
        XCTAssertEqual(found("ก", in: "กี"), [])
    }

    func testHindi() {
        // Vowel signs and the virama are kept, and a match never splits a syllable.
        XCTAssertEqual(folded("हिन्दी"), "हिन्दी")
        XCTAssertEqual(found("हिन्दी", in: "मैं हिन्दी बोलता"), ["हिन्दी"])
        XCTAssertEqual(found("ह", in: "हिन्दी"), [])
        // The precomposed nukta letter and its decomposition are one.
        XCTAssertEqual(folded("\u{0958}"), folded("क\u{093C}"))
    }

    func testQuotesDashesAndSpaces() {
        XCTAssertEqual(folded("city’s ‘a’ ‛b′ “c” „d″"), "city's 'a' 'b' \"c\" \"d\"")
        XCTAssertEqual(folded("a‐b‑c‒d–e—f―g−h"), "a-b-c-d-e-f-g-h")
        XCTAssertEqual(folded("ʼaʹ ´b＇ ＂c＂ d－e⸺f"), "'a' 'b' \"c\" d-e-f")
        XCTAssertEqual(folded("a\u{00A0}b\u{2009}c\u{3000}d\te\u{1680}f\u{2028}g\u{85}h"), "a b c d e f g h")
        // Invisible characters go, so a soft-hyphenated word is found whole.
        XCTAssertEqual(folded("co\u{00AD}operate\u{200B}"), "cooperate")
        XCTAssertEqual(folded("ﬁne"), "fine")
        XCTAssertEqual(found("city's", in: "the city’s river"), ["city’s"])
        XCTAssertEqual(found("1914-1918", in: "war of 1914–1918"), ["1914–1918"])
    }

    func testSmartCase() {
        XCTAssertFalse(TextFold.hasCapital("zahlen"))
        XCTAssertTrue(TextFold.hasCapital("Zahlen"))
        XCTAssertTrue(TextFold.hasCapital("ÉTÉ"))
        XCTAssertFalse(TextFold.hasCapital("été 1914"))
        XCTAssertEqual(found("paris", in: "Paris, paris"), ["Paris", "paris"])
        // A capital makes case count, but accents are still ignored.
        XCTAssertEqual(found("Paris", in: "Paris, paris, Pâris"), ["Paris", "Pâris"])
    }

    func testOffsetsBackToTheOriginal() {
        // "Stra" is 4 bytes, ß 2: the ss of the fold is the ß.
        XCTAssertEqual(find("ss", in: "Straße"), [4..<6])
        // A decomposed é is one cluster: the match takes its mark too.
        XCTAssertEqual(find("cafe", in: "Cafe\u{0301} noir"), [0..<6])
        XCTAssertEqual(find("noir", in: "Cafe\u{0301} noir"), [7..<11])
        // After a dropped soft hyphen the folded text follows the original again, two bytes later.
        XCTAssertEqual(find("oop", in: "co\u{00AD}operate"), [1..<6])
        XCTAssertEqual(find("rate", in: "co\u{00AD}operate"), [7..<11])
        // Multi-byte letters that fold to letters of the same length.
        XCTAssertEqual(find("δο", in: "ΟΔΟΣ"), [2..<6])
        let folded = TextFold.fold("Bibliothèque")
        XCTAssertEqual(folded.originalRange(6..<12), 6..<13)
        XCTAssertEqual(folded.originalRange(8..<9), 8..<10)
        XCTAssertEqual(folded.originalRange(9..<12), 10..<13)
    }

    func testASCIIFoldsByteForByte() {
        let text = "The River\tand the TOWN"
        let f = TextFold.fold(text)
        XCTAssertEqual(f.string, "the river and the town")
        XCTAssertTrue(f.offsets.pieces.isEmpty)
        XCTAssertEqual(f.originalRange(4..<9), 4..<9)
    }

    /// For every run of whole characters of each sample taken as a query, every match starts and ends on
    /// a character boundary of the text, and what it covers folds to the query.
    func testEveryMatchCoversWholeCharactersThatFoldToTheQuery() {
        let samples = [
            "La Bibliothèque, l’œuvre", "Straße STRAẞE strasse", "Tiếng Việt Đà Nẵng", "ΟΔΟΣ οδός Ἀθῆναι",
            "İstanbul Diyarbakır", "Ёлка МОСКВА", "がっこう かがく ｶﾞｽ", "한글 \u{1112}\u{1161}\u{11AB}",
            "مُحَمَّد أحمد", "שָׁלוֹם", "ภาษาไทย กี", "हिन्दी क़", "co\u{00AD}op 1914–1918 ﬁne",
            "Cafe\u{0301} 👍🏽 🇮🇹",
        ]
        var checked = 0
        for text in samples {
            let characters = Array(text)
            var boundaries: Set<Int> = [0]
            var offset = 0
            for c in characters { offset += c.utf8.count; boundaries.insert(offset) }
            let bytes = Array(text.utf8)
            for start in characters.indices {
                for end in (start + 1)...min(characters.count, start + 4) {
                    let query = String(characters[start..<end])
                    var fold = TextFold(for: query)
                    let needle = fold.fold(query)
                    guard !needle.isEmpty else { continue }
                    let hits = fold.fold(text).matches(of: needle)
                    XCTAssertFalse(hits.isEmpty, "\(query) not found in \(text)")
                    for hit in hits {
                        checked += 1
                        XCTAssertTrue(
                            boundaries.contains(hit.lowerBound) && boundaries.contains(hit.upperBound),
                            "\(query) in \(text): \(hit) splits a character")
                        let covered = String(decoding: bytes[hit], as: UTF8.self)
                        XCTAssertTrue(fold.fold(covered).contains(needle), "\(query) in \(text): \(covered)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    func testEmptyAndMarkOnlyQueries() {
        XCTAssertTrue(TextFold.fold("").isEmpty)
        XCTAssertTrue(TextFold.fold("\u{0301}").isEmpty)
        XCTAssertEqual(find("x", in: ""), [])
    }
    /// The fold goes a cluster at a time, so a text's fold is its clusters' folds one after another
    /// (each folded alone, by the path a single character takes). Checked on seeded mixtures heavy in
    /// what has shortcuts: runs of ideographs (copied whole but for the last, which a mark may join),
    /// kana and accented letters (remembered per page of scalars), ASCII runs before a mark. One folder
    /// folds all of them, as the index's does.
    func testTheFoldIsEachClustersFoldInTurn() {
        let pool: [String] = [
            "中", "文", "字", "中文字", "\u{0301}", "\u{3099}", "か", "ガ", "ｶ", "é", "Ü", "ß", "a", "Z", " ", "\n",
            "서", "\u{1161}", "ห\u{0E49}", "👍🏽", "—", "𠀋", "\u{200D}", "ﬁ", "Σ", "\u{FE0F}", "〜", "。",
        ]
        var random = SeededGenerator(seed: 33)
        for keepingCase in [false, true] {
            var fold = TextFold(keepingCase: keepingCase)
            for _ in 0..<1_500 {
                let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pool.randomElement(using: &random)! }
                    .joined()
                let clusters = text.flatMap { TextFold.fold(String($0), keepingCase: keepingCase).utf8 }
                let folded = fold.fold(text)
                XCTAssertEqual(folded.utf8, clusters, text.debugDescription)
                // Each cluster's folded bytes map back to the whole cluster, no more, no less.
                var original = 0, at = 0
                for c in text {
                    let length = TextFold.fold(String(c), keepingCase: keepingCase).utf8.count
                    if length > 0 {
                        XCTAssertEqual(
                            folded.originalRange(at..<(at + length)), original..<(original + c.utf8.count),
                            "\(c.debugDescription) in \(text.debugDescription)")
                    }
                    original += c.utf8.count
                    at += length
                }
            }
        }
    }
}
