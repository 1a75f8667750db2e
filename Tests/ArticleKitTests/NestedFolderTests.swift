import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// A named folder is read with its subfolders (issue 21, item 1): in path order, hidden folders and
/// loops left out, depth bounded, the first article found without listing everything, chains across
/// folders, and `--depth`/`--no-recurse` keeping to the folder itself.
final class NestedFolderTests: XCTestCase {
    var tmp: TemporaryFolder!
    var root: String { tmp.path }

    override func setUpWithError() throws {
        tmp = try temporaryFolder("nested")
    }

    /// Writes an article at a relative path, making its folders.
    @discardableResult
    func article(_ path: String, _ title: String, previous: String? = nil, next: String? = nil) throws -> String {
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try tmp.makeFolder(parent) }
        return tmp.write(path, Fixture(title: title, blocks: [paragraph(title)], previous: previous, next: next))
    }

    func relative(_ paths: [String]) -> [String] { paths.map { String($0.dropFirst(root.count + 1)) } }

    /// Files at several levels, names that sort either side of "/", hidden folders and files, other
    /// extensions: the listing is every article in the order of its path's bytes.
    func testANestedTreeIsListedInPathOrderWithoutHiddenFolders() throws {
        for path in [
            "top.txt", "2026/02/a.txt", "2026/01/b.md", "2026/01/a.txt", "2025/12/z.txt", "a-b.txt", "a/x.txt",
            "a.txt", "2026/notes.txt", ".hidden/h.txt", "2026/.drafts/d.txt", "2026/01/.swap.txt", "2026/01/x.csv",
        ] {
            try article(path, "Title of " + path)
        }
        let listing = try CollectionLoader().listing(folder: root)
        let expected = [
            "2025/12/z.txt", "2026/01/a.txt", "2026/01/b.md", "2026/02/a.txt", "2026/notes.txt", "a-b.txt", "a.txt",
            "a/x.txt", "top.txt",
        ]
        XCTAssertEqual(relative(listing.files), expected)
        XCTAssertEqual(
            expected, expected.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) },
            "the order of the paths' bytes, as LC_ALL=C sort")
        XCTAssertEqual(listing.folders, ["2025/12", "2026/01", "2026/01", "2026/02", "2026", "", "", "a", ""])
        XCTAssertEqual(listing.skipped, [])
        XCTAssertEqual(CollectionLoader().firstArticle(inFolder: root), listing.files.first)
        // A folder named with a "/" at its end: the same files.
        XCTAssertEqual(try CollectionLoader().list(folder: root + "/"), listing.files)
    }

    /// A link back up is a loop: skipped and said, once. A link to a folder read already (a "latest"
    /// link) is not read twice and not said: it is the same folder.
    func testSymlinkLoopsEndAndALinkedFolderIsReadOnce() throws {
        try article("2026/01/a.txt", "January")
        try article("2026/02/b.txt", "February")
        try FileManager.default.createSymbolicLink(atPath: tmp.path("2026/01/up"), withDestinationPath: "../..")
        try FileManager.default.createSymbolicLink(atPath: tmp.path("2026/02/self"), withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: tmp.path("latest"), withDestinationPath: "2026/02")
        let listing = try CollectionLoader().listing(folder: root)
        XCTAssertEqual(relative(listing.files), ["2026/01/a.txt", "2026/02/b.txt"])
        XCTAssertEqual(
            listing.skipped.map(\.description),
            [
                root + "/2026/01/up: folder not read, it leads back to a folder it is in (a loop)",
                root + "/2026/02/self: folder not read, it leads back to a folder it is in (a loop)",
            ])
        // Named through the link, the linked folder is the root: its own loop is still said.
        let linked = try CollectionLoader().listing(folder: tmp.path("latest"))
        XCTAssertEqual(linked.files, [tmp.path("latest/b.txt")])
        XCTAssertEqual(linked.skipped.map(\.path), [tmp.path("latest/self")])
    }

    /// A chain of 20 folders, a file in each: 16 folders down are read, the 17th is said and not
    /// read; a depth given is kept without a word; 0 is the folder alone.
    func testDepthIsBoundedAndWhatIsPastItIsSaid() throws {
        var path = ""
        for level in 0...20 {
            try article(path + "f\(level).txt", "Level \(level)")
            path += "d/"
        }
        let listing = try CollectionLoader().listing(folder: root)
        XCTAssertEqual(listing.files.count, FolderWalk.defaultDepth + 1)
        // "d/" sorts before "f0.txt": the deepest file comes first.
        XCTAssertEqual(listing.files.first, root + "/" + String(repeating: "d/", count: 16) + "f16.txt")
        XCTAssertEqual(listing.skipped.count, 1)
        XCTAssertEqual(
            listing.skipped.first?.description,
            root + "/" + String(repeating: "d/", count: 16)
                + "d: folder not read, it is more than 16 folders down (name it, or give --depth)")
        let three = try CollectionLoader(depth: 3).listing(folder: root)
        XCTAssertEqual(relative(three.files), ["d/d/d/f3.txt", "d/d/f2.txt", "d/f1.txt", "f0.txt"])
        XCTAssertEqual(three.skipped, [], "a depth given is kept without a word")
        XCTAssertEqual(relative(try CollectionLoader(depth: 0).list(folder: root)), ["f0.txt"])
        XCTAssertEqual(try CollectionLoader(depth: 40).list(folder: root).count, 21)
    }

    /// The first article by path is found listing only the folders on the way to it (a year/month
    /// archive: the folder, the first year, the first month), and it is what the listing gives first.
    func testTheFirstArticleIsTheFirstByPathAndCostsOnlyItsFolders() throws {
        for year in 2024...2026 {
            for month in 1...12 {
                try article(String(format: "%d/%02d/b.txt", year, month), "News of \(year)-\(month)")
            }
        }
        try tmp.makeFolder("2023")  // empty: listed, then passed
        try article(".early/a.txt", "Hidden")
        try article("2024/01-notes.txt", "Notes")  // "01-" sorts before "01/"
        let loader = CollectionLoader()
        let walk = loader.firstArticleWalk(inFolder: root)
        XCTAssertEqual(walk.first, root + "/2024/01-notes.txt")
        XCTAssertEqual(walk.first, try loader.list(folder: root).first)
        XCTAssertEqual(walk.listed.map { String(decoding: $0.folder, as: UTF8.self) }, ["", "2023/", "2024/"])
        try FileManager.default.removeItem(atPath: tmp.path("2024/01-notes.txt"))
        let again = loader.firstArticleWalk(inFolder: root)
        XCTAssertEqual(again.first, root + "/2024/01/b.txt")
        XCTAssertEqual(
            again.listed.map { String(decoding: $0.folder, as: UTF8.self) }, ["", "2023/", "2024/", "2024/01/"])
        XCTAssertNil(CollectionLoader(depth: 0).firstArticle(inFolder: root), "no article in the folder itself")
    }

    /// The cache of the first article holds while the folders the walk listed keep their times; a file
    /// added in the first month (whose folder alone changes) is seen.
    func testTheFirstArticleCacheWatchesEveryFolderOnTheWay() throws {
        try article("2026/01/m.txt", "January")
        try article("2026/02/a.txt", "February")
        let cacheFolder = try temporaryFolder("first-cache")
        let cache = FirstArticleCache(directory: cacheFolder.path)
        let first = try XCTUnwrap(try ArticleLibrary.openFirst(paths: [root], cache: cache))
        XCTAssertEqual(first.collection.entries.map(\.source), [root + "/2026/01/m.txt"])
        XCTAssertEqual(first.collection.entries.map(\.folder), ["2026/01"])
        XCTAssertEqual(
            cache.lookup(folder: root, fileExtension: FormatChooser.defaultExtensions), root + "/2026/01/m.txt")
        XCTAssertNil(cache.lookup(folder: root, fileExtension: FormatChooser.defaultExtensions, depth: 0))
        try article("2026/01/a.txt", "Earlier in January")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1e9)], ofItemAtPath: tmp.path("2026/01"))
        XCTAssertNil(cache.lookup(folder: root, fileExtension: FormatChooser.defaultExtensions))
        let again = try XCTUnwrap(try ArticleLibrary.openFirst(paths: [root], cache: cache))
        XCTAssertEqual(again.collection.entries.map(\.source), [root + "/2026/01/a.txt"])
    }

    /// PREV/NEXT resolve across the month folders: one chain, head to tail, each entry knowing its folder.
    func testChainsResolveAcrossFolders() throws {
        try article("2025/12/x.txt", "December", next: "January")
        try article("2026/01/x.txt", "January", previous: "December", next: "February")
        try article("2026/02/x.txt", "February", previous: "January")
        try article("index.txt", "Index")
        let (library, selected, failed) = try ArticleLibrary.open(paths: [root])
        XCTAssertEqual(failed, [])
        XCTAssertEqual(selected.count, 4)
        let chains = ChainBuilder.build(library.collection).chains
        let entries = library.collection.entries
        XCTAssertEqual(
            chains.map { $0.entries.map { entries[$0].links.title } },
            [["December", "January", "February"], ["Index"]])
        XCTAssertEqual(entries.map(\.folder), ["2025/12", "2026/01", "2026/02", ""])
        XCTAssertEqual(CollectionChecker.diagnostics(library.collection), [])
        // --no-recurse: the folder alone.
        let flat = try ArticleLibrary.open(paths: [root], loader: CollectionLoader(depth: 0))
        XCTAssertEqual(flat.library.collection.entries.map(\.links.title), ["Index"])
        XCTAssertEqual(flat.library.collection.entries.map(\.folder), [""])
    }

    /// What the command line names: a folder's loops are reported with the files that failed; a file
    /// named in a month folder is read with its own folder (and its subfolders).
    func testOpenReportsSkippedFoldersAndANamedFileKeepsItsFolder() throws {
        try article("2026/01/a.txt", "A", next: "B")
        try article("2026/01/b.txt", "B", previous: "A")
        try FileManager.default.createSymbolicLink(atPath: tmp.path("2026/loop"), withDestinationPath: "..")
        let (_, _, failed) = try ArticleLibrary.open(paths: [root])
        XCTAssertEqual(failed.map(\.path), [tmp.path("2026/loop")])
        let named = try ArticleLibrary.open(paths: [tmp.path("2026/01/a.txt")])
        XCTAssertEqual(named.failed, [])
        let link = try XCTUnwrap(named.library.collection.link(named.selected[0], .next))
        XCTAssertEqual(link.target.map { named.library.collection.entries[$0].source }, tmp.path("2026/01/b.txt"))
    }

    /// What the index and the reading state ask of a kept path: under the folder, no hidden folder on
    /// the way, at most so deep.
    func testReachesJudgesAPathBySpellingAlone() {
        XCTAssertTrue(FolderWalk.reaches("/a/b.txt", from: "/a", depth: 0))
        XCTAssertTrue(FolderWalk.reaches("/a/b.txt", from: "/a/", depth: 0))
        XCTAssertFalse(FolderWalk.reaches("/a/2026/b.txt", from: "/a", depth: 0))
        XCTAssertTrue(FolderWalk.reaches("/a/2026/01/b.txt", from: "/a", depth: 2))
        XCTAssertFalse(FolderWalk.reaches("/a/2026/01/b.txt", from: "/a", depth: 1))
        XCTAssertFalse(FolderWalk.reaches("/a/.drafts/b.txt", from: "/a", depth: 16))
        XCTAssertFalse(FolderWalk.reaches("/ab/c.txt", from: "/a", depth: 16))
        XCTAssertFalse(FolderWalk.reaches("/a/", from: "/a", depth: 16))
        XCTAssertEqual(FolderWalk.relativeFolder(of: "news/2026/01/x.txt", under: "news"), "2026/01")
        XCTAssertEqual(FolderWalk.relativeFolder(of: "news/x.txt", under: "news/"), "")
        XCTAssertEqual(FolderWalk.relativeFolder(of: "2026/x.txt", under: ""), "2026")
    }
}
