/// The grammar of an article's header and trailer (docs/FORMAT.md), in one place: what each line
/// is, how the header reads line by line (`HeaderReader`) and what the trailer says (`Trailer`).
/// The streaming parser and the edge scanner both read the format through these, over lines as
/// `LineSplitter` finds them and `LineReader` decodes them, so the two cannot disagree on a line.
enum ArticleGrammar {
    /// Titles longer than this are cut (with "…"): a title is one line, not a body.
    static let maxTitleScalars = 300
    /// A separator is a short line: a long run of dashes is text (a divider drawn in the body).
    static let maxSeparatorBytes = 200

    /// `properties.isWhitespace`, with ASCII answered without the property lookup: every line
    /// asks, at both ends (issue 12).
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? s.value == 0x20 || (0x09...0x0D).contains(s.value) : s.properties.isWhitespace
    }

    /// Only whitespace (Unicode spaces included). Bidi controls and BOMs are gone by now (the
    /// sanitiser drops them), so a line of them is blank too.
    static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { isWhitespace($0) }
    }

    /// A line of dashes only (`-`, `–`, `—`), with whitespace around them: the format's separator.
    /// Every body line is asked, so it is settled at the first scalar that rules it out, without a copy.
    static func isSeparator(_ line: String) -> Bool {
        var dashBytes = 0, afterDashes = false
        for scalar in line.unicodeScalars {
            if isWhitespace(scalar) {
                afterDashes = dashBytes > 0
                continue
            }
            guard !afterDashes, scalar == "-" || scalar == "\u{2013}" || scalar == "\u{2014}" else { return false }
            dashBytes += scalar.utf8.count
        }
        return dashBytes > 0 && dashBytes <= maxSeparatorBytes
    }

    /// The title a line gives: trimmed, cut after `maxTitleScalars`. Used for the title, its
    /// repeats and the titles PREV/NEXT lines name, so all of them compare alike.
    static func title(_ line: String) -> String {
        let t = trimmed(line)
        guard t.unicodeScalars.count > maxTitleScalars else { return t }
        return String(String.UnicodeScalarView(t.unicodeScalars.prefix(maxTitleScalars))) + "…"
    }

    /// A `PREV` or `NEXT` line, and the title it names.
    struct Link: Equatable {
        var direction: LinkDirection
        /// Nil when the line names none (a bare keyword): that counts as a missing link.
        var title: String?
    }

    /// The keywords' bytes ("PREV", "NEXT"), for the checks on bytes.
    private static let keywords = LinkDirection.allCases.map { Array($0.rawValue.utf8) }

    /// The link a line makes: it starts with the keyword, then whitespace or nothing.
    /// Whether it is in the trailer is for the reader to say (a body line may look like one).
    static func link(_ line: String) -> Link? {
        // Settled on the first byte for most lines: the keywords start with ASCII letters.
        guard let first = line.utf8.first, keywords.contains(where: { $0[0] == first }) else { return nil }
        for direction in LinkDirection.allCases where line.hasPrefix(direction.rawValue) {
            let rest = line.dropFirst(direction.rawValue.count)
            guard rest.isEmpty || rest.first!.isWhitespace else { continue }
            let title = title(String(rest))
            return Link(direction: direction, title: title.isEmpty ? nil : title)
        }
        return nil
    }

    /// What the trailer is made of: blank lines and PREV/NEXT lines. The trailer is the run of
    /// such lines that ends the body and starts with a PREV/NEXT line.
    static func isTrailerLine(_ line: String) -> Bool {
        link(line) != nil || isBlank(line)
    }

    /// Whether the line these bytes decode to (`LineReader`) may be a trailer line; false only
    /// when it certainly is not, settled on the bytes so that a long paragraph is not decoded.
    /// Any byte but printable ASCII may be, or start, something the decoding changes (a tab
    /// becomes a space; a BOM or a bidi control is dropped, even inside the keyword; a Unicode
    /// space makes a line blank), so meeting one before the line is ruled out means "maybe".
    static func mayBeTrailerLine(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = b.first else { return true }
        guard plain(first) else { return true }
        if first == 0x20 {
            // A link starts the line, so after a space only a blank line is left.
            for c in b where c != 0x20 { return !plain(c) }
            return true
        }
        return keywords.contains { mayBeLink(b, keyword: $0) }
    }

    /// Whether the bytes may decode to a line that starts with `keyword`, then whitespace or nothing.
    private static func mayBeLink(_ b: UnsafeBufferPointer<UInt8>, keyword: [UInt8]) -> Bool {
        for i in keyword.indices {
            guard i < b.count else { return false }
            guard plain(b[i]) else { return true }
            guard b[i] == keyword[i] else { return false }
        }
        guard keyword.count < b.count else { return true }
        let after = b[keyword.count]
        return !plain(after) || after == 0x20
    }

    /// A byte the decoding keeps as it is (space included).
    @inline(__always)
    private static func plain(_ c: UInt8) -> Bool { c >= 0x20 && c < 0x7F }

    /// The line with surrounding whitespace removed.
    static func trimmed(_ s: String) -> String {
        // Most lines have none: no copy then.
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
            isWhitespace(first) || isWhitespace(last)
        else { return s }
        var scalars = s.unicodeScalars[...]
        while let f = scalars.first, isWhitespace(f) { scalars.removeFirst() }
        while let l = scalars.last, isWhitespace(l) { scalars.removeLast() }
        return String(scalars)
    }
}

