import ArticleKit

/// The one builder of article files for every test, in the format of docs/FORMAT.md:
///
///     <title>
///                           a blank line
///     <title>               `repeats` times
///     -
///                           a blank line
///     <block>               each block, a blank line between two
///                           a blank line, with `blankBeforeTrailer`
///     -
///                           a blank line
///     PREV <previous>       when set
///     NEXT <next>           when set
///
/// Lines end with `lineEnding`; `finalNewline` ends the last one too; `bom` puts
/// a UTF-8 byte order mark first.
public struct Fixture: Sendable {
    public var title: String
    public var repeats: Int
    public var blocks: [String]
    public var previous: String?
    public var next: String?
    public var lineEnding: String
    public var finalNewline: Bool
    public var bom: Bool
    public var blankBeforeTrailer: Bool

    public init(
        title: String, repeats: Int = 2, blocks: [String], previous: String? = nil, next: String? = nil,
        lineEnding: String = "\n", finalNewline: Bool = false, bom: Bool = false,
        blankBeforeTrailer: Bool = false
    ) {
        self.title = title
        self.repeats = repeats
        self.blocks = blocks
        self.previous = previous
        self.next = next
        self.lineEnding = lineEnding
        self.finalNewline = finalNewline
        self.bom = bom
        self.blankBeforeTrailer = blankBeforeTrailer
    }

    /// The shape of the hostile-input and reader tests: one repeat of the title, and a
    /// blank line before the trailer's separator (both shapes occur in real articles).
    public static func spaced(
        _ title: String, _ blocks: [String], previous: String? = nil, next: String? = nil,
        repeats: Int = 1
    ) -> Fixture {
        Fixture(
            title: title, repeats: repeats, blocks: blocks, previous: previous, next: next,
            blankBeforeTrailer: true)
    }

    public var text: String {
        var lines = [title, ""] + Array(repeating: title, count: repeats) + ["-", ""]
        for (i, block) in blocks.enumerated() {
            if i > 0 { lines.append("") }
            lines.append(block)
        }
        if blankBeforeTrailer { lines.append("") }
        lines += ["-", ""]
        if let previous { lines.append("PREV " + previous) }
        if let next { lines.append("NEXT " + next) }
        return (bom ? "\u{FEFF}" : "") + lines.joined(separator: lineEnding) + (finalNewline ? lineEnding : "")
    }

    public var bytes: [UInt8] { Array(text.utf8) }

    public func parse(_ source: String = "fixture.txt") throws -> Article {
        try ArticleParser().parse(bytes, source: source)
    }
}

/// Long enough to count as body text after a heading.
public func paragraph(_ seed: String) -> String {
    "\(seed) The council met on Tuesday evening to discuss the proposal in detail, "
        + "and members asked for more time to read the report before any vote is taken."
}

/// An in-memory collection of (file name, text) pairs, in that order, and the library over it.
public func memoryLibrary(_ files: [(name: String, text: String)]) -> ArticleLibrary {
    let store = MemoryStore(files)
    return ArticleLibrary(collection: CollectionLoader(store: store).collection(of: files.map(\.name)), store: store)
}
