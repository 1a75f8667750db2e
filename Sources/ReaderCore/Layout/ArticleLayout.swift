import ArticleKit

/// What a laid-out line is, so the renderer can style it and the reader can find
/// sections and paragraphs in it.
public enum LineKind: Sendable, Equatable {
    case title
    case heading
    case body
    case blank
    /// The rule above the links.
    case footer
    /// Where PREV or NEXT leads: an article here, or a title still being looked up.
    case footerLink
    /// One item of a list: its first line starts with the bullet, the next ones are indented under its text.
    case listItem
    /// Quoted text: every line led by `ArticleLayout.quoteMarker`.
    case quote
    /// A line of preformatted text (or a piece of one cut at the window's edge), indented by `codeIndent`.
    case code
    /// A row of a table, its cells joined by " | ".
    case tableRow
    /// A figure's caption: dimmed, never a section.
    case caption
    /// Who wrote the article and when: a byline block, or the page's author and date under the title.
    case byline
    /// A PREV or NEXT that leads nowhere here: a title not in the collection, or no link at all.
    case footerUnresolved
}

/// A closing line and what it is. The renderer styles it by its kind, never by its words: a
/// dangling title that wraps leaves "(not in this collection)" on a line of its own.
public struct FooterLine: Sendable, Equatable {
    public var text: String
    public var kind: LineKind

    public init(_ text: String, _ kind: LineKind) {
        self.text = text
        self.kind = kind
    }

    /// The rule that sets the closing lines apart from the article.
    public static let rule = FooterLine("—", .footer)
}

public struct LayoutLine: Sendable, Equatable {
    /// What goes before `body`: a heading's "§ ", or the indent of its next lines (short: no storage of its own).
    public internal(set) var lead: String
    /// The rest: a slice of the paragraph it was cut from, so that a long article's lines are not a
    /// second copy of its text.
    public internal(set) var body: Substring
    public var kind: LineKind
    /// The section the line belongs to (0 is the lede, or the first section when there is no lede).
    public var section: Int
    /// The block the line belongs to: stable across widths, so a resize can keep the reader's place.
    public var block: Int

    public init(text: String, kind: LineKind, section: Int, block: Int) {
        self.init(lead: "", body: Substring(text), kind: kind, section: section, block: block)
    }

    init(lead: String, body: Substring, kind: LineKind, section: Int, block: Int) {
        self.lead = lead
        self.body = body
        self.kind = kind
        self.section = section
        self.block = block
    }

    public var text: String {
        get { lead.isEmpty ? String(body) : lead + body }
        set {
            lead = ""
            body = Substring(newValue)
        }
    }

    /// Lines are equal by what they show, however their text is held.
    public static func == (a: LayoutLine, b: LayoutLine) -> Bool {
        guard a.kind == b.kind && a.section == b.section && a.block == b.block else { return false }
        return (a.lead == b.lead && a.body == b.body) || a.text == b.text
    }
}

/// A layout's lines: the body, then the closing lines kept in an array of their own, so that new closing
/// lines (links resolved once the folder is indexed) never copy the body's (a 50 MB article's are 45 MB,
/// and its whole read is still held by the event that brought it while they are replaced).
public struct LayoutLines: RandomAccessCollection, Sendable, Equatable {
    var body: [LayoutLine] = []
    var closing: [LayoutLine] = []

    public var startIndex: Int { 0 }
    public var endIndex: Int { body.count + closing.count }
    public subscript(i: Int) -> LayoutLine { i < body.count ? body[i] : closing[i - body.count] }

    /// Array equality first compares storage: a layout compared with itself costs nothing.
    public static func == (a: LayoutLines, b: LayoutLines) -> Bool {
        (a.body == b.body && a.closing == b.closing) || a.elementsEqual(b)
    }
}

/// An article laid out to a width: every line, where each section starts, where each block starts.
public struct ArticleLayout: Sendable, Equatable {
    public var width: Int
    public var lines: LayoutLines
    /// First line of each section (heading line, or the lede's first line).
    public var sectionStarts: [Int]
    /// First line of each block, by block number.
    public var blockStarts: [Int]
    /// Where the closing PREV/NEXT lines start (the blank line before them).
    public var footerStart: Int? = nil
    /// Blocks before the footer.
    public var footerBlock = 0

    public static let headingMarker = "§ "
    /// What leads each line of a quote. Plain mode draws `plainQuoteMarker` in its place (no box drawing).
    public static let quoteMarker = "│ "
    public static let plainQuoteMarker = "> "
    /// The indent of every line of preformatted text.
    public static let codeIndent = "  "

