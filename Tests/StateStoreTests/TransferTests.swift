import Foundation
import ReaderCore
import XCTest

@testable import StateStore

/// Export and import keep two files with the same text apart (issue 20): each article's state goes
/// back to its own row, found by path first; the fingerprint only finds a file moved or on another machine.
final class TransferTests: XCTestCase {
    let place = TextPlace(block: 2, offset: 0, heading: nil, snippet: "Same words")

    func testTwoFilesWithTheSameTextKeepTheirOwnState() throws {
        let here = TempState()
        let a = here.article("a.txt", "Same\n\nSame words.\n")
        let b = here.article("b.txt", "Same\n\nSame words.\n")
        XCTAssertEqual(here.key(a).fingerprint, here.key(b).fingerprint)
        let mine = try here.open()
        try mine.opened(here.key(a), title: "Same", at: 10)
        try mine.setRead([here.key(a)], read: true, at: 11)
        try mine.opened(here.key(b), title: "Same", at: 20)
        try mine.savePosition(here.key(b), place: place, progress: 40, at: 21)
        let lines = try mine.export().map(StateJSON.line).joined(separator: "\n")

        // Imported into a fresh state: two rows, each with its own state.
        let there = TempState()
        let theirs = try there.open()
        XCTAssertEqual(try theirs.importing(try StateJSON.articles(lines)), ImportSummary(merged: 0, added: 2))
        let fresh = Dictionary(uniqueKeysWithValues: try theirs.export().map { ($0.path, $0) })
        XCTAssertEqual(fresh[a]?.read, true)
        XCTAssertEqual(fresh[a]?.progress, 0)
        XCTAssertEqual(fresh[b]?.read, false, "b's row is not a's")
        XCTAssertEqual(fresh[b]?.progress, 40)

        // Imported back where both rows are: each merges into its own.
        XCTAssertEqual(try mine.importing(try StateJSON.articles(lines)), ImportSummary(merged: 2, added: 0))
        let same = Dictionary(uniqueKeysWithValues: try mine.export().map { ($0.path, $0) })
        XCTAssertEqual(same[a]?.read, true)
        XCTAssertNil(same[a]?.position, "b's place did not land on a")
        XCTAssertEqual(same[b]?.read, false, "a's read state did not land on b")
        XCTAssertEqual(same[b]?.position?.place, place)
    }

    /// One row with that text and two exported articles: the first takes it, the second gets a row of its own.
    func testOneRowIsNeverTakenForTwoArticles() throws {
        let here = TempState()
        let a = here.article("a.txt", "Same\n\nSame words.\n")
        let b = here.article("b.txt", "Same\n\nSame words.\n")
        let mine = try here.open()
        try mine.setRead([here.key(a)], read: true, at: 11)
        try mine.savePosition(here.key(b), place: place, progress: 40, at: 21)
        let lines = try mine.export().map(StateJSON.line).joined(separator: "\n")
        let there = TempState()
        let moved = there.article("elsewhere.txt", "Same\n\nSame words.\n")
        let theirs = try there.open()
        try theirs.opened(there.key(moved), title: "Same", at: 5)
        XCTAssertEqual(try theirs.importing(try StateJSON.articles(lines)), ImportSummary(merged: 1, added: 1))
        XCTAssertEqual(try theirs.export().count, 2)
    }
}
