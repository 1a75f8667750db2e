import Foundation

/// A collection together with where its bytes live and how to parse them: what
/// the reader and the commands open.
public struct ArticleLibrary: Sendable {
    public let collection: ArticleCollection
    public let store: any ArticleStore
    public var parser: ArticleParser

    /// Pages the scan read whole, kept for this library's first read of each (commands only).
    public var parsed: ParsedArticles?

    public init(
        collection: ArticleCollection, store: any ArticleStore, parser: ArticleParser = ArticleParser(),
        parsed: ParsedArticles? = nil
    ) {
        self.collection = collection
        self.store = store
        self.parser = parser
        self.parsed = parsed
    }

    /// Reads and parses one entry.
    public func article(_ entry: Int) -> Result<Article, ArticleError> {
        let source = collection.entries[entry].source
        if let kept = parsed?.take(source) { return .success(kept) }
        do throws(ArticleError) {
            return .success(try parser.parse(try store.bytes(of: source), source: source))
        } catch {
            return .failure(error)
        }
    }

    /// The start of one entry, for a first screen: the whole article when the file
    /// holds at most `maxBytes`, else what its first `maxBytes` hold (complete false).
    public func articleStart(_ entry: Int, maxBytes: Int) -> (article: Result<Article, ArticleError>, complete: Bool) {
        let source = collection.entries[entry].source
        do throws(ArticleError) {
            let (bytes, whole) = try store.prefix(of: source, count: maxBytes)
            if whole { return (.success(try parser.parse(bytes, source: source)), true) }
            // Only plain text can be shown from its start; a page is read whole.
            if FormatChooser.format(source: source, head: bytes) != .text { return (article(entry), true) }
            // Up to the last line end only: the rest of a cut line comes with the full parse.
            let end = bytes.withUnsafeBufferPointer { LineSplitter.wholeLinesLength($0) }
            var article = try parser.parse(Array(bytes[..<end]), source: source)
            article.previousTitle = collection.entries[entry].links.previousTitle
            article.nextTitle = collection.entries[entry].links.nextTitle
            article.warnings = []
            return (.success(article), false)
        } catch {
            return (.failure(error), true)
        }
    }

    /// Parses one entry chunk by chunk, handing out events as they are decided:
    /// memory stays bounded by the largest paragraph, however big the file.
    /// Returns what the end of the file told: the PREV/NEXT titles and warnings.
    public func stream(_ entry: Int, _ emit: @escaping (ArticleEvent) -> Void) throws(ArticleError) -> ArticleLinks {
        let end = try streamParse(collection.entries[entry].source, emit)
        return ArticleLinks(
            title: collection.entries[entry].links.title, previousTitle: end.previousTitle, nextTitle: end.nextTitle)
    }

    /// The whole of one entry, read and parsed a chunk at a time: the same article as `article(_:)`, without
    /// the file's bytes held beside its text while it is parsed (for the reader's big articles).
    public func streamedArticle(_ entry: Int) -> Result<Article, ArticleError> {
        let source = collection.entries[entry].source
        if let head = try? store.prefix(of: source, count: 4096).bytes,
            FormatChooser.format(source: source, head: head) != .text
        {
            return article(entry)
        }
        var collector = SectionCollector()
        do throws(ArticleError) {
            let end = try streamParse(source) { collector.add($0) }
            return .success(
                Article(
                    title: collector.title, sections: collector.sections, previousTitle: end.previousTitle,
                    nextTitle: end.nextTitle, source: source, warnings: end.warnings))
        } catch {
            return .failure(error)
        }
    }

    private func streamParse(_ source: String, _ emit: @escaping (ArticleEvent) -> Void) throws(ArticleError)
        -> (previousTitle: String?, nextTitle: String?, warnings: [String])
    {
        let store = self.store
        return try StreamingParser.parse(
            source, detector: parser.detector,
            chunks: { (body) throws(ArticleError) in try store.stream(source, body) },
            emit: emit)
    }

