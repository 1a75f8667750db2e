import ArticleKit

/// Where the search index lives: `$XDG_CACHE_HOME/gazette/search.sqlite`, or
/// `~/.cache/gazette/search.sqlite`. A cache: deleting it loses nothing, the next search
/// builds it again from the articles, which stay the source of truth.
public struct IndexLocation: Sendable, Equatable {
    public let directory: String
    public var database: String { directory + "/search.sqlite" }

    public init(directory: String) {
        self.directory = directory
    }

    /// Nil when neither `XDG_CACHE_HOME` (absolute, as the XDG spec asks) nor `HOME` is set.
    public static func standard(environment: [String: String]) -> IndexLocation? {
        BaseDirectory.cache.folder(environment: environment).map(IndexLocation.init)
    }
}
