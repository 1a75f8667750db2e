import ArticleKit

/// A place in the collection: which article, and which block is at the top.
public struct Position: Sendable, Equatable {
    public var article: ArticleID
    public var block: Int
    /// The exact top line, valid while the column width is `width`.
    public var line: Int
    public var width: Int
    /// The same place in the text, for a store: exact at any width and in an edited file.
    public var place: TextPlace?
    /// How far the article was read, in percent (for a store).
    public var progress: Int?
    /// The search that was on in the article, given back by Back and Forward.
    public var search: SearchState.Saved?
    /// Where to land once the article is in: a collection search's hit.
    public var landing: Landing?
    /// The collection search results this place was left from: Back opens them again.
    public var results: ResultsState?

    public init(
        article: ArticleID, block: Int, line: Int, width: Int, place: TextPlace? = nil,
        progress: Int? = nil
    ) {
        self.article = article
        self.block = block
        self.line = line
        self.width = width
        self.place = place
        self.progress = progress
    }

    /// A saved place, to be found again by its text (`line` is not known at this width).
    public init(article: ArticleID, place: TextPlace) {
        self.init(article: article, block: place.block, line: 0, width: 0, place: place)
    }

    /// The same line at the same width: `place` and `progress` only describe it.
    public static func == (a: Position, b: Position) -> Bool {
        a.article == b.article && a.block == b.block && a.line == b.line && a.width == b.width
    }
}

/// What covers the article, if anything.
public enum Overlay: Sendable, Equatable {
    case none
    /// The outline, with the entry the selection is on; focused when keys move it.
    case outline(selection: Int)
    case list(ArticleListState)
    case help(scroll: Int)
    /// The marks of all articles, newest first.
    case marks(selection: Int)
    /// The articles read lately, newest first.
    case recent(selection: Int)
    /// The hits of a search of every article.
    case results(ResultsState)
}

/// The article list: a filter typed by the person and the matching entries. Keys move the
/// selection (j, k, q as in newsboat and mutt) until `/` starts the filter: then characters type
/// into it (`typing`), and Enter or Esc give the keys back to the list.
public struct ArticleListState: Sendable, Equatable {
    public var filter: String = ""
    /// Characters go to the filter (after `/`), read in the `filter` context.
    public var typing = false
    /// The filter as it was when `/` was pressed: Esc goes back to it.
    var filterBefore = ""
    /// Entry numbers in the reader's current collection: rebuilt when the collection changes.
    public var matches: [Int]
    public var selection: Int
    /// Where the article on screen is among `matches`, if it matches.
    public var marked: Int?
    /// Only the articles not read yet (Tab toggles).
    public var unreadOnly = false
    /// Entries whose text (not title) holds the filter's words, from the index, listed under `matches`.
    /// By identity, not entry number: the entries are numbered again when the folder's index comes in.
    public var bodyMatches: [ArticleID] = []
    /// The index query that `bodyMatches` waits for.
    var bodyGeneration: Int?

    /// Rows: the title matches, then the text matches.
    public var rowCount: Int { matches.count + bodyMatches.count }

    public func entry(atRow row: Int, in collection: ArticleCollection) -> Int? {
        if matches.indices.contains(row) { return matches[row] }
        let body = row - matches.count
        return bodyMatches.indices.contains(body) ? collection.index(of: bodyMatches[body]) : nil
    }
}

