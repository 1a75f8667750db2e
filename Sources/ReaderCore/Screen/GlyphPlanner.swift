import ArticleKit

/// One terminal cell as the backend sends it: a spacing scalar first, then what the terminal
/// draws in the same cell.
public struct Glyph: Sendable, Equatable {
    public var column: Int
    /// Columns the terminal moves for it; the terminal's own width of the first scalar.
    public var width: Int
    /// What the curses cell holds: at most the planner's capacity, never ending in a ZWJ.
    public var scalars: [Unicode.Scalar]
    /// All of the cell when it has more scalars than a curses cell holds (a family emoji,
    /// a subdivision flag, stacked marks): written to the terminal after the refresh.
    public var overflow: [Unicode.Scalar]?
    public var style: Style

    public init(column: Int, width: Int, scalars: [Unicode.Scalar], overflow: [Unicode.Scalar]? = nil, style: Style) {
        self.column = column
        self.width = width
        self.scalars = scalars
        self.overflow = overflow
        self.style = style
    }
}

/// Turns a row of the screen model into terminal cells that put every cluster where the model
/// has it. The model measures with `DisplayWidth` (Unicode 15); the terminal with its own
/// wcwidth(), which may be older: a cell the terminal would make a different width is drawn
/// as a replacement character padded to the model's width, and a zero-width scalar the
/// terminal would give a column is left out, so nothing after them moves.
public struct GlyphPlanner {
    /// Scalars a curses cell holds (CCHARW_MAX).
    public let capacity: Int
    /// Scalars of an overflowing cell sent at most: the longest emoji sequence has ten, and
    /// terminals keep only so much of a cell (tmux about 30 bytes), so a pile of 10,000 marks
    /// is not written out on every draw.
    public static let overflowLimit = 32
    /// Drawn instead of a cell the terminal cannot show at the model's width.
    public let replacement: Unicode.Scalar
    private let terminalWidth: (Unicode.Scalar) -> Int
    /// One array per printable ASCII character, shared: most cells are one of them, and a frame
    /// of 200x60 cells should not cost 12,000 allocations.
    private static let ascii: [[Unicode.Scalar]] = (0x20..<0x7F).map { [Unicode.Scalar(UInt8($0))] }

    public init(
        capacity: Int, replacement: Unicode.Scalar = "\u{FFFD}", terminalWidth: @escaping (Unicode.Scalar) -> Int
    ) {
        self.capacity = max(1, capacity)
        self.replacement = replacement
        self.terminalWidth = terminalWidth
    }

    /// Glyphs covering every column of the row once, left to right.
    public func glyphs(in screen: Screen, row: Int) -> [Glyph] {
        var out: [Glyph] = []
        out.reserveCapacity(screen.width)
        var x = 0
        while x < screen.width {
            let cell = screen[row, x]
            // The columns this cell's cluster may use: its own and the empty ones after it.
            var room = 1
            while x + room < screen.width && screen[row, x + room].text.isEmpty { room += 1 }
            if let ascii = cell.text.utf8.first, ascii >= 0x20, ascii < 0x7F, cell.text.utf8.count == 1 {
                out.append(Glyph(column: x, width: 1, scalars: Self.ascii[Int(ascii) - 0x20], style: cell.style))
                pad(&out, from: x + 1, count: room - 1, style: cell.style)
            } else {
                let cells = cell.text.flatMap(TerminalCells.of)
                let width = cells.reduce(0) { $0 + $1.width }
                if width == 0 || width > room {
                    // An orphaned column of a wide cluster, or a cluster something was drawn over.
                    pad(&out, from: x, count: room, style: cell.style)
                } else {
                    var column = x
                    for c in cells {
                        place(c, at: column, style: cell.style, into: &out)
                        column += c.width
                    }
                    pad(&out, from: column, count: x + room - column, style: cell.style)
                }
            }
            x += room
        }
        return out
    }

    private func place(_ cell: TerminalCell, at column: Int, style: Style, into out: inout [Glyph]) {
        guard let first = cell.scalars.first, terminalWidth(first) == cell.width else {
            let stand = terminalWidth(replacement) == 1 ? replacement : "?"
            out.append(Glyph(column: column, width: 1, scalars: [stand], style: style))
            pad(&out, from: column + 1, count: cell.width - 1, style: style)
            return
        }
        var kept = [first]
        var afterJoiner = false
        for s in cell.scalars.dropFirst() {
            // What follows a ZWJ is joined whatever its width; anything else must be zero-width
            // to the terminal too, or it would take a column the model does not give it.
            if afterJoiner || terminalWidth(s) == 0 { kept.append(s) }
            afterJoiner = s == "\u{200D}"
        }
        while kept.count > 1 && kept.last == "\u{200D}" { kept.removeLast() }
        if kept.count <= capacity {
            out.append(Glyph(column: column, width: cell.width, scalars: kept, style: style))
            return
        }
        out.append(
            Glyph(
                column: column, width: cell.width, scalars: cut(kept, capacity),
                overflow: cut(kept, Self.overflowLimit), style: style))
    }

    /// The first `count` scalars, without a trailing ZWJ: the terminal would join the next cell to it.
    private func cut(_ scalars: [Unicode.Scalar], _ count: Int) -> [Unicode.Scalar] {
        var part = Array(scalars.prefix(count))
        while part.count > 1 && part.last == "\u{200D}" { part.removeLast() }
        return part
    }

    private func pad(_ out: inout [Glyph], from column: Int, count: Int, style: Style) {
        guard count > 0 else { return }
        for c in column..<(column + count) {
            out.append(Glyph(column: c, width: 1, scalars: Self.ascii[0], style: style))
        }
    }
}
