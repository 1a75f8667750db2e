import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// The packed collection (`PackedEntries.swift`) against the plain model it replaced: every entry comes
/// back byte for byte, and every lookup and resolution is what a plain scan of the given entries says.
/// The reference below is written the simple way on purpose (a linear scan per question).
final class PackedCollectionTests: XCTestCase {
    typealias Entry = ArticleCollection.Entry

    func entry(
        _ source: String, _ title: String, previous: String? = nil, next: String? = nil, id: String? = nil,
        folder: String = "", url: String? = nil, previousURL: String? = nil, nextURL: String? = nil
    ) -> Entry {
        Entry(
            source: source,
            links: ArticleLinks(
                title: title, previousTitle: previous, nextTitle: next, url: url, previousURL: previousURL,
                nextURL: nextURL),
            id: id.map(ArticleID.init(key:)), folder: folder)
    }

    /// Byte equality of two optional strings (`==` on String is canonical equivalence).
    func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return Array(a.utf8) == Array(b.utf8)
        default: return false
        }
    }

    func assertSameBytes(_ a: Entry, _ b: Entry, _ note: String, file: StaticString = #filePath, line: UInt = #line) {
        let pairs: [(String?, String?, String)] = [
            (a.source, b.source, "source"), (a.id.key, b.id.key, "id"), (a.folder, b.folder, "folder"),
            (a.links.title, b.links.title, "title"), (a.links.previousTitle, b.links.previousTitle, "previous"),
            (a.links.nextTitle, b.links.nextTitle, "next"), (a.links.url, b.links.url, "url"),
            (a.links.previousURL, b.links.previousURL, "previousURL"), (a.links.nextURL, b.links.nextURL, "nextURL"),
        ]
        for (x, y, what) in pairs {
            XCTAssertTrue(
                same(x, y), "\(note): \(what) \(String(describing: x)) != \(String(describing: y))", file: file,
                line: line)
        }
    }

    /// The plain model's resolution of one link (the rules of `LinkResolver`, by linear scans).
    func reference(_ entries: [Entry], _ from: Int, _ direction: LinkDirection) -> Link? {
        let links = entries[from].links
        if let url = links.url(direction).flatMap(PageAddress.init),
            let target = entries.indices.first(where: { i in
                i != from && entries[i].links.url.flatMap(PageAddress.init) == url
            })
        {
            return Link(title: entries[target].links.title, target: target, candidates: [target])
        }
        guard let title = links.title(direction) ?? links.url(direction) else { return nil }
        let candidates = entries.indices.filter { TitleKey(entries[$0].links.title) == TitleKey(title) }
        guard candidates.count > 1 else { return Link(title: title, target: candidates.first, candidates: candidates) }
        let back: LinkDirection = direction == .next ? .previous : .next
        let fromKey = TitleKey(links.title)
        let pointingBack = candidates.filter { c in
            entries[c].links.title(back).map { TitleKey($0) == fromKey } ?? false
        }
        let pool = pointingBack.isEmpty ? candidates : pointingBack
        let others = pool.filter { $0 != from }
        let target = (others.isEmpty ? pool : others).min { abs($0 - from) < abs($1 - from) }
        return Link(title: title, target: target, candidates: candidates)
    }

    func assertMatchesPlainModel(_ given: [Entry], file: StaticString = #filePath, line: UInt = #line) {
        let collection = ArticleCollection(entries: given)
        XCTAssertEqual(collection.entries.count, given.count, file: file, line: line)
        for (i, e) in given.enumerated() {
            assertSameBytes(collection.entries[i], e, "entry \(i)", file: file, line: line)
            // The first entry with an identity is the one found.
            let first = given.firstIndex { $0.id == e.id }
            XCTAssertEqual(collection.index(of: e.id), first, "index of \(e.id)", file: file, line: line)
            XCTAssertEqual(
                collection.entries(titled: e.links.title),
                given.indices.filter { TitleKey(given[$0].links.title) == TitleKey(e.links.title) },
                "entries titled \(e.links.title)", file: file, line: line)
            for direction in [LinkDirection.previous, .next] {
                let want = reference(given, i, direction)
                let got = collection.link(i, direction)
                XCTAssertEqual(got, want, "entry \(i) \(direction)", file: file, line: line)
                XCTAssertTrue(
                    same(got?.title, want?.title), "entry \(i) \(direction) title bytes", file: file, line: line)
                XCTAssertEqual(collection.target(i, direction), want?.target, file: file, line: line)
            }
            let r = collection.resolutions[i]
            XCTAssertEqual(r, Resolutions(previous: reference(given, i, .previous), next: reference(given, i, .next)))
        }
        XCTAssertNil(collection.index(of: ArticleID(key: "/not/in/it.txt")), file: file, line: line)
        let duplicates = Dictionary(grouping: given.indices) { TitleKey(given[$0].links.title) }.values
            .filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        XCTAssertEqual(collection.duplicateTitles.map(\.entries), duplicates, file: file, line: line)
        for (title, group) in collection.duplicateTitles {
            XCTAssertTrue(same(title, given[group[0]].links.title), file: file, line: line)
        }
        // The list filter's keys are made from the same titles and folders.
        let keys = collection.titleFilterKeys
        let plain = TitleFilterKeys(titles: given.map(\.links.title), folders: given.map(\.folder))
        for i in given.indices {
            XCTAssertEqual(keys.isExact(i), plain.isExact(i), file: file, line: line)
            for word in given[i].links.title.split(separator: " ").map({ TitleFilterKeys.fold(String($0)) }) {
                XCTAssertTrue(keys.mayContain(i, word), "entry \(i) keeps \(word)", file: file, line: line)
            }
        }
    }

    func testNestedNonASCIIDuplicateDanglingAmbiguousAndWebEntriesComeBackAsGiven() {
        let cafeNFC = "Caf\u{E9} au bord de l'eau", cafeNFD = "Cafe\u{301} au bord de l'eau"
        let given = [
            entry("/archive/2026/01/caf\u{E9}.txt", cafeNFC, next: "日本の港", folder: "2026/01"),
            entry("/archive/2026/01/日本.txt", "日本の港", previous: cafeNFD, next: "Nowhere at all", folder: "2026/01"),
            // A relative source whose identity is another string; a folder with non-ASCII.
            entry("été/x.txt", "Twin", previous: "日本の港", id: "/home/u/été/x.txt", folder: "été"),
            entry("/archive/2026/02/twin.txt", "twin", previous: "Twin", next: "TWIN", folder: "2026/02"),
            entry("/archive/2026/02/twin2.txt", "Twin", next: "Twin", folder: "2026/02"),
            // The same identity twice: the first wins.
            entry("/archive/2026/02/twin.txt", "Again", folder: "2026/02"),
            // A name that is no path (a built-in), a self link.
            entry("builtin:help", "Help", previous: "Help", next: ""),
            // Web pages: by address first, to a page outside by its title or its address.
            entry(
                "/web/a.html", "Page A", url: "https://ex.example/a", nextURL: "https://ex.example/b"),
            entry(
                "/web/b.html", "Page B", previous: "Some other title", url: "https://ex.example/b",
                previousURL: "https://ex.example/a", nextURL: "https://ex.example/elsewhere"),
            entry("/web/c.html", "Page C", next: "Far page", nextURL: "https://far.example/x"),
            entry("/archive/2026/03/empty-title.txt", "", previous: "", folder: "2026/03"),
        ]
        assertMatchesPlainModel(given)
        // Canonically equivalent titles still resolve to each other (by key) but keep their own bytes.
        let collection = ArticleCollection(entries: given)
        XCTAssertEqual(collection.link(1, .previous)?.target, 0)
        XCTAssertEqual(Array(collection.link(1, .previous)!.title.utf8), Array(cafeNFD.utf8))
        XCTAssertEqual(Array(collection.entries[0].links.title.utf8), Array(cafeNFC.utf8))
        XCTAssertEqual(collection.link(7, .next)?.target, 8, "by address")
        XCTAssertEqual(collection.link(7, .next)?.title, "Page B")
        XCTAssertEqual(collection.link(8, .next)?.title, "https://ex.example/elsewhere", "outside: its address")
        XCTAssertEqual(collection.link(4, .next)?.candidates, [2, 3, 4], "ambiguous: every candidate kept")
    }

    func testSeededArchivesMatchThePlainModel() {
        let seed = UInt64(ProcessInfo.processInfo.environment["GAZETTE_TEST_SEED"] ?? "") ?? 21
        var random = SeededGenerator(seed: seed)
        let words = ["harbour", "Harbour", "mar\u{E9}e", "mare\u{301}e", "港", "龍舟", "Ünïcode", "a", "night"]
        for round in 0..<20 {
            let count = Int.random(in: 1...120, using: &random)
            var titles: [String] = []
            for _ in 0..<count {
                titles.append(
                    (0..<Int.random(in: 1...3, using: &random)).map { _ in words.randomElement(using: &random)! }
                        .joined(separator: " "))
            }
            func some() -> String? {
                switch Int.random(in: 0..<4, using: &random) {
                case 0: return nil
                case 1: return "dangling \(Int.random(in: 0..<5, using: &random))"
                default: return titles.randomElement(using: &random)
                }
            }
            let given = (0..<count).map { i -> Entry in
                let month = String(format: "%02d", Int.random(in: 1...3, using: &random))
                let folder = Bool.random(using: &random) ? "2026/\(month)" : "été/\(month)"
                let web = Int.random(in: 0..<5, using: &random) == 0
                let address = { "https://ex.example/\(Int.random(in: 0..<8, using: &random))" }
                return entry(
                    "/a/\(folder)/\(i)-\(titles[i].prefix(4)).txt", titles[i], previous: some(), next: some(),
                    id: Int.random(in: 0..<10, using: &random) == 0
                        ? "/dup/\(Int.random(in: 0..<3, using: &random))" : nil,
                    folder: folder, url: web ? address() : nil, previousURL: web ? address() : nil,
                    nextURL: web && Bool.random(using: &random) ? address() : nil)
            }
            assertMatchesPlainModel(given)
            if testRun?.failureCount ?? 0 > 0 { return XCTFail("seed \(seed), round \(round)") }
        }
    }

    /// Through the loader, in slices, from files: the same collection as built from the entries at once.
    func testTheLoadersPackedCollectionEqualsTheOneBuiltWhole() {
        let names = ["2026/01/caf\u{E9}.txt", "2026/01/日本.txt", "2026/02/a.txt", "2026/02/b.txt", "broken.txt"]
        let texts = [
            Fixture(title: "Caf\u{E9}", blocks: ["x"], next: "日本").text,
            Fixture(title: "日本", blocks: ["y"], previous: "Cafe\u{301}", next: "A").text,
            Fixture(title: "A", blocks: ["z"], previous: "日本").text,
            Fixture(title: "A", blocks: ["w"], next: "Gone").text,
            "",
        ]
        let store = MemoryStore(Array(zip(names, texts)).map { (name: $0, text: $1) })
        var loader = CollectionLoader(store: store)
        loader.sliceSize = 2
        let folders = names.map { $0.split(separator: "/").dropLast().joined(separator: "/") }
        let loaded = loader.collection(of: names, folders: folders)
        let plain = Array(loaded.entries)
        XCTAssertEqual(plain.count, 4)
        XCTAssertEqual(loaded.failures.count, 1)
        assertMatchesPlainModel(plain)
        XCTAssertEqual(loaded.resolutions, ArticleCollection(entries: plain).resolutions)
        XCTAssertEqual(plain.map(\.folder), ["2026/01", "2026/01", "2026/02", "2026/02"])
    }

    func testAPathListGivesBackEveryPathByteForByte() {
        let paths = ["/a/2026/01/caf\u{E9}.txt", "/a/2026/01/cafe\u{301}.txt", "", "relative/日本.md", "/a/x.txt"]
        var list = PathList()
        list.reserveCapacity(2, bytes: 4)
        list.append(contentsOf: paths)
        XCTAssertEqual(list.count, paths.count)
        XCTAssertEqual(list.map { Array($0.utf8) }, paths.map { Array($0.utf8) })
        XCTAssertTrue(list.isPath(0, paths[0]))
        XCTAssertFalse(list.isPath(0, paths[1]), "canonically equivalent is not the same path")
        XCTAssertEqual(list.byteCount, paths.reduce(0) { $0 + $1.utf8.count })
        XCTAssertEqual(PathList(paths), list)
    }

    func testAnEmptyCollectionAnswersEveryLookup() {
        let collection = ArticleCollection(entries: [])
        XCTAssertTrue(collection.entries.isEmpty)
        XCTAssertNil(collection.index(of: ArticleID(key: "/x")))
        XCTAssertEqual(collection.entries(titled: "x"), [])
        XCTAssertTrue(collection.duplicateTitles.isEmpty)
    }
}
