import CCmark

/// Markdown notes, read with cmark (the CommonMark reference parser, Debian's libcmark): headings are
/// sections with their level, the title is the front matter's `title`, else the first `#` heading,
/// else the file's name. Lists, quotes and code keep their kind. docs/MARKDOWN.md.
public struct MarkdownFormat: ArticleFormat {
    public var name: ArticleFormatName { .markdown }
    public init() {}

    /// cmark's options: the defaults, with bad UTF-8 replaced (the bytes are repaired before, this is
    /// a second guard) and no "smart" punctuation (a note's quotes and dashes are shown as written).
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    public func parse(_ bytes: [UInt8], source: String) throws(ArticleError) -> Article {
        try ArticleParser.checkLooksLikeText(bytes, source: source)
        var warnings: [String] = []
        var utf8 = bytes
        if String(validating: bytes, as: UTF8.self) == nil {
            utf8 = Array(String(decoding: bytes, as: UTF8.self).utf8)
            warnings.append("text is not valid UTF-8; bad bytes are shown as \u{FFFD}")
        }
        if utf8.count >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF { utf8.removeFirst(3) }

        let front = utf8.withUnsafeBufferPointer { MarkdownFrontMatter($0) }
        var reader = MarkdownBlockReader()
        var trailer: Trailer?
        utf8.withUnsafeBufferPointer { all in
            var body = UnsafeBufferPointer(rebasing: all[front.bodyStart...])
            var doc = Self.document(body)
            // PREV/NEXT lines at the end, when cmark read them as paragraphs of their own (not as
            // lines of a code block or a quote): the note is read again without them.
            if let doc0 = doc, let found = MarkdownTrailer.find(body), let cut = found.cut(in: doc0) {
                trailer = Trailer(lines: found.lines)
                cmark_node_free(doc0)
                body = UnsafeBufferPointer(rebasing: body[..<cut])
                doc = Self.document(body)
            }
            if let doc {
                reader.read(doc)
                cmark_node_free(doc)
            }
        }
        var report = reader.report
        func clean(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = HTMLText.collapse(TextSanitizer.sanitize(HTMLText.collapse(s), report: &report))
            return t.isEmpty ? nil : t
        }

        var blocks = reader.blocks
        var title = clean(front.title).map(ArticleGrammar.title)
        if title == nil, let first = blocks.firstIndex(where: { if case .heading(1, _) = $0 { true } else { false } }),
            case .heading(_, let text) = blocks[first]
        {
            title = ArticleGrammar.title(text)
            blocks.remove(at: first)
        }
        // A note that gives its title in front matter and again as its first heading shows it once.
        if let t = title, let first = blocks.firstIndex(where: { if case .heading = $0 { true } else { false } }),
            case .heading(_, let text) = blocks[first], TitleChooser.key(text) == TitleChooser.key(t),
            !blocks[..<first].contains(where: { if case .heading = $0 { false } else { true } })
        {
            blocks.remove(at: first)
        }
        if title == nil && blocks.isEmpty { throw .empty(path: source) }

        var meta = ArticleMeta(format: .markdown)
        meta.author = clean(front.author)
        meta.date = clean(front.date)
        meta.url = clean(front.url)
        // Links: the front matter's, else the PREV/NEXT lines at the end. An address is a link by URL.
        var previousTitle: String?
        var nextTitle: String?
        if let p = clean(front.previous) {
            if Self.isAddress(p) { meta.previousURL = p } else { previousTitle = ArticleGrammar.title(p) }
        }
        if let n = clean(front.next) {
            if Self.isAddress(n) { meta.nextURL = n } else { nextTitle = ArticleGrammar.title(n) }
        }
        if let trailer {
            if previousTitle == nil && meta.previousURL == nil { previousTitle = trailer.previous }
            if nextTitle == nil && meta.nextURL == nil { nextTitle = trailer.next }
            warnings += trailer.warnings.filter { !$0.hasPrefix("no ") || front.previous == nil && front.next == nil }
        }

        // The highest heading level in the body is a section; deeper ones are sub-sections.
        var top = 6
        for case .heading(let level, _) in blocks { top = min(top, level) }
        var sections: [Section] = []
        for block in blocks {
            switch block {
            case .heading(let level, let text):
                sections.append(Section(heading: text, paragraphs: [], level: level - top + 1))
            case .paragraph(let text, let kind):
                if sections.isEmpty { sections.append(Section(heading: nil, paragraphs: [])) }
                sections[sections.count - 1].append(text, kind: kind)
            }
        }
        if !sections.contains(where: { !$0.paragraphs.isEmpty }) && title != nil {
            warnings.append("the note has a title but no body text")
        }
        if report.controls > 0 {
            warnings.append("\(report.controls) control character(s) replaced by visible symbols")
        }
        if report.bidi > 0 { warnings.append("\(report.bidi) bidirectional override character(s) removed") }
        let finalTitle: String
        if let title {
            finalTitle = title
        } else {
            finalTitle = Self.title(fromFileName: source)
            warnings.append("the note has no title; its file name stands for it")
        }
        return Article(
            title: finalTitle, sections: sections, previousTitle: previousTitle, nextTitle: nextTitle,
            source: source, warnings: warnings, meta: meta)
    }

    static func document(_ body: UnsafeBufferPointer<UInt8>) -> OpaquePointer? {
        body.withMemoryRebound(to: CChar.self) { chars in
            // cmark wants a pointer even for no text.
            guard let base = chars.baseAddress, chars.count > 0 else { return cmark_parse_document("", 0, options) }
            return cmark_parse_document(base, chars.count, options)
        }
    }

