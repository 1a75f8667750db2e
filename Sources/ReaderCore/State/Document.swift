import ArticleKit

/// The article being read, parsed and laid out for the current column width.
public struct Document: Sendable, Equatable {
    /// How much of the article the document holds.
    public enum Extent: Sendable, Equatable {
        /// Nothing yet: the index's title and "Loading…" stand in while the file is read.
        case loading
        /// The start of a big file; the rest comes in answer to `.loadFull`.
        case start
        case whole
    }

    public var id: ArticleID
    public var article: Article
    /// Set when the file could not be read: the document then explains why.
    public var failure: String?
    public var layout: ArticleLayout
    public var extent: Extent
    /// The file as it was when read, where it is a file (nil for built-in or in-memory articles).
    public var file: FileStamp?
    /// The layout folded for `/`, made at the first search and kept while the layout stays.
    var folded = FoldedLayouts()

    public init(id: ArticleID, article: Article, failure: String? = nil, layout: ArticleLayout, extent: Extent) {
        self.id = id
        self.article = article
        self.failure = failure
        self.layout = layout
        self.extent = extent
    }

    /// A file's identity for noticing a change on disk, and what `=` reports about it.
    public struct FileStamp: Sendable, Equatable {
        public var path: String
        public var size: Int
        /// Seconds since 1970.
        public var modified: Double

        public init(path: String, size: Int, modified: Double) {
            self.path = path
            self.size = size
            self.modified = modified
        }
    }

    public var isComplete: Bool { extent == .whole }
    public var headings: [String?] { article.sections.map(\.heading) }
    var hasOutline: Bool { article.sections.contains { $0.heading != nil } }

    static let loadingText = "Loading…"
    /// Drawn as the link lines were before the links are known.
    static let readingFooter = [FooterLine.rule, FooterLine("Reading the rest of this article…", .footerLink)]

    /// Stands in for an article while it is read: its title as the index knows it.
    static func loading(_ id: ArticleID, in collection: ArticleCollection, width: Int) -> Document {
        let entry = collection.index(of: id).map { collection.entries[$0] }
        let article = Article(
            title: entry?.links.title ?? id.key,
            sections: [Section(heading: nil, paragraphs: [loadingText])],
            previousTitle: nil, nextTitle: nil, source: entry?.source ?? id.key)
        return Document(
            id: id, article: article, layout: ArticleLayout.make(article, footer: [], width: width),
            extent: .loading)
    }

    /// What was read for `id` (`complete`: all of it), laid out for the column the
    /// request's window gives it; an unreadable file becomes a page saying why.
    public static func make(
        _ request: LoadRequest, read: Result<Article, ArticleError>, complete: Bool,
        collection: ArticleCollection
    ) -> Document {
        let entry = collection.index(of: request.article)
        let article: Article
        var failure: String?
        switch read {
        case .success(let a):
            article = a
        case .failure(let error):
            failure = error.description
            let known = entry.map { collection.entries[$0] }
            let explanation = "This article could not be read: \(error.description)"
            article = Article(
                title: known?.links.title ?? "Unreadable article",
                sections: [Section(heading: nil, paragraphs: [explanation])],
                previousTitle: known?.links.previousTitle, nextTitle: known?.links.nextTitle,
                source: known?.source ?? request.article.key)
        }
        let extent: Extent = complete || failure != nil ? .whole : .start
        let links = entry.map { collection.resolutions[$0] }
        let footer = footer(article, extent: extent, links: links, collection: collection, indexing: request.indexing)
        let hasOutline = article.sections.contains { $0.heading != nil }
        let column = Geometry(
            width: request.width, height: request.height, wantsPane: hasOutline, layout: request.layout
        ).columnWidth
        return Document(
            id: request.article, article: article, failure: failure,
            layout: ArticleLayout.make(article, footer: footer, width: column), extent: extent)
    }

    /// The closing lines: where PREV and NEXT lead once the whole article is read.
    static func footer(
        _ article: Article, extent: Extent, links: Resolutions?, collection: ArticleCollection,
        indexing: Bool
    ) -> [FooterLine] {
        switch extent {
        case .loading: return []
        case .start: return readingFooter
        case .whole: return PlainTextDump.footer(article, links: links, collection: collection, indexing: indexing)
        }
    }
}
