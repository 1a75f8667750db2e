import ArticleKit
import Dispatch
import ReaderCore
import ReaderLoop
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Set from a signal source when SIGTERM or SIGHUP arrives, read by the event loop.
private let stopRequested = Atomic<Bool>(false)

/// The full-screen reader on the real terminal: `EventLoop` on ncurses.
public enum ReaderApp {
    /// `indexer`, when given, builds the whole collection in the background while
    /// `library` (just the first article) is already on screen. `afterDraw` runs after each screen
    /// is drawn: `gazette-dev crash` crashes there, to test that the terminal is still restored.
    public static func run(
        library: ArticleLibrary, start: ArticleID, chains: ChainBuilder.Result? = nil,
        indexer: EventLoop.Indexer? = nil, state hooks: StateHooks = .none(notice: nil),
        mouse: Bool = true, shortlist: [ArticleID]? = nil, search: SearchHooks? = nil,
        options: ReaderOptions = .standard, theme: Theme = .standard, notice: String? = nil,
        afterDraw: @escaping () -> Void = {}
    ) throws {
        // Every way out of the loop (q, a signal, an error thrown) writes the state that waits.
        defer { hooks.flush() }
        let terminal = try CursesTerminal(mouse: mouse, theme: theme)
        defer { terminal.close() }
        let signals = watchTerminationSignals()
        defer { signals.forEach { $0.cancel() } }
        let loop = hooks.loop(
            backend: terminal, indexer: indexer,
            shouldStop: { stopRequested.load(ordering: .relaxed) },
            afterDraw: afterDraw, search: search)
        let size = terminal.size
        var opening = hooks.prepare(
            ReaderState.open(
                library: library, at: start, width: size.width, height: size.height, options: options,
                chains: chains, indexing: indexer != nil, resume: hooks.resume, shortlist: shortlist))
        // A config file's problem is said on the first screen too (all of them on stderr after).
        if let notice { opening.state.announce(notice) }
        loop.run(opening)
    }

    /// SIGTERM and SIGHUP end the loop so the terminal is restored on the way out.
    static func watchTerminationSignals() -> [DispatchSourceSignal] {
        [SIGTERM, SIGHUP].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { stopRequested.store(true, ordering: .relaxed) }
            source.resume()
            return source
        }
    }
}

extension CursesTerminal: Backend {
    public func nextEvent(timeout: Int) -> InputEvent? {
        nextEvent(timeout: Int32(clamping: timeout))
    }
}
