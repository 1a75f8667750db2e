import ArticleKit
import Foundation
import GazetteTestSupport
import Synchronization
import XCTest

@testable import SearchIndex

/// The preparers' threads: every share run once; one fewer at work while the writer writes.
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

    func testOneFewerWorksWhileTheWriterWrites() {
        let threads = PreparingThreads(count: 2)
        defer { threads.stop() }
        XCTAssertEqual(threads.allowed, 2)
        threads.writerIs(writing: true)
        XCTAssertEqual(threads.allowed, 1)
        // Shares that overlap if they can: never two at once while the writer writes.
        let running = Mutex((now: 0, most: 0))
        threads.perform(iterations: 40) { _ in
            running.withLock {
                $0.now += 1; $0.most = max($0.most, $0.now)
            }
            var x = 0
            for i in 0..<200_000 { x &+= i &* i }
            XCTAssertNotEqual(x, 1)
            running.withLock { $0.now -= 1 }
        }
        XCTAssertEqual(running.withLock { $0.most }, 1)
        // A second batch handed over while the first is written: held back until both are written.
        threads.writerIs(writing: true)
        threads.writerIs(writing: false)
        XCTAssertEqual(threads.allowed, 1)
        threads.writerIs(writing: false)
        XCTAssertEqual(threads.allowed, 2)
        // And both at once when it waits: each of two shares waits for the other to start.
        let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        let met = Mutex(0)
        threads.perform(iterations: 2) { k in
            started[k].signal()
            // Only a failure waits out the time: the other share never started.
            if started[1 - k].wait(timeout: .now() + 30) == .success { met.withLock { $0 += 1 } }
        }
        XCTAssertEqual(met.withLock { $0 }, 2)
    }

    func testASingleThreadStillWorksWhileTheWriterWrites() {
        let threads = PreparingThreads(count: 1)
        defer { threads.stop() }
        threads.writerIs(writing: true)
        let runs = Mutex(0)
        threads.perform(iterations: 5) { _ in runs.withLock { $0 += 1 } }
        XCTAssertEqual(runs.withLock { $0 }, 5)
    }

    /// A page nested as deep as the HTML reader goes, prepared on these threads (their stack is a
    /// main thread's, not a dispatch thread's).
    func testAPageNestedToTheReadersBoundIsPreparedOnTheThreads() throws {
        let folder = try temporaryFolder()
        let depth = 2_000
        let page =
            "<html><head><title>Deep</title></head><body>" + String(repeating: "<div>", count: depth)
            + "<p>At the bottom of the page.</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        var batch: [(path: String, stat: FileStamp)] = []
        for n in 0..<80 {
            let name = "p\(n).html"
            folder.write(name, Array(page.utf8))
            batch.append((folder.path(name), FileStamp(size: Int64(page.utf8.count), mtime: 0, inode: 0)))
        }
        let threads = PreparingThreads(count: 2)
        defer { threads.stop() }
        let made = SearchIndex.prepare(batch, on: threads, reader: FileReader(), parser: ArticleParser())
        XCTAssertEqual(made.count, 80)
        XCTAssertEqual(made.map(\.title), [String](repeating: "Deep", count: 80))
    }
}
