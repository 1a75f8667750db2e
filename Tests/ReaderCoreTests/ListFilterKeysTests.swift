import ArticleKit
import XCTest

@testable import ReaderCore

/// The article list's filter through the titles the collection folded once (`TitleFilterKeys`): the same
/// matches as folding each title per key, where a byte match is not a match (inside a cluster kept
/// whole, case when the filter has a capital) and when a word names the folder.
final class ListFilterKeysTests: XCTestCase {
    private func filtered(_ titles: [(String, folder: String)], _ filter: String, thenDelete: Int = 0) -> [Int] {
        let files = titles.enumerated().map { i, t in
            (name: "\(t.folder.isEmpty ? "" : t.folder + "/")0\(i)_a.txt", text: "\(t.0)\n\n-\n\nWords.\n\n-\n")
        }
        let store = MemoryStore(files)
        var collection = CollectionLoader(store: store).collection(of: files.map(\.name))
        collection = ArticleCollection(
            entries: collection.entries.enumerated().map { i, e in
                ArticleCollection.Entry(source: e.source, links: e.links, id: e.id, folder: titles[i].folder)
            })
        var state = ReaderState(
            library: ArticleLibrary(collection: collection, store: store), start: 0, width: 60, height: 12)
        state.press(.character("l"), .character("/"))
        state.type(filter)
        for _ in 0..<thenDelete { state.press(.backspace) }
        guard case .list(let list) = state.overlay else { XCTFail("list closed"); return [] }
        return list.matches
    }

    func testAByteMatchInsideAClusterKeptWholeIsNoMatch() {
        let titles = [("がっこう", folder: ""), ("かっこう", folder: ""), ("Straße am Fluss", folder: "")]
        XCTAssertEqual(filtered(titles, "か"), [1])
        XCTAssertEqual(filtered(titles, "strasse"), [2])
        XCTAssertEqual(filtered(titles, "Strasse"), [2])
        XCTAssertEqual(filtered(titles, "STRASSE"), [])
        XCTAssertEqual(filtered(titles, "strassex", thenDelete: 1), [2], "a Backspace widens again")
    }

    func testAWordMayNameTheFolder() {
        let titles = [
            ("Council vote", folder: "2026/03"), ("Council budget", folder: "2026/04"), ("River", folder: "2026/03"),
        ]
        XCTAssertEqual(filtered(titles, "2026/03 council"), [0])
        XCTAssertEqual(filtered(titles, "council"), [0, 1])
        XCTAssertEqual(filtered(titles, "2026/03"), [0, 2])
    }
}
