import ArticleKit
import ReaderLoop
import Synchronization

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
        self.init(
            opening: ReaderState.open(
                library: library, at: library.collection.entries[start].id,
                width: width, height: height, options: options, chains: chains,
                indexing: indexing))
    }

    /// The reader as `opening` leaves it, its first article read; `send` reads from its library after.
    init(opening: ReaderOpening) {
        TestReading.library.withLock { $0 = opening.library }
        var state = opening.state
        _ = DocumentLoader.settle(opening.effects, into: &state, from: opening.library)
        self = state
    }

    /// Handles an event and reads what it asks for; returns the effects left over.
    @discardableResult
    mutating func send(_ event: ReaderEvent) -> [Effect] {
        DocumentLoader.settle(handle(event), into: &self, from: TestReading.current)
    }

    @discardableResult
    mutating func send(_ input: InputEvent) -> [Effect] {
        send(.input(input))
    }
}

/// Where the readers of these tests read their articles from: the library of the reader opened last
/// (the state holds only the collection; the run loop holds the library). Tests run one at a time.
enum TestReading {
    static let library = Mutex<ArticleLibrary?>(nil)

    static var current: ArticleLibrary {
        guard let library = library.withLock({ $0 }) else { preconditionFailure("no reader opened in this test") }
        return library
    }

    /// Carries out the `.load`s of `effects` from the current library.
    static func settle(_ effects: [Effect], into state: inout ReaderState) -> [Effect] {
        DocumentLoader.settle(effects, into: &state, from: current)
    }
}

extension ArticleLibrary {
    /// The articles `names` of `store`, indexed.
    static func of(_ names: [String], in store: any ArticleStore) -> ArticleLibrary {
        ArticleLibrary(collection: CollectionLoader(store: store).collection(of: names), store: store)
    }
}
