import ArticleKit

/// A place in the collection: which article, and which block is at the top.
public struct Position: Sendable, Equatable {
    public var entry: Int
    public var block: Int
    /// The exact top line, valid while the column width is `width`.
    public var line: Int
    public var width: Int
}

/// The article being read, parsed and laid out for the current column width.
public struct Document: Sendable, Equatable {
    public var entry: Int
    public var article: Article
    /// Set when the file could not be read: the document then explains why.
    public var failure: String?
    public var layout: ArticleLayout
    /// False while only the start of a big file is parsed; the rest comes from `installDocument`.
    public var isComplete = true

    public var headings: [String?] { article.sections.map(\.heading) }
}

/// What covers the article, if anything.
public enum Overlay: Sendable, Equatable {
    case none
    /// The outline, with the entry the selection is on; focused when keys move it.
    case outline(selection: Int)
    case list(ArticleListState)
    case help(scroll: Int)
}

/// The article list: a filter typed by the person and the matching entries.
public struct ArticleListState: Sendable, Equatable {
    public var filter: String = ""
    public var matches: [Int]
    public var selection: Int
    /// Where the article on screen is among `matches`, if it matches.
    public var marked: Int?
}

/// Everything the reader shows, as a value. `Reader.handle` changes it; `Renderer.render` draws it.
public struct ReaderState: Sendable {
    public internal(set) var library: ArticleLibrary
    public internal(set) var chains: ChainBuilder.Result
    /// True while the folder is indexed in the background: only the first article is known.
    public internal(set) var indexing: Bool
    /// Commands that need the whole folder, waiting for the index, in the order typed.
    var pending: [Command] = []
    public let keyMap: KeyMap
    public internal(set) var geometry: Geometry
    public internal(set) var document: Document
    /// First layout line shown.
    public internal(set) var top: Int = 0
    /// The line the reader is on: the top line after scrolling, a heading after a jump.
    public internal(set) var focus: Int = 0
    public internal(set) var overlay: Overlay = .none
    public internal(set) var search: SearchState?
    /// Text typed after "/" while the search prompt is open.
    public internal(set) var prompt: String?
    /// A one-shot note in the status line ("End of the chain", …).
    public internal(set) var message: String?
    public internal(set) var backStack: [Position] = []
    public internal(set) var forwardStack: [Position] = []
    public internal(set) var wantsQuit = false
    /// The place the reader chose, kept across resizes: a window too small to
    /// scroll clamps `top`, and the place must survive that.
    var anchor: Anchor?

    /// `indexing`: `library` holds only the first article; `install` brings the rest.
    public init(library: ArticleLibrary, start: Int, width: Int, height: Int, keyMap: KeyMap = .standard,
                chains: ChainBuilder.Result? = nil, indexing: Bool = false) {
        self.library = library
        self.chains = chains ?? ChainBuilder.build(library.collection)
        self.keyMap = keyMap
        self.indexing = indexing
        let probe = Geometry(width: width, height: height, wantsPane: false)
        document = ReaderState.load(library, entry: start, width: probe.columnWidth, indexing: indexing)
        geometry = probe
        relayout(width: width, height: height)
    }

    public var bodyHeight: Int { geometry.bodyHeight }
    public var lines: [LayoutLine] { document.layout.lines }
    public var maxTop: Int { max(0, lines.count - bodyHeight) }
    /// The section being read: the one at a jump's target or under the top line; at
    /// the end of the article, the last one whose heading is in view, so a short last
    /// section counts as current once scrolling can go no further.
    public var currentSection: Int {
        if focus != top || top < maxTop || maxTop == 0 { return document.layout.section(atLine: focus) }
        let starts = document.layout.sectionStarts
        if let last = starts.lastIndex(where: { $0 >= top && $0 < top + bodyHeight }) { return last }
        return document.layout.section(atLine: focus)
    }
    public var hasOutline: Bool { document.article.sections.contains { $0.heading != nil } }

    /// Where the article sits in its chain: (1-based position, chain length).
    public var chainPosition: (index: Int, count: Int)? {
        guard library.collection.entries.indices.contains(document.entry) else { return nil }
        let p = chains.position[document.entry]
        return (p.offset + 1, chains.chains[p.chain].entries.count)
    }

    /// How much of a file the first screen waits for; a bigger article shows its start
    /// at once and is parsed whole in the background.
    public static let firstScreenBytes = 64 * 1024

    static func load(_ library: ArticleLibrary, entry: Int, width: Int, indexing: Bool = false, maxBytes: Int = firstScreenBytes) -> Document {
        let collection = library.collection
        let (result, complete) = maxBytes == .max ? (library.article(entry), true) : library.articleStart(entry, maxBytes: maxBytes)
        let article: Article
        var failure: String?
        switch result {
        case .success(let a):
            article = a
        case .failure(let error):
            failure = error.description
            let title = collection.entries.indices.contains(entry) ? collection.entries[entry].links.title : "Unreadable article"
            article = Article(title: title, sections: [Section(heading: nil, paragraphs: ["This article could not be read: \(error.description)"])],
                              previousTitle: collection.entries[entry].links.previousTitle, nextTitle: collection.entries[entry].links.nextTitle,
                              source: collection.entries[entry].source)
        }
        let footer = complete
            ? PlainTextDump.footer(article, links: collection.resolutions[entry], collection: collection, indexing: indexing)
            : ["—", "Reading the rest of this article…"]
        return Document(entry: entry, article: article, failure: failure,
                        layout: ArticleLayout.make(article, footer: footer, width: width), isComplete: complete)
    }