    /// Lays out `article`: title, the sections with their headings, then where PREV/NEXT lead.
    public static func make(_ article: Article, footer: [FooterLine], width: Int) -> ArticleLayout {
        var builder = LayoutBuilder(width: width)
        // Room for every line at once, so the array is never copied to a bigger one as it grows: for a
        // 50 MB article that copy held two arrays of lines at once, a third more at the peak than after.
        // Bytes per line are at least a quarter of the width (wide characters take two columns and up to
        // four bytes); the room not used is never touched, so it costs no memory.
        var bytes = 0, blocks = 2
        for section in article.sections {
            blocks += 1 + section.paragraphs.count
            for paragraph in section.paragraphs { bytes += paragraph.utf8.count }
        }
        builder.reserve(lines: 2 * blocks + bytes / max(1, builder.layout.width / 4) + footer.count + 8)
        builder.add(.title(article.title))
        if let byline = byline(article) { builder.addByline(byline) }
        for section in article.sections {
            if let heading = section.heading { builder.add(.heading(heading)) }
            if section.kinds.isEmpty {
                for paragraph in section.paragraphs { builder.add(.paragraph(paragraph)) }
            } else {
                for (i, paragraph) in section.paragraphs.enumerated() {
                    builder.add(.paragraph(paragraph), kind: section.kind(i))
                }
            }
        }
        builder.addFooter(footer)
        return builder.layout
    }

    /// The line under the title with the page's author and date, when it has them and its text holds
    /// no byline of its own (which is then shown where it stands).
    public static func byline(_ article: Article) -> String? {
        let author = article.meta.author.flatMap { $0.isEmpty ? nil : $0 }
        let date = article.meta.date.flatMap { $0.isEmpty ? nil : $0 }
        guard author != nil || date != nil else { return nil }
        if article.sections.contains(where: { $0.kinds.contains(.byline) }) { return nil }
        var parts: [String] = []
        if let author {
            let said = author.lowercased().hasPrefix("by ")
            parts.append(said ? author : "By " + author)
        }
        if let date { parts.append(date) }
        return parts.joined(separator: " · ")
    }

    /// The same layout with other closing lines: links resolved after the folder was
    /// indexed, without laying out a long article again.
    /// The same closing lines leave the layout as it is: its lines are not copied (600,000 of them in a
    /// 50 MB article, whose whole read comes with the footer the reader would give it).
    public func replacingFooter(_ footer: [FooterLine]) -> ArticleLayout {
        guard let start = footerStart else { return self }
        var alone = LayoutBuilder(width: width, section: max(0, sectionStarts.count - 1), block: footerBlock)
        alone.addFooter(footer)
        if alone.layout.lines.elementsEqual(lines[start...]) { return self }
        var builder = LayoutBuilder(continuing: self, from: start)
        builder.addFooter(footer)
        return builder.layout
    }

    /// The section a line is in.
    public func section(atLine line: Int) -> Int {
        guard !lines.isEmpty else { return 0 }
        return lines[min(max(0, line), lines.count - 1)].section
    }
}

/// Builds a layout one parser event at a time, so a dump can stream a 50 MB
/// article: each block is preceded by one blank line, headings carry "§".
public struct LayoutBuilder: Sendable {
    public private(set) var layout: ArticleLayout
    private var section = -1
    private var block = 0
    /// What the last paragraph was, since the last heading.
    private var previousKind: BlockKind? = nil
    /// Lines before this index have been taken by `drain`.
    private var drained = 0

    public init(width: Int) {
        layout = ArticleLayout(width: max(1, width), lines: LayoutLines(), sectionStarts: [], blockStarts: [])
    }

    mutating func reserve(lines: Int) {
        layout.lines.body.reserveCapacity(lines)
    }

    /// Lines numbered on from `section` and `block`, as a layout's closing lines would be.
    init(width: Int, section: Int, block: Int) {
        self.init(width: width)
        self.section = section
        self.block = block
    }

    /// Resumes a layout cut back to `line` (where its footer began).
    init(continuing layout: ArticleLayout, from line: Int) {
        self.layout = layout
        // Only the closing lines are cut (they are what is replaced); the body's array is not touched.
        precondition(line == layout.lines.body.count, "a layout is continued from where its closing lines begin")
        self.layout.lines.closing = []
        self.layout.blockStarts.removeSubrange(layout.footerBlock...)
        self.layout.footerStart = nil
        section = layout.sectionStarts.count - 1
        block = layout.footerBlock
    }

    public mutating func add(_ event: ArticleEvent) {
        add(event, kind: .text)
    }

