#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads article files without trusting them: never blocks on a FIFO, refuses
/// devices, folders and files over the size limit, and turns every failure into an
/// `ArticleError` that names the file.
public struct FileReader: Sendable {
    /// Largest file served as one article.
    public var sizeLimit: Int64
    /// How much of each end of a file the link scan reads.
    public var edgeBytes: Int

    public init(sizeLimit: Int64 = 100_000_000, edgeBytes: Int = 16 * 1024) {
        self.sizeLimit = sizeLimit
        self.edgeBytes = edgeBytes
    }

    /// The whole file.
    public func read(_ path: String) throws(ArticleError) -> [UInt8] {
        let file = try OpenFile(path, limit: sizeLimit)
        defer { file.close() }
        return try file.read(offset: 0, count: Int(file.size), path: path)
    }

    /// At most `count` bytes from the start, and whether that is the whole file.
    public func prefix(_ path: String, count: Int) throws(ArticleError) -> (bytes: [UInt8], isWhole: Bool) {
        let file = try OpenFile(path, limit: sizeLimit)
        defer { file.close() }
        let n = Int(min(file.size, Int64(count)))
        return (try file.read(offset: 0, count: n, path: path), Int64(n) >= file.size)
    }

    /// The first and (for a long file) last `edgeBytes` of a file: enough for the
    /// title and the PREV/NEXT lines.
    public func edges(_ path: String) throws(ArticleError) -> (head: [UInt8], tail: [UInt8]?) {
        let file = try OpenFile(path, limit: sizeLimit)
        defer { file.close() }
        if file.size <= Int64(edgeBytes * 2) {
            return (try file.read(offset: 0, count: Int(file.size), path: path), nil)
        }
        let head = try file.read(offset: 0, count: edgeBytes, path: path)
        let tail = try file.read(offset: file.size - Int64(edgeBytes), count: edgeBytes, path: path)
        return (head, tail)
    }
}

/// What tells that a file changed since it was last read: size, modification time (ns) and inode
/// (a file replaced by another of the same size and time is still seen). The search index keeps
/// one per file. (The reader's file watch keeps `Document.FileStamp`, which `=` also shows.)
public struct FileStamp: Sendable, Equatable, Hashable {
    public var size: Int64
    public var mtime: Int64
    public var inode: Int64

    public init(size: Int64, mtime: Int64, inode: Int64) {
        self.size = size
        self.mtime = mtime
        self.inode = inode
    }

    /// Nil when the file is gone or cannot be looked at.
    public static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(FileName.encode(path), &st) == 0 else { return nil }
        return FileStamp(
            size: Int64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
            inode: Int64(bitPattern: UInt64(st.st_ino)))
    }
}

/// An open file descriptor known to be a regular file.
/// Internal, not private, for one test seam: the tests check `error(_:path:)` directly.
struct OpenFile {
    let fd: Int32
    let size: Int64

    init(_ path: String, limit: Int64) throws(ArticleError) {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let fd = open(FileName.encode(path), O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw OpenFile.error(errno, path: path) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let e = errno
            Glibc.close(fd)
            throw OpenFile.error(e, path: path)
        }
        let type = st.st_mode & S_IFMT
        guard type == S_IFREG else {
            Glibc.close(fd)
            let kind: String
            switch type {
            case S_IFDIR: kind = "folder"
            case S_IFIFO: kind = "named pipe (FIFO)"
            case S_IFCHR: kind = "character device"
            case S_IFBLK: kind = "block device"
            case S_IFSOCK: kind = "socket"
            default: kind = "special file"
            }
            throw .notARegularFile(path: path, kind: kind)
        }
        let size = Int64(st.st_size)
        if size > limit {
            Glibc.close(fd)
            throw .tooLarge(path: path, bytes: size, limit: limit)
        }
        self.fd = fd
        self.size = size
    }

    func read(offset: Int64, count: Int, path: String) throws(ArticleError) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        var failure: Int32 = 0
        buffer.withUnsafeMutableBytes { raw in
            while done < count {
                let n = pread(fd, raw.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }  // the file shrank since fstat
                done += n
            }
        }
        if failure != 0 { throw OpenFile.error(failure, path: path) }
        if done < count { buffer.removeLast(count - done) }
        return buffer
    }

    func close() { Glibc.close(fd) }

    static func error(_ code: Int32, path: String) -> ArticleError {
        if code == ENOENT { return .notFound(path: path) }
        // open() on a socket fails with ENXIO: say what it is, as for FIFOs and devices.
        if code == ENXIO {
            var st = stat()
            if stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFSOCK {
                return .notARegularFile(path: path, kind: "socket")
            }
        }
        let reason: String
        switch code {
        case EACCES, EPERM: reason = "permission denied"
        case ELOOP: reason = "too many levels of symbolic links"
        case EISDIR: return .notARegularFile(path: path, kind: "folder")
        default: reason = String(cString: strerror(code))
        }
        return .notReadable(path: path, reason: reason)
    }
}

extension FileReader {
    /// Reads a file front to back in chunks of `chunkSize`, for parsing articles too
    /// big to hold twice. The same checks as `read`: no FIFOs, devices or folders.
    public func stream(
        _ path: String, chunkSize: Int = 1 << 20, _ body: (UnsafeBufferPointer<UInt8>) throws(ArticleError) -> Void
    ) throws(ArticleError) {
        let file = try OpenFile(path, limit: sizeLimit)
        defer { file.close() }
        var offset: Int64 = 0
        while offset < file.size {
            let chunk = try file.read(offset: offset, count: min(chunkSize, Int(file.size - offset)), path: path)
            if chunk.isEmpty { break }
            try chunk.withUnsafeBufferPointer { (b) throws(ArticleError) in try body(b) }
            offset += Int64(chunk.count)
        }
    }
}
