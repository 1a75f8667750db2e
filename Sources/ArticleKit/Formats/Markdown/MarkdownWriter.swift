import Foundation

/// Writes an article as a Markdown note that `MarkdownFormat` reads back the same: YAML front matter
/// (title, author, date, url and any other keys, which the reader skips), the sections as `##`
/// headings (a sub-section one `#` deeper), list items as `-`/`N.` items nested by their indent,
/// quotes as `>`, code fenced, and every other block as a paragraph; the text escaped so that
/// nothing in it reads as Markdown. The PREV/NEXT trailer is written apart (`trailer`), so the links
/// can be rewritten without touching the body. docs/FEEDS.md.
public enum MarkdownWriter {
    /// Front matter, then the body; ends with a newline.
    public static func document(front: [(key: String, value: String)], sections: [Section]) -> String {
        var out = "---\n"
        for (key, value) in front {
            let v = HTMLText.collapse(TextSanitizer.sanitize(value))
            guard !v.isEmpty else { continue }
            out += key + ": " + quoted(v) + "\n"
        }
        out += "---\n"
        for section in sections {
            if let heading = section.heading.map(line), !heading.isEmpty {
                let marks = String(repeating: "#", count: min(6, max(1, section.level) + 1))
                out +=
                    "\n" + marks + " " + escape(heading, blockStart: false).replacingOccurrences(of: "#", with: "\\#")
                    + "\n"
            }
            var list = ListWriter()
            for (i, paragraph) in section.paragraphs.enumerated() {
                let kind = section.kind(i)
                if kind == .listItem {
                    out += list.item(paragraph)
                    continue
                }
                list = ListWriter()
                switch kind {
                case .code:
                    out += "\n" + fenced(paragraph)
                case .quote:
                    let t = line(paragraph)
                    if !t.isEmpty { out += "\n> " + escape(t, blockStart: true) + "\n" }
                default:
                    let t = line(paragraph)
                    if !t.isEmpty { out += "\n" + escape(t, blockStart: true) + "\n" }
                }
            }
        }
        return out
    }

    /// A value as `document` writes it in the front matter (quoted, escaped).
    public static func frontMatterValue(_ value: String) -> String {
        quoted(HTMLText.collapse(TextSanitizer.sanitize(value)))
    }

    /// The separator and PREV/NEXT lines that end a note (docs/FORMAT.md); empty with no links.
    public static func trailer(previous: String?, next: String?) -> String {
        let p = previous.map(line).flatMap { $0.isEmpty ? nil : $0 }
        let n = next.map(line).flatMap { $0.isEmpty ? nil : $0 }
        guard p != nil || n != nil else { return "" }
        var out = "\n-\n\n"
        if let p { out += "PREV " + p + "\n" }
        if let n { out += "NEXT " + n + "\n" }
        return out
    }

    /// One line of safe text: controls made visible, whitespace runs as one space.
    static func line(_ s: String) -> String { HTMLText.collapse(TextSanitizer.sanitize(s)) }

    /// A YAML double-quoted scalar, as `MarkdownFrontMatter` reads one.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Text that cmark reads back as exactly this text: the punctuation that could start markup is
    /// escaped with a backslash, and what would open a block at the start of a line is escaped
    /// there (a leading `#`, `>`, `-`, `+`, `=`, `~`, `1.`), as is a leading `PREV`/`NEXT` (as a
    /// character reference: a body line must never read as a link line).
    static func escape(_ text: String, blockStart: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for c in text.unicodeScalars {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", "&": out.unicodeScalars.append("\\")
            default: break
            }
            out.unicodeScalars.append(c)
        }
        guard blockStart, let first = out.unicodeScalars.first else { return out }
        switch first {
        case "#", ">", "-", "+", "=", "~", "|": return "\\" + out
        default: break
        }
        // "1984. A year" is not a list.
        let digits = out.unicodeScalars.prefix { $0.value >= 0x30 && $0.value <= 0x39 }
        if !digits.isEmpty && digits.count <= 9 {
            let after = out.unicodeScalars.dropFirst(digits.count).first
            if after == "." || after == ")" {
                var s = out.unicodeScalars
                s.insert("\\", at: s.index(s.startIndex, offsetBy: digits.count))
                return String(s)
            }
        }
        for keyword in ["PREV", "NEXT"] where out.hasPrefix(keyword) {
            let rest = out.dropFirst(4)
            if rest.isEmpty || rest.first!.isWhitespace {
                return "&#\(keyword.unicodeScalars.first!.value);" + out.dropFirst()
            }
        }
        return out
    }

    /// A code block fenced with more backticks than any run in it.
    static func fenced(_ code: String) -> String {
        var longest = 0
        var run = 0
        for c in code.unicodeScalars {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map {
            TextSanitizer.sanitize(String($0))
        }
        return fence + "\n" + lines.joined(separator: "\n") + "\n" + fence + "\n"
    }

    /// Consecutive list items: each as `-` or `N.`, nested by its indent (two spaces a level, as
    /// the HTML and Markdown readers write them) under its parent's text.
    struct ListWriter {
        /// The column each open level's text starts at.
        var columns: [Int] = []
        var started = false

        mutating func item(_ raw: String) -> String {
            var spaces = 0
            var rest = Substring(raw)
            while rest.first == " " {
                spaces += 1
                rest = rest.dropFirst()
            }
            let depth = min(spaces / 2, columns.count)
            let column = depth == 0 ? 0 : columns[depth - 1]
            var marker = "- "
            if rest.hasPrefix("• ") {
                rest = rest.dropFirst(2)
            } else if rest.hasPrefix("•") {
                rest = rest.dropFirst()
            } else {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty, digits.count <= 9, rest.dropFirst(digits.count).first == "." {
                    marker = String(digits) + ". "
                    rest = rest.dropFirst(digits.count + 1)
                } else if started && spaces > 0 && !columns.isEmpty {
                    // An item's later paragraph (indented under its text, no marker).
                    let under = columns[min(columns.count, max(1, depth)) - 1]
                    return "\n" + String(repeating: " ", count: under)
                        + MarkdownWriter.escape(MarkdownWriter.line(String(rest)), blockStart: true) + "\n"
                }
            }
            let text = MarkdownWriter.line(String(rest))
            columns = Array(columns.prefix(depth)) + [column + marker.count]
            let lead = started ? "" : "\n"
            started = true
            return lead + String(repeating: " ", count: column) + marker
                + MarkdownWriter.escape(text.isEmpty ? " " : text, blockStart: true) + "\n"
        }
    }
}