    static func isAddress(_ s: String) -> Bool {
        let lower = s.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && !s.contains(" ")
    }

    /// A note with no title in it is named by its file: the last part of the path without its extension.
    static func title(fromFileName source: String) -> String {
        var name = Substring(source)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot > name.startIndex { name = name[..<dot] }
        let shownName = HTMLText.collapse(shown(String(name)))
        return shownName.isEmpty ? "Untitled" : ArticleGrammar.title(shownName)
    }
}

/// The PREV/NEXT lines that end a note, found as the plain-text format finds its trailer
/// (docs/FORMAT.md): the run of blank and PREV/NEXT lines at the end that starts with a PREV/NEXT
/// line, and a `-` line before it (after a blank line) that separates it from the body.
struct MarkdownTrailer {
    /// The trailer's lines (decoded and made safe), in file order.
    var lines: [String]
    /// Where the body may end: the byte offset and the line (1-based) it starts, at the separator
    /// line first (when there is one), then at the first PREV/NEXT line.
    var cuts: [(offset: Int, line: Int)]

    /// A longer line is never a trailer line.
    static let maxLineBytes = 65_536

    static func find(_ body: UnsafeBufferPointer<UInt8>) -> MarkdownTrailer? {
        // Lines from the end: (start, end) byte ranges without their line end.
        var end = body.count
        var collected: [(range: Range<Int>, text: String)] = []
        var stop: Range<Int>?
        while end > 0 || collected.isEmpty {
            var start = end
            while start > 0 && body[start - 1] != 0x0A && body[start - 1] != 0x0D && end - start < Self.maxLineBytes {
                start -= 1
            }
            let range = start..<end
            if start > 0 && body[start - 1] != 0x0A && body[start - 1] != 0x0D {
                // A line this long is body text: found without walking back over a 5 MB paragraph.
                stop = nil
                break
            }
            // Most last lines are ruled out on their bytes, without decoding (a 5 MB last line too).
            if !ArticleGrammar.mayBeTrailerLine(UnsafeBufferPointer(rebasing: body[range])) {
                stop = range
                break
            }
            let text = TextSanitizer.sanitize(
                String(decoding: UnsafeBufferPointer(rebasing: body[range]), as: UTF8.self))
            if !ArticleGrammar.isTrailerLine(text) {
                stop = range
                break
            }
            collected.append((range, text))
            if start == 0 { break }
            // Step over the line end (CRLF as one).
            end = start - 1
            if end > 0 && body[end] == 0x0A && body[end - 1] == 0x0D { end -= 1 }
            if collected.count > 10_000 { return nil }
        }
        collected.reverse()
        guard let firstLink = collected.firstIndex(where: { ArticleGrammar.link($0.text) != nil }) else { return nil }
        let atLink = collected[firstLink].range.lowerBound
        var cuts = [atLink]
        // A separator line before it, itself after a blank line (else it would underline a heading).
        if let stop,
            ArticleGrammar.isSeparator(
                TextSanitizer.sanitize(String(decoding: UnsafeBufferPointer(rebasing: body[stop]), as: UTF8.self))),
            lineBefore(stop.lowerBound, in: body).map(isBlank) ?? true
        {
            cuts.insert(stop.lowerBound, at: 0)
        }
        return MarkdownTrailer(
            lines: collected[firstLink...].map(\.text), cuts: cuts.map { ($0, lineNumber(of: $0, in: body)) })
    }

    /// The line (1-based, as cmark counts: LF, CR and CRLF each end one) that starts at byte `offset`.
    private static func lineNumber(of offset: Int, in body: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var i = 0
        while i < offset {
            if body[i] == 0x0A {
                line += 1
            } else if body[i] == 0x0D {
                line += 1
                if i + 1 < offset && body[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return line
    }

    /// The line that ends just before byte `start` (which starts a line).
    private static func lineBefore(_ start: Int, in body: UnsafeBufferPointer<UInt8>) -> String? {
        guard start > 0 else { return nil }
        var end = start - 1
        if end > 0 && body[end] == 0x0A && body[end - 1] == 0x0D { end -= 1 }
        var s = end
        while s > 0 && body[s - 1] != 0x0A && body[s - 1] != 0x0D { s -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: body[s..<end]), as: UTF8.self)
    }

    private static func isBlank(_ s: String) -> Bool { ArticleGrammar.isBlank(TextSanitizer.sanitize(s)) }

    /// Whether cmark read the lines from `cutLine` on as paragraphs of the note itself (or a thematic
    /// break, or the empty list item a lone `-` is): not inside a code block, a quote or a list.
    /// The first of `cuts` after which cmark read only such lines.
    func cut(in document: OpaquePointer) -> Int? {
        cuts.first { isWholeParagraphs(from: $0.line, in: document) }?.offset
    }

    private func isWholeParagraphs(from cutLine: Int, in document: OpaquePointer) -> Bool {
        var node = cmark_node_last_child(document)
        while let n = node, Int(cmark_node_get_end_line(n)) >= cutLine {
            let type = cmark_node_get_type(n)
            let start = Int(cmark_node_get_start_line(n))
            if start < cutLine {
                if type != CMARK_NODE_PARAGRAPH { return false }
            } else if type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_THEMATIC_BREAK && type != CMARK_NODE_LIST {
                return false
            }
            node = cmark_node_previous(n)
        }
        return true
    }
}