/// Everything the reader shows, as a value. `handle` changes it and says what must be
/// done (`Effect`); `Renderer.render` draws it. It reads no file and starts no thread: it knows the
/// collection (titles, links, identities), and the run loop reads the articles it asks for.
public struct ReaderState: Sendable {
    public internal(set) var collection: ArticleCollection
    public internal(set) var chains: ChainBuilder.Result
    /// True while the folder is indexed in the background: only the first article is known.
    public internal(set) var indexing: Bool
    /// Commands that need the whole folder, waiting for the index, in the order typed.
    var pending: [Command] = []
    /// Keys typed while the article on screen is still being read: they run on it, in order, once it is in.
    var typeahead: [Key] = []
    /// What the person set: keys, layout, Space at the end, plain mode.
    public let options: ReaderOptions
    public var keyMap: KeyMap { options.keyMap }
    var layout: ReadingLayout { options.effectiveLayout }
    /// The articles the command line named (`gazette a.txt b.txt`): the article list shows only
    /// them, while links still resolve across their folders. Nil: the list is the whole collection.
    public let shortlist: [ArticleID]?
    public internal(set) var geometry: Geometry
    public internal(set) var document: Document
    /// Where to put the reader in the article being read, once it arrives.
    var arrival: Position?
    /// Articles whose whole text has been asked for and not come back yet: asked once.
    var reading: Set<ArticleID> = []
    /// Effects asked for during one `handle`, handed out at its end; empty between calls.
    var outbox: [Effect] = []
    /// First layout line shown.
    public internal(set) var top: Int = 0
    /// The line the reader is on: the top line after scrolling, a heading after a jump.
    public internal(set) var focus: Int = 0
    public internal(set) var overlay: Overlay = .none
    public internal(set) var search: SearchState?
    /// How much of the article `/` searches before drawing (the rest is counted behind the screen).
    var searchWindow = SearchWindow.standard
    /// The id of the last count asked for.
    var searchSerial = 0
    /// The line typed after "/" while the search prompt is open.
    public internal(set) var prompt: SearchPrompt?
    /// Queries run this session, oldest first, for ↑/↓ in the prompt; the last one is what Enter on
    /// an empty prompt repeats, even after Esc cleared it.
    public internal(set) var queries: [String] = []
    /// A number typed before a command (`12g`, `40%`, `12]`), as less reads one.
    public internal(set) var count: Int?
    /// The full-text index of the folder, for `s` and the list's filter.
    public internal(set) var searchIndex: SearchIndexStatus = .unavailable(
        "Searching every article needs an index: open a folder of article files")
    /// Collection queries run this session, oldest first (↑/↓ in its prompt).
    public internal(set) var collectionQueries: [String] = []
    /// Numbers collection queries, so an answer to an older one is known.
    var searchGeneration = 0
    /// The results Back came back to in this article: they go with its place when it is left again.
    var resultsHere: ResultsState?
    /// A hit opened before the folder was indexed (only its first article was known): opened then.
    var pendingHit: (hit: SearchHit, results: ResultsState)?
    /// A one-shot note in the status line ("End of the chain", …).
    public internal(set) var message: String?
    public internal(set) var backStack: [Position] = []
    public internal(set) var forwardStack: [Position] = []
    /// The place the reader chose, kept across resizes: a window too small to
    /// scroll clamps `top`, and the place must survive that.
    var anchor: Anchor?
    /// Read state, progress, marks and history of past sittings (empty without a store).
    public internal(set) var journal = Journal()
    /// True when a store keeps what changes: the core then asks for it with `.record`.
    public var recordsChanges = false
    /// This sitting's reading of the article on screen, marks typed half-way, jumps.
    var sitting = Sitting()
    /// What the run loop does on the reader's word: update the index, save the place, watch the file.
    var policy = LoopPolicy()

    /// The reader on `start`, showing its title while the article is read.
    /// `indexing`: `collection` holds only the first article; `.indexed` brings the rest.
    init(
        collection: ArticleCollection, start: ArticleID, width: Int, height: Int, options: ReaderOptions = .standard,
        chains: ChainBuilder.Result? = nil, indexing: Bool = false, resume: TextPlace? = nil,
        shortlist: [ArticleID]? = nil
    ) {
        self.collection = collection
        self.shortlist = shortlist
        self.chains = chains ?? ChainBuilder.build(collection)
        self.options = options
        self.indexing = indexing
        geometry = Geometry(width: width, height: height, wantsPane: false, layout: options.effectiveLayout)
        document = Document.loading(start, in: collection, width: geometry.columnWidth)
        arrival =
            resume.map { Position(article: start, place: $0) } ?? Position(article: start, block: 0, line: 0, width: 0)
        anchor = anchorPosition()
    }

