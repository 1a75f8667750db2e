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

    /// Matches of `query` in the layout's text blocks, under `TextFold`: accents, quotes and dashes never
    /// count; case counts only when the query has a capital (smartcase, as in less -i and vim).
    public static func find(_ query: String, in layout: ArticleLayout) -> [Match] {
        var fold = TextFold(for: query)
        let needle = fold.fold(query)
        guard !needle.isEmpty else { return [] }
        var matches: [Match] = []
        for block in FoldedLayoutCache.shared.folded(layout, keepingCase: fold.keepsCase).blocks {
            let ranges = block.text.matches(of: needle)
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

/// Turns UTF-8 ranges of one folded block's original text, taken in order, into spans of display
/// columns, walking each line once however many matches it holds (ASCII byte by byte as the wrapper
/// does, lone scalars without grapheme breaking). A character is in a span when any of its bytes is in
/// the range: a match highlights whole clusters.
struct ColumnCursor {
    private let block: FoldedLayout.Block
    private let lines: [LayoutLine]
    /// The line of the block the cursor is in, its bytes, and the cursor's byte and column in it.
    private var line = 0
    private var text: String
    private var bytes: [UInt8]
    private var position = 0
    private var column = 0

    init(_ block: FoldedLayout.Block, _ lines: [LayoutLine]) {
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
            return (length, DisplayWidth.of(Character(scalar)))
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
