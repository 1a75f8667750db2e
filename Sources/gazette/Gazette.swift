import ArgumentParser
import ArticleKit
import BuiltInArticles
import Config
import Foundation
import ReaderCore
import ReaderLoop
import Reports
import StateStore
import Synchronization
import TerminalBackend

struct Gazette: ParsableCommand {
    /// Printed by `--version`; raised with each release.
    static let version = "0.9.0"

    static let configuration = CommandConfiguration(
        commandName: "gazette",
        abstract: "Read folders of plain-text news articles: sections by heading, PREV/NEXT chains.",
        discussion:
            "With no command, opens the reader on PATH (a folder or files), or on the built-in sample articles when no PATH is given.",
        version: Gazette.version,
        subcommands: [
            Read.self, Toc.self, Chain.self, Check.self, Dump.self, Search.self, Unread.self, MarkRead.self,
            StateCommand.self, ConfigCommand.self, KeysCommand.self, Fetch.self,
        ],
        defaultSubcommand: Read.self
    )
}

/// Options every command that reads a folder shares.
struct CollectionOptions: ParsableArguments {
    @Option(
        name: .customLong("ext"),
        help: "File name extensions of articles in a folder, comma-separated ('' for every file).")
    var fileExtension = FormatChooser.defaultExtensions

    @Option(
        name: .customLong("depth"),
        help: ArgumentHelp(
            "How many folders down a folder is read: 0 is the folder alone (default: \(FolderWalk.defaultDepth); "
                + "a folder deeper than that is named on stderr, not read).",
            valueName: "n"))
    var depth: Int?

    @Flag(name: .customLong("no-recurse"), help: "Read only the folder named, not its subfolders (--depth 0).")
    var noRecurse = false

    func validate() throws {
        if let depth, depth < 0 { throw ValidationError("--depth must be 0 (the folder alone) or more") }
        if noRecurse, let depth, depth != 0 { throw ValidationError("--no-recurse is --depth 0: give one of them") }
    }

    /// The depth asked for; nil: the default bound, with the folders past it said.
    var folderDepth: Int? { noRecurse ? 0 : depth }

