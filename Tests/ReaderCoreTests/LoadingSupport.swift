import ArticleKit
import ReaderLoop

@testable import ReaderCore

/// The reader in tests that look at one state at a time: article reads are carried
/// out at once, as the run loop does before drawing; background work (indexing,
/// reading a big file whole) is left for the test to deliver.
extension ReaderState {
    /// The reader on the `start`-th entry, that article read.
    init(
        library: ArticleLibrary, start: Int, width: Int, height: Int, options: ReaderOptions = .standard,
        chains: ChainBuilder.Result? = nil, indexing: Bool = false
    ) {
        var (state, effects) = ReaderState.open(
            library: library, at: library.collection.entries[start].id,
            width: width, height: height, options: options, chains: chains,
            indexing: indexing)
        _ = DocumentLoader.settle(effects, into: &state)
        self = state
    }

    /// Handles an event and reads what it asks for; returns the effects left over.
    @discardableResult
    mutating func send(_ event: ReaderEvent) -> [Effect] {
        DocumentLoader.settle(handle(event), into: &self)
    }

    @discardableResult
    mutating func send(_ input: InputEvent) -> [Effect] {
        send(.input(input))
    }
}

extension ArticleLibrary {
    /// The articles `names` of `store`, indexed.
    static func of(_ names: [String], in store: any ArticleStore) -> ArticleLibrary {
        ArticleLibrary(collection: CollectionLoader(store: store).collection(of: names), store: store)
    }
}
