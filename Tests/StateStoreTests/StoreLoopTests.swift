import ArticleKit
import Foundation
import GazetteTestSupport
import ReaderCore
import ReaderLoop
import Synchronization
import XCTest

@testable import StateStore

/// The run loop with the store plugged in: what a sitting leaves, the next one finds.
final class StoreLoopTests: XCTestCase {
    let long = String(repeating: "The committee met on Tuesday evening to discuss the proposal in detail. ", count: 6)

    func folder(_ temp: TempState) -> ArticleLibrary {
        temp.article("01.txt", "First\n\n\(long)\n\nWhy\n\n\(long)\n\n\(long)\n\nNEXT Second\n")
        temp.article("02.txt", "Second\n\n\(long)\n\nHow\n\n\(long)\n\n\(long)\n\n\(long)\n\nPREV First\n")
        return try! ArticleLibrary.open(paths: [temp.folder]).library
    }

    /// One sitting: the reader on `start` with the store's hooks, as `gazette DIR` wires them.
    func sit(
        _ temp: TempState, _ keys: String, start: ArticleID? = nil, width: Int = 60,
        debounce: TimeInterval = 1
    ) throws -> (ReaderState, HeadlessBackend) {
        let library = folder(temp)
        let db = try temp.open()
        let writer = StateWriter(database: db, scope: temp.folder, debounce: debounce)
        let folders: Set<String> = [temp.folder]
        let scope = temp.folder
        let startID = start ?? library.collection.entries[0].id
        let hooks = StateHooks(
            resume: try db.place(for: ArticleKey(path: startID.key, fingerprint: nil)),
            save: { writer.save($0) }, record: { writer.record($0) },
            load: [
                {
                    .journal(
                        (try? db.journal(folders: folders, scope: scope, places: true))
                            ?? Journal())
                }
            ],
            flush: { writer.flush() })
        // The journal job is let answer before the first key; out of keys, Esc closes whatever is open,
        // then q quits.
        let worker = ManualWorker()
        let steps: [HeadlessBackend.Step] =
            [.finishWork] + keys.map { .press($0) } + [.input(.key(.escape)), .press("q")]
        let script = HeadlessBackend(width: width, height: 14, worker: worker, steps: steps)
        let opening = ReaderState.open(library: library, at: startID, width: width, height: 14, resume: hooks.resume)
        let final = hooks.loop(backend: script, worker: worker, indexer: nil).run(hooks.prepare(opening))
        hooks.flush()
        XCTAssertNil(writer.problem)
        return (final, script)
    }

    func testASittingIsResumedWhereItStoppedEvenAtAnotherWidth() throws {
        let temp = TempState()
        let (first, _) = try sit(temp, "njjjjjjj")
        let second = first.document.id
        XCTAssertEqual(second.key, temp.folder + "/02.txt")
        let db = try temp.open()
        XCTAssertEqual(try db.lastOpened(inFolder: temp.folder), second.key, "the article last read in the folder")
        let (again, _) = try sit(temp, "", start: second)
        XCTAssertEqual(again.document.id, second)
        XCTAssertEqual(again.top, first.top, "the same line at the same width")
        let (wider, _) = try sit(temp, "", start: second, width: 100)
        XCTAssertEqual(wider.currentPosition.place?.block, first.currentPosition.place?.block)
        let place = try XCTUnwrap(first.currentPosition.place)
        let text = wider.document.blockText(place.block).dropFirst(place.offset).prefix(4)
        XCTAssertTrue(
            wider.lines[wider.top].text.filter { !$0.isWhitespace }.contains(text),
            "the text at the top before is on the top line at another width: \(text) \(wider.top) "
                + "\(wider.lines[wider.top].text) \(place)")
        XCTAssertEqual(wider.backStack.map(\.article.key), [temp.folder + "/01.txt"], "the history survived")
    }

    func testReadStateAndMarksSurviveASitting() throws {
        let temp = TempState()
        _ = try sit(temp, "GjjmA")
        let (later, script) = try sit(temp, "l")
        XCTAssertTrue(later.journal.isRead(later.collection.entries[0].id))
        XCTAssertEqual(later.journal.marks.map(\.letter), ["A"])
        XCTAssertTrue(script.screens.last!.text(row: 0).hasSuffix("read"), "the title bar says it is read")
    }

