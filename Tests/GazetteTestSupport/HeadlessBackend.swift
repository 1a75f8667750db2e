import ReaderCore
import ReaderLoop
import Synchronization

/// A terminal for tests: replays a script of keys, resizes, pauses and signals, and
/// records every screen drawn and every wait the loop asked for.
public final class HeadlessBackend: Backend {
    public enum Step {
        case input(InputEvent)
        /// Nothing queued: one wait times out (ending a burst of queued events).
        case pause
        /// Background work done now: the worker runs what it holds, then the wait times out.
        case finishWork
        /// SIGTERM: the loop's `shouldStop` turns true.
        case signal
        /// Something done to the world meanwhile (a file changed on disk); the wait times out.
        case meanwhile(() -> Void)

        public static func press(_ c: Character) -> Step { .input(.key(.character(c))) }
    }

    public private(set) var size: (width: Int, height: Int)
    public private(set) var steps: [Step]
    public private(set) var screens: [Screen] = []
    /// Milliseconds of each wait the loop asked for, in order.
    public private(set) var timeouts: [Int] = []
    /// How many jobs the worker had started when each screen was drawn.
    public private(set) var jobsAtDraw: [Int] = []
    public private(set) var stopRequested = false
    public private(set) var requests: [Request] = []
    /// The script ran out before the loop ended: a test that meant to quit did not.
    public private(set) var ranOut = false
    public let worker: ManualWorker

    public init(width: Int, height: Int, worker: ManualWorker, steps: [Step]) {
        size = (width, height)
        self.worker = worker
        self.steps = steps
    }

    public func draw(_ screen: Screen) {
        screens.append(screen)
        jobsAtDraw.append(worker.started)
    }

    public func repaint() { requests.append(.repaint) }
    public func suspend() { requests.append(.suspend) }
    public func runOutside(_ command: [String]) { requests.append(.run(command)) }
    /// How a command run outside ends (`runOutsideReporting`): 0, an exit status, nil for not started.
    public var outsideStatus: Int32? = 0
    public func runOutsideReporting(_ command: [String]) -> Int32? {
        requests.append(.run(command))
        return outsideStatus
    }

    public func nextEvent(timeout: Int) -> InputEvent? {
        timeouts.append(timeout)
        guard !steps.isEmpty else {
            ranOut = true
            stopRequested = true
            return nil
        }
        switch steps.removeFirst() {
        case .input(let event):
            if case .resize(let w, let h) = event { size = (w, h) }
            return event
        case .pause: return nil
        case .finishWork: worker.finish()
        case .signal: stopRequested = true
        case .meanwhile(let action): action()
        }
        return nil
    }
}

/// Holds background jobs until the script says they are done.
public final class ManualWorker: Worker {
    public init() {}

    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let count = Atomic<Int>(0)

    /// Jobs started so far, done or not.
    public var started: Int { count.load(ordering: .relaxed) }

    public func start(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        count.add(1, ordering: .relaxed)
    }

    public func finish() {
        let held = jobs.withLock { jobs in
            defer { jobs.removeAll() }
            return jobs
        }
        for job in held { job() }
    }
}

/// Runs the loop on a script; `persisted` is every position it passed on.
public struct LoopRun {
    public let backend: HeadlessBackend
    public let final: ReaderState
    public let persisted: [Position]

    public init(
        _ opening: ReaderOpening, indexer: EventLoop.Indexer? = nil,
        search: SearchHooks? = nil, _ steps: [HeadlessBackend.Step]
    ) {
        let worker = ManualWorker()
        let backend = HeadlessBackend(
            width: opening.state.geometry.width, height: opening.state.geometry.height,
            worker: worker, steps: steps)
        var persisted: [Position] = []
        final = EventLoop(
            backend: backend, worker: worker, indexer: indexer, persist: { persisted.append($0) },
            shouldStop: { backend.stopRequested }, search: search
        ).run(opening)
        self.backend = backend
        self.persisted = persisted
    }
}

extension HeadlessBackend {
    /// What the loop asked of the terminal beyond drawing, in order.
    public enum Request: Equatable {
        case repaint, suspend
        case run([String])
    }
}
