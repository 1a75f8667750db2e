import ArticleKit
import ReaderCore
import ReaderLoop

/// Times the article list's filter in the core: `l`, `/`, then the filter typed a key at a time and
/// deleted a key at a time, each key handled and the screen rendered (the index's answer for the
/// texts, an effect, is left out: it runs behind the list). What grows with the archive is the titles
/// matched per key. Used by `gazette-dev bench-filter`.
enum FilterBenchmark {
    struct Result: Sendable {
        /// Each typed key, then each Backspace.
        var typed: [Int64]
        var deleted: [Int64]
        var matches: Int
    }

    static func run(library: ArticleLibrary, text: String, width: Int = 100, height: Int = 30) -> Result {
        let collection = library.collection
        var (state, opening) = ReaderState.open(
            collection: collection, at: collection.entries[0].id, width: width, height: height)
        _ = DocumentLoader.settle(opening, into: &state, from: library)
        _ = state.handle(.key(.character("l")))
        _ = state.handle(.key(.character("/")))
        let clock = ContinuousClock()
        func press(_ key: Key) -> Int64 {
            let start = clock.now
            _ = state.handle(.key(key))
            _ = Renderer.render(state)
            let d = clock.now - start
            return d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
        }
        let typed = text.map { press(.character($0)) }
        var matches = 0
        if case .list(let list) = state.overlay { matches = list.matches.count }
        let deleted = text.map { _ in press(.backspace) }
        return Result(typed: typed, deleted: deleted, matches: matches)
    }
}
