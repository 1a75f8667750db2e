import ArticleKit
import BuiltInArticles
import GazetteTestSupport
import XCTest

/// The built-in collection is what a new user sees first: one chain, one dangling link, real headings.
final class BuiltInArticlesTests: XCTestCase {
    func testOneChainWithOneDanglingLinkAndHeadings() throws {
        let names = BuiltInArticles.all.map(\.fileName)
        let library = memoryLibrary(BuiltInArticles.all.map { ($0.fileName, $0.text) })
        let c = library.collection
        XCTAssertEqual(c.failures, [])
        XCTAssertGreaterThanOrEqual(c.entries.count, 6)
        let chains = ChainBuilder.build(c).chains
        XCTAssertEqual(chains.count, 1)
        XCTAssertEqual(chains[0].entries, Array(0..<names.count))
        let dangling = CollectionChecker.diagnostics(c).filter { $0.kind == "dangling" }
        XCTAssertEqual(dangling.count, 1)
        for i in c.entries.indices {
            let article = try library.article(i).get()
            XCTAssertGreaterThanOrEqual(article.headings.count, 2, article.title)
        }
    }
}
