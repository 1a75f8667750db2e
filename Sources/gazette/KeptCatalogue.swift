import ArticleKit
import Foundation
import SearchIndex
import Synchronization

/// The catalogue the commands and the reader build their collection from: kept in the search index's
/// database (`SearchIndex.catalogue`), so that opening a folder again reads only its new and changed
/// files, and the files a scan read are kept for the next open. Best effort: without a usable cache
/// folder (none, read-only, held) the folder is scanned as before and nothing is kept.
struct KeptCatalogue {
    let index: SearchIndex
    let report: @Sendable (String) -> Void

    /// Nil when no index can be opened; a damaged one is said in one line and started again.
    init?(paths: [String], report: @escaping @Sendable (String) -> Void = Output.error) {
        guard !paths.isEmpty,
            let location = IndexLocation.standard(environment: ProcessInfo.processInfo.environment),
            let opened = try? SearchIndex.open(location)
        else { return nil }
        if let notice = opened.notice { report(notice) }
        index = opened.index
        self.report = report
    }

    /// `loader` taking what the catalogue knows, and noting what it has to read.
    func prepare(_ loader: CollectionLoader) -> CollectionLoader {
        var loader = loader
        let index = index, report = report
        loader.catalogue = { keys in
            do {
                return try index.catalogue(keys: keys)
            } catch  where SearchIndex.isDamage(error) {
                report("the search index was damaged (\(SearchIndex.reason(error))); building it again")
                try? index.reset()
            } catch {}
            return []
        }
        loader.scanned = ScannedFiles()
        return loader
    }

    /// Keeps what `loader`'s scan read. A cache that cannot be written is left as it is.
    func keep(_ loader: CollectionLoader) {
        guard let scanned = loader.scanned?.entries, !scanned.isEmpty else { return }
        try? index.keep(scanned)
    }
}

/// The reader's one listing-and-stat pass behind the first screen: the folder's collection opened
/// (from the catalogue), noting its listing and every file's stamp (`FolderPass`) for the search
/// index's update. Run once, by whichever job asks first (the two start together); the other waits.
final class ReaderPass: Sendable {
    typealias Opened = (ArticleLibrary, [Int], [ArticleError])
    private struct Slot {
        var done = false
        var opened: Opened?
    }
    private let slot = Mutex(Slot())
    private let folders = FolderPass()
    private let open: @Sendable (FolderPass) -> Opened?

    init(open: @escaping @Sendable (FolderPass) -> Opened?) {
        self.open = open
    }

    private func run() {
        slot.withLock { slot in
            guard !slot.done else { return }
            slot.opened = open(folders)
            slot.done = true
        }
    }

    /// The opened collection, once (a later ask, a re-index, opens again: nil).
    func takeOpened() -> Opened? {
        run()
        return slot.withLock { slot in
            defer { slot.opened = nil }
            return slot.opened
        }
    }

    /// What the pass listed and stat'ed (released by the update that takes it).
    @Sendable func takeFolders() -> FolderPass {
        run()
        return folders
    }
}
