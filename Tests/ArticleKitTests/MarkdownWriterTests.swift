import ArticleKit
import XCTest

/// What `gazette fetch` writes reads back as what was written: headings stay headings with their
/// level, lists stay lists, quotes and code keep their kind, and text that looks like Markdown (or
/// like a PREV line) stays text.
final class MarkdownWriterTests: XCTestCase {
    func roundTrip(_ sections: [Section], front: [(key: String, value: String)], prev: String?, next: String?) throws
        -> Article
    {
        let text =
            MarkdownWriter.document(front: front, sections: sections)
            + MarkdownWriter.trailer(previous: prev, next: next)
        return try MarkdownFormat().parse(Array(text.utf8), source: "/tmp/a.md")
    }

    func testEveryKindOfBlockComesBack() throws {
        var lede = Section(heading: nil, paragraphs: [])
        lede.append("Seit Dienstag stehen die *Kräne* still — [sagt] `man` & <b>nicht</b> \\ _so_.")
        lede.append("# not a heading")
        lede.append("1984. Ein Jahr, keine Liste.")
        lede.append("- not a list either")
        lede.append("> nor a quote")
        lede.append("PREV is a word here, not a link")
        var demands = Section(heading: "Was die Gewerkschaft fordert #1", paragraphs: [], level: 1)
        demands.append("• Mehr Lohn", kind: .listItem)
        demands.append("  • für alle", kind: .listItem)
        demands.append("• Kürzere Schichten", kind: .listItem)
        demands.append("Danach:")
        demands.append("1. Erstens", kind: .listItem)
        demands.append("2. Zweitens", kind: .listItem)
        var detail = Section(heading: "活字の話", paragraphs: [], level: 2)
        detail.append("Wir bleiben hier.", kind: .quote)
        detail.append("let x = `a`\n    indented\n```\nend", kind: .code)
        detail.append("Letzter Absatz.")
        let article = try roundTrip(
            [lede, demands, detail],
            front: [
                ("title", "Kräne stehen \"still\": Streik"), ("author", "Jana Schröder"),
                ("date", "2024-05-01T06:30:00Z"), ("url", "https://hafen.example.de/k"), ("feed", "Hafenblatt"),
            ], prev: "Der vorige Artikel", next: "Fish & chips now")
        XCTAssertEqual(article.title, "Kräne stehen \"still\": Streik")
        XCTAssertEqual(article.meta.author, "Jana Schröder")
        XCTAssertEqual(article.meta.date, "2024-05-01T06:30:00Z")
        XCTAssertEqual(article.meta.url, "https://hafen.example.de/k")
        XCTAssertEqual(article.previousTitle, "Der vorige Artikel")
        XCTAssertEqual(article.nextTitle, "Fish & chips now")
        XCTAssertEqual(article.sections.map(\.heading), [nil, "Was die Gewerkschaft fordert #1", "活字の話"])
        XCTAssertEqual(article.sections.map(\.level), [1, 1, 2])
        XCTAssertEqual(article.sections[0].paragraphs, lede.paragraphs)
        XCTAssertEqual(article.sections[0].kinds.filter { $0 != .text }, [])
        XCTAssertEqual(
            article.sections[1].paragraphs,
            ["• Mehr Lohn", "  • für alle", "• Kürzere Schichten", "Danach:", "1. Erstens", "2. Zweitens"])
        XCTAssertEqual(
            (0..<6).map { article.sections[1].kind($0) },
            [.listItem, .listItem, .listItem, .text, .listItem, .listItem])
        XCTAssertEqual(article.sections[2].paragraphs, detail.paragraphs)
        XCTAssertEqual((0..<3).map { article.sections[2].kind($0) }, [.quote, .code, .text])
    }

    func testNoLinksNoTrailerAndTheTrailerAlone() throws {
        XCTAssertEqual(MarkdownWriter.trailer(previous: nil, next: nil), "")
        XCTAssertEqual(MarkdownWriter.trailer(previous: nil, next: "B"), "\n-\n\nNEXT B\n")
        var s = Section(heading: nil, paragraphs: [])
        s.append("NEXT week, more.")
        let a = try roundTrip([s], front: [("title", "Alone")], prev: nil, next: nil)
        XCTAssertNil(a.nextTitle, "a body paragraph that starts with NEXT is not a link")
        XCTAssertEqual(a.sections[0].paragraphs, ["NEXT week, more."])
    }
}