    /// What the command line names, opened: every folder's articles (with its subfolders', as deep as
    /// the loader reads), and for a file its own folder too (so its links resolve). `selected` are the
    /// entries the paths name: all of a folder's, or the file itself; `failed` are the named files (or
    /// files in named folders) that could not be served, and the folders under a named one that were
    /// not read (loops, past the default depth). Siblings read only to resolve a named file's links are
    /// not reported.
    public static func open(paths: [String], loader: CollectionLoader = CollectionLoader()) throws(ArticleError) -> (
        library: ArticleLibrary, selected: [Int], failed: [ArticleError]
    ) {
        var sources: [String] = []
        var folders: [String] = []
        // By identity: the same file named twice ("a.txt", "./a.txt") is one article.
        var seen = Set<ArticleID>()
        var wanted: [ArticleID] = []
        var skippedFolders: [ArticleError] = []
        /// Adds the sources not seen yet; returns the identities of all of them.
        func add(_ listing: FolderListing) -> [ArticleID] {
            zip(listing.files, listing.folders).map { source, folder in
                let id = loader.store.identity(of: source)
                if seen.insert(id).inserted {
                    sources.append(source)
                    folders.append(folder)
                }
                return id
            }
        }
        var listedFolders = Set<String>()
        for path in paths {
            let kind = NamedPaths.kind(path)
            guard kind != .missing else { throw .notFound(path: path) }
            if kind == .folder {
                let listing = try loader.listing(folder: path)
                if listing.files.isEmpty { throw .noArticles(path: path) }
                wanted += add(listing)
                skippedFolders += listing.skipped
            } else {
                let folder = NamedPaths.parent(path)
                // A folder we cannot list still leaves the named file readable. Each folder is listed
                // once, however many of its files are named (`toc *.html` names them all).
                if listedFolders.insert(folder).inserted, let siblings = try? loader.listing(folder: folder) {
                    _ = add(siblings)
                }
                wanted += add(FolderListing(files: [path], folders: [""]))
            }
        }
        // Not held while the collection is built (a set of every file, at 200,000 files megabytes).
        seen = []
        listedFolders = []
        let collection = loader.collection(of: sources, folders: folders)
        let selected = wanted.compactMap(collection.index(of:))
        let wantedSet = collection.failures.isEmpty ? [] : Set(wanted)
        let failed = collection.failures.filter { wantedSet.contains(loader.store.identity(of: $0.path)) }
        return (
            ArticleLibrary(collection: collection, store: loader.store, parsed: loader.parsed), selected,
            failed + skippedFolders
        )
    }

    /// Just the article the reader shows first — a named file, or a folder's first article by path
    /// (`CollectionLoader.firstArticle`) — without reading the rest of the folder. Nil when that
    /// article cannot be read (the full `open` then finds the first readable one).
    public static func openFirst(
        paths: [String], loader: CollectionLoader = CollectionLoader(), cache: FirstArticleCache? = nil
    ) throws(ArticleError) -> ArticleLibrary? {
        guard let path = paths.first else { return nil }
        let kind = NamedPaths.kind(path)
        guard kind != .missing else { throw .notFound(path: path) }
        let source: String
        var folder = ""
        if kind == .folder {
            let depth = loader.effectiveDepth
            if let cached = cache?.lookup(folder: path, fileExtension: loader.fileExtension, depth: depth) {
                source = cached
            } else {
                let walk = loader.firstArticleWalk(inFolder: path)
                guard let first = walk.first else { throw .noArticles(path: path) }
                cache?.store(
                    folder: path, fileExtension: loader.fileExtension, depth: depth, first: first, listed: walk.listed)
                source = first
            }
            folder = FolderWalk.relativeFolder(of: source, under: path)
        } else {
            source = path
        }
        let collection = loader.collection(of: [source], folders: [folder])
        guard collection.failures.isEmpty, !collection.entries.isEmpty else { return nil }
        return ArticleLibrary(collection: collection, store: loader.store)
    }
}
