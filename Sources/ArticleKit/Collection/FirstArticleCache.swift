#if canImport(Glibc)
    import Glibc
#endif

/// Remembers each folder's first article by path, so a later open shows it without listing the
/// folder (listing 100,000 names costs tens of milliseconds, more than drawing the first screen).
/// Valid while the folders the walk to it listed (`FolderWalk.listed`: in a year/month archive the
/// folder, its first year and its first month) keep their mtimes: adding, removing or renaming a file
/// in one changes it, and so does a folder added or removed.
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

    static let version = "gazette-first-v2"

    public func lookup(folder: String, fileExtension: String, depth: Int = FolderWalk.defaultDepth) -> String? {
        guard let key = Key(folder: folder), let text = Self.readSmallFile(path(for: key)) else { return nil }
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 7, fields[0] == Self.version, fields[1] == fileExtension, fields[2] == String(depth),
            fields[3] == key.folder, !fields[4].isEmpty, fields.last == ""
        else { return nil }
        // Every folder the walk listed, unchanged (the last field is the empty one after the last "\n").
        for line in fields[5..<(fields.count - 1)] {
            guard let space = line.firstIndex(of: " "), let mtime = Int64(line[..<space]) else { return nil }
            let relative = String(line[line.index(after: space)...])
            guard Self.modified(relative.isEmpty ? key.folder : key.folder + "/" + relative) == mtime else {
                return nil
            }
        }
        let file = (folder.hasSuffix("/") ? folder : folder + "/") + fields[4]
        var st = stat()
        guard stat(FileName.encode(file), &st) == 0 else { return nil }
        return file
    }

    /// Records `first` (a path inside `folder`) as the folder's first article, found by a walk that
    /// listed `listed` (relative folders and their mtimes). Best effort.
    public func store(
        folder: String, fileExtension: String, depth: Int = FolderWalk.defaultDepth, first: String,
        listed: [(folder: [UInt8], mtime: Int64)]
    ) {
        guard let key = Key(folder: folder) else { return }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        guard first.hasPrefix(base), !listed.isEmpty else { return }
        let relative = String(first.dropFirst(base.count))
        var text = "\(Self.version)\n\(fileExtension)\n\(depth)\n\(key.folder)\n\(relative)\n"
        for (folder, mtime) in listed {
            let name = FileName.decode(folder.last == UInt8(ascii: "/") ? folder.dropLast() : folder[...])
            text += "\(mtime) \(name)\n"
        }
        // A name with a line break in it cannot be written on one line; a long walk is not worth keeping.
        guard !relative.contains("\n"), text.split(separator: "\n").count == 5 + listed.count,
            text.utf8.count < 8000
        else { return }
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

    /// A folder's mtime in nanoseconds; nil when it is gone or not a folder.
    static func modified(_ path: String) -> Int64? {
        var st = stat()
        guard stat(FileName.encode(path), &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
        return FolderWalk.nanoseconds(st.st_mtim)
    }

    struct Key {
        /// The folder's real path (links resolved): one cache file however it is named.
        let folder: String
        init?(folder: String) {
            guard let real = realpath(FileName.encode(folder), nil) else { return nil }
            defer { free(real) }
            self.folder = FileName.decode(
                Array(UnsafeBufferPointer(start: real, count: strlen(real))).map {
                    UInt8(bitPattern: $0)
                })
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
