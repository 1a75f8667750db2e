import ArticleKit
import XCTest

@testable import ReaderCore

/// `/` and the article list match through `TextFold`: accents, quotes and dashes never count, case only
/// when the query has a capital; and a match highlights the original characters it came from.
final class FoldedSearchTests: XCTestCase {
    private func layout(_ paragraphs: [String], width: Int = 80) -> ArticleLayout {
        let article = Article(
            title: "Title", sections: [Section(heading: nil, paragraphs: paragraphs)],
            previousTitle: nil, nextTitle: nil, source: "test")
        return ArticleLayout.make(article, footer: [], width: width)
    }

    /// The text each match highlights, span by span, cut from the layout by display columns.
    private func highlighted(_ query: String, in layout: ArticleLayout) -> [[String]] {
        SearchState.find(query, in: layout).map { match in
            match.spans.map { span in
                var column = 0
                var out = ""
                for c in layout.lines[span.line].text {
                    if column >= span.from && column < span.to { out.append(c) }
                    column += DisplayWidth.of(c)
                }
                return out
            }
        }
    }

    func testAccentsQuotesAndDashesAreIgnored() {
        let l = layout(["Freiwillige zählen die Glühwürmchen.", "The city’s bridge, built 1914–1918."])
        XCTAssertEqual(highlighted("zahlen", in: l), [["zählen"]])
        XCTAssertEqual(highlighted("gluhwurm", in: l), [["Glühwürm"]])
        XCTAssertEqual(highlighted("city's", in: l), [["city’s"]])
        XCTAssertEqual(highlighted("1914-1918", in: l), [["1914–1918"]])
    }

    func testSmartCase() {
        let l = layout(["Paris, paris et PARIS; Pâris aussi."])
        XCTAssertEqual(highlighted("paris", in: l).count, 4)
        XCTAssertEqual(highlighted("Paris", in: l), [["Paris"], ["Pâris"]])
        XCTAssertEqual(highlighted("PARIS", in: l), [["PARIS"]])
    }

    func testAMatchAcrossAWrappedLineHasASpanOnEach() {
        let l = layout(["aaaa bbbb cccc Grüße dddd"], width: 14)
        let matches = SearchState.find("cccc grusse", in: l)
        XCTAssertEqual(matches.count, 1)
        XCTAssertEqual(matches.first?.spans.count, 2)
        XCTAssertEqual(highlighted("cccc grusse", in: l), [["cccc", "Grüße"]])
    }

    func testColumnsOfWideAndCombiningCharacters() {
        let l = layout(["古い活字を洗う", "Cafe\u{0301} noir"])
        let wide = SearchState.find("活字", in: l)
        XCTAssertEqual(wide.map(\.spans), [[SearchState.Span(line: 2, from: 4, to: 8)]])
        // The decomposed é is one column, taken whole.
        let cafe = SearchState.find("cafe", in: l)
        XCTAssertEqual(cafe.map(\.spans), [[SearchState.Span(line: 4, from: 0, to: 4)]])
        XCTAssertEqual(highlighted("noir", in: l), [["noir"]])
    }

    func testEachLayoutIsSearchedInItsOwnText() {
        // The folded blocks are kept between searches: another layout must not be answered from them.
        let first = layout(["une bibliothèque"])
        let second = layout(["zwei Bibliotheken und eine Bibliothek"])
        XCTAssertEqual(highlighted("biblioth", in: first), [["biblioth"]])
        XCTAssertEqual(highlighted("biblioth", in: second), [["Biblioth"], ["Biblioth"]])
        XCTAssertEqual(highlighted("Biblioth", in: first), [])
        XCTAssertEqual(highlighted("biblioth", in: first).count, 1)
    }

    func testTheArticleListFilterFolds() {
        let titles = [
            "La Bibliothèque de Lyon", "The city’s river", "Im Schwarzwald zählen Freiwillige",
            "The war of 1914–1918",
        ]
        let files = titles.enumerated().map { i, title in
            (name: "0\(i)_a.txt", text: "\(title)\n\n-\n\nSome words about \(title).\n\n-\n")
        }
        let store = MemoryStore(files)
        let library = ArticleLibrary(
            collection: CollectionLoader(store: store).collection(of: files.map(\.name)),
            store: store)
        func filtered(_ filter: String) -> [Int] {
            var state = ReaderState(library: library, start: 0, width: 60, height: 12)
            state.press(.character("l"), .character("/"))
            state.type(filter)
            guard case .list(let list) = state.overlay else { XCTFail("list closed"); return [] }
            return list.matches
        }
        XCTAssertEqual(filtered("bibliotheque"), [0])
        XCTAssertEqual(filtered("city's"), [1])
        XCTAssertEqual(filtered("zahlen"), [2])
        XCTAssertEqual(filtered("1914-1918"), [3])
        XCTAssertEqual(filtered("the river"), [1])
        XCTAssertEqual(filtered("The"), [1, 3])
        XCTAssertEqual(filtered("THE"), [])
    }
}
