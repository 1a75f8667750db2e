import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// An article's identity: its path made canonical, the same however it was named,
/// and found in a collection by a dictionary whatever else the collection holds.
final class ArticleIDTests: XCTestCase {
    func testPathsAreMadeAbsoluteAndCanonical() {
        let cases: [(String, String)] = [
            ("/srv/news/a.txt", "/srv/news/a.txt"),
            ("a.txt", "/work/a.txt"),
            ("./news//a.txt", "/work/news/a.txt"),
            ("news/./old/../a.txt", "/work/news/a.txt"),
            ("/srv/news/", "/srv/news"),
            ("/srv/..", "/"),
            ("../../../a.txt", "/a.txt"),
            ("/srv/.../a.txt", "/srv/.../a.txt"),
            ("/srv/.hidden/..x.txt", "/srv/.hidden/..x.txt"),
            ("/", "/"),
        ]
        for (path, expected) in cases {
            XCTAssertEqual(ArticleID.file(path, in: "/work").key, expected, path)
        }
        XCTAssertEqual(ArticleID.file("a.txt", in: "/work/").key, "/work/a.txt")
    }

    /// The quick byte check says "canonical" exactly when making the path canonical changes nothing.
    func testTheQuickCheckAgreesWithTheSlowPath() {
        let parts = ["", ".", "..", "...", "a", ".a", "a.", "é"]
        var paths: [String] = []
        for x in parts { for y in parts { for z in parts { paths.append("/" + [x, y, z].joined(separator: "/")) } } }
        paths += ["/", "//", "/a/", "/a//b", "/a/b/."]
        for path in paths {
            XCTAssertEqual(ArticleID.isCanonical(path), ArticleID.canonical(path) == path, path)
        }
    }

    func testNamesThatAreNotPathsAreTheirOwnIdentity() {
        let store = MemoryStore([(name: "builtin:a.txt", text: Fixture(title: "A", blocks: [paragraph("A.")]).text)])
        XCTAssertEqual(store.identity(of: "builtin:a.txt"), ArticleID(key: "builtin:a.txt"))
        let collection = CollectionLoader(store: store).collection(of: ["builtin:a.txt"])
        XCTAssertEqual(collection.entries[0].id, ArticleID(key: "builtin:a.txt"))
    }

    func testTheSameFileNamedTwiceIsOneArticle() throws {
        let temporary = try temporaryFolder("id")
        let folder = temporary.path
        for name in ["a.txt", "b.txt"] { temporary.write(name, Fixture(title: name, blocks: [paragraph(name)])) }
        let (library, selected, _) = try ArticleLibrary.open(paths: [folder, folder + "/./a.txt", folder + "//b.txt"])
        XCTAssertEqual(
            library.collection.entries.map { ($0.source as NSString).lastPathComponent }, ["a.txt", "b.txt"])
        XCTAssertEqual(selected, [0, 1, 0, 1])
        XCTAssertEqual(library.collection.entries[0].id, FileStore().identity(of: folder + "/sub/../a.txt"))
    }

    /// Files added in front move every entry; the identity still finds each article.
    func testLookupSurvivesTheCollectionChanging() {
        let texts = (1...5).map { n in
            (name: "0\(n).txt", text: Fixture(title: "T\(n)", blocks: [paragraph("\(n)")]).text)
        }
        let store = MemoryStore(texts)
        let loader = CollectionLoader(store: store)
        let before = loader.collection(of: ["03.txt", "04.txt"])
        let after = loader.collection(of: texts.map(\.name))
        for (i, entry) in before.entries.enumerated() {
            XCTAssertEqual(before.index(of: entry.id), i)
            let moved = try! XCTUnwrap(after.index(of: entry.id))
            XCTAssertEqual(after.entries[moved].links.title, entry.links.title)
            XCTAssertEqual(moved, i + 2)
        }
        XCTAssertNil(before.index(of: ArticleID(key: "01.txt")))
        XCTAssertFalse(before.contains(ArticleID(key: "05.txt")))
        XCTAssertTrue(after.contains(ArticleID(key: "05.txt")))
    }
}
