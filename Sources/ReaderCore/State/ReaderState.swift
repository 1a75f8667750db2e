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

/// Everything the reader shows, as a value: a thin composition of parts, each a small value with its own
/// reducers. `handle` routes an event to the part it concerns (a key to the prompt, the overlay open or
/// the article view; an answer to the part that asked) and hands out what the parts asked for
/// (`Effect`); `Renderer.render` draws it. It reads no file and starts no thread: it knows the
/// collection (titles, links, identities), and the run loop reads the articles it asks for.
///
/// The parts: `folder` (the collection, its chains, whether it is indexed), `view` (the article on
/// screen, the place in it, the `/` search), `navigation` (history, arrival, what waits), `collectionSearch`
/// (the full-text index's status, `s` queries), `overlay` (one state per overlay), `prompt`, `memory`
/// (the journal and this sitting), `policy` (what the loop does on the reader's word) and `out` (what
/// this event said and asked for).
public struct ReaderState: Sendable {
    /// What the person set: keys, layout, Space at the end, plain mode.
    public let options: ReaderOptions
    var folder: Folder
    var view: ArticleView
    var navigation = Navigation()
    var collectionSearch = CollectionSearchState()
    public internal(set) var overlay: Overlay = .none
    /// The line typed after "/" (or "s") while the search prompt is open.
    public internal(set) var prompt: SearchPrompt?
    var memory = ReadingMemory()
    /// What the run loop does on the reader's word: update the index, save the place, watch the file.
    var policy = LoopPolicy()
    /// What the event being handled said (the status line's note) and asked for (effects).
    var out = Feedback()

