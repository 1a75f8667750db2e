import ArticleKit
import ReaderCore
import Synchronization

/// Runs the reader on a backend: carries out the state's effects, draws, waits for a
/// key or a resize, and hands the answers of background work back as events, until the
/// state quits or `shouldStop` says the process is ending.
public struct EventLoop {
    /// Milliseconds to wait for a key while background work is out (its answer should
    /// show at once) and while none is.
    public static let busyPoll = 20
    public static let idlePoll = 250
    /// Keys and resizes already queued are taken up to this many at a time, then drawn once.
    public static let batch = 64
    /// Milliseconds between looks at the open article's file, to notice it changed on disk.
    public static let watchInterval = 1000

    /// Builds the whole collection behind the first article: with the files it had to skip, which the
    /// reader says once in the status line.
    public typealias Indexer = @Sendable () -> (ArticleLibrary, ChainBuilder.Result, skipped: [ArticleError])

    let backend: any Backend
    let worker: any Worker
    /// Builds the whole collection; needed when the state opens with `indexing`.
    let indexer: Indexer?
    /// Where `.persistPosition` goes (the state asks for it on leaving an article, and after a batch of
    /// keys moved the place while it records changes; the store debounces). Must return at once.
    let persist: (Position) -> Void
    /// Where `.record` goes. Must return at once.
    let record: (StateChange) -> Void
    /// Background jobs started with the first screen, their answers fed back (a journal).
    let jobs: [@Sendable () -> ReaderEvent]
    /// Asked before each turn: true ends the loop as quitting does (a signal came).
    let shouldStop: () -> Bool
    /// Called after each screen is drawn.
    let afterDraw: () -> Void
    /// The file's size and change time now, to compare with what was read (nil: gone).
    let stamp: (String) -> Document.FileStamp?
    /// Milliseconds since some fixed time, for pacing the file watch.
    let clock: () -> Int
    /// The folder's full-text index: updated behind the first screen, asked by `s` and the list.
    let search: SearchHooks?

    public init(
        backend: any Backend, worker: any Worker = DispatchWorker(), indexer: Indexer? = nil,
        persist: @escaping (Position) -> Void = { _ in }, shouldStop: @escaping () -> Bool = { false },
        afterDraw: @escaping () -> Void = {}, record: @escaping (StateChange) -> Void = { _ in },
        jobs: [@Sendable () -> ReaderEvent] = [],
        stamp: @escaping (String) -> Document.FileStamp? = FileStamps.read,
        clock: @escaping () -> Int = FileStamps.milliseconds, search: SearchHooks? = nil
    ) {
        self.search = search
        self.backend = backend
        self.worker = worker
        self.indexer = indexer
        self.persist = persist
        self.record = record
        self.jobs = jobs
        self.shouldStop = shouldStop
        self.afterDraw = afterDraw
        self.stamp = stamp
        self.clock = clock
    }

    /// Runs until the reader quits; returns its last state.
    @discardableResult
    public func run(_ opening: ReaderOpening) -> ReaderState {
        var session = Session(state: opening.state, library: opening.library, loop: self)
        if search != nil { session.handle(.searchIndexOpened) }
        session.perform(opening.effects)
        for job in jobs {
            session.outstanding += 1
            session.waitingJobs.append(job)
        }
        var dirty = true
        while !session.quitting {
            if shouldStop() {
                session.handle(.stop)
                break
            }
            for (event, finishesJob) in session.mailbox.takeAll() {
                if finishesJob { session.outstanding -= 1 }
                session.handle(event)
                dirty = true
            }
            if session.quitting { break }
            if dirty {
                backend.draw(Renderer.render(session.state))
                afterDraw()
            }
            // Background work starts once a screen is out, so the first one is drawn first.
            session.startBackgroundWork()
            let timeout = session.outstanding > 0 ? Self.busyPoll : Self.idlePoll
            guard let event = backend.nextEvent(timeout: timeout) else {
                dirty = session.watchFile()
                continue
            }
            session.handle(.input(event))
            // A storm of resizes or a held key: take what is already queued, then draw once.
            var taken = 0
            while !session.quitting, taken < Self.batch, let more = backend.nextEvent(timeout: 0) {
                session.handle(.input(more))
                taken += 1
            }
            // A moment to save the place, if the state wants it saved.
            if !session.quitting { session.handle(.keysTaken) }
            dirty = true
        }
        return session.state
    }
}

