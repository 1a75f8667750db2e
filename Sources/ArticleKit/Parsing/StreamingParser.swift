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
    public var sawTitle: Bool { header.title != nil }
    public private(set) var blockCount = 0

    private var splitter = LineSplitter()
    private var reader = LineReader()
    private var header = HeaderReader()
    private var lineNumber = 0
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
        // The splitter is taken out while it calls back into self: Swift allows one mutation at a time.
        var splitter = LineSplitter()
        swap(&splitter, &self.splitter)
        splitter.feed(bytes) { line($0) }
        swap(&splitter, &self.splitter)
    }

    /// Ends the input: the last line, the trailer, and the blocks still waiting.
    public mutating func finish() {
        var splitter = LineSplitter()
        swap(&splitter, &self.splitter)
        splitter.finish { line($0) }
        swap(&splitter, &self.splitter)
        let trailer = Trailer(lines: trailerCandidate)
        previousTitle = trailer.previous
        nextTitle = trailer.next
        warnings += trailer.warnings
        trailerCandidate.removeAll()
        endBlock()
        while let event = headings.next() { emit(event) }
        if reader.invalidUTF8 { warnings.insert("text is not valid UTF-8; bad bytes are shown as \u{FFFD}", at: 0) }
        let sanitized = reader.sanitized
        if sanitized.controls > 0 {
            warnings.append("\(sanitized.controls) control character(s) replaced by visible symbols")
        }
        if sanitized.bidi > 0 { warnings.append("\(sanitized.bidi) bidirectional override character(s) removed") }
        if sawTitle && blockCount == 0 { warnings.append("the article has a title but no body text") }
    }

    private mutating func line(_ bytes: UnsafeBufferPointer<UInt8>) {
        lineNumber += 1
        let text = reader.text(of: bytes)
        guard header.isDone else { return headerLine(text) }
        bodyLine(text)
    }

    private mutating func headerLine(_ text: String) {
        switch header.read(text) {
        case .skipped, .separator: break
        case .title(let title): emit(.title(title))
        case .body:
            warnings.append("no '-' line after the title; the body starts at line \(lineNumber)")
            bodyLine(text)
        }
    }

    private mutating func bodyLine(_ text: String) {
        let blank = ArticleGrammar.isBlank(text)
        // The trailer is held back until the end shows nothing but trailer lines followed it.
        if ArticleGrammar.link(text) != nil || (blank && !trailerCandidate.isEmpty) {
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
        if ArticleGrammar.isBlank(text) || ArticleGrammar.isSeparator(text) {
            endBlock()
        } else {
            blockLines.append(ArticleGrammar.trimmed(text))
        }
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

extension StreamingParser {
    /// Parses a whole file handed out in chunks by `chunks` (a store's or a reader's stream), with
    /// the checks every reader of a file makes: the first chunk looks like text, the file is not
    /// empty and has a title. `afterChunk` runs after each chunk is fed, when the events decided
    /// so far are out. Returns what the end of the file told.
    public static func parse(
        _ source: String, detector: HeadingDetector,
        chunks: ((UnsafeBufferPointer<UInt8>) throws(ArticleError) -> Void) throws(ArticleError) -> Void,
        afterChunk: () throws(ArticleError) -> Void = {}, emit: @escaping (ArticleEvent) -> Void
    ) throws(ArticleError) -> (previousTitle: String?, nextTitle: String?, warnings: [String]) {
        var parser = StreamingParser(detector: detector, emit: emit)
        var first = true
        // A page or a note is read whole (a page's structure is known only at its end): its bytes are
        // gathered, then parsed in its format, and its events handed out.
        var whole: [UInt8]? = nil
        try withoutActuallyEscaping(afterChunk) { (after) throws(ArticleError) in
            try chunks { (chunk) throws(ArticleError) in
                if first {
                    first = false
                    if FormatChooser.format(source: source, head: UnsafeBufferPointer(rebasing: chunk.prefix(4096)))
                        != .text
                    {
                        whole = []
                    } else {
                        try ArticleParser.checkLooksLikeText(
                            Array(chunk.prefix(8192)), source: source, moreFollows: chunk.count > 8192)
                    }
                }
                if whole != nil {
                    whole!.append(contentsOf: chunk)
                    return
                }
                parser.feed(chunk)
                try after()
            }
        }
        if let whole {
            let article = try ArticleParser(detector: detector).parse(whole, source: source)
            for event in article.events { emit(event) }
            try afterChunk()
            return (article.previousTitle, article.nextTitle, article.warnings)
        }
        if first { throw .empty(path: source) }
        parser.finish()
        guard parser.sawTitle else { throw .empty(path: source) }
        return (parser.previousTitle, parser.nextTitle, parser.warnings)
    }
}
