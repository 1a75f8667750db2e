import CCmark
import Foundation

/// Reads cmark's tree of a note into blocks: headings with their level, and paragraphs with their
/// kind. One walk with cmark's iterator and a stack of our own, so a note of 10,000 nested quotes
/// or lists costs no stack. What each node becomes is in docs/MARKDOWN.md.
struct MarkdownBlockReader {
    enum Block: Equatable {
        /// A heading of the note itself (not one inside a quote or a list).
        case heading(level: Int, text: String)
        case paragraph(text: String, kind: BlockKind)
    }

    private(set) var blocks: [Block] = []
    /// What the sanitiser changed, for the article's warnings.
    private(set) var report = TextSanitizer.Report()

    /// Nested lists are indented two spaces a level, up to this many levels.
    static let maxIndentLevels = 8

    private enum Container {
        case quote
        case list(ordered: Bool, next: Int)
        case item(first: String, rest: String, used: Bool)
    }

    // cmark's node types as plain numbers: compared as such, not through the imported enum's
    // generic `==` (the cost of a debug build's walk over a 5 MB note).
    static let blockquote = CMARK_NODE_BLOCK_QUOTE.rawValue
    static let list = CMARK_NODE_LIST.rawValue
    static let item = CMARK_NODE_ITEM.rawValue
    static let paragraph = CMARK_NODE_PARAGRAPH.rawValue
    static let heading = CMARK_NODE_HEADING.rawValue
    static let codeblock = CMARK_NODE_CODE_BLOCK.rawValue
    static let htmlblock = CMARK_NODE_HTML_BLOCK.rawValue
    static let text = CMARK_NODE_TEXT.rawValue
    static let code = CMARK_NODE_CODE.rawValue
    static let softbreak = CMARK_NODE_SOFTBREAK.rawValue
    static let linebreak = CMARK_NODE_LINEBREAK.rawValue
    static let htmlinline = CMARK_NODE_HTML_INLINE.rawValue
    static let image = CMARK_NODE_IMAGE.rawValue

    private var containers: [Container] = []
    private var listDepth = 0
    /// The inline text of the paragraph or heading being read, cut at hard breaks.
    private var pieces: [String] = []
    private var current = ""
    /// Image alt texts being read (images may nest in an alt text).
    private var alts: [String] = []
    /// Inside an inline `<script>` or `<style>`: its closing tag, and nothing is shown until it.
    private var skipUntil: String?

    init() {}

