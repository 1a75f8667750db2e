import Foundation
import XCTest

@testable import ArticleKit

#if canImport(Glibc)
    import Glibc

    /// glibc declares wcwidth only under feature macros Swift does not set; wchar_t is Int32 here.
    @_silgen_name("wcwidth")
    private func glibcWcwidth(_ c: Int32) -> Int32

    /// DisplayWidth's scalar widths against glibc's wcwidth(), which ncurses and tmux measure with:
    /// for every scalar Swift knows to be assigned they must agree, but for the differences below.
    final class WidthTableTests: XCTestCase {
        /// A deliberate difference from glibc, and why.
        struct Difference: Sendable {
            let name: String
            let reason: String
            let applies: @Sendable (_ scalar: Unicode.Scalar, _ ours: Int, _ glibc: Int32) -> Bool
        }

        static let differences: [Difference] = [
            Difference(
                name: "controls and U+2028/U+2029 are 0",
                reason: "glibc calls them not printable (-1); the parser replaces them before anything is measured, "
                    + "and 0 keeps one that slips through from taking a column",
                applies: { s, ours, glibc in
                    let category = s.properties.generalCategory
                    return glibc == -1 && ours == 0
                        && (category == .control || category == .lineSeparator || category == .paragraphSeparator)
                }),
            Difference(
                name: "scalars assigned after Unicode 14.0",
                reason: "glibc 2.36's table is Unicode 14.0 and gives -1 to anything newer; the table is made from "
                    + "the Unicode 15.0 data (and Swift knows 16.0). The backend draws such a cell as U+FFFD "
                    + "padded to the model's width, see GlyphPlanner",
                applies: { s, _, glibc in
                    guard glibc == -1, let age = s.properties.age else { return false }
                    return age.major > 14 || (age.major == 14 && age.minor > 0)
                }),
        ]

        private func withUTF8Locale(_ body: () throws -> Void) throws {
            guard let saved = setlocale(LC_CTYPE, nil).map({ String(cString: $0) }) else { return XCTFail("no locale") }
            guard setlocale(LC_CTYPE, "C.UTF-8") != nil else { throw XCTSkip("no C.UTF-8 locale to compare with") }
            defer { setlocale(LC_CTYPE, saved) }
            try body()
        }

        func testEveryAssignedScalarHasGlibcsWidthButForTheListedDifferences() throws {
            try withUTF8Locale {
                XCTAssertEqual(glibcWcwidth(0x4E00), 2, "the locale is not UTF-8: the comparison would mean nothing")
                var unexplained: [String] = []
                var explained = Array(repeating: 0, count: Self.differences.count)
                var compared = 0
                for v in UInt32(0)...0x10FFFF {
                    guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned else { continue }
                    compared += 1
                    let ours = DisplayWidth.of(s)
                    let glibc = glibcWcwidth(Int32(bitPattern: v))
                    if ours == Int(glibc) { continue }
                    if let i = Self.differences.firstIndex(where: { $0.applies(s, ours, glibc) }) {
                        explained[i] += 1
                    } else {
                        unexplained.append(String(format: "U+%04X ours %d glibc %d", v, ours, glibc))
                    }
                }
                XCTAssertGreaterThan(compared, 140_000)
                let list = unexplained.prefix(40).joined(separator: ", ")
                XCTAssertEqual(unexplained.count, 0, "unexplained differences: " + list)
                for (i, d) in Self.differences.enumerated() {
                    XCTAssertGreaterThan(explained[i], 0, "'\(d.name)' explains no difference any more: drop it")
                }
            }
        }

        /// The fast path below U+0300 and the table must say the same.
        func testTheLatin1FastPathAgreesWithTheTable() {
            for v in UInt32(0)..<0x300 {
                XCTAssertEqual(
                    DisplayWidth.of(Unicode.Scalar(v)!), DisplayWidth.tableWidth(v), String(format: "U+%04X", v))
            }
        }

        /// The ideograph run taken without the search, and its edges, against the search.
        func testTheIdeographFastPathAgreesWithTheTable() {
            let run = DisplayWidth.ideographRun
            XCTAssertEqual(run.width, 2)
            for v in stride(from: run.first - 2, through: run.last + 2, by: 1) {
                guard let scalar = Unicode.Scalar(v) else { continue }
                XCTAssertEqual(DisplayWidth.of(scalar), DisplayWidth.tableWidth(v), String(format: "U+%04X", v))
            }
        }

        /// Kana and Hangul syllables taken without the search, and every scalar around them, against
        /// the search: the sound marks U+3099 and U+309A among the kana are not wide.
        func testTheKanaAndHangulFastPathAgreesWithTheTable() {
            for v in UInt32(0x3000)...0x3100 {
                XCTAssertEqual(
                    DisplayWidth.of(Unicode.Scalar(v)!), DisplayWidth.tableWidth(v), String(format: "U+%04X", v))
            }
            for v in UInt32(0xAB00)...0xD7FF {
                XCTAssertEqual(
                    DisplayWidth.of(Unicode.Scalar(v)!), DisplayWidth.tableWidth(v), String(format: "U+%04X", v))
            }
        }

        func testTheTableIsSortedAndDisjoint() {
            let ranges = WidthTable.ranges
            for (a, b) in zip(ranges, ranges.dropFirst()) {
                XCTAssertLessThanOrEqual(a.first, a.last)
                XCTAssertLessThan(
                    a.last, b.first, String(format: "U+%04X..U+%04X then U+%04X", a.first, a.last, b.first))
            }
            XCTAssertTrue(ranges.allSatisfy { $0.width == 0 || $0.width == 2 }, "width 1 is the default, not listed")
        }

        /// WidthTable.swift is what the generator makes of the Unicode data it names.
        func testTheTableIsWhatTheGeneratorMakes() throws {
            let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            let root = tests.deletingLastPathComponent()
            let script = root.appendingPathComponent("scripts/gen-width-table.py").path
            guard FileManager.default.fileExists(atPath: "/usr/share/unicode/EastAsianWidth.txt") else {
                throw XCTSkip("no Unicode data (apt-get install unicode-data)")
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, "--check"]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(process.terminationStatus, 0, message)
            XCTAssertTrue(WidthTable.unicodeVersion.hasPrefix("15."), WidthTable.unicodeVersion)
        }
    }
#endif
