import ReaderLoop
import Synchronization

@testable import ReaderCore

/// A terminal for tests: replays a script of keys, resizes, pauses and signals, and
/// records every screen drawn and every wait the loop asked for.
final class HeadlessBackend: Backend {
    enum Step {
        case input(InputEvent)
        /// Nothing queued: one wait times out (ending a burst of queued events).
        case pause
        /// Background work done now: the worker runs what it holds, then the wait times out.
        case finishWork
        /// SIGTERM: the loop's `shouldStop` turns true.
        case signal
        /// Something done to the world meanwhile (a file changed on disk); the wait times out.
        case meanwhile(() -> Void)

        static func press(_ c: Character) -> Step { .input(.key(.character(c))) }
    }

    private(set) var size: (width: Int, height: Int)
    private(set) var steps: [Step]
    private(set) var screens: [Screen] = []
    /// Milliseconds of each wait the loop asked for, in order.
    private(set) var timeouts: [Int] = []
    /// How many jobs the worker had started when each screen was drawn.
    private(set) var jobsAtDraw: [Int] = []
    private(set) var stopRequested = false
    private(set) var requests: [Request] = []
    /// The script ran out before the loop ended: a test that meant to quit did not.
    private(set) var ranOut = false
    let worker: ManualWorker

    init(width: Int, height: Int, worker: ManualWorker, steps: [Step]) {
        size = (width, height)
        self.worker = worker
        self.steps = steps
    }

    func draw(_ screen: Screen) {
        screens.append(screen)
        jobsAtDraw.append(worker.started)
    }

    func repaint() { requests.append(.repaint) }
    func suspend() { requests.append(.suspend) }
    func runOutside(_ command: [String]) { requests.append(.run(command)) }
    /// How a command run outside ends (`runOutsideReporting`): 0, an exit status, nil for not started.
    var outsideStatus: Int32? = 0
    func runOutsideReporting(_ command: [String]) -> Int32? {
        requests.append(.run(command))
        return outsideStatus
    }

    func nextEvent(timeout: Int) -> InputEvent? {
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
final class ManualWorker: Worker {
    private let jobs = Mutex<[@Sendable () -> Void]>([])
    private let count = Atomic<Int>(0)

    /// Jobs started so far, done or not.
    var started: Int { count.load(ordering: .relaxed) }

    func start(_ job: @escaping @Sendable () -> Void) {
        jobs.withLock { $0.append(job) }
        count.add(1, ordering: .relaxed)
    }

    func finish() {
        let held = jobs.withLock { jobs in
            defer { jobs.removeAll() }
            return jobs
        }
        for job in held { job() }
    }
}

/// Runs the loop on a script; `persisted` is every position it passed on.
struct LoopRun {
    let backend: HeadlessBackend
    let final: ReaderState
    let persisted: [Position]

    init(
        _ opening: (state: ReaderState, effects: [Effect]), indexer: EventLoop.Indexer? = nil,
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
    enum Request: Equatable {
        case repaint, suspend
        case run([String])
    }
}
