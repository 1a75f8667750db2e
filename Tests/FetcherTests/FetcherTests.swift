import ArticleKit
import Foundation
import GazetteTestSupport
import Synchronization
import XCTest

@testable import Fetcher

/// The HTTP client and the archive against a server on 127.0.0.1: conditional requests, a new item
/// relinking the newest, updates written only when the text changed, vanished items kept, a dead
/// server, a stall, a trickle, a 404, a redirect loop, a huge body, a broken feed, gzip, a killed fetch.
final class FetcherTests: XCTestCase {
    /// A site the tests change between fetches: path → (status, headers, body).
    final class Site: Sendable {
        let pages = Mutex<[String: (Int, [(String, String)], [UInt8])]>([:])
        func set(_ path: String, _ body: String, status: Int = 200, headers: [(String, String)] = []) {
            pages.withLock { $0[path] = (status, headers, Array(body.utf8)) }
        }
        func reply(_ r: LocalServer.Request) -> LocalServer.Reply {
            guard let (status, headers, body) = pages.withLock({ $0[r.path] }) else {
                return .respond(status: 404, headers: [], body: Array("not here".utf8))
            }
            // An ETag of the body: a request that has it is answered 304.
            let etag = "\"\(FNV1a.hash(body))\""
            if r.headers["if-none-match"] == etag { return .respond(status: 304, headers: [("ETag", etag)], body: []) }
            return .respond(status: status, headers: headers + [("ETag", etag)], body: body)
        }
    }

    func serve(_ site: Site) throws -> LocalServer {
        let server = try LocalServer { site.reply($0) }
        addTeardownBlock { server.stop() }
        return server
    }

    func client(connect: Double = 5, total: Double = 10, maxBytes: Int = 1 << 20) -> HTTPClient {
        var o = HTTPOptions()
        o.connectTimeout = connect
        o.totalTimeout = total
        o.maxBytes = maxBytes
        o.userAgent = "Gazette/test"
        return HTTPClient(options: o)
    }

    func page(_ title: String, _ heading: String, _ words: String) -> String {
        let para = String(repeating: words + " ", count: 6)
        return """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title></head><body>
            <nav><a href="/">Home</a></nav><article><h1>\(title)</h1><p>\(para)</p>
            <h2>\(heading)</h2><p>\(para)</p><ul><li>one point</li><li>another point</li></ul></article></body></html>
            """
    }

    func rss(_ base: String, _ items: [(id: String, title: String, date: String?)]) -> String {
        var s = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Times</title>"
        for i in items {
            s += "<item><title>\(i.title)</title><link>\(base)/p/\(i.id)</link><guid>\(i.id)</guid>"
            if let d = i.date { s += "<pubDate>\(d)</pubDate>" }
            s += "<description>Short text of \(i.title).</description></item>"
        }
        return s + "</channel></rss>"
    }

    func fetch(_ url: String, into folder: TemporaryFolder, client: HTTPClient? = nil) throws -> FeedReport {
        let lock = try FolderLock.acquire(folder.path).get()
        return FeedFetcher(client: client ?? self.client()).fetch(FeedSource(url: url), lock: lock)
    }

