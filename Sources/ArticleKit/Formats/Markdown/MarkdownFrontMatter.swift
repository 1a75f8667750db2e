import Foundation

/// A note's YAML front matter: a first line `---`, then `key: value` lines, then a closing `---` or
/// `...`. Only the few keys Gazette uses are read (title, author, date, url/link, prev/next), with
/// a small part of YAML: plain, single- and double-quoted scalars, `>`/`|` blocks and `- item` lists
/// (joined with ", "). Everything else in it is skipped; none of it is ever shown as text.
struct MarkdownFrontMatter: Equatable {
    var fields: [String: String] = [:]
    /// Where the body starts in the bytes (0 when there is no front matter).
    var bodyStart = 0
    /// The lines the front matter took, so a line of the body can be told by its number in the file.
    var lineCount = 0

    /// Front matter longer than this many lines is not front matter: a note that opens with a
    /// thematic break and never closes it is read as Markdown.
    static let maxLines = 500
    static let keys: Set<String> = ["title", "author", "authors", "date", "url", "link", "prev", "previous", "next"]

    init() {}

    /// Reads the front matter at the start of `bytes` (after the byte-order mark, which the caller has
    /// dropped); an empty value with `bodyStart` 0 when there is none.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= 3 && bytes[0] == 0x2D && bytes[1] == 0x2D && bytes[2] == 0x2D else { return }
        var lines: [Range<Int>] = []
        var start = 0
        var closed = false
        var end = 0
        while start < bytes.count && lines.count <= Self.maxLines {
            var i = start
            while i < bytes.count && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
            let line = start..<i
            if i < bytes.count && bytes[i] == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A {
                i += 2
            } else if i < bytes.count {
                i += 1
            }
            if lines.isEmpty {
                guard Self.isMarker(bytes, line, "---") else { return }
            } else if Self.isMarker(bytes, line, "---") || Self.isMarker(bytes, line, "...") {
                closed = true
                end = i
                lines.append(line)
                break
            }
            lines.append(line)
            start = i
        }
        guard closed else { return }
        bodyStart = end
        lineCount = lines.count
        let text = lines.dropFirst().dropLast().map {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
        }
        read(text)
    }

    /// A line that is `marker` with nothing but spaces or tabs after it.
    static func isMarker(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ marker: String) -> Bool {
        let m = Array(marker.utf8)
        guard line.count >= m.count else { return false }
        for k in 0..<m.count where bytes[line.lowerBound + k] != m[k] { return false }
        for i in (line.lowerBound + m.count)..<line.upperBound where bytes[i] != 0x20 && bytes[i] != 0x09 {
            return false
        }
        return true
    }

    private mutating func read(_ lines: [String]) {
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            // Top-level keys only: an indented line belongs to the key before it.
            guard let first = line.unicodeScalars.first, first != " ", first != "\t", first != "#",
                let colon = line.firstIndex(of: ":")
            else { continue }
            let key = line[..<colon].trimmingSpaces().lowercased()
            guard Self.keys.contains(key), fields[key] == nil else { continue }
            var value = String(line[line.index(after: colon)...]).trimmingSpaces()
            // Indented lines after the key: a block scalar or a list.
            var nested: [String] = []
            while i < lines.count, let f = lines[i].unicodeScalars.first, f == " " || f == "\t" || lines[i].isEmpty {
                nested.append(lines[i].trimmingSpaces())
                i += 1
            }
            if value.hasPrefix(">") || value.hasPrefix("|") {
                value = nested.filter { !$0.isEmpty }.joined(separator: " ")
            } else if value.isEmpty {
                value = nested.compactMap { $0.hasPrefix("- ") ? Self.scalar(String($0.dropFirst(2))) : nil }
                    .joined(separator: ", ")
            } else if value.hasPrefix("[") && value.hasSuffix("]") {
                value = value.dropFirst().dropLast().split(separator: ",").map { Self.scalar(String($0)) }
                    .joined(separator: ", ")
            } else {
                value = Self.scalar(value)
            }
            if !value.isEmpty { fields[key] = value }
        }
    }

    /// A YAML scalar's text: quotes removed (with `''` and the common backslash escapes), a plain
    /// scalar cut at a ` #` comment.
    static func scalar(_ raw: String) -> String {
        let s = raw.trimmingSpaces()
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") {
            var out = ""
            var escaped = false
            for c in s.dropFirst().dropLast() {
                if escaped {
                    switch c {
                    case "n", "t": out.append(" ")
                    default: out.append(c)
                    }
                    escaped = false
                } else if c == "\\" {
                    escaped = true
                } else {
                    out.append(c)
                }
            }
            return out
        }
        if s.count >= 2, s.hasPrefix("'"), s.hasSuffix("'") {
            return String(s.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if let comment = s.range(of: " #") { return String(s[..<comment.lowerBound]).trimmingSpaces() }
        return s
    }

    var title: String? { fields["title"] }
    var author: String? { fields["author"] ?? fields["authors"] }
    var date: String? { fields["date"] }
    var url: String? { fields["url"] ?? fields["link"] }
    var previous: String? { fields["prev"] ?? fields["previous"] }
    var next: String? { fields["next"] }
}

extension StringProtocol {
    /// Without spaces and tabs at either end.
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