    var loader: CollectionLoader { CollectionLoader(fileExtension: fileExtension, depth: folderDepth) }
}

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the full-screen reader (the default command).",
        discussion: "When standard output is not a terminal, prints what `dump` prints instead. "
            + "Press ? in the reader for every key.\n\nKeys:\n" + Read.keys
    )

    /// The key table, for --help and the man page: the same lines as the reader's help.
    static var keys: String {
        KeyMap.standard.helpLines.map { "  \($0.keys): \($0.summary)" }.joined(separator: "\n")
    }

    @Argument(
        help: ArgumentHelp(
            "Article files or folders; - reads one article from standard input. "
                + "None: the built-in sample collection."))
    var paths: [String] = []

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal, so that its own selection works.")
    var noMouse = false

    @OptionGroup var options: CollectionOptions

    @Flag(name: .customLong("from-start"), help: "Open at the start: ignore the places saved by earlier sittings.")
    var fromStart = false

    @Flag(
        help: ArgumentHelp(
            "Plain mode for screen readers: no box drawing or side pane, numbered lists, the cursor on the "
                + "focused line, section changes said in the status line."))
    var plain = false

    @OptionGroup var config: ConfigOptions

    /// What the config file and the flags make of the reader; the config's problems are printed
    /// after the screen is given back, and the first is shown on the first screen.
    struct Setup {
        var options: ReaderOptions
        var theme: Theme
        var mouse: Bool
        var notice: String?
        var problems: [String]
    }

    func setup() -> Setup {
        let loaded = config.load()
        var options = loaded.config.options
        if plain { options.plain = true }
        let colour = Theme.colourAllowed(environment: ProcessInfo.processInfo.environment)
        let count = loaded.problems.count
        // The status line is narrow: the file by its name (stderr gets the whole path).
        let notice = loaded.problems.first.map { first in
            let short = loaded.path.map { first.replacingOccurrences(of: $0, with: ($0 as NSString).lastPathComponent) }
            return (short ?? first) + (count == 1 ? "" : " (and \(count - 1) more, printed on exit)")
        }
        return Setup(
            options: options, theme: colour ? loaded.config.theme : loaded.config.theme.withoutColour(),
            mouse: loaded.config.mouse && !noMouse, notice: notice, problems: loaded.problems)
    }

    func run() throws {
        if paths.contains("-") { return try readStandardInput() }
        guard Terminal.isInteractive else { return try dumpAll() }
        do {
            try openReader()
        } catch let error as TerminalError where error.cannotDraw {
            // What `gazette FILE | cat` prints, rather than a blind screen.
            Output.error("\(error.description); printing the articles as text instead")
            try dumpAll()
        }
    }

    func openReader() throws {
        let setup = setup()
        // Files that could not be read: said on screen once they are known, and printed once the
        // screen is restored, where the person can read them (as are the config file's problems).
        let skipped = Mutex<[ArticleError]>([])
        defer {
            for problem in setup.problems { Output.error(problem) }
            Output.report(skipped.withLock { $0 })
        }
        // A folder opens on the article last read in it; the built-in collection keeps no state.
        let state = paths.isEmpty ? nil : ReadingState.open()
        let depth = options.loader.effectiveDepth
        let resumed = state?.startFile(
            paths, fromStart: fromStart, fileExtension: options.fileExtension, depth: depth)
        // Show the first article at once; index the rest of the folder behind it.
        if let first = try Opening.first(resumed.map { [$0] } ?? paths, options) {
            let paths = paths, options = options
            let hooks = state?.hooks(
                paths: paths, depth: depth, start: first.collection.entries[0].source, fromStart: fromStart,
                report: Output.error)
            // One listing and stat of the folder behind the first screen, for the collection and the index.
            let pass = ReaderPass { pass in try? Opening.open(paths, options, pass: pass) }
            try ReaderApp.run(
                library: first, start: first.collection.entries[0].id,
                indexer: {
                    let (library, _, failed) =
                        pass.takeOpened() ?? (try? Opening.open(paths, options)) ?? (first, [0], [])
                    skipped.withLock { $0 = failed }
                    return (library, ChainBuilder.build(library.collection), failed)
                }, state: hooks ?? .none(notice: nil), mouse: setup.mouse, shortlist: shortlist,
                search: ReaderSearch.hooks(paths: paths, options: options, pass: pass.takeFolders),
                options: setup.options, theme: setup.theme, notice: setup.notice)
            return
        }
        let (library, selected, failed) = try Opening.open(paths, options)
        guard let start = selected.first else {
            Output.report(failed)
            throw Opening.nothingToRead(paths)
        }
        skipped.withLock { $0 = failed }
        let notice = [setup.notice, SkippedFiles.notice(failed)].compactMap { $0 }.joined(separator: " · ")
        let hooks = state?.hooks(
            paths: paths, depth: depth, start: library.collection.entries[start].source, fromStart: fromStart,
            report: Output.error)
        let search =
            paths.isEmpty
            ? ReaderSearch.hooks(library: library)
            : ReaderSearch.hooks(paths: paths, options: options)
        try ReaderApp.run(
            library: library, start: library.collection.entries[start].id,
            state: hooks ?? .none(notice: nil), mouse: setup.mouse, shortlist: shortlist, search: search,
            options: setup.options, theme: setup.theme, notice: notice.isEmpty ? nil : notice)
    }

    /// Two or more files named, and no folder: those files are the article list.
    var shortlist: [ArticleID]? {
        let files = paths.filter { NamedPaths.kind($0) == .file }
        guard paths.count > 1, files.count == paths.count else { return nil }
        return files.map(options.loader.store.identity(of:))
    }

    /// What `gazette dump PATH...` prints: every article named or in the folders, not only the first.
    func dumpAll() throws {
        let (library, selected, failed) = try Opening.open(paths, options)
        Output.report(failed)
        if selected.isEmpty { throw Opening.nothingToRead(paths) }
        try Output.dump(library, entries: selected, width: Terminal.dumpWidth)
    }

    /// `gazette -`: one article from standard input, keys from the terminal (as less reads a pipe).
    func readStandardInput() throws {
        guard paths == ["-"] else {
            throw UsageFailure(message: "- (standard input) is one article: name no other path")
        }
        // A terminal on standard input: say what is awaited, as less says "Missing filename".
        if isatty(STDIN_FILENO) == 1 {
            Output.error(
                "gazette -: reading an article from the terminal; type it and end with Ctrl-D "
                    + "(or pipe one in: cat FILE | gazette -)")
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let name = "(standard input)"
        let store = MemoryStore([(name: name, text: String(decoding: data, as: UTF8.self))])
        let collection = CollectionLoader(store: store).collection(of: [name])
        let library = ArticleLibrary(collection: collection, store: store)
        Output.report(collection.failures)
        guard let entry = collection.entries.first else { throw Opening.nothingToRead(paths) }
        if Terminal.outputIsTerminal {
            let setup = setup()
            defer { for problem in setup.problems { Output.error(problem) } }
            do {
                return try ReaderApp.run(
                    library: library, start: entry.id, mouse: setup.mouse, options: setup.options,
                    theme: setup.theme, notice: setup.notice)
            } catch let error as TerminalError where error.cannotDraw {
                Output.error("\(error.description); printing the article as text instead")
            }
        }
        try Output.dump(library, entries: [0], width: Terminal.dumpWidth)
    }
}