/// One run of the loop: the state, and the work it has asked for that is not done.
private struct Session {
    var state: ReaderState
    /// Where the articles are read from: its store and parser, with the state's collection.
    let library: ArticleLibrary
    let loop: EventLoop
    let mailbox = Mailbox()
    /// Which search count is still wanted; the others stop at their next chunk.
    let liveCount = LiveCount()
    /// Background jobs started whose answer has not been taken from the mailbox.
    var outstanding = 0
    /// Background work asked for since the last screen was drawn.
    var waiting: [Effect] = []
    var waitingJobs: [@Sendable () -> ReaderEvent] = []
    var quitting = false
    /// The newest collection search asked, by purpose.
    let latestAsk = LatestAsk()
    /// The file the state asked to be watched (`.watchFile`).
    var watched: Document.FileStamp?
    /// When the watched file was last looked at (`EventLoop.clock`).
    var lastWatch = Int.min / 2

    init(state: ReaderState, library: ArticleLibrary, loop: EventLoop) {
        self.state = state
        self.library = library
        self.loop = loop
    }

    mutating func handle(_ event: ReaderEvent) {
        perform(state.handle(event))
    }

    /// Reads articles at once (a first screen is quick to read), keeps background work
    /// for after the next draw, and passes positions on.
    mutating func perform(_ effects: [Effect]) {
        for effect in DocumentLoader.settle(effects, into: &state, from: library) {
            switch effect {
            case .load: continue  // settled above
            case .loadFull, .startIndexing, .searchCollection, .updateSearchIndex: waiting.append(effect)
            case .watchFile(let stamp): watched = stamp
            case .countMatches(let job):
                liveCount.set(job.id)
                waiting.append(effect)
            case .cancelCount(let id): liveCount.cancel(id)
            case .persistPosition(let position): loop.persist(position)
            case .record(let change): loop.record(change)
            case .quit: quitting = true
            case .repaint: loop.backend.repaint()
            case .suspend: loop.backend.suspend()
            case .edit(let path, let near):
                let line = EditorCommand.line(of: near, inFileAt: path)
                let editor = EditorCommand.editor()
                let command = EditorCommand.make(path: path, line: line, editor: editor)
                let status = loop.backend.runOutsideReporting(command)
                // An editor that could not run changed nothing: say so, rather than "Read again".
                if status != 126 && status != 127 && status != nil { handle(.reload) }
                if let problem = EditorCommand.problem(status, editor: editor) { handle(.notice(problem)) }
            }
        }
    }

    /// Reloads the article when the file the state watches changed on disk since it was read; true when
    /// it did.
    mutating func watchFile() -> Bool {
        let now = loop.clock()
        guard now - lastWatch >= EventLoop.watchInterval, let read = watched else { return false }
        lastWatch = now
        guard let current = loop.stamp(read.path), current != read else { return false }
        handle(.reload)
        return true
    }

