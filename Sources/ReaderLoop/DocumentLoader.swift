import ArticleKit
import ReaderCore

/// Carries out `.load` and `.loadFull`: reads an article from the library's store and
/// lays it out. The one place the reader reads article files: the state knows only the collection.
public enum DocumentLoader {
    /// What the reader's collection is read from now: `library`'s store and parser, and the state's
    /// collection (which is the whole folder once it is indexed, whatever `library` held at the start).
    public static func library(_ collection: ArticleCollection, like library: ArticleLibrary) -> ArticleLibrary {
        ArticleLibrary(collection: collection, store: library.store, parser: library.parser)
    }

    /// `whole`: all of the article; else the first `ReaderState.firstScreenBytes` of its file.
    public static func load(_ request: LoadRequest, whole: Bool, from library: ArticleLibrary) -> Document {
        let collection = library.collection
        // History can outlive a re-index that dropped the article.
        guard let entry = collection.index(of: request.article) else {
            return Document.make(
                request, read: .failure(.notFound(path: request.article.key)), complete: true,
                collection: collection)
        }
        // Stamped before reading: a change made during the read is still noticed after it.
        let stamp = FileStamps.read(collection.entries[entry].source)
        let (read, complete) =
            whole
            ? (library.streamedArticle(entry), true)
            : library.articleStart(entry, maxBytes: ReaderState.firstScreenBytes)
        var document = Document.make(request, read: read, complete: complete, collection: collection)
        document.file = stamp
        return document
    }

    /// Carries out every `.load` now, reading from `library`'s store, feeding each answer back (it may
    /// ask for more), and hands back the other effects in the order they were asked for.
    public static func settle(_ effects: [Effect], into state: inout ReaderState, from library: ArticleLibrary)
        -> [Effect]
    {
        var queue = effects
        var rest: [Effect] = []
        var next = 0
        while next < queue.count {
            let effect = queue[next]
            next += 1
            if case .load(let request) = effect {
                let reading = Self.library(state.collection, like: library)
                queue += state.handle(.loaded(load(request, whole: false, from: reading)))
            } else {
                rest.append(effect)
            }
        }
        return rest
    }
}
