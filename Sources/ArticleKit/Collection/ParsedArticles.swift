import Synchronization

/// Pages and notes read whole while a collection was scanned (their title is decided with their
/// body), kept for one later reader so that a command which reads them right after the scan (`toc`,
/// `dump`) does not parse each page twice. Bounded by the bytes of the files kept; each article is
/// handed out once and then forgotten. Only for commands that read at once: the reader, which opens
/// articles minutes later, reads them again from the file.
public final class ParsedArticles: Sendable {
    private struct Kept {
        var articles: [String: Article] = [:]
        var bytes = 0
    }
    private let kept = Mutex(Kept())
    /// Most bytes of source files whose articles are kept.
    public let budget: Int

    public init(budget: Int = 256 << 20) { self.budget = budget }

    /// Keeps `article`, read from `bytes` bytes of `source`, while the budget allows.
    public func keep(_ article: Article, source: String, bytes: Int) {
        kept.withLock { k in
            guard k.bytes + bytes <= budget else { return }
            k.articles[source] = article
            k.bytes += bytes
        }
    }

    /// The article kept for `source`, once.
    public func take(_ source: String) -> Article? {
        kept.withLock { $0.articles.removeValue(forKey: source) }
    }
}
