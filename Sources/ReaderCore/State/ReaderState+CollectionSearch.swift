import ArticleKit

/// The search of every article, as the reader routes it: the prompt opened, the answers taken by the
/// overlay that asked, a hit opened in its article.
extension ReaderState {
    /// `s`: the collection search prompt.
    mutating func openCollectionPrompt() {
        if case .unavailable(let why) = collectionSearch.index {
            out.message = why
            return
        }
        prompt = SearchPrompt(history: collectionSearch.queries, scope: .collection)
    }

    /// Enter in the collection prompt: the overlay opens at once, the hits follow.
    mutating func startCollectionSearch(_ typed: String) {
        switch collectionSearch.start(typed) {
        case .failure(let error):
            out.message = error.description
        case .success(let (results, ask)):
            out.effects.append(ask)
            overlay = .results(results)
        }
    }

    /// An answer of the index, for the overlay that asked it (an answer to a query no longer on screen
    /// is dropped).
    mutating func receive(_ answer: CollectionResults) {
        switch overlay {
        case .results(var state) where state.generation == answer.generation:
            if let failure = answer.failure { out.message = failure }
            state.take(answer)
            overlay = .results(state)
        case .list(var list) where list.bodyGeneration == answer.generation:
            list.take(
                bodies: answer, entries: folder.collection.entries, pool: folder.shortlist.map(Set.init),
                journal: memory.journal)
            overlay = .list(list)
        default:
            return
        }
    }

    /// The index grew or finished: the status line says so, and a query on screen is asked
    /// again when enough new files came in (so results stream in while it is built).
    mutating func receive(indexStatus: SearchIndexStatus) {
        var shown: ResultsState?
        if case .results(let results) = overlay { shown = results }
        guard let ask = collectionSearch.update(indexStatus, asking: &shown), let shown else { return }
        out.effects.append(ask)
        overlay = .results(shown)
    }

    mutating func resultsKey(_ key: Key, _ results: ResultsState) {
        if let action = keyMap.action(for: key, in: .results) { resultsAction(action, results) }
    }

    /// What an action does in the results (the mouse opens a hit through here too).
    mutating func resultsAction(_ action: Action, _ results: ResultsState) {
        var results = results
        switch results.take(action, page: bodyHeight - 2) {
        case .stay:
            overlay = .results(results)
        case .open(let hit):
            openHit(hit, from: results)
        case .searchAgain:
            overlay = .none
            prompt = SearchPrompt(history: collectionSearch.queries, scope: .collection)
        case .close:
            overlay = .none
        }
    }

    /// Opens the article of a hit at its match, with `/` set to the whole query ("firefox nightly", not
    /// one of its words), so that n and N go on from it; where the words are never side by side in the
    /// article, to a pattern finding any of them. Back comes back to these results.
    mutating func openHit(_ hit: SearchHit, from results: ResultsState) {
        guard let entry = collection.index(of: ArticleID(key: hit.path)) else {
            if folder.indexing {
                // Only the first article is known yet: open the hit once the folder is read.
                navigation.pendingHit = (hit, results)
                out.message = "Reading the folder… this opens as soon as it is indexed"
            } else {
                out.message = "“\(hit.title)” was not in the folder when it was opened: quit and open it again"
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
        navigation.leave(here)
        show(position)
    }
}
