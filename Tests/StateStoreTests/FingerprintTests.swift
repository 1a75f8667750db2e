import ArticleKit
import StateStore
import XCTest

/// Fingerprints are stored in every reading-state database and in exports: they must never
/// change with the code that makes them.
final class FingerprintTests: XCTestCase {
    func testAFingerprintIsPinnedAndFoldsWhiteSpace() {
        XCTAssertEqual(
            Fingerprint.of(Array("  Title\r\n\r\nCittà  e café.\n\n".utf8)), "cdc923f71cd7a51db52c295f7b12821a")
        XCTAssertEqual(
            Fingerprint.of(Array("Title\n\nCittà e café.".utf8)), "cdc923f71cd7a51db52c295f7b12821a",
            "line endings, runs of spaces and the ends do not count")
    }
}
