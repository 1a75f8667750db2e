#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import ArticleKit
import ReaderCore

/// Set from a signal source when SIGTERM or SIGHUP arrives, read by the event loop.
private let stopRequested = Atomic<Bool>(false)

/// What background work hands to the event loop: the folder's index, and whole
/// big articles whose start is already on screen.
private final class Mailbox: Sendable {
    let index = Mutex<(ArticleLibrary, ChainBuilder.Result)?>(nil)
    let document = Mutex<Document?>(nil)
    func put(_ value: (ArticleLibrary, ChainBuilder.Result)) { index.withLock { $0 = value } }
    func put(_ value: Document) { document.withLock { $0 = value } }
    func takeIndex() -> (ArticleLibrary, ChainBuilder.Result)? { index.withLock { v in defer { v = nil }; return v } }
    func takeDocument() -> Document? { document.withLock { v in defer { v = nil }; return v } }
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

        let mailbox = Mailbox()
        var indexerStarted = false
        var requestedDocument: String? = nil
        let size = terminal.size
        var state = ReaderState(library: library, start: start, width: size.width, height: size.height,
                                chains: chains, indexing: indexer != nil)
        var dirty = true
        while !state.wantsQuit && !stopRequested.load(ordering: .relaxed) {
            if state.indexing, let (full, fullChains) = mailbox.takeIndex() {
                state.install(library: full, chains: fullChains)
                dirty = true
            }
            if let document = mailbox.takeDocument() {
                // Installed if it is still the article on screen; either way the next
                // incomplete article may be asked for again (the reader may have left and
                // come back while this one was read).
                state.installDocument(document)
                requestedDocument = nil
                dirty = true
            }
            if dirty { terminal.draw(Renderer.render(state)) }
            // For the end-to-end test of the crash path: a fatal error in the core must
            // still leave the terminal restored, with the message after it.
            if getenv("GAZETTE_TEST_CRASH") != nil { fatalError("crash requested by GAZETTE_TEST_CRASH") }
            // Index only after the first screen is out, so the two cores draw it first.
            if let indexer, !indexerStarted {
                indexerStarted = true
                DispatchQueue.global(qos: .userInitiated).async { mailbox.put(indexer()) }
            }
            // A big article shows its start; read the whole of it behind the screen.
            if let entry = state.incompleteEntry, requestedDocument != state.document.article.source {
                requestedDocument = state.document.article.source
                let library = state.library, width = state.geometry.columnWidth, indexing = state.indexing
                DispatchQueue.global(qos: .userInitiated).async {
                    mailbox.put(ReaderState.fullDocument(library: library, entry: entry, width: width, indexing: indexing))
                }
            }
            // Poll quickly while the index is on its way, slowly once it is in.
            let waiting = state.indexing || state.incompleteEntry != nil
            guard let event = terminal.nextEvent(timeout: waiting ? 20 : 250) else { dirty = false; continue }
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
