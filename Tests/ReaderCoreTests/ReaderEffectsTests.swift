import ArticleKit
import ReaderLoop
import XCTest

@testable import ReaderCore

/// The state as a pure core: it asks for reads and indexing as effects, shows the
/// index's title while an article is read, and refers to articles by identity.
final class ReaderEffectsTests: XCTestCase {
    let library = ReaderFixtures.library()
    func id(_ entry: Int) -> ArticleID { library.collection.entries[entry].id }

    /// The fixture folder with an article added in front of the others: every entry moves down one.
    func grown() -> ArticleLibrary {
        let new = "Un articolo nuovo\n\n-\n\nAppena arrivato nella cartella, prima di tutti gli altri.\n"
        let files = [
            ("00_new.txt", new),
            ("01_it.txt", ReaderFixtures.italian), ("02_ja.txt", ReaderFixtures.japanese),
            ("03_en.txt", ReaderFixtures.english), ("04_de.txt", ReaderFixtures.german),
        ]
        let store = MemoryStore(files.map { (name: $0.0, text: $0.1) })
        return .of(files.map(\.0), in: store)
    }

    func testOpeningAsksForTheArticleAndShowsItsTitleMeanwhile() {
        let (state, effects) = ReaderState.open(collection: library.collection, at: id(1), width: 60, height: 12)
        XCTAssertEqual(effects, [.load(LoadRequest(article: id(1), width: 60, height: 12, indexing: false))])
        XCTAssertEqual(state.document.extent, .loading)
        XCTAssertTrue(state.screen.text(row: 0).contains("金沢の路地に活版印刷所が復活"))
        XCTAssertTrue(state.screen.text.contains("Loading…"))
        let (_, indexing) = ReaderState.open(
            collection: library.collection, at: id(0), width: 60, height: 12, indexing: true)
        XCTAssertEqual(indexing.last, .startIndexing)
    }

    func testLeavingAnArticleSavesWhereTheReaderWasAndAsksForTheNext() {
        var state = ReaderState(library: library, start: 0, width: 60, height: 12)
        state.send(.key(.character("j")))
        state.send(.key(.character("j")))
        let here = Position(article: id(0), block: state.lines[2].block, line: 2, width: state.document.layout.width)
        let effects = state.handle(.key(.character("n")))
        let next = LoadRequest(article: id(1), width: 60, height: 12, indexing: false)
        XCTAssertEqual(effects, [.persistPosition(here), .load(next)])
        XCTAssertEqual(state.backStack, [here])
        XCTAssertTrue(
            state.screen.text(row: 0).contains("金沢の路地に活版印刷所が復活"),
            "the index's title, before the file is read")
        let headed = Position(article: id(1), block: 0, line: 0, width: 0)
        XCTAssertEqual(
            state.handle(.key(.character("q"))), [.persistPosition(headed), .quit],
            "quitting while an article is read saves where the reader was headed")
    }

    func testQuittingAndBeingStoppedSaveThePosition() {
        var state = ReaderState(library: library, start: 2, width: 60, height: 12)
        state.send(.key(.character("G")))
        let here = Position(
            article: id(2), block: state.lines[state.top].block, line: state.top,
            width: state.document.layout.width)
        var stopped = state
        XCTAssertEqual(state.handle(.key(.character("q"))), [.persistPosition(here), .quit])
        XCTAssertEqual(stopped.handle(.stop), [.persistPosition(here), .quit])
    }

    /// Keys typed before the article is in run on it, in order, once it is.
    func testKeysWaitForTheArticleBeingRead() {
        var state = ReaderState(library: library, start: 0, width: 60, height: 12)
        let load = state.handle(.key(.character("n")))
        XCTAssertEqual(state.handle(.key(.character("G"))), [])
        XCTAssertEqual(state.handle(.key(.character("k"))), [])
        XCTAssertEqual(state.top, 0)
        let left = TestReading.settle(load, into: &state)
        XCTAssertEqual(left, [.persistPosition(state.backStack[0])])
        XCTAssertEqual(state.document.id, id(1))
        XCTAssertEqual(state.top, state.maxTop - 1, "G, then k")
    }

