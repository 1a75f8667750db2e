import ArticleKit

/// Times what one press of `n` costs in the core: resolve the link, read and parse
/// the next article, lay it out and render the screen. At a chain's end it moves
/// to the next chain's head, the same work. Used by `gazette bench-next`.
public enum FollowBenchmark {
    public struct Result: Sendable {
        public var nanoseconds: [Int64]
        public var median: Int64 { sorted[sorted.count / 2] }
        public var worst: Int64 { sorted.last ?? 0 }
        public var p99: Int64 { sorted[min(sorted.count - 1, sorted.count * 99 / 100)] }
        var sorted: [Int64] { nanoseconds.sorted() }
    }

    public static func run(library: ArticleLibrary, chains: ChainBuilder.Result, presses: Int, width: Int = 100, height: Int = 30) -> Result {
        let heads = chains.chains.map { $0.entries[0] }
        var state = ReaderState(library: library, start: heads.first ?? 0, width: width, height: height, chains: chains)
        var nextHead = 1
        var times: [Int64] = []
        times.reserveCapacity(presses)
        let clock = ContinuousClock()
        for _ in 0..<max(1, presses) {
            let start = clock.now
            if library.collection.link(state.document.entry, .next)?.target != nil {
                state.handle(.key(.character("n")))
            } else {
                state.open(heads[nextHead % max(1, heads.count)])
                nextHead += 1
            }
            _ = Renderer.render(state)
            let elapsed = clock.now - start
            times.append(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        }
        return Result(nanoseconds: times)
    }
}
