import ArticleKit
import Foundation
import GazetteTestSupport
import XCTest

@testable import ReaderCore

/// The reader's state stays split by concern: no struct in ReaderCore holds more than
/// `StoredProperties.limit` stored properties (issue 18: `ReaderState` once held 34). The sources are
/// read, so a struct added later is held to it too; the count is checked against `Mirror` on the
/// reader's own parts, so the reading of the sources is known to count what Swift stores.
final class StateSizeTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/ReaderCore").standardized

    func testNoStructInReaderCoreHoldsMoreThanFifteenStoredProperties() throws {
        let counts = try StoredProperties.count(inFolder: Self.sources)
        XCTAssertGreaterThan(counts.count, 30, "the sources were read: \(Self.sources.path)")
        XCTAssertNotNil(counts["ReaderState"], "ReaderState is among the structs read")
        let over = counts.filter { $0.value > StoredProperties.limit }.sorted { $0.key < $1.key }
        XCTAssertEqual(
            over.map(\.key), [], "over \(StoredProperties.limit) stored properties: \(over); split it by concern")
    }

    func testTheReadersPartsStaySmall() throws {
        let counts = try StoredProperties.count(inFolder: Self.sources)
        for part in Self.parts {
            let n = try XCTUnwrap(counts[part], part)
            XCTAssertLessThanOrEqual(n, 12, "\(part) holds \(n) stored properties")
        }
    }

    /// The source count agrees with what Swift stores, on values of the reader's parts.
    func testTheSourceCountIsWhatMirrorSees() throws {
        let counts = try StoredProperties.count(inFolder: Self.sources)
        let state = ReaderState(library: ReaderFixtures.library(), start: 0, width: 60, height: 12)
        let values: [String: Any] = [
            "ReaderState": state, "ArticleView": state.view, "Navigation": state.navigation,
            "Folder": state.folder, "CollectionSearchState": state.collectionSearch, "ReadingMemory": state.memory,
            "Sitting": state.memory.sitting, "LoopPolicy": state.policy, "Feedback": state.out,
            "ArticleListState": ArticleListState(matches: [], selection: 0),
            "ResultsState": ResultsState(query: try SearchQuery.parse("x"), typed: "x", generation: 0),
        ]
        XCTAssertEqual(Set(values.keys), Set(Self.parts + ["ArticleListState", "ResultsState"]))
        for (name, value) in values {
            XCTAssertEqual(counts[name], Mirror(reflecting: value).children.count, name)
        }
    }

    /// The counter itself: it would catch a struct grown past the limit, and it does not count what is
    /// not stored (computed and static properties, functions, nested types, extensions).
    func testTheCounterCountsStoredPropertiesOnly() {
        let stored = (1...16).map { "    var p\($0): Int = 0" }.joined(separator: "\n")
        let source = """
            public struct Big: Sendable {
            \(stored)
                public internal(set) var q: String? { didSet { } }
                static let shared = 1
                var computed: Int { p1 + 1 }
                let text = "a { brace } in a string"
                func f() { var local = 0; local += 1 }
                struct Inner { let a: Int; var b: Int }
                enum Kind { case a, b }
            }
            extension Big { var more: Int { 2 } }
            struct Small {
                // var commented: Int
                let a: Int
                var b: (x: Int, y: Int)?
            }
            """
        let counts = StoredProperties.count(inSource: source)
        XCTAssertEqual(counts["Big"], 18, "16 vars, one with an observer, one let")
        XCTAssertEqual(counts["Small"], 2)
        XCTAssertGreaterThan(counts["Big"]!, StoredProperties.limit, "the rule would fail on it")
    }

    static let parts = [
        "ReaderState", "ArticleView", "Navigation", "Folder", "CollectionSearchState", "ReadingMemory", "Sitting",
        "LoopPolicy", "Feedback",
    ]
}

/// Counts the stored properties of each struct in Swift sources, by reading them: a `var` or `let` declared
/// directly in a struct's body that is not static and has no getter. Comments and string literals are
/// dropped first, so their braces do not count.
enum StoredProperties {
    static let limit = 15

