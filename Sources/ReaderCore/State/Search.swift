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
/// columns, walking each line's characters once however many matches it holds. A character is in a
/// span when any of its bytes is in the range, so a match always highlights whole clusters.
struct ColumnCursor {
    private let block: FoldedLayout.Block
    private let lines: [LayoutLine]
    /// The line of the block the cursor is in, and where in it.
    private var line = 0
    private var index: String.Index
    private var offset: Int
    private var column = 0

    init(_ block: FoldedLayout.Block, _ lines: [LayoutLine]) {
        self.block = block
        self.lines = lines
        index = lines[block.firstLine].text.startIndex
        offset = block.lineStarts[0]
    }

    mutating func spans(_ range: Range<Int>) -> [SearchState.Span] {
        var spans: [SearchState.Span] = []
        // Lines wholly before the match need no walking.
        while line + 1 < block.lineStarts.count && block.lineStarts[line + 1] <= range.lowerBound {
            moveTo(line + 1)
        }
        while line < block.lineStarts.count && block.lineStarts[line] < range.upperBound {
            let text = lines[block.firstLine + line].text
            var from: Int? = nil
            while index < text.endIndex && offset < range.upperBound {
                let c = text[index]
                let width = DisplayWidth.of(c)
                let end = offset + c.utf8.count
                if end > range.lowerBound && from == nil { from = column }
                column += width
                offset = end
                index = text.index(after: index)
            }
            if let from { spans.append(SearchState.Span(line: block.firstLine + line, from: from, to: column)) }
            guard index == text.endIndex, line + 1 < block.lineStarts.count,
                  block.lineStarts[line + 1] < range.upperBound else { break }
            moveTo(line + 1)
        }
        return spans
    }

    private mutating func moveTo(_ next: Int) {
        line = next
        index = lines[block.firstLine + line].text.startIndex
        offset = block.lineStarts[line]
        column = 0
    }
}