    /// Adds an event; a paragraph is laid out as `kind` says (see `BlockKind`).
    public mutating func add(_ event: ArticleEvent, kind: BlockKind) {
        switch event {
        case .title(let title):
            addWrapped(title, .title, 0)
            previousKind = nil
        case .heading(let heading):
            section += 1
            add("", .blank, section)
            layout.sectionStarts.append(layout.lines.count)
            // "§" marks a heading without colour, in dumps and for screen readers.
            addWrapped(heading, .heading, section, marker: ArticleLayout.headingMarker)
            previousKind = nil
        case .paragraph(let paragraph):
            if section < 0 {
                section = 0
                add("", .blank, section)
                layout.sectionStarts.append(layout.lines.count)
            } else if !(kind == previousKind && (kind == .listItem || kind == .tableRow)) {
                // A list's items and a table's rows follow one another, one a line: no blank between them.
                add("", .blank, section)
            }
            switch kind {
            case .text: addWrapped(paragraph, .body, section)
            case .listItem: addListItem(paragraph)
            case .quote: addWrapped(paragraph, .quote, section, marker: ArticleLayout.quoteMarker, everyLine: true)
            case .code: addCode(paragraph)
            case .tableRow: addWrapped(paragraph, .tableRow, section)
            case .caption: addWrapped(paragraph, .caption, section)
            case .byline: addWrapped(paragraph, .byline, section)
            }
            previousKind = kind
        }
    }

    /// The page's author and date under the title: part of the title's block (block 0), so that the
    /// blocks of the text are numbered as the article's paragraphs are, with or without it.
    public mutating func addByline(_ text: String) {
        for line in TextWrapper.wrapSlices(text, width: layout.width) {
            append(LayoutLine(lead: "", body: line, kind: .byline, section: 0, block: max(0, block - 1)))
        }
    }

    /// The closing lines: where PREV and NEXT lead.
    public mutating func addFooter(_ footer: [FooterLine]) {
        let last = max(0, section)
        layout.footerStart = layout.lines.count
        layout.footerBlock = block
        add("", .blank, last)
        for line in footer { addWrapped(line.text, line.kind, last) }
    }

    /// Hands out the lines laid out since the last call and forgets them.
    public mutating func drain() -> [LayoutLine] {
        let out = Array(layout.lines[drained...])
        layout.lines.body.removeAll(keepingCapacity: true)
        layout.lines.closing.removeAll(keepingCapacity: true)
        drained = 0
        // Line numbers in starts refer to the lines already handed out.
        layout.sectionStarts.removeAll()
        layout.blockStarts.removeAll()
        return out
    }

    private mutating func add(_ text: String, _ kind: LineKind, _ section: Int) {
        append(LayoutLine(text: text, kind: kind, section: section, block: block))
    }

    private mutating func add(_ lead: String, _ body: Substring, _ kind: LineKind, _ section: Int) {
        append(LayoutLine(lead: lead, body: body, kind: kind, section: section, block: block))
    }

    /// Lines from the closing lines on go to their own array.
    private mutating func append(_ line: LayoutLine) {
        if layout.footerStart == nil { layout.lines.body.append(line) } else { layout.lines.closing.append(line) }
    }

    /// Wraps a block to the width: its first line led by `marker`, the next ones by as many spaces (or
    /// by the marker again, `everyLine`).
    private mutating func addWrapped(
        _ text: String, _ kind: LineKind, _ section: Int, marker: String = "", everyLine: Bool = false
    ) {
        let width = layout.width
        layout.blockStarts.append(layout.lines.count)
        // A column too narrow for the marker and one cell of text shows the text alone.
        let marker = DisplayWidth.of(marker) < width ? marker : ""
        let indent = everyLine ? marker : String(repeating: " ", count: DisplayWidth.of(marker))
        let wrapped = TextWrapper.wrapSlices(text, width: max(1, width - DisplayWidth.of(marker)))
        for (i, l) in wrapped.enumerated() { add(i == 0 ? marker : indent, l, kind, section) }
        block += 1
    }

    /// A list item: its bullet or number (after the indent of its nesting) on the first line, its text
    /// wrapped under itself, so the bullet stands out (a hanging indent).
    private mutating func addListItem(_ text: String) {
        let width = layout.width
        guard let hang = ListBullet.textStart(text), DisplayWidth.of(text[..<hang]) + 8 <= width else {
            addWrapped(text, .listItem, section)
            return
        }
        layout.blockStarts.append(layout.lines.count)
        let hangWidth = DisplayWidth.of(text[..<hang])
        let indent = String(repeating: " ", count: hangWidth)
        let wrapped = TextWrapper.wrapSlices(text, hangingFrom: hang, width: width - hangWidth)
        for (i, l) in wrapped.enumerated() { add(i == 0 ? "" : indent, l, .listItem, section) }
        block += 1
    }

