import GazetteTestSupport
import Synchronization
import XCTest

@testable import ArticleKit

/// What the collection keeps per article and holds while it is built (issue 21, the reader's memory):
/// the representation changed, the entries did not.
final class CollectionMemoryTests: XCTestCase {
    /// The storage a string's bytes live in (nil for a small string held inline).
    func storage(_ text: String) -> UnsafePointer<UInt8>? {
        var copy = text
        return copy.withUTF8 { $0.count > 15 ? $0.baseAddress : nil }
    }

    func entry(_ source: String, _ title: String, previous: String? = nil, next: String? = nil)
        -> ArticleCollection.Entry
    {
        ArticleCollection.Entry(
            source: source, links: ArticleLinks(title: title, previousTitle: previous, nextTitle: next))
    }

    func testALinkNamingAnotherArticleSharesThatArticlesTitleAndKeepsItsValue() {
        // Built from separate strings, as the catalogue's rows and the edge scans give them.
        let title = String(decoding: Array("The harbour bakery opens again".utf8), as: UTF8.self)
        let named = String(decoding: Array("The harbour bakery opens again".utf8), as: UTF8.self)
        XCTAssertNotEqual(storage(title), storage(named))
        let given = [
            entry("a", title, next: "Market day in the old town"),
            entry("b", "Market day in the old town", previous: named),
        ]
        var entries = given
        ArticleCollection.shareTitles(&entries)
        XCTAssertEqual(entries, given, "the same entries as given")
        let collection = ArticleCollection(entries: entries)
        XCTAssertEqual(storage(collection.entries[1].links.previousTitle!), storage(collection.entries[0].links.title))
        // Packed, the strings read are made on access (the pointers above may be one block reused): the
        // sharing is the link holding the title's own string number.
        let records = collection.entries.storage.records
        XCTAssertEqual(records[1].previous, records[0].title)
        XCTAssertEqual(records[0].next, records[1].title)
        XCTAssertEqual(collection.link(1, .previous)?.target, 0)
    }

    func testATitleEqualOnlyUnderUnicodeEquivalenceKeepsItsOwnBytes() {
        // "é" precomposed in the title, decomposed in the link: equal as Swift strings, other bytes.
        let title = "Caf\u{E9} society and its long history"
        let named = "Cafe\u{301} society and its long history"
        XCTAssertEqual(title, named)
        var entries = [entry("a", title), entry("b", "Other", previous: named)]
        ArticleCollection.shareTitles(&entries)
        let collection = ArticleCollection(entries: entries)
        XCTAssertEqual(Array(collection.entries[1].links.previousTitle!.utf8), Array(named.utf8))
        XCTAssertEqual(Array(collection.link(1, .previous)!.title.utf8), Array(named.utf8))
    }

    func testTheFirstEntryWinsAnIdentitySharedByTwo() {
        let id = ArticleID(key: "/same")
        let collection = ArticleCollection(entries: [
            ArticleCollection.Entry(
                source: "x", links: ArticleLinks(title: "X", previousTitle: nil, nextTitle: nil), id: id),
            ArticleCollection.Entry(
                source: "y", links: ArticleLinks(title: "Y", previousTitle: nil, nextTitle: nil), id: id),
        ])
        XCTAssertEqual(collection.index(of: id), 0)
    }

    /// A store that counts the catalogue's asks: a scan in slices gives the entries one scan gave.
    func testAScanInSlicesGivesTheSameCollectionAsOneScan() {
        let files =
            (0..<23).map { i in
                (
                    name: "f\(i)",
                    text: Fixture(
                        title: "Title \(i)", blocks: ["Body \(i)."], previous: i > 0 ? "Title \(i - 1)" : nil,
                        next: i < 22 ? "Title \(i + 1)" : nil
                    ).text
                )
            } + [(name: "broken", text: "")]
        let store = MemoryStore(files)
        let whole = CollectionLoader(store: store).collection(of: files.map(\.name))
        let asks = Mutex<[[String]]>([])
        var loader = CollectionLoader(store: store)
        loader.sliceSize = 5
        loader.catalogue = { keys in
            asks.withLock { $0.append(keys) }
            return keys.map { _ in nil }
        }
        let pass = FolderPass()
        loader.pass = pass
        let sliced = loader.collection(of: files.map(\.name))
        XCTAssertEqual(sliced.entries, whole.entries)
        XCTAssertEqual(sliced.failures, whole.failures)
        XCTAssertEqual(sliced.resolutions, whole.resolutions)
        XCTAssertEqual(asks.withLock { $0.map(\.count) }, [5, 5, 5, 5, 4], "one ask per slice, in order")
        XCTAssertEqual(asks.withLock { $0.flatMap { $0 } }, files.map(\.name))
        XCTAssertEqual(
            ChainBuilder.build(sliced).chains.map(\.entries), ChainBuilder.build(whole).chains.map(\.entries))
    }

    func testParallelMapKeepsOrderAtEverySize() {
        for count in [0, 1, 64, 65, 1_000, 10_007] {
            let items = (0..<count).map { "item \($0)" }
            XCTAssertEqual(ParallelMap.map(items) { $0 + "!" }, items.map { $0 + "!" }, "\(count) items")
        }
    }
}

/// The title index holds hashes, not keys: two titles whose hashes collide must still be told apart.
final class TitleIndexCollisionTests: XCTestCase {
    private func entry(_ title: String) -> ArticleCollection.Entry {
        .init(source: "/a/\(title).txt", links: ArticleLinks(title: title, previousTitle: nil, nextTitle: nil))
    }

    func testCollidingHashesKeepEachTitlesOwnEntries() {
        let entries = ["Alpha", "Beta", "ALPHA", "Gamma", "beta"].map(entry)
        let index = TitleIndex(entries, hash: { _ in 7 })
        XCTAssertEqual(index.entries(TitleKey("alpha"), in: entries), [0, 2])
        XCTAssertEqual(index.entries(TitleKey("Beta"), in: entries), [1, 4])
        XCTAssertEqual(index.entries(TitleKey("gamma"), in: entries), [3])
        XCTAssertEqual(index.entries(TitleKey("Delta"), in: entries), [])
        XCTAssertEqual(index.lists.sorted { $0[0] < $1[0] }, [[0, 2], [1, 4], [3]])
    }

    func testTheCollectionsLookupsMatchTheFoldedTitle() {
        let collection = ArticleCollection(entries: ["Alpha", "Beta", "ALPHA"].map(entry))
        XCTAssertEqual(collection.entries(titled: "alpha"), [0, 2])
        XCTAssertEqual(collection.entries(titled: "Delta"), [])
        XCTAssertEqual(collection.duplicateTitles.map(\.entries), [[0, 2]])
    }
}