    /// The reader opening on `start`, and what must happen first: read that article,
    /// and index the folder when `collection` holds only it (`indexing`).
    public static func open(
        collection: ArticleCollection, at start: ArticleID, width: Int, height: Int,
        options: ReaderOptions = .standard, chains: ChainBuilder.Result? = nil,
        indexing: Bool = false, resume: TextPlace? = nil, shortlist: [ArticleID]? = nil
    )
        -> (state: ReaderState, effects: [Effect])
    {
        let state = ReaderState(
            collection: collection, start: start, width: width, height: height, options: options,
            chains: chains, indexing: indexing, resume: resume, shortlist: shortlist)
        return (state, [.load(state.request(start))] + (indexing ? [.startIndexing] : []))
    }

    public var bodyHeight: Int { geometry.bodyHeight }
    public var lines: LayoutLines { document.layout.lines }
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
    public var hasOutline: Bool { document.hasOutline }
    /// The entries the article list offers, in the collection's order.
    public var listPool: [Int] {
        guard let shortlist else { return Array(collection.entries.indices) }
        return shortlist.compactMap(collection.index(of:)).sorted()
    }
    /// Where the article on screen is in the current collection (nil if it is not in it).
    public var entryIndex: Int? { collection.index(of: document.id) }
    var isLoading: Bool { document.extent == .loading }

    /// Where the article sits in its chain: (1-based position, chain length).
    public var chainPosition: (index: Int, count: Int)? {
        guard let entry = entryIndex, chains.position.indices.contains(entry) else { return nil }
        let p = chains.position[entry]
        return (p.offset + 1, chains.chains[p.chain].entries.count)
    }

    /// "chain k/n", or "cycle k/n" when the chain comes round to its start.
    public var chainLabel: String? {
        guard let p = chainPosition, let entry = entryIndex else { return nil }
        let cycle = chains.chains[chains.position[entry].chain].isCycle
        return "\(cycle ? "cycle" : "chain") \(p.index)/\(p.count)"
    }

    /// How much of a file the first screen waits for; a bigger article shows its start
    /// at once and is read whole in the background.
    public static let firstScreenBytes = 64 * 1024

    func request(_ article: ArticleID) -> LoadRequest {
        LoadRequest(
            article: article, width: geometry.width, height: geometry.height, indexing: indexing, layout: layout)
    }

    var footer: [FooterLine] {
        let links = entryIndex.map { collection.resolutions[$0] }
        return Document.footer(
            document.article, extent: document.extent, links: links, collection: collection,
            indexing: indexing)
    }

    // MARK: Answers to effects

    /// An article came back from being read. Taken when it is the one on screen and
    /// holds more of it than the screen does; otherwise the reader has moved on.
    mutating func receive(_ loaded: Document) {
        if loaded.isComplete { reading.remove(loaded.id) }
        guard loaded.id == document.id else { return }
        switch (document.extent, loaded.extent) {
        case (.loading, _): arrive(loaded)
        case (.start, .whole): installWhole(loaded)
        default: return  // an older answer: the screen holds as much already
        }
    }

    /// The article being read is in: show it where the reader was headed.
    mutating func arrive(_ loaded: Document) {
        let position = arrival ?? Position(article: loaded.id, block: 0, line: 0, width: 0)
        arrival = nil
        document = loaded
        if document.isComplete && document.failure == nil { document.layout = document.layout.replacingFooter(footer) }
        geometry = Geometry(width: geometry.width, height: geometry.height, wantsPane: hasOutline, layout: layout)
        if document.layout.width != geometry.columnWidth {
            document.layout = ArticleLayout.make(document.article, footer: footer, width: geometry.columnWidth)
        }
        top = 0
        let starts = document.layout.blockStarts
        if position.width == document.layout.width {
            setTop(position.line)  // same width: exactly where you were
        } else if let place = position.place {
            arrive(at: place)  // a saved place: found by its text
        } else {
            setTop(starts.indices.contains(position.block) ? starts[position.block] : 0)
        }
        if let saved = position.search {
            runSearch(saved.query, keepCurrent: saved.current)
            search?.visited = saved.current != nil
        }
        if let landing = position.landing { land(landing) }
        if let failure = document.failure { message = failure }
        anchor = anchorPosition()
        if document.extent == .start, reading.insert(document.id).inserted {
            outbox.append(.loadFull(request(document.id)))
        }
        resumeWaiting()
    }

