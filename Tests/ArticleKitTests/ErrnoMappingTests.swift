import Foundation
import GazetteTestSupport
import XCTest

@testable import ArticleKit

#if canImport(Glibc)
    import Glibc
#endif

/// The errno a failed open/fstat/pread gives, and the ArticleError a person then reads.
/// Tested on the mapping itself: some errors cannot be provoked from a test (as root,
/// a chmod 000 file is readable, so EACCES never happens in HostileFolderTests).
final class ErrnoMappingTests: XCTestCase {
    let path = "/articles/a.txt"

    func testEachErrnoBecomesItsArticleError() {
        XCTAssertEqual(OpenFile.error(ENOENT, path: path), .notFound(path: path))
        XCTAssertEqual(OpenFile.error(EACCES, path: path), .notReadable(path: path, reason: "permission denied"))
        XCTAssertEqual(OpenFile.error(EPERM, path: path), .notReadable(path: path, reason: "permission denied"))
        XCTAssertEqual(
            OpenFile.error(ELOOP, path: path),
            .notReadable(path: path, reason: "too many levels of symbolic links"))
        XCTAssertEqual(OpenFile.error(EISDIR, path: path), .notARegularFile(path: path, kind: "folder"))
    }

    func testTheReasonsPeopleRead() {
        XCTAssertEqual(OpenFile.error(ENOENT, path: path).description, "/articles/a.txt: no such file or folder")
        XCTAssertEqual(OpenFile.error(EACCES, path: path).reason, "cannot be read (permission denied)")
        XCTAssertEqual(OpenFile.error(ELOOP, path: path).reason, "cannot be read (too many levels of symbolic links)")
        XCTAssertEqual(OpenFile.error(EISDIR, path: path).reason, "skipped, it is a folder, not a regular file")
    }

    /// Any other errno: the system's own words, on one line.
    func testOtherErrnosKeepTheSystemMessage() {
        for code in [EIO, EMFILE, ENAMETOOLONG, EOVERFLOW] {
            let error = OpenFile.error(code, path: path)
            XCTAssertEqual(error, .notReadable(path: path, reason: String(cString: strerror(code))), "errno \(code)")
            XCTAssertFalse(error.description.contains("\n"), error.description)
        }
    }

    /// open() on a socket fails with ENXIO: a socket at the path is named as one,
    /// anything else keeps the system's message.
    func testENXIONamesASocket() throws {
        let tmp = try temporaryFolder("errno")
        let socketPath = try XCTUnwrap(tmp.makeSocket("s.txt"), "a Unix socket in \(tmp.path)")
        XCTAssertEqual(OpenFile.error(ENXIO, path: socketPath), .notARegularFile(path: socketPath, kind: "socket"))
        let plain = tmp.write("plain.txt", Array("text".utf8))
        XCTAssertEqual(
            OpenFile.error(ENXIO, path: plain),
            .notReadable(path: plain, reason: String(cString: strerror(ENXIO))))
        XCTAssertEqual(
            OpenFile.error(ENXIO, path: tmp.path("gone.txt")),
            .notReadable(path: tmp.path("gone.txt"), reason: String(cString: strerror(ENXIO))))
    }

    /// A folder that cannot be listed: ENOENT is "no such file", anything else one reason.
    func testListingMapsENOENTAndTheRest() throws {
        let tmp = try temporaryFolder("errno")
        let file = tmp.write("file.txt", Array("text".utf8))
        XCTAssertThrowsError(try CollectionLoader().list(folder: tmp.path("nope"))) {
            XCTAssertEqual($0 as? ArticleError, .notFound(path: tmp.path("nope")))
        }
        // ENOTDIR, which root gets as well as anyone.
        XCTAssertThrowsError(try CollectionLoader().list(folder: file)) {
            XCTAssertEqual($0 as? ArticleError, .notReadable(path: file, reason: "the folder cannot be listed"))
        }
    }
}
