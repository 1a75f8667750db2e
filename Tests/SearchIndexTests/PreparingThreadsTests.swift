import Foundation
import Synchronization
import XCTest

@testable import SearchIndex

#if canImport(Glibc)
    import Glibc
#endif

/// The preparers' threads: every share run once, at a lower priority than the thread that asked,
/// which keeps its own.
final class PreparingThreadsTests: XCTestCase {
    func testEveryIterationRunsOnceAcrossManyRounds() {
        let threads = PreparingThreads(count: 3)
        for round in [1, 2, 7, 64, 300] {
            let runs = Mutex([Int](repeating: 0, count: round))
            threads.perform(iterations: round) { k in runs.withLock { $0[k] += 1 } }
            XCTAssertEqual(runs.withLock { $0 }, [Int](repeating: 1, count: round), "round of \(round)")
        }
        threads.perform(iterations: 0) { _ in XCTFail("nothing to run") }
        threads.stop()
        threads.stop()
    }

    #if os(Linux)
        func testThePreparersRunLowerThanTheCallerWhoseOwnPriorityStays() {
            let mine = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            let threads = PreparingThreads(count: 2)
            let seen = Mutex([Int32]())
            threads.perform(iterations: 8) { _ in
                let theirs = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
                seen.withLock { $0.append(theirs) }
            }
            threads.stop()
            let expected = min(19, mine + PreparingThreads.niceness)
            XCTAssertEqual(seen.withLock { $0 }, [Int32](repeating: expected, count: 8))
            XCTAssertEqual(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0), mine)
        }
    #endif
}
