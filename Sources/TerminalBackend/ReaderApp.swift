#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Synchronization
import ArticleKit
import ReaderCore

/// Set from a signal source when SIGTERM or SIGHUP arrives, read by the event loop.
private let stopRequested = Atomic<Bool>(false)

/// Runs the full-screen reader: draw, wait for an event, update the state, repeat.
public enum ReaderApp {
    public static func run(library: ArticleLibrary, start: Int, chains: ChainBuilder.Result? = nil) throws {
        let terminal = try CursesTerminal()
        defer { terminal.close() }
        let signals = watchTerminationSignals()
        defer { signals.forEach { $0.cancel() } }

        let size = terminal.size
        var state = ReaderState(library: library, start: start, width: size.width, height: size.height, chains: chains)
        var dirty = true
        while !state.wantsQuit && !stopRequested.load(ordering: .relaxed) {
            if dirty { terminal.draw(Renderer.render(state)) }
            guard let event = terminal.nextEvent(timeout: 250) else { dirty = false; continue }
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