    /// The whole of a big article arrived: swap it in, keeping the reader's place.
    mutating func installWhole(_ full: Document) {
        let keep = anchor ?? anchorPosition()
        document = full
        if document.failure == nil { document.layout = document.layout.replacingFooter(footer) }
        relayout(width: geometry.width, height: geometry.height)
        // The place first: a search counted again starts from the top of the screen.
        restore(keep)
        rerunSearch()
        restore(keep)
        placeAfterWholeRead()
    }

    /// The whole folder, indexed: the article on screen, the history and what waited
    /// keep pointing at the same articles (by identity, wherever they now are in the
    /// entries), links now resolve, and the commands that waited run.
    mutating func install(collection full: ArticleCollection, chains: ChainBuilder.Result) {
        guard full.contains(document.id) else {
            indexing = false
            pending.removeAll()
            message = "The folder changed while it was indexed; \(document.article.source) is gone from it"
            return
        }
        let keep = anchor ?? anchorPosition()
        let selected = listSelection
        collection = full
        self.chains = chains
        indexing = false
        takeHistoryFromJournal()
        if document.isComplete && document.failure == nil { document.layout = document.layout.replacingFooter(footer) }
        if case .list(var list) = overlay {
            // The list's rows are entry numbers: rebuild them, and keep the same article selected.
            refilter(&list, narrowing: false)
            if let row = selected.flatMap(full.index(of:)).flatMap(list.matches.firstIndex(of:)) {
                list.selection = row
            }
            overlay = .list(list)
        }
        restore(keep)
        resumeWaiting()
        if let (hit, results) = pendingHit {
            pendingHit = nil
            openHit(hit, from: results)
        }
    }

    /// The article under the article list's selection, when the list is open.
    var listSelection: ArticleID? {
        guard case .list(let list) = overlay, let entry = list.entry(atRow: list.selection, in: collection)
        else { return nil }
        return collection.entries[entry].id
    }

    /// Runs, in order, what waited for the index or for an article, until something
    /// has to wait again (a command that opens an article waits for it to be read).
    mutating func resumeWaiting() {
        while !indexing && !isLoading && !pending.isEmpty {
            apply(pending.removeFirst())
            anchor = anchorPosition()
        }
        while !isLoading && !typeahead.isEmpty { keyPressed(typeahead.removeFirst()) }
    }

