import ArgumentParser
import ArticleKit
import Foundation
import ReaderCore
import Reports
import SearchIndex

#if canImport(Glibc)
    import Glibc
#endif

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search every article of the folders (or files) for words, best match first.",
        discussion: """
            QUERY is one argument: words that must all be in one section, "exact phrases", prefix* \
            words and -excluded words. Case and accents are ignored as in the reader's / (a capital \
            makes case count). The first search of a folder builds its index under \
            $XDG_CACHE_HOME/gazette; later ones read only what changed. Exit status: 0 with results, \
            1 with none, 2 on a usage error or when the index cannot be opened (its folder not writable, \
            the database held while it is set up), 3 when the opened index fails during the search (a \
            full disk, a database held past the busy timeout). With --json: JSON Lines {"file", "title", "section", \
            "snippet", "offset", "score"}, offset being the byte offset of the match in what \
            `gazette dump --width 0 FILE` prints.
            """
    )
    @Argument(help: "What to look for (one argument: quote it in the shell).") var query: String
    @Argument(help: "Folders or article files (default: the current folder).") var paths: [String] = []
    @Flag(help: "Print JSON Lines.") var json = false
    @Option(help: "At most this many results (articles).") var limit = 20
    @Flag(
        name: .customLong("no-update"),
        help: "Search the index as it stands, without looking for new, changed or removed files first.")
    var noUpdate = false
    @Flag(
        name: .customLong("full-check"),
        help: ArgumentHelp(
            "Look at every file for changes first (files edited in place too), not only the folders whose "
                + "contents changed."))
    var fullCheck = false
    @OptionGroup var options: CollectionOptions

    func validate() throws {
        if noUpdate && fullCheck { throw ValidationError("--no-update and --full-check contradict: give one of them") }
    }

    func run() throws {
        guard (1...Search.maxLimit).contains(limit) else {
            throw UsageFailure(message: "--limit must be between 1 and \(Search.maxLimit.formatted())")
        }
        let parsed: SearchQuery
        do throws(SearchQueryError) {
            parsed = try SearchQuery.parse(query)
        } catch {
            throw UsageFailure(message: error.description)
        }
        let (index, scope, names) = try openIndex()
        let found: [(hit: SearchHit, article: Article)]
        do {
            found = try searchOnce(index, parsed, scope)
        } catch let error where SearchIndex.isDamage(error) {
            // Damage inside the index (its header was whole): start it again, once.
            Output.error("the search index was damaged (\(SearchIndex.reason(error))); building it again")
            do {
                try index.reset()
                found = try searchOnce(index, parsed, scope)
            } catch {
                throw unusable(error)
            }
        } catch {
            throw unusable(error)
        }
        for (hit, article) in found {
            guard let snippet = hit.snippet else { continue }
            print(hit, article: article, snippet: snippet, file: names.shown(hit.path))
        }
        let shown = found.count
        if shown == 0 {
            // Nothing found because there was nothing to search: say why.
            for folder in paths.isEmpty ? ["."] : paths {
                if let why = EmptyFolder.why(folder, options) { Output.error(why) }
            }
            throw ExitCode(1)
        }
    }

    /// Results beyond this are not asked for: nobody reads them, and the index would rank them all.
    static let maxLimit = 10_000

    /// Updates the index (unless told not to), then searches it.
    func searchOnce(_ index: SearchIndex, _ query: SearchQuery, _ scope: IndexScope) throws -> [(
        hit: SearchHit, article: Article
    )] {
        if !noUpdate {
            let report = try updateIndex(index, scope)
            for line in report.skipped { Output.error(line) }
        }
        return try index.find(query, scope: scope, limit: limit)
    }

    /// An index that cannot be used this time: one line, exit 3 (not 1, which means "no results").
    func unusable(_ error: any Error) -> Error {
        Output.error("cannot use the search index: \(SearchIndex.reason(error))")
        return ExitCode(3)
    }

    /// The index, what to search, and how to print paths as they were typed.
    func openIndex() throws -> (SearchIndex, IndexScope, PathNames) {
        guard let location = IndexLocation.standard(environment: ProcessInfo.processInfo.environment) else {
            throw UsageFailure(message: "cannot place the search index: set XDG_CACHE_HOME or HOME")
        }
        let opened: (index: SearchIndex, notice: String?)
        do throws(SearchIndexError) {
            opened = try SearchIndex.open(location)
        } catch {
            Output.error(error.description)
            throw ExitCode(2)
        }
        if let notice = opened.notice { Output.error(notice) }
        let cwd = FileManager.default.currentDirectoryPath
        var folders: [String] = []
        var files: [String] = []
        for path in paths.isEmpty ? ["."] : paths {
            switch NamedPaths.kind(path) {
            case .folder: folders.append(path)
            case .file: files.append(path)
            case .brokenLink, .missing: throw UsageFailure(message: "\(path): no such file or folder")
            }
        }
        let scope = IndexScope(
            folders: folders, files: files, fileExtension: options.fileExtension, depth: options.folderDepth,
            directory: cwd)
        return (opened.index, scope, PathNames(typed: folders + files, scope: scope))
    }

    /// Brings the index up to date, with progress on stderr when it is a terminal.
    func updateIndex(_ index: SearchIndex, _ scope: IndexScope) throws -> IndexReport {
        let tty = isatty(STDERR_FILENO) == 1
        let clock = ContinuousClock()
        let started = clock.now
        // Folders whose mtime moved are listed again (files added, removed, renamed); files edited in
        // place are seen when they are hits, or with --full-check (docs/SEARCH.md, "Freshness").
        let report = try index.update(scope, mode: fullCheck ? .full : .movedFolders) { progress in
            guard tty, progress.done < progress.total, clock.now - started > .milliseconds(300) else { return }
            Output.write(
                "\rindexing \(progress.done.formatted())/\(progress.total.formatted())\u{1B}[K", to: STDERR_FILENO)
        }
        if tty, clock.now - started > .milliseconds(300) { Output.write("\r\u{1B}[K", to: STDERR_FILENO) }
        return report
    }

    func print(_ hit: SearchHit, article: Article, snippet: Snippet, file: String) {
        let heading = article.sections.indices.contains(hit.section) ? article.sections[hit.section].heading : nil
        if json {
            let block = ArticleLayout.block(of: snippet.place, section: hit.section, in: article)
            let offset = PlainTextDump.unwrappedOffset(of: block, byte: snippet.offset, in: article)
            Output.line(
                JSONValue.object([
                    ("file", .string(file)), ("title", .string(article.title)),
                    ("section", heading.map { .string($0) } ?? .null), ("snippet", .string(snippet.text)),
                    ("offset", .int(offset)), ("score", .double((hit.score * 1000).rounded() / 1000)),
                ]).serialized)
        } else {
            // A file name is untrusted text too: sanitised, bytes that are not UTF-8 as \xNN.
            Output.line(shown(file) + "\t" + article.title + (heading.map { " › " + $0 } ?? ""))
            Output.line("    " + snippet.text)
        }
    }
}

/// Paths printed as the person typed them: a folder's files under the folder's name as given.
struct PathNames {
    var pairs: [(canonical: String, typed: String)]

    init(typed: [String], scope: IndexScope) {
        pairs = Array(zip(scope.folders + scope.files, typed))
    }

    func shown(_ path: String) -> String {
        for (canonical, typed) in pairs {
            if path == canonical { return typed }
            let base = canonical.hasSuffix("/") ? canonical : canonical + "/"
            if path.hasPrefix(base) {
                let rest = String(path.dropFirst(base.count))
                if typed == "." { return rest }
                return (typed.hasSuffix("/") ? typed : typed + "/") + rest
            }
        }
        return path
    }
}