    func testPositionsAreDebouncedAndFlushedOnTheWayOut() throws {
        let temp = TempState()
        let db = try temp.open()
        let scheduler = HeldScheduler()
        let writer = StateWriter(database: db, scope: "s", debounce: 0.3, scheduler: scheduler.scheduler)
        let path = temp.article("a.txt", "A\n\nText.\n")
        let id = ArticleID(key: path)
        for block in 0..<20 {
            writer.save(Position(article: id, place: TextPlace(block: block, offset: 0, heading: nil, snippet: "")))
        }
        XCTAssertNil(try db.place(for: ArticleKey(path: path, fingerprint: nil)), "not written at once")
        XCTAssertEqual(scheduler.delays, [0.3], "one write, due after the debounce")
        scheduler.runDue()
        XCTAssertEqual(try db.place(for: ArticleKey(path: path, fingerprint: nil))?.block, 19, "the newest, once due")
        writer.save(Position(article: id, place: TextPlace(block: 42, offset: 0, heading: nil, snippet: "")))
        writer.flush()
        XCTAssertEqual(try db.place(for: ArticleKey(path: path, fingerprint: nil))?.block, 42, "flush writes at once")
    }

    /// A keypress in the core must not wait on the database: with the store plugged in,
    /// the loop only hands positions to the writer, which returns at once.
    func testSavingDoesNotWaitOnTheDatabase() throws {
        let temp = TempState()
        let db = try temp.open()
        let writer = StateWriter(database: db, scope: "s")
        let id = ArticleID(key: temp.article("a.txt", "A\n\nText.\n"))
        // Hold the database with a long write from elsewhere while positions arrive.
        let other = try temp.open()
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.pool.write { _ in
                held.signal()
                release.wait()
            }
        }
        held.wait()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for block in 0..<1000 {
                writer.save(Position(article: id, place: TextPlace(block: block, offset: 0, heading: nil, snippet: "")))
                writer.record(.read([id], block % 2 == 0))
            }
        }
        XCTAssertLessThan(elapsed, .milliseconds(100), "2000 calls while the database is busy: \(elapsed)")
        release.signal()
        writer.flush()
        XCTAssertEqual(try db.place(for: ArticleKey(path: id.key, fingerprint: nil))?.block, 999)
    }
}

/// Holds the writer's debounced writes until the test runs them: the test says when the time has come.
final class HeldScheduler: Sendable {
    private let held = Mutex<[(delay: TimeInterval, queue: DispatchQueue, job: @Sendable () -> Void)]>([])

    var scheduler: StateWriter.Scheduler {
        StateWriter.Scheduler { [self] delay, queue, job in held.withLock { $0.append((delay, queue, job)) } }
    }

    var delays: [TimeInterval] { held.withLock { $0.map(\.delay) } }

    /// Runs every write held, on the writer's queue, as if their time had come.
    func runDue() {
        let due = held.withLock { jobs in
            defer { jobs.removeAll() }
            return jobs
        }
        for (_, queue, job) in due { queue.sync(execute: job) }
    }
}

/// What the store costs a keypress and an opening, measured (figures printed for the report).
final class StoreCostTests: XCTestCase {
    func testAKeyCostsTheSameWithAndWithoutTheStore() throws {
        let temp = TempState()
        let text =
            "Title\n\n"
            + (1...300).map { "Paragraph \($0) of a long article, long enough to scroll." }
            .joined(separator: "\n\n") + "\n"
        let path = temp.article("long.txt", text)
        let library = try ArticleLibrary.open(paths: [path]).library
        let writer = StateWriter(database: try temp.open(), scope: temp.folder)
        func keys(store: Bool) -> Duration {
            let opening = ReaderState.open(
                library: library, at: library.collection.entries[0].id,
                width: 80, height: 24)
            var state = opening.state
            _ = DocumentLoader.settle(opening.effects, into: &state, from: library)
            state.recordsChanges = store
            return ContinuousClock().measure {
                for i in 0..<2000 {
                    let effects = state.handle(.key(.character(i % 500 < 250 ? "j" : "k")))
                    // As the loop does: records to the writer, the place after each key.
                    if store {
                        for case .record(let change) in effects { writer.record(change) }
                        writer.save(state.currentPosition)
                    }
                }
            }
        }
        _ = keys(store: false)
        let without = keys(store: false), with = keys(store: true)
        writer.flush()
        print("key in the core: without the store \(without / 2000), with it \(with / 2000)")
        XCTAssertLessThan(with, without * 3 + .milliseconds(50), "a key must not wait on the database")
    }

    func testOpeningAnExistingDatabaseIsQuick() throws {
        let temp = TempState()
        _ = try temp.open()
        let clock = ContinuousClock()
        var times: [Duration] = []
        for _ in 0..<5 { times.append(clock.measure { _ = try? temp.open() }) }
        print("opening the state database: \(times.sorted()[2]) (median of 5)")
        XCTAssertLessThan(times.sorted()[2], .milliseconds(200))
    }
}