struct Toc: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print each article's title, section headings and where PREV/NEXT lead.",
        discussion:
            "A single file resolves its links against the other articles in its own folder. With --json: JSON Lines, one object per article."
    )
    @Argument(help: "Article files or folders.") var paths: [String]
    @Flag(help: "Print JSON Lines.") var json = false
    @OptionGroup var options: CollectionOptions

    func run() throws {
        let (library, selected, failed) = try Opening.open(paths, options, readsAtOnce: true)
        Output.report(failed)
        if selected.isEmpty { throw Opening.nothingToRead(paths) }
        // Parsed on every core, printed in entry order.
        let json = json
        var first = true
        var out = OutputBuffer()
        OrderedWork.forEach(selected) { entry -> Result<String, ArticleError> in
            library.article(entry).map { article in
                let links = library.collection.resolutions[entry]
                return json
                    ? TocReport.json(article, links: links, collection: library.collection).serialized
                    : TocReport.text(article, links: links, collection: library.collection)
            }
        } consume: { _, result in
            switch result {
            case .success(let text):
                if !json && !first { out.append("\n") }
                out.append(text + "\n")
                first = false
            case .failure(let error):
                out.flush()
                Output.error(error.description)
            }
        }
        out.flush()
    }
}

struct Chain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print every PREV/NEXT chain in a folder, head to tail.",
        discussion:
            "Every article is in exactly one chain; a lone article is a chain of one. Dangling titles are shown before the head and after the tail. With --json: one line per chain."
    )
    @Argument(help: "A folder (or a file, for its folder).") var path: String
    @Flag(help: "Print JSON Lines.") var json = false
    @OptionGroup var options: CollectionOptions

    func run() throws {
        let (library, _, failed) = try Opening.open([path], options)
        Output.report(failed)
        if library.collection.entries.isEmpty { throw Opening.nothingToRead([path]) }
        let result = ChainBuilder.build(library.collection)
        for (n, chain) in result.chains.enumerated() {
            if json {
                Output.line(ChainReport.json(chain, collection: library.collection).serialized)
            } else {
                if n > 0 { Output.line("") }
                Output.line(ChainReport.text(chain, number: n + 1, collection: library.collection))
            }
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List files that could not be read, dangling links, shared titles, one-way links and cycles.",
        discussion: "Exit status: 0 when nothing is wrong, 1 when something is, 2 on a usage error or a missing path."
    )
    @Argument(help: "A folder (or a file, for its folder).") var path: String
    @Flag(help: "Print JSON Lines, one object per finding.") var json = false
    @Flag(help: "Count dangling links (titles no article here has) as findings too.") var strict = false
    @OptionGroup var options: CollectionOptions

    func run() throws {
        let (library, _, failed) = try Opening.open([path], options)
        // Folders not read (loops, past the default depth) are said on stderr, as by every command;
        // they are not findings: the files that were read are what is checked.
        Output.report(failed.filter { !library.collection.failures.contains($0) })
        let findings = CollectionChecker.diagnostics(library.collection)
        for finding in findings {
            Output.line(json ? finding.json.serialized : "\(finding.kind): \(finding.message)")
        }
        // A scraped dump's chains end in titles that are not in it: that is how dumps are
        // (docs/FORMAT.md), so those are listed but fail the check only when asked.
        let dangling = findings.filter { if case .dangling = $0 { true } else { false } }.count
        let counted = strict ? findings.count : findings.count - dangling
        if !json {
            let n = library.collection.entries.count
            var summary = "\(n) article\(n == 1 ? "" : "s") checked, \(counted) finding\(counted == 1 ? "" : "s")"
            if !strict && dangling > 0 {
                summary += " (and \(dangling) dangling link\(dangling == 1 ? "" : "s"), counted with --strict)"
            }
            Output.line(summary)
        }
        if counted > 0 { throw ExitCode(1) }
    }
}

