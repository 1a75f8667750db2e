import ArticleKit

/// What the reader's state asks the world to do. `ReaderState.handle` only decides;
/// the run loop carries these out and hands the answers back as `ReaderEvent`s, so
/// the state never reads a file or starts a thread.
public enum Effect: Sendable, Equatable {
    /// Read an article's first screen (the whole of it when the file is small) and lay
    /// it out; quick, so the run loop may do it before drawing. Answered by `.loaded`.
    case load(LoadRequest)
    /// Read the whole of a big article behind the screen. Answered by `.loaded`.
    case loadFull(LoadRequest)
    /// Index the whole folder behind the screen. Answered by `.indexed`.
    case startIndexing
    /// Where the reader was in an article it is leaving (or quitting), for a store of
    /// saved positions.
    case persistPosition(Position)
    /// A change to the read state, marks or history, for a store (see `Journal`).
    case record(StateChange)
    /// The reader is done: the run loop ends.
    case quit
    /// Throw away what the terminal shows and draw every cell again (Ctrl-L).
    case repaint
    /// Give the terminal back to the shell until the job is resumed (Ctrl-Z).
    case suspend
    /// Open `path` in the person's editor at the line holding `near` (the start of the text in
    /// focus: the layout does not know file lines); answered by `.reload` on return.
    case edit(path: String, near: String)
    /// Count the matches of a search beyond the part searched at once, behind the screen, a chunk at a
    /// time. Answered by `.searchCounted`, once for each chunk.
    case countMatches(SearchJob)
    /// The count with this id is no longer wanted (Esc, another search, another article): stop it.
    case cancelCount(Int)
    /// Search every article (the index may still be growing). Answered by `.collectionResults`.
    case searchCollection(CollectionSearchRequest)
    /// Bring the full-text index up to date behind the screen: asked once, when the loop has said it has
    /// an index (`.searchIndexOpened`) and the folder is known whole. Answered by `.searchIndex`.
    case updateSearchIndex
    /// Look at this file now and then, and say `.reload` when it changed on disk: the article on screen
    /// was read from it. A new one replaces the one watched before.
    case watchFile(Document.FileStamp)
}

/// Which article to read, and for what window: the column it is laid out to depends
/// on the window and on whether the article has headings (the outline pane).
public struct LoadRequest: Sendable, Equatable {
    public var article: ArticleID
    public var width: Int
    public var height: Int
    /// The folder is still being indexed: links not found yet may still be found.
    public var indexing: Bool
    /// How the column is laid out, so the article comes back at the width it is shown at.
    public var layout: ReadingLayout

    public init(article: ArticleID, width: Int, height: Int, indexing: Bool, layout: ReadingLayout = .standard) {
        self.article = article
        self.width = width
        self.height = height
        self.indexing = indexing
        self.layout = layout
    }
}

/// Everything that changes the reader: what the person does, and the answers to its effects.
public enum ReaderEvent: Sendable {
    case input(InputEvent)
    /// An article read and laid out, in answer to `.load` or `.loadFull`.
    case loaded(Document)
    /// The folder's full index, in answer to `.startIndexing` (or a re-index): the run loop keeps
    /// where the articles are read from, the reader gets what it needs to know of them.
    case indexed(ArticleCollection, ChainBuilder.Result)
    /// Open an article from outside the reader's own keys (a benchmark, later a search hit).
    case open(ArticleID)
    /// The process is asked to end (SIGTERM, SIGHUP): leave as quitting does.
    case stop
    /// What past sittings left (read state, marks, history), from a store.
    case journal(Journal)
    /// Read the article on screen again, keeping the place: after the editor, or when its file changed.
    case reload
    /// A one-line note for the status line from background work (files the index skipped).
    case notice(String)
    /// Hits of a `.searchCollection`.
    case collectionResults(CollectionResults)
    /// How far the full-text index of the folder is (sent as it grows, and once it is ready).
    case searchIndex(SearchIndexStatus)
    /// The run loop has a full-text index for this reader: the reader asks for it to be brought up to
    /// date (`.updateSearchIndex`) once the folder is known whole.
    case searchIndexOpened
    /// A batch of keys has been taken: the place is saved if it moved (`.persistPosition`), so a crash
    /// loses at most what the store has not written yet.
    case keysTaken
    /// A part of the count asked for by `.countMatches`.
    case searchCounted(SearchChunk)
}

extension ReaderEvent {
    /// The last chunk of count `id`: the count is over, nothing to stop.
    func ends(count id: Int) -> Bool {
        if case .searchCounted(let chunk) = self { return chunk.final && chunk.id == id }
        return false
    }
}
