import ArticleKit

/// One file made ready for the index: its title for result lines, and per section the text
/// as the index's tokenizer wants it. Made on any core; written by the one writer.
struct IndexedArticle: Sendable {
    struct SectionText: Sendable {
        var heading: String?
        var preparedHeading: String
        var preparedBody: String
    }

    var path: String
    var stat: FileStamp
    var title: String
    var preparedTitle: String
    var sections: [SectionText]
    /// Why the file is not indexed (the same one-line reason as everywhere), or nil.
    var skipped: String?
    /// The catalogue's part: title and PREV/NEXT as the collection takes them, and the format; nil
    /// when not known (a skipped file, a big file streamed).
    var links: ArticleLinks? = nil
    var format: ArticleFormatName = .text

    static func make(path: String, stat: FileStamp, reader: FileReader, parser: ArticleParser) -> IndexedArticle {
        var text = IndexText()
        return make(path: path, stat: stat, reader: reader, parser: parser, text: &text)
    }

    /// `text`: one preparer for many files (a worker's share of a batch), so what each accented or
    /// other non-ASCII character folds to is worked out once, not again in every file.
    static func make(
        path: String, stat: FileStamp, reader: FileReader, parser: ArticleParser, text: inout IndexText
    ) -> IndexedArticle {
        let article: Article
        do throws(ArticleError) {
            article = try parser.parse(try reader.read(path), source: path)
        } catch {
            return IndexedArticle(
                path: path, stat: stat, title: "", preparedTitle: "", sections: [], skipped: error.description)
        }
        return make(article, path: path, stat: stat, text: &text)
    }

    static func make(_ article: Article, path: String, stat: FileStamp) -> IndexedArticle {
        var text = IndexText()
        return make(article, path: path, stat: stat, text: &text)
    }

    static func make(_ article: Article, path: String, stat: FileStamp, text: inout IndexText) -> IndexedArticle {
        let sections = article.sections.map { section in
            SectionText(
                heading: section.heading, preparedHeading: section.heading.map { text.prepare($0) } ?? "",
                preparedBody: text.prepare(paragraphs: section.paragraphs))
        }
        return IndexedArticle(
            path: path, stat: stat, title: article.title, preparedTitle: text.prepare(article.title),
            sections: sections, skipped: nil, links: article.links, format: article.meta.format)
    }
}

/// A big file indexed as it is read, a section at a time: memory stays bounded by one section
/// (a section longer than `IndexStream.pieceBytes` goes in as several rows of the same section).
/// The same events as `ArticleParser.parse`, so the same sections (a differential test checks).
struct IndexStream {
    /// Files larger than this are streamed, one at a time, rather than held whole in a batch.
    static let bigFileBytes: Int64 = 4 << 20
    /// Prepared text of one section kept before it is written.
    static let pieceBytes = 1 << 20

    struct Piece {
        var section: Int
        var heading: String?
        var preparedHeading: String
        var preparedBody: String
    }

    /// Reads `path`, handing out the title once known and each piece as it completes. Throws the
    /// file's error (binary, unreadable…) before anything is handed out, or a piece's error.
    static func read(
        _ path: String, reader: FileReader, parser: ArticleParser, pieceBytes: Int = pieceBytes,
        title: (String) throws -> Void, piece: (Piece) throws -> Void
    ) throws {
        var prepare = IndexText()
        var events: [ArticleEvent] = []
        var section = -1
        var heading: String?
        var preparedHeading = ""
        var body: [String] = []
        var bodyBytes = 0
        var titled = false
        // Whether the section has a row yet: a heading with no text still gets one, once.
        var written = false
        func flush() throws {
            guard section >= 0, !body.isEmpty || (heading != nil && !written) else { return }
            written = true
            try piece(
                Piece(
                    section: section, heading: heading, preparedHeading: preparedHeading,
                    preparedBody: body.joined(separator: "\n")))
            body.removeAll(keepingCapacity: true)
            bodyBytes = 0
        }
        func take() throws {
            for event in events {
                switch event {
                case .title(let text):
                    guard !titled else { continue }
                    titled = true
                    try title(text)
                case .heading(let text):
                    try flush()
                    section += 1
                    written = false
                    heading = text
                    preparedHeading = prepare.prepare(text)
                case .paragraph(let text):
                    if section < 0 {
                        section = 0
                        written = false
                    }
                    let prepared = prepare.prepare(text)
                    body.append(prepared)
                    bodyBytes += prepared.utf8.count
                    if bodyBytes >= pieceBytes { try flush() }
                }
            }
            events.removeAll(keepingCapacity: true)
        }
        // What a piece's writer threw, carried out of the reader's typed-throws loop.
        var failure: (any Error)?
        do {
            _ = try StreamingParser.parse(
                path, detector: parser.detector,
                chunks: { (body) throws(ArticleError) in try reader.stream(path, body) },
                afterChunk: { () throws(ArticleError) in
                    // The events decided so far go out now: nothing of the file is held beyond a section.
                    do {
                        try take()
                    } catch {
                        failure = error
                        throw ArticleError.notReadable(path: path, reason: "indexing stopped")
                    }
                }, emit: { events.append($0) })
        } catch {
            throw failure ?? error
        }
        try take()
        try flush()
    }
}
