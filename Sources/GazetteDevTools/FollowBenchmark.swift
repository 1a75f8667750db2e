import ArticleKit
import ReaderCore
import ReaderLoop

/// Times what one press of `n` costs in the core: resolve the link, read and parse
/// the next article, lay it out and render the screen. At a chain's end it moves
/// to the next chain's head, the same work. Used by `gazette-dev bench-next`.
enum FollowBenchmark {
    struct Result: Sendable {
        var nanoseconds: [Int64]
        var median: Int64 { sorted[sorted.count / 2] }
        var worst: Int64 { sorted.last ?? 0 }
        var p99: Int64 { sorted[min(sorted.count - 1, sorted.count * 99 / 100)] }
        var sorted: [Int64] { nanoseconds.sorted() }
    }

    static func run(
        library: ArticleLibrary, chains: ChainBuilder.Result, presses: Int, width: Int = 100,
        height: Int = 30
    ) -> Result {
        let collection = library.collection
        let heads = chains.chains.map { collection.entries[$0.entries[0]].id }
        var (state, opening) = ReaderState.open(
            collection: collection, at: heads[0], width: width, height: height,
            chains: chains)
        _ = DocumentLoader.settle(opening, into: &state, from: library)
        var nextHead = 1
        var times: [Int64] = []
        times.reserveCapacity(presses)
        let clock = ContinuousClock()
        for _ in 0..<max(1, presses) {
            let start = clock.now
            let effects: [Effect]
            if let entry = state.entryIndex, collection.link(entry, .next)?.target != nil {
                effects = state.handle(.key(.character("n")))
            } else {
                effects = state.handle(.open(heads[nextHead % heads.count]))
                nextHead += 1
            }
            // As the run loop does before drawing; a big article's whole read is left out.
            _ = DocumentLoader.settle(effects, into: &state, from: library)
            _ = Renderer.render(state)
            let elapsed = clock.now - start
            times.append(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        }
        return Result(nanoseconds: times)
    }
}
