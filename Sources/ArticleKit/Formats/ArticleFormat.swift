/// One way of writing articles down: plain text (docs/FORMAT.md), HTML pages (docs/HTML.md),
/// Markdown. Everything past this seam (the collection, the reader, the commands, the index) works
/// on `Article`s and never asks which format one came from.
public protocol ArticleFormat: Sendable {
    var name: ArticleFormatName { get }
    /// Reads one file's bytes. Throws the file's one-line reason (binary, empty…).
    func parse(_ bytes: [UInt8], source: String) throws(ArticleError) -> Article
    /// Every article a file holds: one for pages and notes. A file that holds several (a feed) returns
    /// them all; the collection keeps one entry for each.
    func articles(_ bytes: [UInt8], source: String) throws(ArticleError) -> [Article]
}

extension ArticleFormat {
    public func articles(_ bytes: [UInt8], source: String) throws(ArticleError) -> [Article] {
        [try parse(bytes, source: source)]
    }
}

/// Which format a file is in: by its extension, else (no extension Gazette knows, as with
/// `--ext ''`) by sniffing its first bytes. One rule for every reader of a file.
public enum FormatChooser {
    /// The extensions read by default, in the order the README lists them.
    public static let defaultExtensions = "txt,html,htm,md,markdown"

    public static func format(ofExtension ext: some StringProtocol) -> ArticleFormatName? {
        switch ext.lowercased() {
        case "txt", "text": return .text
        case "html", "htm", "xhtml", "shtml": return .html
        case "md", "markdown", "mdown", "mkd", "mkdn": return .markdown
        default: return nil
        }
    }

    /// The format of the file named `source` that starts with `head`.
    public static func format(source: String, head: UnsafeBufferPointer<UInt8>) -> ArticleFormatName {
        if let dot = source.lastIndex(of: "."), !source[dot...].contains("/"),
            let known = format(ofExtension: source[source.index(after: dot)...])
        {
            return known
        }
        return sniff(head)
    }

    public static func format(source: String, head: [UInt8]) -> ArticleFormatName {
        head.withUnsafeBufferPointer { format(source: source, head: $0) }
    }

    /// HTML when the first tag is a doctype, `<html>`, `<head>` or `<body>` (after a byte-order mark,
    /// blanks and comments); Markdown when the file opens with front matter or a `# ` heading; else
    /// plain text.
    public static func sniff(_ head: UnsafeBufferPointer<UInt8>) -> ArticleFormatName {
        var i = 0
        let n = min(head.count, 4096)
        if n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF { i = 3 }
        func skipBlanks() {
            while i < n, head[i] == 0x20 || head[i] == 0x0A || head[i] == 0x0D || head[i] == 0x09 { i += 1 }
        }
        skipBlanks()
        guard i < n else { return .text }
        func startsWith(_ word: String, at at: Int) -> Bool {
            let w = Array(word.utf8)
            guard at + w.count <= n else { return false }
            for k in 0..<w.count {
                let c = head[at + k]
                if (c >= 0x41 && c <= 0x5A ? c + 0x20 : c) != w[k] { return false }
            }
            return true
        }
        if head[i] == UInt8(ascii: "<") {
            // Comments and an XML declaration may come first.
            var at = i
            for _ in 0..<8 {
                if startsWith("<!--", at: at) || startsWith("<?xml", at: at) {
                    while at + 1 < n, head[at] != UInt8(ascii: ">") { at += 1 }
                    at += 1
                    while at < n, head[at] == 0x20 || head[at] == 0x0A || head[at] == 0x0D || head[at] == 0x09 {
                        at += 1
                    }
                    continue
                }
                break
            }
            for tag in ["<!doctype html", "<html", "<head", "<body"] where startsWith(tag, at: at) { return .html }
            return .text
        }
        if startsWith("---\n", at: i) || startsWith("---\r\n", at: i) {
            // Front matter: a `key: value` line follows.
            var at = i + 3
            while at < n, head[at] == 0x0A || head[at] == 0x0D { at += 1 }
            var sawColon = false
            while at < n, head[at] != 0x0A {
                if head[at] == UInt8(ascii: ":") { sawColon = true; break }
                at += 1
            }
            return sawColon ? .markdown : .text
        }
        if startsWith("# ", at: i) { return .markdown }
        return .text
    }
}

/// The plain-text format of docs/FORMAT.md: a title, `-` lines, blocks, PREV/NEXT at the end.
public struct PlainTextFormat: ArticleFormat {
    public var detector: HeadingDetector
    public var name: ArticleFormatName { .text }
    public init(detector: HeadingDetector = HeadingDetector()) { self.detector = detector }

    public func parse(_ bytes: [UInt8], source: String) throws(ArticleError) -> Article {
        try ArticleParser.checkLooksLikeText(bytes, source: source)
        var collector = SectionCollector()
        var stream = StreamingParser(detector: detector) { collector.add($0) }
        bytes.withUnsafeBufferPointer { stream.feed($0) }
        stream.finish()
        guard stream.sawTitle else { throw ArticleError.empty(path: source) }
        return Article(
            title: collector.title, sections: collector.sections, previousTitle: stream.previousTitle,
            nextTitle: stream.nextTitle, source: source, warnings: stream.warnings)
    }
}
