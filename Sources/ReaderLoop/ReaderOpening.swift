import ArticleKit
import ReaderCore

/// The reader as it opens, what it asks for first, and where its articles are read from: the state
/// knows only the collection; the run loop reads from `library`'s store.
public struct ReaderOpening {
    public var state: ReaderState
    public var effects: [Effect]
    public let library: ArticleLibrary

    public init(state: ReaderState, effects: [Effect], library: ArticleLibrary) {
        self.state = state
        self.effects = effects
        self.library = library
    }
}

extension ReaderState {
    /// The reader opening on `start` in `library`'s collection (`ReaderState.open(collection:…)`), with
    /// the library the loop reads its articles from.
    public static func open(
        library: ArticleLibrary, at start: ArticleID, width: Int, height: Int,
        options: ReaderOptions = .standard, chains: ChainBuilder.Result? = nil,
        indexing: Bool = false, resume: TextPlace? = nil, shortlist: [ArticleID]? = nil
    ) -> ReaderOpening {
        let (state, effects) = open(
            collection: library.collection, at: start, width: width, height: height, options: options,
            chains: chains, indexing: indexing, resume: resume, shortlist: shortlist)
        return ReaderOpening(state: state, effects: effects, library: library)
    }
}
