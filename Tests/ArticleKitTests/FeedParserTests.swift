import ArticleKit
import Foundation
import XCTest

/// The feed readers on feeds written for the project: RSS 2.0 with `content:encoded`, Atom with
/// XHTML content, RSS 1.0 (RDF), RSS 0.91, JSON Feed; in several languages; and broken or hostile ones.
final class FeedParserTests: XCTestCase {
    func parse(_ text: String, url: String? = "https://example.org/feed.xml") throws -> Feed {
        try FeedParser.parse(Array(text.utf8), url: url)
    }

    func reason(_ bytes: [UInt8]) -> String? {
        do {
            _ = try FeedParser.parse(bytes, url: "https://example.org/feed")
            return nil
        } catch {
            return error.reason
        }
    }

    static let rss2 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>
          <title>Hafenblatt &amp; Co.</title>
          <link>https://hafen.example.de/</link>
          <item>
            <title>Kräne stehen still: Streik im Hafen</title>
            <link>/2024/05/kraene</link>
            <guid isPermaLink="false">hafen-2024-0501</guid>
            <pubDate>Wed, 01 May 2024 08:30:00 +0200</pubDate>
            <dc:creator>Jana Schröder</dc:creator>
            <description>Kurz: die Kräne stehen.</description>
            <content:encoded><![CDATA[<p>Seit Dienstag stehen die Kräne still.</p><h2>Was die Gewerkschaft fordert</h2><ul><li>Mehr Lohn</li><li>Kürzere Schichten</li></ul>]]></content:encoded>
          </item>
          <item>
            <title>Fish &amp;amp; chips &lt;b&gt;now&lt;/b&gt;</title>
            <guid>https://hafen.example.de/fish</guid>
            <author>redaktion@hafen.example.de (Ole Hansen)</author>
            <pubDate>Thu, 2 May 24 17:05 EDT</pubDate>
            <description>&lt;p&gt;Der Imbiss am Kai öffnet wieder.&lt;/p&gt;</description>
          </item>
          <item>
            <description>Ein Eintrag ohne Titel, ohne Link und ohne Datum.</description>
          </item>
        </channel>
        </rss>
        """

    func testRSS2WithContentEncoded() throws {
        let feed = try parse(Self.rss2)
        XCTAssertEqual(feed.kind, .rss)
        XCTAssertEqual(feed.title, "Hafenblatt & Co.")
        XCTAssertEqual(feed.items.count, 3)
        let first = feed.items[0]
        XCTAssertEqual(first.title, "Kräne stehen still: Streik im Hafen")
        XCTAssertEqual(first.link, "https://example.org/2024/05/kraene", "relative to the feed's address")
        XCTAssertEqual(first.id, "hafen-2024-0501")
        XCTAssertEqual(first.key, "hafen-2024-0501")
        XCTAssertEqual(first.author, "Jana Schröder")
        XCTAssertEqual(first.published.map(FeedDate.format), "2024-05-01T06:30:00Z")
        XCTAssertTrue(first.content?.contains("<h2>Was die Gewerkschaft fordert</h2>") ?? false)
        XCTAssertEqual(first.summary, "Kurz: die Kräne stehen.")
        let second = feed.items[1]
        XCTAssertEqual(second.title, "Fish & chips now", "entities and markup in a title are read out")
        XCTAssertEqual(second.link, "https://hafen.example.de/fish", "a permalink GUID is the page")
        XCTAssertEqual(second.author, "Ole Hansen")
        XCTAssertEqual(second.published.map(FeedDate.format), "2024-05-02T21:05:00Z")
        let third = feed.items[2]
        XCTAssertNil(third.title)
        XCTAssertNil(third.link)
        XCTAssertNil(third.published)
        XCTAssertTrue(third.key.hasPrefix("hash:"), "no GUID and no link: a hash of the text")
    }

    func testAtomWithXHTMLContentAndXMLBase() throws {
        let feed = try parse(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://kanazawa.example.jp/news/">
              <title type="text">金沢だより</title>
              <link rel="alternate" href="https://kanazawa.example.jp/"/>
              <link rel="self" href="https://kanazawa.example.jp/atom.xml"/>
              <author><name>編集部</name></author>
              <entry>
                <title type="html">活版印刷所が&lt;em&gt;復活&lt;/em&gt;</title>
                <link rel="alternate" type="text/html" href="2024/katsuban.html"/>
                <link rel="enclosure" href="photo.jpg"/>
                <id>tag:kanazawa.example.jp,2024:katsuban</id>
                <published>2024-04-30T09:00:00+09:00</published>
                <updated>2024-05-02T10:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>路地裏の印刷所が<b>復活</b>した。</p><h2>眠っていた活字</h2><p>半年かけて洗った。</p></div></content>
              </entry>
              <entry>
                <title>Second &amp; plain</title>
                <link href="/other"/>
                <id>urn:uuid:2</id>
                <updated>2024-05-03T08:00:00.5Z</updated>
                <author><name>山田</name></author>
                <summary type="text">A &lt;tag&gt; in text stays text.</summary>
              </entry>
            </feed>
            """)
        XCTAssertEqual(feed.kind, .atom)
        XCTAssertEqual(feed.title, "金沢だより")
        XCTAssertEqual(feed.link, "https://kanazawa.example.jp/")
        let e = feed.items[0]
        XCTAssertEqual(e.title, "活版印刷所が復活")
        XCTAssertEqual(e.link, "https://kanazawa.example.jp/news/2024/katsuban.html")
        XCTAssertEqual(e.author, "編集部", "the feed's author when the entry has none")
        XCTAssertEqual(e.published.map(FeedDate.format), "2024-04-30T00:00:00Z")
        XCTAssertEqual(e.updatedText, "2024-05-02T10:00:00Z")
        let content = try XCTUnwrap(e.content)
        XCTAssertTrue(content.contains("<h2>眠っていた活字</h2>"), content)
        XCTAssertFalse(content.contains("<div"), "the wrapping div is not content")
        let second = feed.items[1]
        XCTAssertEqual(second.link, "https://kanazawa.example.jp/other")
        XCTAssertEqual(second.author, "山田")
        XCTAssertEqual(second.published.map(FeedDate.format), "2024-05-03T08:00:00Z")
        XCTAssertEqual(second.summary, "<p>A &lt;tag&gt; in text stays text.</p>")
    }

    func testRDFAndOldRSS() throws {
        let rdf = try parse(
            """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://marche.example.fr/">
                <title>Le marché couvert</title>
                <link>https://marche.example.fr/</link>
              </channel>
              <item rdf:about="https://marche.example.fr/toit">
                <title>Le marché rouvre sur le toit</title>
                <link>https://marche.example.fr/toit</link>
                <description>Un potager sur le toit.</description>
                <dc:date>2024-03-15</dc:date>
                <dc:creator>Élise Martin</dc:creator>
              </item>
            </rdf:RDF>
            """)
        XCTAssertEqual(rdf.kind, .rdf)
        XCTAssertEqual(rdf.title, "Le marché couvert")
        XCTAssertEqual(rdf.items.count, 1)
        XCTAssertEqual(rdf.items[0].id, "https://marche.example.fr/toit")
        XCTAssertEqual(rdf.items[0].author, "Élise Martin")
        XCTAssertEqual(rdf.items[0].published.map(FeedDate.format), "2024-03-15T00:00:00Z")

        // RSS 0.91 leans on the Netscape DTD for HTML entities, which is never loaded.
        let old = try parse(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Vieux</title>
            <item><title>Caf\u{E9} &eacute;t&eacute; &mdash; ok</title><link>http://old.example.com/1</link></item>
            </channel></rss>
            """)
        XCTAssertEqual(old.items.first?.title, "Café été — ok")
    }

    func testLatin1FeedsDeclaredAndNot() throws {
        var declared = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>".utf8)
        declared += [0x43, 0x61, 0x66, 0xE9]  // "Café" in Latin-1
        declared += Array("</title></item></channel></rss>".utf8)
        XCTAssertEqual(try FeedParser.parse(declared).items.first?.title, "Café")
        var undeclared = Array("<rss><channel><item><title>".utf8)
        undeclared += [0x43, 0x61, 0x66, 0xE9, 0x20, 0x80]  // "Café €" in Windows-1252
        undeclared += Array("</title></item></channel></rss>".utf8)
        let feed = try FeedParser.parse(undeclared)
        XCTAssertEqual(feed.items.first?.title, "Café €")
        XCTAssertTrue(feed.warnings.contains { $0.contains("Windows-1252") }, "\(feed.warnings)")
    }

    func testJSONFeed() throws {
        let feed = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Новости", "home_page_url": "https://news.example.ru/",
             "feed_url": "https://news.example.ru/feed.json", "authors": [{"name": "Редакция"}],
             "items": [
               {"id": 42, "url": "/a/42", "title": "Мост открыт", "content_html": "<p>Мост открыт.</p><h2>Движение</h2><p>Текст.</p>",
                "date_published": "2024-05-01T12:00:00+03:00"},
               {"id": "ar-1", "url": "https://news.example.ru/ar", "title": "افتتاح الجسر", "content_text": "سطر أول\\n\\nسطر <ثاني>",
                "authors": [{"name": "سارة"}], "date_modified": "2024-05-02T00:00:00Z"},
               "not an item"
             ]}
            """)
        XCTAssertEqual(feed.kind, .jsonFeed)
        XCTAssertEqual(feed.title, "Новости")
        XCTAssertEqual(feed.items.count, 2)
        XCTAssertEqual(feed.items[0].id, "42", "a number id is its digits")
        XCTAssertEqual(feed.items[0].link, "https://news.example.ru/a/42")
        XCTAssertEqual(feed.items[0].author, "Редакция")
        XCTAssertEqual(feed.items[0].published.map(FeedDate.format), "2024-05-01T09:00:00Z")
        XCTAssertEqual(feed.items[1].content, "<p>سطر أول</p>\n<p>سطر &lt;ثاني&gt;</p>")
        XCTAssertEqual(feed.items[1].author, "سارة")
        XCTAssertEqual(feed.items[1].dateText, "2024-05-02T00:00:00Z")
        XCTAssertTrue(feed.warnings.contains { $0.contains("not objects") })
    }

    func testDates() {
        func f(_ s: String) -> String? { FeedDate.parse(s).map(FeedDate.format) }
        XCTAssertEqual(f("Tue, 10 Jun 2003 04:00:00 GMT"), "2003-06-10T04:00:00Z")
        XCTAssertEqual(f("10 Jun 2003 04:00 +0100"), "2003-06-10T03:00:00Z")
        XCTAssertEqual(f("Tuesday, 10 June 2003 04:00:00 PST"), "2003-06-10T12:00:00Z")
        XCTAssertEqual(f("Sat, 1 Jan 99 00:00:00 Z"), "1999-01-01T00:00:00Z")
        XCTAssertEqual(f("2003-12-13T18:30:02Z"), "2003-12-13T18:30:02Z")
        XCTAssertEqual(f("2003-12-13T18:30:02.25+01:00"), "2003-12-13T17:30:02Z")
        XCTAssertEqual(f("2003-12-13 18:30"), "2003-12-13T18:30:00Z")
        XCTAssertEqual(f("2024-02-29"), "2024-02-29T00:00:00Z")
        XCTAssertEqual(f("1969-12-31T23:59:59Z"), "1969-12-31T23:59:59Z")
        XCTAssertNil(f("yesterday"))
        XCTAssertNil(f("2024-13-01"))
        XCTAssertNil(f(""))
    }

    func testBrokenFeedsGiveOneLineReasons() throws {
        XCTAssertEqual(reason([]), "empty: no feed in the response")
        XCTAssertEqual(reason(Array("  \n".utf8)), "empty: no feed in the response")
        XCTAssertEqual(reason(Array("Hello, world".utf8)), "not a feed: it is neither XML nor JSON")
        let page = reason(
            Array(
                """
                <!DOCTYPE html><html><head><title>Blog</title>
                <link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Hi</p></body></html>
                """.utf8))
        XCTAssertEqual(page, "an HTML page, not a feed; it names a feed at https://example.org/feed.xml")
        XCTAssertEqual(
            reason(Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)),
            "XML, but not a feed (its root element is <svg>)")
        XCTAssertEqual(reason(Array("{\"a\": 1}".utf8)), "JSON, but not a JSON Feed (no \"items\" list)")
        XCTAssertEqual(reason(Array("{\"items\": [".utf8)), "invalid JSON")
        let cut = try XCTUnwrap(reason(Array("<rss><channel><title>x".utf8)))
        XCTAssertTrue(cut.hasPrefix("invalid XML (line 1"), cut)
        XCTAssertFalse(cut.contains("\n"))
        // A truncated feed with items is read as far as it goes, with a warning.
        let truncated = try parse("<rss><channel><item><title>One</title></item><item><title>Tw")
        XCTAssertEqual(truncated.items.first?.title, "One")
        XCTAssertTrue(truncated.warnings.first?.hasPrefix("XML errors recovered") ?? false)
    }

    func testHostileXMLIsNeitherExpandedNorFollowed() throws {
        // Billion laughs: ends at once, not expanded.
        var lol = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">"
        lol += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        for i in 2...9 {
            lol += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
        }
        lol += "]><rss><channel><item><title>&lol9;</title><link>https://a.example/1</link></item></channel></rss>"
        let start = Date()
        let laughs = try? FeedParser.parse(Array(lol.utf8))
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertLessThan(laughs?.items.first?.title?.utf8.count ?? 0, 2000)
        // An external entity naming a local file is never read.
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss><channel><item><title>a&x;b</title><description>&x;</description></item></channel></rss>
            """
        let feed = try? FeedParser.parse(Array(xxe.utf8))
        XCTAssertFalse(feed?.items.first?.title?.contains("root") ?? false)
        XCTAssertFalse(feed?.items.first?.summary?.contains("root:") ?? false)
        // 100,000 nested elements and 100,000 nested JSON lists end without a crash.
        let deep = "<rss><channel><item><title>" + String(repeating: "<b>", count: 100_000) + "x"
        _ = try? FeedParser.parse(Array(deep.utf8))
        _ = try? FeedParser.parse(Array(("{\"items\":" + String(repeating: "[", count: 100_000)).utf8))
        // Controls (not XML: dropped by the parser) and bidi overrides never reach a title.
        let escapes = try parse("<rss><channel><item><title>a\u{1B}[31mred\u{202E}x</title></item></channel></rss>")
        let title = try XCTUnwrap(escapes.items.first?.title)
        XCTAssertFalse(title.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" }, title)
    }
}
