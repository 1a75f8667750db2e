import ArticleKit
import ReaderCore

/// How the reader reaches a full-text index without the loop knowing what it is: one job
/// brings it up to date behind the screen, reporting progress; queries run on a worker
/// meanwhile (the index answers from what it holds so far).
public struct SearchHooks: Sendable {
    /// Brings the index up to date, calling `progress(done, total)` as files are taken in; gives
    /// a one-line notice (a damaged index rebuilt) or nil, or why the index cannot be used at all.
    public var update: @Sendable (_ progress: @escaping @Sendable (Int, Int) -> Void) -> Result<String?, SearchFailure>
    /// The hits for a query, best first, with snippets cut when asked (which reads their files);
    /// or why there are none to give.
    public var find: @Sendable (SearchQuery, _ limit: Int, _ snippets: Bool) -> Result<[SearchHit], SearchFailure>

    public init(
        update:
            @escaping @Sendable (_ progress: @escaping @Sendable (Int, Int) -> Void) -> Result<
                String?, SearchFailure
            >,
        find: @escaping @Sendable (SearchQuery, _ limit: Int, _ snippets: Bool) -> Result<[SearchHit], SearchFailure>
    ) {
        self.update = update
        self.find = find
    }
}

/// Why a query got no answer from the index, in one line.
public struct SearchFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