    /// Lays the article out again for a new size, keeping the block at the top at the top.
    mutating func relayout(width: Int, height: Int) {
        let anchor = self.anchor ?? anchorPosition()
        geometry = Geometry(width: width, height: height, wantsPane: hasOutline, layout: layout)
        if document.layout.width != geometry.columnWidth {
            document.layout = ArticleLayout.make(document.article, footer: footer, width: geometry.columnWidth)
            restore(anchor)
            rerunSearch()
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
        let start =
            document.layout.blockStarts.indices.contains(line.block) ? document.layout.blockStarts[line.block] : top
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
        if anchor.fraction == 0, top < lines.count, newTop > 0, lines[newTop - 1].kind == .blank,
            lines[min(top, lines.count - 1)].kind == .blank
        {
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

    /// Searches the article for `query`. A long one is searched at once only from the block at the top
    /// for `searchWindow.windowLines`; the rest is counted behind the screen (`.countMatches`).
    /// `keepCurrent`: the number of the match to keep current (after a relayout); else the first one
    /// below the top. `revealing`: bring it into view (a search just typed).
    mutating func runSearch(_ query: String, keepCurrent: Int? = nil, revealing: Bool = false) {
        let visited = search?.visited ?? true
        let total = lines.count
        if total <= searchWindow.wholeLines {
            let matches = SearchState.find(query, in: document.layout, keeping: &document.folded)
            var current = keepCurrent ?? 0
            if keepCurrent == nil, let firstBelow = matches.firstIndex(where: { $0.line >= top }) {
                current = firstBelow
            }
            search = SearchState(query: query, matches: matches, current: min(current, max(0, matches.count - 1)))
            search?.visited = keepCurrent == nil || visited
            if revealing, let s = search, !s.matches.isEmpty {
                // None below the top: the first match is above it, as the backward step says when it wraps.
                if keepCurrent == nil, s.matches[s.current].line < top { message = Self.wrappedForward }
                reveal(s.matches[s.current])
            }
            return
        }
        let here = min(top, total - 1)
        let starts = document.layout.blockStarts
        let origin = starts.indices.contains(lines[here].block) ? min(starts[lines[here].block], here) : here
        let end = SearchCount.blockEnd(lines, from: min(total, origin + searchWindow.windowLines), limit: total)
        let matches = SearchState.find(query, in: document.layout, lines: origin..<end)
        searchSerial += 1
        var counting = SearchCounting(
            id: searchSerial, origin: origin, scanned: end - origin, total: total, awaitingFirst: true,
            reveal: revealing, restore: keepCurrent)
        var s = SearchState(query: query, matches: matches, current: 0)
        if keepCurrent == nil, let firstBelow = matches.firstIndex(where: { $0.line >= top }) {
            s.current = firstBelow
            counting.awaitingFirst = false
        }
        s.visited = keepCurrent == nil || visited
        if counting.isFinished {
            if counting.awaitingFirst { s.current = min(keepCurrent ?? 0, max(0, matches.count - 1)) }
        } else {
            s.counting = counting
            outbox.append(
                .countMatches(
                    SearchJob(
                        id: counting.id, query: query, layout: document.layout, start: end, origin: origin,
                        chunkLines: searchWindow.chunkLines)))
        }
        search = s
        if revealing, !s.awaitingFirst, !s.matches.isEmpty { reveal(s.matches[s.current]) }
    }

    /// What a forward search says when it finds its match only from the top, as less says it.
    static let wrappedForward = "search hit the end, continuing at the top"

    /// The search on screen, run again on a new layout: the current match stays current.
    mutating func rerunSearch() {
        guard let s = search else { return }
        if s.awaitingFirst {
            runSearch(s.query, revealing: s.counting?.reveal ?? false)
        } else if let counting = s.counting, !counting.isFinished {
            // A count still going holds a part of the matches: its numbers mean nothing to the new
            // count. The match first below the top is where the reader is.
            runSearch(s.query)
        } else {
            runSearch(s.query, keepCurrent: s.current)
        }
    }

    /// A part of a count behind the screen: its matches go in article order; the first one found
    /// becomes current when none was, and the current one keeps its match as others come in before it.
    mutating func receive(_ chunk: SearchChunk) {
        guard var s = search, var counting = s.counting, counting.id == chunk.id else { return }
        search = nil  // so that `s` holds the only reference to the matches, which then grow in place
        let firstNew = chunk.wrapped ? counting.insertAt : s.matches.count
        if chunk.wrapped {
            s.matches.insert(contentsOf: chunk.matches, at: counting.insertAt)
            if !counting.awaitingFirst && s.current >= counting.insertAt { s.current += chunk.matches.count }
            counting.insertAt += chunk.matches.count
        } else {
            s.matches.append(contentsOf: chunk.matches)
        }
        counting.scanned = chunk.scanned
        var revealed: SearchState.Match?
        if counting.awaitingFirst && counting.reveal && !chunk.matches.isEmpty {
            s.current = firstNew
            counting.awaitingFirst = false
            revealed = s.matches[firstNew]
            if chunk.wrapped { message = Self.wrappedForward }
        }
        if chunk.final {
            if counting.awaitingFirst {
                let firstBelow = s.matches.firstIndex { $0.line >= top } ?? 0
                s.current = min(counting.restore ?? firstBelow, max(0, s.matches.count - 1))
                if counting.reveal && !s.matches.isEmpty { revealed = s.matches[s.current] }
                if counting.reveal && s.matches.isEmpty { message = "No match for “\(s.query)”" }
            }
            s.counting = nil
            search = s
        } else {
            s.counting = counting
            search = s
        }
        if let revealed { reveal(revealed) }
    }
}
