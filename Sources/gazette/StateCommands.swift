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
        abstract: "Mark article files read or unread in the reading state.",
        // Two lines, as the command is used: the generated "--read --unread <files>" read as if both
        // were wanted, or as if --read took a value.
        usage: "gazette mark --read FILE...\ngazette mark --unread FILE..."
    )
    @Flag(exclusivity: .exclusive) var state: ReadMark?
    @Argument(help: "Article files.") var files: [String] = []

    enum ReadMark: String, EnumerableFlag {
        case read, unread

        static func help(for value: ReadMark) -> ArgumentHelp? {
            value == .read ? "Mark the files read." : "Mark the files unread."
        }
    }

    func validate() throws {
        guard state != nil else {
            throw ValidationError("say which: gazette mark --read FILE... or gazette mark --unread FILE...")
        }
        guard !files.isEmpty else { throw ValidationError("name the article files to mark") }
    }

    func run() throws {
        guard let state else { return }
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
        subcommands: [Export.self, Import.self]
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
}
