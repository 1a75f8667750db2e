import ArticleKit
import Foundation
import XCTest

@testable import Reports

/// One table of unsafe scalars: the sanitiser changes exactly these, the JSON writer escapes
/// exactly these (and `"` and `\`), and both byte-level fast paths agree with it.
final class UnsafeScalarsTests: XCTestCase {
    /// Every scalar of the Basic Multilingual Plane and a sample above it.
    static var scalars: [Unicode.Scalar] {
        let above: [UInt32] = [0x1_0000, 0x1_F600, 0xE_0001, 0x10_FFFF]
        return (UInt32(0)...0xFFFF).compactMap(Unicode.Scalar.init) + above.compactMap(Unicode.Scalar.init)
    }

    func testTheSanitiserAndTheJSONWriterUseTheSameTable() {
        for scalar in Self.scalars {
            let s = String(scalar)
            let unsafe = UnsafeScalars.contains(scalar)
            let hex = String(scalar.value, radix: 16)
            XCTAssertEqual(TextSanitizer.needsChange(scalar), unsafe, "sanitiser, U+\(hex)")
            var quoted = ""
            JSONValue.quote(s, into: &quoted)
            let escaped = quoted != "\"" + s + "\""
            XCTAssertEqual(escaped, unsafe || scalar == "\"" || scalar == "\\", "JSON, U+\(hex)")
            // The byte rule, after a letter and before one (so a sequence is never cut by the end).
            let bytes = Array(("a" + s + "b").utf8)
            if scalar.value >= 0x80 {
                let found = bytes.withUnsafeBufferPointer { UnsafeScalars.startsAt($0, 1) }
                XCTAssertEqual(found, unsafe, "bytes, U+\(hex)")
            }
            let may = bytes.withUnsafeBufferPointer { TextSanitizer.mayNeedChange($0) }
            XCTAssertEqual(may, unsafe, "mayNeedChange, U+\(hex)")
        }
    }

    /// Settled: the sanitiser drops U+FEFF (invisible; a title would differ from the same title
    /// typed), and JSON escapes it, so a file name holding it round-trips exactly and is visible.
    func testByteOrderMarkIsDroppedOnScreenAndEscapedInJSON() throws {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{FEFF}b"), "ab")
        let name = "report\u{FEFF}.txt"
        let line = JSONValue.object([("file", .string(name))]).serialized
        XCTAssertTrue(line.contains("report\\ufeff.txt"), line)
        XCTAssertFalse(line.unicodeScalars.contains("\u{FEFF}"), line)
        let back = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        XCTAssertEqual(back["file"] as? String, name, "escaped, it decodes back to the same name")
    }
}

/// The one FNV-1a, against the published test vectors (the stored fingerprints depend on it).
final class FNV1aTests: XCTestCase {
    func testPublishedVectors() {
        XCTAssertEqual(FNV1a.hash(Array("".utf8)), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(FNV1a.hash(Array("a".utf8)), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(FNV1a.hash(Array("foobar".utf8)), 0x8594_4171_f739_67e8)
    }
}
