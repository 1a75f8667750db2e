import ArticleKit
import Foundation
import GazetteTestSupport
import Synchronization
import XCTest

@testable import ReaderCore
@testable import ReaderLoop

/// The loop's side of Ctrl-L, Ctrl-Z, `v` and the file watch, on a headless terminal and real files.
final class TerminalEffectsLoopTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-less-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ text: String, to name: String = "a.txt") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    /// Runs the loop with a clock that moves a second each time it is read, so every idle wait
    /// looks at the file.
    func run(_ path: String, _ steps: [HeadlessBackend.Step], outsideStatus: Int32? = 0) throws -> (
        HeadlessBackend, ReaderState
    ) {
        let (library, _, _) = try ArticleLibrary.open(paths: [path])
        let worker = ManualWorker()
        let backend = HeadlessBackend(width: 60, height: 12, worker: worker, steps: steps)
        backend.outsideStatus = outsideStatus
        let ticks = Mutex(0)
        let loop = EventLoop(
            backend: backend, worker: worker, shouldStop: { backend.stopRequested },
            clock: {
                ticks.withLock {
                    $0 += EventLoop.watchInterval; return $0
                }
            })
        let final = loop.run(
            ReaderState.open(
                library: library, at: library.collection.entries[0].id,
                width: 60, height: 12))
        return (backend, final)
    }

    static let article = """
        The Harbour Plan

        -

        First paragraph about the harbour and the boats.

        Second paragraph about the town.

        Third paragraph about the fish market on the quay.
        """

    func testAFileChangedOnDiskIsReadAgainKeepingThePlace() throws {
        let path = try write(Self.article)
        let (backend, final) = try run(
            path,
            [
                .press("j"), .pause,
                .meanwhile {
                    try? (Self.article.replacingOccurrences(of: "Second", with: "Amended second"))
                        .write(toFile: path, atomically: false, encoding: .utf8)
                },
                .press("q"),
            ])
        XCTAssertFalse(backend.ranOut)
        XCTAssertTrue(final.lines.contains { $0.text.contains("Amended second paragraph") })
        XCTAssertEqual(final.top, 1, "the place is kept")
        XCTAssertTrue(backend.screens.last?.text.contains("Amended second") ?? false)
        XCTAssertEqual(backend.screens.last?.text(row: 11).contains("Read again from the file"), true)
    }

    static let sections = """
        The Harbour Plan

        -

        First paragraph about the harbour and the boats.

        Second paragraph about the town.

        What the Council Decided

        Third paragraph about the fish market on the quay, and what the council decided about it.

        Fourth paragraph about the night trams that will serve the quay again.

        Fifth paragraph about the money, which nobody could find.

        Sixth paragraph about the old lighthouse keeper and his cat.
        """

    /// Issue 20: two paragraphs put in above the screen used to move the view four lines up, into
    /// the section before; the same text stays on top, as reopening keeps it (by `TextPlace`).
    func testAnEditAboveTheScreenKeepsTheSameTextOnTop() throws {
        let path = try write(Self.sections)
        let inserted = Self.sections.replacingOccurrences(
            of: "Second paragraph", with: "An inserted paragraph.\n\nAnother inserted one.\n\nSecond paragraph")
        let (backend, final) = try run(
            path,
            [
                .press("]"), .pause,
                .meanwhile { try? inserted.write(toFile: path, atomically: false, encoding: .utf8) },
                .press("q"),
            ])
        XCTAssertFalse(backend.ranOut)
        XCTAssertTrue(final.lines.contains { $0.text.contains("Another inserted one") })
        XCTAssertTrue(final.lines[final.top].text.hasSuffix("What the Council Decided"), final.lines[final.top].text)
        XCTAssertEqual(final.currentSection, 1)
        XCTAssertTrue(backend.screens.last?.text(row: 1).hasSuffix("What the Council Decided") ?? false)
    }

    func testAnUnchangedFileIsNotReadAgain() throws {
        let path = try write(Self.article)
        let (backend, final) = try run(path, [.pause, .pause, .press("q")])
        XCTAssertNil(final.message)
        XCTAssertEqual(backend.screens.count, 1, "nothing changed: nothing drawn again")
    }

    func testVRunsTheEditorAtTheLineInFocusThenReadsTheFileAgain() throws {
        let path = try write(Self.article)
        let (backend, final) = try run(
            path,
            [
                .press("]"), .input(.key(.character("j"))), .input(.key(.character("j"))),
                .input(.key(.character("j"))),
                .input(.key(.character("j"))), .press("v"), .pause, .press("q"),
            ])
        guard case .run(let command)? = backend.requests.last else { return XCTFail("no editor: \(backend.requests)") }
        XCTAssertEqual(command.suffix(2), ["+\(EditorCommand.line(of: final.focusText, inFileAt: path))", path])
        XCTAssertEqual(backend.screens.last?.text(row: 11).contains("Read again from the file"), true)
    }

    func testCtrlLAndCtrlZReachTheTerminal() throws {
        let path = try write(Self.article)
        let (backend, _) = try run(path, [.input(.key(.control("l"))), .input(.key(.control("z"))), .press("q")])
        XCTAssertEqual(backend.requests, [.repaint, .suspend])
    }

    func testTheEditorCommandPutsTheLineFirst() {
        XCTAssertEqual(EditorCommand.make(path: "a b.txt", line: 7).suffix(2), ["+7", "a b.txt"])
        XCTAssertEqual(EditorCommand.line(of: "Second paragraph about the town.", in: Self.article), 7)
        XCTAssertEqual(EditorCommand.line(of: "nowhere at all", in: Self.article), 1)
    }

    /// Issue 20: at 100 columns `=` showed "/work… · 11 kB": the name was cut, the folder kept.
    func testWhereAmIAtAHundredColumnsShowsTheFileName() throws {
        let deep = folder.appendingPathComponent("news/archive/2026/december")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let path = deep.appendingPathComponent("2026-12-01-harbour-plan.txt").path
        try Self.article.write(toFile: path, atomically: false, encoding: .utf8)
        let library = try ArticleLibrary.open(paths: [path]).library
        var state = ReaderState(
            opening: ReaderState.open(library: library, at: library.collection.entries[0].id, width: 100, height: 12))
        state.press(.character("="))
        XCTAssertTrue(state.status.contains("/2026-12-01-harbour-plan.txt · "), state.status)
        XCTAssertTrue(state.status.contains(" · lines 1–"), state.status)
    }

    func testWhereAmINamesTheFileItsSizeAndWhenItChanged() throws {
        let path = try write(Self.article)
        let library = try ArticleLibrary.open(paths: [path]).library
        var state = ReaderState(
            opening: ReaderState.open(library: library, at: library.collection.entries[0].id, width: 200, height: 12))
        state.press(.character("="))
        let size = Self.article.utf8.count
        XCTAssertTrue(state.message?.hasPrefix("\(path) · \(size) bytes · lines 1–") ?? false, state.message ?? "nil")
        XCTAssertTrue(state.message?.hasSuffix(" UTC") ?? false)
        XCTAssertTrue(state.status.contains(" UTC"), state.status)
    }
}
