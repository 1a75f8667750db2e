import ArgumentParser
import ArticleKit
import Foundation
import ReaderCore
import ReaderLoop
import Reports
import StateStore

struct Unread: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the articles not read yet, in file order, with how far each was read.",
        discussion: "Exit status 0, also when every article is read. With --json: JSON Lines "
            + "{\"file\", \"title\", \"progress\"}, progress in percent."
    )
    @Argument(help: "Article files or folders.") var paths: [String]
    @Flag(help: "Print JSON Lines.") var json = false
    @OptionGroup var options: CollectionOptions

    func run() throws {
        let (library, selected, failed) = try Opening.open(paths, options)
        Output.report(failed)
        let state = ReadingState.open()
        if let notice = state.notice { Output.error(notice) }
        let entries = library.collection.entries
        let records = (try? state.database?.records(paths: selected.map { entries[$0].id.key })) ?? [:]
        for entry in selected {
            let e = entries[entry]
            let record = records[e.id.key]
            if record?.read == true { continue }
            let progress = record?.progress ?? 0
            if json {
                Output.line(
                    JSONValue.object([
                        ("file", .string(e.source)), ("title", .string(e.links.title)),
                        ("progress", .int(progress)),
                    ]).serialized)
            } else {
                Output.line("\(e.source)\t\(e.links.title)\t\(progress)%")
            }
        }
    }
}

struct MarkRead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mark",
        abstract: "Mark article files read or unread in the reading state."
    )
    @Flag(exclusivity: .exclusive, help: "Mark them read, or unread.") var state: ReadMark
    @Argument(help: "Article files.") var files: [String]

    enum ReadMark: String, EnumerableFlag {
        case read, unread
    }

    func run() throws {
        let reading = ReadingState.open()
        guard let database = reading.database else {
            Output.error(reading.notice ?? "reading state is not available")
            throw ExitCode(1)
        }
        if let notice = reading.notice { Output.error(notice) }
        var keys: [ArticleKey] = []
        for file in files {
            guard FileManager.default.fileExists(atPath: file), !ReadingState.isFolder(file) else {
                throw UsageFailure(message: "\(file): no such article file")
            }
            let path = ReadingState.canonical(file)
            keys.append(ArticleKey(path: path, fingerprint: Fingerprint.ofFile(path)))
        }
        try database.setRead(keys, read: state == .read, at: Date().timeIntervalSince1970)
    }
}

struct StateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Export or import the reading state (read marks, places, marks) as JSON Lines.",
        subcommands: [Export.self, Import.self, Soak.self]
    )

    static func database() throws -> StateDatabase {
        let reading = ReadingState.open()
        guard let database = reading.database else {
            Output.error(reading.notice ?? "reading state is not available")
            throw ExitCode(1)
        }
        if let notice = reading.notice { Output.error(notice) }
        return database
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every article's state, keyed by the fingerprint of its text.",
            discussion: "Text: fingerprint, read or unread, progress and path per line. "
                + "--json: JSON Lines that `gazette state import` reads."
        )
        @Flag(help: "Print JSON Lines.") var json = false

        func run() throws {
            for article in try StateCommand.database().export() {
                if json {
                    Output.line(StateJSON.line(article))
                } else {
                    let read = article.read ? "read" : "unread"
                    Output.line("\(article.fingerprint ?? "-")\t\(read)\t\(article.progress)%\t\(article.path)")
                }
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge state exported with `gazette state export --json` (the newer of two wins)."
        )
        @Argument(help: "A JSON Lines file ('-' for standard input).") var file: String

        func run() throws {
            let data: Data
            if file == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let read = FileManager.default.contents(atPath: file) else {
                    throw UsageFailure(message: "\(file): cannot be read")
                }
                data = read
            }
            let articles: [ExportedArticle]
            do {
                articles = try StateJSON.articles(String(decoding: data, as: UTF8.self))
            } catch {
                throw UsageFailure(message: "\(file): \(error.description)")
            }
            let summary = try StateCommand.database().importing(articles)
            Output.line("\(summary.merged) merged, \(summary.added) added")
        }
    }

    /// For the kill test: the real run loop and store on a folder, with keys pressed by a
    /// seeded random script instead of a person, until the process is killed.
    struct Soak: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a folder with random keys, saving state, until killed (for the kill test).",
            shouldDisplay: false
        )
        @Argument var path: String
        @Option var seed: UInt64 = 1
        @Option(help: "Milliseconds between keys.") var interval = 5
        @Option(help: "Stop after this many seconds (0: only when killed).") var seconds = 0.0
        @OptionGroup var options: CollectionOptions

        func run() throws {
            let (library, selected, _) = try Opening.open([path], options)
            guard let start = selected.first else { throw Opening.nothingToRead([path]) }
            let reading = ReadingState.open()
            if let notice = reading.notice { Output.error(notice) }
            let entries = library.collection.entries
            let hooks = reading.hooks(paths: [path], start: entries[start].source, fromStart: false)
            let backend = SoakBackend(seed: seed, interval: interval, seconds: seconds)
            let opening = ReaderState.open(
                library: library, at: entries[start].id, width: 80, height: 24,
                chains: ChainBuilder.build(library.collection), resume: hooks.resume)
            hooks.loop(backend: backend, indexer: nil).run(hooks.prepare(opening))
            hooks.flush()
        }
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