struct Dump: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print articles as wrapped plain text, as the reader shows them without colour."
    )
    @Argument(help: "Article files or folders.") var paths: [String]
    @Option(help: "Wrap width in columns; 0 does not wrap (default: the terminal's, else $COLUMNS, else 80).")
    var width: Int?
    @OptionGroup var options: CollectionOptions

    func validate() throws {
        if let width, width != 0, width < 10 {
            throw ValidationError("--width must be 0 (no wrapping) or at least 10 columns")
        }
    }

    func run() throws {
        let (library, selected, failed) = try Opening.open(paths, options, readsAtOnce: true)
        Output.report(failed)
        if selected.isEmpty { throw Opening.nothingToRead(paths) }
        let columns = width.map { $0 == 0 ? PlainTextDump.unwrapped : $0 } ?? Terminal.dumpWidth
        try Output.dump(library, entries: selected, width: columns)
    }
}

/// Opens what the command line names, turning a bad path into a usage error (exit 2).
enum Opening {
    /// `readsAtOnce`: the command reads every article right after the scan (`toc`, `dump`), so the
    /// pages the scan read whole are kept for it instead of being parsed twice.
    /// `pass`: where the listings and stamps are noted for the search index (the reader's one pass).
    static func open(
        _ paths: [String], _ options: CollectionOptions, readsAtOnce: Bool = false, pass: FolderPass? = nil
    ) throws -> (ArticleLibrary, [Int], [ArticleError]) {
        if paths.isEmpty {
            let store = MemoryStore(BuiltInArticles.all.map { (name: "builtin:" + $0.fileName, text: $0.text) })
            let loader = CollectionLoader(store: store)
            let collection = loader.collection(of: BuiltInArticles.all.map { "builtin:" + $0.fileName })
            return (
                ArticleLibrary(collection: collection, store: store), Array(collection.entries.indices),
                collection.failures
            )
        }
        do {
            var loader = options.loader
            if readsAtOnce { loader.parsed = ParsedArticles() }
            loader.pass = pass
            // Files whose stamp the catalogue knows are not read again; what is read is kept for next time.
            let catalogue = KeptCatalogue(paths: paths)
            if let catalogue { loader = catalogue.prepare(loader) }
            let opened = try ArticleLibrary.open(paths: paths, loader: loader)
            catalogue?.keep(loader)
            return opened
        } catch {
            throw UsageFailure(message: EmptyFolder.describe(error, options))
        }
    }

    /// Every named file was refused (the reasons are printed already): exit 1, not a crash.
    static func nothingToRead(_ paths: [String]) -> Error {
        Output.error("nothing to read: no article in \(paths.map(shown).joined(separator: ", ")) could be opened")
        return ExitCode(1)
    }

    /// The first article alone, for the reader's first screen; nil for the built-in
    /// collection (small enough to open whole) or when that article is unreadable.
    static func first(_ paths: [String], _ options: CollectionOptions) throws -> ArticleLibrary? {
        guard !paths.isEmpty else { return nil }
        do {
            let cache = FirstArticleCache.standardDirectory(environment: ProcessInfo.processInfo.environment).map(
                FirstArticleCache.init)
            return try ArticleLibrary.openFirst(paths: paths, loader: options.loader, cache: cache)
        } catch {
            throw UsageFailure(message: EmptyFolder.describe(error, options))
        }
    }
}

struct UsageFailure: Error { let message: String }
