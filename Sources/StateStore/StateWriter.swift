import ArticleKit
import Dispatch
import Foundation
import ReaderCore
import Synchronization

/// Carries the reader's state changes to the database off the key-handling path: every
/// call returns at once, the writes happen in order on one serial queue. Positions are
/// debounced (the newest per article is written at most `debounce` after it was made:
/// under a second, with the write, so a crash loses at most the last second), and `flush`
/// writes what waits, on every way out.
public final class StateWriter: Sendable {
    public let database: StateDatabase
    /// The folder (or set of paths) this sitting opened: what its history is kept under.
    public let scope: String
    public let debounce: TimeInterval
    let queue = DispatchQueue(label: "gazette.state-writer", qos: .utility)
    /// The newest position of each article not written yet, with when it was made.
    let pending = Mutex<(positions: [ArticleID: (Position, Double)], scheduled: Bool)>(([:], false))
    /// Fingerprints already computed, by path: touched only on `queue`.
    nonisolated(unsafe) var fingerprints: [String: String?] = [:]
    let failure = Mutex<String?>(nil)
    let clock: @Sendable () -> Double
    let scheduler: Scheduler

    /// When a debounced write runs: `after(delay, queue, job)` runs `job` on `queue` once `delay` has
    /// passed. The real one asks Dispatch; a test holds the job and runs it when it chooses, so no test
    /// waits on the clock.
    public struct Scheduler: Sendable {
        public var after:
            @Sendable (_ delay: TimeInterval, _ queue: DispatchQueue, _ job: @escaping @Sendable () -> Void) -> Void

        public init(
            after: @escaping @Sendable (TimeInterval, DispatchQueue, @escaping @Sendable () -> Void) -> Void
        ) {
            self.after = after
        }

        public static let dispatch = Scheduler { delay, queue, job in
            queue.asyncAfter(deadline: .now() + delay, execute: job)
        }
    }

    public init(
        database: StateDatabase, scope: String, debounce: TimeInterval = 0.75,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
        scheduler: Scheduler = .dispatch
    ) {
        self.database = database
        self.scope = scope
        self.debounce = debounce
        self.clock = clock
        self.scheduler = scheduler
    }

    /// The first write that failed, if any, said as a person can act on it.
    public var problem: String? { failure.withLock { $0 } }

    /// Keeps `position` as its article's newest place; written within `debounce`.
    public func save(_ position: Position) {
        guard position.place != nil else { return }  // headed to an article's start: nothing learnt
        let now = clock()
        let schedule = pending.withLock { state -> Bool in
            state.positions[position.article] = (position, now)
            defer { state.scheduled = true }
            return !state.scheduled
        }
        if schedule {
            scheduler.after(debounce, queue) { [self] in writePositions() }
        }
    }

    public func record(_ change: StateChange) {
        let now = clock()
        queue.async { [self] in write(change, at: now) }
    }

    /// Writes everything that waits, and returns once it is written.
    public func flush() {
        queue.sync { writePositions() }
    }

    func writePositions() {
        let due = pending.withLock { state in
            defer { state.positions.removeAll(); state.scheduled = false }
            return state.positions
        }
        for (article, (position, time)) in due.sorted(by: { $0.key < $1.key }) {
            guard let place = position.place else { continue }
            attempt { try database.savePosition(key(article), place: place, progress: position.progress, at: time) }
        }
    }

    func write(_ change: StateChange, at time: Double) {
        switch change {
        case .read(let articles, let read):
            attempt { try database.setRead(articles.map(key), read: read, at: time) }
        case .mark(let mark):
            guard let place = mark.position.place else { return }
            attempt {
                try database.setMark(
                    key(mark.position.article), letter: mark.letter, place: place, title: mark.title,
                    at: time)
            }
        case .opened(let article, let title):
            attempt { try database.opened(key(article), title: title, at: time) }
        case .history(let back, let forward):
            func kept(_ list: [Position]) -> [(ArticleKey, TextPlace)] {
                list.map { p in
                    (key(p.article), p.place ?? TextPlace(block: p.block, offset: 0, heading: nil, snippet: ""))
                }
            }
            attempt { try database.saveHistory(scope: scope, back: kept(back), forward: kept(forward)) }
        }
    }

    /// The article's path and fingerprint (read from the file once per sitting).
    func key(_ article: ArticleID) -> ArticleKey {
        let path = article.key
        if let known = fingerprints[path] { return ArticleKey(path: path, fingerprint: known) }
        let fingerprint = Fingerprint.ofFile(path)
        fingerprints[path] = fingerprint
        return ArticleKey(path: path, fingerprint: fingerprint)
    }

    func attempt(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            let reason = StateDatabase.reason(error)
            failure.withLock { first in
                if first == nil {
                    first = "reading state could not be saved to \(database.location.database): \(reason)"
                }
            }
        }
    }
}
