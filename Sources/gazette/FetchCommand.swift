import ArgumentParser
import ArticleKit
import Fetcher
import Foundation
import Reports
import Synchronization

struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fetch RSS, Atom and JSON feeds: every new item becomes an article in the archive.",
        discussion: """
            Feeds are the URLs named, else those listed in $XDG_CONFIG_HOME/gazette/feeds (one URL a line, \
            "~Name" and tags after it, # comments, as newsboat's urls file). Each item's page is read with the \
            HTML reader (the feed's own text when the page fails or gives less), written as a Markdown note, \
            chained to its neighbours in publication order by PREV/NEXT. Without --into, each feed has a folder \
            under $XDG_DATA_HOME/gazette (default ~/.local/share/gazette). A second fetch asks conditionally \
            and writes only what is new or changed; nothing is ever deleted. Exit status: 0 when every feed \
            was fetched, 1 when some failed, 2 on a usage error. docs/FEEDS.md has the details.
            """)

    @Argument(help: "Feed addresses (http, https or file). None: the feeds listed in the feeds file.")
    var urls: [String] = []

    @Option(help: ArgumentHelp("Write every feed's articles into this folder.", valueName: "DIR"))
    var into: String?

    @Option(name: .customLong("feeds"), help: ArgumentHelp("The feeds file to read.", valueName: "FILE"))
    var feedsFile: String?

    @Flag(help: "Print JSON Lines: one object per feed (url, title, folder, status, new, updated, error, notes).")
    var json = false

    @Option(
        name: .customLong("connect-timeout"),
        help: ArgumentHelp("Seconds without a byte from a server before giving up.", valueName: "SECONDS"))
    var connectTimeout: Double = 15

    @Option(help: ArgumentHelp("Seconds a whole response may take.", valueName: "SECONDS"))
    var timeout: Double = 60

    @Option(name: .customLong("max-size"), help: ArgumentHelp("The largest response accepted, in MB.", valueName: "MB"))
    var maxSize = 16

    func validate() throws {
        guard connectTimeout > 0, timeout > 0 else { throw ValidationError("timeouts must be more than 0 seconds") }
        guard maxSize > 0 else { throw ValidationError("--max-size must be at least 1 (MB)") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var sources = urls.map { FeedSource(url: $0) }
        if sources.isEmpty {
            let path = feedsFile ?? BaseDirectory.config.folder(environment: environment).map { $0 + "/feeds" }
            guard let path, let data = FileManager.default.contents(atPath: path) else {
                throw UsageFailure(
                    message: "no feeds: name a feed's URL, or list feeds in "
                        + (path ?? "$XDG_CONFIG_HOME/gazette/feeds") + " (one URL a line)")
            }
            let list = FeedList.parse(String(decoding: data, as: UTF8.self), file: path)
            for problem in list.problems { Output.error(problem) }
            sources = list.feeds
            if sources.isEmpty { throw UsageFailure(message: "no feeds listed in \(path)") }
        } else if let feedsFile {
            throw UsageFailure(message: "name feeds or --feeds \(feedsFile), not both")
        }
        for source in sources {
            let lower = source.url.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file:"),
                URL(string: source.url) != nil
            else { throw UsageFailure(message: "\(source.url): not an http, https or file address") }
        }

        // One folder for all, or one per feed under the data folder; each taken for this run.
        var locks: [String: FolderLock] = [:]
        var jobs: [(source: FeedSource, lock: FolderLock)] = []
        var failed: [FeedReport] = []
        let base = BaseDirectory.data.folder(environment: environment)
        for source in sources {
            guard let folder = into ?? base.map({ $0 + "/" + FeedFolders.name(for: source) }) else {
                throw UsageFailure(message: "no folder for the articles: set HOME or XDG_DATA_HOME, or use --into DIR")
            }
            if let lock = locks[folder] {
                jobs.append((source, lock))
                continue
            }
            switch FolderLock.acquire(folder) {
            case .success(let lock):
                locks[folder] = lock
                jobs.append((source, lock))
            case .failure(let error):
                if into != nil { throw UsageFailure(message: error.reason) }
                failed.append(
                    FeedReport(
                        url: source.url, title: source.name, folder: folder, status: .failed, error: error.reason))
            }
        }

        var options = HTTPOptions()
        options.connectTimeout = connectTimeout
        options.totalTimeout = timeout
        options.maxBytes = maxSize << 20
        options.userAgent = "Gazette/\(Gazette.version) (terminal news reader; feed fetcher)"
        let fetcher = FeedFetcher(client: HTTPClient(options: options))
        let reports = Mutex<[FeedReport]>([])
        let json = json
        for report in failed { Self.print(report, json: json) }
        fetcher.fetchAll(jobs) { report in
            reports.withLock { done in
                done.append(report)
                Self.print(report, json: json)
            }
        }
        let all = failed + reports.withLock { $0 }
        let bad = all.filter { $0.status == .failed }.count
        if !json {
            let new = all.reduce(0) { $0 + $1.new }
            let updated = all.reduce(0) { $0 + $1.updated }
            var summary = "\(all.count) feed\(all.count == 1 ? "" : "s"): \(new) new article\(new == 1 ? "" : "s")"
            summary += ", \(updated) updated"
            if bad > 0 { summary += ", \(bad) failed" }
            Output.error(summary)
        }
        if bad > 0 { throw ExitCode(1) }
    }

    /// One feed's outcome: a line on stdout, its failure and notes on stderr (or one JSON line).
    static func print(_ report: FeedReport, json: Bool) {
        let name = report.title.map { "\(shown($0)) (\(report.url))" } ?? report.url
        if json {
            let value: JSONValue = .object([
                ("url", .string(report.url)), ("title", .optional(report.title)), ("folder", .string(report.folder)),
                ("status", .string(report.status.rawValue)), ("new", .int(report.new)),
                ("updated", .int(report.updated)), ("error", .optional(report.error)),
                ("moved_to", .optional(report.movedTo)), ("notes", .array(report.notes.map(JSONValue.string))),
            ])
            Output.line(value.serialized)
            // A failure is said on stderr too, where a script's log finds it.
            if report.status == .failed { Output.error("\(name): \(report.error ?? "failed")") }
            return
        }
        switch report.status {
        case .failed:
            Output.error("\(name): \(report.error ?? "failed")")
        case .notModified:
            Output.line("\(name): not modified")
        case .fetched:
            Output.line("\(name): \(report.new) new, \(report.updated) updated → \(shown(report.folder))")
        }
        if let moved = report.movedTo {
            Output.error("\(name): moved permanently to \(moved); fetched there from now on")
        }
        for note in report.notes { Output.error("\(name): \(shown(note))") }
    }
}
