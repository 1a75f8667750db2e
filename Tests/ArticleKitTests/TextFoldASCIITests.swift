import GazetteTestSupport
import XCTest

@testable import ArticleKit

/// `TextFold`'s eight-bytes-a-step ASCII (the end of an ASCII run, the bytes folded in place)
/// against the byte tables and the byte loop they replace.
final class TextFoldASCIITests: XCTestCase {
    /// Every ASCII byte at every position of a word, among random ASCII, both folds.
    func testEightBytesFoldAsTheTableSays() {
        var g = SeededGenerator.forTest(seed: 2109)
        for keepingCase in [false, true] {
            let table = keepingCase ? TextFold.asciiKeepingCase : TextFold.asciiFolded
            for b in 0..<128 {
                for position in 0..<8 {
                    var bytes = (0..<8).map { _ in UInt8.random(in: 0..<128, using: &g) }
                    bytes[position] = UInt8(b)
                    let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    let folded = withUnsafeBytes(of: TextFold.foldASCII8(w, keepingCase: keepingCase)) { Array($0) }
                    XCTAssertEqual(folded, bytes.map { table[Int($0)] }, "\(bytes), keeping case: \(keepingCase)")
                }
            }
        }
    }

    /// Buffers of every length to 40, folded in place, and the run's end found on any bytes.
    func testBuffersAndRunEndsAgreeWithTheByteLoop() {
        var g = SeededGenerator.forTest(seed: 2110)
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...40, using: &g)
            let keepingCase = Bool.random(using: &g)
            var ascii = (0..<length).map { _ in UInt8.random(in: 0..<128, using: &g) }
            let expected = ascii.map { (keepingCase ? TextFold.asciiKeepingCase : TextFold.asciiFolded)[Int($0)] }
            ascii.withUnsafeMutableBufferPointer { TextFold.foldASCII($0, keepingCase: keepingCase) }
            XCTAssertEqual(ascii, expected)

            // Any bytes, a high one (or none) somewhere: the run ends at the first at or above 0x80.
            var bytes = (0..<length).map { _ in UInt8.random(in: 0..<0x80, using: &g) }
            if length > 0 && Bool.random(using: &g) {
                bytes[Int.random(in: 0..<length, using: &g)] = UInt8.random(in: 0x80...0xFF, using: &g)
            }
            let from = Int.random(in: 0...length, using: &g)
            var plain = from
            while plain < bytes.count && bytes[plain] < 0x80 { plain += 1 }
            XCTAssertEqual(
                bytes.withUnsafeBufferPointer { TextFold.asciiRunEnd($0, from: from) }, plain, "\(bytes) from \(from)")
        }
    }
}
