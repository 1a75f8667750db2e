import ArticleKit

/// What a cell means, so a theme can give it attributes and colours (`Theme`). Meaning never
/// rests on colour alone: every role also has attributes or a marker. The raw values are the
/// names a config file's `[theme]` uses.
public enum ColorRole: String, Sendable, Equatable, Hashable, CaseIterable {
    case normal = "body", titleBar = "title_bar", title, heading, statusBar = "status", match
    case currentMatch = "current_match", link, dim, selection, error
    /// A figure's caption and a byline: dimmed, as `dim` is, with a look of their own.
    case caption
    /// Preformatted text (code): marked by its indent; themes give it a colour.
    case code

    public var name: String { rawValue }
}

public struct Style: Sendable, Equatable, Hashable {
    public var bold = false
    public var underline = false
    public var reverse = false
    public var dim = false
    public var role: ColorRole = .normal

    public init(
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false, role: ColorRole = .normal
    ) {
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.role = role
    }

    public static let plain = Style()
    public static let titleBar = Style(bold: true, reverse: true, role: .titleBar)
    public static let statusBar = Style(reverse: true, role: .statusBar)
    public static let heading = Style(bold: true, underline: false, role: .heading)
    /// The article's title at the head of the text.
    public static let title = Style(bold: true, role: .title)
    public static let match = Style(reverse: true, role: .match)
    public static let currentMatch = Style(bold: true, underline: true, reverse: true, role: .currentMatch)
    public static let link = Style(underline: true, role: .link)
    public static let dim = Style(dim: true, role: .dim)
    public static let selection = Style(bold: true, reverse: true, role: .selection)
    public static let error = Style(bold: true, role: .error)
    public static let caption = Style(dim: true, role: .caption)
    public static let code = Style(role: .code)
}

/// One terminal cell: a whole grapheme cluster, or a column covered by a wide one.
public struct Cell: Sendable, Equatable {
    /// The cluster drawn here; empty for the other columns of a wide cluster.
    public var text: String
    public var style: Style
    public static let blank = Cell(text: " ", style: .plain)
}

/// A grid of cells: what the reader looks like, without a terminal. The renderer
/// writes it, tests compare it, and the backend copies it to ncurses.
public struct Screen: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (row, column): the focused line or entry.
    public var cursor: (row: Int, column: Int)? = nil
    /// What a click on a row opens: the outline's and the lists' entries (not compared by `==`:
    /// they follow from what is drawn).
    public var targets: [Int: Target] = [:]

    public enum Target: Sendable, Equatable {
        /// A section, by index.
        case section(Int)
        /// A row of the article list, by index into its matches.
        case listRow(Int)
    }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursor?.row == b.cursor?.row
            && a.cursor?.column == b.cursor?.column
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Writes text from (row, column), clipped at `limit` columns (default: the
    /// right edge). A wide cluster that does not fit whole is not drawn half.
    /// Control characters never reach a cell. Returns the column after the text.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, row: Int, column: Int, style: Style, limit: Int? = nil) -> Int
    {
        guard row >= 0, row < height else { return column }
        let end = min(width, limit ?? width)
        var x = max(0, column)
        for character in text {
            var c = character
            var w = DisplayWidth.of(c)
            if c.unicodeScalars.contains(where: TextSanitizer.needsChange) {
                c = "\u{FFFD}"
                w = 1
            }
            if w == 0 { continue }
            if x + w > end { break }
            cells[row * width + x] = Cell(text: String(c), style: style)
            // The columns a wide cluster covers (two for CJK, four for 🤝🏾) hold no text.
            for i in 1..<w { cells[row * width + x + i] = Cell(text: "", style: style) }
            x += w
        }
        return x
    }

    /// Paints a style over a span of a row without changing its text.
    public mutating func restyle(row: Int, from: Int, to: Int, style: Style) {
        guard row >= 0, row < height else { return }
        for x in max(0, from)..<min(width, max(from, to)) { cells[row * width + x].style = style }
    }

    /// Fills a row span with blanks in a style (bars, panes).
    public mutating func fill(row: Int, from: Int = 0, to: Int? = nil, style: Style) {
        guard row >= 0, row < height else { return }
        let end = min(width, to ?? width)
        guard from < end else { return }
        for x in max(0, from)..<end { cells[row * width + x] = Cell(text: " ", style: style) }
    }

    /// The text of one row, trailing spaces trimmed: for snapshots and tests.
    public func text(row: Int) -> String {
        var s = ""
        for x in 0..<width { s += self[row, x].text }
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// Every row as text, one per line.
    public var text: String { (0..<height).map(text(row:)).joined(separator: "\n") }
}
