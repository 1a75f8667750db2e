import ArticleKit
import Foundation
import GazetteTestSupport
import Reports
import XCTest

/// `toc --json` and `toc` for articles with levels, block kinds and what a page says of itself, and the
/// shape plain text keeps.
final class TocReportTests: XCTestCase {
    func object(_ article: Article) throws -> [String: Any] {
        let line = TocReport.json(article, links: nil, collection: nil).serialized
        XCTAssertFalse(line.contains("\n"), "one JSON line")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static func page() -> Article {
        var lede = Section(heading: nil, paragraphs: [])
        lede.append("The harbour line runs again at night.")
        var timetable = Section(heading: "The timetable", paragraphs: [], level: 2)
        timetable.append("Trams run every twenty minutes.")
        timetable.append("• From midnight", kind: .listItem)
        timetable.append("Stop  First\nHarbour  00:10", kind: .code)
        timetable.append("Line | From | To", kind: .tableRow)
        timetable.append("The depot at night.", kind: .caption)
        timetable.append("Said the director.", kind: .quote)
        timetable.append("By Ada Lovelace", kind: .byline)
        return Article(
            title: "Night trams", sections: [lede, timetable], previousTitle: nil, nextTitle: nil, source: "page.html",
            meta: ArticleMeta(
                format: .html, url: "https://news.example/trams", author: "Ada Lovelace", date: "2026-11-30"))
    }

    func testLevelsKindsAndTheArticlesMeta() throws {
        let o = try object(Self.page())
        XCTAssertEqual(o["title"] as? String, "Night trams")
        XCTAssertEqual(o["format"] as? String, "html")
        XCTAssertEqual(o["url"] as? String, "https://news.example/trams")
        XCTAssertEqual(o["author"] as? String, "Ada Lovelace")
        XCTAssertEqual(o["date"] as? String, "2026-11-30")
        let sections = try XCTUnwrap(o["sections"] as? [[String: Any]])
        XCTAssertEqual(sections.count, 2)
        XCTAssertTrue(sections[0]["heading"] is NSNull)
        XCTAssertEqual(sections[0]["level"] as? Int, 1)
        XCTAssertNil(sections[0]["kinds"], "a section of body text alone has no kinds")
        XCTAssertEqual(sections[1]["heading"] as? String, "The timetable")
        XCTAssertEqual(sections[1]["level"] as? Int, 2)
        let paragraphs = try XCTUnwrap(sections[1]["paragraphs"] as? [String])
        let kinds = try XCTUnwrap(sections[1]["kinds"] as? [String])
        XCTAssertEqual(kinds.count, paragraphs.count, "kinds are parallel to paragraphs")
        XCTAssertEqual(kinds, ["text", "list-item", "code", "table-row", "caption", "quote", "byline"])
        XCTAssertEqual(paragraphs[2], "Stop  First\nHarbour  00:10", "code keeps its lines")
        // What the dev set's score.py reads: the title, each section's heading and paragraphs, as text.
        let text = sections.flatMap { s in [s["heading"] as? String].compactMap { $0 } + (s["paragraphs"] as! [String])
        }
        XCTAssertEqual(text.first, "The harbour line runs again at night.")
        XCTAssertTrue(text.contains("The timetable"))
    }

    func testPlainTextKeepsItsShape() throws {
        let article = try Fixture.spaced(
            "Harbour trams return", [paragraph("Lede."), "Why the service came back", paragraph("Body.")]
        ).parse()
        let o = try object(article)
        XCTAssertEqual(
            Set(o.keys), ["file", "title", "format", "sections", "prev", "next", "warnings"],
            "no url, author or date where there are none")
        XCTAssertEqual(o["format"] as? String, "text")
        let sections = try XCTUnwrap(o["sections"] as? [[String: Any]])
        for s in sections {
            XCTAssertEqual(Set(s.keys), ["heading", "level", "paragraphs"])
            XCTAssertEqual(s["level"] as? Int, 1)
        }
        XCTAssertEqual(sections.map { $0["heading"] as? String }, [nil, "Why the service came back"])
    }

    func testTextIndentsSubSectionsAndKeepsTheNumbers() {
        var article = Self.page()
        article.sections.append(Section(heading: "What riders can expect", paragraphs: ["Quiet cars."]))
        let lines = TocReport.text(article, links: nil, collection: nil).split(separator: "\n").map(String.init)
        XCTAssertEqual(
            Array(lines[1...3]), ["  1. (beginning)", "    2. The timetable", "  3. What riders can expect"])
    }

    /// Pages link by address, not by title: `toc` shows where such a link leads by the title of the
    /// page it resolved to (it printed `"prev": null` and "PREV: (none)" for a chain it followed).
    func testALinkByAddressIsShownByTheTitleItLeadsTo() throws {
        func page(_ slug: String, _ title: String, _ rel: String) -> String {
            """
            <html><head><title>\(title)</title><link rel="canonical" href="https://ex.example/\(slug)">\(rel)</head>
            <body><article><p>The story goes on, day by day, as the strike at the northern harbour continues.</p>
            </article></body></html>
            """
        }
        let library = memoryLibrary([
            ("a.html", page("a", "Day one", "<link rel=\"next\" href=\"/b\">")),
            ("b.html", page("b", "Day two", "<link rel=\"prev\" href=\"/a\"><link rel=\"next\" href=\"/elsewhere\">")),
        ])
        let c = library.collection
        let b = try library.article(1).get()
        let line = TocReport.json(b, links: c.resolutions[1], collection: c).serialized
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let prev = try XCTUnwrap(o["prev"] as? [String: Any], line)
        XCTAssertEqual(prev["title"] as? String, "Day one")
        XCTAssertEqual(prev["file"] as? String, "a.html")
        let next = try XCTUnwrap(o["next"] as? [String: Any], line)
        XCTAssertEqual(next["title"] as? String, "https://ex.example/elsewhere")
        XCTAssertTrue(next["file"] is NSNull)
        let text = TocReport.text(b, links: c.resolutions[1], collection: c)
        XCTAssertTrue(text.contains("PREV: Day one → a.html"), text)
        XCTAssertTrue(text.contains("NEXT: https://ex.example/elsewhere — not in this collection"), text)
    }
}
