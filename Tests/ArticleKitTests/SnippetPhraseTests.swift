import ArticleKit
import XCTest

/// A phrase's snippet and offset point at the phrase, not at its first word elsewhere (issue 20): the
/// offset is what `search --json` gives, the place in `gazette dump --width 0`.
final class SnippetPhraseTests: XCTestCase {
    func article(_ paragraphs: [String]) -> Article {
        Article(
            title: "Browsers", sections: [Section(heading: nil, paragraphs: paragraphs)], previousTitle: nil,
            nextTitle: nil, source: "a.txt")
    }

    func testAPhrasesOffsetIsWhereThePhraseStands() throws {
        let text = "Firefox is a browser, and nightly builds are common. The Firefox Nightly channel ships daily."
        let query = try SearchQuery.parse("\"firefox nightly\"")
        let snippet = try XCTUnwrap(SnippetCutter(query: query).cut(article([text]), section: 0))
        let expected = text.utf8.count - "Firefox Nightly channel ships daily.".utf8.count
        XCTAssertEqual(snippet.offset, expected)
        XCTAssertEqual(snippet.term, "firefox nightly")
    }

    func testAParagraphWithThePhraseWholeIsPreferred() throws {
        let query = try SearchQuery.parse("\"firefox nightly\"")
        let apart = "Firefox came first; nightly builds came later."
        let whole = "Testers run Firefox, Nightly, every day."
        let snippet = try XCTUnwrap(SnippetCutter(query: query).cut(article([apart, whole]), section: 0))
        XCTAssertEqual(snippet.place, .paragraph(1))
        XCTAssertEqual(snippet.offset, "Testers run ".utf8.count, "punctuation between the words is no gap")
    }

    func testWordsStillGoToTheFirstWord() throws {
        let text = "Firefox is a browser. The Firefox Nightly channel ships daily."
        let snippet = try XCTUnwrap(
            SnippetCutter(query: try SearchQuery.parse("firefox nightly")).cut(article([text]), section: 0))
        XCTAssertEqual(snippet.offset, 0)
    }
}