    /// Preformatted text: each of its lines a line of the layout, never joined nor wrapped at spaces; a
    /// line wider than the column goes on in the next ones, cut between characters.
    private mutating func addCode(_ text: String) {
        let width = layout.width
        layout.blockStarts.append(layout.lines.count)
        let lead = DisplayWidth.of(ArticleLayout.codeIndent) < width ? ArticleLayout.codeIndent : ""
        let room = max(1, width - DisplayWidth.of(lead))
        var start = text.startIndex
        while true {
            let end = text.utf8[start...].firstIndex(of: 0x0A) ?? text.endIndex
            if start == end {
                add("", text[start..<end], .code, section)
            } else {
                for piece in TextWrapper.cutSlices(text, start..<end, width: room) { add(lead, piece, .code, section) }
            }
            guard end < text.endIndex else { break }
            start = text.utf8.index(after: end)
        }
        block += 1
    }
}

/// Where a list item's text begins, after its nesting indent, its bullet ("•", "-") or number ("3.",
/// "iv)") and the space after it.
enum ListBullet {
    static func textStart(_ text: String) -> String.Index? {
        var i = text.startIndex
        while i < text.endIndex && text[i] == " " { i = text.index(after: i) }
        guard let space = text[i...].firstIndex(of: " "), space > i else { return nil }
        let bullet = text[i..<space]
        let isBullet =
            bullet.count == 1 && "•◦▪▫‣⁃-*+–—·".contains(bullet.first!)
            || (bullet.count <= 6 && (bullet.last == "." || bullet.last == ")")
                && bullet.dropLast().allSatisfy { $0.isLetter || $0.isNumber })
        guard isBullet else { return nil }
        var end = space
        while end < text.endIndex && text[end] == " " { end = text.index(after: end) }
        return end < text.endIndex ? end : nil
    }
}

extension ArticleLayout {
    /// The block a place in the article is laid out as: the title is block 0, then each section's
    /// heading (when it has one) and paragraphs, in order — the numbering `LayoutBuilder` gives.
    public static func block(of place: Snippet.Place, section: Int, in article: Article) -> Int {
        var block = 1
        for s in article.sections.prefix(section) { block += (s.heading == nil ? 0 : 1) + s.paragraphs.count }
        guard article.sections.indices.contains(section) else { return block }
        let hasHeading = article.sections[section].heading != nil
        switch place {
        case .title: return 0
        case .heading: return block
        case .paragraph(let p): return block + (hasHeading ? 1 : 0) + p
        }
    }
}

extension PlainTextDump {
    /// Where a UTF-8 offset inside a block falls in what `dump --width 0` prints for the article:
    /// the byte offset from the start of the output.
    public static func unwrappedOffset(of block: Int, byte: Int, in article: Article) -> Int {
        let layout = ArticleLayout.make(article, footer: [], width: unwrapped)
        guard layout.blockStarts.indices.contains(block) else { return 0 }
        let line = layout.blockStarts[block]
        var offset = 0
        var titleDone = false
        for l in layout.lines[..<line] {
            if l.kind != .title && !titleDone {
                titleDone = true
                offset += titleUnderline(layout).utf8.count + 1
            }
            offset += l.text.utf8.count + 1
        }
        if !titleDone && layout.lines[line].kind != .title { offset += titleUnderline(layout).utf8.count + 1 }
        // The line of the block the byte is on (a line of code, a list item's…), after that line's lead
        // (a heading's marker, a quote's): lines are slices of the block's text, so where each starts in
        // it is known.
        let kind = layout.lines[line].kind
        var found = offset + layout.lines[line].lead.utf8.count
        var k = line
        while k < layout.lines.count, layout.lines[k].block == block, layout.lines[k].kind == kind {
            let l = layout.lines[k]
            let start = l.body.base.utf8.distance(from: l.body.base.startIndex, to: l.body.startIndex)
            if start > byte { break }
            found = offset + l.lead.utf8.count - start
            offset += l.text.utf8.count + 1
            k += 1
        }
        return found + byte
    }

    static func titleUnderline(_ layout: ArticleLayout) -> String {
        let titleWidth = layout.lines.filter { $0.kind == .title }.map { DisplayWidth.of($0.text) }.max() ?? 0
        return String(repeating: "=", count: min(layout.width, titleWidth))
    }
}
