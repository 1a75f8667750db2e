import ArticleKit
import Foundation
import ReaderCore
import ReaderLoop

/// The reading state for one run of the reader: the store opened (or why not), where to
/// start, and the hooks that keep what changes. The built-in collection keeps no state:
/// it is the same for everyone and is read to learn the keys, not to follow the news.
/// Shared by `gazette` and the kill test's soak (`gazette-dev soak`), so the test kills the real wiring.
public struct ReadingState {
    public let database: StateDatabase?
    /// What to tell the person about the store, once.
    public let notice: String?

    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static let quickFingerprintBytes = 1 << 20

    public static func open() -> ReadingState {
        guard let location = StateLocation.standard(environment: environment) else {
            return ReadingState(
                database: nil,
                notice: "not keeping reading state: neither XDG_STATE_HOME nor HOME is set")
        }
        do {
            let (database, notice) = try StateDatabase.open(location)
            return ReadingState(database: database, notice: notice)
        } catch {
            return ReadingState(database: nil, notice: error.description)
        }
    }

    public static func canonical(_ path: String) -> String {
        ArticleID.file(path, in: FileManager.default.currentDirectoryPath).key
    }

    public static func isFolder(_ path: String) -> Bool { NamedPaths.kind(path) == .folder }

    /// The file to show first: for a lone folder, the article last opened in it (or in a subfolder read
    /// to `depth`), while it is still there.
    public func startFile(
        _ paths: [String], fromStart: Bool, fileExtension: String, depth: Int = FolderWalk.defaultDepth
    ) -> String? {
        guard !fromStart, paths.count == 1, Self.isFolder(paths[0]), let database,
            let path = try? database.lastOpened(inFolder: Self.canonical(paths[0]), depth: depth),
            FileManager.default.fileExists(atPath: path),
            CollectionLoader(fileExtension: fileExtension).isArticlePath(path)
        else { return nil }
        return path
    }

    /// Where to open `file`: its saved place, found by path, else by its text's fingerprint.
    public func place(of file: String, fromStart: Bool) -> TextPlace? {
        guard !fromStart, let database else { return nil }
        let path = Self.canonical(file)
        if let place = try? database.place(for: ArticleKey(path: path, fingerprint: nil)) { return place }
        // A moved file is found by its text; hashing waits for the first screen, so only a file that
        // hashes quickly is looked for that way.
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size, size <= Self.quickFingerprintBytes else { return nil }
        return try? database.place(for: ArticleKey(path: path, fingerprint: Fingerprint.ofFile(path)))
    }

    /// The hooks for a reader on `paths` (folders read `depth` folders down), opening `start`; `report`
    /// hears a write that failed, on the way out.
    public func hooks(
        paths: [String], depth: Int = FolderWalk.defaultDepth, start: String, fromStart: Bool,
        report: @escaping @Sendable (String) -> Void
    ) -> StateHooks {
        guard let database else { return .none(notice: notice) }
        let folders = Set(paths.map { p in Self.isFolder(p) ? Self.canonical(p) : Self.folder(of: Self.canonical(p)) })
        let scope = folders.sorted().joined(separator: "\n")
        let writer = StateWriter(database: database, scope: scope)
        return StateHooks(
            resume: place(of: start, fromStart: fromStart), notice: notice,
            save: { writer.save($0) }, record: { writer.record($0) },
            load: [
                {
                    // An unreadable journal leaves the reader as it is: empty, as without a store.
                    .journal(
                        (try? database.journal(folders: folders, depth: depth, scope: scope, places: !fromStart))
                            ?? Journal())
                }
            ],
            flush: {
                writer.flush()
                if let problem = writer.problem { report(problem) }
            })
    }

    /// The folder of a canonical path, as the database keeps it (`ArticleKey.folder`).
    public static func folder(of path: String) -> String { ArticleKey.folder(of: path) }
}
