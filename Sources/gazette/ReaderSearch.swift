import ArticleKit
import Foundation
import ReaderLoop
import SearchIndex
import Synchronization

/// The reader's way to the full-text index: the folders it opened, indexed behind the first
/// screen (a file named alone brings its folder, as its links do), or the built-in articles
/// in an index held in memory.
enum ReaderSearch {
    /// Hooks for the folders of `paths`; nil when no index can be placed (no HOME).
    /// `pass`: the folder's listing and stamps from the collection's scan (`ReaderPass`), taken by the
    /// update instead of listing and stat'ing the files again.
    static func hooks(
        paths: [String], options: CollectionOptions, pass: (@Sendable () -> FolderPass)? = nil
    ) -> SearchHooks? {
        guard let location = IndexLocation.standard(environment: ProcessInfo.processInfo.environment) else {
            return nil
        }
        let scope = IndexScope(
            folders: NamedPaths.folders(paths), files: [], fileExtension: options.fileExtension,
            depth: options.folderDepth, directory: FileManager.default.currentDirectoryPath)
        let opened = Mutex<Result<SearchIndex, SearchFailure>?>(nil)
        // Opened once, by whichever asks first: the update job or an early query.
        @Sendable func index() -> Result<SearchIndex, SearchFailure> {
            opened.withLock { cached in
                if let cached { return cached }
                let result: Result<SearchIndex, SearchFailure>
                do throws(SearchIndexError) {
                    result = .success(try SearchIndex.open(location).index)
                } catch {
                    result = .failure(SearchFailure(error.description))
                }
                cached = result
                return result
            }
        }
        return SearchHooks(
            update: { progress in
                index().flatMap { index in
                    do {
                        // One core: the other stays with the reader's keys.
                        let folders = pass?()
                        defer { folders?.release() }
                        let report = try index.update(scope, pass: folders, parallel: false) {
                            progress($0.done, $0.total)
                        }
                        return .success(summary(report))
                    } catch {
                        return .failure(
                            SearchFailure("the search index could not be updated: \(SearchIndex.reason(error))"))
                    }
                }
            },
            find: { query, limit, snippets in
                index().flatMap { index in
                    do {
                        // A query (not the list's filter, asked per key) first lists again the folders
                        // whose mtime moved since the full update behind the screen last finished.
                        if snippets { _ = try? index.update(scope, mode: .movedFoldersOnly, parallel: false) }
                        let hits =
                            snippets
                            ? try index.find(query, scope: scope, limit: limit).map(\.hit)
                            : try index.search(query, scope: scope, limit: limit)
                        return .success(hits)
                    } catch {
                        return .failure(SearchFailure("search failed: \(SearchIndex.reason(error))"))
                    }
                }
            })
    }

    /// Hooks for articles that are not files: indexed in memory when the reader starts.
    static func hooks(library: ArticleLibrary) -> SearchHooks? {
        guard let index = try? SearchIndex.inMemory() else { return nil }
        let entries = library.collection.entries
        return SearchHooks(
            update: { progress in
                // Named by entry, whichever fail to read.
                let articles = entries.indices.compactMap { i in
                    (try? library.article(i).get()).map { (name: entries[i].id.key, article: $0) }
                }
                do {
                    try index.add(articles)
                } catch {
                    return .failure(
                        SearchFailure("the built-in articles could not be indexed: \(SearchIndex.reason(error))"))
                }
                progress(entries.count, entries.count)
                return .success(nil)
            },
            find: { query, limit, snippets in
                let read = { (name: String) -> Article? in
                    library.collection.index(of: ArticleID(key: name)).flatMap { try? library.article($0).get() }
                }
                do {
                    let hits =
                        snippets
                        ? try index.find(query, scope: nil, limit: limit, read: read).map(\.hit)
                        : try index.search(query, scope: nil, limit: limit)
                    return .success(hits)
                } catch {
                    return .failure(SearchFailure("search failed: \(SearchIndex.reason(error))"))
                }
            })
    }

    /// What the status line says after an update: only that the index was built again. Files that
    /// cannot be read are not repeated here: the reader has said so of its folder already, and
    /// a line arriving late would cover the place being read.
    static func summary(_ report: IndexReport) -> String? {
        report.rebuilt ? "the search index was damaged or too old and was built again" : nil
    }
}