    /// The whole article, laid out: built off the main loop for a big file.
    public static func fullDocument(library: ArticleLibrary, entry: Int, width: Int, indexing: Bool) -> Document {
        load(library, entry: entry, width: width, indexing: indexing, maxBytes: .max)
    }

    /// The entry whose article is only partly read, if the one on screen is.
    public var incompleteEntry: Int? { document.isComplete ? nil : document.entry }

    /// The whole article arrived: swap it in, keeping the reader's place.
    public mutating func installDocument(_ full: Document) {
        guard !document.isComplete, full.article.source == document.article.source else { return }
        let keep = anchor ?? anchorPosition()
        var full = full
        full.entry = document.entry
        document = full
        if document.failure == nil { document.layout = document.layout.replacingFooter(footer) }
        relayout(width: geometry.width, height: geometry.height)
        if let s = search { runSearch(s.query, keepCurrent: s.current) }
        restore(keep)
    }

    var footer: [String] {
        PlainTextDump.footer(document.article, links: library.collection.resolutions[document.entry], collection: library.collection, indexing: indexing)
    }

    /// The whole folder, indexed: the article on screen keeps its place, links now
    /// resolve, and a command that waited for the index runs.
    public mutating func install(library full: ArticleLibrary, chains: ChainBuilder.Result) {
        let source = library.collection.entries[document.entry].source
        guard let entry = full.collection.index(ofSource: source) else {
            indexing = false
            message = "The folder changed while it was indexed; \(source) is gone from it"
            return
        }
        let keep = anchor ?? anchorPosition()
        library = full
        self.chains = chains
        indexing = false
        document.entry = entry
        if document.isComplete && document.failure == nil { document.layout = document.layout.replacingFooter(footer) }
        restore(keep)
        let waiting = pending
        pending.removeAll()
        for command in waiting { apply(command) }
    }

    /// Lays the article out again for a new size, keeping the block at the top at the top.
    mutating func relayout(width: Int, height: Int) {
        let anchor = self.anchor ?? anchorPosition()
        geometry = Geometry(width: width, height: height, wantsPane: hasOutline)
        if document.layout.width != geometry.columnWidth {
            let footer = document.isComplete ? self.footer : ["—", "Reading the rest of this article…"]
            document.layout = ArticleLayout.make(document.article, footer: footer, width: geometry.columnWidth)
            if let s = search { runSearch(s.query, keepCurrent: s.current) }
        }
        restore(anchor)
    }

    /// The block at the top and how far into it, as a fraction of its lines.
    struct Anchor: Sendable, Equatable {
        var block: Int
        var fraction: Double
        var focusBlock: Int
    }

    func anchorPosition() -> Anchor {
        guard !lines.isEmpty else { return Anchor(block: 0, fraction: 0, focusBlock: 0) }
        let line = lines[min(top, lines.count - 1)]
        let start = document.layout.blockStarts.indices.contains(line.block) ? document.layout.blockStarts[line.block] : top
        let length = blockLength(line.block)
        let fraction = top > start && length > 0 ? Double(top - start) / Double(length) : 0
        return Anchor(block: line.block, fraction: fraction, focusBlock: lines[min(focus, lines.count - 1)].block)
    }

    func blockLength(_ block: Int) -> Int {
        guard document.layout.blockStarts.indices.contains(block) else { return 1 }
        let start = document.layout.blockStarts[block]
        var end = start
        while end < lines.count && lines[end].block == block && lines[end].kind != .blank { end += 1 }
        return max(1, end - start)
    }

    mutating func restore(_ anchor: Anchor) {
        let starts = document.layout.blockStarts
        guard starts.indices.contains(anchor.block) else { top = min(top, maxTop); focus = top; return }
        let offset = Int((anchor.fraction * Double(blockLength(anchor.block))).rounded(.down))
        // A blank line above a block belongs to it; keep it when it was on top.
        var newTop = starts[anchor.block] + offset
        if anchor.fraction == 0, top < lines.count, newTop > 0, lines[newTop - 1].kind == .blank, lines[min(top, lines.count - 1)].kind == .blank {
            newTop -= 1
        }
        let focusLine = starts.indices.contains(anchor.focusBlock) ? starts[anchor.focusBlock] : newTop
        setTop(newTop)
        focus = min(max(focusLine, top), top + bodyHeight - 1, max(0, lines.count - 1))
    }

    mutating func setTop(_ line: Int) {
        top = min(max(0, line), maxTop)
        focus = top
    }

    mutating func runSearch(_ query: String, keepCurrent: Int? = nil) {
        let matches = SearchState.find(query, in: document.layout)
        var current = keepCurrent ?? 0
        if keepCurrent == nil, let firstBelow = matches.firstIndex(where: { $0.line >= top }) { current = firstBelow }
        search = SearchState(query: query, matches: matches, current: min(current, max(0, matches.count - 1)))
    }
}
