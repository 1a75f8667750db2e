import ArticleKit

/// A search of every article, asked of the run loop (which asks the index) and answered with
/// `.collectionResults`. `generation` tells answers to an older query from the current one.
public struct CollectionSearchRequest: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable, Hashable {
        /// The results overlay (`s`).
        case results
        /// The article list's filter, which finds bodies as well as titles.
        case listFilter
    }

    public var query: SearchQuery
    /// Grows with every ask: an answer to an older one is dropped, and the run loop may skip
    /// an ask already overtaken by a newer one of the same purpose.
    public var generation: Int
    public var limit: Int
    public var purpose: Purpose
    /// The index was complete when this was asked: its answer is final.
    public var indexComplete: Bool
    /// The list needs only which articles: no snippet is cut (no file is read).
    public var snippets: Bool { purpose == .results }

    public init(query: SearchQuery, generation: Int, limit: Int, purpose: Purpose, indexComplete: Bool = true) {
        self.query = query
        self.generation = generation
        self.limit = limit
        self.purpose = purpose
        self.indexComplete = indexComplete
    }
}

/// The index's answer to a `CollectionSearchRequest`.
public struct CollectionResults: Sendable, Equatable {
    public var generation: Int
    public var hits: [SearchHit]
    /// Why there are no results to show (the index cannot be used), in one line.
    public var failure: String?
    /// Echoes the request's `indexComplete`.
    public var complete: Bool

    public init(generation: Int, hits: [SearchHit], failure: String? = nil, complete: Bool = true) {
        self.generation = generation
        self.hits = hits
        self.failure = failure
        self.complete = complete
    }
}

/// How far the full-text index of the folder is.
public enum SearchIndexStatus: Sendable, Equatable {
    /// No index for this reader (said why when asked).
    case unavailable(String)
    /// Being brought up to date: files looked at out of the folder's.
    case building(done: Int, total: Int)
    case ready
}

/// The results overlay: the query, the hits so far, the selected one.
public struct ResultsState: Sendable, Equatable {
    public var query: SearchQuery
    public var typed: String
    public var hits: [SearchHit] = []
    public var selection = 0
    public var generation: Int
    /// False until an answer came (the list says "searching…").
    public var answered = false
    /// Whether the index was complete when these hits were found.
    public var complete = false
    /// Progress of the index when the query was last asked, to ask again as it grows.
    var askedAt = 0
}

/// Where to land in an article opened from a hit: its section, and where in it the match is.
public struct Landing: Sendable, Equatable {
    public var section: Int
    public var place: Snippet.Place
    /// What `/` looks for when the whole query is nowhere in the article as one run of words (the index
    /// matched its words apart): a pattern finding any of them.
    public var fallback: String?
    public init(section: Int, place: Snippet.Place, fallback: String? = nil) {
        self.section = section
        self.place = place
        self.fallback = fallback
    }
}

extension ReaderState {
    /// Hits asked for at once: more than a screen, few enough to cut their snippets quickly.
    static let resultsLimit = 100
    static let listBodyLimit = 200

    /// `s`: the collection search prompt.
    mutating func openCollectionPrompt() {
        if case .unavailable(let why) = searchIndex {
            message = why
            return
        }
        prompt = SearchPrompt(history: collectionQueries, scope: .collection)
    }

    /// Enter in the collection prompt: the overlay opens at once, the hits follow.
    mutating func startCollectionSearch(_ typed: String) {
        let query: SearchQuery
        do throws(SearchQueryError) {
            query = try SearchQuery.parse(typed)
        } catch {
            message = error.description
            return
        }
        collectionQueries.removeAll { $0 == typed }
        collectionQueries.append(typed)
        var results = ResultsState(query: query, typed: typed, generation: 0)
        ask(&results)
        overlay = .results(results)
    }

    /// Asks the index for `results`' query (again), under a new generation.
    mutating func ask(_ results: inout ResultsState) {
        searchGeneration += 1
        results.generation = searchGeneration
        results.askedAt = indexedSoFar
        outbox.append(
            .searchCollection(
                CollectionSearchRequest(
                    query: results.query, generation: searchGeneration, limit: ReaderState.resultsLimit,
                    purpose: .results, indexComplete: searchIndex == .ready)))
    }

    /// Files the index has taken in so far (all of them once it is ready).
    var indexedSoFar: Int {
        switch searchIndex {
        case .building(let done, _): return done
        default: return Int.max
        }
    }

    mutating func receive(_ results: CollectionResults) {
        switch overlay {
        case .results(var state) where state.generation == results.generation:
            if let failure = results.failure { message = failure }
            let selected = state.hits.indices.contains(state.selection) ? state.hits[state.selection].path : nil
            state.hits = results.hits
            // The selection stays on its hit as better ones stream in above it.
            state.selection = selected.flatMap { p in results.hits.firstIndex { $0.path == p } } ?? 0
            state.answered = true
            state.complete = results.complete
            overlay = .results(state)
        case .list(var list) where list.bodyGeneration == results.generation:
            // Not those the titles matched already, and only what the list holds (a shortlist).
            let entries = collection.entries
            let titled = Set(list.matches.map { entries[$0].id })
            let pool = shortlist.map(Set.init)
            list.bodyMatches = results.hits.map { ArticleID(key: $0.path) }.filter { id in
                !titled.contains(id) && (pool?.contains(id) ?? true) && !(list.unreadOnly && journal.isRead(id))
            }
            list.selection = max(0, min(list.selection, list.rowCount - 1))
            overlay = .list(list)
        default:
            return  // an answer to a query no longer on screen
        }
    }

