/// One setting of the config file's `[reading]`: its name there, what it does, its limits and where it
/// lives in `ReaderOptions`. `ReadingSetting.all` is the one table: the config reader reads by it, the
/// default config file is written from it, and a test holds the README's table of settings to it.
public struct ReadingSetting: Sendable {
    public enum Value: Sendable {
        /// A whole number within `range`.
        case number(
            ClosedRange<Int>, get: @Sendable (ReaderOptions) -> Int, set: @Sendable (inout ReaderOptions, Int) -> Void)
        case flag(get: @Sendable (ReaderOptions) -> Bool, set: @Sendable (inout ReaderOptions, Bool) -> Void)
    }

    /// The key in `[reading]`.
    public let name: String
    /// One line: the default file's comment and the README's description.
    public let summary: String
    public let value: Value

    /// The value in `options`, as TOML writes it.
    public func text(in options: ReaderOptions) -> String {
        switch value {
        case .number(_, let get, _): return String(get(options))
        case .flag(let get, _): return String(get(options))
        }
    }

    public static let all: [ReadingSetting] = [
        ReadingSetting(
            name: "text_width",
            summary: "The widest the text column gets, in columns (\(range(ReadingLayout.textWidths))).",
            value: .number(
                ReadingLayout.textWidths, get: { $0.layout.textWidth }, set: { $0.layout.textWidth = $1 })),
        ReadingSetting(
            name: "margin",
            summary: "Blank columns kept at least on either side of the text (\(range(ReadingLayout.margins))).",
            value: .number(ReadingLayout.margins, get: { $0.layout.margin }, set: { $0.layout.margin = $1 })),
        ReadingSetting(
            name: "outline_pane", summary: "Show the outline as a pane beside the text on wide windows.",
            value: .flag(get: { $0.layout.outlinePane }, set: { $0.layout.outlinePane = $1 })),
        ReadingSetting(
            name: "outline_pane_min_width", summary: "The narrowest window, in columns, that shows that pane.",
            value: .number(
                ReadingLayout.paneMinWidths, get: { $0.layout.paneMinWidth }, set: { $0.layout.paneMinWidth = $1 })),
        ReadingSetting(
            name: "space_next_article",
            summary: "Space (page_down) at the end of an article moves on to the next one in the chain.",
            value: .flag(get: { $0.spaceNextArticle }, set: { $0.spaceNextArticle = $1 })),
    ]

    public static var names: [String] { all.map(\.name) }

    static func range(_ r: ClosedRange<Int>) -> String { "\(r.lowerBound)–\(r.upperBound)" }
}