    /// The reader on `start`, showing its title while the article is read.
    /// `indexing`: `collection` holds only the first article; `.indexed` brings the rest.
    init(
        collection: ArticleCollection, start: ArticleID, width: Int, height: Int, options: ReaderOptions = .standard,
        chains: ChainBuilder.Result? = nil, indexing: Bool = false, resume: TextPlace? = nil,
        shortlist: [ArticleID]? = nil
    ) {
        self.options = options
        folder = Folder(
            collection: collection, chains: chains ?? ChainBuilder.build(collection), indexing: indexing,
            shortlist: shortlist)
        let layout = options.effectiveLayout
        let geometry = Geometry(width: width, height: height, wantsPane: false, layout: layout)
        view = ArticleView(
            layout: layout, geometry: geometry,
            document: Document.loading(start, in: collection, width: geometry.columnWidth))
        navigation.arrival =
            resume.map { Position(article: start, place: $0) } ?? Position(article: start, block: 0, line: 0, width: 0)
        view.keepPlace()
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

    // MARK: What the parts hold, as the renderer, the loop and the tests read it

    public var keyMap: KeyMap { options.keyMap }
    public var collection: ArticleCollection { folder.collection }
    public var chains: ChainBuilder.Result { folder.chains }
    /// True while the folder is indexed in the background: only the first article is known.
    public var indexing: Bool { folder.indexing }
    /// The articles the command line named; nil: the list is the whole collection.
    public var shortlist: [ArticleID]? { folder.shortlist }
    public var geometry: Geometry { view.geometry }
    public var document: Document { view.document }
    /// First layout line shown.
    public var top: Int { view.top }
    /// The line the reader is on: the top line after scrolling, a heading after a jump.
    public var focus: Int { view.focus }
    public var search: SearchState? { view.search }
    /// How much of the article `/` searches before drawing (tests set a small one).
    var searchWindow: SearchWindow {
        get { view.searchWindow }
        set { view.searchWindow = newValue }
    }
    /// `/` queries run this session, oldest first.
    public var queries: [String] { view.queries }
    /// A number typed before a command (`12g`, `40%`, `12]`), as less reads one.
    public var count: Int? { view.count }
    /// The full-text index of the folder, for `s` and the list's filter.
    public var searchIndex: SearchIndexStatus { collectionSearch.index }
    /// Collection queries run this session, oldest first (↑/↓ in its prompt).
    public var collectionQueries: [String] { collectionSearch.queries }
    /// A one-shot note in the status line ("End of the chain", …).
    public internal(set) var message: String? {
        get { out.message }
        set { out.message = newValue }
    }
    public var backStack: [Position] { navigation.backStack }
    public var forwardStack: [Position] { navigation.forwardStack }
    /// Read state, progress, marks and history of past sittings (empty without a store).
    public var journal: Journal { memory.journal }
    /// True when a store keeps what changes: the core then asks for it with `.record`.
    public var recordsChanges: Bool {
        get { memory.recordsChanges }
        set { memory.recordsChanges = newValue }
    }

    public var bodyHeight: Int { view.bodyHeight }
    public var lines: LayoutLines { view.lines }
    public var maxTop: Int { view.maxTop }
    /// The section being read (see `ArticleView.currentSection`).
    public var currentSection: Int { view.currentSection }
    public var hasOutline: Bool { view.hasOutline }
    /// The entries the article list offers, in the collection's order.
    public var listPool: [Int] { folder.listPool }
    /// Where the article on screen is in the current collection (nil if it is not in it).
    public var entryIndex: Int? { folder.collection.index(of: view.document.id) }
    var isLoading: Bool { view.isLoading }

    /// Where the article sits in its chain: (1-based position, chain length).
    public var chainPosition: (index: Int, count: Int)? { folder.chainPosition(entryIndex) }

    /// "chain k/n", or "cycle k/n" when the chain comes round to its start.
    public var chainLabel: String? { folder.chainLabel(entryIndex) }

    /// How much of a file the first screen waits for; a bigger article shows its start
    /// at once and is read whole in the background.
    public static let firstScreenBytes = 64 * 1024
    /// Hits a collection search asks for at once.
    static let resultsLimit = CollectionSearchState.resultsLimit

    func request(_ article: ArticleID) -> LoadRequest {
        LoadRequest(
            article: article, width: view.geometry.width, height: view.geometry.height, indexing: folder.indexing,
            layout: view.layout)
    }

    /// The closing lines of the article on screen.
    var footer: [FooterLine] { folder.footer(for: view.document) }

    mutating func setTop(_ line: Int) { view.setTop(line) }

    // MARK: Answers to effects

    /// An article came back from being read. Taken when it is the one on screen and
    /// holds more of it than the screen does; otherwise the reader has moved on.
    mutating func receive(_ loaded: Document) {
        if loaded.isComplete { navigation.reading.remove(loaded.id) }
        guard loaded.id == view.document.id else { return }
        switch (view.document.extent, loaded.extent) {
        case (.loading, _): arrive(loaded)
        case (.start, .whole): installWhole(loaded)
        default: return  // an older answer: the screen holds as much already
        }
    }

    /// The article being read is in: show it where the reader was headed.
    mutating func arrive(_ loaded: Document) {
        let position = navigation.arrival ?? Position(article: loaded.id, block: 0, line: 0, width: 0)
        navigation.arrival = nil
        view.document = loaded
        let folder = self.folder
        if loaded.isComplete && loaded.failure == nil {
            view.document.layout = loaded.layout.replacingFooter(folder.footer(for: loaded))
        }
        view.geometry = view.windowGeometry(width: view.geometry.width, height: view.geometry.height, pane: true)
        if view.document.layout.width != view.geometry.columnWidth {
            view.document.layout = ArticleLayout.make(
                loaded.article, footer: folder.footer(for: view.document), width: view.geometry.columnWidth)
        }
        put(at: position)
        if let failure = loaded.failure { out.message = failure }
        view.keepPlace()
        if view.document.extent == .start, navigation.startReading(loaded.id) {
            out.effects.append(.loadFull(request(loaded.id)))
        }
        resumeWaiting()
    }

    /// Puts the reader at `position` in the article just in: its line at the same width, else its place
    /// found by its text, else its block; then its search given back, then a hit's landing.
    mutating func put(at position: Position) {
        view.top = 0
        let starts = view.document.layout.blockStarts
        if position.width == view.document.layout.width {
            view.setTop(position.line)  // same width: exactly where you were
        } else if let place = position.place {
            arrive(at: place)  // a saved place: found by its text
        } else {
            view.setTop(starts.indices.contains(position.block) ? starts[position.block] : 0)
        }
        if let saved = position.search {
            view.runSearch(saved.query, keepCurrent: saved.current, &out)
            view.search?.visited = saved.current != nil
        }
        if let landing = position.landing { view.land(landing, &out) }
    }

    /// The whole of a big article arrived: swap it in, keeping the reader's place and search, and go
    /// to a saved place that lay beyond the start.
    mutating func installWhole(_ full: Document) {
        let folder = self.folder
        view.replaceStart(with: full, footer: folder.footer(for:), &out)
        placeAfterWholeRead()
    }

    /// The whole folder, indexed: the article on screen, the history and what waited
    /// keep pointing at the same articles (by identity, wherever they now are in the
    /// entries), links now resolve, and the commands that waited run.
    mutating func install(collection full: ArticleCollection, chains: ChainBuilder.Result) {
        guard full.contains(view.document.id) else {
            folder.indexing = false
            navigation.pending.removeAll()
            out.message = "The folder changed while it was indexed; \(view.document.article.source) is gone from it"
            return
        }
        let keep = view.anchor ?? view.anchorPosition()
        let selected = listSelection
        folder.collection = full
        folder.chains = chains
        folder.indexing = false
        takeHistoryFromJournal()
        if view.document.isComplete && view.document.failure == nil {
            view.document.layout = view.document.layout.replacingFooter(footer)
        }
        if case .list(var list) = overlay {
            // The list's rows are entry numbers: rebuild them, and keep the same article selected.
            refilter(&list, narrowing: false)
            if let row = selected.flatMap(full.index(of:)).flatMap(list.matches.firstIndex(of:)) {
                list.selection = row
            }
            overlay = .list(list)
        }
        view.restore(keep)
        resumeWaiting()
        if let (hit, results) = navigation.pendingHit {
            navigation.pendingHit = nil
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
        while !folder.indexing && !isLoading && !navigation.pending.isEmpty {
            apply(navigation.pending.removeFirst())
            view.keepPlace()
        }
        while !isLoading && !navigation.typeahead.isEmpty { keyPressed(navigation.typeahead.removeFirst()) }
    }

    /// Lays the article out again for a new size, keeping the place the reader chose and the search.
    mutating func relayout(width: Int, height: Int) {
        let folder = self.folder
        view.resize(width: width, height: height, footer: folder.footer(for:), &out)
    }
}
