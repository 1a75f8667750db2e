#if canImport(Glibc)
    import Glibc
#endif

/// Remembers each folder's first article by name, so a later open shows it
/// without listing the folder (listing 100,000 names costs tens of milliseconds,
/// more than drawing the first screen). Valid while the folder's own mtime is
/// unchanged: adding, removing or renaming a file changes it.
public struct FirstArticleCache: Sendable {
    /// Where the cache files go, e.g. `$XDG_CACHE_HOME/gazette`.
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `$XDG_CACHE_HOME/gazette`, or `~/.cache/gazette`; nil when neither is set.
    public static func standardDirectory(environment: [String: String]) -> String? {
        BaseDirectory.cache.folder(environment: environment)
    }

    public func lookup(folder: String, fileExtension: String) -> String? {
        guard let key = Key(folder: folder, fileExtension: fileExtension),
            let text = Self.readSmallFile(path(for: key))
        else { return nil }
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 5, fields[0] == "gazette-first-v1", fields[1] == String(key.modified),
            fields[2] == fileExtension, fields[3] == key.folder, !fields[4].isEmpty, !fields[4].contains("/")
        else { return nil }
        let file = (folder.hasSuffix("/") ? folder : folder + "/") + fields[4]
        var st = stat()
        guard stat(file, &st) == 0 else { return nil }
        return file
    }

    /// Records `first` (a path inside `folder`) as the folder's first article. Best effort.
    public func store(folder: String, fileExtension: String, first: String) {
        guard let key = Key(folder: folder, fileExtension: fileExtension) else { return }
        let name = first.split(separator: "/").last.map(String.init) ?? first
        let text = "gazette-first-v1\n\(key.modified)\n\(fileExtension)\n\(key.folder)\n\(name)\n"
        mkdirs(directory)
        let target = path(for: key)
        let temporary = target + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let ok = text.utf8CString.withUnsafeBufferPointer { buffer in
            write(fd, buffer.baseAddress, buffer.count - 1) == buffer.count - 1
        }
        close(fd)
        // Rename into place so a reader never sees half a file.
        if !ok || rename(temporary, target) != 0 { unlink(temporary) }
    }

    struct Key {
        let folder: String
        let modified: Int64
        init?(folder: String, fileExtension: String) {
            guard let real = realpath(folder, nil) else { return nil }
            defer { free(real) }
            self.folder = String(cString: real)
            var st = stat()
            guard stat(self.folder, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
            modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        }
    }

    func path(for key: Key) -> String {
        // FNV-1a: a stable name per folder, the same in every run.
        let hash = FNV1a.hash(key.folder.utf8)
        return directory + "/first-" + String(hash, radix: 16)
    }

    func mkdirs(_ path: String) {
        var partial = ""
        for component in path.split(separator: "/") {
            partial += "/" + component
            mkdir(partial, 0o755)
        }
    }

    static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 8192) }
        guard n > 0 else { return nil }
        return String(decoding: buffer[..<n], as: UTF8.self)
    }
}
