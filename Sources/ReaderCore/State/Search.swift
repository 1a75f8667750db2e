import ArticleKit

/// A search over the laid-out article: every match, as spans of lines (a match can
/// cross a wrapped line end), and which one is current.
public struct SearchState: Sendable, Equatable {
    public struct Span: Sendable, Equatable {
        public var line: Int
        /// Display columns within the line, half-open.
        public var from: Int
        public var to: Int
    }
    public struct Match: Sendable, Equatable {
        public var spans: [Span]
        public var line: Int { spans[0].line }
    }

    public var query: String
    public var matches: [Match]
    public var current: Int
    /// False for a search carried into an article just opened: the first `n` goes to `current`
    /// rather than past it.
    public var visited = true

    /// What history keeps of a search, to give it back on Back (`current` nil: not visited yet).
    public struct Saved: Sendable, Equatable {
        public var query: String
        public var current: Int?
    }

    public var saved: Saved { Saved(query: query, current: visited ? current : nil) }

    /// Set while the matches beyond the part searched at once are counted behind the screen
    /// (`Effect.countMatches`); nil once every match is in `matches`.
    public var counting: SearchCounting?
    /// No match is current yet: the part searched at once had none below the top.
    public var awaitingFirst: Bool { counting?.awaitingFirst ?? false }