    mutating func startBackgroundWork() {
        let mailbox = self.mailbox
        for job in waitingJobs { loop.worker.start { mailbox.post(job()) } }
        waitingJobs.removeAll()
        // The index update ahead of the work asked with it, as the first screen's work goes.
        let ordered = waiting.filter { $0 == .updateSearchIndex } + waiting.filter { $0 != .updateSearchIndex }
        for effect in ordered {
            switch effect {
            case .startIndexing:
                guard let indexer = loop.indexer else {
                    preconditionFailure("the reader opened while indexing, but the loop was given no indexer")
                }
                outstanding += 1
                loop.worker.start {
                    let (library, chains, skipped) = indexer()
                    if let notice = SkippedFiles.notice(skipped) { mailbox.post(.notice(notice), finishesJob: false) }
                    mailbox.post(.indexed(library.collection, chains))
                }
            case .searchCollection(let request):
                guard let search = loop.search else { continue }
                outstanding += 1
                let latest = self.latestAsk
                latest.note(request)
                loop.worker.start {
                    // Overtaken by a newer ask of the same kind (a key typed in the filter meanwhile): skipped.
                    guard latest.isLatest(request) else {
                        mailbox.post(.collectionResults(CollectionResults(generation: request.generation, hits: [])))
                        return
                    }
                    let answer: CollectionResults
                    switch search.find(request.query, request.limit, request.snippets) {
                    case .success(let hits):
                        answer = CollectionResults(
                            generation: request.generation, hits: hits, complete: request.indexComplete)
                    case .failure(let failure):
                        answer = CollectionResults(
                            generation: request.generation, hits: [], failure: failure.message,
                            complete: request.indexComplete)
                    }
                    mailbox.post(.collectionResults(answer))
                }
            case .updateSearchIndex:
                guard let search = loop.search else { continue }
                outstanding += 1
                loop.worker.start {
                    let outcome = search.update { done, total in
                        mailbox.post(.searchIndex(.building(done: done, total: total)), finishesJob: false)
                    }
                    switch outcome {
                    case .success(let notice):
                        if let notice { mailbox.post(.notice(notice), finishesJob: false) }
                        mailbox.post(.searchIndex(.ready))
                    case .failure(let failure):
                        mailbox.post(.notice(failure.message), finishesJob: false)
                        mailbox.post(.searchIndex(.unavailable(failure.message)))
                    }
                }
            case .loadFull(let request):
                outstanding += 1
                let library = DocumentLoader.library(state.collection, like: self.library)
                loop.worker.start { mailbox.post(.loaded(DocumentLoader.load(request, whole: true, from: library))) }
            case .countMatches(let job):
                outstanding += 1
                let live = liveCount
                loop.worker.start {
                    SearchCount.run(job, cancelled: { !live.wants(job.id) }) {
                        mailbox.post(.searchCounted($0), finishesJob: $0.final)
                    }
                }
            default:
                continue
            }
        }
        waiting.removeAll()
    }
}

/// The newest collection search asked for each purpose, read by the worker before it runs one.
final class LatestAsk: Sendable {
    private let newest = Mutex<[CollectionSearchRequest.Purpose: Int]>([:])

    func note(_ request: CollectionSearchRequest) {
        newest.withLock { $0[request.purpose] = max($0[request.purpose] ?? 0, request.generation) }
    }

    func isLatest(_ request: CollectionSearchRequest) -> Bool {
        newest.withLock { ($0[request.purpose] ?? 0) <= request.generation }
    }
}

/// Answers of background work, waiting for the loop to take them, in the order they came.
final class Mailbox: Sendable {
    private let events = Mutex<[(ReaderEvent, Bool)]>([])

    /// `finishesJob`: the answer that ends a background job (progress along the way does not).
    func post(_ event: ReaderEvent, finishesJob: Bool = true) {
        events.withLock { $0.append((event, finishesJob)) }
    }

    func takeAll() -> [(ReaderEvent, Bool)] {
        events.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}

/// The id of the one search count the reader still wants (none: -1), shared with the counts running.
final class LiveCount: Sendable {
    private let id = Mutex(-1)

    func set(_ new: Int) { id.withLock { $0 = new } }
    func cancel(_ old: Int) { id.withLock { if $0 == old { $0 = -1 } } }
    func wants(_ job: Int) -> Bool { id.withLock { $0 == job } }
}