    static func count(inFolder folder: URL) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let source = try String(contentsOf: file, encoding: .utf8)
            for (name, n) in count(inSource: source) { counts[name, default: 0] += n }
        }
        return counts
    }

    static func count(inSource source: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        // One entry per open brace: the struct it opens, or nil for any other body.
        var scopes: [String?] = []
        for line in stripped(source).split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if let owner = scopes.last ?? nil, let stored = isStoredProperty(text), stored {
                counts[owner, default: 0] += 1
            }
            let structName = declaredStruct(text)
            var opened = false
            for c in text {
                if c == "{" {
                    scopes.append(opened ? nil : structName)
                    opened = true
                } else if c == "}" {
                    _ = scopes.popLast()
                }
            }
            if let structName, counts[structName] == nil { counts[structName] = 0 }
        }
        return counts
    }

    /// Nil when the line declares no property; else whether the property is stored.
    static func isStoredProperty(_ line: String) -> Bool? {
        var words = line.split(separator: " ").map(String.init)
        let modifiers: Set<String> = [
            "public", "internal", "private", "fileprivate", "package", "public(set)", "internal(set)",
            "private(set)", "fileprivate(set)", "nonisolated", "final", "lazy", "weak", "unowned",
        ]
        var isStatic = false
        while let first = words.first, modifiers.contains(first) || first == "static" || first == "class" {
            if first == "static" || first == "class" { isStatic = true }
            words.removeFirst()
        }
        guard let keyword = words.first, keyword == "var" || keyword == "let" else { return nil }
        if isStatic { return false }
        if keyword == "let" { return true }
        // A `var` with a body is computed, unless the body is only observers.
        guard let brace = line.firstIndex(of: "{") else { return true }
        let beforeBrace = line[..<brace]
        if beforeBrace.contains("=") { return true }  // an initial value (a closure called once, say)
        let body = line[line.index(after: brace)...].trimmingCharacters(in: .whitespaces)
        return body.hasPrefix("didSet") || body.hasPrefix("willSet")
    }

    /// The name of the struct a line declares, if it does.
    static func declaredStruct(_ line: String) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" }).map(String.init)
        guard let i = words.firstIndex(of: "struct"), words.indices.contains(i + 1) else { return nil }
        return words[i + 1]
    }

    /// The source without comments and with every string literal emptied.
    static func stripped(_ source: String) -> String {
        var out = ""
        var chars = Array(source)[...]
        var inBlockComment = 0
        while let c = chars.first {
            if inBlockComment > 0 {
                if chars.starts(with: "*/") {
                    inBlockComment -= 1
                    chars = chars.dropFirst(2)
                } else {
                    if c == "\n" { out.append("\n") }
                    chars = chars.dropFirst()
                }
            } else if chars.starts(with: "/*") {
                inBlockComment += 1
                chars = chars.dropFirst(2)
            } else if chars.starts(with: "//") {
                while let d = chars.first, d != "\n" { chars = chars.dropFirst() }
            } else if chars.starts(with: "\"\"\"") {
                chars = chars.dropFirst(3)
                while !chars.isEmpty && !chars.starts(with: "\"\"\"") {
                    if chars.first == "\n" { out.append("\n") }
                    chars = chars.dropFirst(chars.first == "\\" ? 2 : 1)
                }
                chars = chars.dropFirst(3)
                out.append("\"\"")
            } else if c == "\"" {
                chars = chars.dropFirst()
                // An interpolation's parentheses may hold strings of their own: count them to its end.
                var parens = 0
                while let d = chars.first, d != "\n" {
                    if d == "\\" && chars.dropFirst().first == "(" {
                        parens += 1
                        chars = chars.dropFirst(2)
                        continue
                    }
                    if parens > 0 {
                        if d == "(" { parens += 1 } else if d == ")" { parens -= 1 }
                        chars = chars.dropFirst()
                        continue
                    }
                    if d == "\\" { chars = chars.dropFirst(2); continue }
                    if d == "\"" { break }
                    chars = chars.dropFirst()
                }
                chars = chars.dropFirst()
                out.append("\"\"")
            } else {
                out.append(c)
                chars = chars.dropFirst()
            }
        }
        return out
    }
}
