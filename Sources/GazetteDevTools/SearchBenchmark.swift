import ArticleKit
import Dispatch
import ReaderCore
import ReaderLoop
import Synchronization

/// Times `/` on one article read whole, the way the run loop carries it out: how long until the first
/// match is on screen (the part searched at once, and a render), how long until every match is
/// counted behind the screen, and what keys cost meanwhile (`j` pressed and the screen drawn again,
/// while the count runs on another thread). Used by `gazette-dev bench-search`.
enum SearchBenchmark {
    struct Result: Sendable {
        var firstMatchNanoseconds: Int64
        var countedNanoseconds: Int64
        var matches: Int
        /// Each key handled while the count ran (at least one: one is pressed before the count starts).
        var keyNanoseconds: [Int64]
        var status: String
    }

    static func run(
        library: ArticleLibrary, entry: Int, query: String, width: Int = 100, height: Int = 30
    ) -> Result {
        let request = LoadRequest(
            article: library.collection.entries[entry].id, width: width, height: height, indexing: false)
        var (state, opening) = ReaderState.open(
            collection: library.collection, at: request.article, width: width, height: height)
        _ = DocumentLoader.settle(opening, into: &state, from: library)
        // The whole article, as the reader has it once the background read is in.
        _ = state.handle(.loaded(DocumentLoader.load(request, whole: true, from: library)))
        let clock = ContinuousClock()
        func nanoseconds(since start: ContinuousClock.Instant) -> Int64 {
            let d = clock.now - start
            return d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000
        }
        let start = clock.now
        var effects: [Effect] = []
        for key in [Key.character("/")] + query.map(Key.character) + [.enter] {
            effects += state.handle(.key(key))
        }
        _ = Renderer.render(state)
        let first = nanoseconds(since: start)

        let mailbox = Channel()
        var outstanding = 0
        for case .countMatches(let job) in effects {
            outstanding += 1
            DispatchQueue.global(qos: .userInitiated).async {
                SearchCount.run(job, cancelled: { false }) { mailbox.post($0) }
            }
        }
        var keys: [Int64] = []
        var down = true
        repeat {
            // A key the way the loop takes one, then the answers that came meanwhile.
            let pressed = clock.now
            if state.top >= state.maxTop { down = false } else if state.top == 0 { down = true }
            _ = state.handle(.key(.character(down ? "j" : "k")))
            _ = Renderer.render(state)
            keys.append(nanoseconds(since: pressed))
            for chunk in mailbox.takeAll() {
                if chunk.final { outstanding -= 1 }
                _ = state.handle(.searchCounted(chunk))
            }
        } while outstanding > 0
        let counted = nanoseconds(since: start)
        let screen = Renderer.render(state)
        return Result(
            firstMatchNanoseconds: first, countedNanoseconds: counted, matches: state.search?.matches.count ?? 0,
            keyNanoseconds: keys, status: screen.text(row: screen.height - 1))
    }
}

/// Chunks from the count thread, taken by the benchmark's loop.
private final class Channel: Sendable {
    private let chunks = Mutex<[SearchChunk]>([])

    func post(_ chunk: SearchChunk) { chunks.withLock { $0.append(chunk) } }

    func takeAll() -> [SearchChunk] {
        chunks.withLock { chunks in
            defer { chunks.removeAll() }
            return chunks
        }
    }
}