/// Reads the header line by line: the title is the first line that is neither blank nor a
/// separator; then blank lines and repeats of the title (compared as title keys) are skipped,
/// up to one separator. A line that is none of these is the first line of the body.
struct HeaderReader {
    enum Step: Equatable {
        /// Blank or separator before the title; blank or repeat after it.
        case skipped
        case title(String)
        /// The separator: the body starts on the next line.
        case separator
        /// No separator: this line is the first of the body.
        case body
    }

    private(set) var title: String?
    /// The body has started: the header reads no more lines.
    private(set) var isDone = false
    private var key = TitleKey("")

    /// What `line`, the next line of the file, is. Call it only while `isDone` is false.
    mutating func read(_ line: String) -> Step {
        guard title != nil else {
            if ArticleGrammar.isBlank(line) || ArticleGrammar.isSeparator(line) { return .skipped }
            let t = ArticleGrammar.title(line)
            title = t
            key = TitleKey(t)
            return .title(t)
        }
        if ArticleGrammar.isBlank(line) { return .skipped }
        if ArticleGrammar.isSeparator(line) {
            isDone = true
            return .separator
        }
        // A repeat that looks like a PREV/NEXT line is still a repeat.
        if TitleKey(ArticleGrammar.title(line)) == key { return .skipped }
        isDone = true
        return .body
    }
}

/// What the trailer says: the PREV and NEXT titles, and what was odd about it.
struct Trailer {
    private(set) var previous: String?
    private(set) var next: String?
    private(set) var warnings: [String] = []

    /// `lines`: the trailer, in file order (see `ArticleGrammar.isTrailerLine`). Read from the end,
    /// so the last PREV and the last NEXT line win.
    init(lines: [String]) {
        var sawPrevious = false, sawNext = false
        for line in lines.reversed() {
            guard let link = ArticleGrammar.link(line) else { continue }
            let seen: Bool
            switch link.direction {
            case .previous:
                seen = sawPrevious
                if !sawPrevious { previous = link.title }
                sawPrevious = true
            case .next:
                seen = sawNext
                if !sawNext { next = link.title }
                sawNext = true
            }
            if seen { warnings.append("more than one \(link.direction.rawValue) line; the last one is used") }
            if link.title == nil { warnings.append("\(link.direction.rawValue) line names no title") }
        }
        if !sawPrevious { warnings.append("no PREV line") }
        if !sawNext { warnings.append("no NEXT line") }
    }
}
