import ArgumentParser
import ArticleKit
import Foundation
import ReaderCore
import ReaderLoop
import StateStore

/// For the kill test (scripts/kill-test.py): the real run loop and store on a folder, with keys
/// pressed by a seeded random script instead of a person, until the process is killed. The store
/// is opened and wired exactly as the reader's (`ReadingState`), so the test kills the real thing.
struct Soak: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read a folder with random keys, saving state, until killed (for the kill test)."
    )
    @Argument var path: String
    @Option var seed: UInt64 = 1
    @Option(help: "Milliseconds between keys.") var interval = 5
    @Option(help: "Stop after this many seconds (0: only when killed).") var seconds = 0.0
    @OptionGroup var options: DevCollectionOptions

    func run() throws {
        let (library, selected) = try DevLibrary.open([path], fileExtension: options.fileExtension)
        let reading = ReadingState.open()
        if let notice = reading.notice { DevOutput.error(notice) }
        let entries = library.collection.entries
        let hooks = reading.hooks(
            paths: [path], start: entries[selected[0]].source, fromStart: false, report: DevOutput.error)
        let backend = SoakBackend(seed: seed, interval: interval, seconds: seconds)
        let opening = ReaderState.open(
            library: library, at: entries[selected[0]].id, width: 80, height: 24,
            chains: ChainBuilder.build(library.collection), resume: hooks.resume)
        hooks.loop(backend: backend, indexer: nil).run(hooks.prepare(opening))
        hooks.flush()
    }
}

/// Presses keys at random, as a restless reader would: scrolling, following the chain,
/// marking read and setting marks.
final class SoakBackend: Backend {
    var rng: UInt64
    let interval: Int
    let deadline: Date?
    let size = (width: 80, height: 24)
    /// x and z do nothing alone: they are the letters of marks after m and '.
    static let keys: [Character] = Array("jjjjjjjjkkddd  bnnpGgMmxUm'zB\u{1b}r")
    var quitting = false

    init(seed: UInt64, interval: Int, seconds: Double) {
        rng = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        self.interval = interval
        deadline = seconds > 0 ? Date().addingTimeInterval(seconds) : nil
    }

    func draw(_ screen: Screen) {}
    func repaint() {}
    func suspend() {}
    func runOutside(_ command: [String]) {}

    func nextEvent(timeout: Int) -> InputEvent? {
        if let deadline, Date() > deadline {
            // Esc first: it closes whatever overlay or mark prompt is open.
            quitting.toggle()
            return quitting ? .key(.escape) : .key(.character("q"))
        }
        usleep(UInt32(interval * 1000))
        // xorshift64: the same keys for the same seed.
        rng ^= rng << 13
        rng ^= rng >> 7
        rng ^= rng << 17
        let key = Self.keys[Int(rng % UInt64(Self.keys.count))]
        return .key(key == "\u{1b}" ? .escape : .character(key))
    }
}
