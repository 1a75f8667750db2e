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
        XCTAssertEqual(c.entries.count, 10)
        let chains = ChainBuilder.build(c).chains
        XCTAssertEqual(chains.count, 1)
        XCTAssertEqual(chains[0].entries, Array(0..<names.count))
        let dangling = CollectionChecker.diagnostics(c).filter { $0.kind == "dangling" }
        XCTAssertEqual(dangling.count, 1)
        for i in c.entries.indices {
            let article = try library.article(i).get()
            XCTAssertGreaterThanOrEqual(article.headings.count, 2, article.title)
        }
        // No link goes one way only: the chain reads through the formats in both directions.
        XCTAssertEqual(CollectionChecker.diagnostics(c).filter { $0.kind != "dangling" }.map(\.message), [])
    }

    /// The page and the note are read in their own formats (the names carry .html and .md), with
    /// the kinds of blocks each format has, and sub-sections under sections.
    func testTheBuiltInPageAndNoteAreReadAsHTMLAndMarkdown() throws {
        let files = BuiltInArticles.all.map { ($0.fileName, $0.text) }
        let library = memoryLibrary(files)
        var formats: [String: ArticleFormatName] = [:]
        for (i, (name, _)) in files.enumerated() {
            formats[name] = try library.article(i).get().meta.format
        }
        XCTAssertEqual(formats.values.filter { $0 == .text }.count, 8)
        let page = try XCTUnwrap(files.firstIndex { $0.0.hasSuffix(".html") })
        let note = try XCTUnwrap(files.firstIndex { $0.0.hasSuffix(".md") })
        XCTAssertEqual(formats[files[page].0], .html)
        XCTAssertEqual(formats[files[note].0], .markdown)

        let html = try library.article(page).get()
        XCTAssertEqual(html.title, "Keepers’ Logbooks From the Point Lighthouse Go Online")
        XCTAssertEqual(html.meta.author, "Hana Lindqvist")
        XCTAssertEqual(html.meta.url, "https://gazette.example/pages/lighthouse-logbooks")
        XCTAssertEqual(
            html.sections.compactMap { s in s.heading.map { "\(s.level) \($0)" } },
            [
                "1 A Daily Record of the Sea", "2 What the Volunteers Found", "1 Reading the Logbooks",
                "2 The Collection in Numbers",
            ])
        let htmlKinds = Set(html.sections.flatMap { s in s.paragraphs.indices.map { s.kind($0) } })
        for kind in [BlockKind.text, .listItem, .quote, .code, .tableRow, .caption] {
            XCTAssertTrue(htmlKinds.contains(kind), "the page has no \(kind.rawValue) block")
        }
        let all = html.sections.flatMap(\.paragraphs).joined(separator: "\n")
        XCTAssertFalse(all.contains("Home"), "the site menu is not the article")
        XCTAssertFalse(all.contains("More from the coast") || all.contains("Harbour crane"), "nor the related list")
        XCTAssertFalse(all.contains("font-family"), "nor the style")

        let md = try library.article(note).get()
        XCTAssertEqual(md.title, "A Repair Café Moves Into the Old Fire Station")
        XCTAssertEqual(md.meta.author, "Tomasz Reid")
        XCTAssertEqual(
            md.sections.compactMap { s in s.heading.map { "\(s.level) \($0)" } },
            ["1 Why the Fire Station", "2 What the Benches Take", "1 How a Visit Works", "2 Opening Hours"])
        let mdKinds = Set(md.sections.flatMap { s in s.paragraphs.indices.map { s.kind($0) } })
        for kind in [BlockKind.text, .listItem, .quote, .code] {
            XCTAssertTrue(mdKinds.contains(kind), "the note has no \(kind.rawValue) block")
        }
        let mdText = md.sections.flatMap(\.paragraphs)
        XCTAssertTrue(mdText.contains { $0.contains("The first workbench in the engine bay") }, "the figure's caption")
        XCTAssertTrue(mdText.contains { $0.contains("Wednesday") && $0.contains("18:00–20:00") }, "the table's rows")
    }
}
