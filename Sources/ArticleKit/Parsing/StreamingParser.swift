/// What the parser finds, in file order.
public enum ArticleEvent: Sendable, Equatable {
    case title(String)
    case heading(String)
    case paragraph(String)
}

/// Parses an article from bytes fed in chunks of any size, handing out the title,
/// then each heading and paragraph as soon as the heading detector can decide
/// (three blocks later). Memory stays bounded by the largest block, not the file,
/// so a 50 MB article streams; `ArticleParser.parse` feeds it one whole buffer.
public struct StreamingParser {
    public private(set) var warnings: [String] = []
    public private(set) var previousTitle: String?
    public private(set) var nextTitle: String?
    public private(set) var sawTitle = false
    public private(set) var blockCount = 0

    private enum Phase { case beforeTitle, header, body }
    private var phase = Phase.beforeTitle
    private var titleKey = TitleKey("")
    private var lineNumber = 0
    private var partial: [UInt8] = []
    private var skipLineFeed = false
    private var atStart = true
    private var invalidUTF8 = false
    private var sanitized = TextSanitizer.Report()
    /// Lines of the block being read.
    private var blockLines: [String] = []
    /// PREV/NEXT lines (and blanks among them) that are the trailer if nothing follows.
    private var trailerCandidate: [String] = []
    /// Decides each block once the heading detector's look-ahead has arrived.
    private var headings: HeadingStream
    private let emit: (ArticleEvent) -> Void

    public init(detector: HeadingDetector = HeadingDetector(), emit: @escaping (ArticleEvent) -> Void) {
        self.headings = HeadingStream(detector: detector)
        self.emit = emit
    }

    /// Feeds the next bytes of the file.
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var i = 0
        if atStart {
            atStart = false
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3; i = 3 }
        }
        if skipLineFeed, i < bytes.count {
            skipLineFeed = false
            if bytes[i] == 0x0A { start = i + 1; i += 1 }
        }
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x0A || c == 0x0D {
                if partial.isEmpty {
                    line(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                } else {
                    partial.append(contentsOf: bytes[start..<i])
                    let whole = partial
                    partial.removeAll(keepingCapacity: true)
                    whole.withUnsafeBufferPointer { line($0) }
                }
                if c == 0x0D {
                    if i + 1 < bytes.count { if bytes[i + 1] == 0x0A { i += 1 } } else { skipLineFeed = true }
                }
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count { partial.append(contentsOf: bytes[start...]) }
    }

    /// Ends the input: the last line, the trailer, and the blocks still waiting.
    public mutating func finish() {
        if !partial.isEmpty {
            let whole = partial
            partial.removeAll()
            whole.withUnsafeBufferPointer { line($0) }
        }
        let trailer = Trailer(lines: trailerCandidate, from: 0)
        previousTitle = trailer.previous
        nextTitle = trailer.next
        warnings += trailer.warnings
        trailerCandidate.removeAll()
        endBlock()
        while let event = headings.next() { emit(event) }
        if invalidUTF8 { warnings.insert("text is not valid UTF-8; bad bytes are shown as \u{FFFD}", at: 0) }
        if sanitized.controls > 0 { warnings.append("\(sanitized.controls) control character(s) replaced by visible symbols") }
        if sanitized.bidi > 0 { warnings.append("\(sanitized.bidi) bidirectional override character(s) removed") }
        if sawTitle && blockCount == 0 { warnings.append("the article has a title but no body text") }
    }

    private mutating func line(_ bytes: UnsafeBufferPointer<UInt8>) {
        lineNumber += 1
        var read = LineReader.lines(bytes)
        if read.invalidUTF8 { invalidUTF8 = true }
        sanitized.controls += read.sanitized.controls
        sanitized.bidi += read.sanitized.bidi
        let text = read.lines.isEmpty ? "" : read.lines.removeFirst()
        switch phase {
        case .beforeTitle:
            guard !text.isBlankLine, !text.isSeparatorLine else { return }
            let title = ArticleParser.limitTitle(text)
            titleKey = TitleKey(title)
            sawTitle = true
            phase = .header
            emit(.title(title))
        case .header:
            if text.isBlankLine { return }
            if text.isSeparatorLine { phase = .body; return }
            if TitleKey(ArticleParser.limitTitle(text)) == titleKey { return }
            warnings.append("no '-' line after the title; the body starts at line \(lineNumber)")
            phase = .body
            bodyLine(text)
        case .body:
            bodyLine(text)
        }
    }

    private mutating func bodyLine(_ text: String) {
        let blank = text.isBlankLine
        if Trailer.link(text) != nil || (blank && !trailerCandidate.isEmpty) {
            trailerCandidate.append(text)
            return
        }
        // Something follows the PREV/NEXT lines, so they were body text after all.
        if !trailerCandidate.isEmpty {
            let lines = trailerCandidate
            trailerCandidate.removeAll()
            for l in lines { plainBodyLine(l) }
        }
        plainBodyLine(text)
    }

    private mutating func plainBodyLine(_ text: String) {
        if text.isBlankLine || text.isSeparatorLine { endBlock() } else { blockLines.append(text.trimmed) }
    }

    private mutating func endBlock() {
        guard !blockLines.isEmpty else { return }
        for block in BlockSplitter.merge(blockLines) {
            if let event = headings.add(block) { emit(event) }
            blockCount += 1
        }
        blockLines.removeAll(keepingCapacity: true)
    }
}