    mutating func read(_ document: OpaquePointer) {
        guard let iter = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter).rawValue
            if event == CMARK_EVENT_DONE.rawValue || event == CMARK_EVENT_NONE.rawValue { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let entering = event == CMARK_EVENT_ENTER.rawValue
            switch cmark_node_get_type(node).rawValue {
            case Self.blockquote:
                if entering { containers.append(.quote) } else { containers.removeLast() }
            case Self.list:
                if entering {
                    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                    containers.append(.list(ordered: ordered, next: Int(cmark_node_get_list_start(node))))
                    listDepth += 1
                } else {
                    containers.removeLast()
                    listDepth -= 1
                }
            case Self.item:
                if entering { enterItem() } else { containers.removeLast() }
            case Self.paragraph, Self.heading:
                if entering {
                    startInline()
                } else {
                    endInline(
                        headingLevel: cmark_node_get_type(node).rawValue == Self.heading
                            ? Int(cmark_node_get_heading_level(node)) : 0)
                }
            case Self.codeblock:
                let code = Self.codeText(literal(node), report: &report)
                if !code.isEmpty { blocks.append(.paragraph(text: code, kind: .code)) }
            case Self.htmlblock:
                for text in MarkdownHTML.texts(literal(node)) { emit(clean(text)) }
            case Self.text, Self.code:
                if skipUntil == nil { appendInline(literal(node)) }
            case Self.softbreak:
                if skipUntil == nil { appendInline(" ") }
            case Self.linebreak:
                if skipUntil == nil { hardBreak() }
            case Self.htmlinline:
                inlineHTML(literal(node))
            case Self.image:
                if entering {
                    alts.append("")
                } else if let alt = alts.popLast() {
                    let text = HTMLText.collapse(alt)
                    if !text.isEmpty { appendInline("[" + text + "]") }
                }
            default:
                // The document, emphasis, links (their text is read), thematic breaks (dropped).
                break
            }
        }
    }

    private func literal(_ node: OpaquePointer) -> String {
        guard let p = cmark_node_get_literal(node) else { return "" }
        return String(cString: p)
    }

    // MARK: lists

    private mutating func enterItem() {
        var bullet = "• "
        if let last = containers.indices.last, case .list(let ordered, let next) = containers[last] {
            if ordered {
                bullet = "\(next). "
                containers[last] = .list(ordered: true, next: next &+ 1)
            }
        }
        let indent = String(repeating: "  ", count: min(max(0, listDepth - 1), Self.maxIndentLevels))
        let rest = indent + String(repeating: " ", count: bullet.count)
        containers.append(.item(first: indent + bullet, rest: rest, used: false))
    }

    /// Appends a block of text in the innermost list item or quote, or as body text.
    private mutating func emit(_ text: String) {
        guard !text.isEmpty else { return }
        for i in containers.indices.reversed() {
            switch containers[i] {
            case .quote:
                blocks.append(.paragraph(text: text, kind: .quote))
                return
            case .item(let first, let rest, let used):
                blocks.append(.paragraph(text: (used ? rest : first) + text, kind: .listItem))
                containers[i] = .item(first: first, rest: rest, used: true)
                return
            case .list:
                continue
            }
        }
        blocks.append(.paragraph(text: text, kind: .text))
    }

    // MARK: inline text

    private mutating func startInline() {
        pieces = []
        current = ""
        alts = []
        skipUntil = nil
    }

    private mutating func appendInline(_ s: String) {
        if alts.isEmpty { current += s } else { alts[alts.count - 1] += s }
    }

    private mutating func hardBreak() {
        if !alts.isEmpty { return appendInline(" ") }
        pieces.append(current)
        current = ""
    }

    private mutating func endInline(headingLevel: Int) {
        pieces.append(current)
        current = ""
        if headingLevel > 0 && containers.isEmpty {
            let text = clean(pieces.joined(separator: " "))
            if !text.isEmpty { blocks.append(.heading(level: headingLevel, text: text)) }
        } else {
            for piece in pieces { emit(clean(piece)) }
        }
        pieces = []
    }

    /// Inline markup is never shown; `<br>` breaks the paragraph, and a `<script>` or `<style>`
    /// hides everything up to its closing tag.
    private mutating func inlineHTML(_ tag: String) {
        let lower = tag.lowercased()
        if let end = skipUntil {
            if lower.hasPrefix(end) { skipUntil = nil }
            return
        }
        for name in ["script", "style"] where lower.hasPrefix("<" + name) && !lower.hasSuffix("/>") {
            let after = lower.dropFirst(name.count + 1).first
            if after == nil || after == ">" || after == " " || after == "\t" || after == "\n" {
                skipUntil = "</" + name
            }
        }
        if lower.hasPrefix("<br") { hardBreak() }
    }

    /// Text made safe and tidy: runs of whitespace as one space, control characters as visible
    /// symbols, bidirectional overrides removed.
    private mutating func clean(_ s: String) -> String {
        Self.clean(s, report: &report)
    }

    /// `HTMLText.clean` with the sanitiser's count kept, and settled on the bytes for the common text
    /// that has nothing to change (a 5 MB paragraph is not walked scalar by scalar).
    static func clean(_ text: String, report: inout TextSanitizer.Report) -> String {
        var s = text
        if s.withUTF8({ mayNeedCollapse($0) }) { s = HTMLText.collapse(s) }
        guard s.withUTF8({ TextSanitizer.mayNeedChange($0) }) else { return s }
        s = TextSanitizer.sanitize(s, report: &report)
        return s.withUTF8({ mayNeedCollapse($0) }) ? HTMLText.collapse(s) : s
    }

    /// False when `HTMLText.collapse` would change nothing: no space at either end, no two in a row,
    /// no whitespace but the ASCII space, and no lead byte of a Unicode space.
    static func mayNeedCollapse(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first, let last = b.last else { return false }
        if first == 0x20 || last == 0x20 { return true }
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            i += 1
            if c > 0x20 && c < 0xC2 { continue }
            switch c {
            case 0x09, 0x0A, 0x0C, 0x0D: return true
            case 0x20: if b[i] == 0x20 { return true }  // never the last byte
            case 0xC2: if i < n && b[i] == 0xA0 { return true }
            case 0xE1: if i + 1 < n && b[i] == 0x9A && b[i + 1] == 0x80 { return true }
            case 0xE2:
                guard i + 1 < n else { break }
                let d = b[i + 1]
                if b[i] == 0x80 && (d <= 0x8B || d == 0xA8 || d == 0xA9 || d == 0xAF) { return true }
                if b[i] == 0x81 && d == 0x9F { return true }
            case 0xE3: if i + 1 < n && b[i] == 0x80 && b[i + 1] == 0x80 { return true }
            default: break
            }
        }
        return false
    }

    /// A code block's text: its lines kept as they are (tabs to the next multiple of four columns,
    /// each line made safe), without the last line end.
    static func codeText(_ raw: String, report: inout TextSanitizer.Report) -> String {
        var text = raw
        if text.utf8.contains(0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.contains(where: { !ArticleGrammar.isBlank(String($0)) }) else { return "" }
        return lines.map { line -> String in
            var s = String(line)
            if s.utf8.contains(0x09) {
                var out = ""
                var column = 0
                for c in s {
                    if c == "\t" {
                        let n = 4 - column % 4
                        out += String(repeating: " ", count: n)
                        column += n
                    } else {
                        out.append(c)
                        column += 1
                    }
                }
                s = out
            }
            return TextSanitizer.sanitize(s, report: &report)
        }.joined(separator: "\n")
    }
}
