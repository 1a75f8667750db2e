/// Turns the bytes of one file into an `Article`. See docs/FORMAT.md for the format
/// and the cases decided here.
public struct ArticleParser: Sendable {
    public var detector: HeadingDetector
    /// Titles longer than this are cut (with "…"): a title is one line, not a body.
    public static let maxTitleScalars = ArticleGrammar.maxTitleScalars

    public init(detector: HeadingDetector = HeadingDetector()) {
        self.detector = detector
    }

    /// Reads one file in whichever format it is in (`FormatChooser`): the one entry point for every
    /// reader of an article's bytes.
    public func parse(_ bytes: [UInt8], source: String) throws(ArticleError) -> Article {
        try format(source: source, head: bytes).parse(bytes, source: source)
    }

    /// The format a file named `source` starting with `head` is read with.
    public func format(source: String, head: [UInt8]) -> any ArticleFormat {
        Self.format(FormatChooser.format(source: source, head: head), detector: detector)
    }

    public static func format(_ name: ArticleFormatName, detector: HeadingDetector = HeadingDetector())
        -> any ArticleFormat
    {
        switch name {
        case .text: return PlainTextFormat(detector: detector)
        case .html: return HTMLFormat()
        case .markdown: return MarkdownFormat()
        }
    }

    /// The title and links only, from the first and last bytes of a file: what a
    /// collection needs to index a folder without parsing every body.
    public static func links(head: [UInt8], tail: [UInt8]?, source: String) throws(ArticleError) -> ArticleLinks {
        try checkLooksLikeText(head, source: source)
        guard let links = EdgeScanner.links(head: head, tail: tail) else { throw .empty(path: source) }
        return links
    }

    /// Binary files and empty files are refused before any decoding.
    /// `moreFollows`: `bytes` is only the start of the file, so it cannot be "empty".
    public static func checkLooksLikeText(_ bytes: [UInt8], source: String, moreFollows: Bool = false)
        throws(ArticleError)
    {
        // One pass over the first 8 kB: a NUL, or more than 10% control bytes, is binary.
        let n = min(bytes.count, 8192)
        let (sawNul, controls) = bytes.withUnsafeBufferPointer { controlBytes(UnsafeBufferPointer(rebasing: $0[..<n])) }
        if sawNul { throw .binary(path: source) }
        if controls * 10 > n { throw .binary(path: source) }
        if !moreFollows && bytes.count <= 8192
            && bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        {
            throw .empty(path: source)
        }
    }
}

extension ArticleParser {
    /// Whether `b` holds a NUL, and else how many control bytes count against text (not LF, CR,
    /// tab, form feed or ESC). Eight bytes at a time while none is below 0x20 (issue 12: this
    /// ran byte by byte over the first 8 kB of every file).
    static func controlBytes(_ b: UnsafeBufferPointer<UInt8>) -> (nul: Bool, controls: Int) {
        let raw = UnsafeRawBufferPointer(b)
        var controls = 0
        var i = 0
        while i < b.count {
            if i + 8 <= b.count, !SWAR.hasByte(SWAR.word(raw, at: i), below: 0x20) {
                i += 8
                continue
            }
            let c = b[i]
            i += 1
            if c >= 0x20 { continue }
            if c == 0 { return (true, controls) }
            if c != 0x0A && c != 0x0D && c != 0x09 && c != 0x0C && c != 0x1B { controls += 1 }
        }
        return (false, controls)
    }

    /// The reference `controlBytes` is tested against: one byte at a time.
    static func controlBytesByByte(_ b: UnsafeBufferPointer<UInt8>) -> (nul: Bool, controls: Int) {
        var controls = 0
        for c in b where c < 0x20 {
            if c == 0 { return (true, controls) }
            if c != 0x0A && c != 0x0D && c != 0x09 && c != 0x0C && c != 0x1B { controls += 1 }
        }
        return (false, controls)
    }
}

/// What a collection keeps of each file to index titles and resolve links.
public struct ArticleLinks: Sendable, Equatable, Codable {
    public var title: String
    public var previousTitle: String?
    public var nextTitle: String?
    /// Web pages: the page's own address and its neighbours' (nil for plain text). A link by URL is
    /// resolved by URL first, then by title.
    public var url: String?
    public var previousURL: String?
    public var nextURL: String?

    public init(
        title: String, previousTitle: String?, nextTitle: String?, url: String? = nil, previousURL: String? = nil,
        nextURL: String? = nil
    ) {
        self.title = title
        self.previousTitle = previousTitle
        self.nextTitle = nextTitle
        self.url = url
        self.previousURL = previousURL
        self.nextURL = nextURL
    }

    public func title(_ direction: LinkDirection) -> String? {
        direction == .previous ? previousTitle : nextTitle
    }

    public func url(_ direction: LinkDirection) -> String? {
        direction == .previous ? previousURL : nextURL
    }
}

extension Article {
    /// The article as the parser's events, in order: what a streaming reader of a plain-text file
    /// hands out, made from an article read whole (pages and notes).
    public var events: [ArticleEvent] {
        var out: [ArticleEvent] = [.title(title)]
        for section in sections {
            if let h = section.heading { out.append(.heading(h)) }
            for p in section.paragraphs { out.append(.paragraph(p)) }
        }
        return out
    }
}

/// Builds sections from parser events: the lede has no heading, and an article
/// that opens with a heading has no lede.
struct SectionCollector {
    var title = ""
    var sections: [Section] = []

    mutating func add(_ event: ArticleEvent) {
        switch event {
        case .title(let t): title = t
        case .heading(let h): sections.append(Section(heading: h, paragraphs: []))
        case .paragraph(let p):
            if sections.isEmpty { sections.append(Section(heading: nil, paragraphs: [])) }
            sections[sections.count - 1].paragraphs.append(p)
        }
    }
}

/// Decides how the lines of one block (no blank line between them) become blocks.
enum BlockSplitter {
    /// Lines with no blank line between them: a hard-wrapped paragraph is joined
    /// into one; otherwise (a heading over its text, a list) each line stays a block.
    static func merge(_ lines: [String]) -> [String] {
        guard lines.count > 1 else { return lines }
        let lengths = lines.map { $0.unicodeScalars.count }
        let longest = lengths.max() ?? 0
        let wrapped = longest >= 40 && lengths.dropLast().allSatisfy { $0 * 10 >= longest * 6 }
        return wrapped ? [lines.joined(separator: " ")] : lines
    }
}
