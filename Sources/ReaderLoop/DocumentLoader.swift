import ArticleKit
import ReaderCore

/// Carries out `.load` and `.loadFull`: reads an article from the library's store and
/// lays it out. The one place the reader reads article files.
public enum DocumentLoader {
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

    /// Carries out every `.load` now, feeding each answer back (it may ask for more), and
    /// hands back the other effects in the order they were asked for.
    public static func settle(_ effects: [Effect], into state: inout ReaderState) -> [Effect] {
        var queue = effects
        var rest: [Effect] = []
        var next = 0
        while next < queue.count {
            let effect = queue[next]
            next += 1
            if case .load(let request) = effect {
                queue += state.handle(.loaded(load(request, whole: false, from: state.library)))
            } else {
                rest.append(effect)
            }
        }
        return rest
    }
}
