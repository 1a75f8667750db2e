import XCTest

@testable import ArticleKit

/// The fold's shortcut past grapheme breaking must never call a scalar a whole cluster when Swift's
/// `Character` would join it with what follows. Checked for every scalar the shortcut accepts, first
/// or second, against neighbours of every kind it accepts on the other side.
final class LoneScalarTests: XCTestCase {
    private func isLone(_ s: String) -> Bool {
        Array(s.utf8).withUnsafeBufferPointer { LoneScalar.at(0, in: $0) != nil }
    }

    private func check(_ first: Unicode.Scalar, _ second: Unicode.Scalar) {
        let pair = String(String.UnicodeScalarView([first, second]))
        if pair.count != 2 { XCTFail("U+\(String(first.value, radix: 16)) joins U+\(String(second.value, radix: 16))") }
    }

    /// One of each kind of scalar the shortcut accepts on either side.
    private let neighbours: [Unicode.Scalar] = [
        "a", "\u{E9}", "\u{0301}", "\u{416}", "\u{2014}", "\u{3001}",
        "\u{30A2}", "\u{4E2D}", "\u{D55C}", "\u{FF21}", "\u{3030}", "\u{303D}", "\u{309B}", "\u{3105}",
    ]

    func testEveryScalarAcceptedFirstEndsItsCluster() {
        var accepted = 0
        for value in UInt32(0)..<0x11_0000 where LoneScalar.startsAlone(value) {
            guard let u = Unicode.Scalar(value) else { continue }
            accepted += 1
            for next in neighbours where LoneScalar.cannotExtend(next.value) { check(u, next) }
        }
        XCTAssertGreaterThan(accepted, 30_000)
    }

    func testEveryScalarAcceptedSecondStartsACluster() {
        for value in UInt32(0)..<0x11_0000 where LoneScalar.cannotExtend(value) {
            guard let u = Unicode.Scalar(value) else { continue }
            for first in neighbours where LoneScalar.startsAlone(first.value) { check(first, u) }
        }
    }

    func testMarksJamoAndEmojiAreLeftToGraphemeBreaking() {
        XCTAssertFalse(isLone("e\u{0301}"))
        XCTAssertFalse(isLone("\u{304B}\u{3099}"))
        XCTAssertFalse(isLone("\u{1112}\u{1161}"))
        XCTAssertFalse(isLone("\u{0915}\u{093F}"))
        XCTAssertFalse(isLone("👍🏽"))
        XCTAssertTrue(isLone("\u{E9}t\u{E9}"))
    }

    /// The ranges the wrapper's own rule had and the fold's lacked (wavy dash and the other CJK symbols,
    /// the spacing voiced-sound marks) are settled in the one rule: each is its own cluster after a kana.
    func testTheSettledRangesAreLone() {
        XCTAssertTrue(isLone("\u{30A2}\u{3030}"))
        XCTAssertTrue(isLone("\u{30A2}\u{309B}"))
        XCTAssertTrue(isLone("\u{3042}\u{303D}"))
        XCTAssertFalse(isLone("\u{3042}\u{302A}"), "an ideographic tone mark joins")
        XCTAssertFalse(isLone("\u{3042}\u{3099}"), "the combining voiced-sound mark joins")
    }
}