    /// The matches that may show on lines `rows`, found by bisection in the article-ordered matches (a
    /// frequent word in a 50 MB article has tens of thousands): those starting up to
    /// `longestMatchLines` above them, and in them.
    func indices(near rows: Range<Int>) -> Range<Int> {
        func firstIndex(atOrAfter line: Int) -> Int {
            var low = 0, high = matches.count
            while low < high {
                let mid = (low + high) / 2
                if matches[mid].line < line { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let from = firstIndex(atOrAfter: rows.lowerBound - Self.longestMatchLines)
        return from..<max(from, firstIndex(atOrAfter: rows.upperBound))
    }

    /// Lines above the screen a match may start on and still be highlighted on it (a query longer than
    /// eight lines of the column loses its highlight on the lines after its eighth).
    static let longestMatchLines = 8

    /// Whether the match `step` away from `index` (round the ends) is known to be the next one while
    /// matches are still counted: no line between the two is still unsearched. The searched lines are
    /// one stretch of the ring from the counting's origin, so a step that goes on round the ring stays in it.
    func isKnownStep(from index: Int, by step: Int, _ counting: SearchCounting) -> Bool {
        let target = ((index + step) % matches.count + matches.count) % matches.count
        guard target != index else { return false }
        let from = counting.ring(matches[index].line), to = counting.ring(matches[target].line)
        return step > 0 ? (to > from || (to == from && target > index)) : (to < from || (to == from && target < index))
    }

    /// Matches of `query` in the layout's text blocks, under `TextFold`: accents, quotes and dashes never
    /// count; case counts only when the query has a capital (smartcase, as in less -i and vim).
    /// `lines`: only the blocks of those lines (whole blocks); nil: the whole layout. Folded for this call
    /// and not kept: the reader keeps its document's folded form (`find(_:in:keeping:)`).
    /// A query that starts with `regexPrefix` is a regular expression (`~\\bgas\\w*`), as awk's and
    /// PostgreSQL's `~` match one; see `regexMatches`.
    public static func find(_ query: String, in layout: ArticleLayout, lines: Range<Int>? = nil) -> [Match] {
        var fold = TextFold(for: query)
        return find(query, fold: &fold, in: layout) { FoldedLayout(layout, keepingCase: $0, lines: lines) }
    }

    /// The matches in the whole layout, its folded form taken from `folded` (made there at the first search).
    static func find(_ query: String, in layout: ArticleLayout, keeping folded: inout FoldedLayouts) -> [Match] {
        var fold = TextFold(for: query)
        return find(query, fold: &fold, in: layout) { folded.folded(layout, keepingCase: $0) }
    }

    private static func find(
        _ query: String, fold: inout TextFold, in layout: ArticleLayout, folding: (_ keepingCase: Bool) -> FoldedLayout
    ) -> [Match] {
        var regex: Regex<AnyRegexOutput>?
        var needle = TextFold.fold("")
        if let pattern = regexPattern(query) {
            guard let compiled = try? Regex(fold.fold(pattern).string) else { return [] }
            // \b as less, grep and PCRE have it: "dell'accordo" holds two words, not one as in UAX #29.
            regex = compiled.wordBoundaryKind(.simple)
        } else {
            needle = fold.fold(query)
            guard !needle.isEmpty else { return [] }
        }
        var matches: [Match] = []
        let folded = folding(fold.keepsCase)
        for block in folded.blocks {
            let ranges = regex.map { regexMatches($0, in: block.text) } ?? block.text.matches(of: needle)
            guard !ranges.isEmpty else { continue }
            var columns = ColumnCursor(block, layout.lines)
            for range in ranges {
                let spans = columns.spans(range)
                if !spans.isEmpty { matches.append(Match(spans: spans)) }
            }
        }
        return matches
    }
}

extension SearchState {
    /// What starts a query that is a regular expression: `~`, the match operator of awk and PostgreSQL,
    /// which a search of news text hardly ever starts with. Ctrl-R in the prompt puts it in or takes it out.
    public static let regexPrefix: Character = "~"

    /// The pattern of a regular-expression query (nil: the query is text, matched literally).
    public static func regexPattern(_ query: String) -> String? {
        guard query.first == regexPrefix, query.count > 1 else { return nil }
        return String(query.dropFirst())
    }

    /// A pattern query finding any of `texts`, each matched as written (its metacharacters escaped).
    public static func anyOf(_ texts: [String]) -> String {
        let special = Set("\\^$.|?*+()[]{}")
        let escaped = texts.map { text in
            text.map { special.contains($0) ? "\\\($0)" : String($0) }.joined()
        }
        return String(regexPrefix) + escaped.joined(separator: "|")
    }

    /// Why a regular-expression query cannot run, in words; nil when it can (or is no regex).
    public static func regexProblem(_ query: String) -> String? {
        guard let pattern = regexPattern(query) else { return nil }
        do {
            _ = try Regex(TextFold.fold(pattern, keepingCase: TextFold.hasCapital(query)).string)
            return nil
        } catch {
            let reason = String(describing: error).split(separator: "\n").first.map(String.init) ?? ""
            return "“\(pattern)” is not a regular expression" + (reason.isEmpty ? "" : ": \(reason)")
        }
    }

    /// Every non-empty match of `regex` in a folded block, left to right and not overlapping, as ranges of
    /// the original's UTF-8 offsets. The pattern was folded as the text was (accents gone, and case unless
    /// it has a capital), so `~caf(e|é)s?` finds "Cafés" as `/cafe` does; a match may not begin or end
    /// inside a cluster kept whole (`FoldedText.isBoundary`).
    static func regexMatches(_ regex: Regex<AnyRegexOutput>, in text: FoldedText) -> [Range<Int>] {
        let string = text.string
        let utf8 = string.utf8
        var found: [Range<Int>] = []
        for match in string.matches(of: regex) where !match.range.isEmpty {
            let lower = utf8.distance(from: utf8.startIndex, to: match.range.lowerBound)
            let upper = utf8.distance(from: utf8.startIndex, to: match.range.upperBound)
            guard text.isBoundary(lower), text.isBoundary(upper) else { continue }
            let original = text.originalRange(lower..<upper)
            if let last = found.last, original.lowerBound < last.upperBound { continue }
            found.append(original)
        }
        return found
    }
}

/// Turns UTF-8 ranges of one folded block's original text, taken in order, into spans of display
/// columns, walking each line once however many matches it holds (ASCII byte by byte as the wrapper
/// does, lone scalars without grapheme breaking). A character is in a span when any of its bytes is in
/// the range: a match highlights whole clusters.
struct ColumnCursor {
    private let block: FoldedLayout.Block
    private let lines: LayoutLines
    /// The line of the block the cursor is in, its bytes, and the cursor's byte and column in it.
    private var line = 0
    private var text: String
    private var bytes: [UInt8]
    private var position = 0
    private var column = 0

    init(_ block: FoldedLayout.Block, _ lines: LayoutLines) {
        self.block = block
        self.lines = lines
        text = lines[block.firstLine].text
        bytes = Array(text.utf8)
    }

    mutating func spans(_ range: Range<Int>) -> [SearchState.Span] {
        var spans: [SearchState.Span] = []
        // Lines wholly before the match need no walking.
        while line + 1 < block.lineStarts.count && block.lineStarts[line + 1] <= range.lowerBound {
            moveTo(line + 1)
        }
        while true {
            let lower = range.lowerBound - block.lineStarts[line], upper = range.upperBound - block.lineStarts[line]
            var from: Int? = nil
            while position < bytes.count && position < upper {
                let (length, width) = step()
                if position + length > lower && from == nil { from = column }
                column += width
                position += length
            }
            if let from { spans.append(SearchState.Span(line: block.firstLine + line, from: from, to: column)) }
            guard position == bytes.count, line + 1 < block.lineStarts.count,
                block.lineStarts[line + 1] < range.upperBound
            else { break }
            moveTo(line + 1)
        }
        return spans
    }

    /// The length in bytes and the width in columns of the character at `position`. A printable ASCII
    /// byte followed by another ASCII byte is a whole character one column wide.
    private func step() -> (length: Int, width: Int) {
        let b = bytes[position]
        if b >= 0x20 && b < 0x7F && (position + 1 == bytes.count || bytes[position + 1] < 0x80) { return (1, 1) }
        if let (scalar, length) = bytes.withUnsafeBufferPointer({ LoneScalar.at(position, in: $0) }) {
            return (length, TerminalCells.width(ofLone: scalar))
        }
        let c = text[text.utf8.index(text.utf8.startIndex, offsetBy: position)]
        return (c.utf8.count, DisplayWidth.of(c))
    }

    private mutating func moveTo(_ next: Int) {
        line = next
        text = lines[block.firstLine + line].text
        bytes = Array(text.utf8)
        position = 0
        column = 0
    }
}
