import ArticleKit
import Foundation
import GazetteTestSupport
import XCTest

/// The one answer to "which folders do these paths mean", used by the reader, the index, the reading
/// state and the commands.
final class NamedPathsTests: XCTestCase {
    func testAFolderMeansItselfAFileItsFolderAndNothingMeansNone() throws {
        let temp = try temporaryFolder()
        let sub = try temp.makeFolder("news")
        let file = temp.write("news/a.txt", Array("A\n\nText.\n".utf8))
        XCTAssertEqual(NamedPaths.kind(sub), .folder)
        XCTAssertEqual(NamedPaths.kind(file), .file)
        XCTAssertEqual(NamedPaths.kind(temp.path("gone.txt")), .missing)
        XCTAssertEqual(
            NamedPaths.folders([file, sub, temp.path("gone.txt"), temp.path]), [sub, temp.path],
            "the file's folder once, the missing path none")
        XCTAssertEqual(NamedPaths.parent("a.txt"), "")
        XCTAssertEqual(NamedPaths.parent("/a.txt"), "/")
    }

    func testABareFileNameMeansTheCurrentFolder() throws {
        let temp = try temporaryFolder()
        temp.write("bare.txt", Array("A\n\nText.\n".utf8))
        let before = FileManager.default.currentDirectoryPath
        defer { FileManager.default.changeCurrentDirectoryPath(before) }
        FileManager.default.changeCurrentDirectoryPath(temp.path)
        XCTAssertEqual(NamedPaths.folders(["bare.txt"]), ["."])
    }

    func testABrokenLinkIsNeitherAFileNorMissing() throws {
        let temp = try temporaryFolder()
        let link = temp.path("dangling.txt")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: temp.path("nowhere.txt"))
        XCTAssertEqual(NamedPaths.kind(link), .brokenLink)
        XCTAssertEqual(NamedPaths.folders([link]), [])
    }
}