    func articles(_ folder: TemporaryFolder) throws -> [String: Article] {
        var out: [String: Article] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: folder.path(name)))
            out[name] = try MarkdownFormat().parse([UInt8](bytes), source: folder.path(name))
        }
        return out
    }

    func contents(_ folder: TemporaryFolder) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
            out[name] = FileManager.default.contents(atPath: folder.path(name))
        }
        return out
    }

    func testAFeedBecomesChainedArticlesAndASecondFetchIsConditional() throws {
        let site = Site()
        let server = try serve(site)
        let b = server.base
        site.set("/p/a", page("Cranes stop", "What the union wants", "Dock workers walked out over pay."))
        site.set("/p/b", page("Trams return", "Who rides at night", "Trams run through the night again."))
        site.set(
            "/feed",
            rss(
                b,
                [
                    ("b", "Trams return", "Thu, 02 May 2024 08:00:00 GMT"),
                    ("a", "Cranes stop", "Wed, 01 May 2024 08:00:00 GMT"),
                ]))
        let folder = try temporaryFolder("fetch")
        let first = try fetch(b + "/feed", into: folder)
        XCTAssertEqual(first.status, .fetched, "\(first)")
        XCTAssertEqual(first.new, 2)
        let read = try articles(folder)
        let a = try XCTUnwrap(read["2024-05-01-cranes-stop.md"])
        let t = try XCTUnwrap(read["2024-05-02-trams-return.md"])
        XCTAssertEqual(a.headings, ["What the union wants"], "the page's heading, as a heading")
        XCTAssertEqual(a.sections.last?.kinds.filter { $0 == .listItem }.count, 2, "its list, as a list")
        XCTAssertEqual(a.meta.url, b + "/p/a")
        XCTAssertEqual(a.meta.date, "2024-05-01T08:00:00Z")
        XCTAssertNil(a.previousTitle)
        XCTAssertEqual(a.nextTitle, "Trams return")
        XCTAssertEqual(t.previousTitle, "Cranes stop")
        XCTAssertEqual(server.requests.withLock { $0.first?.headers["user-agent"] }, "Gazette/test")

        let before = try contents(folder)
        server.requests.withLock { $0.removeAll() }
        let second = try fetch(b + "/feed", into: folder)
        XCTAssertEqual(second.status, .notModified)
        XCTAssertEqual(second.new, 0)
        XCTAssertEqual(try contents(folder), before, "a second fetch writes nothing")
        XCTAssertEqual(server.requests.withLock { $0.map(\.path) }, ["/feed"], "no page is asked for again")
        XCTAssertNotNil(server.requests.withLock { $0.first?.headers["if-none-match"] })
    }

    /// Pages for stories a, b and c, and a feed that lists b and a (c comes later).
    func serveTwoStories(_ site: Site, _ b: String) {
        for id in ["a", "b", "c"] {
            site.set("/p/\(id)", page("Story \(id)", "Part of \(id)", "Words of story \(id) go here."))
        }
        site.set(
            "/feed",
            rss(
                b,
                [("b", "Story b", "Thu, 02 May 2024 08:00:00 GMT"), ("a", "Story a", "Wed, 01 May 2024 08:00:00 GMT")]))
    }

    func testANewItemIsChainedAfterTheNewestAndNothingElseIsRewritten() throws {
        let site = Site()
        let server = try serve(site)
        let b = server.base
        serveTwoStories(site, b)
        let folder = try temporaryFolder("relink")
        XCTAssertEqual(try fetch(b + "/feed", into: folder).new, 2)
        let before = try contents(folder)
        // The next day: c is new, a has left the feed.
        site.set(
            "/feed",
            rss(
                b,
                [("c", "Story c", "Fri, 03 May 2024 08:00:00 GMT"), ("b", "Story b", "Thu, 02 May 2024 08:00:00 GMT")]))
        let report = try fetch(b + "/feed", into: folder)
        XCTAssertEqual(report.new, 1)
        XCTAssertEqual(report.updated, 0)
        let after = try contents(folder)
        XCTAssertEqual(after.count, 3, "the vanished item's article stays")
        XCTAssertEqual(after["2024-05-01-story-a.md"], before["2024-05-01-story-a.md"], "untouched")
        let read = try articles(folder)
        XCTAssertEqual(
            read["2024-05-02-story-b.md"]?.nextTitle, "Story c", "the previous newest now leads to the new item")
        XCTAssertEqual(read["2024-05-02-story-b.md"]?.previousTitle, "Story a")
        XCTAssertEqual(read["2024-05-03-story-c.md"]?.previousTitle, "Story b")
        XCTAssertEqual(read["2024-05-02-story-b.md"]?.headings, ["Part of b"])
    }

    func testAnUpdatedItemIsRewrittenOnlyWhenItsTextChanged() throws {
        let site = Site()
        let server = try serve(site)
        let b = server.base
        site.set("/p/a", page("Story a", "Part", "The first version of the story."))
        func feed(_ updated: String) -> String {
            """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>urn:a</id><title>Story a</title>
            <link href="\(b)/p/a"/><published>2024-05-01T08:00:00Z</published><updated>\(updated)</updated>
            <summary>Short.</summary></entry></feed>
            """
        }
        site.set("/atom", feed("2024-05-01T08:00:00Z"))
        let folder = try temporaryFolder("update")
        XCTAssertEqual(try fetch(b + "/atom", into: folder).new, 1)
        let before = try contents(folder)
        site.set("/atom", feed("2024-05-01T09:00:00Z"))
        let same = try fetch(b + "/atom", into: folder)
        XCTAssertEqual(same.updated, 0, "updated in the feed, but the text is the same")
        XCTAssertEqual(try contents(folder), before)
        site.set("/p/a", page("Story a", "Part", "The second version, corrected."))
        site.set("/atom", feed("2024-05-01T10:00:00Z"))
        let changed = try fetch(b + "/atom", into: folder)
        XCTAssertEqual(changed.updated, 1)
        XCTAssertTrue(
            try articles(folder).values.first?.sections.first?.paragraphs.first?.contains("corrected") ?? false)
    }

    func testFeedTextServesWhenThePageFailsAndItemsWithoutDatesLinksOrTitles() throws {
        let site = Site()
        let server = try serve(site)
        let b = server.base
        site.set(
            "/feed",
            """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Notes</title>
            <item><title>Gone page</title><link>\(b)/p/gone</link><guid>g</guid>
            <content:encoded><![CDATA[<p>The feed's own text.</p><h2>A heading</h2><p>More.</p>]]></content:encoded></item>
            <item><description>An item with no title, no link and no date at all, only these words.</description></item>
            <item><title>Twice</title><guid>dup</guid><description>First.</description></item>
            <item><title>Twice</title><guid>dup</guid><description>Second.</description></item>
            <item><title>Twice</title><guid>other</guid><description>Same title, another item.</description></item>
            </channel></rss>
            """)
        let folder = try temporaryFolder("fallback")
        let report = try fetch(b + "/feed", into: folder)
        XCTAssertEqual(report.status, .fetched)
        XCTAssertEqual(report.new, 4, "\(report)")
        XCTAssertTrue(
            report.notes.contains { $0.contains("HTTP 404") && $0.contains("the feed's text is used") },
            "\(report.notes)")
        XCTAssertTrue(report.notes.contains { $0.contains("repeat a GUID") })
        let read = try articles(folder).values
        let gone = try XCTUnwrap(read.first { $0.title == "Gone page" })
        XCTAssertEqual(gone.headings, ["A heading"])
        XCTAssertTrue(read.contains { $0.title.hasPrefix("An item with no title") })
        XCTAssertEqual(Set(read.map(\.title)).count, 4, "titles are unique in the feed: \(read.map(\.title))")
        // Undated items keep the feed's order, the first listed the newest.
        let chain = ChainBuilder.build(
            try CollectionLoader().collection(of: CollectionLoader().list(folder: folder.path)))
        XCTAssertEqual(chain.chains.count, 1)
    }

    func testFailuresEndWithAOneLineReason() throws {
        let site = Site()
        let server = try serve(site)
        let b = server.base
        site.set("/page", "<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hello</p></body></html>")
        site.set("/bad", "<rss><channel><title>Cut")
        let folder = try temporaryFolder("fail")
        func reason(_ url: String, client: HTTPClient? = nil) throws -> String {
            let r = try fetch(url, into: folder, client: client)
            XCTAssertEqual(r.status, .failed, url)
            return r.error ?? ""
        }
        XCTAssertEqual(try reason(b + "/missing"), "HTTP 404 Not Found")
        XCTAssertEqual(try reason(b + "/page"), "an HTML page, not a feed")
        XCTAssertTrue(try reason(b + "/bad").hasPrefix("invalid XML (line 1"))
        XCTAssertTrue(try reason("http://127.0.0.1:\(LocalServer.deadPort())/feed").hasPrefix("cannot connect"))
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: folder.path), [".gazette-feeds"], "nothing written")
    }

    func testStallsTricklesRedirectLoopsAndHugeBodiesEndInTime() throws {
        let server = try LocalServer { r in
            switch r.path {
            case "/stall": return .stall(seconds: 30)
            case "/drip": return .drip(interval: 0.3, count: 100)
            case "/loop": return .respond(status: 302, headers: [("Location", "/loop")], body: [])
            case "/to-file": return .respond(status: 302, headers: [("Location", "file:///etc/passwd")], body: [])
            case "/huge": return .flood(megabytes: 3)
            case "/declared":
                return .respond(status: 200, headers: [], body: [UInt8](repeating: 0x61, count: 2 << 20))
            default: return .respond(status: 404, headers: [], body: [])
            }
        }
        addTeardownBlock { server.stop() }
        let http = client(connect: 1, total: 2, maxBytes: 1 << 20)
        func timed(_ path: String) -> (String, Double) {
            let start = Date()
            let result = http.get(server.base + path)
            let reason =
                (try? result.get()).map { _ in "ok" }
                ?? { if case .failure(let e) = result { return e.reason } else { return "" } }()
            return (reason, Date().timeIntervalSince(start))
        }
        let stall = timed("/stall")
        XCTAssertTrue(stall.0.hasPrefix("timed out"), stall.0)
        XCTAssertLessThan(stall.1, 4)
        let drip = timed("/drip")
        XCTAssertEqual(drip.0, "timed out: no whole answer in 2 s")
        XCTAssertLessThan(drip.1, 4)
        XCTAssertEqual(timed("/loop").0, "too many redirects (more than 5)")
        // URLSession reads the Location as a path on the same server, or it is refused: never a local file.
        XCTAssertNotEqual(timed("/to-file").0, "ok")
        XCTAssertEqual(timed("/huge").0, "too big: over 1 MB")
        XCTAssertEqual(timed("/declared").0, "too big: over 1 MB")
    }

    func testGzipAndPermanentRedirects() throws {
        let packed = [UInt8](Data(base64Encoded: gzippedFeed)!)
        let server = try LocalServer { r in
            switch r.path {
            case "/old": return .respond(status: 301, headers: [("Location", "/new")], body: [])
            case "/new", "/feed":
                let gzip = r.headers["accept-encoding"]?.contains("gzip") ?? false
                return gzip
                    ? .respond(status: 200, headers: [("Content-Encoding", "gzip")], body: packed)
                    : .respond(status: 406, headers: [], body: [])
            default: return .respond(status: 404, headers: [], body: [])
            }
        }
        addTeardownBlock { server.stop() }
        let folder = try temporaryFolder("gzip")
        let report = try fetch(server.base + "/old", into: folder)
        XCTAssertEqual(report.status, .fetched, "\(report)")
        XCTAssertEqual(report.new, 1)
        XCTAssertEqual(report.movedTo, server.base + "/new")
        XCTAssertEqual(try articles(folder).values.first?.title, "Packed item")
        server.requests.withLock { $0.removeAll() }
        _ = try fetch(server.base + "/old", into: folder)
        XCTAssertEqual(server.requests.withLock { $0.first?.path }, "/new", "the feed is fetched at its new address")
    }

    func testAKilledFetchIsCompletedAndAHandEditedFileIsLeftAlone() throws {
        let site = Site()
        let server = try serve(site)
        let b = server.base
        serveTwoStories(site, b)
        let folder = try temporaryFolder("kill")
        XCTAssertEqual(try fetch(b + "/feed", into: folder).new, 2)
        // As a kill leaves it: b reserved but never written, a temporary file beside it.
        let statePath = try XCTUnwrap(
            FileManager.default.contentsOfDirectory(atPath: folder.path(".gazette-feeds")).first {
                $0.hasSuffix(".json")
            })
        let full = folder.path(".gazette-feeds/" + statePath)
        var state = try JSONDecoder().decode(
            FeedState.self, from: XCTUnwrap(FileManager.default.contents(atPath: full)))
        let i = try XCTUnwrap(state.items.firstIndex { $0.key == "b" })
        state.items[i].pending = true
        XCTAssertNil(state.save(full))
        try FileManager.default.removeItem(atPath: folder.path(state.items[i].file))
        folder.write(".2024-05-02-story-b.md.tmp-99999", Array("half an arti".utf8))
        let again = try fetch(b + "/feed", into: folder)
        XCTAssertEqual(again.new, 1, "\(again)")
        XCTAssertEqual(try articles(folder)["2024-05-02-story-b.md"]?.headings, ["Part of b"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path(".2024-05-02-story-b.md.tmp-99999")))
        // A file edited by hand keeps the edit: its links are not rewritten when c arrives.
        let bPath = folder.path("2024-05-02-story-b.md")
        let edited = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: bPath)), as: UTF8.self)
            .replacingOccurrences(of: "Words of story b", with: "My own words")
        folder.write("2024-05-02-story-b.md", Array(edited.utf8))
        site.set("/feed", rss(b, [("c", "Story c", "Fri, 03 May 2024 08:00:00 GMT")]))
        let third = try fetch(b + "/feed", into: folder)
        XCTAssertEqual(third.new, 1)
        XCTAssertTrue(third.notes.contains { $0.contains("changed by hand") }, "\(third.notes)")
        XCTAssertEqual(
            String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: bPath)), as: UTF8.self), edited)
        XCTAssertEqual(try articles(folder)["2024-05-03-story-c.md"]?.previousTitle, "Story b")
    }

    func testAStalledSiteCostsOneTimeoutNotOnePerItem() throws {
        let stalled = try LocalServer { _ in .stall(seconds: 30) }
        addTeardownBlock { stalled.stop() }
        let site = Site()
        let server = try serve(site)
        site.set(
            "/feed",
            rss(stalled.base, [("a", "Story a", nil), ("b", "Story b", nil), ("c", "Story c", nil)]))
        let folder = try temporaryFolder("stalled")
        let start = Date()
        let report = try fetch(server.base + "/feed", into: folder, client: client(connect: 1, total: 5))
        XCTAssertLessThan(Date().timeIntervalSince(start), 4)
        XCTAssertEqual(report.status, .fetched, "the feed's text serves")
        XCTAssertEqual(report.new, 3)
        XCTAssertEqual(report.notes.filter { $0.contains("did not answer earlier") }.count, 2, "\(report.notes)")
    }

    func testTheFeedsFile() {
        let list = FeedList.parse(
            """
            # my feeds
            https://hafen.example.de/feed.xml "~Hafenblatt" news "local news"

            http://b.example.com/atom  tech # a comment
            "query:unread:unread = \\"yes\\""
            exec:~/bin/make-feed
            file:///home/me/feed.xml
            """, file: "feeds")
        XCTAssertEqual(
            list.feeds,
            [
                FeedSource(url: "https://hafen.example.de/feed.xml", name: "Hafenblatt", tags: ["news", "local news"]),
                FeedSource(url: "http://b.example.com/atom", tags: ["tech"]),
                FeedSource(url: "file:///home/me/feed.xml"),
            ])
        XCTAssertEqual(list.problems.count, 2)
        XCTAssertTrue(list.problems[0].hasPrefix("feeds:5: "), list.problems[0])
        XCTAssertEqual(FeedFolders.name(for: list.feeds[0]), "hafenblatt")
        XCTAssertEqual(FeedFolders.name(for: list.feeds[1]), "b-example-com-atom")
    }

    func testAFolderIsWrittenByOneFetchAtATime() throws {
        let folder = try temporaryFolder("lock")
        let held = try FolderLock.acquire(folder.path).get()
        guard case .failure(let e) = FolderLock.acquire(folder.path) else { return XCTFail("taken twice") }
        XCTAssertTrue(e.reason.hasPrefix("another gazette fetch is writing into"))
        _ = held
    }
}
