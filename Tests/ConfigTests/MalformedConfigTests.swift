import ArticleKit
import Config
import Foundation
import GazetteTestSupport
import ReaderCore
import XCTest

/// Hundreds of broken config files, made from the default file and from scraps of TOML: none
/// crashes, each problem has a place, and what comes out is a reader that can start and quit.
final class MalformedConfigTests: XCTestCase {
    static let scraps = [
        "[", "]", "[[", "]]", "=", "\"", "'", "\"\"\"", "'''", "{", "}", ",", "#", "\n", ".", "\\", "\\u", "\u{0}",
        "[keys]", "[keys.article]", "[keys.nowhere]", "[theme]", "[theme.heading]", "[reading]", "quit", "plain",
        "= [\"q\", \"q\"]", "= []", "= [1, 2]", "= \"C-\"", "= \"C-c\"", "= true", "= 1e999", "= -0", "= 2026-12-01",
        "text_width = 99999", "name = \"nope\"", "fg = \"#fff\"", "bg = 300", "reverse = false", "é", "🤝🏾", "\u{202E}",
        "a.b.c = 1", "= [}", "[ ", "[[ ", "= [[", "= {", "]]", "= [\n", "= \"\"\"", "= '''", "\t", "\"quoted key\" = 1",
        "x = { y = { z = [ [ [ ] ] ] } }", "line_down = [\"j\"]", "= \"\u{7}\"",
    ]

    /// toml++ asserts (aborts, in a debug build) on a table header without a name; those are caught first.
    func testNamelessTableHeadersAreCaughtBeforeTheParser() {
        for text in ["[", "[\n", "[ = 1", "[[ = 1", "[[\n", "[ . ]", "[ # c\na]", "x = 1\n\t[\t=", "a = 1\n[\n"] {
            let result = ConfigReader.read(text)
            XCTAssertEqual(result.problems.count, 1, text)
            XCTAssertTrue(result.problems[0].message.hasPrefix("a table header needs a name"), text)
        }
        for text in ["n=[}", "n = [1, }", "n = [\n#c\n}", "n = {a=[}}", "n = [[}]]"] {
            XCTAssertEqual(ConfigReader.read(text).problems.map(\.message), ["a list ends with ], not }"], text)
        }
        // Brackets inside an array value are not headers.
        XCTAssertEqual(ConfigReader.read("[keys.article]\nquit = [\n  \"q\",\n]\n").problems, [])
        XCTAssertTrue(
            ConfigReader.read("a = [\n [ ],\n]\n").problems.allSatisfy { !$0.message.hasPrefix("a table header") })
    }

    func testGeneratedBrokenFilesNeverCrash() {
        var random = SeededGenerator.forTest(seed: 13)
        let base = Array(DefaultConfig.text)
        var count = 0
        var distinct = Set<String>()
        var withProblems = 0
        // GAZETTE_CONFIG_FUZZ=N runs N files instead, to hunt for crashes at length.
        let runs = ProcessInfo.processInfo.environment["GAZETTE_CONFIG_FUZZ"].flatMap { Int($0) } ?? 240
        for n in 0..<runs {
            var text: [Character]
            if n % 3 == 0 {
                // Scraps of TOML strung together.
                text = Array(
                    (0..<Int.random(in: 1...30, using: &random)).map { _ in
                        Self.scraps.randomElement(using: &random)! + (Bool.random(using: &random) ? "\n" : " ")
                    }.joined())
            } else {
                // The default file with a few cuts, insertions and swaps.
                text = base
                for _ in 0..<Int.random(in: 1...6, using: &random) {
                    guard !text.isEmpty else { break }
                    let at = Int.random(in: 0..<text.count, using: &random)
                    switch Int.random(in: 0..<4, using: &random) {
                    case 0: text.remove(at: at)
                    case 1: text.insert(contentsOf: Self.scraps.randomElement(using: &random)!, at: at)
                    case 2:
                        let end = min(text.count, at + Int.random(in: 1...200, using: &random))
                        text.removeSubrange(at..<end)
                    default:
                        let other = Int.random(in: 0..<text.count, using: &random)
                        text.swapAt(at, other)
                    }
                }
            }
            if let dump = ProcessInfo.processInfo.environment["GAZETTE_CONFIG_FUZZ_DUMP"] {
                try? String(text).write(toFile: dump, atomically: false, encoding: .utf8)  // the last one crashed
            }
            let result = ConfigReader.read(String(text))
            count += distinct.insert(String(text)).inserted ? 1 : 0
            if !result.problems.isEmpty { withProblems += 1 }
            let lines = String(text).split(separator: "\n", omittingEmptySubsequences: false).count
            for problem in result.problems {
                XCTAssertGreaterThanOrEqual(problem.line, 1)
                XCTAssertLessThanOrEqual(problem.line, lines + 1, problem.description)
                XCTAssertGreaterThanOrEqual(problem.column, 1)
                XCTAssertFalse(problem.message.isEmpty)
                // One line each, and nothing of the file reaches a terminal unsanitised.
                XCTAssertFalse(
                    problem.line(file: "c.toml").unicodeScalars.contains { TextSanitizer.needsChange($0) },
                    "one clean line each: \(problem.description.debugDescription)")
            }
            // Whatever the file, the reader keeps a way out and no key means two things.
            let keys = result.config.options.keyMap
            XCTAssertFalse(keys.keys(for: .quit, in: .article).isEmpty, "case \(n)")
            for context in KeyContext.allCases { XCTAssertTrue(keys.duplicates(in: context).isEmpty, "case \(n)") }
            XCTAssertTrue(ReadingLayout.textWidths.contains(result.config.options.layout.textWidth))
        }
        XCTAssertGreaterThanOrEqual(count, 200, "at least 200 different broken files")
        XCTAssertGreaterThan(withProblems, count / 2, "most of them must be found broken")
    }
}
