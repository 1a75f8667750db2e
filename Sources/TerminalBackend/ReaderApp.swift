#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import ArticleKit
import ReaderCore

/// Set from a signal source when SIGTERM or SIGHUP arrives, read by the event loop.
private let stopRequested = Atomic<Bool>(false)

/// The whole folder's index, handed from the background indexer to the event loop.
private final class IndexMailbox: Sendable {
    let slot = Mutex<(ArticleLibrary, ChainBuilder.Result)?>(nil)
    func put(_ value: (ArticleLibrary, ChainBuilder.Result)) { slot.withLock { $0 = value } }
    func take() -> (ArticleLibrary, ChainBuilder.Result)? { slot.withLock { v in defer { v = nil }; return v } }
}

/// Runs the full-screen reader: draw, wait for an event, update the state, repeat.
public enum ReaderApp {
    /// `indexer`, when given, builds the whole collection in the background while
    /// `library` (just the first article) is already on screen.
    public static func run(library: ArticleLibrary, start: Int, chains: ChainBuilder.Result? = nil,
                           indexer: (@Sendable () -> (ArticleLibrary, ChainBuilder.Result))? = nil) throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        let signals = watchTerminationSignals()
        defer { signals.forEach { $0.cancel() } }

        let mailbox = IndexMailbox()
        var indexerStarted = false
        let size = terminal.size
        var state = ReaderState(library: library, start: start, width: size.width, height: size.height,
                                chains: chains, indexing: indexer != nil)
        var dirty = true
        while !state.wantsQuit && !stopRequested.load(ordering: .relaxed) {
            if state.indexing, let (full, fullChains) = mailbox.take() {
                state.install(library: full, chains: fullChains)
                dirty = true
            }
            if dirty { terminal.draw(Renderer.render(state)) }
            // Index only after the first screen is out, so the two cores draw it first.
            if let indexer, !indexerStarted {
                indexerStarted = true
                DispatchQueue.global(qos: .userInitiated).async { mailbox.put(indexer()) }
            }
            // Poll quickly while the index is on its way, slowly once it is in.
            guard let event = terminal.nextEvent(timeout: state.indexing ? 20 : 250) else { dirty = false; continue }
            state.handle(event)
            // A storm of resizes or a held key: apply what is already queued, then draw once.
            var pending = 0
            while pending < 64, let more = terminal.nextEvent(timeout: 0) {
                state.handle(more)
                pending += 1
                if state.wantsQuit { break }
            }
            dirty = true
        }
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
