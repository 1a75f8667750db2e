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

/// The collection search's part of the reader: how far the folder's full-text index is, the queries
/// typed this session, the numbering of the asks (so an answer to an older one is known), and the
/// results Back came back to in this article.
struct CollectionSearchState: Sendable {
    /// The full-text index of the folder, for `s` and the list's filter.
    var index: SearchIndexStatus = .unavailable(
        "Searching every article needs an index: open a folder of article files")
    /// Collection queries run this session, oldest first (↑/↓ in its prompt).
    var queries: [String] = []
    /// Numbers collection queries, so an answer to an older one is known.
    var generation = 0
    /// The results Back came back to in this article: they go with its place when it is left again.
    var resultsHere: ResultsState?

    /// Hits asked for at once: more than a screen, few enough to cut their snippets quickly.
    static let resultsLimit = 100
    static let listBodyLimit = 200

    /// Files the index has taken in so far (all of them once it is ready).
    var indexedSoFar: Int {
        switch index {
        case .building(let done, _): return done
        default: return Int.max
        }
    }

    /// A query typed in the collection prompt, parsed and kept in the history; the results overlay
    /// for it, asked of the index (`effect`). Nil, with why, when it does not parse.
    mutating func start(_ typed: String) -> Result<(ResultsState, Effect), SearchQueryError> {
        let query: SearchQuery
        do throws(SearchQueryError) {
            query = try SearchQuery.parse(typed)
        } catch {
            return .failure(error)
        }
        queries.removeAll { $0 == typed }
        queries.append(typed)
        var results = ResultsState(query: query, typed: typed, generation: 0)
        let effect = ask(&results)
        return .success((results, effect))
    }

    /// Asks the index for `results`' query (again), under a new generation.
    mutating func ask(_ results: inout ResultsState) -> Effect {
        generation += 1
        results.generation = generation
        results.askedAt = indexedSoFar
        return .searchCollection(
            CollectionSearchRequest(
                query: results.query, generation: generation, limit: Self.resultsLimit, purpose: .results,
                indexComplete: index == .ready))
    }

    /// The list's filter finds bodies too: the words typed (the last one as a prefix, as it is
    /// still being typed) asked of the index; the answer lists the articles not already
    /// matched by title, under them. Nil when there is nothing to ask.
    mutating func askBodies(_ list: inout ArticleListState) -> Effect? {
        list.bodyMatches = []
        if case .unavailable = index { return nil }
        guard !list.filter.isEmpty, var query = try? SearchQuery.parse(list.filter) else {
            list.bodyGeneration = nil
            return nil
        }
        if let last = query.required.last, case .word(let w) = last, list.filter.last != " " {
            query.required[query.required.count - 1] = .prefix(w)
        }
        generation += 1
        list.bodyGeneration = generation
        return .searchCollection(
            CollectionSearchRequest(
                query: query, generation: generation, limit: Self.listBodyLimit, purpose: .listFilter,
                indexComplete: index == .ready))
    }

    /// The index grew or finished: whether `results` on screen should be asked again (enough new files
    /// came in, so results stream in while it is built).
    mutating func update(_ status: SearchIndexStatus, asking results: inout ResultsState?) -> Effect? {
        index = status
        guard var state = results else { return nil }
        let grown: Bool
        switch status {
        case .building(let done, let total): grown = done - state.askedAt >= max(500, total / 20)
        case .ready: grown = !state.complete
        case .unavailable: grown = false
        }
        guard grown else { return nil }
        let effect = ask(&state)
        results = state
        return effect
    }
}
