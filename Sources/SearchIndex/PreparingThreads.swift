import Foundation

/// The threads that read and prepare files while the index's one writer inserts, one fewer of
/// them at work while the writer is. The writer is the pipeline's one serial stage: with a
/// preparer on every core beside it, three busy threads on two cores left the writer two thirds
/// of a core, the preparers ran ahead until both batch slots were full, then waited while a core
/// stood idle (a sixth of a first index at 200,000 files). Held back by one while the writer
/// works, they leave it a core and take every core when it waits: the first index at 200,000
/// took 38–40 s instead of 44–47 s (docs/PERFORMANCE.md). A priority would do the same on an idle
/// machine, but on a busy one it gives the preparers' share to everything else.
final class PreparingThreads: @unchecked Sendable {
    let count: Int
    /// Guards every field below; threads wait on it for a job or for the writer to pause.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var next = 0
    private var working = 0
    /// Batches handed to the writer and not yet written: while there is one, it has work.
    private var queued = 0
    private var stopping = false
    private let ended = DispatchGroup()

    /// Starts `count` threads (at least one).
    init(count: Int) {
        self.count = max(1, count)
        for _ in 0..<self.count {
            ended.enter()
            let thread = Thread { [self] in
                while let job = take() {
                    job()
                    condition.lock()
                    working -= 1
                    condition.broadcast()
                    condition.unlock()
                }
                ended.leave()
            }
            thread.name = "gazette.index.prepare"
            // As a main thread's: the HTML reader recurses over a page's nesting (to a bound).
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    deinit { stop() }

    /// How many threads may prepare at once: all of them, one fewer while the writer writes.
    var allowed: Int {
        condition.lock()
        defer { condition.unlock() }
        return allowedNow
    }

    private var allowedNow: Int { queued > 0 && count > 1 ? count - 1 : count }

    /// Said as a batch is handed to the writer (true) and by the writer once it is written (false):
    /// counted, not a flag, so that the preparers stay held back between batches the writer has
    /// waiting (a flag let both take a share each time the writer moved to its next batch).
    func writerIs(writing: Bool) {
        condition.lock()
        queued += writing ? 1 : -1
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `body(0)` … `body(iterations - 1)` on these threads and returns when every one has.
    func perform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard iterations > 0 else { return }
        let done = DispatchGroup()
        condition.lock()
        for k in 0..<iterations {
            done.enter()
            jobs.append {
                body(k)
                done.leave()
            }
        }
        condition.broadcast()
        condition.unlock()
        done.wait()
    }

    /// Lets every thread end once the jobs given are done, and waits for them.
    func stop() {
        condition.lock()
        let first = !stopping
        stopping = true
        condition.broadcast()
        condition.unlock()
        if first { ended.wait() }
    }

    /// The next job, once there is one and this thread may work; nil when stopping with none left.
    private func take() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if next < jobs.count && working < allowedNow {
                let job = jobs[next]
                next += 1
                if next == jobs.count {
                    jobs.removeAll(keepingCapacity: true)
                    next = 0
                }
                working += 1
                return job
            }
            if stopping && next >= jobs.count { return nil }
            condition.wait()
        }
    }
}