    /// The index arrives with files before the first article: every entry number moves,
    /// and the document, the history and the waiting commands still mean the same articles.
    func testTheIndexMovesEntriesButNotTheReader() {
        let full = grown()
        XCTAssertEqual(full.collection.entries.count, 5)
        let first = ArticleLibrary.of(["01_it.txt"], in: full.store)
        let italian = first.collection.entries[0].id
        var state = ReaderState(library: first, start: 0, width: 60, height: 12, indexing: true)
        state.send(.key(.character("G")))
        let top = state.top
        state.send(.key(.character("n")))
        state.send(.key(.character("n")))
        XCTAssertEqual(state.entryIndex, 0)
        state.send(.indexed(full.collection, ChainBuilder.build(full.collection)))
        XCTAssertEqual(state.document.id, ArticleID(key: "03_en.txt"))
        XCTAssertEqual(state.entryIndex, 3)
        XCTAssertEqual(state.backStack.map(\.article), [italian, ArticleID(key: "02_ja.txt")])
        state.send(.key(.backspace))
        state.send(.key(.backspace))
        XCTAssertEqual(state.document.id, italian)
        XCTAssertEqual(state.entryIndex, 1)
        XCTAssertEqual(state.top, top)
        XCTAssertTrue(state.screen.text(row: 0).hasSuffix("chain 1/3"))
    }

    func testTheIndexWithoutTheArticleOnScreenKeepsTheReaderWhereItIs() {
        let store = library.store
        let first = ArticleLibrary.of(["01_it.txt"], in: store)
        let without = ArticleLibrary.of(["02_ja.txt"], in: store)
        var state = ReaderState(library: first, start: 0, width: 60, height: 12, indexing: true)
        state.send(.key(.character("n")))
        XCTAssertEqual(state.send(.indexed(without.collection, ChainBuilder.build(without.collection))), [])
        XCTAssertFalse(state.indexing)
        XCTAssertEqual(state.message, "The folder changed while it was indexed; 01_it.txt is gone from it")
        XCTAssertEqual(state.document.id, id(0), "the waiting n is dropped with the index")
    }

    /// A re-index while the list is open keeps the same article selected, wherever it now is.
    func testTheListKeepsItsSelectionWhenTheCollectionChanges() {
        var state = ReaderState(library: library, start: 0, width: 60, height: 12)
        state.send(.key(.character("l")))
        state.send(.key(.end))
        let grown = grown()
        state.send(.indexed(grown.collection, ChainBuilder.build(grown.collection)))
        guard case .list(let list) = state.overlay else { return XCTFail("the list closed") }
        XCTAssertEqual(list.matches.count, 5)
        XCTAssertEqual(list.marked, 1, "the article on screen moved down one")
        state.send(.key(.enter))
        XCTAssertEqual(state.document.id, ArticleID(key: "04_de.txt"))
    }

    /// A big article's whole text is asked for once, and again only if the answer came
    /// while the reader was elsewhere.
    func testTheWholeOfABigArticleIsAskedForOnce() {
        let big = BigFixture.library()
        var state = ReaderState(library: big, start: 0, width: 80, height: 24)
        let left = TestReading.settle(state.handle(.key(.character("n"))), into: &state)
        XCTAssertEqual(state.document.id, BigFixture.small)
        let back = TestReading.settle(state.handle(.key(.character("p"))), into: &state)
        XCTAssertEqual(state.document.extent, .start)
        XCTAssertFalse(back.contains(where: \.isWholeRead), "still being read: not asked again")
        XCTAssertFalse(left.contains(where: \.isWholeRead))
        let request = LoadRequest(article: BigFixture.big, width: 80, height: 24, indexing: false)
        state.send(.key(.character("n")))
        state.send(.loaded(DocumentLoader.load(request, whole: true, from: big)))
        XCTAssertEqual(state.document.id, BigFixture.small, "an answer for an article not on screen is dropped")
        let again = TestReading.settle(state.handle(.key(.character("p"))), into: &state)
        XCTAssertEqual(again.last, .loadFull(request))
    }
}

/// A chain of two: an article bigger than the first screen reads, then a small one.
enum BigFixture {
    static let big = ArticleID(key: "big.txt")
    static let small = ArticleID(key: "small.txt")
    static let sections = 400

    static func library() -> ArticleLibrary {
        let sentence = "Il consiglio comunale ha discusso a lungo la proposta, e la decisione è rinviata. "
        let paragraph = String(repeating: sentence, count: 12)
        var blocks: [String] = []
        for n in 0..<sections { blocks += ["Capitolo \(n + 1) della cronaca", paragraph] }
        let text =
            "Una cronaca molto lunga\n\n-\n\n" + blocks.joined(separator: "\n\n")
            + "\n\n-\n\nNEXT Una notizia breve"
        precondition(text.utf8.count > ReaderState.firstScreenBytes)
        let short =
            "Una notizia breve\n\n-\n\nIl consiglio si riunirà di nuovo la settimana prossima.\n\n-\n\n"
            + "PREV Una cronaca molto lunga"
        let store = MemoryStore([(name: big.key, text: text), (name: small.key, text: short)])
        return .of([big.key, small.key], in: store)
    }
}

extension Effect {
    var isWholeRead: Bool {
        if case .loadFull = self { return true }
        return false
    }
}
