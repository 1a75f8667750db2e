import ArticleKit

/// A layout's text blocks folded once for `/`: each block's lines joined by one space (what wrapping
/// took out), folded, with where each line starts, so a match maps back to lines and columns.
struct FoldedLayout: Sendable {
    struct Block: Sendable {
        /// The layout line the block starts on.
        var firstLine: Int
        /// The UTF-8 offset in the joined block text where each of its lines starts.
        var lineStarts: [Int]
        var text: FoldedText
    }

    let blocks: [Block]

    /// The blocks of `range` (whole blocks: it starts on a block's first line and ends before another's).
    init(_ layout: ArticleLayout, keepingCase: Bool, lines range: Range<Int>? = nil) {
        var fold = TextFold(keepingCase: keepingCase)
        var blocks: [Block] = []
        let lines = layout.lines
        let end = range?.upperBound ?? lines.count
        var i = range?.lowerBound ?? 0
        while i < end {
            guard lines[i].kind != .blank else { i += 1; continue }
            let block = lines[i].block
            var joined = ""
            var starts: [Int] = []
            var j = i
            while j < end && lines[j].block == block && lines[j].kind != .blank {
                if j > i { joined += " " }
                starts.append(joined.utf8.count)
                joined += lines[j].lead
                joined += lines[j].body
                j += 1
            }
            blocks.append(Block(firstLine: i, lineStarts: starts, text: fold.fold(joined)))
            i = j
        }
        self.blocks = blocks
    }
}

/// The folded form of a document's layout, in both cases, made at its first search and kept in the
/// document, so that searching again (another word, `n` after a resize brought the same layout back) does
/// not fold the article again. A cache, not a part of the document's meaning: any two are equal.
struct FoldedLayouts: Sendable, Equatable {
    /// The lines the folded forms were made from: another layout starts them afresh.
    private var lines = LayoutLines()
    private var folded: [Bool: FoldedLayout] = [:]

    init() {}

    mutating func folded(_ layout: ArticleLayout, keepingCase: Bool) -> FoldedLayout {
        // Array equality is immediate when both share storage, as one document's layout does.
        if lines != layout.lines {
            lines = layout.lines
            folded = [:]
        }
        if let known = folded[keepingCase] { return known }
        let made = FoldedLayout(layout, keepingCase: keepingCase)
        folded[keepingCase] = made
        return made
    }

    static func == (_: FoldedLayouts, _: FoldedLayouts) -> Bool { true }
}
