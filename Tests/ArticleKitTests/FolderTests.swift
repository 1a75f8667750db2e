import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit
@testable import Reports

/// Real files on disk: bad files are skipped with a reason, the rest is served.
final class FolderTests: XCTestCase {
    var tmp: TemporaryFolder!
    var folder: String { tmp.path }

    override func setUpWithError() throws {
        tmp = try temporaryFolder("folder")
    }

    func testBadFilesAreSkippedWithReasons() throws {
        tmp.write("01_good.txt", Fixture(title: "Good", blocks: [paragraph("Fine.")], next: "Other"))
        tmp.write("02_empty.txt", [])
        tmp.write("03_png.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
        tmp.write("04_notes.csv", Array("not an article".utf8))
        tmp.write(".hidden.txt", Array("hidden".utf8))
        // A folder is a subfolder whatever its name (read, and empty): not a file refused.
        try tmp.makeFolder("05_dir.txt")
        XCTAssertEqual(mkfifo(folder + "/06_fifo.txt", 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: folder + "/07_zero.txt", withDestinationPath: "/dev/zero")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/08_loop.txt", withDestinationPath: folder + "/08_loop.txt")

        let loader = CollectionLoader()
        let c = try loader.collection(ofFolder: folder)
        XCTAssertEqual(c.entries.map { ($0.source as NSString).lastPathComponent }, ["01_good.txt"])
        let reasons = c.failures.map(\.reason)
        XCTAssertEqual(
            reasons,
            [
                "skipped, the file is empty",
                "skipped, it looks like binary data, not text",
                "skipped, it is a named pipe (FIFO), not a regular file",
                "skipped, it is a character device, not a regular file",
                "cannot be read (too many levels of symbolic links)",
            ])
    }

    func testSizeLimitAndMissingPaths() throws {
        tmp.write("big.txt", Array(repeating: UInt8(ascii: "a"), count: 5000))
        let reader = FileReader(sizeLimit: 1000)
        XCTAssertThrowsError(try reader.read(folder + "/big.txt")) { error in
            XCTAssertEqual((error as? ArticleError)?.reason, "skipped, 5.0 kB is over the 1.0 kB limit for one article")
        }
        XCTAssertThrowsError(try reader.read(folder + "/gone.txt")) {
            XCTAssertEqual($0 as? ArticleError, .notFound(path: self.folder + "/gone.txt"))
        }
        XCTAssertThrowsError(try CollectionLoader().collection(ofFolder: folder + "/nope"))
        try FileManager.default.removeItem(atPath: folder + "/big.txt")
        tmp.write("notes.csv", Array("not an article".utf8))
        XCTAssertThrowsError(try CollectionLoader().collection(ofFolder: folder)) {
            XCTAssertEqual($0 as? ArticleError, .noArticles(path: self.folder))
        }
    }

    func testSingleFileResolvesAgainstItsFolder() throws {
        tmp.write("a.txt", Fixture(title: "Alpha", blocks: [paragraph("A.")], next: "Beta"))
        tmp.write("b.txt", Fixture(title: "Beta", blocks: [paragraph("B.")], previous: "Alpha"))
        let (library, selected, _) = try ArticleLibrary.open(paths: [folder + "/a.txt"])
        XCTAssertEqual(selected.count, 1)
        let link = try XCTUnwrap(library.collection.link(selected[0], .next))
        XCTAssertEqual(library.collection.entries[try XCTUnwrap(link.target)].source, folder + "/b.txt")
    }
}

final class FirstArticleCacheTests: XCTestCase {
    func testCachedFirstArticleIsValidUntilTheFolderChanges() throws {
        let root = try temporaryFolder("cache")
        let folder = try root.makeFolder("articles")
        for name in ["b.txt", "c.txt", "a.csv"] {
            root.write("articles/" + name, Fixture(title: name, blocks: [paragraph("x")]))
        }
        let cache = FirstArticleCache(directory: root.path("cache"))
        XCTAssertNil(cache.lookup(folder: folder, fileExtension: FormatChooser.defaultExtensions))
        let library = try XCTUnwrap(try ArticleLibrary.openFirst(paths: [folder], cache: cache))
        XCTAssertEqual(library.collection.entries.map(\.source), [folder + "/b.txt"])
        XCTAssertEqual(cache.lookup(folder: folder, fileExtension: FormatChooser.defaultExtensions), folder + "/b.txt")
        XCTAssertNil(cache.lookup(folder: folder, fileExtension: "csv"))
        // A new file changes the folder's mtime: the cache no longer answers. The file system's clock may not
        // have moved on since the cache was made, so the mtime is set to another time rather than waited for.
        root.write("articles/a.txt", Fixture(title: "A", blocks: [paragraph("x")]))
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1e9)], ofItemAtPath: folder)
        XCTAssertNil(cache.lookup(folder: folder, fileExtension: FormatChooser.defaultExtensions))
        let again = try XCTUnwrap(try ArticleLibrary.openFirst(paths: [folder], cache: cache))
        XCTAssertEqual(again.collection.entries.map(\.source), [folder + "/a.txt"])
    }
}

final class FileNameTests: XCTestCase {
    /// A Latin-1 file name is listed, opened and shown with its odd byte as \xNN.
    func testNonUTF8NamesOpenAndShowSafely() throws {
        let folder = try temporaryFolder("names").path
        let raw = Array("\(folder)/caf".utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let text = Fixture(title: "Café", blocks: [paragraph("Latin-1 name.")]).bytes
        let fd = raw.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(fd, 0)
        _ = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let c = try CollectionLoader().collection(ofFolder: folder)
        XCTAssertEqual(c.failures, [])
        XCTAssertEqual(c.entries.map(\.links.title), ["Café"])
        XCTAssertTrue(shown(c.entries[0].source).hasSuffix("/caf\\xE9.txt"))
        XCTAssertEqual(FileName.encode(c.entries[0].source).map { UInt8(bitPattern: $0) }, raw)
    }

    func testControlCharactersInNamesAreNeutralisedInText() {
        let path = "/tmp/a\u{1B}]0;title\u{07}\u{202E}b.txt"
        let text = ArticleError.empty(path: path).description
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
        let json = JSONValue.string(path).serialized
        XCTAssertTrue(json.contains("\\u001b") && json.contains("\\u202e"), json)
    }
}