    /// The index grew or finished: the status line says so, and a query on screen is asked
    /// again when enough new files came in (so results stream in while it is built).
    mutating func receive(indexStatus: SearchIndexStatus) {
        searchIndex = indexStatus
        guard case .results(var state) = overlay else { return }
        let grown: Bool
        switch indexStatus {
        case .building(let done, let total): grown = done - state.askedAt >= max(500, total / 20)
        case .ready: grown = !state.complete
        case .unavailable: grown = false
        }
        guard grown else { return }
        ask(&state)
        overlay = .results(state)
    }

    mutating func resultsKey(_ key: Key, _ results: ResultsState) {
        if let action = keyMap.action(for: key, in: .results) { resultsAction(action, results) }
    }

    /// What an action does in the results; the mouse opens a hit through here too.
    mutating func resultsAction(_ action: Action, _ results: ResultsState) {
        var results = results
        let last = max(0, results.hits.count - 1)
        switch action {
        case .down: results.selection = min(last, results.selection + 1)
        case .up: results.selection = max(0, results.selection - 1)
        case .pageDown: results.selection = min(last, results.selection + max(1, bodyHeight - 2))
        case .pageUp: results.selection = max(0, results.selection - max(1, bodyHeight - 2))
        case .top: results.selection = 0
        case .bottom: results.selection = last
        case .open:
            guard results.hits.indices.contains(results.selection) else { return }
            openHit(results.hits[results.selection], from: results)
            return
        case .search:
            overlay = .none
            prompt = SearchPrompt(history: collectionQueries, scope: .collection)
            return
        case .close:
            overlay = .none
            return
        default:
            return
        }
        overlay = .results(results)
    }

    /// Opens the article of a hit at its match, with `/` set to the whole query ("firefox nightly", not
    /// one of its words), so that n and N go on from it; where the words are never side by side in the
    /// article, to a pattern finding any of them. Back comes back to these results.
    mutating func openHit(_ hit: SearchHit, from results: ResultsState) {
        guard let entry = collection.index(of: ArticleID(key: hit.path)) else {
            if indexing {
                // Only the first article is known yet: open the hit once the folder is read.
                pendingHit = (hit, results)
                message = "Reading the folder… this opens as soon as it is indexed"
            } else {
                message = "“\(hit.title)” was not in the folder when it was opened: quit and open it again"
            }
            return
        }
        let article = collection.entries[entry].id
        let terms = results.query.required
        let whole = terms.map { SnippetCutter.articleSearch(for: $0) }.filter { !$0.isEmpty }
        let term = hit.snippet.map { $0.term } ?? terms.first?.text ?? ""
        var position = Position(article: article, block: 0, line: 0, width: 0)
        let query = whole.isEmpty ? SnippetCutter.articleSearch(for: .word(term)) : whole.joined(separator: " ")
        position.search = SearchState.Saved(query: query, current: nil)
        position.landing = Landing(
            section: hit.section, place: hit.snippet?.place ?? .heading,
            fallback: whole.count > 1 ? SearchState.anyOf(whole) : nil)
        var here = currentPosition
        here.results = results
        backStack.append(here)
        forwardStack.removeAll()
        show(position)
    }

    /// On arrival from a hit: the first match of the search in or after the hit's place.
    mutating func land(_ landing: Landing) {
        let block = ArticleLayout.block(of: landing.place, section: landing.section, in: document.article)
        let starts = document.layout.blockStarts
        let line = starts.indices.contains(block) ? starts[block] : 0
        if let s = search, s.counting != nil {
            // A long article is searched at once only near the screen: search again from the hit's place.
            setTop(line)
            runSearch(s.query, revealing: true)
            return
        }
        if let fallback = landing.fallback, let s = search, s.matches.isEmpty, s.counting == nil {
            // The words were found apart: n walks each of them.
            runSearch(fallback)
            if search?.counting != nil {
                setTop(line)
                runSearch(fallback, revealing: true)
                return
            }
        }
        guard var s = search, !s.matches.isEmpty else {
            setTop(max(0, line - bodyHeight / 3))
            focus = line
            return
        }
        s.current = s.matches.firstIndex { $0.line >= line } ?? 0
        s.visited = true
        search = s
        reveal(s.matches[s.current])
    }

    /// The list's filter finds bodies too: the words typed (the last one as a prefix, as it is
    /// still being typed) asked of the index; the answer lists the articles not already
    /// matched by title, under them.
    mutating func askBodies(_ list: inout ArticleListState) {
        list.bodyMatches = []
        if case .unavailable = searchIndex { return }
        guard !list.filter.isEmpty, var query = try? SearchQuery.parse(list.filter) else {
            list.bodyGeneration = nil
            return
        }
        if let last = query.required.last, case .word(let w) = last, list.filter.last != " " {
            query.required[query.required.count - 1] = .prefix(w)
        }
        searchGeneration += 1
        list.bodyGeneration = searchGeneration
        outbox.append(
            .searchCollection(
                CollectionSearchRequest(
                    query: query, generation: searchGeneration, limit: ReaderState.listBodyLimit, purpose: .listFilter,
                    indexComplete: searchIndex == .ready)))
    }
}
