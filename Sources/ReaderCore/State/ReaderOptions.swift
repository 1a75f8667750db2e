/// How the reading column and the outline pane are laid out; a config file's `[reading]`.
public struct ReadingLayout: Sendable, Equatable {
    /// The widest the text column gets, in columns.
    public var textWidth = 80
    /// Blank columns kept at least on either side of the text.
    public var margin = 1
    /// Whether the outline opens as a pane beside the text on wide windows.
    public var outlinePane = true
    /// The narrowest window that shows the pane.
    public var paneMinWidth = 100

    public init(textWidth: Int = 80, margin: Int = 1, outlinePane: Bool = true, paneMinWidth: Int = 100) {
        self.textWidth = textWidth
        self.margin = margin
        self.outlinePane = outlinePane
        self.paneMinWidth = paneMinWidth
    }

    public static let standard = ReadingLayout()
    /// The limits a config file is held to.
    public static let textWidths = 20...1000
    public static let margins = 0...40
    public static let paneMinWidths = 40...1000
}

/// Everything about the reader a person can set: keys, layout, Space at the end, plain mode.
public struct ReaderOptions: Sendable, Equatable {
    public var keyMap: KeyMap
    public var layout: ReadingLayout
    /// Space (page down) at the end of an article moves on to the next one.
    public var spaceNextArticle: Bool
    /// For screen readers: no side pane, no decorative glyphs, the cursor always on the focused
    /// line, section changes said in the status line.
    public var plain: Bool

    public init(
        keyMap: KeyMap = .standard, layout: ReadingLayout = .standard, spaceNextArticle: Bool = false,
        plain: Bool = false
    ) {
        self.keyMap = keyMap
        self.layout = layout
        self.spaceNextArticle = spaceNextArticle
        self.plain = plain
    }

    public static let standard = ReaderOptions()

    /// The layout as plain mode has it: never a side pane.
    public var effectiveLayout: ReadingLayout {
        var layout = layout
        if plain { layout.outlinePane = false }
        return layout
    }
}
