import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// Saved web pages (docs/HTML.md): pages written for these tests in the shape real news pages have
/// (navigation, a cookie banner, share buttons, the article, a "related" list, comments, a footer),
/// in several languages and charsets, read through the format seam.
final class HTMLFormatTests: XCTestCase {

    func read(_ html: String, source: String = "page.html") throws -> Article {
        try HTMLFormat().parse(Array(html.utf8), source: source)
    }

    /// Every block as "kind: text", headings as "## heading" by level.
    func outline(_ a: Article) -> [String] { articleOutline(a) }

    func allText(_ a: Article) -> String { outline(a).joined(separator: "\n") }

    static let harbourPage = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Harbour cranes fall silent as dockers strike | The Northern Courier</title>
        <meta property="og:title" content="Harbour cranes fall silent as dockers strike">
        <meta property="og:site_name" content="The Northern Courier">
        <meta name="author" content="Mara Lindqvist">
        <meta property="article:published_time" content="2026-11-28T07:15:00Z">
        <link rel="canonical" href="https://courier.example/news/2026/harbour-strike">
        <link rel="prev" href="/news/2026/harbour-talks">
        <link rel="next" href="https://courier.example/news/2026/harbour-deal/">
        <script>window.dataLayer = [{"page": "article"}]; document.write("<p>never shown</p>");</script>
        <style>.x { color: red } p::after { content: "never shown" }</style>
        </head><body>
        <div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p>
        <button>Accept</button></div>
        <header class="site-header"><a href="/">The Northern Courier</a>
        <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
        <li><a href="/culture">Culture</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
        <main>
        <article class="article">
        <h1>Harbour cranes fall silent as dockers strike</h1>
        <div class="article-share"><a href="https://share.example/fb">Share on Facebook</a>
        <a href="https://share.example/x">Share on X</a></div>
        <div class="article-body">
        <p>The cranes of the northern harbour stood still on Friday morning, as more than two thousand
        dockers walked out over a pay offer that the union called an insult to the people who keep the
        port running through the winter storms.</p>
        <p>Ships waiting to unload lay at anchor beyond the breakwater, their lights visible from the
        promenade, while lorry drivers queued along the ring road for gates that would not open.</p>
        <h2>What the union wants</h2>
        <p>The union asks for a rise of six per cent, in line with prices, and for the night shifts to be
        paid at the rate agreed three years ago, which the port authority says it can no longer afford.</p>
        <ul><li>Six per cent on the basic wage</li><li>Night shifts paid at the 2023 rate</li>
        <li>No compulsory overtime during storms</li></ul>
        <h3>The employers' answer</h3>
        <p>The port authority offered three per cent and a one-off payment, and said that the strike would
        cost the regional economy several million a day if it lasted beyond the weekend.</p>
        <blockquote><p>We will not be the ones who pay for the crisis twice.</p></blockquote>
        <figure><img src="cranes.jpg" alt="Cranes"><figcaption>Idle cranes at the container terminal on
        Friday.</figcaption></figure>
        <h2>Cargo that cannot wait</h2>
        <p>Fresh produce and medicines were moved to the southern terminal, where a smaller crew kept one
        berth open under an agreement reached late on Thursday night.</p>
        <table><tr><th>Terminal</th><th>Ships waiting</th></tr><tr><td>North</td><td>14</td></tr>
        <tr><td>South</td><td>3</td></tr></table>
        <pre>berth  status
        N1     closed
        S4     open</pre>
        </div>
        </article>
        <aside class="related"><h2>Related articles</h2><ul>
        <li><a href="/news/a">Port traffic hits record high</a></li>
        <li><a href="/news/b">Union elects new leader</a></li>
        <li><a href="/news/c">Storm season costs rise</a></li></ul></aside>
        <section id="comments" class="comments"><h2>Comments</h2>
        <div class="comment"><p>Reader42: About time somebody stood up to them, and I say that as a shipper.</p></div>
        </section>
        </main>
        <footer class="site-footer"><p>© 2026 The Northern Courier. All rights reserved. Imprint. Privacy.</p></footer>
        </body></html>
        """

    func testANewsPageReadsAsItsArticleAlone() throws {
        let a = try read(Self.harbourPage)
        XCTAssertEqual(a.title, "Harbour cranes fall silent as dockers strike")
        XCTAssertEqual(a.meta.format, .html)
        XCTAssertEqual(a.meta.author, "Mara Lindqvist")
        XCTAssertEqual(a.meta.date, "2026-11-28T07:15:00Z")
        XCTAssertEqual(a.meta.url, "https://courier.example/news/2026/harbour-strike")
        XCTAssertEqual(a.meta.previousURL, "https://courier.example/news/2026/harbour-talks")
        XCTAssertEqual(a.meta.nextURL, "https://courier.example/news/2026/harbour-deal/")
        let text = allText(a)
        for furniture in [
            "cookies", "Share on", "Sport", "Related articles", "Port traffic", "Reader42", "All rights reserved",
            "never shown", "dataLayer", "color: red",
        ] {
            XCTAssertFalse(text.contains(furniture), "furniture shown: \(furniture)\n\(text)")
        }
        XCTAssertEqual(
            a.sections.compactMap(\.heading),
            ["What the union wants", "The employers' answer", "Cargo that cannot wait"])
        XCTAssertEqual(a.sections.map(\.level), [1, 1, 2, 1])
        let lines = outline(a)
        XCTAssertTrue(lines[0].hasPrefix("text: The cranes of the northern harbour stood still"), lines[0])
        XCTAssertTrue(lines.contains("list-item: • Six per cent on the basic wage"), text)
        XCTAssertTrue(lines.contains("quote: We will not be the ones who pay for the crisis twice."), text)
        XCTAssertTrue(lines.contains("caption: Idle cranes at the container terminal on Friday."), text)
        XCTAssertTrue(lines.contains("table-row: Terminal | Ships waiting"), text)
        XCTAssertTrue(lines.contains("table-row: North | 14"), text)
        XCTAssertTrue(lines.contains("code: berth  status\nN1     closed\nS4     open"), text)
        // The title is the title, not repeated as the first heading.
        XCTAssertFalse(lines.contains { $0.hasSuffix("Harbour cranes fall silent as dockers strike") })
    }

    func testTheSeamPicksHTMLByExtensionAndBySniffing() throws {
        let bytes = Array(Self.harbourPage.utf8)
        XCTAssertEqual(FormatChooser.format(source: "a/page.HTM", head: bytes), .html)
        XCTAssertEqual(FormatChooser.format(source: "a/page", head: bytes), .html)
        XCTAssertEqual(FormatChooser.format(source: "a/page.txt", head: bytes), .text)
        XCTAssertEqual(FormatChooser.format(source: "a/page", head: Array("<!-- saved -->\n<html><body>".utf8)), .html)
        XCTAssertEqual(FormatChooser.format(source: "a/notes", head: Array("Title\n\n-\n\nBody".utf8)), .text)
        let a = try ArticleParser().parse(bytes, source: "saved-page")
        XCTAssertEqual(a.title, "Harbour cranes fall silent as dockers strike")
    }

    // MARK: charsets

    func testADeclaredLegacyCharsetIsConverted() throws {
        // German in windows-1252: ä ö ü ß and the euro sign as single bytes.
        let head = "<html><head><meta charset=\"windows-1252\"><title>Preise steigen</title></head><body><article>"
        var bytes = Array(head.utf8)
        bytes += [0x3C, 0x70, 0x3E]  // <p>
        bytes +=
            Array("Die Gr".utf8) + [0xF6] + Array("".utf8) + [0xDF] + Array("e der Br".utf8) + [0xFC]
            + Array("cke kostet 40 ".utf8) + [0x80] + Array(" mehr als geplant, sagt das Bauamt der Stadt.".utf8)
        bytes += Array("</p></article></body></html>".utf8)
        let a = try HTMLFormat().parse(bytes, source: "preise.html")
        XCTAssertEqual(
            a.sections.first?.paragraphs.first,
            "Die Größe der Brücke kostet 40 € mehr als geplant, sagt das Bauamt der Stadt.")
        XCTAssertEqual(a.warnings, [])
    }

    func testShiftJISAndEUCKRPagesAreConverted() throws {
        for (charset, text) in [
            ("shift_jis", "港のクレーンが止まった。労働組合は賃上げを求めている。"), ("euc-kr", "항구의 크레인이 멈췄다. 노조는 임금 인상을 요구한다."),
        ] {
            let cd = iconv_open(HTMLCharset.canonical(charset), "UTF-8")
            XCTAssertNotEqual(cd, iconv_t(bitPattern: -1))
            iconv_close(cd)
            let encoded = try XCTUnwrap(convert(text, to: HTMLCharset.canonical(charset)))
            let bytes =
                Array(
                    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(charset)\"><title>t</title></head><body><p>"
                        .utf8) + encoded + Array("</p></body></html>".utf8)
            let a = try HTMLFormat().parse(bytes, source: "p.html")
            XCTAssertEqual(a.sections.first?.paragraphs.first, text, charset)
        }
    }

    func testAUTF8PageMislabelledAsLatin1IsReadAsUTF8() throws {
        let html =
            "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body><p>Der Bürgermeister eröffnet das Café am Hafen.</p></body></html>"
        let a = try read(html)
        XCTAssertEqual(a.sections.first?.paragraphs.first, "Der Bürgermeister eröffnet das Café am Hafen.")
        XCTAssertTrue(a.warnings.contains { $0.contains("read as UTF-8") }, "\(a.warnings)")
    }

    func testUndeclaredLegacyBytesAndC1ReferencesReadAsWindows1252() throws {
        var bytes = Array("<html><body><p>".utf8)
        bytes += [0x93] + Array("Quoted".utf8) + [0x94] + Array(" and caf".utf8) + [0xE9]
        bytes += Array(" &#150; &#147;ok&#148;</p></body></html>".utf8)
        let a = try HTMLFormat().parse(bytes, source: "p.html")
        XCTAssertEqual(a.sections.first?.paragraphs.first, "“Quoted” and café – “ok”")
    }

    // MARK: titles

    func testTitleWithoutTheSiteName() {
        XCTAssertEqual(
            TitleChooser.withoutSiteName("Harbour cranes stop | The Courier", site: "The Courier"),
            "Harbour cranes stop")
        XCTAssertEqual(
            TitleChooser.withoutSiteName("The Courier - Harbour cranes stop", site: "The Courier"),
            "Harbour cranes stop")
        XCTAssertEqual(TitleChooser.withoutSiteName("Harbour cranes stop – Courier", site: nil), "Harbour cranes stop")
        XCTAssertEqual(TitleChooser.withoutSiteName("No separator here", site: nil), "No separator here")
    }

    func testTitleFromStructuredDataWhenThereIsNoHeading() throws {
        let html = """
            <html><head><title>Home | Courier</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"Ferry timetable changes for winter","author":{"@type":"Person","name":"Jon Aas"},
            "datePublished":"2026-10-01"}</script></head>
            <body><div class="content"><p>From Monday the ferry to the islands leaves an hour earlier, the
            operator said, and the last evening crossing is cancelled until March.</p></div></body></html>
            """
        let a = try read(html)
        XCTAssertEqual(a.title, "Ferry timetable changes for winter")
        XCTAssertEqual(a.meta.author, "Jon Aas")
        XCTAssertEqual(a.meta.date, "2026-10-01")
    }

    // MARK: links across a collection

    func testPagesChainByTheirAddresses() throws {
        func page(_ slug: String, _ title: String, prev: String?, next: String?) -> String {
            """
            <html><head><title>\(title)</title><link rel="canonical" href="https://courier.example/\(slug)">
            \(prev.map { "<link rel=\"prev\" href=\"\($0)\">" } ?? "")\(next.map { "<link rel=\"next\" href=\"\($0)\">" } ?? "")
            </head><body><article><h1>\(title)</h1><p>The story goes on, day by day, as the strike at the northern
            harbour continues into its second week.</p></article></body></html>
            """
        }
        let tmp = try temporaryFolder("html-chain")
        tmp.write(
            "b.html", Array(page("day-2", "Day two", prev: "/day-1", next: "https://www.courier.example/day-3/").utf8))
        tmp.write("a.html", Array(page("day-1", "Day one", prev: nil, next: "day-2").utf8))
        tmp.write("c.html", Array(page("day-3", "Day three", prev: "http://courier.example/day-2#top", next: nil).utf8))
        let collection = try CollectionLoader().collection(ofFolder: tmp.path)
        XCTAssertEqual(collection.entries.map(\.links.title), ["Day one", "Day two", "Day three"])
        let chains = ChainBuilder.build(collection).chains
        XCTAssertEqual(chains.map(\.entries), [[0, 1, 2]])
        XCTAssertEqual(collection.link(1, .next)?.title, "Day three")
        XCTAssertEqual(collection.link(1, .previous)?.target, 0)
    }

    func testAddressesCompareWithoutSchemeWwwSlashOrFragment() {
        XCTAssertEqual(PageAddress("https://www.Example.com/a/b/#top"), PageAddress("http://example.com/a/b"))
        XCTAssertNotEqual(PageAddress("https://example.com/a"), PageAddress("https://example.com/b"))
        XCTAssertNil(PageAddress("/relative/only"))
        XCTAssertEqual(PageAddress.resolve("../c", against: "https://x.example/a/b/page"), "https://x.example/a/c")
        XCTAssertEqual(PageAddress.resolve("/d", against: "https://x.example/a/b"), "https://x.example/d")
        XCTAssertNil(PageAddress.resolve("javascript:void(0)", against: "https://x.example/"))
    }

    // MARK: bad input

    func testBadPagesGetAReasonOrTheBestReading() throws {
        XCTAssertThrowsError(try HTMLFormat().parse([], source: "e.html")) {
            XCTAssertEqual($0 as? ArticleError, .empty(path: "e.html"))
        }
        XCTAssertThrowsError(
            try HTMLFormat().parse(
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 600), source: "img.html"
            )
        ) {
            XCTAssertEqual($0 as? ArticleError, .binary(path: "img.html"))
        }
        // Only script: nothing to read, and it says so.
        XCTAssertThrowsError(
            try read("<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>")
        ) { XCTAssertEqual($0 as? ArticleError, .noText(path: "page.html")) }
        // Misnested and unclosed tags, a NUL, an escape sequence: read, and nothing unsafe comes out.
        let messy =
            "<html><body><div><p>First <b>bold <i>both</b> italic</i> words\u{0}here \u{1B}[31mred\u{1B}[0m<p>Second paragraph with <a href=x>a link"
        let a = try read(messy)
        let text = allText(a)
        XCTAssertTrue(text.contains("First bold both italic words"), text)
        XCTAssertTrue(text.contains("Second paragraph"), text)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, text)
    }

    func testDeepNestingIsReadAsFarAsItGoesWithAWarning() throws {
        let depth = 100_000
        let html =
            "<html><head><title>Deep</title></head><body><p>Before the nesting, the page has a paragraph of text.</p>"
            + String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth)
            + "</body></html>"
        let a = try read(html)
        XCTAssertEqual(a.title, "Deep")
        XCTAssertTrue(allText(a).contains("Before the nesting"), allText(a))
        XCTAssertTrue(a.warnings.contains { $0.contains("nested deeper than") }, "\(a.warnings)")
    }

    func testMisnestedInlineTagsStayFast() throws {
        // Quadratic in libxml2 without a depth limit (19 s for this page with XML_PARSE_HUGE).
        let html = "<html><body>" + String(repeating: "<b><i>x</p>", count: 50_000) + "</body></html>"
        let start = Date()
        _ = try? read(html)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "a bound far above its time, for a shared machine")
    }

    private func convert(_ text: String, to charset: String) -> [UInt8]? {
        let cd = iconv_open(charset, "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 4)
        var produced = 0
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                produced = outBuf.count - outLeft
            }
        }
        return Array(output.prefix(produced))
    }
}

/// Pages read whole by a scan are kept once for a command that reads them next.
final class ParsedArticlesTests: XCTestCase {
    func testAScannedPageIsHandedOutOnceAndTheBudgetHolds() throws {
        let tmp = try temporaryFolder("parsed")
        tmp.write("a.html", Array(HTMLFormatTests.harbourPage.utf8))
        tmp.write("b.html", Array(HTMLFormatTests.harbourPage.utf8))
        var loader = CollectionLoader()
        loader.parsed = ParsedArticles(budget: HTMLFormatTests.harbourPage.utf8.count)
        let (library, selected, _) = try ArticleLibrary.open(paths: [tmp.path], loader: loader)
        XCTAssertEqual(selected.count, 2)
        // One page fits the budget: it is kept, the other is read again; both read the same.
        let kept = try XCTUnwrap(library.parsed)
        let first = try library.article(0).get()
        XCTAssertNil(kept.take(library.collection.entries[0].source))
        XCTAssertNil(kept.take(library.collection.entries[1].source))
        XCTAssertEqual(first.title, try library.article(1).get().title)
        XCTAssertEqual(first.sections, try library.article(0).get().sections)
    }
}
