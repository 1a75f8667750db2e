import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The threads that read and prepare files while the index's one writer inserts, at a lower
/// priority than the writer. The writer is the pipeline's one serial stage: with the preparers at
/// the same priority, three busy threads on two cores left the writer two thirds of a core, the
/// preparers ran ahead until both batch slots were full, then waited while a core stood idle (a
/// sixth of a first index at 200,000 files). Lowered, they take what the writer leaves, and all of
/// both cores when it waits: the first index at 200,000 took 38–40 s instead of 44–47 s
/// (docs/PERFORMANCE.md). Our own threads, not the shared dispatch pool's, so the lowered priority
/// never reaches other work; they end with the update.
final class PreparingThreads: Sendable {
    /// How much lower than the writer the preparers run (a nice value's steps; 19 at most).
    static let niceness: Int32 = 10

    private struct Queue: ~Copyable {
        var jobs: [@Sendable () -> Void] = []
        var next = 0
        var stopping = false
    }

    private let queue = Mutex(Queue())
    /// Counts the jobs waiting; a thread with nothing to do sleeps on it.
    private let waiting = DispatchSemaphore(value: 0)
    let count: Int
    private let ended = DispatchGroup()

    /// Starts `count` threads (at least one).
    init(count: Int) {
        self.count = max(1, count)
        for _ in 0..<self.count {
            ended.enter()
            let thread = Thread { [self] in
                PreparingThreads.lowerPriority()
                while let job = take() { job() }
                ended.leave()
            }
            // The parsers keep nothing big on the stack; the default of a dispatch thread is plenty.
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    deinit { stop() }

    /// Runs `body(0)` … `body(iterations - 1)` on these threads and returns when every one has.
    func perform(iterations: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard iterations > 0 else { return }
        let done = DispatchGroup()
        queue.withLock { q in
            for k in 0..<iterations {
                done.enter()
                q.jobs.append {
                    body(k)
                    done.leave()
                }
            }
        }
        for _ in 0..<iterations { waiting.signal() }
        done.wait()
    }

    /// Lets every thread end once the jobs given are done, and waits for them.
    func stop() {
        let first = queue.withLock { q -> Bool in
            defer { q.stopping = true }
            return !q.stopping
        }
        guard first else { return }
        for _ in 0..<count { waiting.signal() }
        ended.wait()
    }

    private func take() -> (@Sendable () -> Void)? {
        while true {
            waiting.wait()
            let job = queue.withLock { q -> (@Sendable () -> Void)?? in
                if q.next < q.jobs.count {
                    let job = q.jobs[q.next]
                    q.next += 1
                    if q.next == q.jobs.count {
                        q.jobs.removeAll(keepingCapacity: true)
                        q.next = 0
                    }
                    return .some(job)
                }
                return q.stopping ? .some(nil) : nil
            }
            if let job { return job }
        }
    }

    /// The calling thread's nice value raised by `niceness` (on Linux a thread's own: the writer
    /// and the reader keep theirs). Raising it needs no privilege; it cannot be lowered again,
    /// which is why these threads are our own.
    private static func lowerPriority() {
        #if os(Linux)
            errno = 0
            let current = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            guard errno == 0 else { return }
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, min(19, current + niceness))
        #endif
    }
}
