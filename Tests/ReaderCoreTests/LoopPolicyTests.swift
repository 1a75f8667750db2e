import ArticleKit
import GazetteTestSupport
import ReaderLoop
import XCTest

@testable import ReaderCore

/// What the run loop used to decide itself, now asked for by the state as effects: the index update,
/// saving the place after a batch of keys, watching the file on screen. And the help's rows, which the
/// help's keys read as data rather than through the renderer.
final class LoopPolicyTests: XCTestCase {
    let library = ReaderFixtures.library()

    func testTheIndexUpdateIsAskedOnceTheLoopHasAnIndexAndTheFolderIsWhole() {
        var state = ReaderState(library: library, start: 0, width: 60, height: 12)
        XCTAssertFalse(state.send(.key(.character("j"))).contains(.updateSearchIndex), "no index: never asked")
        XCTAssertEqual(state.send(.searchIndexOpened), [.updateSearchIndex])
        XCTAssertEqual(state.searchIndex, .building(done: 0, total: 0))
        XCTAssertFalse(state.send(.searchIndexOpened).contains(.updateSearchIndex), "asked once")
    }

    func testWhileTheFolderIsIndexedTheUpdateWaitsForIt() {
        let first = ArticleLibrary.of(["01_it.txt"], in: library.store)
        var state = ReaderState(library: first, start: 0, width: 60, height: 12, indexing: true)
        XCTAssertEqual(state.send(.searchIndexOpened), [])
        let effects = state.send(.indexed(library.collection, ChainBuilder.build(library.collection)))
        XCTAssertEqual(effects.filter { $0 == .updateSearchIndex }.count, 1)
    }

    func testABatchOfKeysSavesThePlaceOnlyWhenItMovedAndTheStateRecords() {
        var state = ReaderState(library: library, start: 0, width: 60, height: 12)
        state.send(.key(.character("j")))
        XCTAssertEqual(state.send(.keysTaken), [], "nothing recorded: nothing saved")
        state.recordsChanges = true
        XCTAssertEqual(state.send(.keysTaken), [.persistPosition(state.currentPosition)])
        XCTAssertEqual(state.send(.keysTaken), [], "the same place is not saved twice")
        state.send(.key(.character("j")))
        XCTAssertEqual(state.send(.keysTaken), [.persistPosition(state.currentPosition)])
    }

    func testTheFileOnScreenIsWatchedOnceItIsRead() throws {
        let folder = try temporaryFolder()
        let path = folder.write("a.txt", Array("Watched\n\nA paragraph of text.\n".utf8))
        let library = try ArticleLibrary.open(paths: [path]).library
        let opening = ReaderState.open(library: library, at: library.collection.entries[0].id, width: 60, height: 12)
        var state = opening.state
        let effects = DocumentLoader.settle(opening.effects, into: &state, from: library)
        guard let file = state.document.file else { return XCTFail("a file read has its stamp") }
        XCTAssertEqual(effects, [.watchFile(file)])
        XCTAssertEqual(DocumentLoader.settle(state.handle(.key(.character("j"))), into: &state, from: library), [])
    }

    func testTheHelpScrollsAsFarAsItsRowsGo() {
        var state = ReaderState(library: library, start: 0, width: 60, height: 12)
        state.send(.key(.character("?")))
        for _ in 0..<500 { state.send(.key(.character("j"))) }
        XCTAssertEqual(state.overlay, .help(scroll: state.helpRows.count - state.bodyHeight))
        XCTAssertEqual(Renderer.helpRows(state), state.helpRows, "the renderer draws the same rows")
    }

    /// ReaderCore is pure: no library that reads files, no process-wide state, no lock.
    func testReaderCoreHoldsNoFileReaderNorSharedState() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/ReaderCore").standardized
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        XCTAssertFalse(files.isEmpty)
        for file in files where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            for word in ["ArticleLibrary", "static let shared", "static var shared", "NSLock", "@unchecked Sendable"] {
                XCTAssertFalse(text.contains(word), "\(file) holds \(word)")
            }
        }
    }
}
