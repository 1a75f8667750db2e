import ArticleKit
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writing into an archive folder: whole files only (a temporary name, then a rename), one fetch at
/// a time per folder (a lock file), and file names no two items share.
public final class FolderLock: @unchecked Sendable {
    public let folder: String
    /// Where the per-feed state files and the lock live: hidden, so no reader lists them.
    public let stateFolder: String
    private let fd: Int32
    private let names = Mutex<Set<String>>([])

    /// Takes the folder (making it when missing), or says why not: another fetch holds it, or it
    /// cannot be written.
    public static func acquire(_ folder: String) -> Result<FolderLock, FetchError> {
        let state = folder + "/.gazette-feeds"
        if let problem = BaseDirectory.prepare(state) {
            return .failure(FetchError("cannot write into \(folder): \(problem)"))
        }
        let fd = open(state + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            return .failure(FetchError("cannot write into \(folder): \(String(cString: strerror(errno)))"))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return .failure(FetchError("another gazette fetch is writing into \(folder)"))
        }
        let lock = FolderLock(folder: folder, stateFolder: state, fd: fd)
        lock.removeLeftovers()
        return .success(lock)
    }

    private init(folder: String, stateFolder: String, fd: Int32) {
        self.folder = folder
        self.stateFolder = stateFolder
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Temporary files a killed fetch left (never an article: they are hidden and end `.tmp-PID`).
    private func removeLeftovers() {
        for dir in [folder, stateFolder] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            where name.hasPrefix(".") && name.contains(".tmp-") {
                unlink(dir + "/" + name)
            }
        }
    }

    /// A file name for a new article, free in the folder and not given out in this run:
    /// `base.md`, else `base-2.md`, `base-3.md`…
    func reserveName(_ base: String, taken: Set<String>) -> String {
        names.withLock { reserved in
            var n = 1
            while true {
                let name = n == 1 ? base + ".md" : base + "-\(n).md"
                if !reserved.contains(name) && !taken.contains(name)
                    && !FileManager.default.fileExists(atPath: folder + "/" + name)
                {
                    reserved.insert(name)
                    return name
                }
                n += 1
            }
        }
    }
}

enum AtomicFile {
    /// Writes `bytes` to a hidden temporary file beside `path`, flushes it, and renames it over
    /// `path`: a reader (or a kill) sees the old file or the new one, never half of one. `sync`
    /// flushes it to the disk first (articles), so a power cut leaves no empty file either.
    static func write(_ bytes: [UInt8], to path: String, sync: Bool = true) -> FetchError? {
        let dir = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (dir.isEmpty ? "." : dir) + "/." + name + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return FetchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        var done = 0
        let failed: Int32? = bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                done += n
            }
            return nil
        }
        if let failed {
            close(fd)
            unlink(temporary)
            return FetchError("cannot write \(path): \(String(cString: strerror(failed)))")
        }
        if sync { fsync(fd) }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return FetchError("cannot write \(path): \(reason)")
        }
        return nil
    }

    /// The file's bytes, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}
